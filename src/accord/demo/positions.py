"""The demo's positions on Rev.1: the 26 active delegations stand in three camps worth
finding on the convergence page — one for the norms and the law as they stand, one for new
binding rules and sovereignty, one putting capacity-building and development first — with
a few delegations that lean across, and some paragraphs left without a position."""

from django.contrib.auth.models import User

from accord.actions.positions import record_position
from accord.core.positions import Stance
from accord.store import models, queries

NORMS = ("AUS", "CAN", "CHE", "DEU", "EST", "FRA", "GBR", "JPN", "KOR", "NLD", "USA")
SOVEREIGNTY = ("CHN", "CUB", "EGY", "IRN", "RUS", "SAU")
CAPACITY = ("ARG", "BRA", "IDN", "IND", "KEN", "MEX", "NGA", "SGP", "ZAF")
CAMPS = (NORMS, SOVEREIGNTY, CAPACITY)

S, C, R, OB = Stance.SUPPORT, Stance.CAN_ACCEPT, Stance.RESERVE, Stance.OBJECT
# Rev.1 paragraph numbers every camp accepts (the Chair has gavelled most of them).
CONSENSUS = ("1", "2", "3", "8", "10", "21", "30")
# For each contested paragraph, the stance of each camp (norms, sovereignty, capacity). Only
# paragraphs Rev.1 changed, or that had proposals on their words, are objected to: the zero
# draft's bracketed text keeps showing exactly the words proposals disputed.
CONTESTED = {
    "4": (S, OB, C),
    "16": (S, OB, C),
    "12": (S, OB, C),
    "17": (S, OB, S),
    "25": (S, OB, C),
    "20": (OB, S, C),
    "15": (OB, S, C),
    "19": (OB, S, C),
    "33": (OB, S, S),
    "9": (C, C, S),
    "23": (R, C, S),
    "27": (R, OB, S),
    "36": (C, R, S),
    "42": (OB, C, S),
    "44": (C, OB, S),
}
# Delegations leaning across camps on some paragraphs: (delegation, paragraph) → stance.
LEANING = {
    ("SGP", "20"): C,
    ("SGP", "15"): C,
    ("IND", "9"): C,
    ("MEX", "4"): S,
    ("SAU", "9"): S,
}


def _stances(code: str, camp: int, index: int) -> list[tuple[str, Stance]]:
    taken = [(label, S if (index + k) % 3 else C) for k, label in enumerate(CONSENSUS)]
    taken += [(label, stances[camp]) for label, stances in CONTESTED.items()]
    taken = [(label, LEANING.get((code, label), stance)) for label, stance in taken]
    # About one position in nine is not taken: the delegation has not spoken on it.
    return [(label, stance) for k, (label, stance) in enumerate(taken) if (index * 7 + k) % 9]


def add_demo_positions(document: models.Document, delegates: dict[str, User]) -> None:
    """Each active delegation's positions on the current version of ``document``."""
    version = queries.current_version(document)
    uid_of = dict(version.provisions.filter(kind="paragraph").values_list("label", "uid"))
    index = 0
    for camp, codes in enumerate(CAMPS):
        for code in codes:
            for label, stance in _stances(code, camp, index):
                record_position(
                    version, by=delegates[code], provision_uid=uid_of[label], stance=stance
                )
            index += 1
