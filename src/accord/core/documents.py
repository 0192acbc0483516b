"""Documents: a work issued as a sequence of versions, from pre-draft to adopted text."""

from dataclasses import dataclass
from enum import StrEnum

from accord.core.errors import StageOutOfOrder
from accord.core.provisions import Version, content_hash


class Stage(StrEnum):
    """Where a version stands, in the order versions are issued."""

    PRE_DRAFT = "pre-draft"
    ZERO_DRAFT = "zero-draft"
    REVISION = "revision"
    FINAL_DRAFT = "final-draft"
    ADOPTED = "adopted"


_ORDER = tuple(Stage)


@dataclass(frozen=True, slots=True)
class IssuedVersion:
    """A version as issued: its stage and, for a revision, its number (Rev.1, Rev.2, …)."""

    stage: Stage
    number: int
    version: Version

    @property
    def label(self) -> str:
        """ "Rev.2" for a revision (the UN's notation in every language), else the stage."""
        return f"Rev.{self.number}" if self.stage is Stage.REVISION else str(self.stage)


@dataclass(frozen=True, slots=True)
class Document:
    """A work under negotiation and the versions issued of it, oldest first."""

    symbol: str
    versions: tuple[IssuedVersion, ...] = ()

    @property
    def current(self) -> IssuedVersion | None:
        return self.versions[-1] if self.versions else None

    def issue(self, stage: Stage, version: Version) -> "Document":
        """The document with ``version`` issued at ``stage``.

        Stages only move forward; revisions repeat and are numbered; nothing follows the
        adopted text. Raises `StageOutOfOrder` otherwise.
        """
        current = self.current
        if current is not None:
            behind = _ORDER.index(stage) < _ORDER.index(current.stage)
            repeated = stage is current.stage and stage is not Stage.REVISION
            if behind or repeated:
                raise StageOutOfOrder(current=current.label, stage=str(stage))
        number = sum(v.stage is Stage.REVISION for v in self.versions) + 1
        issued = IssuedVersion(stage, number if stage is Stage.REVISION else 0, version)
        return Document(self.symbol, (*self.versions, issued))

    @property
    def content_hash(self) -> str:
        """A hash chain over the issued versions: changing any earlier version changes it."""
        chained = content_hash(self.symbol)
        for issued in self.versions:
            chained = content_hash(f"{chained}\n{issued.label}\n{issued.version.content_hash}")
        return chained
