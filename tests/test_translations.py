"""Simplified Chinese is the source language; the English catalogue must cover every string."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PO = ROOT / "concord" / "locale" / "en" / "LC_MESSAGES" / "django.po"
# Apps with their own catalogue (concord/<app>/locale) are checked too.
ALL_PO = sorted((ROOT / "concord").glob("**/locale/en/LC_MESSAGES/django.po"))


def _entries(text: str) -> list[tuple[str, list[str], bool]]:
    entries = []
    for block in text.split("\n\n"):
        msgid = re.search(r'^msgid ((?:".*"\n?)+)', block, re.M)
        if not msgid:
            continue
        ident = "".join(re.findall(r'"(.*)"', msgid.group(1)))
        strs = [
            "".join(re.findall(r'"(.*)"', m))
            for m in re.findall(r'^msgstr(?:\[\d\])? ((?:".*"\n?)+)', block, re.M)
        ]
        entries.append((ident, strs, "#, fuzzy" in block))
    return entries


def test_every_english_string_is_translated():
    untranslated = [
        (po.parent.parent.parent.parent.name, ident)
        for po in ALL_PO
        for ident, strs, fuzzy in _entries(po.read_text())
        if ident and (fuzzy or not strs or any(not s for s in strs))
    ]
    assert untranslated == []


def test_catalogue_lists_every_string_in_the_sources(tmp_path):
    """Run makemessages on a copy of the sources: it must find no string the .po lacks."""
    copy = tmp_path / "concord"
    shutil.copytree(ROOT / "concord", copy, ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run(
        [
            str(ROOT / ".venv" / "bin" / "concord"),
            "makemessages",
            "-l",
            "en",
            "--no-location",
            "--no-obsolete",
            "-i",
            "law/*",
            "-v0",
        ],
        cwd=copy,
        check=True,
    )
    missing = {}
    for fresh_po in copy.glob("**/locale/en/LC_MESSAGES/django.po"):
        ours = ROOT / "concord" / fresh_po.relative_to(copy)
        known = {i for i, _s, _f in _entries(ours.read_text())} if ours.exists() else set()
        new = {i for i, _s, _f in _entries(fresh_po.read_text())} - known
        if new:
            missing[str(fresh_po.relative_to(copy))] = sorted(new)
    assert missing == {}
