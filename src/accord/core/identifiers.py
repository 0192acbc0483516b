"""Stable identifiers: a new version inherits the uids of the provisions it continues.

A draft read from text gets uids from its numbers (``p13``); once the Chair renumbers, those
say nothing. Through the lineage, each provision that continues an old one takes the old
uid, so proposals, positions and fates stay attached. A uid is never recycled: a new
provision whose uid an old provision used gets a fresh one.
"""

from dataclasses import replace

from accord.core.lineage import Lineage, Succession
from accord.core.provisions import Provision, Version


def inherit_identifiers(old: Version, new: Version, lineage: Lineage) -> Version:
    """``new`` with the uids of the old provisions it continues.

    A kept provision takes its predecessor's uid; the first part of a split keeps the
    split provision's uid; a merger takes the uid of its first old part. Every other
    provision keeps its uid unless the old version used it, in which case it gets a suffix.
    """
    inherited = _inherited(lineage)
    used = {p.uid for p in old} | set(inherited.values())
    renamed: dict[str, str] = {}
    for p in new:
        renamed[p.uid] = inherited.get(p.uid) or _fresh(p.uid, used)
        used.add(renamed[p.uid])
    return replace(new, provisions=tuple(_renamed(p, renamed) for p in new))


def _inherited(lineage: Lineage) -> dict[str, str]:
    """New uid → the old uid it takes over."""
    taken: dict[str, str] = {}
    for link in lineage.links:
        if link.succession in (Succession.KEPT, Succession.SPLIT, Succession.MERGED):
            taken[link.new[0]] = link.old[0]
    return taken


def _fresh(uid: str, used: set[str]) -> str:
    if uid not in used:
        return uid
    n = 2
    while f"{uid}-{n}" in used:
        n += 1
    return f"{uid}-{n}"


def _renamed(p: Provision, renamed: dict[str, str]) -> Provision:
    parent = renamed.get(p.parent, p.parent) if p.parent else None
    return replace(p, uid=renamed[p.uid], parent=parent)
