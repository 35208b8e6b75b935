"""The case's side of rules as code: map the case's records to rule inputs, run the rule, keep
the result with its trace and the rules version (STYLE.md §4). The rules live in concord/law."""

from __future__ import annotations

import hashlib
import json
import logging
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from concord.audit.services import audit_record
from concord.calculators.runner import RUNNERS
from concord.core.identity import birth_date as id_birth_date
from concord.core.identity import id_number_problem
from concord.law import LawInputError, rules_version

from .choices import InjuryGrade, PartyRole
from .models import Case, LawResult

logger = logging.getLogger(__name__)

GRADE_ORDER = list(InjuryGrade.values)


def worst_injury_grade(case: Case) -> str | None:
    grades = [i.grade for i in case.injuries.all()]
    return max(grades, key=GRADE_ORDER.index) if grades else None


def _victims(case: Case) -> list:
    return [p for p in case.parties.all() if p.role in (PartyRole.VICTIM, PartyRole.APPLICANT)]


def _suspects(case: Case) -> list:
    return [p for p in case.parties.all() if p.role in (PartyRole.SUSPECT, PartyRole.RESPONDENT)]


def _tri(values: list[bool | None]) -> bool | None:
    """True if any is True; False if all are known False; else unknown."""
    if any(v is True for v in values):
        return True
    if values and all(v is False for v in values):
        return False
    return None


def eligibility_facts(case: Case) -> dict[str, Any]:
    """Return the screening input for the case; unknown facts are left out, not guessed."""
    facts: dict[str, Any] = {
        "offences": [
            {"article": o.article, **({"tier": o.tier} if o.tier else {})}
            for o in case.offences.all()
        ],
        "public_interest_litigation": bool(case.public_interest_litigation),
        "as_of": timezone.localdate().isoformat(),
    }
    known = {
        "injury_grade": worst_injury_grade(case),
        "civil_dispute_origin": case.civil_dispute_origin,
        "prior_intentional_crime_within_5_years": _tri(
            [s.prior_intentional_crime_within_5_years for s in _suspects(case)]
        ),
        "suspect_repents": case.suspect_repents,
        "victim_willing": case.victim_willing,
    }
    facts.update({k: v for k, v in known.items() if v is not None})
    return facts


def _age_on(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def victim_age(case: Case) -> int | None:
    """The first victim's age today, from the recorded birth date or the ID number."""
    today = timezone.localdate()
    for victim in _victims(case):
        if victim.birth_date:
            return _age_on(victim.birth_date, today)
        if victim.id_number and id_number_problem(victim.id_number) is None:
            return _age_on(id_birth_date(victim.id_number), today)
    return None


def compensation_prefill(case: Case) -> dict[str, Any]:
    """What the case already tells the compensation calculator."""
    data: dict[str, Any] = {
        "region": case.region_code,
        "proceeding": "mediation",
        "as_of": timezone.localdate().isoformat(),
    }
    age = victim_age(case)
    if age is not None:
        data["victim"] = {"age": age}
    grades = sorted({i.disability_grade for i in case.injuries.all() if i.disability_grade})
    if grades:
        data["disability"] = {"grades": grades}
    return data


def sentence_prefill(case: Case) -> dict[str, Any]:
    """What the case already tells the leniency estimate."""
    offence = case.offences.first()
    data: dict[str, Any] = {"as_of": timezone.localdate().isoformat(), "factors": {}}
    if offence is not None:
        data["offence"] = {"article": offence.article}
        grade = worst_injury_grade(case)
        if grade:
            data["offence"]["injury_grade"] = grade
        if offence.tier:
            data["offence"]["tier"] = offence.tier
        victims = len(_victims(case))
        if victims > 1:
            data["offence"]["victims"] = victims
    return data


def _dateless(data: dict[str, Any]) -> dict[str, Any]:
    """The same data without the evaluation date: a new day alone is no reason to store again."""
    return {k: v for k, v in data.items() if k not in ("as_of", "rules_version")}


def digest(data: dict[str, Any]) -> str:
    encoded = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(encoded.encode()).hexdigest()


def run(kind: str, data: dict[str, Any]):
    """Run a calculator; raises ``concord.law.LawInputError`` on bad input."""
    return RUNNERS[kind](data)


def current_result(case: Case, kind: str) -> LawResult | None:
    return case.law_results.filter(kind=kind).first()


@transaction.atomic
def law_result_record(*, actor, case: Case, kind: str, data: dict[str, Any]) -> LawResult:
    """Run ``kind`` on ``data`` and store the result on the case, keeping earlier ones.

    If the newest stored result has the same input and rules version, it is returned as is:
    re-running is idempotent.
    """
    input_digest = digest(_dateless(data))
    version = rules_version()
    result = run(kind, data)
    output_en = result.to_dict("en")
    latest = current_result(case, kind)
    if (
        latest is not None
        and latest.input_digest == input_digest
        and latest.rules_version == version
        and _dateless(latest.output_en) == _dateless(output_en)
    ):
        return latest
    stored = LawResult.objects.create(
        case=case,
        kind=kind,
        input=data,
        input_digest=input_digest,
        output_zh=result.to_dict("zh"),
        output_en=output_en,
        trace_zh=result.trace.render("zh"),
        trace_en=result.trace.render("en"),
        rules_version=version,
        computed_by=actor if getattr(actor, "pk", None) else None,
    )
    audit_record(
        actor=actor,
        action=f"law.{kind}",
        target=stored,
        detail={"case": case.pk, "rules_version": version},
    )
    return stored


def screening_refresh(*, actor, case: Case) -> LawResult | None:
    """Screen the case again if its facts or the rules changed since the last screening.

    Input the rules cannot use (say, an article missing from the catalogue) leaves the last
    result in place; the case page runs the rule itself to show why.
    """
    if not case.is_criminal or not case.offences.exists():
        return None
    try:
        return law_result_record(
            actor=actor, case=case, kind=LawResult.Kind.ELIGIBILITY, data=eligibility_facts(case)
        )
    except LawInputError:
        logger.info("screening could not run", extra={"case": case.pk})
        return None
