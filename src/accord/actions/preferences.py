"""A person's preferences: the language of the interface. Personal, not an act of the
negotiation, so they write no event to the record."""

from django.conf import settings
from django.contrib.auth.models import User

from accord.store.models import Profile


class LanguageUnknown(ValueError):
    """The interface is in the six official languages of the United Nations only."""


def chosen_language(user: User) -> str:
    """The language ``user`` chose for the interface; empty when they chose none."""
    profile = Profile.objects.filter(user=user).only("language").first()
    return profile.language if profile else ""


def choose_language(user: User, code: str) -> None:
    """Remember ``code`` as ``user``'s language; an unknown code changes nothing."""
    if code not in dict(settings.LANGUAGES):
        raise LanguageUnknown(code)
    Profile.objects.update_or_create(user=user, defaults={"language": code})
