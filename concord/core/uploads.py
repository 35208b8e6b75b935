"""Validation of uploaded files by their content, not their name or declared type."""

from __future__ import annotations

import re
import unicodedata

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .errors import InvalidInput

# Leading bytes of the formats a case file accepts, and the type we then record.
SIGNATURES: list[tuple[bytes, str]] = [
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
]


def sniff_content_type(head: bytes) -> str | None:
    for signature, content_type in SIGNATURES:
        if head.startswith(signature):
            return content_type
    return None


def safe_filename(name: str) -> str:
    """Return a name with no path, no control characters and a bounded length."""
    name = unicodedata.normalize("NFC", name).replace("\\", "/").rsplit("/", 1)[-1]
    name = re.sub(r"[\x00-\x1f\x7f<>:\"|?*]", "_", name).strip(" .")
    return (name or "upload")[:150]


def read_upload(uploaded) -> tuple[bytes, str, str]:
    """Return the bytes, sniffed content type and safe name of an upload, or refuse it."""
    if uploaded.size > settings.CONCORD_MAX_UPLOAD_BYTES:
        raise InvalidInput(
            "too_large",
            _("文件过大（上限 %(mb)s MB）。") % {"mb": settings.CONCORD_MAX_UPLOAD_BYTES // 2**20},
            field="file",
        )
    data = uploaded.read()
    content_type = sniff_content_type(data[:16])
    if content_type is None:
        raise InvalidInput("file_type", _("只接受 PDF、PNG 或 JPEG 文件。"), field="file")
    return data, content_type, safe_filename(uploaded.name or "upload")
