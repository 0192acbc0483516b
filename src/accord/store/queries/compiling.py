"""A version with the proposals it shows: the compilation, its filters, and the bracketed
text."""

import hashlib
import pickle
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import cast

from django.core.cache import cache
from django.db.models import Exists, Q, QuerySet

from accord.core import compilation as cp
from accord.core import provisions as pv
from accord.core.bracketed import (
    BracketedPart,
    BracketedPiece,
    BracketedProvision,
    bracket_version,
    set_bracketed,
    split_pieces,
)
from accord.core.participants import ParticipantKind
from accord.core.proposals import ProposalStatus
from accord.store import convert, models
from accord.store.queries.kept import (
    CACHED_FOR_S,
    digest_key,
    kept_by_provision,
    kept_since,
)
from accord.store.queries.positions import position_values
from accord.store.queries.proposing import (
    carried_onto,
    cosponsors,
    fates_of,
    open_on,
    shown_proposals,
)
from accord.store.queries.versions import version_value


@dataclass(frozen=True, slots=True)
class CompilationFilter:
    """Which proposals a compilation shows: by the proposing ``delegation`` (code), by
    ``group`` (code: proposals on its behalf or by its members), by ``section`` (the uid of a
    section heading: its paragraphs only) and by proposal ``status``. Empty means any."""

    delegation: str = ""
    group: str = ""
    section: str = ""
    status: str = ""

    @property
    def is_active(self) -> bool:
        return bool(self.delegation or self.group or self.section or self.status)


def section_uids(text: pv.Version, section: str) -> set[str]:
    """The uids of section ``section`` and of the provisions under it, in reading order."""
    found: set[str] = set()
    inside = False
    for provision in text:
        if provision.kind is pv.ProvisionKind.SECTION:
            inside = provision.uid == section
        if inside:
            found.add(provision.uid)
    return found


def _filtered(
    rows: QuerySet[models.Proposal],
    version: models.Version,
    text: pv.Version,
    wanted: CompilationFilter,
) -> QuerySet[models.Proposal]:
    if wanted.delegation:
        rows = rows.filter(delegation__code=wanted.delegation)
    if wanted.group:
        members = models.Group.members.through.objects.filter(group__code=wanted.group).values(
            "delegation"
        )
        rows = rows.filter(Q(on_behalf_of__code=wanted.group) | Q(delegation__in=members))
    if wanted.section:
        # A proposal made on an earlier version has its target's uid there; the compilation
        # drops it with the other sections' provisions once it is carried onto this one.
        here = Q(provision_uid__in=section_uids(text, wanted.section))
        rows = rows.filter(here | ~Q(version=version))
    if wanted.status:
        rows = rows.filter(status=wanted.status)
    return rows


def compilation(
    version: models.Version,
    text: pv.Version | None = None,
    wanted: CompilationFilter | None = None,
    *,
    only: frozenset[str] | None = None,
) -> cp.Compilation:
    """The version with every proposal it shows (those ``wanted``, when a filter is given):
    the proposals made on it and, on the current version, the open ones made on earlier
    versions, carried onto it (see `shown_proposals`, `carried_onto`); with their consenting
    co-sponsors and their fates in every revision so far. In five queries whatever its size
    (four when the caller already holds the version's ``text``), two more when a proposal
    was carried. A section filter keeps only that section's provisions. With ``only`` (a
    set of uids), the entries of those provisions alone are right: the others miss the
    proposals made on this version."""
    text = text or version_value(version)
    wanted = wanted or CompilationFilter()
    chosen = _filtered(shown_proposals(version), version, text, wanted)
    if only is not None:
        chosen = chosen.filter(Q(provision_uid__in=only) | ~Q(version=version))
    rows = chosen.values(*convert.PROPOSAL_FIELDS, "version_id")
    joined = cosponsors(chosen.values("pk"))
    fates = fates_of(chosen.values("pk"))
    made = [
        (p["version_id"], convert.proposal_from_fields(p, joined.get(p["id"], ()))) for p in rows
    ]
    compiled = cp.compile_version(text, carried_onto(version, made), fates)
    if not wanted.section:
        return compiled
    shown = section_uids(text, wanted.section)
    return cp.Compilation(
        compiled.title, tuple(e for e in compiled.entries if e.provision.uid in shown)
    )


# Proposals a reader is handed at once: a page of about half a megabyte at most, set in
# well under the 300 ms a page may take. A larger compilation opens on its first part.
PART_PROPOSALS = 200


