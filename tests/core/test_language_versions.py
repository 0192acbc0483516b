"""Language versions: tied to the original provision by provision, out of date when a
revision changes what they render."""

import pytest

from accord.core.draft_text import parse_draft
from accord.core.errors import UnknownProvision
from accord.core.language_versions import (
    LineState,
    MissingTranslation,
    NegotiatingLanguage,
    Rendering,
    TranslationLength,
    TranslationMismatch,
    UnknownLanguage,
    check_language,
    direction,
    match_structure,
    parallel,
    renderings,
    renderings_hash,
    stale,
    translated,
)
from accord.core.provisions import content_hash

ORIGINAL = parse_draft(
    "# Report\n## A. Introduction\n1. The group met.\n"
    "2. States should cooperate:\n(a) by sharing;\n(b) by helping.\n"
)
FRENCH = parse_draft(
    "# Rapport\n## A. Introduction\n1. Le Groupe s'est réuni.\n"
    "2. Les États devraient coopérer :\n(a) en partageant ;\n(b) en aidant.\n"
)


def test_the_six_languages_and_their_direction() -> None:
    assert direction("ar") == "rtl"
    assert [direction(code) for code in ("zh", "en", "fr", "ru", "es")] == ["ltr"] * 5
    check_language("fr", "en")
    with pytest.raises(UnknownLanguage) as unknown:
        check_language("de", "en")
    assert unknown.value.language == "de"
    with pytest.raises(NegotiatingLanguage):
        check_language("en", "en")


def test_a_translated_file_matches_the_original_position_by_position() -> None:
    matched = match_structure(ORIGINAL, FRENCH)
    assert [r.uid for r in matched] == [p.uid for p in ORIGINAL]
    assert matched[1] == Rendering("p1", "Le Groupe s'est réuni.", content_hash("The group met."))


def test_a_file_with_another_number_of_provisions_is_refused() -> None:
    shorter = parse_draft("# Rapport\n## A. Introduction\n1. Le Groupe s'est réuni.\n")
    with pytest.raises(TranslationLength) as refused:
        match_structure(ORIGINAL, shorter)
    assert refused.value.params() == {"expected": 5, "found": 2}


def test_a_file_numbered_otherwise_is_refused_at_the_first_difference() -> None:
    renumbered = parse_draft(
        "# Rapport\n## A. Introduction\n1. Le Groupe s'est réuni.\n"
        "3. Les États devraient coopérer :\n(a) en partageant ;\n(b) en aidant.\n"
    )
    with pytest.raises(TranslationMismatch) as refused:
        match_structure(ORIGINAL, renumbered)
    assert refused.value.params() == {"position": 3, "expected": "2.", "found": "3."}
    reshaped = parse_draft(
        "# Rapport\n## A. Introduction\n1. Le Groupe s'est réuni.\n"
        "2. Les États devraient coopérer.\n3. En partageant.\n(b) en aidant.\n"
    )
    with pytest.raises(TranslationMismatch) as refused:
        match_structure(ORIGINAL, reshaped)
    assert refused.value.params() == {"position": 4, "expected": "(a)", "found": "3."}


def test_renderings_by_uid_cover_every_provision() -> None:
    texts = {p.uid: f"[fr] {p.text}" for p in ORIGINAL}
    assert renderings(ORIGINAL, texts)[0].text == "[fr] Introduction"
    with pytest.raises(UnknownProvision):
        renderings(ORIGINAL, {**texts, "p9": "?"})
    with pytest.raises(MissingTranslation) as blank:
        renderings(ORIGINAL, {**texts, "p1": "  "})
    assert blank.value.uid == "p1"
    del texts["p2-b"]
    with pytest.raises(MissingTranslation) as missing:
        renderings(ORIGINAL, texts)
    assert missing.value.uid == "p2-b"


def test_a_revision_leaves_changed_paragraphs_out_of_date_and_new_ones_missing() -> None:
    french = match_structure(ORIGINAL, FRENCH)
    revised = parse_draft(
        "# Report\n## A. Introduction\n1. The group met twice.\n"
        "2. States should cooperate:\n(a) by sharing;\n(b) by helping.\n3. New paragraph.\n"
    )
    lines = parallel(revised, french)
    states = {line.original.uid: line.state for line in lines}
    assert states == {
        "s-a": LineState.CURRENT,
        "p1": LineState.OUT_OF_DATE,
        "p2": LineState.CURRENT,
        "p2-a": LineState.CURRENT,
        "p2-b": LineState.CURRENT,
        "p3": LineState.MISSING,
    }
    assert stale(lines) == ("p1", "p3")
    assert [line.text for line in lines][1] == "Le Groupe s'est réuni."
    version = translated("Rapport", lines)
    assert version.title == "Rapport"
    assert [p.text for p in version][1:3] == [
        "Le Groupe s'est réuni.",
        "Les États devraient coopérer :",
    ]
    assert version.provision("p3").text == "New paragraph."
    assert version.provision("p2-a").parent == "p2"
    assert stale(parallel(ORIGINAL, french)) == ()


def test_the_hash_changes_with_any_rendering() -> None:
    french = match_structure(ORIGINAL, FRENCH)
    changed = (Rendering(french[0].uid, "Autre", french[0].source), *french[1:])
    assert renderings_hash("Rapport", french) != renderings_hash("Rapport", changed)
    assert renderings_hash("Rapport", french) == renderings_hash("Rapport", tuple(french))
