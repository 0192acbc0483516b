"""Markdown and JSON of a version's views.

Markdown follows the plain-text draft format delegates exchange (``1.`` paragraphs, ``(a)``
sub-paragraphs, ``##`` sections), with Pandoc inline footnotes and CriticMarkup for changes
(``{++inserted++}``, ``{--deleted--}``). JSON follows ``accord-document.schema.json``.
"""

import json
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from accord.core.amendments import Mark, MarkKind, redline_marks
from accord.core.bracketed import BracketedProvision, provision_words, segment_words
from accord.core.compilation import Compilation
from accord.core.draft_text import render_draft
from accord.core.provisions import Provision, ProvisionKind, Version
from accord.documents.model import DocumentMeta, ProvisionRedline, View
from accord.documents.words import ENGLISH, Words

FORMAT = "accord-document"
FORMAT_VERSION = 1


def _front(meta: DocumentMeta, words: Words, subtitle: str = "") -> list[str]:
    lines = ["---"]
    if meta.symbol:
        lines.append(f"symbol: {json.dumps(meta.symbol)}")
    lines += [
        f"version: {json.dumps(meta.version_label)}",
        f"date: {meta.issued.isoformat()}",
        f"language: {meta.language}",
        "---",
        "",
        f"# {meta.title}",
        "",
    ]
    return lines + ([f"*{subtitle}*", ""] if subtitle else [])


def _line(provision: Provision, text: str, margin: str | None = None) -> str:
    """The provision's line; ``margin`` replaces the number it shows (a redline's change)."""
    shown = provision.margin_label if margin is None else margin
    if provision.kind is ProvisionKind.SECTION:
        return f"## {shown}. {text}" if shown else f"## {text}"
    if provision.kind in (ProvisionKind.PARAGRAPH, ProvisionKind.PREAMBULAR):
        return f"{shown}. {text}"
    return f"   {shown} {text}"


def _critic(marks: Iterable[Mark]) -> str:
    out = []
    for mark in marks:
        if mark.kind is MarkKind.SAME:
            out.append(mark.text)
        elif mark.kind is MarkKind.INSERTED:
            out.append(f"{{++{mark.text}++}}")
        else:
            out.append(f"{{--{mark.text}--}}")
    return "".join(out)


def _append(lines: list[str], provision: Provision, text: str, margin: str | None = None) -> None:
    """A sub-paragraph follows its paragraph without a blank line, as in a typed draft."""
    if provision.kind is ProvisionKind.SUBPARAGRAPH and lines and lines[-1] == "":
        lines.pop()
    lines += [_line(provision, text, margin), ""]


def clean_md(meta: DocumentMeta, version: Version, words: Words = ENGLISH) -> str:
    """The text in the plain-text draft format (a resolution's title block as its ``Body:``,
    ``Session:``, ``Agenda item:`` and ``Sponsors:`` lines): what follows the front matter
    reads back with `accord.core.draft_text.parse_draft`."""
    lines = _front(meta, words)
    if version.title_block is not None:
        head = render_draft(replace(version, provisions=()))
        lines[-1:] = [*head.splitlines()[1:], ""]
    for provision in version:
        _append(lines, provision, provision.text)
    return "\n".join(lines).rstrip() + "\n"


def compilation_md(meta: DocumentMeta, compilation: Compilation, words: Words = ENGLISH) -> str:
    lines = _front(meta, words, words.compilation)
    for entry in compilation.entries:
        provision = entry.provision
        lines += [_line(provision, provision.text), ""]
        for proposal in entry.proposals:
            who = words.proposed_by(proposal)
            marks = redline_marks(provision.text, proposal.amendment)
            lines += [f"   > **{who}**: {_critic(marks)}"]
            if cosponsors := words.cosponsors(proposal):
                lines += ["   >", f"   > *{cosponsors}*"]
            if made_on := words.made_on(proposal.carried):
                lines += ["   >", f"   > *{made_on}*"]
            if proposal.justification:
                lines += [
                    "   >",
                    f"   > *{words.justification % {'text': proposal.justification}}*",
                ]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def redline_md(
    meta: DocumentMeta,
    redlines: Iterable[ProvisionRedline],
    words: Words = ENGLISH,
    *,
    subtitle: str = "",
) -> str:
    lines = _front(meta, words, subtitle)
    for line in redlines:
        kind = ProvisionKind(line.kind)
        provision = Provision(line.uid, kind, line.label or line.old_label, "")
        # Only the number a provision shows is marked: a sub-paragraph's "(a)" under a
        # renumbered paragraph did not change.
        old, new = (
            Provision(line.uid, kind, x, "").margin_label for x in (line.old_label, line.label)
        )
        changed = line.label and line.old_label and old != new
        margin = f"{{--{old}--}}{{++{new}++}}" if changed else None
        _append(lines, provision, _critic(line.marks), margin)
    return "\n".join(lines).rstrip() + "\n"


