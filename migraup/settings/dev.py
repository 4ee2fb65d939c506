"""Local development (the default of manage.py and `make run`).

DEBUG stays off unless asked for, so that a reader of the local site sees the styled
error pages the public sees.
"""

import os

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", False)
# A fixed key for local use only; the production settings refuse to start without one.
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-migraup-pankow")
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)
# Serve static files from their sources, without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
