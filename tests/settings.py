"""accord's settings, with a fast password hasher so tests do not spend their time hashing."""

from accord.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
