"""Issuing a document: the request only records it; the worker renders, stores content-addressed
blobs, serves and notifies — exactly once, however often the task runs."""

from __future__ import annotations

import hashlib

import pytest

from concord.audit.models import AuditEntry
from concord.core.errors import InvalidInput, PermissionRefused
from concord.core.storage import blob_get, blob_path
from concord.documents import processing, services, tasks
from concord.documents.models import (
    DocumentVersion,
    OutboxMessage,
    RenderedFile,
    ServiceReceipt,
)
from concord.documents.samples import sample
from concord.documents.services import Recipient


@pytest.fixture
def case(district):
    return district.register(victim_user=district.victim_user)


def recipients(district, case):
    return [
        Recipient(party=case.parties.get(role="victim")),
        Recipient(agency=district.committee),
    ]


def test_issue_renders_in_the_worker_and_stores_content_addressed_files(district, case, issue):
    document = issue(case, recipients=recipients(district, case), languages=("zh-hans", "en"))
    version = document.versions.get()
    assert version.state == DocumentVersion.State.RENDERED
    assert version.number == 1
    assert version.render_ms is not None
    files = {(f.language, f.format): f for f in version.files.all()}
    assert set(files) == {("zh-hans", "pdf"), ("zh-hans", "docx"), ("en", "pdf"), ("en", "docx")}
    for file in files.values():
        data = blob_get(file.sha256)
        assert hashlib.sha256(data).hexdigest() == file.sha256
        assert len(data) == file.size
    assert blob_get(files[("zh-hans", "pdf")].sha256).startswith(b"%PDF")


def test_nothing_renders_before_the_transaction_commits(
    district, case, django_capture_on_commit_callbacks
):
    """The request's transaction only records a pending version; the task is queued on commit."""
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        document = services.document_issue(
            actor=district.officer,
            case=case,
            kind="notification",
            context={**sample("notification"), "case_number": case.number},
            recipients=recipients(district, case),
        )
    version = document.versions.get()
    assert version.state == DocumentVersion.State.PENDING
    assert not RenderedFile.objects.exists()
    assert len(callbacks) == 1


def test_receipts_and_notifications(district, case, issue):
    district.mediator.email = "mediator@example.org"
    district.mediator.save(update_fields=["email"])
    document = issue(case, recipients=recipients(district, case))
    version = document.versions.get()
    receipts = list(version.receipts.order_by("id"))
    assert [(r.party_id is not None, r.agency_id) for r in receipts] == [
        (True, None),
        (False, district.committee.pk),
    ]
    assert all(r.delivered_at == version.rendered_at for r in receipts)
    assert all(r.notified_at is not None for r in receipts)
    messages = list(OutboxMessage.objects.order_by("id"))
    assert [(m.channel, m.address_masked) for m in messages] == [
        ("sms", "138****5678"),
        ("email", "me***@example.org"),
    ]
    for message in messages:
        assert case.number in message.body
        assert "13812345678" not in message.body + message.dedupe_key
        assert "mediator@example.org" not in message.dedupe_key


def test_running_the_task_again_duplicates_nothing(district, case, issue):
    document = issue(case, recipients=recipients(district, case))
    version = document.versions.get()
    counts = (
        RenderedFile.objects.count(),
        ServiceReceipt.objects.count(),
        OutboxMessage.objects.count(),
    )
    tasks.document_render.call_local(version.pk)
    processing.version_process(version.pk)
    assert document.versions.count() == 1
    assert (
        RenderedFile.objects.count(),
        ServiceReceipt.objects.count(),
        OutboxMessage.objects.count(),
    ) == counts


def test_a_worker_killed_mid_task_is_retried_without_duplicates(
    district, case, monkeypatch, django_capture_on_commit_callbacks
):
    """Killed after storing the files and serving, before notifying: the retry picks up."""

    def killed(version):
        raise SystemExit("worker killed")

    monkeypatch.setattr(processing, "_notify", killed)
    with pytest.raises(SystemExit), django_capture_on_commit_callbacks(execute=True):
        document = services.document_issue(
            actor=district.officer,
            case=case,
            kind="notification",
            context={**sample("notification"), "case_number": case.number},
            recipients=recipients(district, case),
        )
    version = DocumentVersion.objects.get()
    assert version.state == DocumentVersion.State.RENDERED
    assert OutboxMessage.objects.count() == 0
    monkeypatch.undo()
    processing.version_process(version.pk)
    processing.version_process(version.pk)
    assert ServiceReceipt.objects.count() == 2
    assert OutboxMessage.objects.count() == 1  # the SMS to the victim; the committee has no e-mail
    del document


