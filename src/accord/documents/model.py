"""The values the format code exchanges with the layers above."""

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from accord.core.amendments import Mark
from accord.core.provisions import Version


class View(StrEnum):
    CLEAN = "clean"
    REDLINE = "redline"
    COMPILATION = "compilation"
    BRACKETED = "bracketed"


class Format(StrEnum):
    DOCX = "docx"
    PDF = "pdf"
    AKN = "akn"
    HTML = "html"
    MD = "md"
    JSON = "json"


@dataclass(frozen=True, slots=True)
class Issue:
    """One version of the document as it was issued: its number, label and date."""

    number: int
    label: str
    issued: date


@dataclass(frozen=True, slots=True)
class DocumentMeta:
    """What a document's front page says about a version, beside its text."""

    title: str
    version_label: str
    issued: date
    symbol: str = ""
    process_title: str = ""
    document_slug: str = "document"
    version_number: int = 1
    language: str = "en"
    body: str = "unga"
    """The issuing body, as Akoma Ntoso names it in the work's IRI (AKN4UN: ``unga``)."""
    body_name: str = "General Assembly"
    work_date: date | None = None
    history: tuple[Issue, ...] = ()
    """The versions issued before this one, oldest first (the lifecycle of Akoma Ntoso)."""
    adopted: date | None = None
    """The day this version was adopted, when it was."""

    @property
    def first_issued(self) -> date:
        """The date of the work (its first version); this version's date when unknown."""
        return self.work_date or self.issued


@dataclass(frozen=True, slots=True)
class Notice:
    """Something an importer noticed and the preview shows: a table left out, a line of text
    joined to the paragraph above or left out. ``where`` is the number of the provision it
    follows (empty before the first); ``detail`` the table's size or the text's beginning."""

    kind: str
    where: str
    detail: str = ""


@dataclass(frozen=True, slots=True)
class ImportedDraft:
    """What an importer recognised in a file, before anything is stored."""

    version: Version
    symbol: str = ""
    notices: tuple[Notice, ...] = ()
    footnotes: int = 0
    body: str = ""
    """The name of the body the document is issued by, when the file's masthead gives it."""


@dataclass(frozen=True, slots=True)
class ProvisionRedline:
    """One provision's redline between two versions: kept, inserted and deleted runs.

    The engine's version redline yields one of these per provision; ``label`` is the new
    number, ``old_label`` the number the provision had before (empty for a new one).
    """

    uid: str
    kind: str
    label: str
    marks: tuple[Mark, ...]
    old_label: str = ""
    parent: str | None = None


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who a tracked change belongs to, and when it was made."""

    author: str
    when: str = field(default="")


@dataclass(frozen=True, slots=True)
class Exported:
    """A rendered file: its bytes, media type and a file name to offer."""

    content: bytes
    media_type: str
    filename: str
