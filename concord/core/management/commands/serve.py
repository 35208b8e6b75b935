"""``concord serve``: the site, API and rooms on one ASGI server (uvicorn).

For one office (no ``REDIS_URL``) it also runs the task queue in the same process, so
``make run`` needs no second command; at scale run ``concord worker`` processes instead.
"""

from __future__ import annotations

import logging
import os

import uvicorn
from django.core.management.base import BaseCommand
from huey.contrib.djhuey import HUEY

logger = logging.getLogger(__name__)


def start_embedded_worker(workers: int = 1):
    """Start the queue's scheduler and worker threads inside this process.

    Huey's ``Consumer.start`` also installs signal handlers, which only the main thread may do
    and which would fight uvicorn's; the threads are started directly instead, as daemons, so
    they end with the server.
    """
    consumer = HUEY.create_consumer(workers=workers, worker_type="thread", periodic=True)
    consumer.scheduler.start()
    for _worker, thread in consumer.worker_threads:
        thread.start()
    logger.info("embedded task worker started", extra={"workers": workers})
    return consumer


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
