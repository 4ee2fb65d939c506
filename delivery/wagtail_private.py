"""The one place that reads and writes Wagtail's private attributes, each for want of a
public way; a Wagtail upgrade that renames one breaks only this module (and the query
budget and routing tests, which would show it).

- ``request._wagtail_site``: where ``Site.find_for_request`` keeps the request's Site and
  where Wagtail (``get_url``, ``get_url_parts``, its serve view) looks first. Wagtail has no
  setter; the shared lookups find the Site in the cache and put it there, so Wagtail's own
  lookups make no query.
- ``request._wagtail_route_for_request``: where ``Page.route_for_request`` keeps the
  request's route and its serve view reads it. There is no public hook to hand Wagtail a
  route found some other way; the project's routing (one query per path) puts it there.
- ``page._cached_parent_obj``: treebeard's and Wagtail's cache of ``get_parent()``, which
  Wagtail's own routing fills for each child it routes through. There is no public way to
  tell a page its parent; routing, which has just fetched the parent, puts it there so that
  ``get_parent()`` (the URL and breadcrumbs of the page) needs no query.
- ``Page.get_url_parts``: replaced by a wrapper that remembers each page's URL for the
  generation (``delivery.directory.remembered_url_parts``); Wagtail has no hook to cache
  URLs, and every page type, Wagtail's ``pageurl`` tag and the API ask through it.
"""

from django.http import HttpRequest
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

# What the getters answer when Wagtail has nothing there yet (None is a found nothing).
UNKNOWN = object()


def known_site(request: HttpRequest) -> Site | None | object:
    """The Site Wagtail keeps for this request, or ``UNKNOWN`` when none was looked up."""
    return getattr(request, "_wagtail_site", UNKNOWN)


def set_site(request: HttpRequest, site: Site | None) -> None:
    request._wagtail_site = site


def known_route(request: HttpRequest) -> RouteResult | None | object:
    """The route Wagtail keeps for this request, or ``UNKNOWN`` when none was found yet."""
    return getattr(request, "_wagtail_route_for_request", UNKNOWN)


def set_route(request: HttpRequest, route: RouteResult | None) -> None:
    request._wagtail_route_for_request = route


def set_parent(page: Page, parent: Page) -> None:
    page._cached_parent_obj = parent


def remember_page_urls() -> None:
    """Called once, from DeliveryConfig.ready()."""
    from delivery.directory import remembered_url_parts

    computed = Page.get_url_parts
    if getattr(computed, "remembers", False):
        return

    def get_url_parts(self: Page, request: HttpRequest | None = None):
        return remembered_url_parts(self, request, lambda r: computed(self, request=r))

    get_url_parts.remembers = True
    get_url_parts.__doc__ = computed.__doc__
    Page.get_url_parts = get_url_parts
