"""accord's settings, with a fast password hasher so tests do not spend their time hashing."""

import tempfile
from pathlib import Path

from accord.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Tests make many requests in a moment; the one test of rate limits sets its own.
ACCORD_API_RATE_ANONYMOUS = ACCORD_API_RATE_USER = ACCORD_API_RATE_COSTLY = "100000/s"

# Most tests sign in with force_login and no second factor; tests/security turns the
# requirement on where it tests it.
ACCORD_SECOND_FACTOR = "optional"

# The rate limits' counts in memory, so that the tests that count an API answer's queries
# count the answer's alone; tests/security/test_rate_limits.py runs them on the database cache
# every instance shares in production.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 100_000},  # as many as accord keeps (see accord.settings)
    }
}

# One signing key for the whole run, in a folder of its own rather than the developer's data
# folder (a test database starts empty, so the first signature of the run makes the key).
ACCORD_SIGNING_KEY_FILE = Path(tempfile.mkdtemp(prefix="accord-test-key-")) / "signing-key.pem"

# The checker's index cache of the tests: never the instance's data directory.
ACCORD_CHECKER_CACHE = tempfile.mkdtemp(prefix="accord-test-index-")
