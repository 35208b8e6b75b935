"""Short, varied case narratives for the demo, in the register of a police or court summary.

Placeholders: ``{s}``/``{s2}`` suspects and ``{v}``/``{v2}`` victims (as "王某"), ``{a}``
applicant and ``{b}`` respondent of a civil dispute, ``{when}`` the date the dispute arose
("2025年3月14日"; for a loan, the day it fell due),
``{place}`` where it happened, ``{grade}`` the injury grade, ``{amount}`` a sum in yuan.
"""

from __future__ import annotations

from dataclasses import dataclass

from concord.cases.choices import DisputeType


@dataclass(frozen=True)
class Story:
    facts: str
    venues: tuple[str, ...]
    # CPL 288(1): reconciliation needs a case "caused by a civil dispute"; None where it is moot
    # (a negligent crime, an offence outside chapters IV and V). Selling personal information
    # (CL 253-1) is in chapter IV but did not arise from a dispute: False.
    civil_dispute_origin: bool | None = True
    grades: tuple[str, ...] = ()  # injury grades to draw from; empty: nobody injured
    victims: int = 1
    suspects: int = 1
    dispute_type: str = DisputeType.INJURY
    # Civil disputes whose respondent is an organisation (a clinic, a company): its names.
    organisations: tuple[str, ...] = ()
    applicant_ages: tuple[int, int] = (20, 65)
    amounts: tuple[int, int, int] = (5_000, 120_000, 100)  # {amount}: least, most, step


# Crime names as case titles use them ("王某故意伤害案").
OFFENCE_TITLES = {
    "234": "故意伤害",
    "293": "寻衅滋事",
    "336(1)": "非法行医",
    "253-1": "侵犯公民个人信息",
    "275": "故意毁坏财物",
    "133": "交通肇事",
    "246": "诽谤",
}
GRADE_WORDS = {
    "slight": "轻微伤",
    "minor_2": "轻伤二级",
    "minor_1": "轻伤一级",
    "serious_2": "重伤二级",
}
# Art. 234 requires at least a minor injury; most minor-injury cases are grade 2.
MINOR = ("minor_2", "minor_2", "minor_2", "minor_1")