def _document(meta: DocumentMeta, view: str) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "view": str(view),
        "document": {"slug": meta.document_slug, "title": meta.title, "symbol": meta.symbol},
        "version": {
            "number": meta.version_number,
            "label": meta.version_label,
            "issued": meta.issued.isoformat(),
            "language": meta.language,
        },
    }


def _provision(p: Provision) -> dict[str, Any]:
    return {
        "uid": p.uid,
        "kind": p.kind.value,
        "label": p.label,
        "parent": p.parent,
        "text": p.text,
        "content_hash": p.content_hash,
    }


def _dump(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def clean_json(meta: DocumentMeta, version: Version) -> str:
    data = _document(meta, View.CLEAN)
    data["version"]["content_hash"] = version.content_hash
    block = version.title_block
    if block is not None:
        data["version"]["title_block"] = {
            "body": block.body,
            "session": block.session,
            "agenda_item": block.agenda_item,
            "sponsors": list(block.sponsors),
        }
    data["provisions"] = [_provision(p) for p in version]
    return _dump(data)


def consensus_report_json(
    meta: DocumentMeta, provisions: Iterable[Provision], adoption: dict[str, Any]
) -> str:
    """The consensus report as published: the provisions the adoption covered, each with its
    content hash, and the adoption — process, method, date and the number of the event that
    decided it — so that `accord audit verify --document` can check one against the other."""
    data = _document(meta, "consensus-report")
    data["adoption"] = adoption
    data["provisions"] = [_provision(p) for p in provisions]
    return _dump(data)


def compilation_json(meta: DocumentMeta, compilation: Compilation) -> str:
    data = _document(meta, View.COMPILATION)
    data["provisions"] = [
        {
            **_provision(entry.provision),
            "proposals": [
                {
                    "id": p.id,
                    "delegation": p.proponent.delegation,
                    "delegation_name": p.proponent.delegation_name,
                    "on_behalf_of": p.proponent.group,
                    "group_name": p.proponent.group_name,
                    "cosponsors": [
                        {"delegation": c.delegation, "delegation_name": c.delegation_name}
                        for c in p.cosponsors
                    ],
                    "submitted_at": p.submitted_at.isoformat(),
                    "status": p.status.value,
                    "wording": p.wording,
                    "justification": p.justification,
                    "marks": _marks(redline_marks(entry.provision.text, p.amendment)),
                }
                for p in entry.proposals
            ],
        }
        for entry in compilation.entries
    ]
    return _dump(data)


def redline_json(meta: DocumentMeta, redlines: Iterable[ProvisionRedline]) -> str:
    data = _document(meta, View.REDLINE)
    data["provisions"] = [
        {
            "uid": r.uid,
            "kind": r.kind,
            "label": r.label,
            "old_label": r.old_label,
            "marks": _marks(r.marks),
        }
        for r in redlines
    ]
    return _dump(data)


def _marks(marks: Iterable[Mark]) -> list[dict[str, str]]:
    return [{"kind": m.kind.value, "text": m.text} for m in marks]


def bracketed_md(
    meta: DocumentMeta, provisions: Iterable[BracketedProvision], words: Words = ENGLISH
) -> str:
    """The bracketed text in the numbered draft format, brackets typed as delegates type them."""
    lines = _front(meta, words, words.bracketed)
    for b in provisions:
        _append(lines, b.provision, provision_words(b, words.option))
    return "\n".join(lines).rstrip() + "\n"


def bracketed_json(
    meta: DocumentMeta, provisions: Iterable[BracketedProvision], words: Words = ENGLISH
) -> str:
    """Each provision with its ``text`` as printed (brackets included) and its ``segments``:
    plain runs, disputed runs and alternatives, in order."""
    data = _document(meta, View.BRACKETED)
    data["provisions"] = [
        {
            **_provision(b.provision),
            "text": provision_words(b, words.option),
            "alternatives": b.alternatives,
            "segments": [
                {
                    "kind": s.kind.value,
                    "text": segment_words(s, b.alternatives, words.option),
                    "options": list(s.options),
                }
                for s in b.segments
            ],
        }
        for b in provisions
    ]
    return _dump(data)
