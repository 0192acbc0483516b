"""Versions, proposals and document descriptions for the format tests (no Django)."""

from datetime import UTC, date, datetime
from pathlib import Path

import accord
from accord.core.amendments import derive_amendment
from accord.core.compilation import Compilation, compile_version
from accord.core.draft_text import parse_draft
from accord.core.proposals import Proponent, Proposal, ProposalStatus
from accord.core.provisions import Provision, Version
from accord.documents.model import DocumentMeta

META = DocumentMeta(
    title="Draft report (test)",
    version_label="Zero draft",
    issued=date(2026, 3, 2),
    symbol="A/AC.999/2026/L.1",
    document_slug="report",
)

DRAFT = """# Draft report (test)

## A. Introduction

1. The Group met in three substantive sessions.

2. States identified the following threats:
   (a) ransomware against hospitals;
   (b) attacks on undersea cables.

## B. Norms

3. States reaffirmed the voluntary, non-binding norms of responsible State behaviour.

7bis. States should protect critical infrastructure.
"""


def version(text: str = DRAFT) -> Version:
    return parse_draft(text)


def demo_version() -> Version:
    # Read beside the package rather than through `accord.demo`, which needs Django.
    path = Path(accord.__file__).parent / "demo" / "zero_draft.md"
    return parse_draft(path.read_text("utf-8"))


def with_note(value: Version, uid: str, note: str) -> Version:
    """``value`` with a footnote at the end of provision ``uid``."""
    provisions = tuple(
        Provision(p.uid, p.kind, p.label, f"{p.text}^[{note}]", p.parent) if p.uid == uid else p
        for p in value
    )
    return Version(value.title, provisions)


def proposal(
    number: int,
    value: Version,
    uid: str,
    wording: str,
    *,
    delegation: tuple[str, str] = ("BRA", "Brazil"),
    group: tuple[str, str] | None = None,
) -> Proposal:
    old = value.provision(uid).text
    return Proposal(
        id=number,
        provision_uid=uid,
        proponent=Proponent(delegation[0], delegation[1], *(group or (None, None))),
        wording=wording,
        amendment=derive_amendment(old, wording),
        justification="",
        status=ProposalStatus.OPEN,
        submitted_at=datetime(2026, 3, 3, 9, 30, tzinfo=UTC),
    )


def compilation() -> Compilation:
    value = version()
    return compile_version(
        value,
        [
            proposal(
                1,
                value,
                "p3",
                "States reaffirmed the binding norms of responsible State behaviour.",
            ),
            proposal(
                2,
                value,
                "p1",
                "The Group met in four substantive sessions.",
                delegation=("DEU", "Germany"),
                group=("eu", "European Union"),
            ),
        ],
    )
