"""Reading an Akoma Ntoso 3.0 document back as a version.

The file is parsed as hostile XML (no DTD, no entities, no network), must validate against
the official schema, and must be a ``doc`` whose provisions carry the ``wId``s accord writes
(`accord.documents.akn_export.wid`), from which the stable uids come back.
"""

from datetime import date

from lxml import etree

from accord.core.provisions import Provision, ProvisionKind, Version
from accord.documents.akn_export import ACCORD_NS
from accord.documents.akn_schema import AKN_NS, errors
from accord.documents.errors import (
    MAX_PARAGRAPHS,
    Problem,
    TooManyParagraphs,
    UnreadableDocument,
)
from accord.documents.model import DocumentMeta
from accord.documents.notes import note
from accord.documents.safezip import check_size, parse_xml

_A = f"{{{AKN_NS}}}"


def read_akn(data: bytes) -> tuple[DocumentMeta, Version]:
    """The document's description and its version; `UnreadableDocument` otherwise."""
    check_size(data)
    root = parse_xml(data, where="akn")
    if root.tag != _A + "akomaNtoso":
        raise UnreadableDocument(Problem.NOT_AKOMA_NTOSO, str(root.tag))
    # Counted before the schema is checked, which is the costly part for a large file.
    provisions = root.iter(_A + "section", _A + "paragraph", _A + "subparagraph")
    if sum(1 for _ in provisions) > MAX_PARAGRAPHS:
        raise TooManyParagraphs(MAX_PARAGRAPHS)
    problems = errors(root)
    if problems:
        raise UnreadableDocument(Problem.INVALID_AKOMA_NTOSO, problems[0])
    doc = root.find(_A + "doc")
    body = doc.find(_A + "mainBody") if doc is not None else None
    if doc is None or body is None:
        raise UnreadableDocument(Problem.NOT_AKOMA_NTOSO, "doc")
    meta = _meta(doc)
    provisions = tuple(_provisions(body))
    if not any(p.kind is ProvisionKind.PARAGRAPH for p in provisions):
        raise UnreadableDocument(Problem.NO_PARAGRAPHS)
    return meta, Version(title=meta.title, provisions=provisions)


def _first(doc: etree._Element, path: str) -> str:
    found = doc.find(path)
    return " ".join("".join(found.itertext()).split()) if found is not None else ""


def _meta(doc: etree._Element) -> DocumentMeta:
    version = doc.find(f".//{{{ACCORD_NS}}}version")
    mine = version if version is not None else etree.Element("none")
    number = str(mine.get("number", "1"))
    return DocumentMeta(
        title=_first(doc, f".//{_A}docTitle"),
        symbol=_first(doc, f".//{_A}docNumber"),
        version_label=str(mine.get("label", "")) or _first(doc, f".//{_A}docStatus"),
        version_number=int(number) if number.isdigit() else 1,
        document_slug=str(mine.get("document", "document")),
        issued=_date(doc, "FRBRExpression") or date.today(),
        work_date=_date(doc, "FRBRWork"),
    )


def _date(doc: etree._Element, frbr: str) -> date | None:
    """The date of the work or expression (the schema has checked it is an xsd:date)."""
    found = doc.find(f".//{_A}{frbr}/{_A}FRBRdate")
    return date.fromisoformat(str(found.get("date"))[:10]) if found is not None else None


def _uid(element: etree._Element) -> str:
    """The uid in a ``wId`` (in an ``eId`` for a file that has none): its last component,
    after the element's own prefix."""
    stable = element.get("wId") or element.get("eId", "")
    return str(stable).rsplit("__", 1)[-1].split("_", 1)[-1]


def _provisions(container: etree._Element, parent: str | None = None) -> list[Provision]:
    found: list[Provision] = []
    for element in container:
        tag = etree.QName(element).localname
        number = _first(element, _A + "num").rstrip(".")
        if tag == "section":
            found.append(
                Provision(
                    _uid(element), ProvisionKind.SECTION, number, _first(element, _A + "heading")
                )
            )
            found += _provisions(element)
        elif tag == "paragraph":
            uid = _uid(element)
            found.append(Provision(uid, ProvisionKind.PARAGRAPH, number, _words(element)))
            found += _provisions(element, parent=f"{uid}\t{number}")
        elif tag == "subparagraph" and parent:
            uid_of_parent, label = parent.split("\t")
            letter = number.strip("()")
            found.append(
                Provision(
                    _uid(element),
                    ProvisionKind.SUBPARAGRAPH,
                    f"{label}({letter})",
                    _words(element),
                    uid_of_parent,
                )
            )
    return found


def _words(element: etree._Element) -> str:
    """The text of a provision's ``content`` or ``intro``, its notes as inline notes."""
    holder = element.find(_A + "content")
    if holder is None:
        holder = element.find(_A + "intro")
    if holder is None:
        return ""
    return " ".join(" ".join(_inline(p) for p in holder.iter(_A + "p") if _is_text(p)).split())


def _is_text(p: etree._Element) -> bool:
    return not any(etree.QName(a).localname == "authorialNote" for a in p.iterancestors())


def _inline(p: etree._Element) -> str:
    out = [p.text or ""]
    for child in p:
        if etree.QName(child).localname == "authorialNote":
            out.append(note("".join(child.itertext())))
        else:
            out.append("".join(child.itertext()))
        out.append(child.tail or "")
    return "".join(out)
