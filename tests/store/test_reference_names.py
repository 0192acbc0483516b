"""The member states', observers' and groups' short names in the six official languages,
shipped with the reference data, and where they knowingly differ from CLDR's."""

import re
from pathlib import Path

from babel import Locale
from babel.core import get_global

from accord.store.reference import local_name, reference_data

OTHER_LANGUAGES = ("ar", "es", "fr", "ru", "zh-hans")
BABEL_LOCALES = {"ar": "ar", "es": "es", "fr": "fr", "ru": "ru", "zh-hans": "zh_Hans"}
DOCS = Path(__file__).resolve().parents[2] / "docs" / "languages.md"


def _entries(*kinds):
    data = reference_data()
    return [entry for kind in kinds for entry in data[kind]]


def test_every_delegation_and_group_has_its_name_in_the_five_other_languages():
    entries = _entries(
        "members", "observer_states", "observer_organisations", "regional_groups", "groups"
    )
    assert len(entries) == 193 + 2 + 1 + 5 + 8
    for entry in entries:
        names = entry["names"]
        assert sorted(names) == list(OTHER_LANGUAGES), entry["code"]
        assert all(name.strip() == name and name for name in names.values()), entry["code"]


def test_a_name_is_looked_up_by_language_and_an_unknown_code_falls_back():
    assert local_name("CHN", language="zh-hans") == "中国"
    assert local_name("GBR", language="fr") == (
        "Royaume-Uni de Grande-Bretagne et d'Irlande du Nord"
    )
    assert local_name("african-group", language="ar") == "مجموعة الدول الأفريقية"
    assert local_name("DEU", language="en") == "Germany"
    assert local_name("ngo-1", default="A stakeholder", language="ru") == "A stakeholder"
    assert local_name("ngo-1", language="ru") == "ngo-1"


def _differences_from_cldr():
    aliases = get_global("territory_aliases")
    found = {}
    for entry in _entries("members", "observer_states"):
        territory = aliases[entry["code"]][0]
        differ = [
            language
            for language in OTHER_LANGUAGES
            if Locale.parse(BABEL_LOCALES[language]).territories[territory]
            != entry["names"][language]
        ]
        if differ:
            found[entry["code"]] = differ
    return found


def test_the_docs_list_exactly_the_names_that_differ_from_cldr():
    rows = re.findall(r"^\| `([A-Z]{3})` \| [^|]+ \| ([a-z, -]+) \|$", DOCS.read_text(), re.M)
    listed = {
        code: [language.strip() for language in languages.split(",")] for code, languages in rows
    }
    assert listed == _differences_from_cldr()
