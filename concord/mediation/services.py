"""Every write on a mediation session: schedule, start, the six steps and their minutes,
caucus notes, supervision and its answers, conclusion or cancellation. Each is audited.

Each public service checks who may act and whether the session's state allows it (the
``_require_…`` helpers), then writes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from concord.audit.services import audit_record, snapshot
from concord.cases.models import Party
from concord.core.errors import InvalidInput, PermissionRefused, ServiceError
from concord.referrals.choices import ReferralState, TeamRole
from concord.referrals.models import Referral, TeamMember

from . import notices
from .choices import (
    PARTY_SIDES,
    RUNNING_ROLES,
    STEPPED_KINDS,
    TEAM_SIDES,
    AgreementOutcome,
    InvitedRole,
    ParticipantKind,
    SessionKind,
    SessionState,
    Side,
    Step,
    StepState,
    SupervisionKind,
)
from .models import (
    CaucusNote,
    MinuteEntry,
    Participant,
    Session,
    SessionStep,
    SupervisionRecord,
)
from .selectors import current_step, supervision_remit

JOINT_ROLES = {TeamRole.JUDGE, TeamRole.PROSECUTOR, TeamRole.LEGAL_AID_LAWYER, TeamRole.DUTY_LAWYER}


@dataclass(frozen=True)
class InvitedInput:
    """Someone invited by name (People's Mediation Law Art. 20): a relative, a neighbour, an
    expert. ``side`` says whom they come with, if anyone."""

    name: str
    role: str
    side: str = Side.NEUTRAL
    note: str = ""


def _now() -> datetime:
    return timezone.now()


def is_runner(user, referral_id: int) -> bool:
    """Whether ``user`` is a mediator on the referral's team, who runs its sessions."""
    return TeamMember.objects.filter(
        referral_id=referral_id, user=user, active=True, role__in=list(RUNNING_ROLES)
    ).exists()


def _require_runner(user, referral_id: int) -> None:
    if not is_runner(user, referral_id):
        raise PermissionRefused("not_mediator", _("只有本案调解团队中的调解员可以办理此事项。"))


def _locked(session: Session, *, for_update: bool = True) -> Session:
    qs = Session.objects.select_related("case", "referral")
    if for_update:
        qs = qs.select_for_update(of=("self",))
    return qs.get(pk=session.pk)


def _require_state(session: Session, *states: str) -> None:
    if session.state not in states:
        if session.state == SessionState.CONCLUDED:
            raise ServiceError("session_concluded", _("会议已结束，笔录已归档，不能再修改。"))
        if session.state == SessionState.CANCELLED:
            raise ServiceError("session_cancelled", _("会议已取消。"))
        if session.state == SessionState.SCHEDULED:
            raise ServiceError("session_not_started", _("会议尚未开始。"))
        raise ServiceError("session_started", _("会议已经开始。"))


def _party_side(party: Party) -> str:
    anchor = party.represents if party.represents_id else party
    return PARTY_SIDES.get(anchor.role, Side.NEUTRAL)


@transaction.atomic
def session_schedule(
    *,
    actor,
    referral: Referral,
    kind: str,
    starts_at: datetime,
    duration_minutes: int = 90,
    room: str = "",
    address: str = "",
    online: bool = False,
    room_url: str = "",
    parties: Sequence[Party] = (),
    team: Sequence[TeamMember] = (),
    invited: Sequence[InvitedInput] = (),
) -> Session:
    """Schedule a session of an assigned referral and notify everyone taking part.

    The scheduling mediator always takes part. A mediation or joint mediation needs someone
    from each side; a joint mediation needs a joint member of the team (judge, prosecutor or
    lawyer).
    """
    referral = (
        Referral.objects.select_for_update(of=("self",)).select_related("case").get(pk=referral.pk)
    )
    _require_runner(actor, referral.pk)
    if referral.state != ReferralState.ASSIGNED:
        raise ServiceError(
            "referral_not_assigned", _("只有已指派调解员、正在调解的委派可以安排会议。")
        )
    if kind not in SessionKind.values:
        raise InvalidInput("kind", _("请选择会议类型。"), field="kind")
    if timezone.is_naive(starts_at):
        raise InvalidInput("starts_at", _("请填写开始时间。"), field="starts_at")
    if not 10 <= duration_minutes <= 600:
        raise InvalidInput(
            "duration_minutes", _("预计时长应在 10 至 600 分钟之间。"), field="duration_minutes"
        )
    room, address, room_url = room.strip(), address.strip(), room_url.strip()
    if not online and not room:
        raise InvalidInput("room", _("现场调解请填写调解室；或选择线上调解。"), field="room")
    if room_url and not online:
        raise InvalidInput("room_url", _("只有线上调解才填写线上调解室地址。"), field="room_url")
    if any(p.case_id != referral.case_id for p in parties):
        raise InvalidInput("parties", _("参加人必须是本案当事人。"), field="parties")
    team_members = {m.pk: m for m in team}
    own = TeamMember.objects.filter(
        referral=referral, user=actor, active=True, role__in=list(RUNNING_ROLES)
    ).first()
    team_members[own.pk] = own
    if any(m.referral_id != referral.pk or not m.active for m in team_members.values()):
        raise InvalidInput("team", _("只能选择本案调解团队的成员。"), field="team")
    for person in invited:
        if not person.name.strip() or person.role not in InvitedRole.values:
            raise InvalidInput("invited", _("请填写受邀人员的姓名和身份。"), field="invited")
        if person.side not in Side.values:
            raise InvalidInput("invited", _("请选择受邀人员随同哪一方参加。"), field="invited")
    if kind in STEPPED_KINDS:
        sides = {_party_side(p) for p in parties}
        if not {Side.VICTIM, Side.SUSPECT} <= sides:
            raise InvalidInput(
                "parties", _("调解须有被害人一方和犯罪嫌疑人/被告人一方参加。"), field="parties"
            )
    if kind == SessionKind.JOINT_MEDIATION and not any(
        m.role in JOINT_ROLES for m in team_members.values()
    ):
        raise InvalidInput(
            "team", _("联合调解须有法官、检察官或律师参加，请先在调解团队中指派。"), field="team"
        )

    session = Session(
        referral=referral,
        case=referral.case,
        kind=kind,
        starts_at=starts_at,
        duration_minutes=duration_minutes,
        room=room,
        address=address,
        online=online,
        room_url=room_url,
        scheduled_by=actor,
    )
    session.full_clean()
    session.save()
    rows = [
        Participant(
            session=session,
            kind=ParticipantKind.PARTY,
            party=p,
            user=p.user,
            name=p.name,
            role=p.role,
            side=_party_side(p),
        )
        for p in parties
    ]
    rows += [
        Participant(
            session=session,
            kind=ParticipantKind.TEAM,
            user=m.user,
            name=str(m.user),
            role=m.role,
            side=TEAM_SIDES.get(m.role, Side.NEUTRAL),
        )
        for m in TeamMember.objects.filter(pk__in=list(team_members)).select_related("user")
    ]
    rows += [
        Participant(
            session=session,
            kind=ParticipantKind.INVITED,
            name=person.name.strip(),
            role=person.role,
            side=person.side,
            note=person.note.strip(),
        )
        for person in invited
    ]
    Participant.objects.bulk_create(rows)
    if session.stepped:
        SessionStep.objects.bulk_create(
            SessionStep(session=session, number=number) for number in Step.values
        )
    audit_record(
        actor=actor,
        action="mediation.session_schedule",
        target=session,
        after=snapshot(session),
        detail={"referral": referral.pk, "participants": len(rows)},
    )
    transaction.on_commit(lambda: notices.session_scheduled(session))
    return session


@transaction.atomic
def session_start(*, actor, session: Session) -> Session:
    session = _locked(session)
    _require_runner(actor, session.referral_id)
    _require_state(session, SessionState.SCHEDULED)
    before = snapshot(session)
    session.state = SessionState.IN_PROGRESS
    session.started_at = _now()
    session.save(update_fields=["state", "started_at"])
    audit_record(
        actor=actor,
        action="mediation.session_start",
        target=session,
        before=before,
        after=snapshot(session),
    )
    return session


@transaction.atomic
def session_cancel(*, actor, session: Session, reason: str) -> Session:
    """Cancel a session that has not ended, with the reason; everyone taking part is told."""
    session = _locked(session)
    _require_runner(actor, session.referral_id)
    _require_state(session, SessionState.SCHEDULED, SessionState.IN_PROGRESS)
    if not reason.strip():
        raise InvalidInput("reason", _("请说明取消理由。"), field="reason")
    before = snapshot(session)
    session.state = SessionState.CANCELLED
    session.cancel_reason = reason.strip()
    session.ended_at = _now()
    session.save(update_fields=["state", "cancel_reason", "ended_at"])
    audit_record(
        actor=actor,
        action="mediation.session_cancel",
        target=session,
        before=before,
        after=snapshot(session),
    )
    transaction.on_commit(lambda: notices.session_cancelled(session))
    return session


@transaction.atomic
def session_conclude(*, actor, session: Session, note: str = "") -> Session:
    """End a session in progress; its minutes are then part of the record and locked.

    Every step must be done or skipped with a reason, and every correction suggestion of the
    supervisor answered (seeds/001: the supervisor points out illegal acts in time).
    """
    session = _locked(session)
    _require_runner(actor, session.referral_id)
    _require_state(session, SessionState.IN_PROGRESS)
    if session.steps.filter(state=StepState.PENDING).exists():
        raise ServiceError("steps_pending", _("还有未完成的调解步骤；请完成，或说明理由后跳过。"))
    if session.supervision.filter(
        kind=SupervisionKind.CORRECTION, answered_at__isnull=True
    ).exists():
        raise ServiceError("corrections_open", _("监督员提出的纠正建议尚未答复，不能结束会议。"))
    before = snapshot(session)
    session.state = SessionState.CONCLUDED
    session.ended_at = _now()
    session.conclusion_note = note.strip()
    session.save(update_fields=["state", "ended_at", "conclusion_note"])
    audit_record(
        actor=actor,
        action="mediation.session_conclude",
        target=session,
        before=before,
        after=snapshot(session),
    )
    return session


def _step_to_settle(session: Session, number: int) -> SessionStep:
    if not session.stepped:
        raise ServiceError("no_steps", _("该类会议不按六个步骤进行。"))
    steps = list(session.steps.select_for_update())
    step = next((s for s in steps if s.number == number), None)
    if step is None:
        raise InvalidInput("step", _("没有这个步骤。"), field="step")
    if step.settled:
        raise ServiceError("step_settled", _("该步骤已经完成或跳过。"))
    current = current_step(steps)
    if current is None or current.pk != step.pk:
        raise ServiceError(
            "step_order",
            _("请按顺序进行：先完成或跳过第 %(n)s 步“%(label)s”。")
            % {"n": current.number, "label": current.get_number_display()},
        )
    return step


@transaction.atomic
def step_complete(
    *, actor, session: Session, number: int, note: str = "", outcome: str = ""
) -> SessionStep:
    """Mark the current step done. It needs minutes; step 6 also needs its outcome."""
    session = _locked(session)
    _require_runner(actor, session.referral_id)
    _require_state(session, SessionState.IN_PROGRESS)
    step = _step_to_settle(session, number)
    if not step.minutes.exists():
        raise InvalidInput("minutes", _("请先记录本步骤的笔录。"), field="text")
    if number == Step.AGREEMENT:
        if outcome not in AgreementOutcome.values:
            raise InvalidInput("outcome", _("请选择协议情况。"), field="outcome")
    elif outcome:
        raise InvalidInput("outcome", _("只有第六步记录协议情况。"), field="outcome")
    before = snapshot(step)
    step.state = StepState.DONE
    step.note = note.strip()
    step.outcome = outcome
    step.settled_at = _now()
    step.settled_by = actor
    step.save(update_fields=["state", "note", "outcome", "settled_at", "settled_by"])
    audit_record(
        actor=actor,
        action="mediation.step_complete",
        target=step,
        before=before,
        after=snapshot(step),
        detail={"session": session.pk, "step": number},
    )
    return step


@transaction.atomic
def step_skip(*, actor, session: Session, number: int, reason: str) -> SessionStep:
    """Skip the current step, saying why (e.g. the victim declined to speak)."""
    session = _locked(session)
    _require_runner(actor, session.referral_id)
    _require_state(session, SessionState.IN_PROGRESS)
    if not reason.strip():
        raise InvalidInput("reason", _("跳过步骤须说明理由。"), field="reason")
    step = _step_to_settle(session, number)
    before = snapshot(step)
    step.state = StepState.SKIPPED
    step.skip_reason = reason.strip()
    step.settled_at = _now()
    step.settled_by = actor
    step.save(update_fields=["state", "skip_reason", "settled_at", "settled_by"])
    audit_record(
        actor=actor,
        action="mediation.step_skip",
        target=step,
        before=before,
        after=snapshot(step),
        detail={"session": session.pk, "step": number},
    )
    return step


def _check_minute(text: str, speaker: str) -> tuple[str, str]:
    if not text.strip():
        raise InvalidInput("text", _("请填写笔录内容。"), field="text")
    if not speaker.strip():
        raise InvalidInput("speaker", _("请填写发言人。"), field="speaker")
    return text.strip(), speaker.strip()[:100]


@transaction.atomic
def minute_add(
    *,
    actor,
    session: Session,
    text: str,
    speaker: str,
    step_number: int | None = None,
    spoken_at: datetime | None = None,
) -> MinuteEntry:
    """Add to the minutes of a session in progress: of the current or an earlier step, or of
    the session as a whole when it has no steps."""
    session = _locked(session)
    _require_runner(actor, session.referral_id)
    _require_state(session, SessionState.IN_PROGRESS)
    text, speaker = _check_minute(text, speaker)
    step = None
    if session.stepped:
        steps = list(session.steps.all())
        step = next((s for s in steps if s.number == step_number), None)
        if step is None:
            raise InvalidInput("step", _("请选择笔录所属的步骤。"), field="step")
        current = current_step(steps)
        if current is not None and step.number > current.number:
            raise ServiceError("step_order", _("还没有进行到这一步，请先记录当前步骤。"))
    elif step_number is not None:
        raise InvalidInput("step", _("该类会议不按六个步骤进行。"), field="step")
    entry = MinuteEntry(
        session=session,
        step=step,
        speaker=speaker,
        spoken_at=spoken_at or _now(),
        text=text,
        recorded_by=actor,
    )
    entry.full_clean()
    entry.save()
    audit_record(
        actor=actor,
        action="mediation.minute_add",
        target=entry,
        after=snapshot(entry),
        detail={"session": session.pk, "step": step_number},
    )
    return entry


@transaction.atomic
def minute_edit(*, actor, entry: MinuteEntry, text: str, speaker: str) -> MinuteEntry:
    """Correct an entry while the session is in progress; once concluded, it is the record."""
    entry = MinuteEntry.objects.select_for_update().get(pk=entry.pk)
    session = _locked(entry.session)
    _require_runner(actor, session.referral_id)
    if session.state == SessionState.CONCLUDED:
        raise ServiceError("minutes_locked", _("会议已结束，笔录已归档，不能再修改。"))
    _require_state(session, SessionState.IN_PROGRESS)
    text, speaker = _check_minute(text, speaker)
    before = snapshot(entry)
    entry.text, entry.speaker, entry.edited_at = text, speaker, _now()
    entry.save(update_fields=["text", "speaker", "edited_at"])
    audit_record(
        actor=actor,
        action="mediation.minute_edit",
        target=entry,
        before=before,
        after=snapshot(entry),
        detail={"session": session.pk},
    )
    return entry


@transaction.atomic
def caucus_note_add(*, actor, session: Session, side: str, text: str) -> CaucusNote:
    """Note a private talk with one side. Only the audit digest is kept in the audit log."""
    session = _locked(session)
    _require_runner(actor, session.referral_id)
    _require_state(session, SessionState.IN_PROGRESS)
    if side not in (Side.VICTIM, Side.SUSPECT):
        raise InvalidInput("side", _("请选择背对背沟通的一方。"), field="side")
    if not text.strip():
        raise InvalidInput("text", _("请填写内容。"), field="text")
    note = CaucusNote(session=session, side=side, text=text.strip(), written_by=actor)
    note.full_clean()
    note.save()
    audit_record(
        actor=actor,
        action="mediation.caucus_note_add",
        target=note,
        after=snapshot(note),
        detail={"session": session.pk, "side": side},
    )
    return note


@transaction.atomic
def supervision_record(*, actor, session: Session, kind: str, text: str) -> SupervisionRecord:
    """Record a supervisor's observation or correction suggestion on a session in remit."""
    if not supervision_remit(actor).filter(pk=session.pk).exists():
        raise PermissionRefused("not_supervisor", _("该会议不在您的监督范围内。"))
    session = _locked(session)
    if session.state == SessionState.CANCELLED:
        raise ServiceError("session_cancelled", _("会议已取消。"))
    if kind not in SupervisionKind.values:
        raise InvalidInput("kind", _("请选择类别。"), field="kind")
    if not text.strip():
        raise InvalidInput("text", _("请填写内容。"), field="text")
    record = SupervisionRecord(session=session, kind=kind, text=text.strip(), supervisor=actor)
    record.full_clean()
    record.save()
    audit_record(
        actor=actor,
        action="mediation.supervision_record",
        target=record,
        after=snapshot(record),
        detail={"session": session.pk, "kind": kind},
    )
    return record


@transaction.atomic
def suggestion_answer(*, actor, record: SupervisionRecord, answer: str) -> SupervisionRecord:
    """The mediator's answer to a correction suggestion: what was corrected, or why not."""
    record = (
        SupervisionRecord.objects.select_for_update().select_related("session").get(pk=record.pk)
    )
    _require_runner(actor, record.session.referral_id)
    if record.kind != SupervisionKind.CORRECTION:
        raise ServiceError("not_a_correction", _("只有纠正建议需要答复。"))
    if record.answered_at is not None:
        raise ServiceError("already_answered", _("该纠正建议已经答复。"))
    if not answer.strip():
        raise InvalidInput("answer", _("请填写答复。"), field="answer")
    before = snapshot(record)
    record.answer, record.answered_by, record.answered_at = answer.strip(), actor, _now()
    record.save(update_fields=["answer", "answered_by", "answered_at"])
    audit_record(
        actor=actor,
        action="mediation.suggestion_answer",
        target=record,
        before=before,
        after=snapshot(record),
        detail={"session": record.session_id},
    )
    return record
