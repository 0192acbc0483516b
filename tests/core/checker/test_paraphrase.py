"""Paraphrases found through lemmas and synonym families, with what they change named, and the
writer's words kept apart from what a sentence quotes or reports."""

import json

import pytest

from accord.core.checker import Verdict, build_index, check_passage, parse_corpus
from accord.core.checker.alterations import Alteration
from accord.core.checker.paraphrase import ConceptIndex, concepts, find, lemma
from accord.core.checker.words import words_of
from accord.data.starter import starter_corpus_bytes

VIEW = {
    "document": "Statement of Freedonia",
    "provision": "N9",
    "status": "national-view",
    "holder": "Freedonia",
    "date": None,
    "text": "All ICT operations against electoral infrastructure are prohibited in all "
    "circumstances.",
}
ENTRIES = parse_corpus([*starter_corpus_bytes().decode("utf-8").splitlines(), json.dumps(VIEW)])
INDEX = build_index(ENTRIES)
Q, UP, DOWN = Alteration.QUALIFIER_DROPPED, Alteration.MODAL_STRENGTHENED, Alteration.MODAL_WEAKENED
WIDE, NARROW, NEG = Alteration.SCOPE_WIDENED, Alteration.SCOPE_NARROWED, Alteration.NEGATION_CHANGED


def _check(passage):
    return check_passage(INDEX, passage).findings


def test_a_press_paraphrase_that_makes_a_norm_an_obligation_is_named():
    frame, *_ = found = _check(
        "Norm (g) underscores the obligation of all states to protect critical infrastructure "
        "within their jurisdiction from cybersecurity threats."
    )
    assert len(found) == 1
    assert (frame.verdict, frame.source.provision) == (Verdict.AGREED_ALTERED, "13(g)")
    assert (frame.paraphrase, frame.reported, frame.framing) == (
        True,
        True,
        "Norm (g) underscores",
    )
    assert frame.alterations == (Q, UP, WIDE)
    assert frame.qualifiers_dropped == ("appropriate", "taking into account")
    assert frame.alignment == (
        ("obligation", "should"),
        ("states", "States"),
        ("protect", "protect"),
        ("critical infrastructure", "critical infrastructure"),
        ("cybersecurity", "ICT"),
        ("threats", "threats"),
    )
    assert frame.segment.startswith("Norm (g) underscores the obligation")
    assert frame.passage_marks[0].text == "Norm (g) underscores "


def test_a_reordered_sentence_with_qualifiers_dropped():
    (found,) = _check("Critical infrastructure must be protected by States from ICT threats.")
    assert (found.verdict, found.source.provision, found.paraphrase) == (
        Verdict.AGREED_ALTERED,
        "13(g)",
        True,
    )
    assert found.alterations == (Q, UP)
    assert [(m.kind.value, m.text) for m in found.source_marks][:6] == [
        ("same", "States should "),
        ("unquoted", "take "),
        ("deleted", "appropriate"),
        ("same", " "),
        ("unquoted", "measures to "),
        ("same", "protect "),
    ]


def test_a_prohibition_says_what_should_not_says_but_stronger():
    (found,) = _check(
        "It also prohibits states from using these teams to engage in malicious activities "
        "internationally."
    )
    assert (found.source.provision, found.alterations) == ("13(k)", (UP,))


@pytest.mark.parametrize(
    ("source", "passage", "alterations"),
    [
        ("States should cooperate on incident response.", "States may cooperate on incident "
         "response.", (DOWN,)),
        ("States should not target hospitals with cyber operations.", "States should target "
         "hospitals with cyber operations.", (NEG,)),
        ("All States should protect hospitals from cyber operations.", "Hospitals should be "
         "protected by States from cyber operations.", (NARROW,)),
        ("Only some States should protect hospitals from cyber operations.", "Hospitals should "
         "be protected by States from cyber operations.", (WIDE,)),
        ("States should protect hospitals from cyber operations.", "Hospitals should be "
         "protected by States against cyber operations.", (Alteration.WORDING_CHANGED,)),
        ("States should take reasonable steps to protect hospitals from cyber operations.",
         "Hospitals must be protected by States through reasonable steps against cyber "
         "operations.", (UP,)),
        ("States should take reasonable steps to protect hospitals, consistent with "
         "international law.", "States should protect hospitals.", (Q,)),
    ],
)  # fmt: skip
def test_what_a_paraphrase_changes_is_named(source, passage, alterations):
    index = ConceptIndex.of_texts([source])
    words = words_of(passage)
    found = find(index, lambda e: source, words, 0, len(words))
    assert found is not None
    assert found.alterations == alterations


