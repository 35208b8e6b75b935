"""The case lifecycle as an explicit state machine.

A case is registered, screened for a mediation path, referred, mediated, and concluded as
settled, failed or withdrawn. A failed or withdrawn mediation (or a case screened out) returns
the case to the criminal process at its stage; it may be screened and referred again once it
reaches a later stage ("tiered processing, step-by-step filtering", seeds/000).

Each transition names the states it leaves from, the state it reaches, and who may take it:
``holder`` — staff of the agency that holds the case; ``mediation`` — the centre's coordinators
and mediators the case was referred or assigned to.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .choices import CaseState as S

HOLDER = "holder"
MEDIATION = "mediation"


@dataclass(frozen=True)
class Transition:
    name: str
    sources: frozenset[str]
    target: str
    by: frozenset[str]
    label: object


def _t(name, sources, target, by, label) -> Transition:
    return Transition(name, frozenset(sources), target, frozenset(by), label)


TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in [
        _t("screen", {S.REGISTERED}, S.SCREENING, {HOLDER, MEDIATION}, _("开始审查筛选")),
        _t("refer", {S.SCREENING}, S.REFERRED, {HOLDER}, _("委派调解")),
        _t("decline", {S.SCREENING}, S.NOT_REFERRED, {HOLDER}, _("不予委派调解")),
        _t("accept", {S.REFERRED}, S.IN_MEDIATION, {MEDIATION}, _("受理并开始调解")),
        _t("refuse", {S.REFERRED}, S.WITHDRAWN, {HOLDER, MEDIATION}, _("当事人拒绝调解")),
        _t("sign", {S.IN_MEDIATION}, S.AGREEMENT_SIGNED, {MEDIATION}, _("签署调解协议")),
        _t("withdraw", {S.IN_MEDIATION}, S.WITHDRAWN, {HOLDER, MEDIATION}, _("撤回调解")),
        _t("fail", {S.IN_MEDIATION, S.AGREEMENT_SIGNED}, S.FAILED, {MEDIATION}, _("调解不成")),
        _t(
            "submit_review",
            {S.AGREEMENT_SIGNED},
            S.UNDER_REVIEW,
            {HOLDER, MEDIATION},
            _("提交协议审查"),
        ),
        _t("approve", {S.UNDER_REVIEW}, S.SETTLED, {HOLDER}, _("审查通过")),
        _t("reject", {S.UNDER_REVIEW}, S.FAILED, {HOLDER}, _("审查不予确认")),
        _t(
            "rescreen",
            {S.FAILED, S.WITHDRAWN, S.NOT_REFERRED},
            S.SCREENING,
            {HOLDER},
            _("新阶段重新审查"),
        ),
    ]
}

# States in which the case is with the mediation side; it cannot move to another stage then.
ACTIVE_MEDIATION_STATES = frozenset(
    {S.REFERRED, S.IN_MEDIATION, S.AGREEMENT_SIGNED, S.UNDER_REVIEW}
)


# Steps taken on the case page itself; the others belong to a referral's journey and are
# taken through the referral (concord/referrals), which keeps both records in step.
CASE_PAGE_TRANSITIONS = frozenset({"screen", "decline", "rescreen", "refer"})


def transitions_from(state: str) -> list[Transition]:
    return [t for t in TRANSITIONS.values() if state in t.sources]
