from collections import Counter

import pytest

from accord.store.models import Delegation, Group
from accord.store.reference import load_reference_data, reference_data

pytestmark = pytest.mark.django_db

REGIONAL_GROUP_SIZES = {
    "african-group": 54,
    "asia-pacific-group": 54,
    "eastern-european-group": 23,
    "grulac": 33,
    "weog": 29,
}


def test_the_file_lists_exactly_193_member_states_with_unique_codes_and_names():
    members = reference_data()["members"]
    assert len(members) == 193
    assert len({m["code"] for m in members}) == 193
    assert len({m["name"] for m in members}) == 193
    assert all(len(m["code"]) == 3 and m["code"].isupper() for m in members)


def test_every_member_is_in_exactly_one_regional_group():
    data = reference_data()
    known = {g["code"] for g in data["regional_groups"]}
    counts = Counter(m["regional_group"] for m in data["members"])
    assert set(counts) == known
    assert dict(counts) == REGIONAL_GROUP_SIZES


def test_the_loaded_database_matches_the_file():
    assert Delegation.objects.filter(kind=Delegation.Kind.MEMBER_STATE).count() == 193
    assert set(
        Delegation.objects.exclude(kind=Delegation.Kind.MEMBER_STATE).values_list("code", "name")
    ) == {("VAT", "Holy See"), ("PSE", "State of Palestine"), ("EUR", "European Union")}
    for code, size in REGIONAL_GROUP_SIZES.items():
        assert Group.objects.get(code=code, kind=Group.Kind.REGIONAL).members.count() == size
    regional_memberships = Counter(
        Group.members.through.objects.filter(group__kind=Group.Kind.REGIONAL).values_list(
            "delegation__code", flat=True
        )
    )
    assert len(regional_memberships) == 193
    assert set(regional_memberships.values()) == {1}


def test_groups_speak_for_known_delegations_and_the_eu_has_27_members():
    eu = Group.objects.get(code="eu")
    assert eu.members.count() == 27
    assert eu.members.filter(code__in=["DEU", "FRA", "EST", "CYP"]).count() == 4
    assert not eu.members.filter(code="GBR").exists()
    assert Group.objects.get(code="arab-group").members.filter(code="PSE").exists()
    for entry in reference_data()["groups"]:
        assert Group.objects.get(code=entry["code"]).members.count() == len(entry["members"])


def test_loading_again_changes_nothing():
    before = (
        Delegation.objects.count(),
        Group.objects.count(),
        Group.members.through.objects.count(),
    )
    load_reference_data()
    after = (
        Delegation.objects.count(),
        Group.objects.count(),
        Group.members.through.objects.count(),
    )
    assert after == before == (196, before[1], before[2])
