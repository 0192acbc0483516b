"""The compilation: a version with, under each provision, every proposal on it."""

from collections.abc import Iterable
from dataclasses import dataclass

from accord.core.errors import UnknownProvision
from accord.core.proposals import Proposal
from accord.core.provisions import Provision, Version


@dataclass(frozen=True, slots=True)
class CompilationEntry:
    provision: Provision
    proposals: tuple[Proposal, ...]


@dataclass(frozen=True, slots=True)
class Compilation:
    title: str
    entries: tuple[CompilationEntry, ...]

    @property
    def proposal_count(self) -> int:
        return sum(len(e.proposals) for e in self.entries)


def compile_version(version: Version, proposals: Iterable[Proposal]) -> Compilation:
    """Place each proposal under its provision, in the order they were submitted.

    Raises `UnknownProvision` for a proposal on a provision the version does not have.
    """
    by_uid: dict[str, list[Proposal]] = {p.uid: [] for p in version}
    for proposal in proposals:
        if proposal.provision_uid not in by_uid:
            raise UnknownProvision(proposal.provision_uid)
        by_uid[proposal.provision_uid].append(proposal)
    entries = tuple(
        CompilationEntry(p, tuple(sorted(by_uid[p.uid], key=lambda x: (x.submitted_at, x.id))))
        for p in version
    )
    return Compilation(title=version.title, entries=entries)
