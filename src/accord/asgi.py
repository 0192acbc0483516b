"""The ASGI application that `accord serve` and `accord demo` run under uvicorn."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "accord.settings")
application = get_asgi_application()
