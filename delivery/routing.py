"""Page routing for readers with the shared lookups and one query per path.

Wagtail's ``Page.route_for_request`` queries the Site, the active Locale, the home page in
the reader's language and its specific fields, then, level by level, each child by slug and
its specific fields: 8 queries for /en/projects/migrapower/. Here the Site, locales and
home pages come from the cache and the pages of the path from the site's directory
(``delivery.directory``), so the one query is the page's specific fields; the page's locale
and its breadcrumb trail come along. Wagtail
reads both results from the request, where they are put before its view runs (Wagtail's
private attributes, written only by ``delivery.wagtail_private``), so its serving, hooks
and view restrictions work as always. A page type with routing of its own (say
``RoutablePageMixin``) is handed the rest of the path, as Wagtail would.
"""

from collections.abc import Callable

from django.http import Http404, HttpRequest, HttpResponseBase
from wagtail import views as wagtail_views
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from delivery import directory, lookups, wagtail_private
from delivery.memo import breadcrumbs_key, prime, request_memo


def routes_by_slug(model: type[Page] | None) -> bool:
    """True if the page type routes like Wagtail's Page (its children by their slugs)."""
    return model is None or model.route is Page.route


def route(page: Page, request: HttpRequest, components: list[str]) -> RouteResult:
    """``page.route(request, components)``, for a specific page; raises Http404."""
    if not components or not routes_by_slug(type(page)):
        return page.route(request, components)
    found = directory.directory()
    # The pages on the way stay plain Page objects from the directory: their title, URL and
    # state is all anyone asks of them (the breadcrumbs); Wagtail would fetch their
    # specific fields.
    ancestors = [page]
    for index, slug in enumerate(components):
        parent = ancestors[-1]
        row = found.child(parent.path, slug)
        if row is None:
            raise Http404
        child = directory.page(row, parent=parent)
        rest = components[index + 1 :]
        if rest and routes_by_slug(child.specific_class):
            ancestors.append(child)
            continue
        specific = child.specific
        specific.locale = child.locale
        if page.depth <= 2:
            # The trail from the language's home page: the breadcrumbs and their JSON-LD
            # need no query of their own.
            prime(
                breadcrumbs_key(specific.pk),
                [ancestor for ancestor in ancestors if ancestor.depth >= 2 and ancestor.live],
            )
        return specific.route(request, rest)
    raise Http404  # not reached: the loop returns at the last component


def route_for_request(request: HttpRequest, path: str) -> RouteResult | None:
    """``Page.route_for_request(request, path)``: the page, args and kwargs, or None."""
    site = lookups.site_for_request(request)
    if site is None:
        return None
    root = lookups.homes_of(site).localized(lookups.active_locale().language_code)
    try:
        return route(root, request, [component for component in path.split("/") if component])
    except Http404:
        return None


def route_of_view(request: HttpRequest, view_args: tuple, view_kwargs: dict) -> RouteResult | None:
    """The route of a request to Wagtail's page view, found once per request and kept where
    Wagtail looks for it (the page cache asks first, for the page type's query parameters)."""
    route = wagtail_private.known_route(request)
    if route is wagtail_private.UNKNOWN:
        path = view_args[0] if view_args else view_kwargs.get("path", "")
        route = route_for_request(request, path)
        wagtail_private.set_route(request, route)
    return route


class SharedLookupsMiddleware:
    """Readers' requests (GET and HEAD outside the admin) run inside the per-request memo,
    so each shared lookup is read once, and Wagtail's page view gets the Site and the
    route. The admin and every POST (which may change content, and with it the lookups,
    midway) are left to Wagtail's own queries."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]):
        self.get_response = get_response

    @staticmethod
    def is_reader_request(request: HttpRequest) -> bool:
        return request.method in ("GET", "HEAD") and not request.path_info.startswith("/admin/")

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not self.is_reader_request(request):
            return self.get_response(request)
        with request_memo():
            return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Callable, view_args: tuple, view_kwargs: dict
    ) -> None:
        if view_func is wagtail_views.serve and self.is_reader_request(request):
            route_of_view(request, view_args, view_kwargs)
