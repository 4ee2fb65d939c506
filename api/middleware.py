"""What every answer under /api/ gets, whichever router or Django itself produced it.

- Bad input Wagtail 8.0's API would answer with a 500 is refused or cleaned first
  (the API's guards).
- Errors are problem descriptions (RFC 9457, application/problem+json), also for unknown
  URLs, unreadable requests, unexpected failures and database outages, never an HTML page
  (Django's error handlers, which answer problems under /api/).
- Anonymous reads may be cached by browsers and proxies for API_CACHE_MAX_AGE seconds and
  carry an ETag (If-None-Match answers 304); answers to a token are private and never
  stored, since they may contain drafts.
"""

from collections.abc import Callable

from django.conf import settings
from django.core.handlers.exception import response_for_exception
from django.http import HttpRequest, HttpResponse
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)

from .errors import as_problem, is_api
from .guards import guard


def add_cache_headers(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    patch_vary_headers(response, ["Authorization"])
    anonymous_read = request.method in ("GET", "HEAD") and "HTTP_AUTHORIZATION" not in request.META
    if not anonymous_read or response.status_code >= 400:
        patch_cache_control(response, private=True, no_store=True)
        return response
    patch_cache_control(response, public=True, max_age=settings.API_CACHE_MAX_AGE)
    if response.status_code == 200 and not response.streaming:
        set_response_etag(response)
        return get_conditional_response(request, etag=response["ETag"], response=response)
    return response


class APIResponseMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not is_api(request):
            return self.get_response(request)
        # The routers know GET only; HEAD is a GET without its body, as HTTP wants it.
        head = request.method == "HEAD"
        if head:
            request.method = "GET"
        try:
            response = guard(request) or self.get_response(request)
        except Exception as exc:  # noqa: BLE001 - the guards read the body and the database
            # Django's own handling (logging, signals, the outage's 503), as a problem.
            response = response_for_exception(request, exc)
        if response.status_code >= 400:
            response = as_problem(request, response)
        response = add_cache_headers(request, response)
        if head and not response.streaming:
            length = len(response.content)
            response.content = b""
            response["Content-Length"] = str(length)
        return response
