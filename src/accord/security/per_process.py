"""A second factor required by a process's rules: when its rules say so
(``Process.delegates_second_factor``), its delegates write in it only once they have set up
a second factor. Whoever has one is asked for it at every sign-in already
(`sessions.owes_second_factor`), so what is left to check here is that they have one; the
pages (`sessions.SecondFactorRequired`) and the API (`accord.api.auth.writer`) ask it of
every write addressed to the process."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django_otp import user_has_device

from accord.core.participants import Role
from accord.store import models


def owes_second_factor_in(user: AbstractBaseUser | AnonymousUser, slug: str) -> bool:
    """Whether ``user``, a delegate of the process named ``slug`` whose rules ask delegates
    for a second factor, has none yet."""
    if not user.is_authenticated:
        return False
    bound = models.Accreditation.objects.filter(
        user_id=user.pk,
        role=Role.DELEGATE.value,
        process__slug=slug,
        process__delegates_second_factor=True,
    ).exists()
    return bound and not user_has_device(user)
