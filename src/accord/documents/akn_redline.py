"""A revision in Akoma Ntoso: the new version, with what changed since the older one.

The new version's text is the version itself (as `akn_export.version_akn` writes it); its
``analysis`` lists, as ``passiveModifications``, every provision renumbered (its old and new
numbers: the old→new number map), inserted, substituted or removed, each pointing at the
provision's stable ``eId``. The lifecycle gains the amendment event that made this version
from the older one.
"""

from collections.abc import Sequence

from lxml import etree

from accord.core.amendments import MarkKind
from accord.core.provisions import Provision, ProvisionKind, Version
from accord.documents import akn_export as ak
from accord.documents.model import DocumentMeta, ProvisionRedline

_el = ak._el


def new_version(title: str, redlines: Sequence[ProvisionRedline]) -> Version:
    """The newer version a redline leads to: every provision still numbered, kept and
    inserted words only."""
    return Version(
        title,
        tuple(
            Provision(
                r.uid,
                ProvisionKind(r.kind),
                r.label,
                "".join(m.text for m in r.marks if m.kind is not MarkKind.DELETED),
                r.parent,
            )
            for r in redlines
            if r.label
        ),
    )


def redline_akn(
    meta: DocumentMeta, redlines: Sequence[ProvisionRedline], *, previous: DocumentMeta
) -> bytes:
    """The newer version as Akoma Ntoso, with its changes from ``previous`` in ``analysis``."""
    root = etree.fromstring(ak.version_akn(meta, new_version(meta.title, redlines)))
    meta_element = root.find(f"{ak._A}doc/{ak._A}meta")
    lifecycle = meta_element.find(ak._A + "lifecycle")
    _, previous_expression, _ = ak.uris(previous)
    _el(
        lifecycle,
        "eventRef",
        eId=f"evt_from_v{previous.version_number}",
        date=meta.issued.isoformat(),
        source="#previous",
        type="amendment",
        refersTo="#issued",
    )
    if any(_kinds(line) for line in redlines):
        analysis = etree.Element(ak._A + "analysis", source="#accord")
        lifecycle.addnext(analysis)
        _modifications(_el(analysis, "passiveModifications"), redlines)
    references = meta_element.find(ak._A + "references")
    _el(
        references,
        "passiveRef",
        eId="previous",
        href=previous_expression,
        showAs=previous.version_label,
    )
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def _modifications(passive: etree._Element, redlines: Sequence[ProvisionRedline]) -> None:
    count = 0
    for line in redlines:
        for kind in _kinds(line):
            count += 1
            mod = _el(passive, "textualMod", type=kind, eId=f"pmod_{count}")
            _el(mod, "source", href="#previous")
            _el(mod, "destination", href=f"#{_eid(line)}")
            if kind == "renumbering":
                _number(_el(mod, "old"), line.old_label)
                _number(_el(mod, "new"), line.label)
            elif kind == "repeal":
                _number(_el(mod, "old"), line.old_label)


def _number(holder: etree._Element, label: str) -> None:
    """``old`` and ``new`` hold elements only: the number goes in accord's own namespace."""
    etree.SubElement(holder, f"{{{ak.ACCORD_NS}}}num").text = label


def _kinds(line: ProvisionRedline) -> list[str]:
    if not line.label:
        return ["repeal"]
    if not line.old_label:
        return ["insertion"]
    kinds = ["renumbering"] if line.old_label != line.label else []
    if any(m.kind is not MarkKind.SAME for m in line.marks):
        kinds.append("substitution")
    return kinds


def _eid(line: ProvisionRedline) -> str:
    return ak.eid(Provision(line.uid, ProvisionKind(line.kind), line.label, "", line.parent))
