"""A version with the proposals it shows: the compilation, its filters, and the bracketed
text."""

import pickle
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Q, QuerySet

from accord.core import compilation as cp
from accord.core import provisions as pv
from accord.core.bracketed import (
    BracketedPart,
    BracketedProvision,
    bracket_version,
    split_bracketed,
)
from accord.core.participants import ParticipantKind
from accord.store import convert, models
from accord.store.queries.kept import CACHED_FOR_S, kept, position_key, record_position
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
) -> cp.Compilation:
    """The version with every proposal it shows (those ``wanted``, when a filter is given):
    the proposals made on it and, on the current version, the open ones made on earlier
    versions, carried onto it (see `shown_proposals`, `carried_onto`); with their consenting
    co-sponsors and their fates in every revision so far. In five queries whatever its size
    (four when the caller already holds the version's ``text``), two more when a proposal
    was carried. A section filter keeps only that section's provisions."""
    text = text or version_value(version)
    wanted = wanted or CompilationFilter()
    chosen = _filtered(shown_proposals(version), version, text, wanted)
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


@dataclass(frozen=True, slots=True)
class PartOutline:
    """What a part of a compilation holds, without its proposals."""

    number: int
    labels: tuple[str, str]
    proposal_count: int


@dataclass(frozen=True, slots=True)
class CompilationOutline:
    """A compilation's parts (see `accord.core.compilation.split_compilation`) and its count."""

    proposal_count: int
    parts: tuple[PartOutline, ...]


def compilation_parts(
    version: models.Version,
    text: pv.Version,
    wanted: CompilationFilter,
    *,
    budget: int,
    numbers: Sequence[int] | None = None,
) -> tuple[CompilationOutline, tuple[cp.CompilationEntry, ...]]:
    """The outline of the compilation (those ``wanted``) in parts of at most ``budget``
    proposals, and the entries of the parts ``numbers`` (all of them when None; the first
    instead of a number it does not have).

    Built once for each position of the process's record and then read from Django's cache
    (see `accord.store.queries.kept`): whatever changes what a compilation shows (a
    proposal, a withdrawal, a co-sponsor, a revision's fates) is an event of the process, so
    the key moves on with the record and a stale compilation is never served. The outline is
    kept apart from the parts, each part pickled on its own, so that a page showing one part
    unpickles only that part's proposals (unpickling 5,000 took half a second); and all the
    parts go in one entry, so that keeping them takes as many queries whatever their number.
    Two queries when it is cached (one when ``numbers`` is empty)."""
    shown = (wanted.delegation, wanted.group, wanted.section, wanted.status)
    position = record_position(version.document.process)
    key = position_key("compilation", position, version.pk, budget, *shown)
    outline = cache.get(key)
    kept_parts = None
    if not isinstance(outline, CompilationOutline):
        outline, kept_parts = _store_parts(key, version, text, wanted, budget)
    have = {p.number for p in outline.parts}
    chosen = [n if n in have else 1 for n in numbers] if numbers is not None else sorted(have)
    if not chosen:
        return outline, ()
    if kept_parts is None:
        kept_parts = cache.get(f"{key}:parts")
    if not isinstance(kept_parts, dict):  # evicted since: built again
        outline, kept_parts = _store_parts(key, version, text, wanted, budget)
    # Pickled by this function just before, in the cache only accord writes to.
    return outline, tuple(e for n in chosen for e in pickle.loads(kept_parts[n]))  # noqa: S301


def _store_parts(
    key: str, version: models.Version, text: pv.Version, wanted: CompilationFilter, budget: int
) -> tuple[CompilationOutline, dict[int, bytes]]:
    parts = cp.split_compilation(compilation(version, text, wanted), budget)
    outline = CompilationOutline(
        sum(p.proposal_count for p in parts),
        tuple(PartOutline(p.number, p.labels, p.proposal_count) for p in parts),
    )
    pickled = {p.number: pickle.dumps(p.entries, pickle.HIGHEST_PROTOCOL) for p in parts}
    cache.set_many({key: outline, f"{key}:parts": pickled}, CACHED_FOR_S)
    return outline, pickled


@dataclass(frozen=True, slots=True)
class CompilationChoices:
    """What a compilation can be filtered by, each as (code, name): the delegations whose
    proposals it shows and the groups of the process's delegations."""

    delegations: list[tuple[str, str]]
    groups: list[tuple[str, str]]


def compilation_choices(version: models.Version) -> CompilationChoices:
    """What a compilation of ``version`` can be filtered by, in two queries."""
    delegations = (
        models.Delegation.objects.filter(pk__in=shown_proposals(version).values("delegation"))
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


def bracketed(version: models.Version, text: pv.Version) -> tuple[BracketedProvision, ...]:
    """``version`` as bracketed text: the words its open proposals (see `open_on`) and the
    members' standing objections dispute. An adopted version carries no brackets."""
    document = version.document
    if version.adoptions.filter(adopted=True).exists():
        return bracket_version(text, (), agreed=frozenset(p.uid for p in text))
    members = frozenset(
        document.process.participations.filter(kind=ParticipantKind.MEMBER).values_list(
            "delegation__code", flat=True
        )
    )
    return bracket_version(text, open_on(version), position_values(document), members=members)


def bracketed_parts(
    version: models.Version, text: pv.Version, *, budget: int, option: str
) -> tuple[int, tuple[BracketedPart, ...]]:
    """How many provisions of ``version`` have disputed text, and its bracketed text (see
    `bracketed`) in parts of at most ``budget`` characters of HTML, alternatives named
    ``option``. Built once for each position of the process's record (see
    `accord.store.queries.kept`) and then read from the cache in two queries."""

    def build() -> tuple[int, tuple[BracketedPart, ...]]:
        provisions = bracketed(version, text)
        disputed = sum(1 for b in provisions if len(b.segments) > 1 or b.segments[0].kind != "text")
        return disputed, split_bracketed(provisions, budget, option)

    position = record_position(version.document.process)
    return kept(position_key("bracketed", position, version.pk, budget, option), build)
