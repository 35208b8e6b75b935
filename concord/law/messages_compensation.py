from __future__ import annotations

COMPENSATION: dict[str, tuple[str, str]] = {}
