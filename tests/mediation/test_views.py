"""The screens: who gets a page and who gets 404."""

from __future__ import annotations

from django.urls import reverse

from concord.mediation import services
from concord.mediation.choices import SessionState
from concord.mediation.models import Session
from tests.conftest import PASSWORD


def _as(client, user):
    client.force_login(user)
    return client


def test_the_mediator_schedules_from_the_referrals_session_list(client, cast):
    _as(client, cast.mediator)
    url = reverse("mediation:referral", args=[cast.referral.pk])
    assert client.get(url).status_code == 200
    parties = list(cast.referral.case.parties.values_list("pk", flat=True))
    team = list(cast.referral.team.values_list("pk", flat=True))
    response = client.post(
        url,
        {
            "kind": "mediation",
            "starts_at": "2030-05-06T09:30",
            "duration_minutes": "90",
            "room": "第一调解室",
            "address": "松江区某路 100 号",
            "parties": parties,
            "team": team,
            "invited-TOTAL_FORMS": "3",
            "invited-INITIAL_FORMS": "0",
            "invited-0-name": "张阿姨",
            "invited-0-role": "neighbour",
            "invited-0-side": "neutral",
            "invited-1-side": "neutral",
            "invited-2-side": "neutral",
        },
    )
    session = Session.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("mediation:detail", args=[session.pk])
    assert session.participants.filter(name="张阿姨", role="neighbour").exists()


def test_a_bad_schedule_is_refused_with_the_reason(client, cast):
    _as(client, cast.mediator)
    response = client.post(
        reverse("mediation:referral", args=[cast.referral.pk]),
        {
            "kind": "mediation",
            "starts_at": "2030-05-06T09:30",
            "duration_minutes": "90",
            "invited-TOTAL_FORMS": "0",
            "invited-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 422
    assert "现场调解请填写调解室；或选择线上调解。" in response.content.decode()
    assert not Session.objects.exists()


def test_outsiders_get_404_on_every_screen_and_action(client, cast):
    session = cast.started()
    _as(client, cast.outsider)
    assert client.get(reverse("mediation:referral", args=[cast.referral.pk])).status_code == 404
    assert client.get(reverse("mediation:detail", args=[session.pk])).status_code == 404
    for name in ("start", "conclude", "minute_add", "caucus", "supervise"):
        assert client.post(reverse(f"mediation:{name}", args=[session.pk])).status_code == 404


def test_a_party_cannot_act_on_the_session_they_attend(client, cast):
    session = cast.started()
    _as(client, cast.victim)
    response = client.post(
        reverse("mediation:minute_add", args=[session.pk]),
        {"speaker": "李明", "text": "我要改笔录", "step": "1"},
    )
    assert response.status_code == 404
    assert not session.minutes.exists()
    response = client.post(reverse("mediation:cancel", args=[session.pk]), {"reason": "不来了"})
    assert response.status_code == 404
    session.refresh_from_db()
    assert session.state == SessionState.IN_PROGRESS


def test_a_party_sees_their_schedule_and_the_minutes_but_not_supervision(client, cast):
    session = cast.started()
    services.minute_add(
        actor=cast.mediator, session=session, text="我承认推了他", speaker="王强", step_number=1
    )
    services.supervision_record(
        actor=cast.bureau_supervisor, session=session, kind="observation", text="监督意见甲"
    )
    other = cast.schedule(parties=list(cast.referral.case.parties.exclude(role="agent")))
    _as(client, cast.suspect_agent)
    mine = client.get(reverse("mediation:mine")).content.decode()
    assert reverse("mediation:detail", args=[session.pk]) in mine
    assert reverse("mediation:detail", args=[other.pk]) not in mine  # not invited to it
    assert client.get(reverse("mediation:detail", args=[other.pk])).status_code == 404
    body = client.get(reverse("mediation:detail", args=[session.pk])).content.decode()
    assert "我承认推了他" in body
    assert "监督意见甲" not in body


def test_the_supervisor_sees_the_list_and_the_minutes(client, cast):
    session = cast.started()
    services.minute_add(
        actor=cast.mediator, session=session, text="我承认推了他", speaker="王强", step_number=1
    )
    client.login(username=cast.bureau_supervisor.username, password=PASSWORD)
    listing = client.get(reverse("mediation:supervision")).content.decode()
    assert reverse("mediation:detail", args=[session.pk]) in listing
    body = client.get(reverse("mediation:detail", args=[session.pk])).content.decode()
    assert "我承认推了他" in body
    assert 'data-testid="supervision-form"' in body
    client.login(username=cast.other_supervisor.username, password=PASSWORD)
    assert client.get(reverse("mediation:detail", args=[session.pk])).status_code == 404
