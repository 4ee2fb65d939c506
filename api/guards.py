"""Requests Wagtail 8.0.1's API answers with a 500 instead of refusing them.

Each guard returns a problem answer (or cleans the request) before the API sees it; the
middleware runs them all for every request under /api/. Found by schemathesis
(the API's fuzzing check) and kept as small as the fault they stand in for.
"""

import json
import re
from datetime import datetime, timedelta
from itertools import accumulate
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from wagtail.api.v3.errors import problem_response
from wagtail.blocks import BaseStreamBlock, BaseStructBlock, ChooserBlock, ListBlock
from wagtail.coreutils import resolve_model_string
from wagtail.fields import StreamField
from wagtail.models import Page

from multilingual.stemming import MAX_QUERY_LENGTH, query_words

# Far beyond any listing of this site; larger offsets overflow SQLite's integers.
MAX_OFFSET = 100_000
# Ids are 32-bit on PostgreSQL; larger numbers overflow the database instead of finding nothing.
MAX_ID = 2**31 - 1
FREE_TEXT = {"search", "object_str", "html_path", "title", "slug"}  # a phone number is no id
MAX_UTC_OFFSET = timedelta(hours=15, minutes=59)
DATETIME = re.compile(r"^\d{4}-\d\d-\d\d[T ]")
# /api/v3/pages/<id>/…, /api/v3/snippets/<type>/<pk>/… : every id here is an integer.
OBJECT_PATH = re.compile(
    r"^/api/v3/(?P<kind>pages|snippets/[^/]+|team-members|documents|images|redirects|sites)"
    r"/(?P<id>[^/]+)/(?P<rest>.*)$"
)
NAMED_ROUTES = {"find"}
# Actions that save a revision, which alias pages cannot have.
REVISION_ACTIONS = {"", "actions/publish/", "actions/revert/"}
WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
# StreamField bodies nest about 10 levels; json.loads and every walk over a parsed body
# recurse once per level, and some 400 levels exhaust Python's stack.
MAX_JSON_DEPTH = 64
# A JSON string, so that brackets in texts are not counted (possessive: no backtracking).
JSON_STRING = re.compile(rb'"[^"\\]*+(?:\\.[^"\\]*+)*+"', re.DOTALL)
NOT_BRACKETS = bytes(byte for byte in range(256) if byte not in b"[]{}")
BRACKET_STEPS = bytes.maketrans(b"[{]}", b"\x01\x01\xff\xff")  # +1 and -1 as signed bytes


def is_integer(text: str) -> bool:
    """Digits 0-9 only: str.isdigit() also accepts "²", which int() refuses."""
    return text.isascii() and text.isdigit()


def as_id(value: Any) -> int | None:
    """The integer the API would make of a JSON value (pydantic also takes 1.0 and "1")."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and is_integer(value.strip()):
        return int(value.strip())
    return None


def contains_nul(value: Any) -> bool:
    """PostgreSQL refuses NUL characters in text; anywhere in a parameter or a JSON body."""
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(contains_nul(key) or contains_nul(item) for key, item in value.items())
    if isinstance(value, list):
        return any(contains_nul(item) for item in value)
    return False


def nested_too_deeply(data: bytes, limit: int = MAX_JSON_DEPTH) -> bool:
    """Whether the arrays and objects of a JSON text in UTF-8 nest deeper than limit, found
    without parsing it (which would recurse) and without a loop in Python per byte."""
    if data.count(b"[") + data.count(b"{") <= limit:
        return False
    steps = JSON_STRING.sub(b"", data).translate(BRACKET_STEPS, NOT_BRACKETS)
    return max(accumulate(memoryview(steps).cast("b")), default=0) > limit


def bad_time_zone(value: str) -> bool:
    """PostgreSQL accepts UTC offsets up to 15:59; Python's datetimes up to 23:59."""
    if not DATETIME.match(value):
        return False
    try:
        offset = datetime.fromisoformat(value).utcoffset()
    except ValueError:
        return False  # the API itself says the date is invalid
    return offset is not None and abs(offset) > MAX_UTC_OFFSET


