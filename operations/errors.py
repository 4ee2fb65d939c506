"""The server error pages: 503 while the database is unreachable, 500 for anything else.

Django calls handler500 inside the ``except`` block that caught the exception (its
``response_for_exception``), so sys.exc_info() tells the two apart. Both pages are
rendered without the request: no context processor, menu or setting may touch the database
that has just failed.
"""

import logging
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)

DATABASE_DOWN = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 120
# The last resort when even the template fails (a missing static manifest entry, say).
BARE_PAGE = (
    '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>migraUp! Pankow'
    "</title></head><body><h1>migraUp! Pankow</h1><p>Bitte versuchen Sie es später noch "
    'einmal.</p><p lang="en">Please try again later.</p></body></html>'
)


def is_database_down(exc: BaseException | None) -> bool:
    """True for a database connection failure, also when it caused the exception at hand."""
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, DATABASE_DOWN):
            return True
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return False


def page_language(request: HttpRequest) -> str:
    """The URL prefix's language; else the one LocaleMiddleware chose; else German.

    Not translation.get_language(): when the error came before LocaleMiddleware, that is
    whatever an earlier request on this thread activated.
    """
    prefix = translation.get_language_from_path(request.path_info)
    if prefix:
        return prefix
    languages = {code for code, _name in settings.LANGUAGES}
    chosen = getattr(request, "LANGUAGE_CODE", None)
    if chosen in languages:
        return chosen
    return settings.LANGUAGE_CODE


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: the localized 503 page for a database outage, the 500 page otherwise."""
    database_down = is_database_down(sys.exc_info()[1])
    status, template = (503, "503.html") if database_down else (500, "500.html")
    try:
        with translation.override(page_language(request)):
            body = render_to_string(template)
    except Exception:  # noqa: BLE001 - an error page must not fail in turn
        logger.exception("Could not render %s", template)
        body = BARE_PAGE
    response = HttpResponse(body, status=status)
    if database_down:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    # A shared cache must not keep serving the error after the fault is gone.
    response["Cache-Control"] = "no-store"
    return response
