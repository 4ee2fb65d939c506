"""Local development (the default of manage.py and `make run`).

DEBUG stays off unless asked for, so that a reader of the local site sees the styled
error pages the public sees.
"""

import os

from .base import *  # noqa: F403
from .base import DATABASES, env_bool

DEBUG = env_bool("DEBUG", False)
# A fixed key for local use only; the production settings refuse to start without one.
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-migraup-pankow")
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)
# One database connection per request. The development server starts a thread per client
# connection and never closes a thread's database connection itself: kept ones piled up
# (about one per request to the API's search) until PostgreSQL refused more, "too many
# clients", as Django's documentation warns. gunicorn's threads live on and reuse theirs.
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DATABASE_CONN_MAX_AGE", "0"))
# Serve static files from their sources, without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
