"""Timeline messages, stored as a code with parameters and rendered in the reader's language."""

from __future__ import annotations

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .choices import CaseState, PartyRole, Stage


def _state(code: str) -> str:
    return str(CaseState(code).label) if code in CaseState.values else code


def _stage(code: str) -> str:
    return str(Stage(code).label) if code in Stage.values else code


def _agency(p: dict) -> str:
    if get_language() == "en" and p.get("agency_en"):
        return p["agency_en"]
    return p.get("agency", "")


def render_event(event) -> str:
    """Return the event's sentence in the active language."""
    p = event.params or {}
    if event.code == "case.registered":
        return _("案件登记，承办机关：%(agency)s") % {"agency": _agency(p)}
    if event.code.startswith("case.transition."):
        return _("状态由“%(from)s”变更为“%(to)s”") % {
            "from": _state(event.from_state),
            "to": _state(event.to_state),
        }
    if event.code == "case.stage":
        return _("移送至%(agency)s，进入%(stage)s") % {
            "agency": _agency(p),
            "stage": _stage(p.get("stage", "")),
        }
    if event.code == "case.closed":
        return _("刑事诉讼程序终结，结案")
    if event.code == "case.updated":
        return _("案件信息已更新")
    if event.code == "case.party_added":
        role = p.get("role")
        label = PartyRole(role).label if role in PartyRole.values else ""
        return _("增加当事人：%(role)s") % {"role": label}
    if event.code == "case.document":
        return _("上传材料：%(title)s") % {"title": p.get("title", "")}
    if event.code == "case.referred_to":
        return _("委派至%(agency)s") % {"agency": _agency(p)}
    return event.code