def test_a_notification_sent_but_not_marked_is_not_sent_twice(district, case, issue, monkeypatch):
    """A crash between sending and marking the receipt repeats only what the outbox dedupes."""
    document = issue(case, recipients=recipients(district, case))
    version = document.versions.get()
    ServiceReceipt.objects.update(notified_at=None)
    processing.version_process(version.pk)
    assert OutboxMessage.objects.count() == 1


def test_reissue_adds_version_two_and_keeps_version_one(
    district, case, issue, django_capture_on_commit_callbacks
):
    document = issue(case, recipients=recipients(district, case))
    first = document.versions.get()
    first_files = {(f.language, f.format): f.sha256 for f in first.files.all()}
    context = {**sample("notification"), "case_number": case.number, "deadline": "2026-04-30"}
    with django_capture_on_commit_callbacks(execute=True):
        second = services.document_reissue(
            actor=district.officer, document=document, context=context
        )
    second.refresh_from_db()
    assert (first.number, second.number) == (1, 2)
    assert second.state == DocumentVersion.State.RENDERED
    first.refresh_from_db()
    assert {(f.language, f.format): f.sha256 for f in first.files.all()} == first_files
    for digest in first_files.values():
        assert blob_path(digest).exists()
    assert first_files[("zh-hans", "pdf")] != second.files.get(format="pdf").sha256
    assert second.receipts.count() == 2
    assert first.receipts.count() == 2


def test_issuing_again_with_the_same_subject_key_makes_a_new_version(district, case, issue):
    one = issue(case, subject_key="referral:1:party:1")
    again = issue(case, subject_key="referral:1:party:1")
    other = issue(case, subject_key="referral:1:party:2")
    assert one.pk == again.pk != other.pk
    assert [v.number for v in one.versions.order_by("number")] == [1, 2]


def test_reissuing_the_same_context_gives_the_same_files(district, case, issue):
    document = issue(case)
    again = issue(case)
    assert document.pk == again.pk
    first, second = document.versions.order_by("number")
    assert {f.sha256 for f in first.files.all()} == {f.sha256 for f in second.files.all()}


def test_issue_and_render_are_audited(district, case, issue):
    issue(case, recipients=recipients(district, case))
    actions = list(
        AuditEntry.objects.filter(action__startswith="document.").values_list("action", flat=True)
    )
    assert actions == ["document.issue", "document.render", "document.serve"]
    entry = AuditEntry.objects.get(action="document.issue")
    assert entry.actor == district.officer


def test_missing_required_key_raises_value_error_naming_it(district, case):
    context = sample("notification")
    del context["recipient_name"]
    with pytest.raises(ValueError, match="'recipient_name'"):
        services.document_issue(
            actor=district.officer, case=case, kind="notification", context=context, recipients=[]
        )


def test_someone_unrelated_to_the_case_cannot_issue(district, case):
    with pytest.raises(PermissionRefused) as caught:
        services.document_issue(
            actor=district.other_officer,
            case=case,
            kind="notification",
            context=sample("notification"),
            recipients=[],
        )
    assert caught.value.code == "not_case_actor"


def test_a_party_of_another_case_cannot_be_a_recipient(district, case):
    other = district.register(title="另一案")
    with pytest.raises(InvalidInput) as caught:
        services.document_issue(
            actor=district.officer,
            case=case,
            kind="notification",
            context=sample("notification"),
            recipients=[Recipient(party=other.parties.first())],
        )
    assert caught.value.code == "party_not_in_case"


def test_a_recipient_names_exactly_one_addressee(district):
    with pytest.raises(ValueError, match="exactly one"):
        Recipient(user=district.judge, agency=district.court)
    with pytest.raises(ValueError, match="exactly one"):
        Recipient()
