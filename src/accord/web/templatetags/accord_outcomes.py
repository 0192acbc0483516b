"""``{% outcome adoption %}``: an adoption's outcome in words (see `accord.outcome_words`)."""

from collections.abc import Sequence

from django import template

from accord.outcome_words import adoption_words
from accord.store import models

register = template.Library()


@register.simple_tag
def outcome(adoption: models.Adoption, objecting: Sequence[str] = ()) -> str:
    """E.g. ``{% outcome record.adoption record.objecting %}``."""
    return adoption_words(adoption, objecting)
