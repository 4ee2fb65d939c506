"""A shared HTTP cache in front of the app servers (Varnish, ``tools/varnish/``): what a
change purges from it, through Wagtail's frontend cache invalidation.

Readers' pages carry ``Cache-Control: public, max-age=0, s-maxage=SHARED_CACHE_SECONDS``
(``delivery.cache``): the shared cache keeps them, browsers ask again each time. So a
change must leave the shared cache at once, and only where it shows:

- publishing, unpublishing or deleting a page purges the page and the pages below it (their
  breadcrumbs name it), the same in every language (the language links and the "only in
  German" marks), the lists that show it (its parent in every language, the home pages,
  which list projects and networks), the pages that link to it (Wagtail's reference
  index), the search pages and the sitemap; a page in the main menu (a home page's child)
  or a home page purges its whole language, since every page shows the menu;
- moving a page or changing its slug purges the old addresses as well;
- changing anything else readers see (snippets, settings such as the legal details,
  images, documents, sites, languages) purges the whole site, as the page cache does
  (``delivery.cache``): what shows it is not recorded anywhere.

Addresses are purged with every query string (a PURGE bans all variants of a path) and, for
a page and what lies below it, as a prefix. Purges are sent after the transaction commits,
and once more PURGE_AGAIN_SECONDS later: a reader's request that read the database just
before the commit may store the old page after the first purge.
"""

import http.client
import logging
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from django.apps import apps as global_apps
from django.conf import settings
from django.db import transaction
from django.db.models import Model
from django.db.models.signals import post_delete, post_save, pre_delete
from django.urls import reverse
from django.utils import translation
from modelcluster.fields import ParentalKey
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.utils import get_backends
from wagtail.models import Page, ReferenceIndex
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
    pre_page_move,
)

from delivery.cache import is_public_content

logger = logging.getLogger("wagtail.frontendcache")

PURGE_AGAIN_SECONDS = 2.0


@dataclass
class Purge:
    """Absolute URLs to purge with all their query strings, and URL prefixes to purge with
    everything below them."""

    urls: set[str] = field(default_factory=set)
    prefixes: set[str] = field(default_factory=set)
    # Every site's root: all pages in all languages, looked up when the purge is sent.
    everything: bool = False

    def add_page(self, page: Page, below: bool = False) -> None:
        url = page.get_full_url()
        if url:
            (self.prefixes if below else self.urls).add(url)

    def __bool__(self) -> bool:
        return bool(self.urls or self.prefixes or self.everything)


class VarnishBackend(HTTPBackend):
    """Wagtail's HTTP purger with a timeout, one connection per batch, and prefixes.

    ``PURGE /path`` makes Varnish ban the path with every query string; with the header
    ``X-Purge-Prefix: 1`` also everything below it (tools/varnish/migraup.vcl)."""

    timeout = 3

    def purge(self, url: str) -> None:
        self.purge_batch([url])

    def purge_batch(self, urls: Iterable[str], prefix: bool = False) -> None:
        https = self.cache_scheme == "https"
        connect = http.client.HTTPSConnection if https else http.client.HTTPConnection
        connection = connect(self.cache_netloc, timeout=self.timeout)
        try:
            for url in sorted(set(urls)):
                parts = urlsplit(url)
                if not self.invalidates_hostname(parts.hostname or ""):
                    continue
                headers = {"Host": parts.netloc}
                if prefix:
                    headers["X-Purge-Prefix"] = "1"
                try:
                    connection.request("PURGE", parts.path or "/", headers=headers)
                    answer = connection.getresponse()
                    answer.read()
                except ConnectionRefusedError as error:
                    logger.error("Couldn't purge from %s: %s", self.cache_netloc, error)
                    return  # down: it restarts empty anyway
                except (OSError, http.client.HTTPException) as error:
                    # A dropped connection: the next address gets a new one.
                    logger.error("Couldn't purge '%s': %s", url, error)
                    connection.close()
                    continue
                if answer.status != 200:
                    logger.error("Couldn't purge '%s': %s %s", url, answer.status, answer.reason)
        finally:
            connection.close()


def send(purge: Purge, backends: list) -> None:
    """Sends the purge to these caches now (errors are logged, not raised: a publish must
    not fail because a cache is down, which restarts empty anyway). Reads nothing from the
    database: the second purge runs in a thread of its own."""
    for backend in backends:
        if isinstance(backend, VarnishBackend):
            backend.purge_batch(purge.prefixes, prefix=True)
            backend.purge_batch(purge.urls)
        else:  # Wagtail's own backends purge addresses only: a prefix is its address.
            backend.purge_batch(purge.urls | purge.prefixes)


def send_twice(purge: Purge) -> None:
    """Now, and again PURGE_AGAIN_SECONDS later to the same caches."""
    if purge.everything:
        from wagtail.models import Site

        purge.prefixes |= {site.root_url + "/" for site in Site.objects.all()}
    backends = list(get_backends().values())
    send(purge, backends)
    timer = threading.Timer(PURGE_AGAIN_SECONDS, send, args=(purge, backends))
    timer.daemon = True
    timer.start()


def enabled(sender: type[Model]) -> bool:
    """A cache to purge, and a change of the site's models (not a migration's)."""
    return bool(settings.WAGTAILFRONTENDCACHE) and sender._meta.apps is global_apps


_pending = threading.local()


