"""A version in another official language as a file: its clean text, in any format."""

import dataclasses

from accord.documents.export import export_clean
from accord.documents.model import Exported, Format, View
from accord.documents.words import Words
from accord.store import models, queries
from accord.store.exports import NoSuchView, document_meta


def export_language_version(
    version: models.Version, language: str, view: View, fmt: Format, words: Words
) -> Exported:
    """``version`` in ``language`` as a file, its front page in ``words`` (that language's:
    `accord.words.documents.words_in`): the clean text only (`NoSuchView` for another view,
    or when no language version reaches it). A provision the translation lacks is printed in
    the original."""
    found = queries.language_text(version, language)
    if view is not View.CLEAN or found is None:
        raise NoSuchView(view.value)
    meta = dataclasses.replace(document_meta(version), language=language, title=found.title)
    exported = export_clean(meta, found.version(), fmt, words)
    stem, dot, suffix = exported.filename.partition(".")
    return Exported(exported.content, exported.media_type, f"{stem}-{language}{dot}{suffix}")
