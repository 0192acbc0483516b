"""Bracketed text: the version with disputed words in [brackets] and alternatives as options.

What makes words disputed is data: the open proposals on the provision (the words they would
delete, insert or replace) and members' objections to the provision as a whole. Agreed
provisions carry no brackets.
"""

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from accord.core.amendments import WordOp, tokenize
from accord.core.positions import Position, Stance, current_positions
from accord.core.proposals import Proposal, ProposalStatus
from accord.core.provisions import Provision, ProvisionKind, Version


class SegmentKind(StrEnum):
    """What a run of bracketed text is: plain, disputed, or alternatives."""

    TEXT = "text"
    DISPUTED = "disputed"  # [words]
    OPTIONS = "options"  # [words][other words], or whole-provision Option 1 / Option 2


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of a provision: its text, or for options the alternatives in order."""

    kind: SegmentKind
    text: str = ""
    options: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class BracketedProvision:
    """A provision as segments; ``alternatives`` is True when its options are whole texts."""

    provision: Provision
    segments: tuple[Segment, ...]
    alternatives: bool = False


def bracket_version(
    version: Version,
    proposals: Iterable[Proposal],
    positions: Iterable[Position] = (),
    *,
    members: frozenset[str] = frozenset(),
    agreed: frozenset[str] = frozenset(),
    only: frozenset[str] | None = None,
) -> tuple[BracketedProvision, ...]:
    """Every provision of ``version`` with the words that proposals and members' objections
    make disputed; provisions whose uid is in ``agreed`` stay clean. ``proposals`` are the
    ones open while ``version`` was current (a later revision may have settled them since);
    a withdrawn one disputes nothing. With ``only`` (a set of uids), those provisions alone,
    in order: what the others' proposals and positions say is not read.

    Raises `UnknownProvision` for a proposal on a provision the version does not have.
    """
    by_uid: dict[str, list[Proposal]] = {}
    for p in proposals:
        version.provision(p.provision_uid)
        if p.status is not ProposalStatus.WITHDRAWN and p.structure is None:
            by_uid.setdefault(p.provision_uid, []).append(p)
    taken: dict[str, list[Position]] = {}
    for position in positions:
        taken.setdefault(position.provision_uid, []).append(position)
    return tuple(
        _bracket(
            provision, by_uid.get(provision.uid, []), taken.get(provision.uid, []), members, agreed
        )
        for provision in version
        if only is None or provision.uid in only
    )


def _bracket(
    provision: Provision,
    proposals: list[Proposal],
    positions: list[Position],
    members: frozenset[str],
    agreed: frozenset[str],
) -> BracketedProvision:
    """``provision`` bracketed by ``proposals`` and ``positions`` (those on it)."""
    text = Segment(SegmentKind.TEXT, provision.text)
    if provision.uid in agreed:
        return BracketedProvision(provision, (text,))
    options = [o for p in proposals for o in p.options]
    if options:
        whole = (provision.text, *dict.fromkeys(o for o in options if o != provision.text))
        return BracketedProvision(provision, (Segment(SegmentKind.OPTIONS, options=whole),), True)
    if proposals:
        return BracketedProvision(provision, _word_segments(provision.text, proposals))
    current = current_positions(positions, provision, members).values()
    if any(p.stance is Stance.OBJECT for p in current):
        return BracketedProvision(provision, (Segment(SegmentKind.DISPUTED, provision.text),))
    return BracketedProvision(provision, (text,))


def _word_segments(text: str, proposals: list[Proposal]) -> tuple[Segment, ...]:
    tokens = tokenize(text)
    segments: list[Segment] = []
    cursor = 0
    for start, end, members in _groups(proposals):
        if start > cursor:
            segments.append(Segment(SegmentKind.TEXT, "".join(tokens[cursor:start])))
        segments.append(_disputed(tokens, start, end, members))
        cursor = end
    if cursor < len(tokens):
        segments.append(Segment(SegmentKind.TEXT, "".join(tokens[cursor:])))
    return tuple(segments)


def _groups(proposals: list[Proposal]) -> list[tuple[int, int, list[tuple[int, WordOp]]]]:
    """Runs of words touched by overlapping (or touching) operations of any proposal."""
    ops = sorted(((o.start, o.end, k, o) for k, p in enumerate(proposals) for o in p.amendment.ops))
    groups: list[tuple[int, int, list[tuple[int, WordOp]]]] = []
    for start, end, k, op in ops:
        if groups and start <= groups[-1][1]:
            first, last, members = groups[-1]
            groups[-1] = (first, max(last, end), [*members, (k, op)])
        else:
            groups.append((start, end, [(k, op)]))
    return groups


def _disputed(
    tokens: tuple[str, ...], start: int, end: int, members: list[tuple[int, WordOp]]
) -> Segment:
    """The original words of a run and each proposal's version of them, distinct, in order."""
    variants = {k: list(tokens[start:end]) for k, _ in members}
    # Right to left, so that replacing one operation's words leaves the next one's in place.
    for k, op in reversed(members):
        variants[k][op.start - start : op.end - start] = [op.new]
    original = "".join(tokens[start:end])
    seen = dict.fromkeys(v for v in ("".join(w) for w in variants.values()) if v.strip())
    choices = tuple(dict.fromkeys(c for c in (original, *seen) if c.strip()))
    if len(choices) == 1:
        return Segment(SegmentKind.DISPUTED, choices[0])
    return Segment(SegmentKind.OPTIONS, options=choices)