CRIMINAL_STORIES: dict[str, tuple[Story, ...]] = {
    "234": (
        Story(
            "{when}晚，{s}与{v}在{place}因争抢停车位发生口角，{s}推搡并拳击{v}面部，致{v}鼻骨骨折。"
            "经鉴定，{v}的损伤程度为{grade}。案发后{s}主动拨打110报警并在现场等候。",
            ("某小区地下车库", "某商场停车场", "某小区门口"),
            grades=MINOR,
        ),
        Story(
            "{s}与楼下邻居{v}因卫生间漏水问题多次协商未果。{when}上午，双方在{place}再次发生争吵，"
            "{s}持拖把柄击打{v}头部及左臂，致{v}左尺骨骨折，经鉴定为{grade}。",
            ("某小区楼道", "某小区单元门口"),
            grades=MINOR,
        ),
        Story(
            "{when}深夜，{s}与朋友在{place}饮酒，与邻桌{v}因言语冲突发生打斗，{s}持啤酒瓶砸伤{v}"
            "头面部。经鉴定，{v}的损伤程度为{grade}。",
            ("某烧烤店", "某大排档", "某酒吧"),
            civil_dispute_origin=False,
            grades=MINOR,
        ),
        Story(
            "{when}中午，外卖骑手{s}在{place}送餐时与保安{v}因进门登记发生争执，继而相互推打，"
            "致{v}右手第五掌骨骨折，经鉴定为{grade}。",
            ("某小区北门", "某产业园区门岗"),
            grades=MINOR,
        ),
        Story(
            "{s}与{v}系同一工地的工友。{when}下午，二人在{place}因工钱结算问题发生争吵，{s}用安全帽"
            "击打{v}面部，致其眶壁骨折，经鉴定为{grade}。",
            ("某建筑工地", "某工地生活区"),
            grades=MINOR,
        ),
        Story(
            "{when}傍晚，{s}驾车行经{place}时与{v}驾驶的车辆发生轻微刮擦，双方下车理论过程中{s}"
            "殴打{v}，致{v}肋骨骨折，经鉴定为{grade}。",
            ("路口", "附近路段"),
            grades=MINOR,
        ),
        Story(
            "{s}与{v}系亲戚，因老人赡养费分担问题积怨。{when}，双方在{place}争吵时{s}将{v}推倒，"
            "致{v}右腕骨折，经鉴定为{grade}。",
            ("某小区", "某村宅基地"),
            grades=MINOR,
        ),
        Story(
            "{when}上午，{s}在{place}摆摊时与顾客{v}因找零问题发生争执，{s}持秤杆击打{v}头部，"
            "致{v}头皮裂伤、颅骨线性骨折，经鉴定为{grade}。",
            ("菜市场", "农贸市场"),
            grades=MINOR,
        ),
    ),
    "293": (
        Story(
            "{when}凌晨，{s}酒后在{place}无故拦截路人{v}，对其辱骂并殴打，致{v}{grade}，情节恶劣。",
            ("附近路段", "某夜市"),
            civil_dispute_origin=False,
            grades=("slight", "minor_2"),
        ),
        Story(
            "{when}晚，{s}伙同{s2}在{place}内借故生非，随意殴打服务员{v}，并砸毁店内桌椅、"
            "酒水等物品，致{v}{grade}。",
            ("某KTV", "某台球室"),
            civil_dispute_origin=False,
            grades=("slight", "minor_2"),
            suspects=2,
        ),
        Story(
            "{s}因不满{v}经营的{place}拒绝赊账，多次到店内滋扰。{when}晚，{s}又在店内辱骂、"
            "推搡{v}及顾客，并将{v}打伤，致其{grade}。",
            ("某面馆", "某便利店"),
            civil_dispute_origin=False,
            grades=("slight",),
        ),
    ),
    "336(1)": (
        Story(
            "{s}未取得医生执业资格，自{when}前后在{place}内开设无证诊所，为周边居民输液、开药。"
            "{v}在该处输液后出现过敏性休克，经送医抢救脱离危险，经鉴定为{grade}。检察机关以{s}"
            "犯非法行医罪提起公诉，并提起附带民事公益诉讼。",
            ("附近一出租屋", "某沿街商铺"),
            civil_dispute_origin=None,
            grades=("slight", "minor_2"),
            dispute_type=DisputeType.MEDICAL,
        ),
        Story(
            "{s}无医师资格，于{when}起在{place}内为{v}等人注射所谓“玻尿酸”“美白针”，致{v}面部"
            "感染，经鉴定为{grade}。检察机关提起附带民事公益诉讼，要求{s}承担公共卫生损害赔偿。",
            ("某美容工作室", "某居民楼内"),
            civil_dispute_origin=None,
            grades=("slight",),
            dispute_type=DisputeType.MEDICAL,
        ),
    ),
    "253-1": (
        Story(
            "{s}系{place}的快递员，利用工作便利，于{when}前后将所负责片区客户的姓名、电话、"
            "地址等个人信息四千余条出售给他人，获利人民币八千余元，其中包括{v}的信息。检察机关"
            "同时提起附带民事公益诉讼。",
            ("某快递网点", "某物流站点"),
            civil_dispute_origin=False,
            dispute_type=DisputeType.PERSONAL_INFORMATION,
        ),
        Story(
            "{s}在{place}担任物业公司客服期间，于{when}将小区业主信息一万余条导出，出售给装修公司"
            "牟利。业主{v}因频繁接到骚扰电话报案。检察机关同时提起附带民事公益诉讼。",
            ("某小区", "某花园"),
            civil_dispute_origin=False,
            dispute_type=DisputeType.PERSONAL_INFORMATION,
        ),
        Story(
            "{s}系{place}某房产中介门店员工，于{when}前后通过网络群组出售、交换房东及租客个人信息"
            "六千余条，{v}的身份证号码和住址被泄露。检察机关同时提起附带民事公益诉讼。",
            ("附近", "地铁站旁"),
            civil_dispute_origin=False,
            dispute_type=DisputeType.PERSONAL_INFORMATION,
        ),
    ),
    "275": (
        Story(
            "{s}因与{v}存在停车纠纷，于{when}夜间用钥匙划伤{v}停放在{place}的轿车，经价格认定，"
            "修复费用为人民币{amount}元。",
            ("某小区地面车位", "某小区路边"),
            dispute_type=DisputeType.PROPERTY,
            amounts=(5_000, 30_000, 100),
        ),
        Story(
            "{s}与{v}因店铺租赁合同解除产生矛盾，{when}在{place}砸毁{v}店内装修及设备，"
            "经价格认定，损失为人民币{amount}元。",
            ("某沿街商铺", "某商业街"),
            dispute_type=DisputeType.PROPERTY,
            amounts=(5_000, 40_000, 100),
        ),
    ),
    "133": (
        Story(
            "{when}傍晚，{s}驾驶小型轿车行经{place}路口时未按规定让行，与{v}驾驶的电动自行车相撞，"
            "致{v}多处骨折，经鉴定为{grade}。经认定，{s}负事故主要责任，案发后在现场等候处理。",
            ("", "附近"),
            civil_dispute_origin=None,
            grades=("serious_2",),
            dispute_type=DisputeType.TRAFFIC,
        ),
        Story(
            "{when}清晨，{s}驾驶重型货车在{place}右转弯时未减速观察，将横过道路的行人{v}撞倒，"
            "致{v}{grade}。经认定，{s}负事故全部责任。",
            ("路口", "附近路段"),
            civil_dispute_origin=None,
            grades=("serious_2",),
            dispute_type=DisputeType.TRAFFIC,
        ),
    ),
    "246": (
        Story(
            "{s}因与{v}存在感情纠纷，于{when}起在多个微信群及短视频平台散布捏造的{v}隐私信息，"
            "并配以侮辱性文字，被大量转发，致{v}无法正常工作、生活。",
            ("",),
        ),
    ),
}

