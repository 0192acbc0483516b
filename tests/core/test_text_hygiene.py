"""Text hygiene: the characters accord accepts, and the text the empty and unchanged checks see."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accord.core.errors import EmptyText, UnchangedText
from accord.core.proposals import ProposalKind, TooFewOptions, draft_amendment, draft_proposal
from accord.core.provisions import Provision, ProvisionKind, Version
from accord.core.text_hygiene import (
    TextKind,
    Unsafe,
    UnsafeCharacter,
    clean_text,
    clean_texts,
    clean_trimmed,
    clean_version,
    visible,
)

WORDING, LINE, PROSE = TextKind.WORDING, TextKind.LINE, TextKind.PROSE


def _refusal(text: str, kind: TextKind = WORDING, field: str = "wording") -> UnsafeCharacter:
    with pytest.raises(UnsafeCharacter) as refused:
        clean_text(text, field=field, kind=kind)
    return refused.value


def test_text_is_normalised_to_nfc() -> None:
    decomposed = "Cote d'Ivoire e\u0301"
    assert clean_text(decomposed, field="wording") == "Cote d'Ivoire é"
    assert visible("e\u0301") == "é"


@pytest.mark.parametrize(
    ("text", "codepoint", "position", "problem"),
    [
        ("a\x00b", 0x00, 2, Unsafe.CONTROL),
        ("ab\x01", 0x01, 3, Unsafe.CONTROL),
        ("\x1b[31m", 0x1B, 1, Unsafe.CONTROL),
        ("a\x7f", 0x7F, 2, Unsafe.CONTROL),
        ("a\x85b", 0x85, 2, Unsafe.CONTROL),
        ("a\x0bb", 0x0B, 2, Unsafe.CONTROL),
        ("a\ud800", 0xD800, 2, Unsafe.SURROGATE),
        ("\udfff", 0xDFFF, 1, Unsafe.SURROGATE),
        ("a\ufffe", 0xFFFE, 2, Unsafe.NONCHARACTER),
        ("a\uffff", 0xFFFF, 2, Unsafe.NONCHARACTER),
        ("a\ufdd0", 0xFDD0, 2, Unsafe.NONCHARACTER),
        ("a\U0010ffff", 0x10FFFF, 2, Unsafe.NONCHARACTER),
        ("a\u202eb", 0x202E, 2, Unsafe.BIDI),
        ("\u202dab", 0x202D, 1, Unsafe.BIDI),
        ("a\u2066b\u2069", 0x2066, 2, Unsafe.BIDI),
        ("a\u200fb", 0x200F, 2, Unsafe.BIDI),
        ("a\u061cb", 0x061C, 2, Unsafe.BIDI),
        ("\u200b", 0x200B, 1, Unsafe.INVISIBLE),
        ("a\u200bb", 0x200B, 2, Unsafe.INVISIBLE),
        ("a\u2060b", 0x2060, 2, Unsafe.INVISIBLE),
        ("\ufeffab", 0xFEFF, 1, Unsafe.INVISIBLE),
        ("co\u00adoperation", 0xAD, 3, Unsafe.INVISIBLE),
        ("a\U000e0041", 0xE0041, 2, Unsafe.INVISIBLE),
        ("a\u3164b", 0x3164, 2, Unsafe.INVISIBLE),
        ("a\u034fb", 0x034F, 2, Unsafe.INVISIBLE),
        ("a\ufe0f", 0xFE0F, 2, Unsafe.INVISIBLE),
        ("\u200c", 0x200C, 1, Unsafe.INVISIBLE),
        ("a\u200d", 0x200D, 2, Unsafe.INVISIBLE),
        ("a \u200cb", 0x200C, 3, Unsafe.INVISIBLE),
        ("a\u200c b", 0x200C, 2, Unsafe.INVISIBLE),
    ],
)
def test_a_refused_character_is_named_with_its_place(
    text: str, codepoint: int, position: int, problem: Unsafe
) -> None:
    assert _refusal(text) == UnsafeCharacter("wording", codepoint, position, problem)


def test_the_refusal_names_the_field_and_the_character() -> None:
    refusal = _refusal("right\u202eleft", field="justification")
    assert refusal.code == "unsafe-character"
    assert refusal.params() == {
        "field": "justification",
        "character": "U+202E",
        "name": "RIGHT-TO-LEFT OVERRIDE",
        "position": 6,
        "problem": "bidi-control",
        "where": "",
    }
    # Control characters and surrogates have no Unicode name; the code point says it all.
    assert _refusal("\x01").params()["name"] == ""
    assert _refusal("\ud800").params()["character"] == "U+D800"


def test_tab_and_line_breaks_only_where_text_spans_lines() -> None:
    text = "1. First\r\n\t(a) second\n2. Third\u2028line"
    assert clean_text(text, field="text") == text
    assert clean_text(text, field="text", kind=PROSE) == text
    assert _refusal("Title\nsecond", LINE, "title") == UnsafeCharacter(
        "title", 0x0A, 6, Unsafe.LINE_BREAK
    )
    assert _refusal("a\tb", LINE).problem == Unsafe.LINE_BREAK
    assert _refusal("a\u2029b", LINE).problem == Unsafe.LINE_BREAK
    assert clean_text("A/75/816", field="symbol", kind=LINE) == "A/75/816"


def test_joiners_are_kept_between_letters() -> None:
    persian = "می\u200cخواهم"  # noqa: RUF001 ("I want": the non-joiner belongs to the spelling)
    assert clean_text(persian, field="wording") == persian
    devanagari = "क्\u200dष"
    assert clean_text(devanagari, field="wording", kind=LINE) == devanagari
    assert visible(persian) == "میخواهم"


def test_direction_marks_and_variation_selectors_only_in_prose() -> None:
    prose = "قال \u200fUN\u200f اليوم \u061c ✔\ufe0f 葛\U000e0100"
    assert clean_text(prose, field="text", kind=PROSE) == prose
    assert visible(prose) == "قال UN اليوم  ✔ 葛"
    assert _refusal(prose, LINE).problem == Unsafe.BIDI
    # Overrides and isolates are refused even in prose.
    assert _refusal("a\u202eb", PROSE).problem == Unsafe.BIDI
    assert _refusal("a\u200bb", PROSE).problem == Unsafe.INVISIBLE


def test_visible_signs_that_are_format_characters_are_kept() -> None:
    arabic_number_sign = "\u0600\u0661\u0662\u0663"  # the number sign before 123
    assert clean_text(arabic_number_sign, field="wording") == arabic_number_sign


def test_clean_texts_cleans_each() -> None:
    assert clean_texts(("e\u0301", "b"), field="options", kind=WORDING) == ("é", "b")
    with pytest.raises(UnsafeCharacter):
        clean_texts(("a", "\x01"), field="options", kind=WORDING)


@given(st.text())
def test_what_passes_is_nfc_and_holds_no_refused_character(text: str) -> None:
    try:
        cleaned = clean_text(text, field="wording")
    except UnsafeCharacter as refusal:
        position = refusal.position
        assert 1 <= position <= len(unicodedata.normalize("NFC", text))
        return
    assert cleaned == unicodedata.normalize("NFC", cleaned)
    assert not any(unicodedata.category(c) in ("Cc", "Cs") and c not in "\t\n\r" for c in cleaned)
    assert "\u200b" not in cleaned
    assert "\u202e" not in cleaned


_VERSION = Version(
    title="T",
    provisions=(Provision("p1", ProvisionKind.PARAGRAPH, "1", "States should cooperate."),),
)


def test_a_wording_a_reader_sees_as_empty_is_empty() -> None:
    with pytest.raises(EmptyText):
        draft_amendment(_VERSION, "p1", "\u200e \ufe0f")
    # Through `draft_proposal`, a wording made only of invisible characters never gets as far.
    for kind in (ProposalKind.WORDING, ProposalKind.ADD):
        with pytest.raises(UnsafeCharacter) as refused:
            draft_proposal(_VERSION, "p1", kind, wording="\u200b")
        assert refused.value == UnsafeCharacter("wording", 0x200B, 1, Unsafe.INVISIBLE)


def test_an_invisible_joiner_does_not_change_the_text() -> None:
    with pytest.raises(UnchangedText):
        draft_amendment(_VERSION, "p1", "States sh\u200dould cooperate.")


def test_alternatives_that_read_the_same_are_one() -> None:
    with pytest.raises(TooFewOptions):
        draft_proposal(
            _VERSION,
            "p1",
            ProposalKind.ALTERNATIVES,
            options=("States must cooperate.", "States mu\u200cst cooperate."),
        )


def test_clean_trimmed_is_empty_when_a_reader_sees_nothing() -> None:
    assert clean_trimmed("  e\u0301 \n", field="note") == "é"
    assert clean_trimmed(" \u200f ", field="note") == ""
    with pytest.raises(UnsafeCharacter):
        clean_trimmed("a\u200bb", field="note")


def test_a_version_is_cleaned_and_a_refusal_names_the_provision() -> None:
    version = Version(
        title="Cafe\u0301",
        provisions=(
            Provision("s-a", ProvisionKind.SECTION, "A", "Introduction"),
            Provision("p1", ProvisionKind.PARAGRAPH, "1", "Re\u0301sume\u0301 of views."),
        ),
    )
    cleaned = clean_version(version)
    assert cleaned.title == "Café"
    assert cleaned.provision("p1").text == "Résumé of views."
    assert cleaned.provision("s-a") == version.provision("s-a")
    spoofed = Version(
        title="T",
        provisions=(
            *version.provisions,
            Provision("p2", ProvisionKind.PARAGRAPH, "2", "States \u202eshould\u202c act."),
        ),
    )
    with pytest.raises(UnsafeCharacter) as refused:
        clean_version(spoofed)
    assert refused.value == UnsafeCharacter("text", 0x202E, 8, Unsafe.BIDI, where="2")
    with pytest.raises(UnsafeCharacter) as refused:
        clean_version(Version(title="a\nb", provisions=()))
    assert refused.value == UnsafeCharacter("title", 0x0A, 2, Unsafe.LINE_BREAK)
    with pytest.raises(UnsafeCharacter) as refused:
        clean_version(Version("T", (Provision("p1", ProvisionKind.PARAGRAPH, "1\u200b", "Text."),)))
    assert refused.value == UnsafeCharacter("label", 0x200B, 2, Unsafe.INVISIBLE, where="1\u200b")
