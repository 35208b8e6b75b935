"""Reads of mediation sessions, always through who the reader is to the session.

Four kinds of reader may know a session exists: the referral's mediation team, a supervisor
whose remit covers it, and the people who take part in it. For anyone else it does not exist
(404). Caucus notes are narrower still: only the team, and only for their side
(``caucus_notes``).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from concord.accounts.models import Agency
from concord.accounts.roles import AgencyKind, Role
from concord.referrals.models import Referral, TeamMember

from .choices import RUNNING_ROLES, TEAM_SIDES, Side, SupervisionKind
from .models import CaucusNote, MinuteEntry, Session, SessionStep, SupervisionRecord

SUPERVISING_AGENCY_KINDS = (AgencyKind.COURT, AgencyKind.JUDICIAL_BUREAU)


@dataclass(frozen=True)
class Viewer:
    """How one user stands to one session."""

    user: object
    session: Session
    team_role: str = ""
    supervisor: bool = False
    participant: bool = False

    @property
    def on_team(self) -> bool:
        return bool(self.team_role)

    @property
    def runs(self) -> bool:
        """Whether the user runs the session: a mediator of the referral's team."""
        return self.team_role in RUNNING_ROLES

    @property
    def caucus_sides(self) -> frozenset[str]:
        """The sides whose caucus notes this reader may see: a neutral team member (mediator,
        joint judge or prosecutor) both, a lawyer on the team only their own side, anyone else
        none — not the parties, not a supervisor."""
        if not self.team_role:
            return frozenset()
        side = TEAM_SIDES.get(self.team_role, Side.NEUTRAL)
        if side == Side.NEUTRAL:
            return frozenset({Side.VICTIM, Side.SUSPECT})
        return frozenset({side})

    @property
    def sees_supervision(self) -> bool:
        return self.on_team or self.supervisor


def _agencies_under(roots: list[int]) -> set[int]:
    """Return the given agencies and every agency below them in the Agency.parent tree."""
    found = set(roots)
    frontier = list(roots)
    while frontier:
        frontier = [
            pk
            for pk in Agency.objects.filter(parent_id__in=frontier).values_list("pk", flat=True)
            if pk not in found
        ]
        found.update(frontier)
    return found


def supervision_remit(user) -> QuerySet[Session]:
    """Return every session ``user`` supervises.

    A supervisor is a member with the supervisor role of a people's court or a judicial
    bureau — the two bodies seeds/001 says dispatch supervisors. Their remit is every session of
    a case

    - whose referral went to a centre or committee at or below the supervisor's agency in the
      tree of agencies (``Agency.parent``): the judicial administration guides the people's
      mediation committees of its area, and the basic court gives them professional guidance
      (People's Mediation Law Art. 5); or
    - whose holding agency is the supervisor's court: the court supervises the settlement of a
      case before it (seeds/001; CPL Art. 289).

    Anyone who is not such a supervisor has an empty remit.
    """
    if user is None or not user.is_authenticated or not user.is_active:
        return Session.objects.none()
    agencies = list(
        user.memberships.filter(
            role=Role.SUPERVISOR, agency__kind__in=SUPERVISING_AGENCY_KINDS
        ).values_list("agency_id", "agency__kind")
    )
    if not agencies:
        return Session.objects.none()
    under = _agencies_under([pk for pk, _kind in agencies])
    courts = [pk for pk, kind in agencies if kind == AgencyKind.COURT]
    return Session.objects.filter(
        Q(referral__centre_id__in=under)
        | Q(referral__committee_id__in=under)
        | Q(case__holding_agency_id__in=courts)
    )


def _participating(user) -> Q:
    return Q(participants__user=user) | Q(participants__party__user=user)


def _team_role(user, referral_id: int) -> str:
    roles = set(
        TeamMember.objects.filter(referral_id=referral_id, user=user, active=True).values_list(
            "role", flat=True
        )
    )
    running = roles & set(RUNNING_ROLES)
    return sorted(running or roles)[0] if roles else ""


def session_viewer(user, session: Session) -> Viewer | None:
    """Return how ``user`` stands to ``session``, or None if they may not know of it."""
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    viewer = Viewer(
        user=user,
        session=session,
        team_role=_team_role(user, session.referral_id),
        supervisor=supervision_remit(user).filter(pk=session.pk).exists(),
        participant=Session.objects.filter(pk=session.pk).filter(_participating(user)).exists(),
    )
    if not (viewer.on_team or viewer.supervisor or viewer.participant):
        return None
    return viewer


