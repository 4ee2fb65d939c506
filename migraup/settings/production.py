"""Production: everything from the environment, nothing insecure by default."""

import os

from .base import *  # noqa: F403
from .base import SECRET_KEY, env_bool, require_secret_key
from .operations import logging_config

DEBUG = False
SECRET_KEY = require_secret_key(SECRET_KEY)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# PLAIN_HTTP=on serves over plain HTTP on a trusted network (an intranet, a test machine):
# no redirect, no HSTS, and cookies a browser sends back over http. Without it the site is
# HTTPS only; SECURE_SSL_REDIRECT=off alone is for a proxy that redirects to https itself.
PLAIN_HTTP = env_bool("PLAIN_HTTP", False)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not PLAIN_HTTP)
SESSION_COOKIE_SECURE = not PLAIN_HTTP
CSRF_COOKIE_SECURE = not PLAIN_HTTP
SECURE_HSTS_SECONDS = 0 if PLAIN_HTTP else 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = not PLAIN_HTTP
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not PLAIN_HTTP)
# `make serve` fails on any warning of `check --deploy`; what the operator turned off on
# purpose is not one.
SILENCED_SYSTEM_CHECKS = [
    *(["security.W008"] if not SECURE_SSL_REDIRECT else []),
    *(["security.W004", "security.W012", "security.W016"] if PLAIN_HTTP else []),
]
# One JSON object per log line for the log collector; LOG_FORMAT=text for reading by eye.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "json")
LOGGING = logging_config(LOG_FORMAT)
# Wagtail's background tasks go to the database queue that `make worker` runs.
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "database")
TASKS = {"default": {"BACKEND": TASKS_BACKEND_CLASSES[TASKS_BACKEND]}}  # noqa: F405
