"""Problem descriptions (RFC 9457) for every error under /api/, wherever it arose.

Errors the API's own handlers do not see (a body over DATA_UPLOAD_MAX_MEMORY_SIZE, too many
parameters, a foreign Host header, a crash or a database outage) reach Django's error
handlers. Under /api/ these answer with a problem; elsewhere with the site's HTML pages.
"""

import sys

from django.conf import settings
from django.core.exceptions import (
    DisallowedHost,
    RequestDataTooBig,
    TooManyFieldsSent,
    TooManyFilesSent,
)
from django.http import HttpRequest, HttpResponse
from django.views import defaults
from wagtail.api.v3.errors import PROBLEM_JSON, problem_response

from multilingual.middleware import API_PREFIX
from operations import errors as site_errors

# Headers of the original answer a client needs to act on.
KEPT_HEADERS = ("Allow", "Retry-After")
DETAILS = {
    404: "Not found",
    500: "An unexpected error occurred; it has been logged.",
    503: "The service is temporarily unavailable; try again after Retry-After seconds.",
}


def is_api(request: HttpRequest) -> bool:
    return request.path_info.startswith(API_PREFIX)


def as_problem(request: HttpRequest, response: HttpResponse, detail: str = "") -> HttpResponse:
    """An error answer from outside the API's own handlers (Django's 404, a crash)."""
    if response.get("Content-Type", "").startswith((PROBLEM_JSON, "application/json")):
        return response
    detail = detail or DETAILS.get(response.status_code) or response.reason_phrase
    problem = problem_response(status=response.status_code, detail=detail)
    for header in KEPT_HEADERS:
        if response.has_header(header):
            problem[header] = response[header]
    # A shared cache must not keep serving the error after the fault is gone.
    problem["Cache-Control"] = "private, no-store"
    return problem


def bad_request_detail(exception: Exception | None) -> tuple[int, str]:
    """The status and the explanation of a request Django refused as it read it."""
    if isinstance(exception, RequestDataTooBig):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        return 413, f"The request body is larger than {limit} bytes."
    if isinstance(exception, TooManyFieldsSent):
        limit = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
        return 400, f"The request has more than {limit} parameters."
    if isinstance(exception, TooManyFilesSent):
        return 400, f"The request has more than {settings.DATA_UPLOAD_MAX_NUMBER_FILES} files."
    if isinstance(exception, DisallowedHost):
        # Not the header itself: it is the attacker's text.
        return 400, "The Host header names no host of this site."
    return 400, "The request cannot be read."


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """handler400: Django's page for the site, a problem under /api/ (413 for a large body)."""
    if not is_api(request):
        return defaults.bad_request(request, exception)
    status, detail = bad_request_detail(exception)
    return as_problem(request, HttpResponse(status=status), detail)


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: the site's 500 page, or 503 page in a database outage; under /api/ the
    same status (and Retry-After) as a problem."""
    if is_api(request) and isinstance(sys.exc_info()[1], RecursionError):
        # Input nested deeper than a parser can follow, inside a text: rich text HTML of
        # some 400 nested elements exhausts Wagtail's sanitiser, which recurses per element.
        # Bodies nested that deep as JSON never get here: the guards refuse them first.
        return as_problem(
            request,
            HttpResponse(status=400),
            "The request nests too deeply to be processed (HTML or lists in a text?).",
        )
    response = site_errors.server_error(request)
    return as_problem(request, response) if is_api(request) else response


def search_unavailable(request: HttpRequest, exc: Exception) -> HttpResponse:
    """?search= while the search engine is down and no backend stands in for it: a 503
    problem to retry later, not a 500 (the engine's backend falls back when it can)."""
    outage = HttpResponse(status=503, headers={"Retry-After": str(site_errors.RETRY_AFTER_SECONDS)})
    return as_problem(request, outage, "Search is unavailable; try again later.")
