"""The compilation as Akoma Ntoso: a ``documentCollection`` of the version and, for every
proposal, an ``amendment`` document naming its proponent, the group it spoke for and its
co-sponsors (``docProponent``s, each in its role), saying in ``activeModifications`` what
it would change in the version (the provision's ``eId``, its old and new text), and
carrying its redline as ``ins``/``del``.

eIds must be unique in the whole collection, so what several parts refer to — the issuing
body, accord, the roles, and every delegation and group that is party to a proposal (a
``TLCOrganization``) — is declared once, in the collection's ``references``, and the
amendments' own identifiers carry the proposal's number (``prop12__content``).
"""

from datetime import date

from lxml import etree

from accord.core.amendments import MarkKind, redline_marks
from accord.core.compilation import Compilation
from accord.core.proposals import Proposal
from accord.core.provisions import Provision, Version
from accord.documents import akn_export as ak
from accord.documents.akn_schema import AKN_NS
from accord.documents.model import DocumentMeta

_el = ak._el
_ROLES = {"proponent": "proponent", "onBehalfOf": "on behalf of", "cosponsor": "co-sponsor"}


_SHARED = {"accord", "author", "editor"}
"""What the version's own ``references`` declare and the collection declares once instead."""


def _party(code: str) -> str:
    """A delegation's or a group's ``eId`` in the collection: its code, lower case."""
    return "org_" + (ak.token(code).lower() or "nn")


def compilation_akn(meta: DocumentMeta, compilation: Compilation) -> bytes:
    root = etree.Element(ak._A + "akomaNtoso", nsmap={None: AKN_NS, "accord": ak.ACCORD_NS})
    collection = _el(root, "documentCollection", name="compilation")
    _, expression, _ = ak.uris(meta)
    work = (
        f"/akn/un/documentCollection/compilation/{meta.body}/{meta.issued.isoformat()}/"
        f"{ak.work_number(meta)}"
    )
    # The compilation of a version: the same version identifiers as the version's expression.
    identifiers = f"{meta.issued.isoformat()};{meta.version_number}"
    meta_element = _identify(
        collection, work, identifiers, meta.issued, meta.body, "compilation", meta.language
    )
    proposals = [(e.provision, p) for e in compilation.entries for p in e.proposals]
    _collection_references(meta_element, meta, [p for _, p in proposals])
    _el(_el(_el(collection, "preface"), "p"), "docTitle", meta.title)
    body = _el(collection, "collectionBody")
    version = Version(compilation.title, tuple(e.provision for e in compilation.entries))
    doc = etree.fromstring(ak.version_akn(meta, version))[0]  # a doc, or a resolution's statement
    references = doc.find(f"{ak._A}meta/{ak._A}references")
    for shared in [r for r in references if r.get("eId") in _SHARED | {meta.body}]:
        references.remove(shared)
    _el(body, "component", eId="cmp_version").append(doc)
    eids = ak.eids(version)
    for provision, proposal in proposals:
        component = _el(body, "component", eId=f"cmp_prop{proposal.id}")
        target = f"{expression}/!main#{eids[provision.uid]}"
        _amendment(component, meta, target, provision, proposal)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))


def _parties(proposal: Proposal) -> list[tuple[str, str, str]]:
    """Every party to ``proposal`` as (eId, name, role): the proponent, the group it spoke
    for, and each co-sponsor."""
    proponent = proposal.proponent
    parties = [(_party(proponent.delegation), proponent.delegation_name, "proponent")]
    if proponent.group:
        parties.append((_party(proponent.group), proponent.group_name or "", "onBehalfOf"))
    parties += [(_party(c.delegation), c.delegation_name, "cosponsor") for c in proposal.cosponsors]
    return parties


def _collection_references(
    meta_element: etree._Element, meta: DocumentMeta, proposals: list[Proposal]
) -> None:
    references = _el(meta_element, "references", source="#accord")
    organizations = {meta.body: (meta.body_name, f"/ontology/organization/un/{meta.body}")}
    organizations["accord"] = ("accord", "/ontology/organization/accord")
    for proposal in proposals:
        for eid, name, _ in _parties(proposal):
            code = eid.removeprefix("org_")
            organizations.setdefault(eid, (name, f"/ontology/organization/un/{code}"))
    for eid, (name, href) in organizations.items():
        _el(references, "TLCOrganization", eId=eid, href=href, showAs=name)
    for eid in ("author", "editor", *_ROLES):
        shown = _ROLES.get(eid, eid)
        _el(references, "TLCRole", eId=eid, href=f"/ontology/role/accord/{eid}", showAs=shown)


