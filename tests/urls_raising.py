"""The project's URLs plus views that fail, for the server error page tests."""

from django.conf.urls.i18n import i18n_patterns
from django.db import OperationalError, ProgrammingError
from django.http import HttpRequest, HttpResponse
from django.urls import path

from migraup.urls import handler500
from migraup.urls import urlpatterns as project_urlpatterns

__all__ = ["handler500", "urlpatterns"]


def crash(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("a bug")


def bad_query(request: HttpRequest) -> HttpResponse:
    # A database error that is not an outage: a 500, not a 503.
    raise ProgrammingError("no such table: nothing")


def lost_connection(request: HttpRequest) -> HttpResponse:
    try:
        raise OperationalError("server closed the connection unexpectedly")
    except OperationalError as exc:
        # An outage that surfaces as another exception is still an outage.
        raise RuntimeError("rendering failed") from exc


urlpatterns = [
    path("crash/", crash),
    *i18n_patterns(
        path("crash/", crash),
        path("bad-query/", bad_query),
        path("lost-connection/", lost_connection),
        prefix_default_language=True,
    ),
    *project_urlpatterns,
]
