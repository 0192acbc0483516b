"""The concluded process's adopted report and its Chair's summary in the other official
languages, added by the Secretariat as any translation is. The translations are the demo's
data: `report_translations.json` (by version label, language and paragraph number) and
`summary_translations.json` (the summary's entries in order)."""

import json
from pathlib import Path
from typing import Any

from django.contrib.auth.models import User

from accord.actions.language_versions import add_language_version, translate_summary_entry
from accord.actions.statements import add_summary_entry
from accord.store import models, queries

HERE = Path(__file__).parent


def _data(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((HERE / name).read_text(encoding="utf-8"))
    return loaded


def add_report_translations(document: models.Document, secretariat: User) -> None:
    """The adopted Rev.1 in Arabic, Chinese, French and Russian; the zero draft in Spanish,
    which Rev.1 carries with the paragraphs it changed out of date."""
    for label, languages in _data("report_translations.json").items():
        version = document.versions.get(label=label)
        uid_of = {p.label: p.uid for p in queries.version_value(version)}
        for language, item in languages.items():
            add_language_version(
                version,
                by=secretariat,
                language=language,
                title=item["title"],
                texts={uid_of[number]: text for number, text in item["provisions"].items()},
            )


def add_translated_summary(
    process: models.Process, chair: User, secretariat: User, not_taken_up: models.Proposal
) -> None:
    """The Chair's summary: the proposal not taken up, quoted with its proponent, and a view
    in the Chair's words; then each entry in the other five languages."""
    data = _data("summary_translations.json")
    entries = [
        add_summary_entry(process, by=chair, proposal=not_taken_up),
        add_summary_entry(
            process, by=chair, text=data["entry"]["text"], delegations=data["entry"]["delegations"]
        ),
    ]
    for entry, translations in zip(entries, data["translations"], strict=True):
        for language, text in translations.items():
            translate_summary_entry(entry, by=secretariat, language=language, text=text)