def clean_search_terms(request: HttpRequest) -> None:
    """Keep only the words of ?search=, as the site's search page does (``query_words``):
    SQLite's full-text search fails on a stray quote."""
    if "search" not in request.GET:
        return
    params = request.GET.copy()
    language = params.get("locale") or settings.LANGUAGE_CODE
    params["search"] = " ".join(query_words(params["search"][:MAX_QUERY_LENGTH], language))
    request.GET = params


def refuse_nul_parameters(request: HttpRequest) -> HttpResponse | None:
    """Before the search terms are cleaned, which would drop a NUL silently."""
    for name, values in request.GET.lists():
        if contains_nul(name) or any(contains_nul(value) for value in values):
            return problem_response(status=422, detail="Parameters cannot contain NUL.")
    return None


def refuse_unreadable_bodies(request: HttpRequest) -> HttpResponse | None:
    """Bodies no parser should see: a Content-Length that is no number, text that is not
    Unicode, arrays and objects nested deeper than MAX_JSON_DEPTH. Every body, whatever
    its Content-Type: the API parses each one as JSON. A body over
    DATA_UPLOAD_MAX_MEMORY_SIZE raises RequestDataTooBig here (handler400 makes it a 413)."""
    if request.method not in WRITE_METHODS:
        return None
    length = request.META.get("CONTENT_LENGTH", "").strip()
    if length and not is_integer(length):
        return problem_response(status=400, detail="Content-Length must be a number of bytes.")
    body = request.body
    if not body:
        return None
    try:
        # As json.loads reads bytes: UTF-8, or UTF-16/32 told apart by the first bytes.
        encoding = json.detect_encoding(body)
        text = body.decode(encoding, "surrogatepass")
    except UnicodeDecodeError:
        return problem_response(status=400, detail="The request body is not valid UTF-8.")
    data = body if encoding.startswith("utf-8") else text.encode("utf-8", "surrogatepass")
    if nested_too_deeply(data):
        return problem_response(
            status=400,
            detail=f"The request body is nested more than {MAX_JSON_DEPTH} levels deep.",
        )
    return None


def refuse_bad_parameters(request: HttpRequest, body: Any) -> HttpResponse | None:
    offset = request.GET.get("offset", "")
    if is_integer(offset) and int(offset) > MAX_OFFSET:
        return problem_response(status=400, detail=f"offset cannot be higher than {MAX_OFFSET}")
    user_id = request.GET.get("user_id")
    if user_id is not None and not is_integer(user_id):
        return problem_response(status=422, detail="user_id must be an integer.")
    for name, values in request.GET.lists():
        for value in values:
            if name not in FREE_TEXT and is_integer(value) and int(value) > MAX_ID:
                return problem_response(status=422, detail=f"{name} cannot exceed {MAX_ID}.")
            if bad_time_zone(value):
                return problem_response(status=422, detail=f"{name}: UTC offset out of range.")
    if contains_nul(body):
        return problem_response(status=422, detail="The body cannot contain NUL characters.")
    if isinstance(body, dict):
        for name, value in body.items():
            if name.endswith("_id") and (as_id(value) or 0) > MAX_ID:
                return problem_response(
                    status=422, detail=f"{name} cannot be higher than {MAX_ID}."
                )
    return None


NO_BODY = object()


def json_body(request: HttpRequest) -> Any:
    """The JSON a write sends; NO_BODY for none (or for JSON the API itself refuses)."""
    if (
        request.method not in WRITE_METHODS
        or request.content_type != "application/json"
        or not request.body
    ):
        return NO_BODY
    try:
        return json.loads(request.body)
    except ValueError:
        return NO_BODY


