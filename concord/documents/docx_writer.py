"""Map a rendered print template onto a Word document, for offices that edit before printing.

The print templates use a small vocabulary (organ header, rules, document number, title,
headings, paragraphs, the parties table, item lists, signature block, blanks); this module knows
that vocabulary and nothing else, so the DOCX says word for word what the PDF says. The HTML is
our own output: user text in it is already escaped, and the parser only ever reads it as text.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field
from html.parser import HTMLParser

from docx import Document as new_docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

RED = RGBColor(0xE6, 0x00, 0x12)
GREY = RGBColor(0x77, 0x77, 0x77)
# The faces Chinese offices have (Windows and WPS ship them); Word substitutes if one is missing.
FONTS = {
    "zh-hans": {"body": "仿宋", "title": "宋体", "heading": "黑体", "latin": "Times New Roman"},
    "en": {"body": "宋体", "title": "宋体", "heading": "黑体", "latin": "Times New Roman"},
}
SIZES = {
    "zh-hans": {"body": 16, "title": 22, "table": 14, "organ-l": 30, "organ-m": 26, "organ-s": 21},
    "en": {"body": 12, "title": 16, "table": 11, "organ-l": 22, "organ-m": 19, "organ-s": 16},
}
BLANKS = {"blank": 6, "blank-short": 3, "blank-long": 12}


@dataclass
class Node:
    tag: str
    classes: frozenset[str] = frozenset()
    children: list[Node | str] = field(default_factory=list)

    def text(self, language: str) -> str:
        """Return the node's text with blanks as underscores, whitespace collapsed as HTML does."""
        parts = []
        for child in self.children:
            if isinstance(child, str):
                parts.append(child)
            elif child.tag == "span" and "blank" in child.classes:
                width = max(BLANKS.get(c, 0) for c in child.classes)
                parts.append(("＿" if language == "zh-hans" else "__") * width)
            else:
                parts.append(child.text(language))
        text = re.sub(r"\s+", " ", "".join(parts))
        # Between Chinese characters a line break in the template is not a space.
        return re.sub(r"(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])", "", text)

    def find(self, tag: str) -> list[Node]:
        found = []
        for child in self.children:
            if isinstance(child, Node):
                if child.tag == tag:
                    found.append(child)
                found.extend(child.find(tag))
        return found


