"""Content-addressed storage for documents: a file's name is the SHA-256 of its bytes.

The same bytes are stored once; a stored file is never overwritten, so every version of a
document stays retrievable by its digest.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from django.conf import settings


def blob_root() -> Path:
    return Path(settings.MEDIA_ROOT) / "blobs"


def blob_path(digest: str) -> Path:
    if len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
        raise ValueError("not a SHA-256 hex digest")
    return blob_root() / digest[:2] / digest[2:4] / digest


def blob_put(data: bytes) -> str:
    """Store ``data`` and return its SHA-256 hex digest."""
    digest = hashlib.sha256(data).hexdigest()
    path = blob_path(digest)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)  # atomic: a reader never sees half a file
    return digest


def blob_get(digest: str) -> bytes:
    return blob_path(digest).read_bytes()
