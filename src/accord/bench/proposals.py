"""Seeded proposals from many delegations on a version, for the compilation benchmark."""

import random
from datetime import UTC, datetime, timedelta

from accord.bench import prose
from accord.core.amendments import derive_amendment
from accord.core.proposals import Proponent, Proposal, ProposalStatus
from accord.core.provisions import Version

GROUPS = (("EU", "European Union"), ("AG", "African Group"), ("NAM", "Non-Aligned Movement"))


def delegations(count: int) -> list[Proponent]:
    """``count`` delegations, D001…; every tenth speaks on behalf of a group."""
    made = []
    for n in range(1, count + 1):
        group = GROUPS[n % len(GROUPS)] if n % 10 == 0 else (None, None)
        made.append(Proponent(f"D{n:03}", f"Delegation {n}", group[0], group[1]))
    return made


def make_proposals(
    version: Version, count: int, delegation_count: int, seed: int
) -> list[Proposal]:
    """``count`` proposals spread over the amendable provisions, the same for the same seed."""
    rng = random.Random(seed)  # noqa: S311 (a seeded benchmark, not a secret)
    proponents = delegations(delegation_count)
    targets = [p for p in version if p.is_amendable]
    start = datetime(2025, 3, 3, 10, 0, tzinfo=UTC)
    made = []
    for n in range(count):
        provision = rng.choice(targets)
        wording = prose.rewrite(rng, provision.text, rng.uniform(0.02, 0.1))
        made.append(
            Proposal(
                id=n + 1,
                provision_uid=provision.uid,
                proponent=rng.choice(proponents),
                wording=wording,
                amendment=derive_amendment(provision.text, wording),
                justification="",
                status=ProposalStatus.OPEN,
                submitted_at=start + timedelta(seconds=rng.randrange(0, 14 * 24 * 3600)),
                cosponsors=tuple(rng.sample(proponents, rng.choice((0, 0, 1, 2)))),
            )
        )
    return made
