"""The interface's message catalogues: every string of the sources translated into the five
other official languages, nothing fuzzy, every compiled catalogue the same as its .po.

The first test is the one that guards accord's own catalogues; the others prove, on a small
catalogue of their own, that the check finds each kind of problem."""

import gettext
from pathlib import Path

import pytest

from accord.cli.messages import LANGUAGES, catalogue, check, compile_catalogue, extract

SOURCES = Path(__file__).resolve().parents[2] / "src" / "accord"


def test_every_string_of_the_interface_is_translated_into_the_five_languages_and_compiled():
    problems = check(SOURCES, LANGUAGES)
    shown = "\n".join(problems[:40])
    assert problems == [], f"{len(problems)} problems in the catalogues; the first:\n{shown}"


HEADER = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: fr\\n"
"Plural-Forms: nplurals=3; plural=(n == 0 || n == 1) ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2;\\n"
"""

COMPLETE = {
    "Chair's summary": 'msgid "Chair\'s summary"\nmsgstr "Résumé du Président"\n',
    "silence procedure": 'msgid "Silence procedure"\nmsgstr "Procédure d\'approbation tacite"\n',
    "paragraphs": (
        '#, python-format\nmsgid "One paragraph agreed"\nmsgid_plural "%(n)s paragraphs agreed"\n'
        'msgstr[0] "Un paragraphe convenu"\nmsgstr[1] "%(n)s de paragraphes convenus"\n'
        'msgstr[2] "%(n)s paragraphes convenus"\n'
    ),
}


@pytest.fixture
def sources(tmp_path):
    """A small application: a module and a template with four strings, one with plurals."""
    app = tmp_path / "app"
    (app / "templates").mkdir(parents=True)
    (app / "views.py").write_text(
        "from django.utils.translation import gettext as _, ngettext\n"
        'TITLE = _("Chair\'s summary")\n'
        "def agreed(n):\n"
        '    return ngettext("One paragraph agreed", "%(n)s paragraphs agreed", n) % {"n": n}\n'
    )
    (app / "templates" / "page.html").write_text(
        '{% load i18n %}<h1>{% translate "Silence procedure" %}</h1>\n'
    )
    return app


def write_catalogue(app: Path, entries: dict[str, str], *, compiled: bool = True) -> Path:
    po = catalogue(app, "fr")
    po.parent.mkdir(parents=True, exist_ok=True)
    po.write_text(HEADER + "".join("\n" + entry for entry in entries.values()), "utf-8")
    if compiled:
        compile_catalogue(po)
    return po


def test_a_complete_compiled_catalogue_has_no_problem_and_extraction_keeps_it(sources):
    po = write_catalogue(sources, COMPLETE)
    assert check(sources, ["fr"]) == []
    extract(sources, ["fr"])
    assert "Procédure d'approbation tacite" in po.read_text("utf-8")
    assert check(sources, ["fr"]) == []


def test_a_string_of_the_sources_missing_from_the_catalogue_is_named(sources):
    write_catalogue(sources, {k: v for k, v in COMPLETE.items() if k != "silence procedure"})
    assert check(sources, ["fr"]) == ["fr: untranslated: 'Silence procedure'"]


def test_an_empty_translation_is_named(sources):
    emptied = COMPLETE | {"Chair's summary": 'msgid "Chair\'s summary"\nmsgstr ""\n'}
    write_catalogue(sources, emptied)
    assert check(sources, ["fr"]) == ['fr: untranslated: "Chair\'s summary"']


def test_a_plural_missing_one_of_the_languages_forms_is_named(sources):
    two_forms = COMPLETE["paragraphs"].replace('msgstr[2] "%(n)s paragraphes convenus"\n', "")
    write_catalogue(sources, COMPLETE | {"paragraphs": two_forms})
    assert check(sources, ["fr"]) == ["fr: plural forms missing: 'One paragraph agreed'"]
    blank_form = COMPLETE["paragraphs"].replace('"%(n)s de paragraphes convenus"', '""')
    po = write_catalogue(sources, COMPLETE | {"paragraphs": blank_form})
    assert check(sources, ["fr"]) == ["fr: plural forms missing: 'One paragraph agreed'"]
    # Compiled, an incomplete plural is left out: the page falls back to English, not to "".
    with po.with_suffix(".mo").open("rb") as compiled:
        read = gettext.GNUTranslations(compiled)
    assert read.ngettext("One paragraph agreed", "%(n)s paragraphs agreed", 7) == (
        "%(n)s paragraphs agreed"
    )
    assert read.gettext("Silence procedure") == "Procédure d'approbation tacite"


def test_a_fuzzy_entry_is_named(sources):
    fuzzy = COMPLETE | {"Chair's summary": "#, fuzzy\n" + COMPLETE["Chair's summary"]}
    write_catalogue(sources, fuzzy)
    assert check(sources, ["fr"]) == ['fr: fuzzy: "Chair\'s summary"']


def test_a_compiled_catalogue_that_differs_from_its_po_is_named(sources):
    po = write_catalogue(sources, COMPLETE)
    po.write_text(po.read_text("utf-8").replace("Résumé du Président", "Résumé"), "utf-8")
    assert check(sources, ["fr"]) == ["fr: django.mo differs from django.po: run accord messages"]
    po.with_suffix(".mo").unlink()
    assert check(sources, ["fr"]) == ["fr: django.mo is missing: run accord messages"]


def test_the_check_changes_nothing_in_the_sources(sources):
    po = write_catalogue(sources, {k: v for k, v in COMPLETE.items() if k != "paragraphs"})
    before = po.read_bytes(), po.with_suffix(".mo").read_bytes()
    assert check(sources, ["fr"]) == ["fr: plural forms missing: 'One paragraph agreed'"]
    assert (po.read_bytes(), po.with_suffix(".mo").read_bytes()) == before
