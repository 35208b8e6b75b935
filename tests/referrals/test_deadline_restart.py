"""A deadline reminder still fires after the server and its worker are killed and restarted.

The reminder is queued for a few seconds ahead; the server (with its worker) is killed before
then and started again after: the queue kept the task, and the new worker sends it once.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone
from huey.contrib.djhuey import HUEY
from huey.storage import SqliteStorage

from concord.documents.models import OutboxMessage
from concord.referrals import services, tasks
from concord.referrals.models import Referral

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _database_url() -> str:
    s = connection.settings_dict
    if s["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{s['NAME']}"
    auth = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "")
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


class Server:
    """``concord serve`` with its embedded worker, in its own process group."""

    def __init__(self, var_dir, port: int):
        self.env = {
            k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DJANGO_SETTINGS_MODULE")
        }
        self.env.update(
            CONCORD_ENV="dev", DATABASE_URL=_database_url(), CONCORD_VAR_DIR=str(var_dir)
        )
        self.port = port
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "concord", "serve", "--port", str(self.port)],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.2)
        raise AssertionError("the server did not start")

    def kill(self) -> None:
        """Kill the server and its worker at once, as a crash or a power cut would."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)


@pytest.fixture
def queue(tmp_path):
    """The test enqueues into a real queue file that the server's worker will read."""
    was_immediate = HUEY.immediate
    HUEY.immediate = False
    HUEY.storage = SqliteStorage(name="concord", filename=str(tmp_path / "queue.sqlite3"))
    yield tmp_path
    HUEY.immediate = was_immediate


def _wait_for(predicate, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.3)
    return False


def test_reminder_fires_after_server_and_worker_restart(district, centre, screened_case, queue):
    referral = services.referral_send(
        actor=district.officer, case=screened_case, centre=district.committee
    )
    remind_at = timezone.now() + timedelta(seconds=8)
    Referral.objects.filter(pk=referral.pk).update(due_at=remind_at + timedelta(days=1))
    tasks.referral_remind.schedule(args=(referral.pk,), eta=remind_at)

    server = Server(queue, _free_port())
    server.start()
    server.kill()  # before the reminder is due

    while timezone.now() < remind_at + timedelta(seconds=1):
        time.sleep(0.2)
    referral.refresh_from_db()
    assert referral.reminded_at is None  # nobody was running when it came due

    server.start()
    try:
        assert _wait_for(
            lambda: Referral.objects.get(pk=referral.pk).reminded_at is not None, 30
        ), "the restarted worker did not send the reminder"
    finally:
        server.kill()
    reminders = OutboxMessage.objects.filter(
        subject__contains=referral.number, dedupe_key__contains=":remind:"
    )
    assert reminders.count() == reminders.values("dedupe_key").distinct().count() > 0
