"""Anonymous readers' pages from the shared cache, purged whenever public content changes.

Every cache key carries the current *generation*; publishing, unpublishing, moving or
deleting a page, or changing a snippet, document, image, site, locale, view restriction or
redirect starts a new generation, so no reader gets a stale page, menu or lookup
(the shared lookups) after an editor's change. The whole site is purged rather than single
pages because every page shows the menu, the footer and the language links, which many
changes touch.

The generation a request reads at its start is the one its rendered page is stored under:
a page rendered while an editor publishes is stored under the old generation and never
served. A purge that cannot store its new generation (a full cache disk) removes the old
one; while no generation can be stored, nothing is served from or stored in the cache.

A page is cached under its address with only the query parameters it reads, each page type
or view declaring them (``query_parameters``, below); the others are removed from the
request before the page is rendered, so ``/de/?utm_source=x`` is ``/de/`` from the cache.
"""

import hashlib
import logging
import re
import threading
import time
from collections.abc import Callable, Hashable, Iterable
from typing import Any, TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponseBase, QueryDict
from django.utils.cache import patch_cache_control
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from operations.cache_backends import CACHE_ERRORS, failure_name, failures_raised

from .memo import memoized

logger = logging.getLogger("migraup.cache")

GENERATION_KEY = "migraup:generation"
# Models whose changes show on public pages (besides every page type).
CONTENT_APPS = {
    "core",
    "home",
    "projects",
    "networks",
    "partners",
    "materials",
    "archive",
    "team",
    "contact",
    "legal",  # the operator's details on the legal pages and in the footer
    "glossary",  # terms marked on every content page
    "wagtaildocs",
    "wagtailredirects",
}
CONTENT_MODELS = {
    "wagtailcore.site",
    "wagtailcore.locale",
    # A page made private must leave the cache at once (and the shared lookups cache them).
    "wagtailcore.pageviewrestriction",
    "wagtailimages.image",
    # An editor's confirmation that a page is still accurate: every page shows its date.
    "upkeep.pageconfirmation",
}


def generation() -> str | None:
    """The current generation of public content (created on first use); None while the
    cache can store none: then nothing may be served from it or stored in it. Read once
    per reader's request (delivery.memo): what it renders belongs to one generation."""
    return memoized(GENERATION_KEY, _read_generation)


def _read_generation() -> str | None:
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, str(time.time_ns()), timeout=None)
        # Read back: of two requests creating it at once, both get the one that was stored;
        # none when the cache could not store it (a request's own would be a HIT for no one
        # but could be for whoever guessed it).
        value = cache.get(GENERATION_KEY)
    return value


def purge() -> None:
    """Start a new generation: every cached page and menu is stale from now on."""
    try:
        with failures_raised():
            cache.set(GENERATION_KEY, str(time.time_ns()), timeout=None)
    except CACHE_ERRORS as error:
        # The old generation would keep serving what was just changed (a full disk keeps
        # its file): remove it, which works on a full disk. Until a new one can be stored,
        # no page comes from the cache.
        try:
            with failures_raised():
                cache.delete(GENERATION_KEY)
        except CACHE_ERRORS as again:
            logger.error(
                "Purge failed (%s) and the old generation could not be removed (%s): "
                "cached pages may be stale for up to %s s",
                failure_name(error),
                failure_name(again),
                settings.PAGE_CACHE_SECONDS,
            )
        else:
            logger.error(
                "Purge failed (%s): old generation removed, pages are not cached until the "
                "cache can be written again",
                failure_name(error),
            )


def purge_after_change() -> None:
    """Purge now (the editor's next request sees it at once) and again after the commit,
    so a page rendered from the old state while the change was being saved is dropped."""
    purge()
    transaction.on_commit(purge)


def key_in(current: str, *parts: object) -> str:
    """A cache key in that generation, e.g. for the menu of one language."""
    return ":".join(["migraup", current, *map(str, parts)])


def cached(builder: Callable[[], Any], *parts: object) -> Any:
    """The value of builder() for these key parts in the current generation."""
    current = generation()
    if current is None:
        return builder()
    return cache.get_or_set(key_in(current, *parts), builder, settings.PAGE_CACHE_SECONDS or 1)


# Reentrant: a value may be built from another kept one (a glossary's forms from its terms).
_kept_lock = threading.RLock()
_kept: dict[Hashable, tuple[str, Any]] = {}


