"""The compilation as Akoma Ntoso: a ``documentCollection`` of the version and, for every
proposal, an ``amendment`` document naming its proponent, the group it spoke for and its
co-sponsors (``docProponent``s, each in its role), pointing at the provision's stable ``eId``,
and carrying its redline as ``ins``/``del``.

eIds must be unique in the whole collection, so the references of each amendment carry the
proposal's number (``prop12-bra``).
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


def compilation_akn(meta: DocumentMeta, compilation: Compilation) -> bytes:
    root = etree.Element(ak._A + "akomaNtoso", nsmap={None: AKN_NS, "accord": ak.ACCORD_NS})
    collection = _el(root, "documentCollection", name="compilation")
    work, expression, _ = ak.uris(meta)
    _identify(
        collection, f"{work}/compilation", meta.issued, "#chair", "compilation", meta.language
    )
    _el(_el(_el(collection, "preface"), "p"), "docTitle", meta.title)
    body = _el(collection, "collectionBody")
    version = Version(compilation.title, tuple(e.provision for e in compilation.entries))
    doc = etree.fromstring(ak.version_akn(meta, version)).find(ak._A + "doc")
    _el(body, "component", eId="cmp_version").append(doc)
    for entry in compilation.entries:
        for proposal in entry.proposals:
            component = _el(body, "component", eId=f"cmp_prop{proposal.id}")
            _amendment(component, meta, expression, entry.provision, proposal)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))


def _identify(
    parent: etree._Element, work: str, day: date, author: str, name: str, language: str
) -> etree._Element:
    meta = _el(parent, "meta")
    identification = _el(meta, "identification", source="#accord")
    expression = f"{work}/{ak._LANGUAGES.get(language, language)}@{day.isoformat()}"
    for tag, this, uri in (
        ("FRBRWork", f"{work}/!main", work),
        ("FRBRExpression", f"{expression}/!main", expression),
        ("FRBRManifestation", f"{expression}/!main.xml", f"{expression}.akn"),
    ):
        frbr = _el(identification, tag)
        _el(frbr, "FRBRthis", value=this)
        _el(frbr, "FRBRuri", value=uri)
        _el(frbr, "FRBRdate", date=day.isoformat(), name="generation")
        _el(frbr, "FRBRauthor", href=author)
        if tag == "FRBRWork":
            _el(frbr, "FRBRcountry", value="un")
            _el(frbr, "FRBRname", value=name)
        elif tag == "FRBRExpression":
            _el(frbr, "FRBRlanguage", language=ak._LANGUAGES.get(language, language))
    return meta


def _amendment(
    component: etree._Element,
    meta: DocumentMeta,
    expression: str,
    provision: Provision,
    proposal: Proposal,
) -> None:
    amendment = _el(component, "amendment", name="proposal")
    code = proposal.proponent.delegation.lower()
    ref = f"prop{proposal.id}-{code}"
    day = proposal.submitted_at.date()
    work = f"/akn/un/amendment/proposal/{day.isoformat()}/{ak.work_number(meta)}-{proposal.id}"
    meta_element = _identify(amendment, work, day, f"#{ref}", "proposal", meta.language)
    references = _el(meta_element, "references", source="#accord")
    # Every party to the proposal is declared once and referred to from the preface: the
    # proponent, the group it spoke for, and each co-sponsor, each in its role.
    parties = [
        (ref, proposal.proponent.delegation, proposal.proponent.delegation_name, "proponent")
    ]
    if proposal.proponent.group:
        group = f"prop{proposal.id}-{proposal.proponent.group}"
        parties.append(
            (group, proposal.proponent.group, proposal.proponent.group_name or "", "onBehalfOf")
        )
    parties += [
        (f"prop{proposal.id}-{c.delegation.lower()}", c.delegation, c.delegation_name, "cosponsor")
        for c in proposal.cosponsors
    ]
    for eid, party, name, _role in parties:
        _el(
            references,
            "TLCOrganization",
            eId=eid,
            href=f"/ontology/organization/un/{party.lower()}",
            showAs=name,
        )
    for role in dict.fromkeys(role for *_, role in parties):
        _el(
            references,
            "TLCRole",
            eId=f"prop{proposal.id}-{role}",
            href=f"/ontology/role/accord/{role}",
            showAs=_ROLES[role],
        )
    preface = _el(amendment, "preface")
    for eid, _party, name, role in parties:
        _el(
            _el(preface, "p"),
            "docProponent",
            name,
            refersTo=f"#{eid}",
            **{"as": f"#prop{proposal.id}-{role}"},
        )
    body = _el(amendment, "amendmentBody")
    heading = _el(body, "amendmentHeading", eId=f"prop{proposal.id}__heading")
    _el(_el(heading, "p"), "ref", provision.label, href=f"{expression}/!main#{ak.eid(provision)}")
    content = _el(body, "amendmentContent", eId=f"prop{proposal.id}__content")
    p = _el(content, "p")
    last: etree._Element | None = None
    for mark in redline_marks(provision.text, proposal.amendment):
        if mark.kind is MarkKind.SAME:
            if last is None:
                p.text = (p.text or "") + mark.text
            else:
                last.tail = (last.tail or "") + mark.text
        else:
            last = _el(p, "ins" if mark.kind is MarkKind.INSERTED else "del", mark.text)
    if proposal.justification:
        why = _el(body, "amendmentJustification", eId=f"prop{proposal.id}__justification")
        _el(why, "p", proposal.justification)
