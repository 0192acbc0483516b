"""A long bracketed text opens on its first part of whole sections, with the parts to go to
and the whole one click away; the kept bracketed text follows the record."""

import re

import pytest

from accord.actions.proposals import submit_proposal
from accord.web import bracketed_views

pytestmark = pytest.mark.django_db

PAGE = "/p/wg/report/v1/bracketed/"


def _text(response):
    return re.sub(
        r"\s+",
        " ",
        re.sub(r"<[^>]+>", " ", re.sub(r"</?bdi\b[^>]*>", "", response.content.decode())),
    ).strip()


def _labels(response):
    return re.findall(r'<span class="label">([^<]*)</span>', response.content.decode())


def test_a_short_bracketed_text_is_one_page(client, negotiation):
    page = client.get(PAGE)
    assert _labels(page) == ["A", "1", "B", "2", "3", "3(a)", "3(b)", "4"]
    assert 'class="parts"' not in page.content.decode()


def test_a_long_bracketed_text_opens_on_its_first_section(client, negotiation, monkeypatch):
    monkeypatch.setattr(bracketed_views, "PART_CHARS", 1)
    submit_proposal(
        negotiation.version, by=negotiation.brazil, provision_uid="p4", wording="New words."
    )
    page = client.get(PAGE)
    text = _text(page)
    assert "1 provision has disputed text." in text
    assert "Part 1 of 2 is shown." in text
    assert "Paragraph 1 Paragraphs 2\N{EN DASH}4" in text
    assert _labels(page) == ["A", "1"]
    html = page.content.decode()
    assert f'href="{PAGE}?all=1" class="show-all"' in html
    assert f'<a href="{PAGE}?part=1" aria-current="page">' in html
    second = client.get(PAGE, {"part": "2"})
    assert _labels(second) == ["B", "2", "3", "3(a)", "3(b)", "4"]
    assert "Part 2 of 2 is shown." in _text(second)
    assert "[New words]" in _text(second)
    whole = client.get(PAGE, {"all": "1"})
    assert _labels(whole) == ["A", "1", "B", "2", "3", "3(a)", "3(b)", "4"]
    assert "The whole bracketed text is shown." in _text(whole)
    assert _labels(client.get(PAGE, {"part": "9"})) == ["A", "1"]


def test_the_kept_bracketed_text_follows_the_record(client, negotiation):
    assert "0 provisions have disputed text." in _text(client.get(PAGE))
    submit_proposal(
        negotiation.version, by=negotiation.brazil, provision_uid="p4", wording="New words."
    )
    page = _text(client.get(PAGE))
    assert "1 provision has disputed text." in page
    assert "[New words]" in page