def kept_in_process(builder: Callable[[], Any], *parts: Hashable) -> Any:
    """The value of builder() for these key parts in the current generation, kept in this
    process and shared by its threads (one builds it while the others wait): for values
    that are costly to read from the shared cache on every request, such as a language's
    vocabulary. Callers must not change the value, except a dict built empty as the
    generation's memo, which threads fill with values they compute alike (the page URLs,
    delivery.directory). One value per key (the last generation's), so keys come from a
    small set, such as the languages."""
    current = generation()
    if current is None:  # no cache: built once per request at least
        return memoized(("kept", *parts), builder)
    kept = _kept.get(parts)
    if kept is None or kept[0] != current:
        with _kept_lock:
            kept = _kept.get(parts)
            if kept is None or kept[0] != current:
                kept = (current, builder())
                _kept[parts] = kept
    return kept[1]


# The query parameters a page reads -------------------------------------------------------

# What a page type (method ``query_parameters(self)``) or view (attribute, set with
# ``reads_query_parameters``) reads: name → regular expression its value must match in full.
# Other names and values are no filter of the page: removed before it is rendered.
QueryParameters = dict[str, str]
ANY_VALUE = r"(?s).+"
WHOLE_NUMBER = r"[1-9][0-9]{0,5}"
# Views of Django and Wagtail, which cannot carry a declaration, by module and name.
LIBRARY_VIEWS: dict[str, QueryParameters] = {
    "wagtail.contrib.sitemaps.views.sitemap": {"p": WHOLE_NUMBER},
}
View = TypeVar("View", bound=Callable)


def one_of(values: Iterable[object]) -> str:
    """A value of QueryParameters: any of these values."""
    return "|".join(re.escape(str(value)) for value in values) or "(?!)"


def reads_query_parameters(**parameters: str) -> Callable[[View], View]:
    """Declares the query parameters a view reads (for the page cache's key)."""

    def declare(view: View) -> View:
        view.query_parameters = parameters
        return view

    return declare


def declared_query_parameters(
    request: HttpRequest, view_func: Callable, view_args: tuple, view_kwargs: dict
) -> QueryParameters | None:
    """What the view, or the page it serves, reads from the query string; None for a view
    that does not say (Django's login view under Wagtail's URLs reads ?next=)."""
    # Imported here: models import this module, and these need the models.
    from wagtail import views as wagtail_views

    from delivery.routing import route_of_view

    if view_func is wagtail_views.serve:
        route = route_of_view(request, view_args, view_kwargs)
        reads = getattr(route.page, "query_parameters", None) if route else None
        return reads() if reads else {}
    declared = getattr(view_func, "query_parameters", None)
    if declared is not None:
        return declared
    return LIBRARY_VIEWS.get(f"{view_func.__module__}.{getattr(view_func, '__qualname__', '')}")


def keep_query_parameters(request: HttpRequest, parameters: QueryParameters) -> None:
    """Leaves in the request's query only these parameters, with values that match, in a
    fixed order; one value each, the last, which is what ``request.GET.get()`` reads."""
    given = dict(request.GET.lists())
    kept = QueryDict(mutable=True)
    for name in sorted(parameters):
        value = given.get(name, [""])[-1]
        if value and re.fullmatch(parameters[name], value):
            kept[name] = value
    kept._mutable = False
    request.GET = kept
    request.META["QUERY_STRING"] = kept.urlencode()


def address_with(request: HttpRequest, path: str, **changes: str | None) -> str:
    """``path`` with the query parameters the page reads (the page cache has removed all
    others), less the result page's number, and these changed (None removes one): another
    view of the same page, such as its PDF or its German original beside it, that keeps the
    reader's filters."""
    query = request.GET.copy()
    query.pop("page", None)
    for name, value in changes.items():
        query.pop(name, None)
        if value is not None:
            query[name] = value
    return f"{path}?{query.urlencode()}" if query else path


def is_public_content(model: type[Model]) -> bool:
    meta = model._meta
    if issubclass(model, Page):
        return True
    return meta.app_label in CONTENT_APPS or meta.label_lower in CONTENT_MODELS


def purge_on_content_change(sender: type[Model], **kwargs: Any) -> None:
    if is_public_content(sender):
        purge_after_change()


def purge_on_page_signal(sender: type[Model], **kwargs: Any) -> None:
    purge_after_change()


def connect_signals() -> None:
    """Wired up in CoreConfig.ready(). Saving and deleting covers most changes; moving a
    page rewrites its subtree's URLs with queryset updates, which send no model signals."""
    post_save.connect(purge_on_content_change, dispatch_uid="migraup-purge-save")
    post_delete.connect(purge_on_content_change, dispatch_uid="migraup-purge-delete")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(purge_on_page_signal, dispatch_uid=f"migraup-purge-{id(signal)}")