def test_too_few_concepts_or_too_little_in_common_is_no_paraphrase():
    index = ConceptIndex.of_texts(
        ["States should protect hospitals from cyber operations in wartime."]
    )
    for passage in ("States protect.", "Hospitals are busy places full of patients and staff."):
        words = words_of(passage)
        assert find(index, lambda e: "", words, 0, len(words)) is None


def test_a_paraphrase_of_a_view_said_to_be_agreed_is_flagged():
    (found,) = _check(
        "States agreed that electoral infrastructure operations using ICTs are always banned in "
        "all circumstances."
    )
    assert (found.verdict, found.source.provision) == (Verdict.NATIONAL_VIEW, "N9")
    assert found.agreement_claimed


def test_nothing_close_is_not_found_and_the_concepts_are_built_once():
    index = build_index(ENTRIES)
    (found,) = check_passage(
        index, "We thank the Chair for her able leadership of our work."
    ).findings
    assert found.verdict is Verdict.NOT_FOUND
    built = index.concepts
    assert isinstance(built, ConceptIndex)
    check_passage(index, "We thank the Secretariat for all the support it gave delegations.")
    assert index.concepts is built


def test_a_frame_whose_report_is_found_nowhere_leaves_the_sentence_not_found():
    (found,) = _check("The Chair noted that the weather in Geneva was pleasant for delegations.")
    assert (found.verdict, found.framing) == (Verdict.NOT_FOUND, "")


def test_quotations_are_checked_apart_from_the_writer_s_words():
    found = _check(
        "In its 2015 report, the GGE urged States to, inter alia, 'take reasonable steps to "
        "ensure the integrity of the supply chain so that end users can have confidence in the "
        "security of ICT products', a point often missed."
    )
    assert [(f.verdict, f.frame, f.quoted) for f in found] == [
        (Verdict.NOT_FOUND, True, False),
        (Verdict.AGREED_VERBATIM, False, True),
        (Verdict.NOT_FOUND, True, False),
    ]
    assert found[0].segment == "In its 2015 report, the GGE urged States to, inter alia"
    assert found[1].source.provision == "13(i)"
    assert found[2].segment == "a point often missed."


def test_a_quoted_view_said_to_be_agreed_is_flagged_and_an_unknown_quote_stays_not_found():
    found = _check(
        "States agreed that “all ICT operations against electoral infrastructure are prohibited "
        "in all circumstances” and that “the moon is made of green cheese”."
    )
    assert [(f.verdict, f.agreement_claimed, f.quoted) for f in found] == [
        (Verdict.NOT_FOUND, False, False),
        (Verdict.NATIONAL_VIEW, True, True),
        (Verdict.NOT_FOUND, False, False),
        (Verdict.NOT_FOUND, False, True),
    ]


def test_a_sentence_quoting_nothing_known_is_checked_whole():
    (found,) = _check("He said “the moon is made of green cheese” and left.")
    assert (found.verdict, found.frame, found.quoted) == (Verdict.NOT_FOUND, False, False)


def test_lemmas_and_families():
    assert (lemma("Threats"), lemma("protected")) == ("threat", "protect")
    words = words_of("Critical infrastructure must be protected from cyber threats")
    assert set(concepts(words, 0, len(words)).names) == {
        "~ci",
        "~modal",
        "~protect",
        "~ict",
        "threat",
    }


def test_common_concepts_are_skipped_for_candidates_once_rarer_ones_are_used():
    texts = [f"States should protect critical infrastructure number {n}." for n in range(300)]
    texts.append("States should protect critical infrastructure and submarine cables.")
    index = ConceptIndex.of_texts(texts)
    words = words_of("Countries must safeguard submarine cables and critical infrastructure.")
    found = find(index, lambda e: texts[e], words, 0, len(words))
    assert found is not None
    assert found.entry == 300
    assert index.candidates(frozenset({"~state", "~modal"}), 3) == [0, 1, 2]


def test_a_quotation_that_opens_the_sentence_has_no_words_before_it():
    found = _check(
        "“States should not knowingly allow their territory to be used for internationally "
        "wrongful acts using ICTs,” the report says."
    )
    assert [(f.verdict, f.frame, f.quoted) for f in found] == [
        (Verdict.AGREED_VERBATIM, False, True),
        (Verdict.NOT_FOUND, True, False),
    ]


