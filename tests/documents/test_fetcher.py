"""The renderer loads our stylesheet and nothing else: text a user typed can never make it
fetch a URL or read a file, and it is printed, escaped, as the text it was."""

from __future__ import annotations

import socket
import threading

import pytest
from weasyprint import HTML

from concord.documents.fetcher import ALLOWED_FILES, STATIC_DIR, AllowlistFetcher, RefusedFetch
from concord.documents.render import render_html, render_pdf
from concord.documents.samples import sample
from tests.documents.conftest import compact, pdf_text

STYLESHEET = (STATIC_DIR / "print.css").as_uri()


@pytest.fixture
def listener():
    """A TCP port on localhost that counts connections: any fetch attempt would show up."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.settimeout(0.2)
    hits: list[int] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                connection, _address = server.accept()
            except TimeoutError:
                continue
            hits.append(1)
            connection.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1], hits
    stop.set()
    thread.join(timeout=2)
    server.close()


def hostile_context(port: int) -> dict:
    context = sample("contact_letter")
    context["facts"] = '<img src="file:///etc/passwd"> 案情'
    context["case_title"] = f'<link rel="stylesheet" href="http://127.0.0.1:{port}/x">某案'
    context["referral_reason"] = (
        f'</p><style>body {{ background: url("http://127.0.0.1:{port}/y") }}</style><p>'
    )
    context["parties"][0]["name"] = (
        f'李明<object data="http://127.0.0.1:{port}/z"></object>'
        f'<span style="background-image:url(file:///etc/shadow)">x</span>'
    )
    context["contact_person"] = f'"><iframe src="https://127.0.0.1:{port}/w"></iframe>'
    return context


def test_hostile_text_fetches_nothing_and_prints_escaped(listener, tmp_path, poppler):
    port, hits = listener
    fetcher = AllowlistFetcher()
    pdf = render_pdf("contact_letter", hostile_context(port), "zh-hans", fetcher=fetcher)
    assert fetcher.served == [STYLESHEET]
    assert fetcher.refused == []  # escaped markup is text: nothing even asked for a fetch
    assert hits == []
    text = compact(pdf_text(pdf, tmp_path))
    assert compact('<img src="file:///etc/passwd">') in text
    assert compact(f'<link rel="stylesheet" href="http://127.0.0.1:{port}/x">') in text
    assert "root:" not in text


def test_hostile_text_is_escaped_in_the_html(listener):
    port, _hits = listener
    html = render_html("contact_letter", hostile_context(port), "zh-hans")
    assert "<img" not in html
    assert '<link rel="stylesheet" href="http' not in html
    assert "<style>" not in html
    assert "&lt;img src=&quot;file:///etc/passwd&quot;&gt;" in html


def test_markup_that_slipped_through_is_refused_by_the_fetcher(listener, tmp_path):
    """Second wall: even raw hostile HTML, rendered with our fetcher, loads nothing."""
    port, hits = listener
    html = f"""<html><head>
      <link rel="stylesheet" href="print.css">
      <link rel="stylesheet" href="http://127.0.0.1:{port}/a.css">
      <style>
        @import url("https://127.0.0.1:{port}/b.css");
        body {{ background: url("file:///etc/passwd"); }}
        @font-face {{ font-family: x; src: url("http://127.0.0.1:{port}/f.woff"); }}
        p {{ font-family: x; }}
      </style></head><body>
      <p>正文</p>
      <img src="file:///etc/passwd">
      <img src="http://127.0.0.1:{port}/c.png">
      <img src="data:image/png;base64,iVBORw0KGgo=">
      <object data="http://127.0.0.1:{port}/d"></object>
      <svg><image href="file:///etc/hostname"/></svg>
      <img src="print.css/../../../../../etc/passwd">
    </body></html>"""
    fetcher = AllowlistFetcher()
    HTML(string=html, base_url=STATIC_DIR.as_uri() + "/", url_fetcher=fetcher).write_pdf()
    assert fetcher.served == [STYLESHEET]
    refused = " ".join(fetcher.refused)
    for needle in ("/a.css", "/b.css", "/c.png", "/f.woff", "/etc/passwd", "data:image/png"):
        assert needle in refused, f"{needle} was not refused: {fetcher.refused}"
    assert hits == []


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/x",
        "https://example.org/x.css",
        "ftp://127.0.0.1/x",
        "file:///etc/passwd",
        STYLESHEET + "/../../../settings/base.py",
        STYLESHEET.replace("print.css", "../../kinds.py"),
        STYLESHEET + "?x=1",
        STYLESHEET.replace("file://", "file://evil.example"),
        "data:text/css,body{}",
        "/etc/passwd",
    ],
)
def test_fetcher_refuses_anything_off_the_allowlist(url):
    fetcher = AllowlistFetcher()
    with pytest.raises(RefusedFetch):
        fetcher(url)
    assert fetcher.refused == [url]
    assert fetcher.served == []


def test_fetcher_serves_the_stylesheet():
    fetcher = AllowlistFetcher()
    response = fetcher(STYLESHEET)
    assert response.content_type == "text/css"
    assert b"@page" in response.read()
    assert list(ALLOWED_FILES) == [STATIC_DIR / "print.css"]


def test_refusals_are_logged_without_the_url(caplog):
    fetcher = AllowlistFetcher()
    with pytest.raises(RefusedFetch):
        fetcher("http://127.0.0.1:9/李明的身份证")
    assert "李明" not in caplog.text
    assert "documents.fetch_refused" in caplog.text