class AnonymousPageCacheMiddleware:
    """Serve anonymous GET and HEAD requests for public pages from the cache."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]):
        self.get_response = get_response
        self.timeout = settings.PAGE_CACHE_SECONDS

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not self.is_cacheable_request(request):
            return self.get_response(request)
        asked_for = request.get_full_path()
        # The backends of settings.CACHES miss rather than fail (the tolerant cache backends).
        current = generation() if self.timeout else None
        if current is None:
            request._page_cache_parameters = None  # process_view finds them out
            response = self.get_response(request)
            if self.timeout:
                response["X-Cache"] = "MISS"
            self.share(request, response, asked_for)
            return response
        # What the page at this address reads, once known in this generation: its cached
        # answer needs neither the route nor the database.
        where = key_in(current, "reads", self.address_hash(request, with_query=False))
        parameters = cache.get(where)
        if parameters is not None:
            keep_query_parameters(request, parameters)
            cached = cache.get(self.key(request, current))
            if cached is not None:
                cached["X-Cache"] = "HIT"
                request._page_cache_parameters = parameters
                self.share(request, cached, asked_for)
                return cached
        request._page_cache_parameters = parameters  # None: process_view finds them out
        response = self.get_response(request)
        learned = getattr(request, "_page_cache_parameters", None)
        if learned is not None and self.is_cacheable_response(request, response):
            if parameters is None:
                cache.set(where, learned, self.timeout)
            cache.set(self.key(request, current), response, self.timeout)
        response["X-Cache"] = "MISS"
        self.share(request, response, asked_for)
        return response

    def share(self, request: HttpRequest, response: HttpResponseBase, asked_for: str) -> None:
        """Lets a shared cache in front (Varnish, delivery.frontend_cache) keep an answer
        every reader gets, under the address asked for if that holds only what the page
        reads: ``/de/?utm_source=x`` is answered, never kept, so readers' query strings
        cannot fill the shared cache. Browsers ask again each time, so that a purge
        reaches readers at once. Called after the page cache stored the answer, which
        other addresses share."""
        seconds = settings.SHARED_CACHE_SECONDS
        if (
            seconds
            and request.get_full_path() == asked_for
            and getattr(request, "_page_cache_parameters", None) is not None
            and self.is_cacheable_response(request, response)
        ):
            patch_cache_control(response, public=True, max_age=0, s_maxage=seconds)

    def process_view(
        self, request: HttpRequest, view_func: Callable, view_args: tuple, view_kwargs: dict
    ) -> None:
        """Before the view runs: what it reads, and only that in the request. A view that
        does not declare what it reads keeps its query and is not cached."""
        if hasattr(request, "_page_cache_parameters") and request._page_cache_parameters is None:
            parameters = declared_query_parameters(request, view_func, view_args, view_kwargs)
            if parameters is not None:
                keep_query_parameters(request, parameters)
                request._page_cache_parameters = parameters

    @staticmethod
    def is_cacheable_request(request: HttpRequest) -> bool:
        path = request.path_info
        return (
            request.method in ("GET", "HEAD")
            # The API sets its own cache headers; documents honour private collections.
            and not path.startswith(("/admin/", "/api/", "/documents/", "/healthz"))
            and "HTTP_AUTHORIZATION" not in request.META
            # A session may hold a page's password (Wagtail's view restrictions) or a
            # login: what it sees is not what every reader sees.
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
        )

    @staticmethod
    def is_cacheable_response(request: HttpRequest, response: HttpResponseBase) -> bool:
        vary = response.headers.get("Vary", "").lower()
        return (
            response.status_code == 200
            and not response.streaming
            # A form's CSRF token or a message in the session: this answer is the reader's.
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and "cookie" not in vary
            # A nonce must not be shared between answers (the Content-Security-Policy).
            and not getattr(request, "_csp_nonce", None)
            and "private" not in response.headers.get("Cache-Control", "")
            # An outage's answer (a 503 already is not cached) or anything else marked so.
            and "no-store" not in response.headers.get("Cache-Control", "")
        )

    @staticmethod
    def address_hash(request: HttpRequest, with_query: bool = True) -> str:
        url = request.build_absolute_uri(None if with_query else request.path)
        return hashlib.sha256(url.encode()).hexdigest()

    @classmethod
    def key(cls, request: HttpRequest, current: str | None = None) -> str:
        """The page's key in that generation (by default the current one), for a request
        whose query holds only what the page reads, in order (keep_query_parameters)."""
        # HEAD shares GET's entry (Django strips the body of HEAD answers later).
        return key_in(current or generation() or "", "page", cls.address_hash(request))
