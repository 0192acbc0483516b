"""Template contexts made from the values the store's queries return."""

from dataclasses import fields
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from _typeshed import DataclassInstance


def fields_of(value: "DataclassInstance") -> dict[str, Any]:
    """Each field of ``value`` (a frozen dataclass from `accord.store.queries`) as a template
    variable of the same name, its value as it is (unlike `dataclasses.asdict`, which would
    copy nested values into dicts)."""
    return {field.name: getattr(value, field.name) for field in fields(value)}
