"""After-care screens: a referral's page (plan, contacts, alerts, aid) and the coordinator's
board. Each action is a POST that calls one service and comes back to the page."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from concord.accounts.models import User
from concord.cases.selectors import access_case
from concord.core.actions import perform
from concord.referrals.choices import Outcome, ReferralState

from . import selectors, services
from .choices import AidCategory, ContactKind, Relations
from .forms import (
    AcknowledgeForm,
    AidApplicationForm,
    ChecklistForm,
    ContactForm,
    RecordForm,
    RecurrenceForm,
    yes_no,
)
from .models import AftercareAlert, FollowUpContact, FollowUpPlan


def _assignee_choices(referral) -> list[tuple[int, str]]:
    users = {m.user for m in referral.team.filter(active=True).select_related("user")}
    return [(u.pk, str(u)) for u in sorted(users, key=lambda u: u.pk)]


@require_GET
@login_required
def board(request):
    return render(request, "aftercare/board.html", selectors.board(request.user))


@require_GET
@login_required
def case_page(request, case_id):
    case = access_case(request.user, case_id)
    referral = selectors.latest_settled_referral(case)
    if referral is None:
        raise Http404
    return redirect("aftercare:page", referral_id=referral.pk)


@require_GET
@login_required
def page(request, referral_id):
    referral, viewer = selectors.access_aftercare(request.user, referral_id)
    context = selectors.aftercare_page(referral, viewer)
    contact_form = ContactForm()
    contact_form.fields["assignee"].choices = [("", "—"), *_assignee_choices(referral)]
    context.update(
        contact_form=contact_form,
        record_form=RecordForm(),
        recurrence_form=RecurrenceForm(),
        acknowledge_form=AcknowledgeForm(),
        checklist_form=ChecklistForm(),
        aid_form=AidApplicationForm(initial={"applied_on": context["today"]}),
        relations_choices=Relations.choices,
        kind_choices=ContactKind.choices,
        aid_categories=AidCategory.choices,
        assignee_choices=_assignee_choices(referral),
        default_plan=[(ContactKind(c.kind).label, c.days) for c in services.default_plan()],
        can_plan=referral.state == ReferralState.DECIDED and referral.outcome == Outcome.SETTLED,
    )
    return render(request, "aftercare/page.html", context)


def _act(request, referral, action, success, *, form=None):
    """Validate ``form``, run the service call, and report back on the page."""
    invalid = ""
    if form is not None and not form.is_valid():
        labels = [str(form.fields[name].label) for name in form.errors if name in form.fields]
        invalid = _("请检查输入：%(fields)s") % {"fields": str(_("、")).join(labels)}
    return perform(
        request,
        action=action,
        success=success,
        form=form,
        invalid=invalid,
        redirect_to=reverse("aftercare:page", kwargs={"referral_id": referral.pk}),
    )


def _staff_referral(request, referral_id):
    referral, viewer = selectors.access_aftercare(request.user, referral_id)
    if not viewer.staff:
        raise Http404
    return referral


def _plan(referral) -> FollowUpPlan:
    return get_object_or_404(FollowUpPlan, referral=referral)


@require_POST
@login_required
def plan_create(request, referral_id):
    referral = _staff_referral(request, referral_id)
    return _act(
        request,
        referral,
        lambda data: services.plan_create(actor=request.user, referral=referral),
        _("已按中心惯例生成回访计划，可按需调整。"),
    )


@require_POST
@login_required
def contact_add(request, referral_id):
    referral = _staff_referral(request, referral_id)
    form = ContactForm(request.POST)
    form.fields["assignee"].choices = [("", "—"), *_assignee_choices(referral)]

    def add(data):
        assignee = User.objects.filter(pk=data["assignee"]).first() if data["assignee"] else None
        services.contact_add(
            actor=request.user,
            plan=_plan(referral),
            kind=data["kind"],
            due_on=data["due_on"],
            assignee=assignee,
        )

    return _act(request, referral, add, _("已添加回访。"), form=form)


def _contact(referral, contact_id) -> FollowUpContact:
    return get_object_or_404(FollowUpContact, pk=contact_id, plan__referral=referral)


@require_POST
@login_required
def contact_edit(request, referral_id, contact_id):
    referral = _staff_referral(request, referral_id)
    contact = _contact(referral, contact_id)
    form = ContactForm(request.POST)
    form.fields["assignee"].choices = [("", "—"), *_assignee_choices(referral)]

    def edit(data):
        assignee = User.objects.filter(pk=data["assignee"]).first() or contact.assignee
        services.contact_update(
            actor=request.user,
            contact=contact,
            kind=data["kind"],
            due_on=data["due_on"],
            assignee=assignee,
        )

    return _act(request, referral, edit, _("已修改回访安排。"), form=form)


@require_POST
@login_required
def contact_record(request, referral_id, contact_id):
    referral = _staff_referral(request, referral_id)
    contact = _contact(referral, contact_id)
    return _act(
        request,
        referral,
        lambda data: services.followup_record(
            actor=request.user,
            contact=contact,
            reached=data["reached"] == "yes",
            relations=data["relations"],
            payment_on_track=yes_no(data["payment_on_track"]),
            notes=data["notes"],
        ),
        _("已记录回访情况。"),
        form=RecordForm(request.POST),
    )


@require_POST
@login_required
def recurrence(request, referral_id):
    referral = _staff_referral(request, referral_id)
    return _act(
        request,
        referral,
        lambda data: services.recurrence_report(
            actor=request.user, plan=_plan(referral), summary=data["summary"]
        ),
        _("已报告，协调员将收到预警。"),
        form=RecurrenceForm(request.POST),
    )


@require_POST
@login_required
def alert_acknowledge(request, referral_id, alert_id):
    referral = _staff_referral(request, referral_id)
    alert = get_object_or_404(AftercareAlert, pk=alert_id, plan__referral=referral)
    response = _act(
        request,
        referral,
        lambda data: services.alert_acknowledge(actor=request.user, alert=alert, note=data["note"]),
        _("预警已处理。"),
        form=AcknowledgeForm(request.POST),
    )
    if request.POST.get("next") == "board":
        return redirect("aftercare:board")
    return response


def _victim(referral, party_id):
    return get_object_or_404(referral.case.parties, pk=party_id)


@require_POST
@login_required
def aid_checklist(request, referral_id, party_id):
    referral = _staff_referral(request, referral_id)
    party = _victim(referral, party_id)
    return _act(
        request,
        referral,
        lambda data: services.aid_checklist_set(
            actor=request.user,
            referral=referral,
            party=party,
            categories=data["categories"],
            cannot_obtain_compensation=yes_no(data["cannot_obtain_compensation"]),
            note=data["note"],
        ),
        _("已保存救助情形核对。"),
        form=ChecklistForm(request.POST),
    )


@require_POST
@login_required
def aid_apply(request, referral_id, party_id):
    referral = _staff_referral(request, referral_id)
    party = _victim(referral, party_id)
    return _act(
        request,
        referral,
        lambda data: services.judicial_aid_apply(
            actor=request.user,
            referral=referral,
            party=party,
            applicant=data["applicant"],
            applied_on=data["applied_on"],
            category=data["category"],
            requested_amount=data["requested_amount"],
            monthly_wage=data["monthly_wage"],
            wage_source=data["wage_source"],
            court_awardable=data["court_awardable"],
        ),
        _("已登记司法救助申请。"),
        form=AidApplicationForm(request.POST),
    )
