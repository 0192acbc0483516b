"""Language versions: added by the Secretariat from a Word file or provision by provision,
recorded as events, carried into revisions and out of date where a revision changed the text."""

import pytest
from tests.builders import assert_refused_without_trace, make_negotiation
from tests.translations import FRENCH, word_file

from accord.actions.language_versions import add_language_version, import_language_version
from accord.actions.revisions import issue_revision
from accord.core.errors import NotPermitted
from accord.core.language_versions import (
    LineState,
    NegotiatingLanguage,
    TranslationLength,
    TranslationMismatch,
    UnknownLanguage,
)
from accord.core.participants import Reason
from accord.documents.words import Words
from accord.store import models, queries

pytestmark = pytest.mark.django_db


def _state() -> tuple[int, int]:
    return models.LanguageVersion.objects.count(), models.Event.objects.count()


def test_the_secretariat_imports_a_french_word_file_recorded_as_an_event() -> None:
    room = make_negotiation()
    row = import_language_version(
        room.version,
        by=room.secretariat,
        language="fr",
        data=word_file(FRENCH, "fr"),
        filename="rapport.docx",
    )
    assert row.title == "Rapport du groupe de travail (essai)"
    french = queries.language_text(room.version, "fr")
    assert french is not None
    assert french.stale == ()
    assert not french.carried
    by_uid = {line.original.uid: line.text for line in french.lines}
    assert by_uid[room.uid("3(b)")] == "en échangeant des informations sur les incidents."
    assert by_uid[room.uid("1")].startswith("Le groupe de travail a tenu")
    event = models.Event.objects.latest("seq")
    assert event.kind == "language-version.added"
    assert event.actor == room.secretariat
    assert event.payload["language"] == "fr"
    assert event.payload["version"] == 1
    assert event.payload["content_hash"] == row.content_hash
    assert event.payload["file"]["name"] == "rapport.docx"


def test_the_title_is_the_title_styled_line_below_front_matter_in_the_language() -> None:
    room = make_negotiation()
    french = Words(
        distribution="Distr. générale",
        original="Original : %(language)s",
        language="anglais",
        months=tuple(f"mois{n}" for n in range(1, 13)),
    )
    row = import_language_version(
        room.version, by=room.secretariat, language="fr", data=word_file(FRENCH, "fr", french)
    )
    assert row.title == "Rapport du groupe de travail (essai)"


def test_a_file_that_does_not_follow_the_original_is_refused_and_nothing_stored() -> None:
    room = make_negotiation()
    shorter = FRENCH.split("4. Les normes")[0]
    assert_refused_without_trace(
        TranslationLength(expected=8, found=7),
        _state,
        lambda: import_language_version(
            room.version, by=room.secretariat, language="fr", data=word_file(shorter, "fr")
        ),
    )
    renumbered = FRENCH.replace("\n4. Les normes", "\n5. Les normes")
    assert_refused_without_trace(
        TranslationMismatch(position=8, expected="4.", found="5."),
        _state,
        lambda: import_language_version(
            room.version, by=room.secretariat, language="fr", data=word_file(renumbered, "fr")
        ),
    )


def test_only_the_secretariat_adds_and_only_in_another_official_language() -> None:
    room = make_negotiation()
    data = word_file(FRENCH, "fr")
    for who in (room.chair, room.brazil):
        assert_refused_without_trace(
            NotPermitted(Reason.NOT_SECRETARIAT),
            _state,
            lambda who=who: import_language_version(room.version, by=who, language="fr", data=data),
        )
    for language, refusal in (("de", UnknownLanguage("de")), ("en", NegotiatingLanguage("en"))):
        assert_refused_without_trace(
            refusal,
            _state,
            lambda language=language: import_language_version(
                room.version, by=room.secretariat, language=language, data=data
            ),
        )


def test_a_revision_carries_the_translation_and_marks_the_changed_paragraph() -> None:
    room = make_negotiation()
    texts = {p.uid: f"[es] {p.text}" for p in queries.version_value(room.version)}
    add_language_version(
        room.version, by=room.secretariat, language="es", title="Informe", texts=texts
    )
    draft = queries.version_value(room.version).provisions
    rev1_text = "\n\n".join(
        [f"# {room.version.title}"]
        + [
            f"## {p.label}. {p.text}"
            if p.kind == "section"
            else f"{p.label}. {p.text.replace('three', 'four')}"
            if p.kind == "paragraph"
            else f"   {p.margin_label} {p.text}"
            for p in draft
        ]
    )
    rev1 = issue_revision(room.version.document, by=room.chair, text=rev1_text, label="Rev.1")
    spanish = queries.language_text(rev1, "es")
    assert spanish is not None
    assert spanish.carried
    states = {line.original.label: line.state for line in spanish.lines}
    assert states["1"] is LineState.OUT_OF_DATE
    assert [label for label, state in states.items() if state is not LineState.CURRENT] == ["1"]
    assert [p.label for p in spanish.out_of_date] == ["1"]
    assert queries.language_texts(rev1)[0].language == "es"
    assert queries.language_text(rev1, "fr") is None


def test_the_secretariat_translates_an_entry_of_the_chairs_summary() -> None:
    from accord.actions.language_versions import translate_summary_entry
    from accord.actions.statements import add_summary_entry
    from accord.core.national_views import EmptyStatement

    room = make_negotiation()
    entry = add_summary_entry(
        room.process, by=room.chair, text="Some delegations asked for more.", delegations=["BRA"]
    )

    def state() -> tuple[int, int]:
        return models.SummaryEntryTranslation.objects.count(), models.Event.objects.count()

    assert_refused_without_trace(
        NotPermitted(Reason.NOT_SECRETARIAT),
        state,
        lambda: translate_summary_entry(entry, by=room.chair, language="fr", text="Certaines."),
    )
    assert_refused_without_trace(
        EmptyStatement(),
        state,
        lambda: translate_summary_entry(entry, by=room.secretariat, language="fr", text="  "),
    )
    row = translate_summary_entry(
        entry, by=room.secretariat, language="ar", text=" طلبت بعض الوفود المزيد. "
    )
    assert (row.text, row.direction, row.language_name) == (
        "طلبت بعض الوفود المزيد.",
        "rtl",
        "العربية",
    )
    event = models.Event.objects.latest("seq")
    assert event.kind == "summary.translated"
    assert event.subject == f"summary-entry:{entry.pk}"
    assert event.payload["language"] == "ar"
