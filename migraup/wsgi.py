"""WSGI entry point for application servers."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "migraup.settings.production")

application = get_wsgi_application()

# gunicorn loads this module once before it starts its workers (preload_app), which then
# share the hyphenation dictionaries instead of each loading them on its first page.
from multilingual.hyphenation import load_dictionaries  # noqa: E402

load_dictionaries()