@dataclass(frozen=True, slots=True)
class PartOutline:
    """What a part of a compilation holds, without its proposals: its entries are those of
    the outline's ``entries[start:end]``."""

    number: int
    labels: tuple[str, str]
    proposal_count: int
    start: int = 0
    end: int = 0


@dataclass(frozen=True, slots=True)
class EntryOutline:
    """One entry of a compilation without its proposals: its provision's uid and label and
    whether it is amendable (not its text: the outline is read on every request), how many
    proposals it holds, and the digest of the entry, under which it is kept (see
    `compiled_entries`)."""

    uid: str
    label: str
    is_amendable: bool
    proposal_count: int
    digest: str
    # The open proposals it holds, each as (proposing delegation, id): the forms an entry
    # carries for the proposer depend on them.
    open_proposals: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True, slots=True)
class CompilationOutline:
    """A compilation's parts (see `accord.core.compilation.split_compilation`) and its count,
    and the outline of each of its entries."""

    proposal_count: int
    parts: tuple[PartOutline, ...]
    entries: tuple[EntryOutline, ...] = ()


def _entry_key(digest: str) -> str:
    return digest_key("entry", digest)


def _kept_entries(
    entries: Iterable[cp.CompilationEntry],
) -> tuple[list[EntryOutline], dict[str, bytes]]:
    """The outlines of ``entries`` and, by cache key, each entry pickled on its own."""
    outlines, pickled = [], {}
    for entry in entries:
        data = pickle.dumps(entry, pickle.HIGHEST_PROTOCOL)
        digest = hashlib.sha256(data).hexdigest()[:32]
        opened = tuple(
            (p.proponent.delegation, p.id)
            for p in entry.proposals
            if p.status == ProposalStatus.OPEN
        )
        provision = entry.provision
        outlines.append(
            EntryOutline(
                provision.uid,
                provision.label,
                provision.is_amendable,
                len(entry.proposals),
                digest,
                opened,
            )
        )
        pickled[_entry_key(digest)] = data
    return outlines, pickled


def _outline(entries: Sequence[EntryOutline], budget: int) -> CompilationOutline:
    shape = [(e.is_amendable, e.proposal_count) for e in entries]
    parts = []
    for number, (start, end) in enumerate(cp.part_bounds(shape, budget), start=1):
        numbered = [e.label for e in entries[start:end] if e.is_amendable]
        parts.append(
            PartOutline(
                number,
                (numbered[0], numbered[-1]) if numbered else ("", ""),
                sum(e.proposal_count for e in entries[start:end]),
                start,
                end,
            )
        )
    return CompilationOutline(sum(e.proposal_count for e in entries), tuple(parts), tuple(entries))


def compilation_outline(
    version: models.Version, text: pv.Version | None, wanted: CompilationFilter, *, budget: int
) -> CompilationOutline:
    """The outline of the compilation (those ``wanted``) in parts of at most ``budget``
    proposals, each entry kept on its own under its digest (see `compiled_entries`). The
    version's ``text`` is read when it is needed and not given.

    Kept for each position of the process's record (see `accord.store.queries.kept`):
    whatever changes what a compilation shows (a proposal, a withdrawal, a co-sponsor, a
    revision's fates) is an event of the process, so the key moves on with the record and a
    stale compilation is never served. After an event that changed only some paragraphs (a
    proposal, a withdrawal, a co-sponsor), only their entries are compiled again, in as many
    queries whatever their number; the others keep their digests, and so whatever was kept
    for them (their HTML). Two queries when it is kept."""

    def build() -> CompilationOutline:
        outlines, pickled = _kept_entries(compilation(version, text, wanted).entries)
        cache.set_many(pickled, CACHED_FOR_S)
        return _outline(outlines, budget)

    def update(before: CompilationOutline, touched: frozenset[str]) -> CompilationOutline:
        if not touched:
            return before
        again = compilation(version, text, wanted, only=touched).entries
        outlines, pickled = _kept_entries(e for e in again if e.provision.uid in touched)
        cache.set_many(pickled, CACHED_FOR_S)
        fresh = {o.uid: o for o in outlines}
        return _outline([fresh.get(e.uid, e) for e in before.entries], budget)

    shown = (wanted.delegation, wanted.group, wanted.section, wanted.status)
    return kept_since("compilation", version, (budget, *shown), build, update)


