"""Reading and writing drafts, provisions and versions, proposals and who may make them."""

from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.core.builders import fixture_text, load_version

from accord.core.amendments import Amendment
from accord.core.draft_text import parse_draft, render_draft
from accord.core.errors import (
    EmptyText,
    MalformedDraft,
    NotAmendable,
    NotPermitted,
    Refusal,
    TextTooLong,
    UnchangedText,
    UnknownProvision,
    VersionNotCurrent,
)
from accord.core.participants import (
    PUBLIC,
    Actor,
    ParticipantKind,
    Reason,
    Role,
    check_may_propose,
    may_propose,
)
from accord.core.proposals import (
    MAX_JUSTIFICATION_CHARS,
    MAX_WORDING_CHARS,
    check_justification,
    draft_amendment,
    normalise_wording,
)
from accord.core.provisions import Provision, ProvisionKind, Version

ZERO = load_version("zero_draft.md")


def test_a_draft_reads_back_as_it_was_written() -> None:
    assert parse_draft(render_draft(ZERO)) == ZERO
    assert len(ZERO) == 14
    assert [p.uid for p in ZERO][:3] == ["s-a", "p1", "p2"]
    assert ZERO.provision("p5-a").margin_label == "(a)"
    assert ZERO.provision("p5").margin_label == "5"
    assert not ZERO.provision("s-a").is_amendable


def test_an_untitled_draft_with_an_unlettered_heading() -> None:
    version = parse_draft("## Preamble\n1. Text\n  that continues.\n")
    assert version.provision("p1").text == "Text that continues."
    assert render_draft(version) == "## Preamble\n\n1. Text that continues.\n"
    assert parse_draft("1. Text.", default_title="Untitled").title == "Untitled"


def test_a_lone_sub_paragraph_renders_indented() -> None:
    lone = Version("", (Provision("p1-a", ProvisionKind.SUBPARAGRAPH, "1(a)", "text", "p1"),))
    assert render_draft(lone) == "   (a) text\n"


@given(
    st.lists(
        st.sampled_from(["States", "should", "cooperate.", "Norms", "apply,"]),
        min_size=1,
        max_size=20,
    )
)
def test_any_paragraph_survives_a_round_trip(words: list[str]) -> None:
    version = parse_draft("1. " + " ".join(words))
    assert parse_draft(render_draft(version)) == version


@pytest.mark.parametrize(
    ("text", "params"),
    [
        ("# Title only\n", {"line": 0, "problem": "no-paragraphs"}),
        ("", {"line": 0, "problem": "no-paragraphs"}),
        ("## A. Heading\nloose text\n", {"line": 2, "problem": "text-outside-paragraph"}),
        ("(a) orphan sub-paragraph\n", {"line": 1, "problem": "subparagraph-without-paragraph"}),
        ("1. One.\n1. Again.\n", {"line": 2, "problem": "duplicate-number"}),
    ],
)
def test_malformed_drafts_name_the_line(text: str, params: dict[str, object]) -> None:
    with pytest.raises(MalformedDraft) as refused:
        parse_draft(text)
    assert refused.value.params() == params


def test_versions_hash_their_content() -> None:
    rev1 = parse_draft(fixture_text("rev1.md"))
    assert ZERO.content_hash != rev1.content_hash
    assert ZERO.content_hash == load_version("zero_draft.md").content_hash
    with pytest.raises(UnknownProvision):
        ZERO.provision("p99")


def test_drafting_an_amendment_checks_the_wording() -> None:
    text = ZERO.provision("p4").text
    assert not draft_amendment(ZERO, "p4", text.replace("concern", "grave  concern")).is_empty
    assert normalise_wording("  a \n b ") == "a b"
    with pytest.raises(NotAmendable):
        draft_amendment(ZERO, "s-a", "Heading")
    with pytest.raises(EmptyText):
        draft_amendment(ZERO, "p4", "  ")
    with pytest.raises(TextTooLong) as refused:
        draft_amendment(ZERO, "p4", "x" * (MAX_WORDING_CHARS + 1))
    assert refused.value.params() == {"length": MAX_WORDING_CHARS + 1, "limit": MAX_WORDING_CHARS}
    with pytest.raises(UnchangedText) as unchanged:
        draft_amendment(ZERO, "p4", text)
    assert unchanged.value.params() == {"uid": "p4"}
    assert Amendment("h", ()).is_empty


def test_a_justification_is_trimmed_and_bounded() -> None:
    assert check_justification("  Because.  ") == "Because."
    with pytest.raises(TextTooLong):
        check_justification("x" * (MAX_JUSTIFICATION_CHARS + 1))


DELEGATE = Actor(Role.DELEGATE, "KEN", ParticipantKind.MEMBER, frozenset({"AG"}))


@pytest.mark.parametrize(
    ("actor", "delegation", "group", "reason"),
    [
        (PUBLIC, "KEN", None, Reason.NOT_A_DELEGATE),
        (Actor(Role.DELEGATE, "ICRC", ParticipantKind.OBSERVER), "ICRC", None, Reason.NOT_A_MEMBER),
        (DELEGATE, "BRA", None, Reason.OTHER_DELEGATION),
        (DELEGATE, "KEN", "EU", Reason.NO_GROUP_MANDATE),
    ],
)
def test_who_may_propose(actor: Actor, delegation: str, group: str | None, reason: Reason) -> None:
    with pytest.raises(NotPermitted) as refused:
        check_may_propose(actor, for_delegation=delegation, on_behalf_of=group)
    assert refused.value.params() == {"reason": reason}
    check_may_propose(DELEGATE, for_delegation="KEN", on_behalf_of="AG")
    assert may_propose(DELEGATE)
    assert not may_propose(PUBLIC)


def test_refusals_carry_codes_and_params() -> None:
    stale = VersionNotCurrent(version="Rev.1", current="Rev.2")
    assert (stale.code, stale.params()) == (
        "version-not-current",
        {"version": "Rev.1", "current": "Rev.2"},
    )

    # The fields are the parameters, whether the refusal has slots (as accord's do) or not.
    @dataclass
    class Plain(Refusal):
        detail: int
        note: str = "none"

    assert (Plain(3).code, Plain(3).params()) == ("refused", {"detail": 3, "note": "none"})
    assert datetime(2025, 1, 1, tzinfo=UTC).tzinfo is UTC
