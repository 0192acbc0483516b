"""accord's settings, with a fast password hasher so tests do not spend their time hashing."""

from accord.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Tests make many requests in a moment; the one test of rate limits sets its own.
ACCORD_API_RATE_ANONYMOUS = ACCORD_API_RATE_USER = "100000/s"
