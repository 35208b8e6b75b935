"""The Word version, for offices that edit before printing, says what the PDF says."""

from __future__ import annotations

import io
import zipfile

import pytest
from docx import Document as open_docx
from docx.shared import Mm

from concord.documents.kinds import TITLES_EN, DocumentKind
from concord.documents.render import render_docx
from concord.documents.samples import sample

KINDS = [kind.value for kind in DocumentKind]
# Kinds that print the parties table with masked ID numbers (the notification is addressed to
# one party, the agreement lists its signatories instead).
WITH_PARTY_TABLE = {"application", "contact_letter", "feedback_letter"}


def docx_text(data: bytes) -> tuple[object, str]:
    document = open_docx(io.BytesIO(data))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.extend(cell.text for cell in row.cells)
    return document, "\n".join(lines)


@pytest.mark.parametrize("language", ["zh-hans", "en"])
@pytest.mark.parametrize("kind", KINDS)
def test_docx_opens_with_title_and_parties(kind, language):
    context = sample(kind)
    document, text = docx_text(render_docx(kind, context, language))
    title = TITLES_EN[DocumentKind(kind)] if language == "en" else str(DocumentKind(kind).label)
    assert title in text
    for party in context["parties"]:
        assert party["name"] in text
        if kind in WITH_PARTY_TABLE:
            assert party["id_number_masked"] in text
    section = document.sections[0]
    # Word stores lengths in twentieths of a point: compare to a tenth of a millimetre.
    for length, expected in [
        (section.page_width, 210),
        (section.page_height, 297),
        (section.top_margin, 37),
        (section.left_margin, 28),
    ]:
        assert abs(length - Mm(expected)) < Mm(0.1)


def test_docx_letter_has_red_organ_header_and_seal_placeholder():
    document, text = docx_text(render_docx("contact_letter", sample("contact_letter"), "zh-hans"))
    header = document.paragraphs[0]
    assert header.text == "上海市松江区人民法院"
    assert str(header.runs[0].font.color.rgb) == "E60012"
    assert "（印章）" in text
    assert "2026年3月15日" in text
    assert "沪松法调转〔2026〕12号" in text


def test_blanks_become_lines_to_fill_in():
    context = sample("contact_letter")
    del context["deadline"]
    _document, text = docx_text(render_docx("contact_letter", context, "zh-hans"))
    assert "请于＿＿＿＿＿＿前完成调解工作" in text


def test_docx_is_reproducible_and_dated_by_the_issue_date():
    data = render_docx("notification", sample("notification"), "zh-hans")
    assert data == render_docx("notification", sample("notification"), "zh-hans")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert {info.date_time[:3] for info in package.infolist()} == {(2026, 3, 15)}
    document = open_docx(io.BytesIO(data))
    assert document.core_properties.created.date().isoformat() == "2026-03-15"


def test_escaped_markup_reads_back_as_the_text_typed():
    context = {**sample("notification"), "facts": '<img src="file:///etc/passwd"> & 案情'}
    context["recipient_name"] = "李明 <b>x</b>"
    _document, text = docx_text(render_docx("notification", context, "zh-hans"))
    assert "李明 <b>x</b>：" in text
