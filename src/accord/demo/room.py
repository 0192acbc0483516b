"""The demo's Secretariat may also set up new processes (it is a staff user of the demo)."""

from django.contrib.auth.models import User


def let_the_secretariat_set_up_processes(secretariat: User) -> None:
    secretariat.is_staff = True
    secretariat.save(update_fields=["is_staff"])
