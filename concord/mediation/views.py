"""Session screens: a referral's sessions and the scheduling form, the session page with the
six steps, the supervisor's list, and a participant's own schedule. Each action is one POST
that calls one service and returns to the session page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from concord.cases import rules
from concord.cases.law_views import presented_result
from concord.cases.selectors import access_case, case_relations
from concord.core.actions import perform
from concord.core.errors import ServiceError
from concord.referrals.selectors import access_referral

from . import selectors, services
from .choices import STEP_GUIDANCE, SessionState, Step
from .forms import (
    AnswerForm,
    CaucusForm,
    ConcludeForm,
    InvitedFormSet,
    MinuteForm,
    ReasonForm,
    ScheduleForm,
    StepDoneForm,
    SupervisionForm,
)
from .models import MinuteEntry, SupervisionRecord
from .selectors import Viewer


@require_GET
@login_required
def own_list(request):
    return render(
        request, "mediation/mine.html", {"sessions": selectors.own_sessions(request.user)}
    )


@require_GET
@login_required
def supervision_list(request):
    return render(
        request,
        "mediation/supervision.html",
        {"sessions": selectors.supervision_list(request.user)},
    )


@require_GET
@login_required
def case_sessions(request, case_id):
    case = access_case(request.user, case_id)
    sessions = selectors.case_sessions(request.user, case)
    if not sessions and not case_relations(request.user, case):
        raise Http404
    return render(request, "mediation/case.html", {"case": case, "sessions": sessions})


@require_http_methods(["GET", "POST"])
@login_required
def referral_sessions(request, referral_id):
    referral = access_referral(request.user, referral_id)
    sessions = selectors.referral_sessions(request.user, referral)
    runs = services.is_runner(request.user, referral.pk)
    if not sessions and not runs:
        raise Http404
    form = formset = None
    if runs and referral.state == "assigned":
        data = request.POST if request.method == "POST" else None
        form = ScheduleForm(data, referral=referral)
        formset = InvitedFormSet(data, prefix="invited")
        if data is not None and form.is_valid() and formset.is_valid():
            try:
                session = services.session_schedule(
                    actor=request.user,
                    referral=referral,
                    invited=[
                        services.InvitedInput(**row)
                        for row in formset.cleaned_data
                        if row and row.get("name", "").strip()
                    ],
                    **form.cleaned_data,
                )
            except ServiceError as exc:
                form.add_error(exc.field if exc.field in form.fields else None, str(exc.message))
            else:
                messages.success(request, _("会议已安排，已通知参加人员。"))
                return redirect("mediation:detail", session_id=session.pk)
    elif request.method == "POST":
        raise Http404
    return render(
        request,
        "mediation/referral.html",
        {"referral": referral, "sessions": sessions, "form": form, "formset": formset},
        status=422 if form is not None and form.errors else 200,
    )


def _agreement_url(case) -> str:
    """Where the agreement is drafted, once the agreements app is installed."""
    try:
        return reverse("agreements:new", kwargs={"case_id": case.pk})
    except NoReverseMatch:
        return ""


@require_GET
@login_required
def session_detail(request, session_id):
    viewer = selectors.access_session(request.user, session_id)
    session = viewer.session
    record = selectors.session_record(viewer)
    context = {
        "viewer": viewer,
        "session": session,
        **record,
        "guidance": {int(k): v for k, v in STEP_GUIDANCE.items()},
        "caucus_notes": selectors.caucus_notes(viewer),
        "supervision": selectors.supervision_records(viewer),
        "compensation": presented_result(rules.current_result(session.case, "compensation")),
        "sentence": presented_result(rules.current_result(session.case, "sentence")),
        "case_link": bool(case_relations(request.user, session.case)),
        "agreement_url": _agreement_url(session.case),
        "live": session.state == SessionState.IN_PROGRESS,
        "minute_form": MinuteForm(),
        "step_form": StepDoneForm(),
        "reason_form": ReasonForm(),
        "conclude_form": ConcludeForm(),
        "caucus_form": CaucusForm(),
        "supervision_form": SupervisionForm(),
        "answer_form": AnswerForm(),
        "agreement_step": Step.AGREEMENT,
        "compensation_step": Step.COMPENSATION,
    }
    return render(request, "mediation/session.html", context)


def _act(request, session_id, *, runner: bool, form, action, ok: str):
    """Check the reader may act on the session, validate the form, run one service, and go
    back to the session page with the result."""
    viewer = selectors.access_session(request.user, session_id)
    if (runner and not viewer.runs) or (not runner and not viewer.supervisor):
        raise Http404
    return perform(
        request,
        action=lambda data: action(viewer, data),
        success=ok,
        form=form,
        redirect_to=reverse("mediation:detail", kwargs={"session_id": viewer.session.pk}),
    )


@require_POST
@login_required
def session_start(request, session_id):
    return _act(
        request,
        session_id,
        runner=True,
        form=None,
        action=lambda v, d: services.session_start(actor=request.user, session=v.session),
        ok=_("会议开始。"),
    )


@require_POST
@login_required
def session_conclude(request, session_id):
    return _act(
        request,
        session_id,
        runner=True,
        form=ConcludeForm(request.POST),
        action=lambda v, d: services.session_conclude(
            actor=request.user, session=v.session, note=d["note"]
        ),
        ok=_("会议已结束，笔录已归档。"),
    )


@require_POST
@login_required
def session_cancel(request, session_id):
    return _act(
        request,
        session_id,
        runner=True,
        form=ReasonForm(request.POST),
        action=lambda v, d: services.session_cancel(
            actor=request.user, session=v.session, reason=d["reason"]
        ),
        ok=_("会议已取消，已通知参加人员。"),
    )


@require_POST
@login_required
def minute_add(request, session_id):
    return _act(
        request,
        session_id,
        runner=True,
        form=MinuteForm(request.POST),
        action=lambda v, d: services.minute_add(
            actor=request.user,
            session=v.session,
            text=d["text"],
            speaker=d["speaker"],
            step_number=d["step"],
        ),
        ok=_("笔录已记录。"),
    )


@require_POST
@login_required
def minute_edit(request, session_id, entry_id):
    def action(viewer: Viewer, data: dict):
        entry = MinuteEntry.objects.filter(pk=entry_id, session=viewer.session).first()
        if entry is None:
            raise Http404
        return services.minute_edit(
            actor=request.user, entry=entry, text=data["text"], speaker=data["speaker"]
        )

    return _act(
        request,
        session_id,
        runner=True,
        form=MinuteForm(request.POST),
        action=action,
        ok=_("笔录已更正。"),
    )


@require_POST
@login_required
def step_done(request, session_id, number):
    return _act(
        request,
        session_id,
        runner=True,
        form=StepDoneForm(request.POST),
        action=lambda v, d: services.step_complete(
            actor=request.user,
            session=v.session,
            number=number,
            note=d["note"],
            outcome=d["outcome"],
        ),
        ok=_("本步骤已完成。"),
    )


@require_POST
@login_required
def step_skip(request, session_id, number):
    return _act(
        request,
        session_id,
        runner=True,
        form=ReasonForm(request.POST),
        action=lambda v, d: services.step_skip(
            actor=request.user, session=v.session, number=number, reason=d["reason"]
        ),
        ok=_("已跳过本步骤。"),
    )


@require_POST
@login_required
def caucus_add(request, session_id):
    return _act(
        request,
        session_id,
        runner=True,
        form=CaucusForm(request.POST),
        action=lambda v, d: services.caucus_note_add(
            actor=request.user, session=v.session, side=d["side"], text=d["text"]
        ),
        ok=_("背对背记录已保存，仅调解团队可见。"),
    )


@require_POST
@login_required
def supervision_add(request, session_id):
    return _act(
        request,
        session_id,
        runner=False,
        form=SupervisionForm(request.POST),
        action=lambda v, d: services.supervision_record(
            actor=request.user, session=v.session, kind=d["kind"], text=d["text"]
        ),
        ok=_("监督记录已保存。"),
    )


@require_POST
@login_required
def suggestion_answer(request, session_id, record_id):
    def action(viewer: Viewer, data: dict):
        record = SupervisionRecord.objects.filter(pk=record_id, session=viewer.session).first()
        if record is None:
            raise Http404
        return services.suggestion_answer(actor=request.user, record=record, answer=data["answer"])

    return _act(
        request,
        session_id,
        runner=True,
        form=AnswerForm(request.POST),
        action=action,
        ok=_("已答复纠正建议。"),
    )
