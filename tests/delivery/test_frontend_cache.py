"""The shared HTTP cache in front (delivery.frontend_cache): which answers say it may keep
them, and what each change purges, as a purge server on the loopback receives it.
Varnish itself: tests/varnish/ (make test-varnish)."""

import threading
from collections import Counter
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from wagtail.models import Page, PageViewRestriction, Site

from delivery import frontend_cache
from legal.models import LegalDetails
from projects.models import ProjectPage
from upkeep.models import PageConfirmation

pytestmark = pytest.mark.django_db

PROJECT_URL = "/de/projekte/migrapower/"


@pytest.fixture
def shared_cache(settings) -> None:
    settings.SHARED_CACHE_SECONDS = 3600


def shared_max_age(response) -> str | None:
    for part in response.get("Cache-Control", "").split(","):
        name, _, value = part.strip().partition("=")
        if name == "s-maxage":
            return value
    return None


@pytest.mark.parametrize("page_cache_seconds", [600, 0])
def test_readers_pages_say_a_shared_cache_may_keep_them(
    client, settings, shared_cache, page_cache_seconds
):
    settings.PAGE_CACHE_SECONDS = page_cache_seconds
    for _ in range(2):  # stored in the page cache, then from it
        response = client.get(PROJECT_URL)
        assert shared_max_age(response) == "3600"
        # Browsers ask again each time, so a purge reaches readers at once.
        assert "max-age=0" in response["Cache-Control"]
    # Filters a page reads are part of its address.
    assert shared_max_age(client.get("/de/materialien/?kind=flyer")) == "3600"


def test_no_shared_cache_no_permission_to_keep(client):
    assert shared_max_age(client.get(PROJECT_URL)) is None


@pytest.mark.parametrize(
    "query",
    ["?utm_source=newsletter", "?kind=flyer&extra=1", "?kind=poster", "?language=tr&kind=flyer"],
)
def test_an_address_with_more_than_the_page_reads_is_answered_not_kept(client, shared_cache, query):
    """Random query strings would fill a shared cache: only the address that holds what
    the page reads, in order, may be kept (Varnish sorts readers' query strings)."""
    client.get(f"/de/materialien/{query}")  # the page cache now knows what the page reads
    response = client.get(f"/de/materialien/{query}")
    assert response.status_code == 200
    assert shared_max_age(response) is None


def test_nothing_personal_may_be_kept(client, shared_cache, editor):
    # A form with a CSRF token.
    assert shared_max_age(client.get("/de/kontakt/")) is None
    # Errors.
    assert shared_max_age(client.get("/de/gibt-es-nicht/")) is None
    # A logged-in editor (the userbar, their session).
    client.force_login(editor)
    assert shared_max_age(client.get(PROJECT_URL)) is None


class PurgeServer(ThreadingHTTPServer):
    """A cache on the loopback that records the purges it gets."""

    def __init__(self) -> None:
        self.purges: list[tuple[str, bool]] = []
        self.received = threading.Condition()

        class Handler(BaseHTTPRequestHandler):
            def do_PURGE(handler) -> None:  # noqa: N802, N805 - the HTTP method's name
                with self.received:
                    prefix = handler.headers.get("X-Purge-Prefix") == "1"
                    self.purges.append((handler.path, prefix))
                    self.received.notify_all()
                handler.send_response(200)
                handler.send_header("Content-Length", "0")
                handler.end_headers()

            def log_message(handler, *args) -> None:  # noqa: N805
                pass

        super().__init__(("127.0.0.1", 0), Handler)

    def wait_until(self, condition) -> None:
        with self.received:
            assert self.received.wait_for(lambda: condition(self.purges), timeout=15)


@pytest.fixture
def purge_server(settings, monkeypatch) -> Iterator[PurgeServer]:
    server = PurgeServer()
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "delivery.frontend_cache.VarnishBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_address[1]}",
        }
    }
    monkeypatch.setattr(frontend_cache, "PURGE_AGAIN_SECONDS", 0.2)
    yield server
    server.shutdown()
    server.server_close()


def purged(server: PurgeServer, change, django_capture_on_commit_callbacks) -> set:
    """What the change purged, each address once. The first purge is sent as the change
    commits, the second shortly after (in a thread, which may already be sending as the
    first has arrived): done when every address has come twice."""
    with django_capture_on_commit_callbacks(execute=True):
        change()
    server.wait_until(lambda purges: purges and len(purges) == 2 * len(set(purges)))
    assert set(Counter(server.purges).values()) == {2}, "each address purged twice"
    return set(server.purges)


