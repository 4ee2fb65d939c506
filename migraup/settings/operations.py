"""Settings for operations (imported at the end of the base settings; read only the environment).

LOG_FORMAT: "text" (the default, for development) or "json": one JSON object a line for
log collectors (the request log). LOG_LEVEL sets the root level, LOG_LEVEL_WAGTAIL the
chatty Wagtail and task loggers, LOG_LEVEL_REQUESTS the line per request (migraup.request).
"""

import os

from django.core.exceptions import ImproperlyConfigured

__all__ = ["LOG_FORMAT", "LOGGING", "SECURE_REDIRECT_EXEMPT"]

LOG_FORMATS = ("text", "json")


def logging_config(log_format: str) -> dict:
    """Django's LOGGING for one of LOG_FORMATS, all to standard error."""
    if log_format not in LOG_FORMATS:
        raise ImproperlyConfigured(f"LOG_FORMAT must be one of {', '.join(LOG_FORMATS)}.")
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "text": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
            "json": {"()": "operations.logging.JSONFormatter"},
        },
        "handlers": {"console": {"class": "logging.StreamHandler", "formatter": log_format}},
        "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
        "loggers": {
            "django.request": {"level": "ERROR"},
            # Background tasks log every state change; Wagtail logs every edit (kept in its
            # own audit log anyway). Raise them with LOG_LEVEL_WAGTAIL=INFO when debugging.
            "django_tasks": {"level": os.environ.get("LOG_LEVEL_WAGTAIL", "WARNING")},
            "django_tasks_db": {"level": os.environ.get("LOG_LEVEL_WAGTAIL", "WARNING")},
            # django-axes logs every failed login at INFO; lockouts come as WARNING.
            "axes": {"level": os.environ.get("LOG_LEVEL_AXES", "WARNING")},
            "wagtail": {"level": os.environ.get("LOG_LEVEL_WAGTAIL", "WARNING")},
            # One line per request; WARNING silences it where the proxy logs requests.
            "migraup.request": {"level": os.environ.get("LOG_LEVEL_REQUESTS", "INFO")},
        },
    }


LOG_FORMAT = os.environ.get("LOG_FORMAT", "text").strip().lower()
LOGGING = logging_config(LOG_FORMAT)

# Probes ask for http://<internal address>/healthz; SECURE_SSL_REDIRECT must not send them
# to https (the health check answers them before the host check, too).
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
