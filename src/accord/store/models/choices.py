"""Choices made from the core's enumerations."""

from enum import StrEnum


def enum_choices(enum: type[StrEnum]) -> list[tuple[str, str]]:
    return [(member.value, member.value) for member in enum]
