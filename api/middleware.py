"""What every answer under /api/ gets, whichever router or Django itself produced it.

- Bad input Wagtail 8.0's API would answer with a 500 is refused or cleaned first: search
  terms lose the operators and quotes a backend might parse (as on the search page),
  offsets beyond any real listing are a 400, ids that are not integers and bodies that
  are not JSON objects a 422, and changes to the root of the page tree a 403.
- Errors are problem descriptions (RFC 9457, application/problem+json), also for unknown
  URLs and unexpected failures, never an HTML page.
- Anonymous reads may be cached by browsers and proxies for API_CACHE_MAX_AGE seconds and
  carry an ETag (If-None-Match answers 304); answers to a token are private and never
  stored, since they may contain drafts.
"""

import json
import re
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)
from wagtail.api.v3.errors import PROBLEM_JSON, problem_response
from wagtail.models import Page

from core.middleware import API_PREFIX
from search.text import query_words
from search.views import MAX_QUERY_LENGTH

# Far beyond any listing of this site; larger offsets overflow SQLite's integers.
MAX_OFFSET = 100_000


def clean_search_terms(request: HttpRequest) -> None:
    """Keep only the words of ?search=, as the site's search page does (search/text.py)."""
    if "search" not in request.GET:
        return
    params = request.GET.copy()
    language = params.get("locale") or settings.LANGUAGE_CODE
    params["search"] = " ".join(query_words(params["search"][:MAX_QUERY_LENGTH], language))
    request.GET = params


def refuse_bad_offset(request: HttpRequest) -> HttpResponse | None:
    offset = request.GET.get("offset", "")
    if offset.isdigit() and int(offset) > MAX_OFFSET:
        return problem_response(status=400, detail=f"offset cannot be higher than {MAX_OFFSET}")
    return None


def refuse_non_object_body(request: HttpRequest) -> HttpResponse | None:
    """Bodies are JSON objects; Wagtail 8.0 fails on a JSON array instead of refusing it."""
    if request.method not in ("POST", "PUT", "PATCH") or request.content_type != "application/json":
        return None
    try:
        body = json.loads(request.body or b"{}")
    except ValueError:
        return None  # the API itself describes what is wrong with the JSON
    if isinstance(body, dict):
        return None
    return problem_response(status=422, detail="The request body must be a JSON object.")


# /api/v3/pages/<id>/…, /api/v3/snippets/<type>/<pk>/…: every id here is an integer.
OBJECT_PATH = re.compile(r"^/api/v3/(?:pages|snippets/[^/]+)/(?P<id>[^/]+)/")
NAMED_ROUTES = {"find"}
ROOT_PAGE = "/api/v3/pages/"


def refuse_unworkable_requests(request: HttpRequest) -> HttpResponse | None:
    """Requests Wagtail 8.0's API fails on with a 500 instead of refusing them."""
    match = OBJECT_PATH.match(request.path_info)
    if match and match["id"] not in NAMED_ROUTES:
        if not match["id"].isdigit():
            return problem_response(status=422, detail="The id in the path must be an integer.")
        if (
            request.method not in ("GET", "HEAD")
            and request.path_info.startswith(ROOT_PAGE)
            and Page.objects.filter(pk=match["id"], depth=1).exists()
        ):
            return problem_response(
                status=403, detail="The root of the page tree cannot be changed."
            )
    user_id = request.GET.get("user_id")
    if user_id is not None and not user_id.isdigit():
        return problem_response(status=422, detail="user_id must be an integer.")
    return None


def as_problem(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """An error answer from outside the API's own handlers (Django's 404, a crash)."""
    if response.get("Content-Type", "").startswith((PROBLEM_JSON, "application/json")):
        return response
    detail = "Not found" if response.status_code == 404 else response.reason_phrase
    problem = problem_response(status=response.status_code, detail=detail)
    if response.has_header("Allow"):
        problem["Allow"] = response["Allow"]
    return problem


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
        if not request.path_info.startswith(API_PREFIX):
            return self.get_response(request)
        # The routers know GET only; HEAD is a GET without its body, as HTTP wants it.
        head = request.method == "HEAD"
        if head:
            request.method = "GET"
        clean_search_terms(request)
        response = (
            refuse_bad_offset(request)
            or refuse_unworkable_requests(request)
            or refuse_non_object_body(request)
            or self.get_response(request)
        )
        if response.status_code >= 400:
            response = as_problem(request, response)
        response = add_cache_headers(request, response)
        if head and not response.streaming:
            length = len(response.content)
            response.content = b""
            response["Content-Length"] = str(length)
        return response
