"""Builders for core tests: versions from fixture files or from short lists of paragraphs."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

from hypothesis import strategies as st

from accord.core.amendments import derive_amendment
from accord.core.draft_text import parse_draft
from accord.core.proposals import Proponent, Proposal, ProposalStatus
from accord.core.provisions import Provision, ProvisionKind, Version

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


_SENTENCES = st.sampled_from(
    [
        "States should cooperate.",
        "States shall, as appropriate, cooperate.",
        "Capacity-building is demand-driven.",
        "Ransomware threatens hospitals <and> schools & more.",
        "The Group recalled earlier reports.",
    ]
)


@st.composite
def structured_versions(draw: st.DrawFn) -> Version:
    """Sections, paragraphs and sub-paragraphs with texts from a small pool, so that
    versions drawn together share, repeat, split and merge one another's texts."""
    provisions: list[Provision] = []
    paragraph = 0
    for kind in draw(
        st.lists(st.sampled_from(["section", "paragraph", "sub"]), min_size=1, max_size=12)
    ):
        text = " ".join(draw(st.lists(_SENTENCES, min_size=1, max_size=3)))
        if kind == "section":
            n = sum(p.kind is ProvisionKind.SECTION for p in provisions)
            provisions.append(Provision(f"s{n}", ProvisionKind.SECTION, chr(65 + n), text))
        elif kind == "paragraph" or not paragraph:
            paragraph += 1
            provisions.append(
                Provision(f"p{paragraph}", ProvisionKind.PARAGRAPH, str(paragraph), text)
            )
        else:
            n = sum(p.parent == f"p{paragraph}" for p in provisions)
            uid, label = f"p{paragraph}-{n}", f"{paragraph}({chr(97 + n)})"
            provisions.append(
                Provision(uid, ProvisionKind.SUBPARAGRAPH, label, text, f"p{paragraph}")
            )
    return Version("Draft", tuple(provisions))