def refuse_unworkable_objects(request: HttpRequest, body: Any) -> HttpResponse | None:
    """Ids that are not integers; changes to the tree's root; revisions of alias pages;
    moves to the root."""
    match = OBJECT_PATH.match(request.path_info)
    if not match or match["id"] in NAMED_ROUTES:
        return None
    if not is_integer(match["id"]):
        return problem_response(status=422, detail="The id in the path must be an integer.")
    if int(match["id"]) > MAX_ID:
        return problem_response(status=404, detail="Not found")
    if request.method not in WRITE_METHODS or match["kind"] != "pages":
        return None
    page = Page.objects.filter(pk=match["id"]).only("depth", "alias_of_id").first()
    if page is None:
        return None  # the API answers 404 itself
    if page.depth == 1:
        return problem_response(status=403, detail="The root of the page tree cannot be changed.")
    if page.alias_of_id and match["rest"] in REVISION_ACTIONS and request.method != "DELETE":
        return problem_response(
            status=422,
            detail=f"This page is an alias of page {page.alias_of_id}; change that page instead.",
        )
    if (
        match["rest"] == "actions/move/"
        and isinstance(body, dict)
        and (destination := as_id(body.get("destination_id"))) is not None
        and 0 < destination <= MAX_ID
        and Page.objects.filter(pk=destination, depth=1).exists()
    ):
        return problem_response(status=403, detail="Pages cannot be moved to the tree's root.")
    return None


def stream_shape_error(block: Any, value: Any, path: str) -> str | None:
    """Where a StreamField value in the API's JSON shape is not the shape its blocks need."""
    if value is None:
        return None
    if isinstance(block, BaseStreamBlock):
        if not isinstance(value, list):
            return f"{path} must be a list of blocks"
        for i, item in enumerate(value):
            if not (isinstance(item, dict) and isinstance(item.get("type"), str)):
                return f"{path}[{i}] must be an object with a block 'type' and a 'value'"
            child = block.child_blocks.get(item["type"])
            if child is not None and (
                error := stream_shape_error(child, item.get("value"), f"{path}[{i}].value")
            ):
                return error
    elif isinstance(block, ListBlock):
        if not isinstance(value, list):
            return f"{path} must be a list"
        for i, item in enumerate(value):
            if error := stream_shape_error(block.child_block, item, f"{path}[{i}]"):
                return error
    elif isinstance(block, BaseStructBlock):
        if not isinstance(value, dict):
            return f"{path} must be an object"
        for name, child in block.child_blocks.items():
            if error := stream_shape_error(child, value.get(name), f"{path}.{name}"):
                return error
    elif isinstance(block, ChooserBlock):
        if not isinstance(value, int) or isinstance(value, bool):
            return f"{path} must be the id of a {block.target_model._meta.verbose_name}"
    elif not isinstance(value, str | int | float | bool):
        return f"{path} must be a text, a number or true/false"
    return None


def refuse_malformed_bodies(request: HttpRequest, body: Any) -> HttpResponse | None:
    """Bodies must be JSON objects, and StreamField values must have the shape of their
    blocks: Wagtail 8.0 fails on a JSON array, or on a block without a type."""
    if body is NO_BODY:
        return None
    if not isinstance(body, dict):
        return problem_response(status=422, detail="The request body must be a JSON object.")
    model = page_model_for(request, body)
    if model is None:
        return None
    streams = [f for f in model._meta.get_fields() if isinstance(f, StreamField) and f.name in body]
    for field in streams:
        if error := stream_shape_error(field.stream_block, body[field.name], field.name):
            return problem_response(status=422, detail=error)
    return None


def page_model_for(request: HttpRequest, body: dict) -> type[Page] | None:
    """The page type a write to /api/v3/pages/ is about, if it can be told."""
    if request.path_info == "/api/v3/pages/":
        meta = body.get("meta")
        try:
            return resolve_model_string(meta["type"]) if isinstance(meta, dict) else None
        except (KeyError, LookupError, ValueError, TypeError):
            return None
    match = OBJECT_PATH.match(request.path_info)
    if match and match["kind"] == "pages" and match["rest"] == "" and is_integer(match["id"]):
        page = Page.objects.filter(pk=match["id"]).select_related("content_type").first()
        return page.specific_class if page else None
    return None


def guard(request: HttpRequest) -> HttpResponse | None:
    """Clean the request, or answer it with a problem: None lets it through."""
    if problem := refuse_unreadable_bodies(request) or refuse_nul_parameters(request):
        return problem
    clean_search_terms(request)
    body = json_body(request)
    return (
        refuse_bad_parameters(request, body)
        or refuse_unworkable_objects(request, body)
        or refuse_malformed_bodies(request, body)
    )