class _TreeBuilder(HTMLParser):
    VOID = {"meta", "link", "br", "hr", "img", "input"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("root")
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        classes = frozenset((dict(attrs).get("class") or "").split())
        node = Node(tag, classes)
        self.stack[-1].children.append(node)
        if tag not in self.VOID:
            self.stack.append(node)

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse(html: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    bodies = builder.root.find("body")
    return bodies[0] if bodies else builder.root


def write(html: str, *, language: str, issued_on: dt.date, title: str) -> bytes:
    """Return the DOCX for a rendered print template."""
    body = parse(html)
    layout = next((c for c in body.classes if c in {"letter", "notice", "form"}), "form")
    writer = _Writer(language, layout)
    writer.setup(title=title, issued_on=issued_on)
    for child in body.children:
        if isinstance(child, Node):
            writer.block(child)
    buffer = io.BytesIO()
    writer.doc.save(buffer)
    return _fixed_zip(buffer.getvalue(), issued_on)


class _Writer:
    def __init__(self, language: str, layout: str) -> None:
        self.language = language
        self.layout = layout
        self.fonts = FONTS[language]
        self.sizes = SIZES[language]
        self.doc = new_docx()

    def setup(self, *, title: str, issued_on: dt.date) -> None:
        section = self.doc.sections[0]
        # GB/T 9704-2012: A4, top margin 37 mm, binding margin 28 mm, type area 156 × 225 mm.
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(37), Mm(35)
        section.left_margin, section.right_margin = Mm(28), Mm(26)
        section.footer_distance = Mm(21)
        normal = self.doc.styles["Normal"]
        normal.font.size = Pt(self.sizes["body"])
        self._set_fonts(normal.element, self.fonts["body"])
        normal.paragraph_format.space_after = Pt(0)
        self._page_numbers(section)
        props = self.doc.core_properties
        moment = dt.datetime(issued_on.year, issued_on.month, issued_on.day)
        props.title, props.author, props.last_modified_by = title, "", ""
        props.created = props.modified = props.last_printed = moment
        props.revision = 1
        props.comments = ""

    def _page_numbers(self, section) -> None:
        """ "— 1 —" one character in from the outer edge: right on odd pages, left on even."""
        self.doc.settings.odd_and_even_pages_header_footer = True
        for footer, align in (
            (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
            (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
        ):
            paragraph = footer.paragraphs[0]
            paragraph.alignment = align
            fmt = paragraph.paragraph_format
            fmt.left_indent = fmt.right_indent = Pt(14)
            self._run(paragraph, "— ", size=14)
            run = self._run(paragraph, "", size=14)
            for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
                if kind:
                    element = OxmlElement("w:fldChar")
                    element.set(qn("w:fldCharType"), kind)
                else:
                    element = OxmlElement("w:instrText")
                    element.set(qn("xml:space"), "preserve")
                    element.text = text
                run._r.append(element)
            self._run(paragraph, " —", size=14)

    def block(self, node: Node) -> None:
        classes = node.classes
        if node.tag == "div" and "organ" in classes:
            size = next((self.sizes[c] for c in classes if c in self.sizes), self.sizes["organ-l"])
            p = self._paragraph(node, WD_ALIGN_PARAGRAPH.CENTER, indent=False)
            self._run(
                p,
                node.text(self.language),
                font=self.fonts["title"],
                size=size,
                bold=True,
                color=RED if "red" in classes else None,
            )
        elif node.tag == "div" and ("rule-double" in classes or "rule" in classes):
            p = self.doc.add_paragraph()
            if "rule-double" in classes:
                # 上粗下细: the letter format's double rule, thick over thin, in red.
                self._border(p, "thickThinSmallGap", 24, "E60012")
            else:
                self._border(p, "single", 6, "000000")
        elif node.tag == "h1":
            p = self._paragraph(node, WD_ALIGN_PARAGRAPH.CENTER, indent=False)
            p.paragraph_format.space_before = Pt(self.sizes["body"] * 2)
            p.paragraph_format.space_after = Pt(self.sizes["body"])
            self._run(
                p,
                node.text(self.language),
                font=self.fonts["title"],
                size=self.sizes["title"],
                bold=True,
            )
        elif node.tag == "h2":
            p = self._paragraph(node, WD_ALIGN_PARAGRAPH.LEFT, indent=self.language != "en")
            self._run(
                p, node.text(self.language), font=self.fonts["heading"], bold=self.language == "en"
            )
        elif node.tag == "table":
            self._table(node)
        elif node.tag in {"ol", "ul"}:
            for item in node.find("li"):
                p = self._paragraph(item, WD_ALIGN_PARAGRAPH.JUSTIFY, indent=True)
                self._run(p, item.text(self.language))
        elif node.tag == "div":
            for child in node.children:
                if isinstance(child, Node):
                    self.block(child)
        elif node.tag == "p":
            self._p(node)

    def _p(self, node: Node) -> None:
        classes = node.classes
        flush = bool(classes & {"to", "docno", "sign", "date", "seal", "flush"})
        align = WD_ALIGN_PARAGRAPH.JUSTIFY
        if "docno" in classes:
            align = (
                WD_ALIGN_PARAGRAPH.CENTER if self.layout == "notice" else WD_ALIGN_PARAGRAPH.RIGHT
            )
        if classes & {"sign", "date", "seal"}:
            align = WD_ALIGN_PARAGRAPH.RIGHT
        p = self._paragraph(node, align, indent=not flush and self.language != "en")
        if classes & {"sign", "date", "seal"}:
            # 成文日期右空四字 (the date four characters in from the right).
            p.paragraph_format.right_indent = Pt(self.sizes["body"] * 4)
        if "closing" in classes or (classes & {"seal"}):
            p.paragraph_format.space_before = Pt(self.sizes["body"])
        self._run(p, node.text(self.language), color=GREY if "seal" in classes else None)

    def _table(self, node: Node) -> None:
        rows = node.find("tr")
        if not rows:
            return
        width = max(len([c for c in r.children if isinstance(c, Node)]) for r in rows)
        table = self.doc.add_table(rows=0, cols=width)
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for row in rows:
            cells = [c for c in row.children if isinstance(c, Node) and c.tag in {"td", "th"}]
            out = table.add_row().cells
            for cell, source in zip(out, cells, strict=False):
                paragraph = cell.paragraphs[0]
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                heading = source.tag == "th"
                self._run(
                    paragraph,
                    source.text(self.language),
                    size=self.sizes["table"],
                    font=self.fonts["heading"] if heading else None,
                )

    def _paragraph(self, node: Node, align, *, indent: bool):
        p = self.doc.add_paragraph()
        p.alignment = align
        fmt = p.paragraph_format
        fmt.line_spacing = Pt(28.9) if self.language == "zh-hans" else 1.3
        if self.language == "en":
            fmt.space_after = Pt(6)
        if indent:
            fmt.first_line_indent = Pt(self.sizes["body"] * 2)
        return p

    def _run(
        self,
        paragraph,
        text: str,
        *,
        font: str | None = None,
        size: float | None = None,
        bold: bool = False,
        color: RGBColor | None = None,
    ):
        run = paragraph.add_run(text.strip() if text else text)
        if size:
            run.font.size = Pt(size)
        run.font.bold = bold or None
        if color is not None:
            run.font.color.rgb = color
        if font:
            self._set_fonts(run._r, font)
        return run

    def _set_fonts(self, element, east_asian: str) -> None:
        """Word picks the East Asian face for CJK text and the ASCII face for Latin text."""
        rpr = element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            rpr.insert(0, fonts)
        fonts.set(qn("w:eastAsia"), east_asian)
        fonts.set(qn("w:ascii"), self.fonts["latin"])
        fonts.set(qn("w:hAnsi"), self.fonts["latin"])

    @staticmethod
    def _border(paragraph, style: str, size: int, color: str) -> None:
        ppr = paragraph._p.get_or_add_pPr()
        borders = OxmlElement("w:pBdr")
        bottom = OxmlElement("w:bottom")
        for key, value in (("val", style), ("sz", str(size)), ("space", "1"), ("color", color)):
            bottom.set(qn(f"w:{key}"), value)
        borders.append(bottom)
        ppr.append(borders)


def _fixed_zip(data: bytes, issued_on: dt.date) -> bytes:
    """Rewrite the package with every entry dated the issue date, so equal input, equal bytes."""
    stamp = (issued_on.year, issued_on.month, issued_on.day, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()