def test_publishing_purges_the_page_what_lists_it_and_its_translations_only(
    purge_server, django_capture_on_commit_callbacks
):
    project = ProjectPage.objects.get(slug="migrapower", locale__language_code="de")
    project.subtitle = "Neu"
    purges = purged(
        purge_server, lambda: project.save_revision().publish(), django_capture_on_commit_callbacks
    )
    # The page and what lies below it, in every language (language links, breadcrumbs).
    for prefix in (
        PROJECT_URL,
        "/en/projects/migrapower/",
        "/tr/projeler/migrapower/",
        "/ar/projects/migrapower/",
    ):
        assert (prefix, True) in purges
    # The lists that show it, in every language, and the home pages, which list projects.
    for address in ("/de/projekte/", "/en/projects/", "/es/proyectos/", "/de/", "/ar/"):
        assert (address, False) in purges
    # A page that links to it (an archive entry), the search pages and the sitemap.
    assert ("/de/archiv/2017-migrapower-mit-via/", False) in purges
    assert ("/de/search/", True) in purges
    assert ("/sitemap.xml", False) in purges
    # Nothing else: not another project, not a network, not a whole language.
    paths = {path for path, _prefix in purges}
    assert "/de/projekte/kommune-interkulturell/" not in paths
    assert "/de/fachvernetzung/lingua-pankow/" not in paths
    assert ("/de/", True) not in purges


def test_a_page_in_the_main_menu_purges_its_whole_language(
    purge_server, django_capture_on_commit_callbacks
):
    projects = (
        ProjectPage.objects.get(slug="migrapower", locale__language_code="de").get_parent().specific
    )
    purges = purged(
        purge_server,
        lambda: projects.save_revision().publish(),
        django_capture_on_commit_callbacks,
    )
    for home in ("/de/", "/en/", "/tr/", "/ar/"):
        assert (home, True) in purges


def test_unpublishing_and_moving_purge_the_old_addresses(
    purge_server, django_capture_on_commit_callbacks
):
    project = ProjectPage.objects.get(slug="willkommen-in-berlin", locale__language_code="de")
    assert (PROJECT_URL.replace("migrapower", "willkommen-in-berlin"), True) in purged(
        purge_server, project.unpublish, django_capture_on_commit_callbacks
    )
    purge_server.purges.clear()
    project = ProjectPage.objects.get(slug="migrapower", locale__language_code="de")
    archive = Page.objects.get(slug="archiv", locale__language_code="de")
    purges = purged(
        purge_server,
        lambda: project.move(archive, pos="last-child"),
        django_capture_on_commit_callbacks,
    )
    assert (PROJECT_URL, True) in purges  # the old address, and all below it
    assert ("/de/archiv/migrapower/", True) in purges
    assert ("/de/projekte/", False) in purges  # the old list
    assert ("/de/archiv/", False) in purges  # the new one


def test_making_a_page_private_purges_it_and_what_lies_below(
    purge_server, django_capture_on_commit_callbacks
):
    project = ProjectPage.objects.get(slug="migrapower", locale__language_code="de")
    purges = purged(
        purge_server,
        lambda: PageViewRestriction.objects.create(
            page=project, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
        ),
        django_capture_on_commit_callbacks,
    )
    assert purges == {(PROJECT_URL, True)}


def test_an_editors_confirmation_purges_the_page_only(
    purge_server, django_capture_on_commit_callbacks
):
    project = ProjectPage.objects.get(slug="migrapower", locale__language_code="de")
    purges = purged(
        purge_server,
        lambda: PageConfirmation.objects.create(page=project, confirmed_on=date(2026, 12, 1)),
        django_capture_on_commit_callbacks,
    )
    assert purges == {(PROJECT_URL, False)}


def test_a_change_shown_on_every_page_purges_the_whole_site(
    purge_server, django_capture_on_commit_callbacks
):
    def change_legal_details() -> None:
        details = LegalDetails.for_site(Site.objects.get(is_default_site=True))
        details.phone = "030 000000"
        details.save()

    assert purged(purge_server, change_legal_details, django_capture_on_commit_callbacks) == {
        ("/", True)
    }


def test_a_draft_purges_nothing(purge_server, django_capture_on_commit_callbacks):
    project = ProjectPage.objects.get(slug="migrapower", locale__language_code="de")
    project.subtitle = "Entwurf"
    with django_capture_on_commit_callbacks(execute=True):
        project.save_revision()
    assert purge_server.purges == []


def test_a_cache_that_is_down_does_not_stop_a_publish(
    settings, django_capture_on_commit_callbacks, caplog
):
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "delivery.frontend_cache.VarnishBackend",
            "LOCATION": "http://127.0.0.1:9",  # nothing listens on the discard port
        }
    }
    project = ProjectPage.objects.get(slug="migrapower", locale__language_code="de")
    project.subtitle = "Trotzdem veröffentlicht"
    with django_capture_on_commit_callbacks(execute=True):
        project.save_revision().publish()
    assert ProjectPage.objects.get(pk=project.pk).subtitle == "Trotzdem veröffentlicht"
    assert "Couldn't purge from 127.0.0.1:9" in caplog.text
