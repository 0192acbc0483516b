"""Seeded negotiation prose: sentences that read like a report of a working group.

Written for accord's benchmark; every sentence is assembled from the pools below by a seeded
random generator, so the same seed always gives the same text.
"""

import random

SUBJECTS = (
    "States",
    "Member States",
    "Many States",
    "Several delegations",
    "Some States",
    "A number of States",
    "The Group",
    "Delegations from every region",
    "Developing States",
    "States in a position to do so",
    "Regional organizations",
    "The Chair",
)
VERBS = (
    "reaffirmed",
    "recognized",
    "stressed",
    "noted with concern",
    "welcomed",
    "underlined",
    "recalled",
    "encouraged",
    "highlighted",
    "acknowledged",
    "emphasized",
    "agreed",
    "observed",
    "proposed",
    "called for",
)
TOPICS = (
    "the protection of critical infrastructure",
    "the integrity of supply chains",
    "the responsible reporting of vulnerabilities",
    "confidence-building measures",
    "capacity-building for developing countries",
    "the applicability of international law",
    "the role of computer emergency response teams",
    "the exchange of national points of contact",
    "the security of undersea cables",
    "the misuse of artificial intelligence",
    "ransomware affecting hospitals",
    "the gender digital divide",
    "regular institutional dialogue",
    "a global directory of points of contact",
    "cooperation between regional organizations",
    "the voluntary national survey",
    "the threat of commercial intrusion tools",
    "the public core of the Internet",
    "the settlement of disputes by peaceful means",
    "the protection of personal data",
    "incident response coordination",
    "the sharing of threat information",
    "the security of satellite systems",
    "technical assistance on request",
    "the universal periodic review of norms",
    "the financing of capacity-building",
    "quantum computing and cryptography",
    "the safety of health care systems",
    "the protection of electoral infrastructure",
    "small and medium-sized enterprises",
)
QUALIFIERS = (
    "consistent with international law",
    "on a voluntary basis",
    "in accordance with national legislation",
    "with due regard to human rights",
    "within existing resources",
    "as appropriate",
    "in a manner that is demand-driven",
    "taking into account national circumstances",
    "without prejudice to other processes",
    "under the auspices of the United Nations",
    "through bilateral and regional channels",
    "with the participation of stakeholders",
    "at the request of the affected State",
    "in a transparent and inclusive manner",
    "building on previous consensus reports",
    "in line with the Charter of the United Nations",
)
LINKS = (
    "and noted that",
    "and underlined that",
    "and recalled that",
    "while stressing that",
    "and proposed that",
    "and agreed that",
)
ACTIONS = (
    "further work should be pursued",
    "existing commitments should be implemented",
    "a working paper could be prepared",
    "the Secretariat could compile national views",
    "States should share best practices",
    "the Group could hold a dedicated session",
    "voluntary guidance could be developed",
    "a repository of resources could be created",
    "regional workshops could be convened",
    "States should designate national contacts",
    "a checklist of practical actions could assist States",
    "the issue merits further study",
)


ADJECTIVES = (
    "practical",
    "voluntary",
    "national",
    "regional",
    "collective",
    "targeted",
    "sustained",
    "coordinated",
    "transparent",
    "inclusive",
    "timely",
    "effective",
    "tailored",
    "concrete",
    "cross-border",
    "technical",
    "legal",
    "institutional",
    "preventive",
    "cooperative",
    "long-term",
    "interim",
    "multilateral",
    "bilateral",
    "sector-specific",
    "public",
)
NOUNS = (
    "measures",
    "guidance",
    "exchanges",
    "assessments",
    "commitments",
    "frameworks",
    "partnerships",
    "mechanisms",
    "procedures",
    "capacities",
    "dialogues",
    "standards",
    "initiatives",
    "surveys",
    "reports",
    "trainings",
    "networks",
    "safeguards",
    "principles",
    "understandings",
    "programmes",
    "consultations",
    "briefings",
    "exercises",
)


def topic(rng: random.Random) -> str:
    """A noun phrase such as "coordinated safeguards for the integrity of supply chains"."""
    return f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS)} for {rng.choice(TOPICS)}"


def sentence(rng: random.Random) -> str:
    """One sentence of report prose."""
    topic_, other = topic(rng), topic(rng)
    return (
        f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} the importance of {topic_}, "
        f"{rng.choice(QUALIFIERS)}, {rng.choice(LINKS)} {rng.choice(ACTIONS)} on {other} "
        f"{rng.choice(QUALIFIERS)}."
    )


def paragraph(rng: random.Random, sentences: int) -> str:
    """A paragraph of ``sentences`` sentences (about 33 words each)."""
    return " ".join(sentence(rng) for _ in range(sentences))


def heading(rng: random.Random) -> str:
    """A section heading."""
    return rng.choice(TOPICS).capitalize()


def rewrite(rng: random.Random, text: str, share: float) -> str:
    """``text`` with about ``share`` of its words replaced, as a Chair's redraft would."""
    words = text.split(" ")
    pool = [w for t in (*TOPICS, *QUALIFIERS, *ACTIONS) for w in t.split()]
    for position in rng.sample(range(len(words)), max(1, int(len(words) * share))):
        ending = "." if words[position].endswith(".") else ""
        words[position] = rng.choice(pool) + ending
    return " ".join(words)
