"""Builders for core tests: versions from fixture files or from short lists of paragraphs."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

from accord.core.amendments import derive_amendment
from accord.core.draft_text import parse_draft
from accord.core.proposals import Proponent, Proposal, ProposalStatus
from accord.core.provisions import Version

FIXTURES = Path(__file__).parent / "fixtures"
START = datetime(2025, 3, 3, 10, 0, tzinfo=UTC)
BRAZIL = Proponent("BRA", "Brazil")
KENYA = Proponent("KEN", "Kenya", "AG", "African Group")
FRANCE = Proponent("FRA", "France", "EU", "European Union")


def fixture_text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def load_version(name: str) -> Version:
    """A version read from ``tests/core/fixtures/<name>``."""
    return parse_draft(fixture_text(name))


def make_version(*paragraphs: str, title: str = "Draft") -> Version:
    """A version with the paragraphs numbered 1, 2, … under one section."""
    lines = [f"# {title}", "## A. General"]
    lines += [f"{n}. {text}" for n, text in enumerate(paragraphs, start=1)]
    return parse_draft("\n".join(lines))


def make_proposal(
    version: Version,
    uid: str,
    wording: str,
    *,
    id: int = 1,
    by: Proponent = BRAZIL,
    status: ProposalStatus = ProposalStatus.OPEN,
    minutes: int = 0,
    **extra: object,
) -> Proposal:
    """A proposal of ``wording`` for provision ``uid`` of ``version``."""
    return Proposal(
        id=id,
        provision_uid=uid,
        proponent=by,
        wording=wording,
        amendment=derive_amendment(version.provision(uid).text, wording),
        justification="",
        status=status,
        submitted_at=START + timedelta(minutes=minutes),
        **extra,  # type: ignore[arg-type]
    )
