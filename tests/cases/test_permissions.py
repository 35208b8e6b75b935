"""Who may know a case exists: the holding agency, those it was referred or assigned to, and
its own parties. Everyone else gets 404 — on pages and on the API alike."""

from __future__ import annotations

import pytest
from django.http import Http404
from django.urls import reverse

from concord.audit.models import AuditEntry
from concord.cases import selectors, services
from concord.cases.models import CaseAccess
from tests.conftest import PASSWORD


def _login(client, user):
    assert client.login(username=user.username, password=PASSWORD)
    return client


def test_holding_agency_staff_see_the_case(district):
    case = district.register()
    assert selectors.access_case(district.officer, case.pk) == case


def test_other_agency_staff_get_404(district):
    case = district.register()
    with pytest.raises(Http404):
        selectors.access_case(district.other_officer, case.pk)
    assert not selectors.visible_cases(district.other_officer).exists()


def test_committee_sees_a_case_once_referred_to_it(district):
    case = district.register()
    with pytest.raises(Http404):
        selectors.access_case(district.mediator, case.pk)
    services.case_transition(actor=district.officer, case=case, name="screen")
    services.case_transition(
        actor=district.officer, case=case, name="refer", to_agency=district.committee
    )
    assert selectors.access_case(district.mediator, case.pk) == case
    assert selectors.access_case(district.coordinator, case.pk) == case


def test_revoked_grant_hides_the_case_again(district):
    case = district.register()
    CaseAccess.objects.create(case=case, agency=district.committee, basis="referred", active=False)
    with pytest.raises(Http404):
        selectors.access_case(district.mediator, case.pk)


def test_personal_assignment_reveals_only_that_case(district):
    first = district.register()
    district.register(title="另一案")
    CaseAccess.objects.create(case=first, user=district.judge, basis="assigned")
    assert list(selectors.visible_cases(district.judge)) == [first]


def test_party_sees_only_their_own_case(district):
    own = district.register(victim_user=district.victim_user)
    other = district.register(title="别人的案件")
    assert list(selectors.visible_cases(district.victim_user)) == [own]
    with pytest.raises(Http404):
        selectors.access_case(district.victim_user, other.pk)


def test_stranger_sees_nothing(district):
    district.register()
    assert not selectors.visible_cases(district.other_party_user).exists()


@pytest.mark.parametrize("bad_id", ["abc", "-1", "99999999", ""])
def test_malformed_or_unknown_ids_are_404(district, bad_id):
    with pytest.raises(Http404):
        selectors.access_case(district.officer, bad_id)


def test_case_page_is_404_for_other_agency(client, district):
    case = district.register()
    _login(client, district.other_officer)
    response = client.get(reverse("cases:detail", args=[case.pk]))
    assert response.status_code == 404


def test_case_page_is_404_for_another_party(client, district):
    own = district.register(victim_user=district.victim_user)
    other = district.register(title="别人的案件")
    _login(client, district.victim_user)
    assert client.get(reverse("cases:detail", args=[own.pk])).status_code == 200
    assert client.get(reverse("cases:detail", args=[other.pk])).status_code == 404


def test_transition_post_on_invisible_case_is_404_and_changes_nothing(client, district):
    case = district.register()
    _login(client, district.other_officer)
    response = client.post(reverse("cases:transition", args=[case.pk]), {"transition": "screen"})
    assert response.status_code == 404
    case.refresh_from_db()
    assert case.state == "registered"


def test_anonymous_visitor_is_sent_to_login(client, district):
    case = district.register()
    response = client.get(reverse("cases:detail", args=[case.pk]))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_party_cannot_register_cases(client, district):
    _login(client, district.victim_user)
    assert client.get(reverse("cases:register")).status_code == 404


def test_opening_a_case_is_audited(client, district):
    case = district.register()
    _login(client, district.officer)
    client.get(reverse("cases:detail", args=[case.pk]))
    entry = AuditEntry.objects.order_by("-seq").first()
    assert (entry.action, entry.object_id, entry.actor) == (
        "case.read",
        str(case.pk),
        district.officer,
    )
