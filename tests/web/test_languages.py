"""The language switcher: six languages, each named in itself; the choice remembered for a
signed-in person in their profile and for a visitor in the language cookie, and preferred to
the browser's Accept-Language."""

import re

import pytest
from django.conf import settings
from django.test import Client

from accord.store import models

pytestmark = pytest.mark.django_db

COOKIE = settings.LANGUAGE_COOKIE_NAME


def _html_tag(response):
    return re.search(r"<html [^>]*>", response.content.decode()).group(0)


def test_the_header_offers_the_six_languages_each_named_in_itself(client, negotiation):
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    offered = re.findall(
        r'<button type="submit" name="language" value="([^"]+)" lang="([^"]+)" '
        r'class="link"( aria-current="true")?>([^<]+)</button>',
        page,
    )
    assert offered == [
        ("en", "en", "", "English"),
        ("fr", "fr", ' aria-current="true"', "Français"),
        ("es", "es", "", "Español"),
        ("ar", "ar", "", "العربية"),
        ("ru", "ru", "", "Русский"),
        ("zh-hans", "zh-hans", "", "中文"),
    ]


@pytest.mark.parametrize(
    ("code", "tag"),
    [
        ("en", '<html lang="en" dir="ltr">'),
        ("fr", '<html lang="fr" dir="ltr">'),
        ("es", '<html lang="es" dir="ltr">'),
        ("ar", '<html lang="ar" dir="rtl">'),
        ("ru", '<html lang="ru" dir="ltr">'),
        ("zh-hans", '<html lang="zh-hans" dir="ltr">'),
    ],
)
def test_a_visitor_reaches_the_home_page_in_each_language_and_it_stays_chosen(
    client, negotiation, code, tag
):
    chosen = client.post("/language/", {"language": code, "next": "/p/wg/"})
    assert (chosen.status_code, chosen["Location"]) == (302, "/p/wg/")
    assert chosen.cookies[COOKIE].value == code
    home = client.get("/", HTTP_ACCEPT_LANGUAGE="ru" if code != "ru" else "fr")
    assert _html_tag(home) == tag
    assert home["Content-Language"] == code


def test_a_signed_in_persons_choice_is_kept_in_their_profile_and_wins_over_the_browser(
    negotiation,
):
    delegate = negotiation.brazil
    first = Client()
    first.force_login(delegate)
    assert first.post("/language/", {"language": "ar", "next": "/"}).status_code == 302
    assert models.Profile.objects.get(user=delegate).language == "ar"

    elsewhere = Client()  # another browser: no cookie, another session, English asked for
    elsewhere.force_login(delegate)
    page = elsewhere.get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert _html_tag(page) == '<html lang="ar" dir="rtl">'
    assert elsewhere.post("/language/", {"language": "zh-hans"}).status_code == 302
    assert _html_tag(elsewhere.get("/")) == '<html lang="zh-hans" dir="ltr">'
    assert models.Profile.objects.get(user=delegate).language == "zh-hans"


def test_without_a_choice_the_browsers_language_is_used(client, negotiation):
    client.force_login(negotiation.chair)
    assert _html_tag(client.get("/", HTTP_ACCEPT_LANGUAGE="es")) == '<html lang="es" dir="ltr">'
    assert not models.Profile.objects.filter(user=negotiation.chair).exists()


def test_a_language_accord_does_not_speak_is_refused_and_nothing_is_kept(client, negotiation):
    client.force_login(negotiation.chair)
    refused = client.post("/language/", {"language": "de", "next": "/"})
    assert refused.status_code == 400
    assert refused.content.decode() == (
        "accord speaks the six official languages of the United Nations only."
    )
    assert COOKIE not in refused.cookies
    assert not models.Profile.objects.exists()


def test_the_switcher_never_sends_anyone_to_another_site(client, db):
    away = client.post("/language/", {"language": "fr", "next": "https://elsewhere.example/"})
    assert (away.status_code, away["Location"]) == (302, "/")


def test_the_switcher_takes_only_a_post(client, db):
    assert client.get("/language/?language=fr").status_code == 405