def bracketed_text(provisions: tuple[BracketedProvision, ...], option: str = "Option") -> str:
    """Plain text with [disputed words], [alternative][words] and, for whole alternatives,
    ``[Option 1: …] [Option 2: …]`` (``option`` is the word the reader's language uses)."""
    lines = []
    for b in provisions:
        lines.append(f"{b.provision.label}. {provision_words(b, option)}")
    return "\n".join(lines) + "\n"


def provision_words(bracketed: BracketedProvision, option: str = "Option") -> str:
    """One provision's words with its brackets, without its number."""
    return "".join(_say(s, bracketed.alternatives, option) for s in bracketed.segments)


def segment_words(segment: Segment, whole: bool, option: str = "Option") -> str:
    """One run as the reader sees it: plain words, or the words in brackets."""
    return _say(segment, whole, option)


def _say(segment: Segment, whole: bool, option: str) -> str:
    if segment.kind is SegmentKind.TEXT:
        return segment.text
    if segment.kind is SegmentKind.DISPUTED:
        return _bracket_words(segment.text)
    if whole:
        return " ".join(f"[{option} {n}: {t}]" for n, t in enumerate(segment.options, 1))
    trail = segment.options[0][len(segment.options[0].rstrip()) :]
    return "".join(f"[{o.strip()}]" for o in segment.options) + trail


def _bracket_words(words: str) -> str:
    """Brackets hug the words; the space after them stays outside."""
    core = words.rstrip()
    return f"[{core}]{words[len(core) :]}"


def bracketed_html(provisions: tuple[BracketedProvision, ...], option: str = "Option") -> str:
    """Safe HTML of the bracketed text: every text escaped, brackets kept as text so that
    they survive copying and black-and-white printing, each disputed run in a ``<mark>``."""
    body = "".join(_provision_html(b, option) for b in provisions)
    return f'<article class="bracketed">{body}</article>'


def _provision_html(b: BracketedProvision, option: str) -> str:
    body = "".join(_html_segment(s, b.alternatives, option) for s in b.segments)
    label = html.escape(b.provision.label)
    return f'<p class="provision {b.provision.kind}"><span class="label">{label}</span> {body}</p>'


@dataclass(frozen=True, slots=True)
class BracketedPiece:
    """One provision of the bracketed text as it is set: its uid, label and kind, whether
    any of its words are disputed, and its safe HTML (see `bracketed_html`)."""

    uid: str
    label: str
    opens_section: bool
    is_amendable: bool
    is_disputed: bool
    html: str


def set_bracketed(
    provisions: Iterable[BracketedProvision], option: str = "Option"
) -> tuple[BracketedPiece, ...]:
    """Each provision of the bracketed text set as safe HTML, alternatives named ``option``."""
    return tuple(
        BracketedPiece(
            b.provision.uid,
            b.provision.label,
            b.provision.kind is ProvisionKind.SECTION,
            b.provision.is_amendable,
            len(b.segments) > 1 or b.segments[0].kind is not SegmentKind.TEXT,
            _provision_html(b, option),
        )
        for b in provisions
    )


@dataclass(frozen=True, slots=True)
class BracketedPart:
    """Consecutive sections of the bracketed text, read as one page of it: the labels of its
    first and last numbered provisions, and its provisions as safe HTML (see
    `bracketed_html`), without the article around them."""

    number: int
    labels: tuple[str, str]
    html: str


def split_pieces(pieces: Sequence[BracketedPiece], budget: int) -> tuple[BracketedPart, ...]:
    """The bracketed text, set (see `set_bracketed`), in parts of whole sections, numbered
    from 1, each of at most ``budget`` characters of HTML — unless a single section is
    longer, which then makes a part of its own — so that a reader is handed a page of
    bounded size whatever the text's. Provisions before the first heading go with the first
    section."""
    sections: list[list[BracketedPiece]] = []
    for piece in pieces:
        if not sections or piece.opens_section:
            sections.append([])
        sections[-1].append(piece)
    parts: list[list[BracketedPiece]] = [[]]
    size = 0
    for section in sections:
        length = sum(len(p.html) for p in section)
        if parts[-1] and size + length > budget:
            parts.append([])
            size = 0
        parts[-1].extend(section)
        size += length
    return tuple(
        BracketedPart(n, _labels(held), "".join(p.html for p in held))
        for n, held in enumerate(parts, start=1)
    )


def _labels(held: list[BracketedPiece]) -> tuple[str, str]:
    numbered = [p.label for p in held if p.is_amendable]
    return (numbered[0], numbered[-1]) if numbered else ("", "")


def _html_segment(segment: Segment, whole: bool, option: str) -> str:
    if segment.kind is SegmentKind.TEXT:
        return html.escape(segment.text)
    words = html.escape(segment_words(segment, whole, option))
    return f'<mark class="{segment.kind}">{words}</mark>'