def purge_after_commit(purge: Purge) -> None:
    """Sends the purge once the transaction commits, together with the others of that
    transaction (a publish saves many rows)."""
    if not purge:
        return
    connection = transaction.get_connection()
    pending = getattr(_pending, "purge", None)
    # Still waiting for this transaction's commit? (A rolled-back one dropped its callback.)
    if pending is not None and any(entry[1] is send_pending for entry in connection.run_on_commit):
        pending.urls |= purge.urls
        pending.prefixes |= purge.prefixes
        pending.everything |= purge.everything
        return
    _pending.purge = purge
    transaction.on_commit(send_pending)


def send_pending() -> None:
    purge, _pending.purge = _pending.purge, None
    if purge:
        send_twice(purge)


# What a change affects --------------------------------------------------------------------


def site_wide_addresses(page: Page, purge: Purge) -> None:
    """The search pages and the sitemap of the page's site, in every language."""
    site = page.get_site()
    if site is None:
        return
    for language, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        with translation.override(language):
            purge.prefixes.add(site.root_url + reverse("search"))
    purge.urls.add(site.root_url + reverse("sitemap"))


def affected_by_page(page: Page) -> Purge:
    """What readers see of this page, at its current place, in every language."""
    purge = Purge()
    if page.depth < 2:  # the tree's root
        return purge
    translations = list(page.get_translations(inclusive=True).select_related("locale"))
    for each in translations:
        if each.depth <= 3:  # a home page, or a home page's child: the main menu
            home = each if each.depth == 2 else each.get_parent()
            purge.add_page(home, below=True)
        else:
            purge.add_page(each, below=True)
            purge.add_page(each.get_parent())
    for home in Page.objects.filter(depth=2):
        purge.add_page(home)
    references = ReferenceIndex.get_references_to(page).group_by_source_object()
    for source, _references in references:
        if isinstance(source, Page):
            purge.add_page(source)
        elif source is not None and is_public_content(type(source)):
            # A snippet or setting links to the page: where it shows is not recorded.
            return Purge(everything=True)
    site_wide_addresses(page, purge)
    return purge


def affected_at_old_address(page: Page) -> Purge:
    """A page before it moves or its slug changes: its old addresses and the old list."""
    purge = Purge()
    purge.add_page(page, below=True)
    parent = page.get_parent()
    if parent is not None and parent.depth >= 2:
        purge.add_page(parent)
    return purge


# Signals ----------------------------------------------------------------------------------


def on_page_shown_or_hidden(sender: type[Model], instance: Page, **kwargs: Any) -> None:
    if enabled(sender):
        purge_after_commit(affected_by_page(instance))


def on_page_deleted(sender: type[Model], instance: Model, **kwargs: Any) -> None:
    # Before the rows go: the tree, translations and references are still there.
    if enabled(sender) and isinstance(instance, Page) and instance.live:
        purge_after_commit(affected_by_page(instance))


def on_page_moving(sender: type[Model], instance: Page, **kwargs: Any) -> None:
    if enabled(sender):
        purge_after_commit(affected_at_old_address(instance))


def on_page_moved(sender: type[Model], instance: Page, **kwargs: Any) -> None:
    if enabled(sender):
        purge_after_commit(affected_by_page(Page.objects.get(pk=instance.pk)))


def on_slug_changed(sender: type[Model], instance: Page, instance_before: Page, **kw: Any) -> None:
    if enabled(sender):
        purge_after_commit(affected_at_old_address(instance_before))


def belongs_to_a_page(model: type[Model]) -> bool:
    """An inline of a page (its partners, tags …): published with it, so the page's own
    signal purges it; a draft does not save it."""
    return any(
        isinstance(field, ParentalKey) and issubclass(field.related_model, Page)
        for field in model._meta.get_fields()
    )


def on_content_change(sender: type[Model], **kwargs: Any) -> None:
    if (
        not enabled(sender)
        or kwargs.get("raw")
        or issubclass(sender, Page)
        or belongs_to_a_page(sender)
    ):
        return  # a draft saved, or a page published: the page signals handle what shows
    if sender._meta.label_lower == "wagtailcore.pageviewrestriction":
        restricted = kwargs["instance"].page
        purge = Purge()
        purge.add_page(restricted, below=True)
        purge_after_commit(purge)
    elif sender._meta.label_lower == "upkeep.pageconfirmation":
        # An editor confirmed a page as still accurate: only that page shows the date.
        purge = Purge()
        purge.add_page(kwargs["instance"].page)
        purge_after_commit(purge)
    elif sender._meta.label_lower == "wagtailredirects.redirect":
        return  # redirects answer addresses that were not found, which are never stored
    elif is_public_content(sender):
        purge_after_commit(Purge(everything=True))


def connect_signals() -> None:
    """Wired up in DeliveryConfig.ready(), in every process that changes content (the app
    servers, the worker that publishes scheduled pages)."""
    page_published.connect(on_page_shown_or_hidden, dispatch_uid="migraup-shared-published")
    page_unpublished.connect(on_page_shown_or_hidden, dispatch_uid="migraup-shared-unpublished")
    pre_delete.connect(on_page_deleted, dispatch_uid="migraup-shared-deleted")
    pre_page_move.connect(on_page_moving, dispatch_uid="migraup-shared-moving")
    post_page_move.connect(on_page_moved, dispatch_uid="migraup-shared-moved")
    page_slug_changed.connect(on_slug_changed, dispatch_uid="migraup-shared-slug")
    post_save.connect(on_content_change, dispatch_uid="migraup-shared-save")
    post_delete.connect(on_content_change, dispatch_uid="migraup-shared-delete")
