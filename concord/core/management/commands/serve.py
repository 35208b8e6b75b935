"""``concord serve``: the site, API and rooms on one ASGI server (uvicorn)."""

from __future__ import annotations

import os

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Serve the site, API and rooms on one ASGI server."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument("--workers", type=int, default=1)

    def handle(self, *args, **options):
        import uvicorn

        self.stdout.write(f"Concord on http://{options['host']}:{options['port']}/")
        uvicorn.run(
            "concord.asgi:application",
            host=options["host"],
            port=options["port"],
            workers=options["workers"],
            lifespan="off",
            access_log=False,
        )