def _identify(
    parent: etree._Element,
    work: str,
    version: str,
    day: date,
    author: str,
    name: str,
    language: str,
    role: str = "author",
) -> etree._Element:
    meta = _el(parent, "meta")
    identification = _el(meta, "identification", source="#accord")
    expression = f"{work}/{ak._LANGUAGES.get(language, language)}@{version}"
    for tag, this, uri in (
        ("FRBRWork", f"{work}/!main", work),
        ("FRBRExpression", f"{expression}/!main", expression),
        ("FRBRManifestation", f"{expression}/!main.xml", f"{expression}.akn"),
    ):
        frbr = _el(identification, tag)
        _el(frbr, "FRBRthis", value=this)
        _el(frbr, "FRBRuri", value=uri)
        _el(frbr, "FRBRdate", date=day.isoformat(), name="generation")
        if tag == "FRBRManifestation":
            _el(frbr, "FRBRauthor", href="#accord", **{"as": "#editor"})
        else:
            _el(frbr, "FRBRauthor", href=f"#{author}", **{"as": f"#{role}"})
        if tag == "FRBRWork":
            _el(frbr, "FRBRcountry", value="un")
            _el(frbr, "FRBRname", value=name)
        elif tag == "FRBRExpression":
            _el(frbr, "FRBRlanguage", language=ak._LANGUAGES.get(language, language))
    return meta


def _amendment(
    component: etree._Element,
    meta: DocumentMeta,
    target: str,
    provision: Provision,
    proposal: Proposal,
) -> None:
    amendment = _el(component, "amendment", name="proposal")
    prefix = f"prop{proposal.id}"
    day = proposal.submitted_at.date()
    work = (
        f"/akn/un/amendment/proposal/{meta.body}/{day.isoformat()}/"
        f"{ak.work_number(meta)}-{proposal.id}"
    )
    parties = _parties(proposal)
    proponent = parties[0][0]
    meta_element = _identify(
        amendment, work, day.isoformat(), day, proponent, "proposal", meta.language, "proponent"
    )
    marks = redline_marks(provision.text, proposal.amendment)
    analysis = _el(meta_element, "analysis", source="#accord")
    active = _el(analysis, "activeModifications")
    mod = _el(active, "textualMod", type="substitution", eId=f"{prefix}__amod_1")
    _el(mod, "source", href=f"#{prefix}__content")
    _el(mod, "destination", href=target)
    for tag, kept in (("old", MarkKind.DELETED), ("new", MarkKind.INSERTED)):
        said = etree.SubElement(_el(mod, tag), f"{{{ak.ACCORD_NS}}}text")
        said.text = "".join(m.text for m in marks if m.kind in (MarkKind.SAME, kept))
    preface = _el(amendment, "preface")
    # Every party to the proposal, declared once in the collection, in its role.
    for eid, name, role in parties:
        _el(_el(preface, "p"), "docProponent", name, refersTo=f"#{eid}", **{"as": f"#{role}"})
    body = _el(amendment, "amendmentBody")
    heading = _el(body, "amendmentHeading", eId=f"{prefix}__heading")
    _el(_el(heading, "p"), "ref", provision.label, href=target)
    content = _el(body, "amendmentContent", eId=f"{prefix}__content")
    p = _el(content, "p")
    last: etree._Element | None = None
    for mark in marks:
        if mark.kind is MarkKind.SAME:
            if last is None:
                p.text = (p.text or "") + mark.text
            else:
                last.tail = (last.tail or "") + mark.text
        else:
            last = _el(p, "ins" if mark.kind is MarkKind.INSERTED else "del", mark.text)
    if proposal.justification:
        why = _el(body, "amendmentJustification", eId=f"{prefix}__justification")
        _el(why, "p", proposal.justification)