def _base() -> QuerySet[Session]:
    return Session.objects.select_related("case", "referral", "referral__centre")


def access_session(user, session_id) -> Viewer:
    """Return the reader's view of the session; 404 if they may not know it exists."""
    try:
        session_id = int(session_id)
    except (TypeError, ValueError) as exc:
        raise Http404 from exc
    session = _base().filter(pk=session_id).first()
    viewer = session_viewer(user, session) if session is not None else None
    if viewer is None:
        raise Http404
    return viewer


def visible_sessions(user) -> QuerySet[Session]:
    """Every session ``user`` may know of: as team member, supervisor or participant."""
    if user is None or not user.is_authenticated or not user.is_active:
        return Session.objects.none()
    team = Q(referral__team__user=user, referral__team__active=True)
    ids = Session.objects.filter(team | _participating(user)).values("id")
    return _base().filter(Q(id__in=ids) | Q(id__in=supervision_remit(user).values("id")))


def referral_sessions(user, referral: Referral) -> list[Session]:
    """The sessions of one referral that ``user`` may know of, in order."""
    return list(
        visible_sessions(user)
        .filter(referral=referral)
        .annotate(
            open_corrections=Count(
                "supervision",
                filter=Q(
                    supervision__kind=SupervisionKind.CORRECTION,
                    supervision__answered_at__isnull=True,
                ),
            )
        )
        .order_by("starts_at", "id")
    )


def case_sessions(user, case) -> list[Session]:
    """The sessions of every referral of ``case`` that ``user`` may know of, in order."""
    return list(visible_sessions(user).filter(case=case).order_by("starts_at", "id"))


def own_sessions(user) -> list[Session]:
    """A participant's schedule: the sessions they take part in, as party or team member."""
    team = Q(referral__team__user=user, referral__team__active=True)
    ids = Session.objects.filter(team | _participating(user)).values("id")
    return list(_base().filter(id__in=ids).order_by("-starts_at", "-id")[:200])


def supervision_list(user) -> list[Session]:
    """The supervisor's list: sessions in remit with their open correction suggestions,
    those with open suggestions first, then the soonest."""
    return list(
        supervision_remit(user)
        .select_related("case", "referral", "referral__centre", "referral__committee")
        .annotate(
            open_corrections=Count(
                "supervision",
                filter=Q(
                    supervision__kind=SupervisionKind.CORRECTION,
                    supervision__answered_at__isnull=True,
                ),
            )
        )
        .order_by("-open_corrections", "-starts_at", "-id")[:300]
    )


def caucus_notes(viewer: Viewer) -> list[CaucusNote]:
    """The caucus notes ``viewer`` may read; none for parties, supervisors and outsiders."""
    sides = viewer.caucus_sides
    if not sides:
        return []
    return list(
        CaucusNote.objects.filter(session=viewer.session, side__in=sides).select_related(
            "written_by"
        )
    )


def supervision_records(viewer: Viewer) -> list[SupervisionRecord]:
    """Supervision is between the supervisor and the team; parties do not see it."""
    if not viewer.sees_supervision:
        return []
    return list(
        SupervisionRecord.objects.filter(session=viewer.session).select_related(
            "supervisor", "answered_by"
        )
    )


@dataclass(frozen=True)
class StepView:
    step: SessionStep
    minutes: list[MinuteEntry]
    current: bool


def session_record(viewer: Viewer) -> dict:
    """The session's non-confidential record: participants, the steps with their minutes (or
    the minutes of a session without steps), and the current step."""
    session = viewer.session
    minutes = list(session.minutes.select_related("recorded_by"))
    steps = list(
        SessionStep.objects.filter(session=session)
        .select_related("settled_by")
        .prefetch_related(Prefetch("minutes", queryset=MinuteEntry.objects.order_by("spoken_at")))
    )
    current = current_step(steps)
    live = session.state == "in_progress"
    return {
        "participants": list(session.participants.select_related("party", "user")),
        "steps": [
            StepView(
                step=s,
                minutes=[m for m in minutes if m.step_id == s.pk],
                current=live and current is not None and s.pk == current.pk,
            )
            for s in steps
        ],
        "general_minutes": [m for m in minutes if m.step_id is None],
        "current_step": current,
    }


def current_step(steps: list[SessionStep]) -> SessionStep | None:
    """The first step not yet done or skipped: the only one that may be settled next."""
    return next((s for s in sorted(steps, key=lambda s: s.number) if not s.settled), None)
