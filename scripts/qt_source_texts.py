"""List the English source texts of Qt's standard dialogs that qt_vi.ts does not translate yet.

    .venv/bin/python scripts/qt_source_texts.py [CONTEXT ...]

PySide6 has no lconvert, but Qt's shipped catalogues (PySide6/Qt/translations/qtbase_*.qm) keep
each message's context, source text and disambiguation. This reads them all (the union: no one
language has every text) and prints, as TS XML ready to paste into
resources/translations/qt_vi.ts, the messages of the given contexts that qt_vi.ts lacks (by
default its own contexts, less QShortcut and QMimeType, which it covers in part on purpose),
each with how many of Qt's languages have it: a text only a few old catalogues still carry is
usually one Qt no longer uses. What Qt 6 really asks for is checked by
tests/ui/test_qt_vietnamese.py (test_qt_asks_for_nothing_the_ts_lacks).
"""

from __future__ import annotations

import struct
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from xml.sax.saxutils import escape

from PySide6.QtCore import QLibraryInfo

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "qt_vi.ts"
MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
MESSAGES, END, TRANSLATION, OBSOLETE1 = 0x69, 1, 3, 5
SOURCE, CONTEXT, COMMENT = 6, 7, 8

PARTIAL = {"QShortcut", "QMimeType"}  # only the keys of an office keyboard, the usual file kinds
Key = tuple[str, str, str]  # context, source, disambiguation


def qm_messages(path: Path) -> list[Key]:
    """The (context, source, disambiguation) of every message of a .qm file."""
    data = path.read_bytes()
    if data[:16] != MAGIC:
        raise ValueError(f"{path} is not a .qm file")
    pos, block = 16, b""
    while pos < len(data):  # sections: tag byte, big-endian length, bytes
        tag, length = data[pos], struct.unpack(">I", data[pos + 1 : pos + 5])[0]
        if tag == MESSAGES:
            block = data[pos + 5 : pos + 5 + length]
        pos += 5 + length
    found: list[Key] = []
    fields: dict[int, str] = {}
    pos = 0
    while pos < len(block):
        tag = block[pos]
        pos += 1
        if tag == END:
            found.append((fields.get(CONTEXT, ""), fields.get(SOURCE, ""), fields.get(COMMENT, "")))
            fields = {}
            continue
        if tag == OBSOLETE1:
            continue
        length = struct.unpack(">I", block[pos : pos + 4])[0]
        pos += 4
        if tag == TRANSLATION and length == 0xFFFFFFFF:  # an empty translation
            continue
        if tag in (SOURCE, CONTEXT, COMMENT):
            fields[tag] = block[pos : pos + length].decode("utf-8", "replace")
        pos += length
    return found


def ts_messages(path: Path) -> set[Key]:
    keys = set()
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            keys.add((name, message.findtext("source", ""), message.findtext("comment", "")))
    return keys


def main(contexts: list[str]) -> int:
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    languages: Counter[Key] = Counter()
    for qm in sorted(folder.glob("qtbase_*.qm")):
        languages.update(set(qm_messages(qm)))
    have = ts_messages(TS)
    wanted = set(contexts) or {context for context, _, _ in have} - PARTIAL
    missing = sorted(k for k in languages if k[0] in wanted and k not in have)
    for context, source, comment in missing:
        print(f"<!-- in {languages[(context, source, comment)]} of Qt's languages -->")
        print(f"<context><name>{escape(context)}</name><message>")
        print(f"    <source>{escape(source)}</source>")
        if comment:
            print(f"    <comment>{escape(comment)}</comment>")
        print('    <translation type="unfinished"></translation>')
        print("</message></context>")
    print(f"{len(missing)} message(s) missing", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
