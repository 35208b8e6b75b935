"""Referral screens: send, the officer's sent list, the coordinator's triage board, the
mediator's queue, and one referral with the actions the user may take."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from concord.accounts.models import User
from concord.cases.selectors import access_case, case_relations
from concord.core.actions import perform
from concord.core.errors import ServiceError

from . import assignment, selectors, services
from .choices import ReferralState, SignMethod, TeamRole
from .forms import AssignForm, ConsentForm, DecisionForm, OutcomeForm, SendForm, TriageForm
from .services.common import is_coordinator
from .services.conclusion import DECISIONS
from .services.triage import joint_candidates, ranking, triage_suggestion


@require_http_methods(["GET", "POST"])
@login_required
def referral_new(request, case_id):
    case = access_case(request.user, case_id)
    if "holder" not in case_relations(request.user, case):
        raise Http404
    form = SendForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            referral = services.referral_send(
                actor=request.user,
                case=case,
                centre=form.cleaned_data["centre"],
                reason=form.cleaned_data["reason"],
            )
        except ServiceError as exc:
            form.add_error(None, str(exc.message))
        else:
            messages.success(request, _("已委派调解，联系函和告知书正在生成。"))
            return redirect("referrals:detail", referral_id=referral.pk)
    return render(request, "referrals/new.html", {"case": case, "form": form})


@require_GET
@login_required
def sent_list(request):
    return render(
        request, "referrals/sent.html", {"referrals": selectors.referrals_sent(request.user)[:200]}
    )


@require_GET
@login_required
def triage_board(request):
    board = selectors.triage_board(request.user)
    columns = [(ReferralState(state).label, state, items) for state, items in board.items()]
    return render(request, "referrals/triage.html", {"columns": columns})


@require_GET
@login_required
def queue(request):
    return render(
        request, "referrals/queue.html", {"referrals": selectors.mediator_queue(request.user)}
    )


def _detail_context(request, referral) -> dict:
    user = request.user
    coordinator = is_coordinator(user, referral)
    relations = case_relations(user, referral.case)
    team = list(referral.team.select_related("user"))
    consents = list(referral.consents.select_related("party"))
    aid_offers = list(referral.aid_offers.select_related("party"))
    pending = [c for c in consents if c.response == "pending"]
    context = {
        "referral": referral,
        "coordinator": coordinator,
        "team": team,
        "consents": consents,
        "own_consents": [c for c in pending if c.party.user_id == user.pk],
        "is_holder": "holder" in relations
        and referral.case.holding_agency_id == (referral.from_agency_id),
        "is_team": any(m.user_id == user.pk and m.active for m in team),
        "aid_offers": aid_offers,
        "own_aid_offers": [
            o for o in aid_offers if o.party.user_id == user.pk and o.applied_at is None
        ],
        "staff_consents": pending
        if referral.is_open and relations & {"holder", "mediation"}
        else [],
        "outcome_form": OutcomeForm(),
        "decision_form": DecisionForm(),
        "consent_form": ConsentForm(),
    }
    if coordinator and referral.state in (ReferralState.SENT, ReferralState.TRIAGED):
        context["triage_form"] = TriageForm(
            initial={"committee": referral.committee_id or triage_suggestion(referral).pk}
        )
        context["suggested"] = triage_suggestion(referral)
    if coordinator and referral.state == ReferralState.TRIAGED:
        scored, excluded = ranking(referral)
        context["scored"] = [(s, assignment.explain(s, _lang())) for s in scored]
        context["excluded"] = [(e, assignment.explain(e, _lang())) for e in excluded]
        context["joint"] = joint_candidates(referral)
    if context["is_holder"] and referral.state == ReferralState.FEEDBACK_SENT:
        allowed = DECISIONS.get(referral.from_agency.kind, {}).get(
            referral.outcome == "settled", set()
        )
        context["decision_form"].fields["decision"].choices = [
            c for c in context["decision_form"].fields["decision"].choices if c[0] in allowed
        ]
    return context


def _lang() -> str:
    return "en" if get_language() == "en" else "zh"


@require_GET
@login_required
def referral_detail(request, referral_id):
    referral = selectors.access_referral(request.user, referral_id)
    return render(request, "referrals/detail.html", _detail_context(request, referral))


def _act(request, referral, action, success, *, form=None, invalid=""):
    """Validate ``form`` (if any), run the service call, report back on the referral page."""
    return perform(
        request,
        action=action,
        success=success,
        form=form,
        invalid=invalid,
        redirect_to=reverse("referrals:detail", kwargs={"referral_id": referral.pk}),
    )


@require_POST
@login_required
def referral_triage(request, referral_id):
    referral = selectors.access_referral(request.user, referral_id)
    return _act(
        request,
        referral,
        lambda data: services.referral_triage(
            actor=request.user, referral=referral, committee=data["committee"]
        ),
        _("已分流。"),
        form=TriageForm(request.POST),
        invalid=_("请选择调解组织。"),
    )


def _users(data: dict) -> tuple:
    lead = User.objects.filter(pk=data["lead"]).first()
    if lead is None:
        raise Http404
    joint = []
    for role in (TeamRole.JUDGE, TeamRole.PROSECUTOR, TeamRole.LEGAL_AID_LAWYER):
        member = User.objects.filter(pk=data.get(role) or 0).first()
        if member is not None:
            joint.append((member, role))
    return lead, joint


@require_POST
@login_required
def referral_assign(request, referral_id):
    referral = selectors.access_referral(request.user, referral_id)

    def assign(data):
        lead, joint = _users(data)
        services.referral_assign(
            actor=request.user,
            referral=referral,
            lead=lead,
            joint=joint,
            override_reason=data["override_reason"],
        )

    return _act(
        request,
        referral,
        assign,
        _("已指派，调解开始。"),
        form=AssignForm(request.POST),
        invalid=_("请选择调解员。"),
    )


@require_POST
@login_required
def referral_consent(request, referral_id, consent_id):
    referral = selectors.access_referral(request.user, referral_id)
    consent = referral.consents.filter(pk=consent_id).first()
    if consent is None:
        raise Http404
    acts_for_party = consent.party.user_id == request.user.pk or (
        consent.party.representatives.filter(user=request.user).exists()
    )
    return _act(
        request,
        referral,
        lambda data: services.referral_consent(
            actor=request.user,
            consent=consent,
            accepted=data["accepted"],
            method=SignMethod.ONLINE if acts_for_party else SignMethod.PAPER,
            reason=data["reason"],
            scan=data["scan"],
        ),
        _("答复已记录。"),
        form=ConsentForm(request.POST, request.FILES),
        invalid=_("请选择同意或拒绝。"),
    )


@require_POST
@login_required
def referral_outcome(request, referral_id):
    referral = selectors.access_referral(request.user, referral_id)
    return _act(
        request,
        referral,
        lambda data: services.referral_outcome(
            actor=request.user,
            referral=referral,
            settled=data["settled"],
            note=data["note"],
            agreement_summary=data["agreement_summary"],
            amount=data["amount"],
        ),
        _("调解结果已登记。"),
        form=OutcomeForm(request.POST),
        invalid=_("请填写调解结果。"),
    )


@require_POST
@login_required
def referral_feedback(request, referral_id):
    referral = selectors.access_referral(request.user, referral_id)
    return _act(
        request,
        referral,
        lambda _data: services.referral_feedback(actor=request.user, referral=referral),
        _("反馈函已发送委派机关。"),
    )


@require_POST
@login_required
def referral_decide(request, referral_id):
    referral = selectors.access_referral(request.user, referral_id)
    return _act(
        request,
        referral,
        lambda data: services.referral_decide(
            actor=request.user, referral=referral, decision=data["decision"], note=data["note"]
        ),
        _("处理决定已记录。"),
        form=DecisionForm(request.POST),
        invalid=_("请选择处理决定。"),
    )


@require_POST
@login_required
def legal_aid_apply(request, referral_id, offer_id):
    referral = selectors.access_referral(request.user, referral_id)
    offer = referral.aid_offers.filter(pk=offer_id).first()
    if offer is None:
        raise Http404
    return _act(
        request,
        referral,
        lambda _data: services.legal_aid_apply(actor=request.user, offer=offer),
        _("法律援助申请已提交，法律援助机构将在七日内作出决定。"),
    )