def test_delegations_and_groups_are_named_in_the_readers_language_and_isolated(client, negotiation):
    client.post("/language/", {"language": "fr"})
    page = client.get("/p/wg/participants/").content.decode()
    assert "<li><bdi>Brésil</bdi> <span" in page
    assert "(<bdi>Groupe des États d&#x27;Amérique latine et des Caraïbes</bdi>)" in page
    assert "<li><bdi>Saint-Siège</bdi></li>" in page
    client.post("/language/", {"language": "ar"})
    page = client.get("/p/wg/participants/").content.decode()
    assert "<li><bdi>البرازيل</bdi> <span" in page
    assert "<li><bdi>الكرسي الرسولي</bdi></li>" in page


def test_the_record_keeps_the_english_names_whatever_the_page_shows(client, negotiation):
    client.post("/language/", {"language": "zh-hans"})
    assert "<bdi>巴西</bdi>" in client.get("/p/wg/participants/").content.decode()
    assert models.Delegation.objects.get(code="BRA").name == "Brazil"


def test_a_refusal_names_the_delegation_in_the_readers_language():
    from django.utils import translation

    from accord.words.refusals import delegation_name

    with translation.override("ru"):
        assert delegation_name("RUS") == "Российская Федерация"
        assert delegation_name("XEU") == "XEU"
    with translation.override("en"):
        assert delegation_name("RUS") == "Russian Federation"


def test_a_delegation_may_be_typed_by_its_name_in_any_of_the_six_languages():
    from accord.web.forms import delegation_codes

    assert delegation_codes("Brésil, Бразилия, 巴西, البرازيل, brasil") == ["BRA"]
    assert delegation_codes("Fédération de Russie; États-Unis d'Amérique") == ["RUS", "USA"]


@pytest.mark.parametrize(
    ("code", "written"),
    [
        ("en", r"\d{1,2} [A-Z][a-z]+ \d{4}"),
        (
            "fr",
            r"\d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre"
            r"|novembre|décembre) \d{4}",
        ),
        ("zh-hans", r"\d{4}年\d{1,2}月\d{1,2}日"),
        ("ru", r"\d{1,2} [\u0430-\u044f]+ \d{4} \u0433\."),  # "3 December 2026 y."
    ],
)
def test_dates_are_written_in_the_readers_language_and_kept_as_recorded(
    client, negotiation, code, written
):
    client.post("/language/", {"language": code})
    page = client.get("/p/wg/report/v1/").content.decode()
    issued = re.search(r'<time datetime="([^"]+)">([^<]+)</time>', page)
    assert re.fullmatch(written, issued.group(2)), issued.group(2)
    assert issued.group(1) == negotiation.version.issued_at.isoformat()


def test_the_error_page_of_a_failure_is_in_the_readers_language(rf):
    from django.utils import translation
    from django.views.defaults import server_error

    with translation.override("ar"):
        page = server_error(rf.get("/")).content.decode()
        said = translation.gettext("Something went wrong")
    assert '<html lang="ar" dir="rtl">' in page
    assert f"<h1>{said}</h1>" in page


def test_the_action_itself_refuses_a_language_accord_does_not_speak(negotiation):
    from accord.actions.preferences import LanguageUnknown, choose_language

    with pytest.raises(LanguageUnknown):
        choose_language(negotiation.brazil, "de")
    assert not models.Profile.objects.exists()


def test_the_scripts_hold_no_words_of_their_own():
    """What a script says comes from its page, translated there (``data-`` attributes): a
    string of words in a script would reach every reader in English."""
    from pathlib import Path

    scripts = Path(__file__).resolve().parents[2] / "src" / "accord" / "web" / "static"
    worded = []
    for script in sorted(scripts.rglob("*.js")):
        lines = script.read_text("utf-8").splitlines()
        code = "\n".join(line for line in lines if not line.strip().startswith("//"))
        for found in re.finditer(r"\"([^\"\n]*)\"|'([^'\n]*)'|`([^`]*)`", code):
            text = next(group for group in found.groups() if group is not None)
            if re.search(r"[^\W\d_]{2,}\s+[^\W\d_]{2,}", text) and text != "use strict":
                worded.append(f"{script.name}: {text!r}")
    assert worded == []
