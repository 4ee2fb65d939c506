"""WSGI entry point for application servers."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "migraup.settings.production")

django_application = get_wsgi_application()

# /static/ is answered before Django: no request object, signals or middleware for a file
# that never changes (operations.static; about half again as many files per second).
from operations.static import serve_static_files  # noqa: E402

application = serve_static_files(django_application)

# gunicorn loads this module once before it starts its workers (preload_app), which then
# share the hyphenation dictionaries instead of each loading them on its first page.
from multilingual.hyphenation import load_dictionaries  # noqa: E402

load_dictionaries()
