"""The ASGI application that `accord serve` and `accord demo` run under uvicorn.

Django runs each request's view in a thread of its own, and the threads of one process take
turns holding Python's interpreter lock. A thread waiting on the database gives the lock up,
and gets it back only when the thread that holds it lets go: by default after 5 ms of work.
An action makes about ten round trips to the database, each one a wait behind whichever page
is being rendered; a millisecond's turn (`SWITCH_INTERVAL_S`) keeps those waits short, at the
price of a little more switching (`docs/performance.md`, "A full room").
"""

import os
import sys

from django.core.asgi import get_asgi_application

from accord.store.cache import release

# How long a thread of the server may hold the interpreter while others wait for it:
# ACCORD_SWITCH_INTERVAL_MS, 1 by default (Python's own default is 5).
SWITCH_INTERVAL_S = float(os.environ.get("ACCORD_SWITCH_INTERVAL_MS", "1")) / 1000

sys.setswitchinterval(SWITCH_INTERVAL_S)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "accord.settings")
application = get_asgi_application()

# The release whose pages this process keeps, read as it starts: an upgrade installed while
# it still serves does not change what it names its pages by.
release()