def compiled_entries(
    version: models.Version,
    text: pv.Version | None,
    wanted: CompilationFilter,
    outline: Sequence[EntryOutline],
) -> tuple[cp.CompilationEntry, ...]:
    """The entries ``outline`` names (see `compilation_outline`), read from the cache in one
    query; those no longer kept are compiled again (and kept)."""
    keys = [_entry_key(e.digest) for e in outline]
    found = cache.get_many(keys)
    if len(found) < len(set(keys)):  # evicted since: compiled again
        missing = frozenset(e.uid for e in outline if _entry_key(e.digest) not in found)
        again = compilation(version, text, wanted, only=missing).entries
        made = {e.provision.uid: e for e in again if e.provision.uid in missing}
        _, pickled = _kept_entries(made.values())
        named = {_entry_key(e.digest) for e in outline}
        # Kept again when it is what the outline names (the record may have moved on since).
        cache.set_many({k: v for k, v in pickled.items() if k in named}, CACHED_FOR_S)
        return tuple(
            made[e.uid] if key not in found else _loaded(found[key])
            for key, e in zip(keys, outline, strict=True)
        )
    return tuple(_loaded(found[key]) for key in keys)


def _loaded(data: bytes) -> cp.CompilationEntry:
    # Pickled by `_kept_entries`, in the cache only accord writes to.
    return cast(cp.CompilationEntry, pickle.loads(data))  # noqa: S301


@dataclass(frozen=True, slots=True)
class CompilationChoices:
    """What a compilation can be filtered by, each as (code, name): the delegations whose
    proposals it shows and the groups of the process's delegations."""

    delegations: list[tuple[str, str]]
    groups: list[tuple[str, str]]


def compilation_choices(version: models.Version) -> CompilationChoices:
    """What a compilation of ``version`` can be filtered by, in two queries."""
    # As `shown_proposals` chooses them, each side of the "or" apart: together, the database
    # read every proposal of every process to choose them.
    later = models.Version.objects.filter(document=version.document_id, number__gt=version.number)
    still_open = models.Proposal.objects.filter(
        ~Exists(later), version__document=version.document_id, status=ProposalStatus.OPEN
    )
    made = models.Proposal.objects.filter(version=version)
    delegations = (
        models.Delegation.objects.filter(
            Q(pk__in=made.values("delegation")) | Q(pk__in=still_open.values("delegation"))
        )
        .order_by("name")
        .values_list("code", "name")
    )
    taking_part = version.document.process.participations.values("delegation")
    groups = (
        models.Group.objects.filter(members__in=taking_part)
        .distinct()
        .order_by("name")
        .values_list("code", "name")
    )
    return CompilationChoices(list(delegations), list(groups))


def bracketed(
    version: models.Version, text: pv.Version, *, only: frozenset[str] | None = None
) -> tuple[BracketedProvision, ...]:
    """``version`` as bracketed text: the words its open proposals (see `open_on`) and the
    members' standing objections dispute. An adopted version carries no brackets. With
    ``only`` (a set of uids), those provisions alone, in order."""
    document = version.document
    if version.adoptions.filter(adopted=True).exists():
        agreed = frozenset(p.uid for p in text)
        return bracket_version(text, (), agreed=agreed, only=only)
    members = frozenset(
        document.process.participations.filter(kind=ParticipantKind.MEMBER).values_list(
            "delegation__code", flat=True
        )
    )
    return bracket_version(
        text,
        open_on(version, only=only),
        position_values(document, only=only),
        members=members,
        only=only,
    )


def bracketed_pieces(
    version: models.Version, text: pv.Version, option: str
) -> tuple[BracketedPiece, ...]:
    """``version`` as bracketed text (see `bracketed`), each provision set apart (see
    `accord.core.bracketed.set_bracketed`), alternatives named ``option``. Kept for each
    position of the process's record; after an event that changed only some provisions (a
    proposal, a withdrawal, a position), only those are bracketed and set again (see
    `accord.store.queries.kept.kept_since`)."""

    def make(only: frozenset[str] | None) -> tuple[BracketedPiece, ...]:
        return set_bracketed(bracketed(version, text, only=only), option)

    return kept_by_provision("bracketed", version, (option,), make, lambda p: p.uid)


def bracketed_parts(
    version: models.Version, text: pv.Version, *, budget: int, option: str
) -> tuple[int, tuple[BracketedPart, ...]]:
    """How many provisions of ``version`` have disputed text, and its bracketed text (see
    `bracketed_pieces`) in parts of at most ``budget`` characters of HTML, alternatives
    named ``option``."""
    pieces = bracketed_pieces(version, text, option)
    return sum(p.is_disputed for p in pieces), split_pieces(pieces, budget)
