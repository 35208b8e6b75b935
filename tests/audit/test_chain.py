"""The audit chain detects an altered, a deleted, a reordered and a truncated entry."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from concord.audit.models import AuditChainHead, AuditEntry
from concord.audit.services import audit_record, audit_verify


@pytest.fixture
def chain(district):
    """A few real entries on top of the district's own."""
    district.register()
    district.register(title="第二案")
    entries = list(AuditEntry.objects.order_by("seq"))
    assert len(entries) > 10
    return entries


def test_intact_chain_verifies(chain):
    assert audit_verify() is None


def test_every_write_leaves_its_entry(district):
    """Registering writes the case and its first screening result: one entry each."""
    before = AuditEntry.objects.count()
    case = district.register()
    added = list(AuditEntry.objects.filter(seq__gt=before).order_by("seq"))
    assert [e.action for e in added] == ["case.register", "law.eligibility"]
    entry = added[0]
    assert entry.object_id == str(case.pk)
    assert entry.actor == district.officer
    assert len(entry.after_digest) == 64


def test_entries_hold_digests_not_personal_data(chain):
    blob = " ".join(e.canonical() for e in AuditEntry.objects.all())
    assert "31011719900315001X" not in blob
    assert "13812345678" not in blob


def test_altered_entry_is_found(chain):
    victim = chain[5]
    AuditEntry.objects.filter(pk=victim.pk).update(action="case.delete")
    problem = audit_verify()
    assert problem is not None
    assert problem.seq == victim.seq
    assert "hash" in problem.reason


def test_altered_detail_is_found(chain):
    victim = chain[3]
    AuditEntry.objects.filter(pk=victim.pk).update(detail={"forged": True})
    assert audit_verify().seq == victim.seq


def test_deleted_entry_is_found(chain):
    victim = chain[4]
    AuditEntry.objects.filter(pk=victim.pk).delete()
    problem = audit_verify()
    assert problem is not None
    assert problem.seq == victim.seq + 1


def test_reordered_entries_are_found(chain):
    a, b = chain[6], chain[7]
    AuditEntry.objects.filter(pk=a.pk).update(seq=10**9)
    AuditEntry.objects.filter(pk=b.pk).update(seq=a.seq)
    AuditEntry.objects.filter(pk=a.pk).update(seq=b.seq)
    problem = audit_verify()
    assert problem is not None
    assert problem.seq == a.seq


def test_truncated_tail_is_found(chain):
    last = chain[-1]
    AuditEntry.objects.filter(pk=last.pk).delete()
    problem = audit_verify()
    assert problem is not None
    assert "missing" in problem.reason


def test_rehashed_forgery_still_breaks_the_next_link(chain):
    """Recomputing a forged entry's own hash does not help: the next entry points elsewhere."""
    victim = AuditEntry.objects.get(pk=chain[2].pk)
    victim.action = "forged"
    victim.hash = victim.compute_hash()
    victim.save()
    problem = audit_verify()
    assert problem.seq == victim.seq + 1


def test_appends_continue_the_chain(district):
    head = AuditChainHead.objects.get(pk=1)
    entry = audit_record(actor=None, action="test.append")
    assert entry.seq == head.last_seq + 1
    assert entry.prev_hash == head.last_hash
    assert audit_verify() is None


def test_command_exits_0_on_intact_chain(chain, capsys):
    call_command("audit", "verify")
    assert "OK" in capsys.readouterr().out


def test_command_exits_1_naming_the_broken_entry(chain, capsys):
    AuditEntry.objects.filter(pk=chain[3].pk).update(object_id="999")
    with pytest.raises(SystemExit) as exited:
        call_command("audit", "verify")
    assert exited.value.code == 1
    assert f"seq={chain[3].seq}" in capsys.readouterr().err
