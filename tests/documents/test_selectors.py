"""Who sees which documents: staff of the case see all of them; a party sees what was served
to them; anyone else sees nothing (404)."""

from __future__ import annotations

import pytest
from django.http import Http404

from concord.documents import selectors
from concord.documents.services import Recipient


@pytest.fixture
def case(district):
    return district.register(victim_user=district.victim_user)


@pytest.fixture
def documents(district, case, issue):
    to_victim = issue(
        case,
        "notification",
        recipients=[Recipient(party=case.parties.get(role="victim"))],
        subject_key="party:victim",
    )
    to_committee = issue(case, "contact_letter", recipients=[Recipient(agency=district.committee)])
    return to_victim, to_committee


def test_inbox_lists_what_was_served_newest_first(district, documents):
    to_victim, to_committee = documents
    assert [r.version.document for r in selectors.inbox(district.victim_user)] == [to_victim]
    assert [r.version.document for r in selectors.inbox(district.mediator)] == [to_committee]
    assert list(selectors.inbox(district.other_officer)) == []
    assert list(selectors.inbox(district.other_party_user)) == []


def test_holding_agency_sees_every_document_of_the_case(district, case, documents):
    shown = selectors.case_documents(district.officer, case)
    assert {d.kind for d in shown} == {"notification", "contact_letter"}
    assert all(len(d.shown_versions) == 1 for d in shown)


def test_a_party_sees_only_what_was_served_to_them(district, case, documents):
    shown = selectors.case_documents(district.victim_user, case)
    assert [d.kind for d in shown] == ["notification"]


def test_an_outsider_gets_404_for_the_case_documents(district, case, documents):
    with pytest.raises(Http404):
        selectors.case_documents(district.other_officer, case)


def test_a_recipient_agency_reads_its_letter_before_any_case_access(district, documents):
    _to_victim, to_committee = documents
    version = to_committee.versions.get()
    file = selectors.file_for(district.coordinator, version.pk, "pdf", None)
    assert file.language == "zh-hans"


@pytest.mark.parametrize("who", ["other_officer", "other_party_user", "victim_user"])
def test_others_cannot_reach_the_committee_letter(district, documents, who):
    _to_victim, to_committee = documents
    version = to_committee.versions.get()
    with pytest.raises(Http404):
        selectors.file_for(getattr(district, who), version.pk, "pdf", None)


def test_queries_do_not_grow_with_the_number_of_documents(
    district, case, issue, django_assert_max_num_queries
):
    for index in range(4):
        issue(case, recipients=[Recipient(agency=district.committee)], subject_key=str(index))
    with django_assert_max_num_queries(8):
        shown = selectors.case_documents(district.officer, case)
        for document in shown:
            for version in document.shown_versions:
                list(version.files.all())
                _ = version.acknowledged_count
    assert len(shown) == 4