def test_the_plain_reading_sees_runs_of_words_only():
    passage = (
        "Norm (g) underscores the obligation of all states to protect critical infrastructure "
        "within their jurisdiction from cybersecurity threats."
    )
    (found,) = check_passage(INDEX, passage, plain=True).findings
    assert (found.verdict, found.paraphrase) == (Verdict.NOT_FOUND, False)


def test_an_opening_clause_that_says_what_states_should_do_may_be_the_paraphrase():
    found = _check(
        "It also highlights that states should refrain from cyber activities that could damage "
        "critical infrastructure, thus ensuring the continued provision of essential services "
        "and supporting international peace and security."
    )
    # Norm (f) of the 2015 report, not the United States' norm 2 that says it in fewer words:
    # the qualifier "contrary to its obligations under international law" left out is named,
    # it does not weigh against the norm.
    assert [(f.verdict, f.source and f.source.provision, f.paraphrase) for f in found] == [
        (Verdict.AGREED_ALTERED, "13(f)", True),
        (Verdict.NOT_FOUND, None, False),
    ]
    assert found[0].framing == "It also highlights that"
    assert found[1].segment.startswith("thus ensuring")
    # Without "should" the opening clause is not tried on its own.
    (alone,) = _check(
        "By promoting responsible reporting and sharing of ICT vulnerabilities, states can "
        "mitigate risks, foster innovation, and build a safer digital environment for all."
    )
    assert alone.verdict is Verdict.NOT_FOUND


def test_the_names_of_reports_bodies_and_years_are_no_common_ground():
    # Shared with Estonia's view: "2013 and 2015", "GGE", "consensus reports", "UN".
    (found,) = _check(
        "Every UN member state has endorsed \u2013 by consensus \u2013 the reports of the 2010, "
        "2013 and 2015 GGE."
    )
    assert (found.verdict, found.source) == (Verdict.NOT_FOUND, None)
    words = words_of("the 2015 GGE report of the UN")
    assert concepts(words, 0, len(words)).names == frozenset()


def test_a_stock_phrase_of_few_words_that_say_something_is_no_quotation():
    # "international law ... the use of ICTs": four words that say something, of a sentence
    # that has many more.
    found = _check(
        "Norm (c) underscores the concept of due diligence in international law, particularly "
        "concerning the use of ICTs."
    )
    assert [(f.verdict, f.source) for f in found] == [(Verdict.NOT_FOUND, None)]


def test_a_paraphrase_needs_half_of_what_each_side_says():
    # Five concepts shared with the 2021 report's summary, but a score of 0.45.
    (found,) = _check(
        "Cyber norms are voluntary guidelines and principles that promote responsible state "
        "behaviour in cyberspace."
    )
    assert (found.verdict, found.paraphrase) == (Verdict.NOT_FOUND, False)


def test_agreed_words_a_national_view_quotes_are_the_agreed_text_s():
    passage = (
        "Cumulatively the 2010, 2013 and 2015 GGE outcome reports affirm that existing "
        "international law \u2014 and in particular, the charter of the United Nations in its "
        "entirety \u2014 is applicable and essential to maintaining peace and stability and "
        "promoting an open, secure, stable, accessible and peaceful ICT environment."
    )
    (found,) = _check(passage)
    assert (found.verdict, found.source.document, found.source.provision) == (
        Verdict.AGREED_ALTERED,
        "A/70/174",
        "24",
    )
    # The United Kingdom's own words are still its view.
    (own,) = _check(
        "The application of international law to States\u2019 conduct in cyberspace is clearly "
        "recognised by the international community."
    )
    assert (own.verdict, own.source.holder) == (Verdict.NATIONAL_VIEW, "United Kingdom")


def test_a_closing_clause_after_a_comma_and_may_be_the_paraphrase():
    found = _check(
        "The responsibility to secure ICTs rest largely on States, and each state has "
        "jurisdiction over the ICT infrastructure located within its territory."
    )
    assert [(f.verdict, f.source and f.source.provision, f.paraphrase) for f in found] == [
        (Verdict.NOT_FOUND, None, False),
        (Verdict.AGREED_ALTERED, "27", True),
    ]
    assert found[0].segment.startswith("The responsibility to secure ICTs")
    assert found[1].segment.startswith("each state has jurisdiction")
    assert ("jurisdiction", "jurisdiction") in found[1].alignment
