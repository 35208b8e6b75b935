"""Background work of the documents app: rendering never happens in a web request."""

from __future__ import annotations

from huey.contrib.djhuey import db_task

from .processing import version_process


# Retries cover a worker killed mid-render or a database briefly locked; version_process
# picks up from whatever state the failed run left (processing.py).
@db_task(retries=3, retry_delay=10)
def document_render(version_id: int) -> None:
    version_process(version_id)
