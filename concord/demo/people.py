"""Invented people for the demo: names, resident ID numbers, mobiles and addresses.

Everything is fake but valid in form, so the screens, masking and validation behave as with real
data: ID numbers carry a real region code, a plausible birth date, a sequence number whose parity
matches the sex (GB 11643-1999 §5.3) and the check character of ``concord.core.identity``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from concord.core.identity import check_digit

from .district import DISTRICT

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤"
)
GIVEN_MALE = (
    "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆旭宁龙林峰建国志文海东晨阳昊宏亮成振兴"
)
GIVEN_FEMALE = "芳娜敏静丽艳娟霞秀玲桂英燕萍红玉兰婷雪琳洁颖倩佳怡慧梅莉悦欣雯琪晶蕾"

# Region codes (GB/T 2260) of the people who live or work in the district: Songjiang itself, its
# neighbours in Shanghai, and the home counties of migrant workers.
REGIONS = (
    ("310117", 50),  # 上海市松江区
    ("310112", 6),  # 上海市闵行区
    ("310118", 5),  # 上海市青浦区
    ("310104", 4),  # 上海市徐汇区
    ("341221", 7),  # 安徽省临泉县
    ("411324", 6),  # 河南省镇平县
    ("510722", 5),  # 四川省三台县
    ("320322", 4),  # 江苏省沛县
    ("430524", 4),  # 湖南省隆回县
    ("420982", 3),  # 湖北省安陆市
    ("330327", 3),  # 浙江省苍南县
    ("360124", 3),  # 江西省进贤县
)

# Subdistricts and towns of the district, with a few of their roads.
TOWNS = {
    "岳阳街道": ("人民北路", "中山中路", "松汇中路"),
    "永丰街道": ("玉树路", "荣乐西路", "仓桥路"),
    "方松街道": ("文诚路", "三新北路", "华亭老街"),
    "中山街道": ("中山东路", "乐都路", "茸梅路"),
    "广富林街道": ("广富林路", "龙源路", "三新北路"),
    "九里亭街道": ("沪亭北路", "九杜路", "涞亭南路"),
    "泗泾镇": ("泗通路", "鼓浪路", "江川北路"),
    "九亭镇": ("九亭大街", "沪松公路", "涞寅路"),
    "车墩镇": ("车亭公路", "北松公路", "影视路"),
    "新桥镇": ("新站路", "莘砖公路", "明兴路"),
    "洞泾镇": ("长兴东路", "沈砖公路", "洞舟路"),
    "佘山镇": ("外青松公路", "林荫新路", "佘天昆公路"),
}
MOBILE_PREFIXES = (
    *(f"13{d}" for d in range(10)),
    *(f"15{d}" for d in (0, 1, 2, 3, 5, 6, 7, 8, 9)),
    *(f"18{d}" for d in range(10)),
)


@dataclass(frozen=True)
class Person:
    name: str
    male: bool
    id_number: str
    birth_date: date
    phone: str
    address: str

    @property
    def alias(self) -> str:
        """Return the name as judgments and case titles write it: surname + 某."""
        return self.name[0] + "某"


def id_number(region: str, born: date, sequence: int, *, male: bool) -> str:
    """Return an 18-character ID number; the sequence's last digit is odd for men."""
    sequence = sequence - sequence % 2 + (1 if male else 0)
    first17 = f"{region}{born:%Y%m%d}{sequence:03d}"
    return first17 + check_digit(first17)


def mobile(rng: random.Random) -> str:
    return rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"


def town_and_road(rng: random.Random) -> tuple[str, str]:
    town = rng.choice(tuple(TOWNS))
    return town, rng.choice(TOWNS[town])


def home_address(rng: random.Random) -> str:
    town, road = town_and_road(rng)
    lane, number, room = rng.randint(10, 1800), rng.randint(1, 60), rng.randint(101, 1802)
    return f"上海市{DISTRICT}{town}{road}{lane}弄{number}号{room}室"


class PersonFactory:
    """Draw distinct people from a seeded generator, so a rerun draws the same people."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self._ids: set[str] = set()
        self._regions = [code for code, _ in REGIONS]
        self._region_weights = [weight for _, weight in REGIONS]

    def name(self, *, male: bool, avoid: str = "") -> str:
        """Return a name whose surname is not in ``avoid`` (two "王某" in one case confuse)."""
        rng = self.rng
        chars = GIVEN_MALE if male else GIVEN_FEMALE
        given = rng.choice(chars) if rng.random() < 0.3 else rng.choice(chars) + rng.choice(chars)
        surname = rng.choice(SURNAMES)
        while surname in avoid:
            surname = rng.choice(SURNAMES)
        return surname + given

    def person(
        self,
        *,
        on: date,
        min_age: int = 18,
        max_age: int = 65,
        male_share: float = 0.6,
        avoid: str = "",
    ) -> Person:
        """Return a new person aged ``min_age``–``max_age`` on the date ``on``."""
        rng = self.rng
        male = rng.random() < male_share
        while True:
            age_days = rng.randint(min_age * 365 + 5, max_age * 365 + 300)
            born = on - timedelta(days=age_days)
            region = rng.choices(self._regions, self._region_weights)[0]
            number = id_number(region, born, rng.randrange(1000), male=male)
            if number not in self._ids:
                self._ids.add(number)
                break
        return Person(
            name=self.name(male=male, avoid=avoid),
            male=male,
            id_number=number,
            birth_date=born,
            phone=mobile(rng),
            address=home_address(rng),
        )
