"""``concord serve``: the site, API and rooms on one ASGI server (uvicorn).

For one office (no ``REDIS_URL``) it also starts the task queue's worker as a child process,
so ``make run`` needs no second command; at scale run ``concord worker`` processes instead.
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import logging
import os
import signal
import subprocess
import sys

import uvicorn
from django.core.management.base import BaseCommand

logger = logging.getLogger(__name__)
PR_SET_PDEATHSIG = 1  # prctl(2)


def start_embedded_worker() -> subprocess.Popen:
    """Start ``concord worker`` beside the server, and stop it when the server stops.

    A separate process rather than threads: rendering documents is CPU work that would
    otherwise hold the server's interpreter lock and slow every page.
    """
    worker = subprocess.Popen(
        [sys.executable, "-m", "concord", "worker"],
        env=os.environ.copy(),
        preexec_fn=_die_with_parent,
    )
    atexit.register(_stop, worker)
    logger.info("embedded task worker started", extra={"pid": worker.pid})
    return worker


def _die_with_parent() -> None:
    """Ask Linux to send the worker SIGTERM when the server exits, however it exits.

    uvicorn re-raises SIGTERM and SIGINT after shutting down, so the server may die by the
    signal without running ``atexit``; the worker must not outlive it.
    """
    # Not Linux: the atexit handler still stops the worker on a normal exit.
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def _stop(worker: subprocess.Popen) -> None:
    if worker.poll() is None:
        worker.terminate()
        try:
            worker.wait(timeout=10)
        except subprocess.TimeoutExpired:
            worker.kill()


class Command(BaseCommand):
    help = "Serve the site, API and rooms on one ASGI server."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument("--workers", type=int, default=1, help="web worker processes")
        parser.add_argument(
            "--embedded-worker",
            dest="embedded",
            action="store_true",
            default=not os.environ.get("REDIS_URL"),
            help="run the task queue in this process (default without REDIS_URL)",
        )
        parser.add_argument("--no-embedded-worker", dest="embedded", action="store_false")

    def handle(self, *args, **options):
        if options["embedded"]:
            start_embedded_worker()
        self.stdout.write(f"Concord on http://{options['host']}:{options['port']}/")
        uvicorn.run(
            "concord.asgi:application",
            host=options["host"],
            port=options["port"],
            workers=options["workers"],
            lifespan="off",
            access_log=False,
        )
