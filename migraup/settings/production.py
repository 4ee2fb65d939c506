"""Production: everything from the environment, nothing insecure by default."""

import os

from .base import *  # noqa: F403
from .base import SECRET_KEY, env_bool, require_secret_key
from .operations import logging_config

DEBUG = False
SECRET_KEY = require_secret_key(SECRET_KEY)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
# One JSON object per log line for the log collector; LOG_FORMAT=text for reading by eye.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "json")
LOGGING = logging_config(LOG_FORMAT)
# Wagtail's background tasks go to the database queue that `make worker` runs.
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "database")
TASKS = {"default": {"BACKEND": TASKS_BACKEND_CLASSES[TASKS_BACKEND]}}  # noqa: F405
