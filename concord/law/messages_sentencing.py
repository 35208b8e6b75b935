from __future__ import annotations

SENTENCING: dict[str, tuple[str, str]] = {}
