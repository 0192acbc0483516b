"""The test draft (`tests.builders.DRAFT`) in French, Arabic, Chinese and Russian (one file
each, in accord's plain-text draft form), and Word files of them as a Secretariat sends."""

from datetime import date
from pathlib import Path

from accord.core.draft_text import parse_draft
from accord.documents.model import DocumentMeta
from accord.documents.word_export import clean_docx
from accord.documents.words import ENGLISH, Words

TEXTS = {
    code: (Path(__file__).parent / f"{code}.md").read_text(encoding="utf-8")
    for code in ("fr", "ar", "zh", "ru")
}
FRENCH = TEXTS["fr"]


def word_file(text: str, language: str, words: Words = ENGLISH) -> bytes:
    """A Word file of ``text`` (a draft in accord's plain-text form) in ``language``, its
    front matter in ``words``."""
    version = parse_draft(text)
    meta = DocumentMeta(version.title, "Zero draft", date(2026, 3, 1), language=language)
    return clean_docx(meta, version, words)
