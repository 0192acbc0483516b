"""Opening a zip package (a .docx) that may be hostile.

Sizes are checked before anything is expanded: the file itself, the number of members, the
sizes the central directory declares, and again while reading, since a declared size can lie.
XML parts are parsed without DTDs, entities or network access, and any part that declares a
DTD or an entity is refused outright: Office files never need one.
"""

import io
import zipfile

from lxml import etree

from accord.documents.errors import ArchiveTooLarge, FileTooLarge, Problem, UnreadableDocument

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_EXPANDED_BYTES = 200 * 1024 * 1024
MAX_MEMBERS = 2_000
_CHUNK = 1024 * 1024


def check_size(data: bytes, limit: int = MAX_FILE_BYTES) -> None:
    if len(data) > limit:
        raise FileTooLarge(size=len(data), limit=limit)


class Package:
    """The members of a zip package, read on demand within a budget of expanded bytes."""

    def __init__(self, data: bytes, *, expanded_limit: int = MAX_EXPANDED_BYTES) -> None:
        check_size(data)
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, ValueError, EOFError):
            raise UnreadableDocument(Problem.NOT_A_ZIP) from None
        if len(infos) > MAX_MEMBERS:
            raise ArchiveTooLarge(expanded=len(infos), limit=MAX_MEMBERS)
        declared = sum(info.file_size for info in infos)
        if declared > expanded_limit:
            raise ArchiveTooLarge(expanded=declared, limit=expanded_limit)
        self._names = {info.filename for info in infos}
        self._budget = expanded_limit
        self._limit = expanded_limit

    def has(self, name: str) -> bool:
        return name in self._names

    def read(self, name: str) -> bytes:
        """The member's bytes; `ArchiveTooLarge` as soon as the budget is spent."""
        out = bytearray()
        try:
            with self._zip.open(name) as member:
                while chunk := member.read(_CHUNK):
                    out += chunk
                    self._budget -= len(chunk)
                    if self._budget < 0:
                        raise ArchiveTooLarge(
                            expanded=self._limit - self._budget, limit=self._limit
                        )
        except (zipfile.BadZipFile, RuntimeError, NotImplementedError, EOFError):
            raise UnreadableDocument(Problem.NOT_A_ZIP, name) from None
        return bytes(out)

    def xml(self, name: str) -> etree._Element:
        return parse_xml(self.read(name), where=name)


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def parse_xml(data: bytes, *, where: str) -> etree._Element:
    """Parse ``data``, refusing any DTD or entity declaration and any malformed XML."""
    lowered = data.lower()
    if b"<!doctype" in lowered or b"<!entity" in lowered:
        raise UnreadableDocument(Problem.FORBIDDEN_XML, where)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as error:
        line = error.lineno or 0
        raise UnreadableDocument(Problem.MALFORMED_XML, f"{where}:{line}") from None
    if root.getroottree().docinfo.doctype:
        raise UnreadableDocument(Problem.FORBIDDEN_XML, where)
    return root
