"""Rendering is a pure step: a fixed context gives a complete, official-looking PDF whose
Chinese text survives (every glyph present, the CJK font embedded), and the same bytes again."""

from __future__ import annotations

import logging
import re
import subprocess
from functools import cache

import pytest
from PIL import Image

from concord.documents.kinds import TITLES_EN, DocumentKind
from concord.documents.render import render_docx, render_html, render_pdf
from concord.documents.samples import sample
from tests.documents.conftest import ARTIFACTS, compact, pdf_text

KINDS = [kind.value for kind in DocumentKind]
LANGUAGES = ["zh-hans", "en"]


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@cache
def rendered(kind: str, language: str) -> tuple[bytes, tuple[str, ...]]:
    """Render once per kind and language; return the PDF and WeasyPrint's warnings."""
    handler = _Collect()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(handler)
    try:
        pdf = render_pdf(kind, sample(kind), language)
    finally:
        logger.removeHandler(handler)
    return pdf, tuple(record.getMessage() for record in handler.records)


def expected_strings(kind: str, language: str) -> list[str]:
    context = sample(kind)
    names = [party["name"] for party in context["parties"]]
    if language == "en":
        return [TITLES_EN[DocumentKind(kind)], context["issuing_agency_en"], *names]
    return [str(DocumentKind(kind).label), context["issuing_agency"], *names]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", KINDS)
def test_every_page_has_ink(kind, language, tmp_path, poppler):
    """Each kind renders in both languages, and no page comes out blank."""
    pdf, _warnings = rendered(kind, language)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    stem = ARTIFACTS / f"{kind}-{language}"
    stem.with_suffix(".pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(stem.with_suffix(".pdf")), str(stem)])
    pages = sorted(ARTIFACTS.glob(f"{kind}-{language}-*.png"))
    assert pages, "pdftoppm produced no page"
    for page in pages:
        with Image.open(page) as image:
            inked = sum(image.convert("L").histogram()[:160])
        assert inked > 200, f"{page.name} is blank"


@pytest.mark.parametrize("kind", KINDS)
def test_chinese_rendering_embeds_the_cjk_font(kind, tmp_path, poppler):
    """pdffonts lists only Noto CJK faces, all embedded: nothing fell back to another font."""
    pdf, _warnings = rendered(kind, "zh-hans")
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
    rows = listing.splitlines()[2:]
    assert rows, listing
    assert any("Noto-Serif-CJK-SC" in row for row in rows), listing
    for row in rows:
        name, emb = row.split()[0], row.split()[-5]
        assert "CJK-SC" in name, f"fell back to {name}"
        assert emb == "yes", f"{name} is not embedded"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", KINDS)
def test_no_glyph_is_missing(kind, language, tmp_path, poppler):
    """The title, the issuing agency and every party's name read back from the PDF, and
    WeasyPrint warned about nothing (a missing glyph would drop or garble them)."""
    pdf, warnings = rendered(kind, language)
    text = compact(pdf_text(pdf, tmp_path))
    for expected in expected_strings(kind, language):
        assert compact(expected) in text, f"{expected!r} missing from the {language} PDF"
    assert "\ufffd" not in text
    assert warnings == ()


def test_official_layout_marks(tmp_path, poppler):
    """A letter carries its number, the addressee line, the seal placeholder, the date in
    full and page numbers between dashes."""
    pdf, _warnings = rendered("contact_letter", "zh-hans")
    text = pdf_text(pdf, tmp_path)
    flat = compact(text)
    assert "沪松法调转〔2026〕12号" in flat
    assert "松江区联合人民调解委员会：" in flat
    assert "（印章）" in flat
    assert "2026年3月15日" in flat
    assert re.search(r"—\s*1\s*—", text)


def test_rendering_twice_gives_the_same_bytes():
    """The PDF's dates come from the issue date, so a version re-renders to the same SHA-256."""
    context = sample("feedback_letter")
    assert render_pdf("feedback_letter", context, "zh-hans") == render_pdf(
        "feedback_letter", context, "zh-hans"
    )
    assert render_docx("feedback_letter", context, "en") == render_docx(
        "feedback_letter", context, "en"
    )


def test_missing_required_key_names_it():
    context = sample("contact_letter")
    del context["to_agency"]
    with pytest.raises(ValueError, match="missing required key 'to_agency'"):
        render_pdf("contact_letter", context, "zh-hans")


def test_misspelt_key_is_refused_rather_than_printed_blank():
    context = {**sample("notification"), "centre_adress": "某路1号"}
    with pytest.raises(ValueError, match="unknown key 'centre_adress'"):
        render_html("notification", context, "zh-hans")


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("issued_on", "15/03/2026", "'issued_on' must be a date YYYY-MM-DD"),
        ("amount", "a lot", "'amount' must be a decimal number"),
        ("outcome", "maybe", "'outcome' must be one of settled, failed"),
        ("mediators", "郑调解员", "'mediators' must be a list of strings"),
    ],
)
def test_malformed_values_name_the_key(key, value, message):
    context = {**sample("feedback_letter"), key: value}
    with pytest.raises(ValueError, match=message):
        render_html("feedback_letter", context, "zh-hans")


def test_missing_optional_keys_leave_lines_to_fill_by_hand():
    context = sample("contact_letter")
    for key in ("deadline", "contact_person", "contact_phone_masked", "referral_reason"):
        del context[key]
    html = render_html("contact_letter", context, "zh-hans")
    assert html.count('class="blank') >= 4
    assert "None" not in html


def test_notification_prints_the_statutory_rights_when_none_are_given():
    """People's Mediation Law Art. 23, numbered （一）…（四）."""
    html = render_html("notification", sample("notification"), "zh-hans")
    assert "（一）选择或者接受人民调解员；" in html
    assert "（四）自主表达意愿、自愿达成调解协议。" in html


def test_failed_mediation_reports_the_reasons_and_no_enclosure():
    context = {
        **sample("feedback_letter"),
        "outcome": "failed",
        "failure_reasons": "双方对赔偿数额分歧过大。",
        "amount": "",
        "agreement_summary": "",
    }
    html = render_html("feedback_letter", context, "zh-hans")
    assert "双方对赔偿数额分歧过大。" in html
    assert "附件" not in html


def test_english_rendering_translates_the_labels_it_knows():
    """Role, case kind and stage arrive as Chinese labels; the English document prints them in
    English when the catalogue knows them, and as given otherwise."""
    html = render_html("contact_letter", sample("contact_letter"), "en")
    assert "Shanghai Songjiang District People&#x27;s Court" in html
    assert "Contact Letter for Transfer of Criminal (with Civil) Cases" in html


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        render_html("notification", sample("notification"), "fr")


def test_kind_may_be_given_as_the_enum_member():
    html = render_html(DocumentKind.CONFIDENTIALITY, sample("confidentiality"), "zh-hans")
    assert "保密协议" in html
