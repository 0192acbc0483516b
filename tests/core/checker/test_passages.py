"""The checker on 69 passages with the verdicts a careful reader would give them.

The corpus (``corpus.jsonl``) is written for these tests: a report adopted by consensus, a
resolution adopted by a vote, a Chair's summary, national statements and a proposal.
"""

from pathlib import Path

import pytest

from accord.core.checker import build_index, check_passage, parse_corpus

CORPUS = parse_corpus((Path(__file__).parent / "corpus.jsonl").read_text("utf-8").splitlines())
INDEX = build_index(CORPUS)

V, A, NV, NF = "agreed-verbatim", "agreed-altered", "national-view", "not-found"
Q, UP, DOWN = "qualifier-dropped", "modal-strengthened", "modal-weakened"
NEG, SCOPE, WORDS = "negation-changed", "scope-changed", "wording-changed"

# (passage, [(verdict, provision, alterations), ...]): one entry per sentence or clause.
PASSAGES = [
    # Agreed language, verbatim: exact, other case, other punctuation, partial quotes that keep
    # every qualifier, framing words, a paragraph number, a text adopted by a vote.
    ("States should, where appropriate, share information on threats to submarine cables with "
     "the operators concerned.", [(V, "C1", ())]),
    ("STATES SHOULD NOT KNOWINGLY ALLOW THEIR TERRITORY TO BE USED FOR ICT OPERATIONS THAT HARM "
     "THE PUBLIC CORE OF THE INTERNET.", [(V, "C3", ())]),
    ("states shall settle disputes arising from the use of ICTs by peaceful means",
     [(V, "C5", ())]),
    ("All States should consider the development of national cyber security strategies.",
     [(V, "C9", ())]),
    ("Such strategies may include measures to protect critical infrastructure.", [(V, "C9", ())]),
    ("States may request assistance from other States in responding to serious ICT incidents.",
     [(V, "C10", ())]),
    ("We recall that States affirmed that the Charter of the United Nations applies in its "
     "entirety to State conduct in the use of ICTs.", [(V, "C13", ())]),
    ("States should ensure that ICT measures respect the right to privacy in the digital age.",
     [(V, "4", ())]),
    ("Voluntary non binding norms guide States in their use of ICTs and complement their "
     "obligations under international law.", [(V, "C2", ())]),
    ("Each State  may designate a national authority to receive reports of incidents affecting "
     "its “critical infrastructure”.", [(V, "C7", ())]),
    ("States should, where appropriate, share information on threats to submarine cables with "
     "the operators concerned. States affirmed that the Charter of the United Nations applies in "
     "its entirety to State conduct in the use of ICTs.", [(V, "C1", ()), (V, "C13", ())]),
    ("capacity-building is an essential element of the framework", [(V, "C11", ())]),
    ("States should report, on a voluntary basis, on their implementation of the norms through "
     "the national survey.", [(V, "C12", ())]),
    ("States should refrain from conducting or supporting ICT activity contrary to their "
     "obligations under international law that impairs the availability of humanitarian "
     "services.", [(V, "C8", ())]),
    ("States should refrain from conducting or supporting ICT activity contrary to their "
     "obligations under international law", [(V, "C8", ())]),
    ("12. States should report, on a voluntary basis, on their implementation of the norms "
     "through the national survey.", [(V, "C12", ())]),
    ("States should protect submarine cables.", [(V, "C15", ())]),
    # Partial quotes that leave out what qualifies the words kept.
    ("States should protect data centres.", [(A, "C16", (Q,))]),
    ("cooperate with the private sector to address vulnerabilities in widely used software",
     [(A, "C6", (Q,))]),
    ("States should not intentionally conduct ICT operations against the electoral "
     "infrastructure of another State.", [(A, "C4", (Q,))]),
    ("States should cooperate with the private sector to address vulnerabilities in widely used "
     "software.", [(A, "C6", (Q,))]),
    # Qualifiers dropped inside the quotation.
    ("States should share information on threats to submarine cables with the operators "
     "concerned.", [(A, "C1", (Q,))]),
    ("Norms guide States in their use of ICTs and complement their obligations under "
     "international law.", [(A, "C2", (Q,))]),
    ("States should not allow their territory to be used for ICT operations that harm the public "
     "core of the Internet.", [(A, "C3", (Q,))]),
    ("States should not conduct ICT operations against the electoral infrastructure of another "
     "State, consistent with international law.", [(A, "C4", (Q,))]),
    ("States should refrain from conducting or supporting ICT activity that impairs the "
     "availability of humanitarian services.", [(A, "C8", (Q,))]),
    ("States should report on their implementation of the norms through the national survey.",
     [(A, "C12", (Q,))]),
    ("Voluntary, binding norms guide States in their use of ICTs and complement their "
     "obligations under international law.", [(A, "C2", (Q,))]),
    ("States shall share information on threats to submarine cables with the operators "
     "concerned.", [(A, "C1", (Q, UP))]),
    # Modals strengthened and weakened.
    ("States must, where appropriate, share information on threats to submarine cables with the "
     "operators concerned.", [(A, "C1", (UP,))]),
    ("Each State shall designate a national authority to receive reports of incidents affecting "
     "its critical infrastructure.", [(A, "C7", (UP,))]),
    ("Capacity-building is an essential element of the framework and must be demand-driven and "
     "gender-sensitive.", [(A, "C11", (UP,))]),
    ("States receiving such requests shall respond in a timely manner.", [(A, "C10", (UP,))]),
    ("States shall ensure that ICT measures respect the right to privacy in the digital age.",
     [(A, "4", (UP,))]),
    ("States may settle disputes arising from the use of ICTs by peaceful means.",
     [(A, "C5", (DOWN,))]),
    ("All States could consider the development of national cyber security strategies.",
     [(A, "C9", (DOWN,))]),
    # Negations added or dropped.
    ("States should knowingly allow their territory to be used for ICT operations that harm the "
     "public core of the Internet.", [(A, "C3", (NEG,))]),
    ("Each State may not designate a national authority to receive reports of incidents "
     "affecting its critical infrastructure.", [(A, "C7", (NEG,))]),
    ("States affirmed that the Charter of the United Nations never applies in its entirety to "
     "State conduct in the use of ICTs.", [(A, "C13", (NEG,))]),
    # Scope changed.
    ("Some States should consider the development of national cyber security strategies.",
     [(A, "C9", (SCOPE,))]),
    ("Each State may designate a national authority to receive reports of incidents affecting "
     "its infrastructure.", [(A, "C7", (SCOPE,))]),
    ("States shall settle disputes arising from the use of ICTs by peaceful means only.",
     [(A, "C5", (SCOPE,))]),
    ("States may request assistance from any States in responding to serious ICT incidents.",
     [(A, "C10", (SCOPE,))]),
    # Light rewording.
    ("States should, where appropriate, exchange information on threats to submarine cables "
     "with the operators concerned.", [(A, "C1", (WORDS,))]),
    ("States should report, on a voluntary basis, on their implementation of the norms through "
     "the annual national survey.", [(A, "C12", (WORDS,))]),
    ("The Group recognized that capacity-building is an essential part of the framework and "
     "should be demand-driven and gender-sensitive.", [(A, "C11", (WORDS,))]),
    ("As the report states, capacity-building should be demand-driven and gender-sensitive.",
     [(A, "C11", (WORDS,))]),
    ("States should not knowingly allow their territory to be used for ICT operations that harm "
     "the public core of the Internet, and should prosecute hackers operating from it.",
     [(A, "C3", (WORDS,))]),
    # Two provisions spliced into one sentence: each clause with its own source.
    ("States should, where appropriate, share information on threats to submarine cables with "
     "the operators concerned, and the Charter of the United Nations applies in its entirety to "
     "State conduct in the use of ICTs.", [(V, "C1", ()), (V, "C13", ())]),
    ("Such strategies may include measures to protect critical infrastructure and each State "
     "may designate a national authority to receive reports of incidents affecting its critical "
     "infrastructure.", [(V, "C9", ()), (V, "C7", ())]),
    ("States should not knowingly allow their territory to be used for ICT operations that harm "
     "the public core of the Internet, while States should not conduct ICT operations against "
     "the electoral infrastructure of another State, consistent with international law.",
     [(V, "C3", ()), (A, "C4", (Q,))]),
    # National views, Chair's summaries and proposals presented as if agreed.
    ("The Group agreed that all ICT operations against electoral infrastructure are prohibited "
     "in all circumstances.", [(NV, "N1", (WORDS,))]),
    ("States agreed that capacity-building must be financed by the States that possess the most "
     "advanced ICT capabilities.", [(NV, "N3", ())]),
    ("States recognized that the sovereignty of each State extends fully to data stored on its "
     "territory.", [(NV, "N2", ())]),
    ("The Group called for a binding protocol on the protection of submarine cables.",
     [(NV, "S1", (WORDS,))]),
    ("States shall establish an international attribution mechanism under the auspices of the "
     "United Nations.", [(NV, "P1", ())]),
    ("States agreed that private companies be held responsible for attacks originating from "
     "their networks.", [(NV, "S2", (WORDS,))]),
    ("Freedonia considers that all ICT operations against electoral infrastructure are "
     "prohibited in all circumstances.", [(NV, "N1", ())]),
    ("Capacity-building must be financed by the States that possess the most advanced ICT "
     "capabilities. Several States proposed that private companies be held responsible for "
     "attacks originating from their networks.", [(NV, "N3", ()), (NV, "S2", ())]),
    ("It is agreed that no State may access such data without consent.", [(NV, "N2", ())]),
    # A list: the chapeau and each item on their own.
    ("States should, inter alia:\n  (a) share information on threats to submarine cables with "
     "the operators concerned;\n  (b) report on their implementation of the norms through the "
     "national survey.", [(NF, None, ()), (A, "C1", (Q,)), (A, "C12", (Q,))]),
    # Found nowhere.
    ("The weather in New York was pleasant throughout the session.", [(NF, None, ())]),
    ("We thank the Chair for his tireless efforts.", [(NF, None, ())]),
    ("Artificial intelligence will transform diplomacy within a decade.", [(NF, None, ())]),
    ("States agreed to ban all offensive cyber capabilities by 2030.", [(NF, None, ())]),
    ("Our delegation looks forward to constructive engagement at the next session.",
     [(NF, None, ())]),
    ("The use of ICTs is growing.", [(NF, None, ())]),
    ("States should consider the establishment of a new fund for cyber resilience.",
     [(NF, None, ())]),
    ("We are pleased to be here. States shall settle disputes arising from the use of ICTs by "
     "peaceful means.", [(NF, None, ()), (V, "C5", ())]),
]  # fmt: skip


def _outcome(passage: str) -> list[tuple[str, str | None, tuple[str, ...]]]:
    report = check_passage(INDEX, passage)
    return [
        (
            f.verdict.value,
            f.source.provision if f.source else None,
            tuple(a.value for a in f.alterations),
        )
        for f in report.findings
    ]


def test_the_set_covers_every_verdict_and_every_alteration():
    assert len(PASSAGES) >= 60
    verdicts = {v for _, expected in PASSAGES for v, _, _ in expected}
    kinds = {k for _, expected in PASSAGES for _, _, ks in expected for k in ks}
    assert verdicts == {V, A, NV, NF}
    assert kinds == {Q, UP, DOWN, NEG, SCOPE, WORDS}


@pytest.mark.parametrize(("passage", "expected"), PASSAGES)
def test_each_passage_gets_the_expected_verdicts(passage, expected):
    assert _outcome(passage) == expected


def test_accuracy_on_the_whole_set_is_reported():
    """The share of segments judged exactly as expected (verdict, source and changes)."""
    right = total = 0
    for passage, expected in PASSAGES:
        found = _outcome(passage)
        total += len(expected)
        right += sum(1 for a, b in zip(found, expected, strict=False) if a == b)
    assert right / total == 1.0
