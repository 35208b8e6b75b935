"""Background work of the agreements app: rendering never happens in a web request."""

from __future__ import annotations

from huey.contrib.djhuey import db_task

from .sealing import final_copy_seal, signing_copy_render


@db_task(retries=3, retry_delay=10)
def agreement_render(agreement_id: int, version: int) -> None:
    signing_copy_render(agreement_id, version)


@db_task(retries=3, retry_delay=10)
def agreement_seal(agreement_id: int) -> None:
    final_copy_seal(agreement_id)
