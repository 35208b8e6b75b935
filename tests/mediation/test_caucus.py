"""Caucus ("back-to-back") notes: the team on that side sees them; nobody else does — not in
the selector, not on the session page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from concord.core.errors import PermissionRefused
from concord.mediation import selectors, services
from concord.mediation.choices import Side
from tests.conftest import PASSWORD

VICTIM_NOTE = "被害人私下表示两万元也可以接受"
SUSPECT_NOTE = "嫌疑人家属最多能凑三万元"


@pytest.fixture
def session_with_notes(cast):
    session = cast.started()
    services.caucus_note_add(
        actor=cast.mediator, session=session, side=Side.VICTIM, text=VICTIM_NOTE
    )
    services.caucus_note_add(
        actor=cast.mediator, session=session, side=Side.SUSPECT, text=SUSPECT_NOTE
    )
    return session


def _seen(user, session) -> set[str] | None:
    viewer = selectors.session_viewer(user, session)
    if viewer is None:
        return None
    return {n.text for n in selectors.caucus_notes(viewer)}


def test_who_sees_which_caucus_notes(cast, session_with_notes):
    """The mediator sees both sides; the victim's legal-aid lawyer only the victim side; the
    parties, the suspect's agent and the supervisor see the session but no caucus note; an
    outsider does not see the session at all."""
    session = session_with_notes
    assert _seen(cast.mediator, session) == {VICTIM_NOTE, SUSPECT_NOTE}
    assert _seen(cast.lawyer, session) == {VICTIM_NOTE}
    assert _seen(cast.victim, session) == set()
    assert _seen(cast.suspect, session) == set()
    assert _seen(cast.suspect_agent, session) == set()
    assert _seen(cast.bureau_supervisor, session) == set()
    assert _seen(cast.outsider, session) is None


@pytest.mark.parametrize(
    "who", ["victim", "suspect", "suspect_agent", "bureau_supervisor", "lawyer"]
)
def test_the_session_page_never_shows_a_caucus_note_to_the_wrong_reader(
    client, cast, session_with_notes, who
):
    client.login(username=getattr(cast, who).username, password=PASSWORD)
    response = client.get(reverse("mediation:detail", args=[session_with_notes.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert SUSPECT_NOTE not in body
    if who != "lawyer":
        assert VICTIM_NOTE not in body
        assert 'data-testid="caucus"' not in body


def test_an_outsider_gets_404_for_the_session(client, cast, session_with_notes):
    client.login(username=cast.outsider.username, password=PASSWORD)
    response = client.get(reverse("mediation:detail", args=[session_with_notes.pk]))
    assert response.status_code == 404


def test_the_mediator_sees_both_notes_on_the_page(client, cast, session_with_notes):
    client.login(username=cast.mediator.username, password=PASSWORD)
    body = client.get(reverse("mediation:detail", args=[session_with_notes.pk])).content.decode()
    assert VICTIM_NOTE in body and SUSPECT_NOTE in body


def test_only_a_mediator_writes_caucus_notes(cast):
    session = cast.started()
    with pytest.raises(PermissionRefused):
        services.caucus_note_add(actor=cast.lawyer, session=session, side=Side.VICTIM, text="x")
