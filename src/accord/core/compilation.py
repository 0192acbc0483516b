"""The compilation: a version with, under each provision, every proposal on it."""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from accord.core.errors import UnknownProposal, UnknownProvision
from accord.core.fates import Fate
from accord.core.proposals import Proposal
from accord.core.provisions import Provision, Version


@dataclass(frozen=True, slots=True)
class CompilationEntry:
    """A provision and its proposals in submission order; ``fates[k]`` holds the fates of
    ``proposals[k]`` in later revisions, oldest first."""

    provision: Provision
    proposals: tuple[Proposal, ...]
    fates: tuple[tuple[Fate, ...], ...] = ()

    @property
    def proposals_with_fates(self) -> tuple[tuple[Proposal, tuple[Fate, ...]], ...]:
        """Each proposal with its fates (none when the entry was compiled without them)."""
        fates = self.fates or tuple(() for _ in self.proposals)
        return tuple(zip(self.proposals, fates, strict=True))


@dataclass(frozen=True, slots=True)
class Compilation:
    title: str
    entries: tuple[CompilationEntry, ...]

    @property
    def proposal_count(self) -> int:
        return sum(len(e.proposals) for e in self.entries)


def compile_version(
    version: Version,
    proposals: Iterable[Proposal],
    fates: Mapping[int, Sequence[Fate]] | None = None,
) -> Compilation:
    """Place each proposal under its provision, in the order they were submitted, with its
    fates in later revisions when ``fates`` (proposal id → fates, oldest first) is given.

    Raises `UnknownProvision` for a proposal on a provision the version does not have, and
    `UnknownProposal` for fates of a proposal that is not among ``proposals``.
    """
    by_uid: dict[str, list[Proposal]] = {p.uid: [] for p in version}
    ids = set()
    for proposal in proposals:
        if proposal.provision_uid not in by_uid:
            raise UnknownProvision(proposal.provision_uid)
        by_uid[proposal.provision_uid].append(proposal)
        ids.add(proposal.id)
    fates = fates or {}
    for proposal_id in sorted(fates.keys() - ids):
        raise UnknownProposal(proposal_id)
    entries = []
    for provision in version:
        placed = tuple(sorted(by_uid[provision.uid], key=lambda x: (x.submitted_at, x.id)))
        entries.append(
            CompilationEntry(provision, placed, tuple(tuple(fates.get(p.id, ())) for p in placed))
        )
    return Compilation(title=version.title, entries=tuple(entries))


@dataclass(frozen=True, slots=True)
class CompilationPart:
    """A run of consecutive entries of a compilation, read as one page of it."""

    number: int
    entries: tuple[CompilationEntry, ...]

    @property
    def proposal_count(self) -> int:
        return sum(len(e.proposals) for e in self.entries)

    @property
    def labels(self) -> tuple[str, str]:
        """The labels of its first and last numbered provisions ("" when it holds none)."""
        numbered = [e.provision.label for e in self.entries if e.provision.is_amendable]
        return (numbered[0], numbered[-1]) if numbered else ("", "")


def split_compilation(compiled: Compilation, budget: int) -> tuple[CompilationPart, ...]:
    """``compiled`` in parts of consecutive entries, numbered from 1, each holding at most
    ``budget`` proposals — unless a single provision holds more, which then makes a part of
    its own — so that a reader is handed a page of bounded size whatever the compilation's.
    A provision without proposals never starts a part, and a section heading opens the part
    of the paragraphs under it."""
    entries = compiled.entries
    shape = [(e.provision.is_amendable, len(e.proposals)) for e in entries]
    return tuple(
        CompilationPart(n, entries[start:end])
        for n, (start, end) in enumerate(part_bounds(shape, budget), start=1)
    )


def part_bounds(shape: Sequence[tuple[bool, int]], budget: int) -> tuple[tuple[int, int], ...]:
    """Where `split_compilation` cuts a compilation, from the shape of its entries alone —
    whether each is amendable and how many proposals it holds — so that a compilation kept
    entry by entry is cut without reading its proposals: each part's first entry and the
    entry after its last."""
    starts = [0]
    held = 0
    for at, (_, count) in enumerate(shape):
        if held and count and held + count > budget:
            start = at
            while not shape[start - 1][0]:  # the headings above it open the next part
                start -= 1
            starts.append(start)
            held = 0
        held += count
    return tuple(zip(starts, [*starts[1:], len(shape)], strict=True))
