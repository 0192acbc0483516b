"""``{% outcome adoption %}``: an adoption's outcome in words (see `accord.words.outcomes`)."""

from collections.abc import Sequence

from django import template

from accord.store import models
from accord.words.outcomes import adoption_words

register = template.Library()


@register.simple_tag
def outcome(adoption: models.Adoption, objecting: Sequence[str] = ()) -> str:
    """E.g. ``{% outcome record.adoption record.objecting %}``."""
    return adoption_words(adoption, objecting)
