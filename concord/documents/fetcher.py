"""What the PDF renderer may load: our own stylesheet, nothing else.

WeasyPrint follows every URL in the HTML and CSS it renders — stylesheets, images, fonts,
``url()`` in CSS. A document's text comes from users; the templates escape it, and this fetcher
is the second wall: even if markup slipped through, the renderer could not fetch a URL on the
intranet (SSRF) nor read a file such as /etc/passwd into a PDF. Everything outside the allowlist
is refused and counted, so tests can prove no fetch happened.

Fonts are not fetched at all: the templates name the Noto CJK families and fontconfig resolves
them from Debian's fonts-noto-cjk. An ``@font-face`` pointing at the ``.ttc`` files would copy
20+ MB per render and load the collection's first face (Japanese glyph forms), not the
Simplified Chinese one.
"""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint.urls import URLFetcher, URLFetcherResponse

logger = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).resolve().parent / "static" / "documents"
# The stylesheet every print template links; the base URL of a rendering is this folder.
ALLOWED_FILES = {STATIC_DIR / "print.css": "text/css"}


class RefusedFetch(ValueError):
    """The renderer asked for a resource outside the allowlist."""


class AllowlistFetcher(URLFetcher):
    """Serve the allowlisted files; refuse everything else (http, https, ftp, data, file…).

    ``data:`` is refused too: our templates do not need it, and refusing it keeps a hostile
    inline image from being decoded at all.
    """

    def __init__(self) -> None:
        super().__init__(allow_redirects=False, fail_on_errors=False)
        self.served: list[str] = []
        self.refused: list[str] = []

    def fetch(self, url: str, headers=None) -> URLFetcherResponse:
        path = _allowed_path(url)
        if path is None:
            self.refused.append(url)
            # The URL itself may carry what a user typed: log only that something was refused.
            logger.warning("documents.fetch_refused", extra={"scheme": urlsplit(url).scheme})
            raise RefusedFetch("resource outside the document renderer's allowlist")
        self.served.append(url)
        return URLFetcherResponse(
            url, body=path.read_bytes(), headers={"Content-Type": ALLOWED_FILES[path]}
        )


def _allowed_path(url: str) -> Path | None:
    parts = urlsplit(url)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        return None
    if parts.query or parts.fragment:
        return None
    # resolve() follows symlinks and "..", so only the real allowlisted file can match.
    path = Path(unquote(parts.path)).resolve()
    return path if path in ALLOWED_FILES else None
