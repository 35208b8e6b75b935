"""Documents tests: blobs in a temporary folder, and a helper that issues through the service
and lets the (immediate) worker run once the transaction commits."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from concord.cases.models import Case
from concord.documents import services
from concord.documents.models import Document
from concord.documents.samples import sample

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "documents"
POPPLER = ("pdftoppm", "pdffonts", "pdftotext")


@pytest.fixture(autouse=True)
def blob_folder(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(scope="session")
def poppler() -> None:
    missing = [tool for tool in POPPLER if shutil.which(tool) is None]
    if missing:
        pytest.fail(f"poppler-utils missing ({', '.join(missing)}): run `make test`")


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True)
    return out.stdout.decode()


def compact(text: str) -> str:
    """Text without whitespace: pdftotext breaks Chinese lines wherever the layout did."""
    return "".join(text.split())


@pytest.fixture
def issue(district, django_capture_on_commit_callbacks) -> Callable[..., Document]:
    """Issue ``kind`` on ``case`` as the judge's court would, and run the worker."""

    def _issue(case: Case, kind: str = "notification", *, actor=None, recipients=None, **extra):
        context = {**sample(kind), "case_number": case.number, **extra.pop("context", {})}
        with django_capture_on_commit_callbacks(execute=True):
            return services.document_issue(
                actor=actor or district.officer,
                case=case,
                kind=kind,
                context=context,
                recipients=recipients or [],
                **extra,
            )

    return _issue
