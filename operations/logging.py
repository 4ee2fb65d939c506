"""Structured logs: one JSON object a line (LOG_FORMAT=json), and one line per request.

Request fields come from explicit ``extra`` values or from the ``request`` that Django's
own loggers attach (django.request, django.security). Only the path is logged, never the
query string, headers, cookies or body, so nothing typed into a form reaches the log.
"""

import json
import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime

from django.http import HttpRequest, HttpResponse
from django.utils.functional import empty

# Everything a LogRecord has of its own; any other attribute came in through ``extra``.
_BARE_RECORD = logging.LogRecord("", logging.INFO, "", 0, "", (), None)
# request and status_code come from Django's loggers and are handled on their own.
RECORD_ATTRIBUTES = {*_BARE_RECORD.__dict__, "message", "asctime", "request", "status_code"}
# Extra values whose key looks like one of these are replaced, whoever logs them.
SECRET_WORDS = ("password", "passwd", "secret", "token", "cookie", "authorization", "session")
REDACTED = "[redacted]"

request_logger = logging.getLogger("migraup.request")


def user_id(request: HttpRequest) -> int | str | None:
    """The signed-in user's id, if the request has already looked the user up.

    request.user is lazy: resolving it here would read the session and user tables, and a
    log line must neither add queries nor fail when the database is the thing that broke.
    """
    user = getattr(request, "user", None)
    user = getattr(user, "_wrapped", user)
    if user is None or user is empty or not getattr(user, "is_authenticated", False):
        return None
    return user.pk if isinstance(user.pk, int) else str(user.pk)


def request_fields(request: HttpRequest) -> dict[str, object]:
    fields: dict[str, object] = {
        "method": request.method,
        "path": request.path,
        "remote_addr": request.META.get("REMOTE_ADDR"),
    }
    if (uid := user_id(request)) is not None:
        fields["user_id"] = uid
    return fields


def json_value(key: str, value: object) -> object:
    """A value fit for the log line: secrets redacted, requests reduced to their fields."""
    if any(word in key.lower() for word in SECRET_WORDS):
        return REDACTED
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, HttpRequest):
        # Never str(request): it holds the query string.
        return request_fields(value)
    if isinstance(value, dict):
        return {str(k): json_value(str(k), v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [json_value(key, item) for item in value]
    return str(value)


class JSONFormatter(logging.Formatter):
    """One JSON object a line: time (UTC, ISO 8601), level, logger, message, request fields,
    any other ``extra`` values, and a traceback as the single string field ``exc_info``."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request = getattr(record, "request", None)
        if isinstance(request, HttpRequest):
            entry.update(request_fields(request))
        status = getattr(record, "status_code", None)
        if isinstance(status, int):
            entry["status"] = status
        for key, value in record.__dict__.items():
            if key not in RECORD_ATTRIBUTES and not key.startswith("_"):
                entry[key] = json_value(key, value)
        if record.exc_info:
            entry["exc_info"] = self.formatException(record.exc_info)
        elif record.exc_text:
            entry["exc_info"] = record.exc_text
        if record.stack_info:
            entry["stack_info"] = self.formatStack(record.stack_info)
        # json.dumps escapes newlines, so a traceback stays on its line.
        return json.dumps(entry)


class RequestLogMiddleware:
    """Logs each request once on migraup.request: method, path, status, time, size; at INFO,
    WARNING for 4xx and ERROR for 5xx answers, so LOG_LEVEL_REQUESTS=WARNING keeps the
    failures only.

    Placed first in MIDDLEWARE it sees the final answer of every other middleware,
    including the error pages Django makes of exceptions.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        start = time.perf_counter()
        response = self.get_response(request)
        duration_ms = round((time.perf_counter() - start) * 1000, 1)
        if response.has_header("Content-Length"):
            size: int | None = int(response["Content-Length"])
        elif not response.streaming:
            size = len(response.content)
        else:
            size = None
        level = (
            logging.ERROR
            if response.status_code >= 500
            else logging.WARNING
            if response.status_code >= 400
            else logging.INFO
        )
        request_logger.log(
            level,
            "%s %s %s %sms",
            request.method,
            request.path,
            response.status_code,
            duration_ms,
            extra={
                **request_fields(request),
                "status": response.status_code,
                "duration_ms": duration_ms,
                "bytes": size,
            },
        )
        return response
