"""The public page "Check a passage"."""

import re

import pytest

pytestmark = pytest.mark.django_db

PASSAGE = (
    "States shall share information on threats to submarine cables with the operators "
    "concerned. The Group agreed that all ICT operations against electoral infrastructure are "
    "prohibited in all circumstances. We thank the Chair."
)


def _text(response):
    return re.sub(
        r"\s+",
        " ",
        re.sub(r"<[^>]+>", " ", re.sub(r"</?bdi\b[^>]*>", "", response.content.decode())),
    ).strip()


def test_the_page_is_public_and_says_what_the_corpus_holds(
    client, corpus, django_assert_num_queries
):
    with django_assert_num_queries(1):
        page = client.get("/check/")
    assert page.status_code == 200
    text = _text(page)
    assert "Check a passage" in text
    for line in (
        "Provisions adopted by consensus: 15",
        "Provisions adopted by a vote: 1",
        "Paragraphs of Chair's summaries: 2",
        "National views: 3",
        "Proposals not taken up: 1",
        "Provisions in each language: English 22",
    ):
        assert line in text
    assert '<label for="id_text">Passage to check</label>' in page.content.decode()
    assert 'href="/check/"' in client.get("/").content.decode()


def test_each_sentence_gets_its_verdict_in_words_and_the_differences_marked(client, corpus):
    page = client.post("/check/", {"text": PASSAGE})
    assert page.status_code == 200
    html = page.content.decode()
    text = _text(page)
    assert re.findall(r'<li class="finding ([a-z-]+)">', html) == [
        "agreed-altered",
        "national-view",
        "not-found",
    ]
    assert (
        "Agreed language, altered: 1 A national view, not agreed: 1 Found in no agreed source: 1"
        in text
    )
    assert "From T/REP/1, provision C1, adopted by consensus." in text
    assert "a qualifier was dropped: “where appropriate”" in text
    assert "the obligation was strengthened" in text
    assert (
        '<ins class="inserted"><span class="visually-hidden" dir="ltr">added: </span>shall</ins>'
    ) in html
    assert (
        '<del class="deleted"><span class="visually-hidden" dir="ltr">left out: </span>'
        "should, where appropriate,</del>"
    ) in html
    assert "A national view, not agreed" in text
    assert "The view of Freedonia: Statement of Freedonia, N1 — national view." in text
    assert "Found in no agreed source" in text


@pytest.mark.parametrize(
    ("passage", "error"),
    [
        ("   ", "The passage to check has no words."),
        ("word " * 10_001, "The passage is 50005 characters long; the limit is 50000 characters."),
    ],
)
def test_a_passage_that_cannot_be_checked_says_why(client, corpus, passage, error):
    page = client.post("/check/", {"text": passage})
    assert page.status_code == 400
    assert error in _text(page)
    assert "Findings" not in _text(page)


def test_an_empty_corpus_is_said_so(client, db):
    assert "The corpus is empty: nothing can be found yet." in _text(client.get("/check/"))


def test_checking_reads_the_corpus_once_then_keeps_its_index(
    client, corpus, django_assert_num_queries
):
    client.post("/check/", {"text": PASSAGE})
    with django_assert_num_queries(2):
        page = client.post("/check/", {"text": PASSAGE})
    assert page.status_code == 200


NORM_G = (
    "Norm (g) underscores the obligation of all states to protect critical infrastructure "
    "within their jurisdiction from cybersecurity threats."
)


def test_an_empty_instance_offers_the_starter_corpus_and_checks_against_it(client):
    page = client.get("/check/")
    html = page.content.decode()
    assert 'value="starter"' in html
    assert re.search(r'value="starter"[^>]*checked', html)
    response = client.post("/check/", {"text": NORM_G})
    text = _text(response)
    assert "From A/70/174, provision 13(g)" in text
    assert "Reported after the writer's words “Norm (g) underscores”." in text
    assert "the obligation was strengthened" in text
    assert "Found as a paraphrase, not as a quotation." in text
    assert "“obligation” = “should”" in text


def test_the_starter_corpus_may_be_chosen_beside_the_instance_s_own(client, corpus):
    page = client.get("/check/")
    assert re.search(r'value="instance"[^>]*checked', page.content.decode())
    mine = _text(client.post("/check/", {"text": NORM_G, "corpus": "instance"}))
    assert "A/70/174" not in mine
    starter = _text(client.post("/check/", {"text": NORM_G, "corpus": "starter"}))
    assert "From A/70/174, provision 13(g)" in starter


def test_a_national_view_said_to_be_agreed_is_flagged_on_the_page(client, corpus):
    text = _text(client.post("/check/", {"text": PASSAGE}))
    assert "The writer says this was agreed, but its source is not an agreed text." in text


def test_an_unknown_corpus_choice_is_refused_and_nothing_is_checked(client):
    response = client.post("/check/", {"text": NORM_G, "corpus": "elsewhere"})
    assert response.status_code == 400
    assert "Select a valid choice" in _text(response)
    assert "Findings" not in _text(response)


def test_a_passage_is_read_in_its_language_and_the_corpus_languages_are_shown(client, corpus):
    from tests.builders import LANGUAGES_FILE

    from accord.actions.corpus import import_corpus

    import_corpus(LANGUAGES_FILE.read_bytes(), by=None, name="corpus_languages.jsonl")
    text = _text(client.get("/check/"))
    assert (
        "Provisions in each language: English 22, Français 5, Español 5, Русский 5, العربية 5, "
        "中文 5"
    ) in text
    arabic = "ينبغي للدول أن تتبادل المعلومات بشأن التهديدات التي تتعرض لها الكابلات البحرية مع "
    arabic += "المشغلين المعنيين."
    page = client.post("/check/", {"text": arabic})
    html = page.content.decode()
    assert (
        "Read as العربية (told from the passage), and compared with the agreed language in it."
        in _text(page)
    )
    assert re.findall(r'<li class="finding ([a-z-]+)">', html) == ["agreed-altered"]
    assert '<p lang="ar" dir="rtl">' in html
    assert "From T/REP/1, provision C1, adopted by consensus." in _text(page)
    page = client.post("/check/", {"text": arabic, "language": "fr"})
    assert "Read as Français, and compared with the agreed language in it." in _text(page)
    assert re.findall(r'<li class="finding ([a-z-]+)">', page.content.decode()) == ["not-found"]


def test_a_language_not_offered_is_refused(client, corpus):
    page = client.post("/check/", {"text": "States should cooperate.", "language": "de"})
    assert page.status_code == 400
    assert "Select a valid choice. de is not one of the available choices." in _text(page)
    assert "Findings" not in _text(page)
