"""Reading a draft typed or pasted as plain text with numbered paragraphs.

The format is the one delegates already exchange by e-mail::

    # Title of the document
    ## A. Introduction
    1. First paragraph ...
       (a) first sub-paragraph;
    2. Second paragraph ...

Paragraph numbers may carry a suffix (``7bis``, ``12 alt``); lines that continue a paragraph
are joined to it. The first version of a document takes its stable identifiers from these
labels (``p1``, ``p1-a``, ``s-a``); later versions inherit them through lineage.

A resolution or decision is written the same way, its preambular paragraphs labelled PP1,
PP2, … and its operative paragraphs OP1, OP2, …, after a title block::

    # Title of the resolution
    Body: General Assembly
    Session: Eighty-first session
    Agenda item: 94
    Sponsors: Brazil, Kenya
    PP1. Recalling its resolution 80/12 ...
    OP1. Decides ...
       (a) first sub-paragraph;
    ## Annex
    1. A paragraph of the annex ...

Their identifiers are ``pp1``, ``op1``, ``op1-a``.
"""

import re
from collections.abc import Iterator

from accord.core.errors import MalformedDraft
from accord.core.provisions import Provision, ProvisionKind, TitleBlock, Version

_TITLE_BLOCK = {"Body": "body", "Session": "session", "Agenda item": "agenda_item"}
_HEAD = re.compile(r"^(?P<field>Body|Session|Agenda item|Sponsors):\s+(?P<text>\S.*)$")
_TITLE = re.compile(r"^#\s+(?P<text>\S.*)$")
_SECTION = re.compile(r"^##\s+(?:(?P<label>[A-Z]{1,3}|[IVXLC]+)\.\s+)?(?P<text>\S.*)$")
_PARAGRAPH = re.compile(r"^(?P<label>(?:PP|OP)?\d{1,4}(?:\s?[a-z]{2,6})?)\.\s+(?P<text>\S.*)$")
_SUBPARAGRAPH = re.compile(r"^\s*\((?P<label>[a-z]{1,3}|[ivx]{1,6})\)\s+(?P<text>\S.*)$")


def _uid_fragment(label: str) -> str:
    return re.sub(r"[^0-9a-z]+", "", label.lower())


def parse_draft(text: str, *, default_title: str = "") -> Version:
    """Read ``text`` as a version; raise `MalformedDraft` naming the first line it cannot place."""
    title = default_title
    head: dict[str, str] = {}
    provisions: list[Provision] = []
    seen: set[str] = set()
    for number, kind, match in _classify(text):
        if kind == "title":
            title = match["text"].strip()
            continue
        if kind == "head":
            head[match["field"]] = " ".join(match["text"].split())
            continue
        provision = _provision(number, kind, match, provisions)
        if provision.uid in seen:
            raise MalformedDraft(line=number, problem="duplicate-number")
        if provision.kind is ProvisionKind.PREAMBULAR and any(p.is_operative for p in provisions):
            raise MalformedDraft(line=number, problem="preambular-after-operative")
        seen.add(provision.uid)
        provisions.append(provision)
    if not any(p.kind is ProvisionKind.PARAGRAPH for p in provisions):
        raise MalformedDraft(line=0, problem="no-paragraphs")
    return Version(title=title, provisions=tuple(provisions), title_block=_title_block(head))


def _title_block(head: dict[str, str]) -> TitleBlock | None:
    if not head:
        return None
    sponsors = tuple(s.strip() for s in head.get("Sponsors", "").split(",") if s.strip())
    fields = {name: head.get(field, "") for field, name in _TITLE_BLOCK.items()}
    return TitleBlock(**fields, sponsors=sponsors)


def _classify(text: str) -> Iterator[tuple[int, str, dict[str, str]]]:
    """Yield (line number, kind, fields) for each logical line; continuation lines are joined."""
    pending: tuple[int, str, dict[str, str]] | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip()
        if not line.strip():
            continue
        head = _HEAD.match(line)
        if head and pending is not None and pending[1] in ("title", "head"):
            yield pending
            pending = (number, "head", dict(head.groupdict()))
            continue
        for kind, pattern in (
            ("title", _TITLE),
            ("section", _SECTION),
            ("paragraph", _PARAGRAPH),
            ("subparagraph", _SUBPARAGRAPH),
        ):
            found = pattern.match(line)
            if found and not (kind == "title" and line.startswith("##")):
                if pending:
                    yield pending
                pending = (number, kind, dict(found.groupdict(default="")))
                break
        else:
            if pending is None or pending[1] in ("title", "head", "section"):
                raise MalformedDraft(line=number, problem="text-outside-paragraph")
            pending[2]["text"] = f"{pending[2]['text']} {line.strip()}"
    if pending:
        yield pending


def _provision(
    number: int, kind: str, fields: dict[str, str], before: list[Provision]
) -> Provision:
    text = " ".join(fields["text"].split())
    if kind == "section":
        count = sum(p.kind is ProvisionKind.SECTION for p in before) + 1
        label = fields["label"]
        uid = f"s-{_uid_fragment(label) or count}"
        return Provision(uid, ProvisionKind.SECTION, label, text)
    if kind == "paragraph":
        label = fields["label"].replace(" ", "")
        if label.startswith("PP"):
            return Provision(_uid_fragment(label), ProvisionKind.PREAMBULAR, label, text)
        if label.startswith("OP"):
            return Provision(_uid_fragment(label), ProvisionKind.PARAGRAPH, label, text)
        return Provision(f"p{_uid_fragment(label)}", ProvisionKind.PARAGRAPH, label, text)
    parent = next((p for p in reversed(before) if p.kind is ProvisionKind.PARAGRAPH), None)
    if parent is None:
        raise MalformedDraft(line=number, problem="subparagraph-without-paragraph")
    label = f"{parent.label}({fields['label']})"
    uid = f"{parent.uid}-{_uid_fragment(fields['label'])}"
    return Provision(uid, ProvisionKind.SUBPARAGRAPH, label, text, parent=parent.uid)


def render_draft(version: Version) -> str:
    """Write a version back in the plain-text format `parse_draft` reads."""
    lines = [f"# {version.title}"] if version.title else []
    block = version.title_block
    if block is not None:
        heads = zip(
            ("Body", "Session", "Agenda item", "Sponsors"), _head_values(block), strict=True
        )
        lines += [f"{field}: {value}" for field, value in heads if value]
    lines += [""] if lines else []
    for p in version.provisions:
        if p.kind is ProvisionKind.SECTION:
            lines += [f"## {p.label}. {p.text}" if p.label else f"## {p.text}", ""]
        elif p.kind in (ProvisionKind.PARAGRAPH, ProvisionKind.PREAMBULAR):
            lines += [f"{p.label}. {p.text}", ""]
        else:
            if lines and lines[-1] == "":
                lines.pop()
            letter = p.label.rsplit("(", 1)[-1].rstrip(")")
            lines += [f"   ({letter}) {p.text}", ""]
    return "\n".join(lines).rstrip() + "\n"


def _head_values(block: TitleBlock) -> tuple[str, str, str, str]:
    return (block.body, block.session, block.agenda_item, ", ".join(block.sponsors))
