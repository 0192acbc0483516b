"""A compilation as structured data and as safe HTML.

Each proposal is attributed: the delegation, the group it speaks for (on behalf of its
members) and its co-sponsors; its amendment is shown as a redline of the provision. A
proposal carried from an earlier version says where it was made and how its target changed.
"""

import html

from accord.core.amendments import Mark, redline_marks
from accord.core.compilation import Compilation, CompilationEntry
from accord.core.fates import Fate
from accord.core.proposals import Carried, Proponent, Proposal
from accord.core.redline_render import ENGLISH, RedlineWords, mark_html


def _proponent(p: Proponent) -> dict[str, object]:
    return {
        "delegation": p.delegation,
        "delegation_name": p.delegation_name,
        "group": p.group,
        "group_name": p.group_name,
    }


def _fate(f: Fate) -> dict[str, object]:
    return {
        "kind": str(f.kind),
        "revision": f.revision,
        "version": f.version,
        "provisions": list(f.provisions),
        "merged_with": list(f.merged_with),
        "recorded": f.recorded,
    }


def _carried(c: Carried | None) -> dict[str, object] | None:
    if c is None:
        return None
    return {
        "version": c.version,
        "version_label": c.version_label,
        "provision": c.provision_uid,
        "provision_label": c.provision_label,
        "changes": [str(change) for change in c.changes],
    }


def _marks(marks: tuple[Mark, ...]) -> list[dict[str, str]]:
    return [{"kind": str(m.kind), "text": m.text} for m in marks]


def _proposal(text: str, proposal: Proposal, fates: tuple[Fate, ...]) -> dict[str, object]:
    return {
        "id": proposal.id,
        "proponent": _proponent(proposal.proponent),
        "cosponsors": [_proponent(c) for c in proposal.cosponsors],
        "status": str(proposal.status),
        "submitted_at": proposal.submitted_at.isoformat(),
        "wording": proposal.wording,
        "marks": _marks(redline_marks(text, proposal.amendment)),
        "options": list(proposal.options),
        "justification": proposal.justification,
        "fates": [_fate(f) for f in fates],
        "carried": _carried(proposal.carried),
    }


def compilation_data(compilation: Compilation) -> dict[str, object]:
    """The compilation as plain JSON-ready data, provisions in reading order."""
    return {
        "title": compilation.title,
        "proposal_count": compilation.proposal_count,
        "entries": [_entry(e) for e in compilation.entries],
    }


def _entry(entry: CompilationEntry) -> dict[str, object]:
    p = entry.provision
    fates = entry.fates or tuple(() for _ in entry.proposals)
    return {
        "uid": p.uid,
        "kind": str(p.kind),
        "label": p.label,
        "text": p.text,
        "proposals": [_proposal(p.text, q, f) for q, f in zip(entry.proposals, fates, strict=True)],
    }


def compilation_html(compilation: Compilation, words: RedlineWords = ENGLISH) -> str:
    """Safe HTML: every text escaped; each proposal attributed, with its redline and fates."""
    out = [f'<article class="compilation"><h1>{html.escape(compilation.title)}</h1>']
    for entry in compilation.entries:
        p = entry.provision
        out.append(f'<section class="provision {p.kind}" id="{html.escape(p.uid)}">')
        out.append(f'<span class="label">{html.escape(p.label)}</span><p>{html.escape(p.text)}</p>')
        fates = entry.fates or tuple(() for _ in entry.proposals)
        out += (
            _proposal_html(p.text, q, f, words) for q, f in zip(entry.proposals, fates, strict=True)
        )
        out.append("</section>")
    out.append("</article>")
    return "".join(out)


def _proposal_html(
    text: str, proposal: Proposal, fates: tuple[Fate, ...], words: RedlineWords
) -> str:
    by = " ".join(
        f'<span class="proponent" data-delegation="{html.escape(c.delegation)}">'
        f"{html.escape(_attribution(c))}</span>"
        for c in (proposal.proponent, *proposal.cosponsors)
    )
    body = "".join(mark_html(m, words) for m in redline_marks(text, proposal.amendment))
    fate = "".join(
        f'<span class="fate {f.kind}" data-revision="{html.escape(f.revision)}"></span>'
        for f in fates
    )
    return (
        f'<div class="proposal {proposal.status}" id="proposal-{proposal.id}">'
        f'<p class="by">{by}</p>{_carried_html(proposal.carried)}<p>{body}</p>{fate}</div>'
    )


def _carried_html(c: Carried | None) -> str:
    if c is None:
        return ""
    changes = "".join(f" {change}" for change in c.changes)
    return (
        f'<span class="carried{changes}" data-version="{html.escape(c.version_label)}" '
        f'data-provision="{html.escape(c.provision_label)}"></span>'
    )


def _attribution(p: Proponent) -> str:
    if p.group_name:
        return f"{p.group_name} ({p.delegation_name})"
    return p.delegation_name
