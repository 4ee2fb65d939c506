"""The site's directory: one light row per page, kept in each process for the current
generation, so that routing, language links and lists of other pages need no query.

A page's place in the tree, its URL path, its translation group, its state and its title
change only when an editor saves, publishes, moves or deletes a page, and each of those
starts a new generation (``delivery.cache``): the directory of one generation is never
stale. It is built with one query when a process first needs it in a generation (50 ms
and 6.5 MB for the 5,661 pages of bench/search_latency.py's site) and shared by the
process's threads; it holds tuples only, never
model instances, so that no request sees what another one set on a page. ``page(row)``
makes a plain ``Page`` of a row for one request; the fields the directory leaves out
(``search_description``, the locks, the owner) load on first access, as a deferred field
does, which the query budget would show.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from typing import NamedTuple
from uuid import UUID

from django.http import HttpRequest
from django.utils import translation
from wagtail.models import Page

from delivery import wagtail_private
from delivery.cache import kept_in_process
from delivery.lookups import locale_by_id
from delivery.memo import in_reader_request


class Row(NamedTuple):
    """The columns of wagtailcore_page a row holds: what routing, URLs, breadcrumbs,
    language links, the translation note and page cards ask of a plain page."""

    id: int
    path: str
    depth: int
    numchild: int
    slug: str
    url_path: str
    title: str
    draft_title: str
    seo_title: str
    translation_key: UUID
    locale_id: int
    content_type_id: int
    live: bool
    has_unpublished_changes: bool
    first_published_at: datetime | None
    last_published_at: datetime | None
    latest_revision_id: int | None
    live_revision_id: int | None
    show_in_menus: bool
    alias_of_id: int | None


@dataclass
class Directory:
    rows: dict[int, Row] = field(default_factory=dict)
    # (parent's path, slug) → the child: Wagtail's URLs are slugs below a parent.
    children: dict[tuple[str, str], Row] = field(default_factory=dict)
    # parent's path → its children, in tree order
    children_of: dict[str, list[Row]] = field(default_factory=dict)
    # translation key → the group's pages in every language and state, in tree order
    translations: dict[UUID, list[Row]] = field(default_factory=dict)

    def child(self, parent_path: str, slug: str) -> Row | None:
        return self.children.get((parent_path, slug))

    def live_children(self, parent_path: str) -> list[Row]:
        return [row for row in self.children_of.get(parent_path, ()) if row.live]

    def live_translations(self, translation_key: UUID) -> list[Row]:
        return [row for row in self.translations.get(translation_key, ()) if row.live]

    def translation_in(self, translation_key: UUID, locale_id: int) -> Row | None:
        found = [r for r in self.translations.get(translation_key, ()) if r.locale_id == locale_id]
        return found[0] if found else None


def _build() -> Directory:
    directory = Directory()
    rows = Page.objects.filter(depth__gt=1).order_by("path").values_list(*Row._fields)
    for values in rows.iterator(chunk_size=2000):
        row = Row(*values)
        directory.rows[row.id] = row
        parent_path = row.path[: -Page.steplen]
        directory.children[(parent_path, row.slug)] = row
        directory.children_of.setdefault(parent_path, []).append(row)
        directory.translations.setdefault(row.translation_key, []).append(row)
    return directory


def directory() -> Directory:
    """This generation's directory (outside a generation, while the cache stores none:
    built once per reader's request)."""
    return kept_in_process(_build, "directory")


@cache
def _fields_in_model_order() -> list[str]:
    """``Model.from_db`` takes a subset of the fields in the model's order."""
    return [f.attname for f in Page._meta.concrete_fields if f.attname in Row._fields]


def page(row: Row, parent: Page | None = None) -> Page:
    """A plain ``Page`` of the row, for this request only; its locale comes from the shared
    lookups, and its parent, when given, is kept where ``get_parent()`` looks."""
    names = _fields_in_model_order()
    made = Page.from_db(Page.objects.db, names, [getattr(row, name) for name in names])
    made.locale = locale_by_id(row.locale_id)
    if parent is not None:
        wagtail_private.set_parent(made, parent)
    return made


def page_by_id(pk: int) -> Page:
    """The plain page with this id, from the directory; read from the database if it is not
    there (a page saved while this request's generation was being read)."""
    row = directory().rows.get(pk)
    if row is None:
        found = Page.objects.get(pk=pk)
        found.locale = locale_by_id(found.locale_id)
        return found
    return page(row)


_NOT_KEPT = object()


def remembered_url_parts(
    page: Page, request: HttpRequest | None, url_parts: Callable[[HttpRequest | None], tuple]
) -> tuple | None:
    """``page.get_url_parts(request)`` (``url_parts``), in a reader's request remembered for
    the generation by the page's URL path (and the request's site and language, which
    Wagtail consults): a page links to a dozen others (menu, languages, breadcrumbs, lists),
    each URL a ``reverse()`` in the page's language. A move or a new slug changes the URL
    path and starts a new generation."""
    if not in_reader_request() or not page.pk or not page.url_path:
        return url_parts(request)
    site = wagtail_private.known_site(request) if request is not None else None
    key = (page.url_path, getattr(site, "pk", None), translation.get_language())
    kept = kept_in_process(dict, "url-parts")  # the generation's memo, filled as asked
    found = kept.get(key, _NOT_KEPT)
    if found is _NOT_KEPT:
        found = kept[key] = url_parts(request)  # threads may compute one twice: the same
    return found