CIVIL_STORIES: dict[str, tuple[Story, ...]] = {
    DisputeType.LOAN: (
        Story(
            "申请人{a}称，{b}向其借款人民币{amount}元，约定于{when}前归还，到期后经多次催讨，"
            "{b}仅归还部分款项。{a}申请调解，要求{b}归还借款。",
            ("",),
            dispute_type=DisputeType.LOAN,
            amounts=(20_000, 300_000, 1_000),
        ),
        Story(
            "{a}与{b}系老乡，{b}以资金周转为由向{a}借款人民币{amount}元并出具借条，约定{when}"
            "还款。到期后{b}以经营困难为由未能还款，双方为还款期限和利息发生争议。",
            ("",),
            dispute_type=DisputeType.LOAN,
            amounts=(20_000, 300_000, 1_000),
        ),
    ),
    DisputeType.NEIGHBOUR: (
        Story(
            "{a}与楼上住户{b}因卫生间漏水问题产生纠纷。{when}起{a}家天花板多处渗水、墙面霉变，"
            "双方就维修责任和费用协商不成，{a}申请调解。",
            ("某小区",),
            dispute_type=DisputeType.NEIGHBOUR,
        ),
        Story(
            "{b}长期在{place}楼道堆放杂物并在公共绿地种菜，{a}多次劝阻无果，{when}双方发生推搡，"
            "{a}手臂擦伤，经鉴定为{grade}。",
            ("某小区",),
            grades=("slight",),
            dispute_type=DisputeType.NEIGHBOUR,
        ),
        Story(
            "{a}反映楼下{b}家自{when}起经营家庭作坊，机器噪声持续至深夜，影响休息，双方多次争吵，"
            "居委会介入后仍未解决。",
            ("某小区", "某新村"),
            dispute_type=DisputeType.NEIGHBOUR,
        ),
    ),
    DisputeType.FAMILY: (
        Story(
            "{a}年逾七旬，与子女{b}就赡养费负担及居住安排产生纠纷，{when}起{b}未再支付生活费，"
            "{a}向街镇调解室申请调解。",
            ("",),
            dispute_type=DisputeType.FAMILY,
            applicant_ages=(70, 86),
        ),
        Story(
            "{a}与{b}系夫妻，因家庭琐事及子女抚养问题矛盾激化，{when}起分居，双方就子女探视和"
            "共同财产分割申请调解。",
            ("",),
            dispute_type=DisputeType.FAMILY,
        ),
    ),
    DisputeType.MEDICAL: (
        Story(
            "{a}于{when}在{b}接受种植牙手术，术后出现持续疼痛及感染，认为医疗机构存在过错，"
            "要求赔偿医疗费、误工费等人民币{amount}元。",
            ("",),
            dispute_type=DisputeType.MEDICAL,
            organisations=("上海云间口腔门诊部", "上海松荫口腔诊所"),
        ),
        Story(
            "{a}之母于{when}在{b}住院期间跌倒致髋部骨折，{a}认为院方护理不到位，双方就赔偿数额"
            "协商不成，申请医疗纠纷人民调解。",
            ("",),
            grades=("slight",),
            dispute_type=DisputeType.MEDICAL,
            organisations=("上海九峰康复医院", "上海华亭护理院"),
        ),
    ),
    DisputeType.TRAFFIC: (
        Story(
            "{when}，{b}驾驶电动自行车在{place}与步行的{a}发生碰撞，致{a}{grade}。交警认定{b}负"
            "事故全部责任，双方就医疗费、误工费等赔偿协商不成。",
            ("路口", "附近路段"),
            grades=("slight",),
            dispute_type=DisputeType.TRAFFIC,
        ),
        Story(
            "{when}，{a}驾驶的轿车在{place}被{b}驾驶的小型货车追尾，车辆受损，{a}颈部扭伤，"
            "经鉴定为{grade}。双方对车辆贬值损失赔偿存在争议。",
            ("附近路段",),
            grades=("slight",),
            dispute_type=DisputeType.TRAFFIC,
        ),
    ),
}
