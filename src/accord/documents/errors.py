"""Refusals of the importers. Each names the problem as data; `accord.words.refusals` says it."""

from dataclasses import dataclass

from accord.core.errors import Refusal


class Problem:
    """What was wrong with a file that could not be read (`UnreadableDocument.problem`)."""

    NOT_A_ZIP = "not-a-zip"
    NOT_A_WORD_FILE = "not-a-word-file"
    MALFORMED_XML = "malformed-xml"
    FORBIDDEN_XML = "forbidden-xml"
    NO_PARAGRAPHS = "no-paragraphs"
    DUPLICATE_NUMBER = "duplicate-number"
    SUBPARAGRAPH_WITHOUT_PARAGRAPH = "subparagraph-without-paragraph"
    NOT_AKOMA_NTOSO = "not-akoma-ntoso"


@dataclass(slots=True, unsafe_hash=True)
class UnreadableDocument(Refusal):
    """A file that is not what it claims, or holds nothing accord can place.

    ``where`` points at the place (a part of the package, a line, a paragraph's number).
    """

    problem: str
    where: str = ""
    code = "unreadable-document"


@dataclass(slots=True, unsafe_hash=True)
class FileTooLarge(Refusal):
    """A file larger than the importer accepts, refused before it is opened."""

    size: int
    limit: int
    code = "file-too-large"


@dataclass(slots=True, unsafe_hash=True)
class ArchiveTooLarge(Refusal):
    """A zip package that would expand past the limit (a zip bomb), stopped before it does."""

    expanded: int
    limit: int
    code = "archive-too-large"


@dataclass(slots=True, unsafe_hash=True)
class InvalidAkomaNtoso(Refusal):
    """An Akoma Ntoso file that breaks the official schema, at its first error: the ``line``,
    the ``element`` (without its namespace), and what is wrong (``problem``, one of
    `SchemaProblem`) with, as it applies, the ``attribute``, the ``value`` given and what
    was ``expected`` (element names, comma-separated). ``message`` is the validator's own."""

    line: int
    element: str
    problem: str
    attribute: str = ""
    value: str = ""
    expected: str = ""
    message: str = ""
    code = "invalid-akoma-ntoso"


class SchemaProblem:
    """How an Akoma Ntoso file breaks the schema (`InvalidAkomaNtoso.problem`)."""

    DATE = "date"  # a date attribute that is not a full date
    VALUE = "value"  # another attribute value the schema refuses
    MISSING_ATTRIBUTE = "missing-attribute"
    UNKNOWN_ATTRIBUTE = "unknown-attribute"
    MISSING_ELEMENT = "missing-element"
    UNEXPECTED_ELEMENT = "unexpected-element"
    OTHER = "other"


# A UN report runs to a few hundred paragraphs; a treaty draft to a couple of thousand.
MAX_PARAGRAPHS = 5_000


@dataclass(slots=True, unsafe_hash=True)
class TooManyParagraphs(Refusal):
    """A file holding more paragraphs than a draft can (`MAX_PARAGRAPHS`): refused as soon
    as the count passes ``limit``, before the rest is read."""

    limit: int
    code = "too-many-paragraphs"
