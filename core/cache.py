"""Anonymous readers' pages from the shared cache, purged whenever public content changes.

Every cache key carries the current *generation*; publishing, unpublishing, moving or
deleting a page, or changing a snippet, document, image, site, locale, view restriction or
redirect starts a new generation, so no reader gets a stale page, menu or lookup
(core/lookups.py) after an editor's change. The whole site is purged rather than single
pages because every page shows the menu, the footer and the language links, which many
changes touch.

The generation a request reads at its start is the one its rendered page is stored under:
a page rendered while an editor publishes is stored under the old generation and never
served.
"""

import hashlib
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponseBase
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

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
    "wagtaildocs",
    "wagtailredirects",
}
CONTENT_MODELS = {
    "wagtailcore.site",
    "wagtailcore.locale",
    # A page made private must leave the cache at once (and core/lookups.py caches them).
    "wagtailcore.pageviewrestriction",
    "wagtailimages.image",
}


def generation() -> str:
    """The current generation of public content (created on first use)."""
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = str(time.time_ns())
        # add(): of two requests creating it at once, both end up with the same value.
        if not cache.add(GENERATION_KEY, value, timeout=None):
            value = cache.get(GENERATION_KEY) or value
    return value


def purge() -> None:
    """Start a new generation: every cached page and menu is stale from now on."""
    cache.set(GENERATION_KEY, str(time.time_ns()), timeout=None)


def purge_after_change() -> None:
    """Purge now (the editor's next request sees it at once) and again after the commit,
    so a page rendered from the old state while the change was being saved is dropped."""
    purge()
    transaction.on_commit(purge)


def generation_key(*parts: object) -> str:
    """A cache key in the current generation, e.g. for the menu of one language."""
    return ":".join(["migraup", generation(), *map(str, parts)])


def cached(builder: Callable[[], Any], *parts: object) -> Any:
    """The value of builder() for these key parts in the current generation."""
    return cache.get_or_set(generation_key(*parts), builder, settings.PAGE_CACHE_SECONDS or 1)


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
        if not self.timeout or not self.is_cacheable_request(request):
            return self.get_response(request)
        # The backends of settings.CACHES miss rather than fail (core/cache_backends.py).
        key = self.key(request)
        cached = cache.get(key)
        if cached is not None:
            cached["X-Cache"] = "HIT"
            return cached
        response = self.get_response(request)
        if self.is_cacheable_response(request, response):
            cache.set(key, response, self.timeout)
        response["X-Cache"] = "MISS"
        return response

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
            # A nonce must not be shared between answers (core/security.py).
            and not getattr(request, "_csp_nonce", None)
            and "private" not in response.headers.get("Cache-Control", "")
        )

    @staticmethod
    def key(request: HttpRequest) -> str:
        # HEAD shares GET's entry (Django strips the body of HEAD answers later).
        url = request.build_absolute_uri()
        return generation_key("page", hashlib.sha256(url.encode()).hexdigest())
