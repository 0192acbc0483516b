"""A version in another official language as a file: its clean text, in any format."""

import dataclasses

from django.utils import translation

from accord.core.language_versions import LANGUAGES
from accord.documents.export import export_clean
from accord.documents.model import Exported, Format, View
from accord.store import models, queries
from accord.store.exports import NoSuchView, document_meta
from accord.words.documents import translated_words

DJANGO_LANGUAGE = {code: "zh-hans" if code == "zh" else code for code in LANGUAGES}
"""The interface's name of each official language (Django says ``zh-hans`` for Chinese)."""


def export_language_version(
    version: models.Version, language: str, view: View, fmt: Format
) -> Exported:
    """``version`` in ``language`` as a file, its front page in that language: the clean
    text only (`NoSuchView` for another view, or when no language version reaches it). A
    provision the translation lacks is printed in the original."""
    found = queries.language_text(version, language)
    if view is not View.CLEAN or found is None:
        raise NoSuchView(view.value)
    with translation.override(DJANGO_LANGUAGE[language]):
        words = translated_words()
    meta = dataclasses.replace(document_meta(version), language=language, title=found.title)
    exported = export_clean(meta, found.version(), fmt, words)
    stem, dot, suffix = exported.filename.partition(".")
    return Exported(exported.content, exported.media_type, f"{stem}-{language}{dot}{suffix}")
