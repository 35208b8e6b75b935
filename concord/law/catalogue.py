"""The offence catalogue as typed values: article, names, chapter, mens rea, penalty tiers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from .errors import LawInputError
from .params import ParamValue, Registry

CATALOGUE = "offences.catalogue"
PENALTIES = "general.penalties"


@dataclass(frozen=True, slots=True)
class Tier:
    """One penalty paragraph of an article, with its statutory range in months."""

    number: int
    en: str
    zh: str
    ft_min: int
    ft_max: int
    detention: bool
    surveillance: bool
    life: bool
    death: bool

    def lowest_months(self, detention_min: int) -> int:
        """Return the lowest custodial term the tier allows (criminal detention if allowed)."""
        return detention_min if self.detention or self.ft_max == 0 else self.ft_min


@dataclass(frozen=True, slots=True)
class Offence:
    """An offence of CL Part II as the catalogue describes it."""

    article: str
    en: str
    zh: str
    chapter: int
    mens_rea: str  # intentional | negligent | either
    tiers: tuple[Tier, ...]
    traffic: bool
    mps_334_excluded: bool
    policy_flag: str

    def tier(self, number: int) -> Tier | None:
        for tier in self.tiers:
            if tier.number == number:
                return tier
        return None


def normalize_article(raw: str) -> str:
    """Normalise an article reference: full-width brackets, spaces, 之一 → "-1"."""
    text = raw.strip().replace("（", "(").replace("）", ")").replace(" ", "")
    text = text.replace("之一", "-1").replace("之二", "-2")
    return text.removeprefix("Art.").removeprefix("art.")


@lru_cache(maxsize=8)
def _build(value: ParamValue) -> dict[str, Offence]:
    out: dict[str, Offence] = {}
    for row in value.value:
        tiers = tuple(
            Tier(
                number=int(t["tier"]),
                en=str(t["en"]),
                zh=str(t["zh"]),
                ft_min=int(t["ft"][0]),
                ft_max=int(t["ft"][1]),
                detention=bool(t.get("cd", False)),
                surveillance=bool(t.get("ps", False)),
                life=bool(t.get("life", False)),
                death=bool(t.get("death", False)),
            )
            for t in row["tiers"]
        )
        out[str(row["article"])] = Offence(
            article=str(row["article"]),
            en=str(row["en"]),
            zh=str(row["zh"]),
            chapter=int(row["chapter"]),
            mens_rea=str(row["mens_rea"]),
            tiers=tiers,
            traffic=bool(row.get("traffic", False)),
            mps_334_excluded=bool(row.get("mps_334_excluded", False)),
            policy_flag=str(row.get("policy_flag", "")),
        )
    if "237" in out:
        out["237(1)(2)"] = out["237"]
    return out


def catalogue_value(reg: Registry, on: dt.date, field: str = "as_of") -> ParamValue:
    """Return the catalogue in force on a date, or say that none is in the data."""
    try:
        return reg.get(CATALOGUE, on)
    except LawInputError:
        raise LawInputError(
            field,
            f"no offence catalogue in force on {on.isoformat()}; the data holds the Criminal Law "
            "as amended from 2021-03-01 — add the earlier text as a dated catalogue file",
            code="no_rules",
            params={"on": on},
        ) from None


def lookup(reg: Registry, on: dt.date, article: str, field: str) -> tuple[Offence, ParamValue]:
    """Return the offence for an article reference, or raise naming the field."""
    value = catalogue_value(reg, on)
    offences = _build(value)
    offence = offences.get(normalize_article(article))
    if offence is None:
        raise LawInputError(
            field,
            f"article {article!r} is not in the offence catalogue; "
            f"known: {', '.join(sorted(offences))}",
            code="unknown_article",
            params={"article": article},
        )
    return offence, value


def statutory_range(tier: Tier, penalties: ParamValue) -> tuple[int, int]:
    """Return [lowest, highest] months of detention or imprisonment the tier allows."""
    detention = penalties.value["detention"]
    if tier.ft_max == 0:
        return int(detention[0]), int(detention[1])
    return tier.lowest_months(int(detention[0])), tier.ft_max
