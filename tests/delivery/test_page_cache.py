"""The page cache: what readers get from it, what never reaches it, its purging on
publish, unpublish and move, its keys (only the query parameters a page reads) and a
publish reaching readers while the cache disk is really full."""

import errno
import os
import subprocess
from pathlib import Path

import pytest
from django.http import QueryDict
from django.test import RequestFactory, override_settings
from django.urls import resolve
from django.utils import translation

from core.models import StandardPage
from home.models import HomePage
from projects.models import ProjectPage
from tests.page_types import ALL, url_of
from tests.search.test_search import UNREACHABLE_ENGINE

pytestmark = pytest.mark.django_db

PROJECT_URL = "/de/projekte/migrapower/"


def project(slug: str = "migrapower", language: str = "de") -> ProjectPage:
    return ProjectPage.objects.get(slug__startswith=slug, locale__language_code=language)


# The page cache ------------------------------------------------------------------------


def test_anonymous_readers_get_pages_from_the_cache(client):
    first = client.get(PROJECT_URL)
    second = client.get(PROJECT_URL)
    assert first.status_code == second.status_code == 200
    assert (first["X-Cache"], second["X-Cache"]) == ("MISS", "HIT")
    assert second.content == first.content
    # A cached answer still gets this response's security headers.
    assert "script-src" in second["Content-Security-Policy"]


def test_publishing_purges_the_cache(client):
    client.get(PROJECT_URL)
    assert client.get(PROJECT_URL)["X-Cache"] == "HIT"
    page = project()
    page.title = "MigraPower – neu veröffentlicht"
    page.save_revision().publish()

    response = client.get(PROJECT_URL)
    assert response["X-Cache"] == "MISS"
    assert "MigraPower – neu veröffentlicht" in response.content.decode()
    # Every cached page shows the menu and the partners' project lists: all are purged.
    assert "MigraPower – neu veröffentlicht" in client.get("/de/projekte/").content.decode()


def test_a_draft_does_not_change_what_readers_see(client):
    client.get(PROJECT_URL)
    page = project()
    page.title = "Entwurf, noch nicht veröffentlicht"
    page.save_revision()
    assert "Entwurf, noch nicht" not in client.get(PROJECT_URL).content.decode()


def test_unpublishing_purges_the_cache(client):
    assert client.get(PROJECT_URL).status_code == 200
    project().unpublish()
    assert client.get(PROJECT_URL).status_code == 404
    assert 'href="/de/projekte/migrapower/"' not in client.get("/de/projekte/").content.decode()


def test_moving_a_page_purges_the_cache(client):
    standard = StandardPage.objects.get(slug="impressum", locale__language_code="de")
    assert client.get("/de/impressum/").status_code == 200
    archive = HomePage.objects.get(locale__language_code="de").get_children().get(slug="archiv")
    standard.move(archive, pos="last-child")
    # Wagtail leaves a redirect at the old address.
    response = client.get("/de/impressum/")
    assert (response.status_code, response["Location"]) == (301, "/de/archiv/impressum/")
    assert client.get("/de/archiv/impressum/").status_code == 200


def test_menu_is_cached_per_language_and_purged(client):
    assert "Archiv" in client.get("/de/").content.decode()
    assert "Archive" in client.get("/en/").content.decode()
    home = HomePage.objects.get(locale__language_code="de")
    new = StandardPage(title="Neuer Menüpunkt", slug="neu", show_in_menus=True)
    home.add_child(instance=new)
    new.save_revision().publish()
    german = client.get("/de/").content.decode()
    assert 'href="/de/neu/"' in german
    assert "Neuer Menüpunkt" not in client.get("/en/").content.decode()


def test_editors_never_get_cached_pages(client, editor):
    client.get(PROJECT_URL)  # cached for anonymous readers
    client.force_login(editor)
    response = client.get(PROJECT_URL)
    assert response.status_code == 200
    assert "X-Cache" not in response


def test_password_protected_pages_never_reach_the_cache(client):
    from django.test import Client
    from django.urls import reverse
    from django.utils import translation
    from wagtail.models import PageViewRestriction

    page = project()
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="nur-fuer-uns"
    )
    assert 'name="password"' in client.get(PROJECT_URL).content.decode()
    with translation.override("de"):
        unlock = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])
    client.post(unlock, {"password": "nur-fuer-uns", "return_url": PROJECT_URL})
    unlocked = client.get(PROJECT_URL)
    assert unlocked.status_code == 200
    assert 'name="password"' not in unlocked.content.decode()
    # Another reader, without the password, gets the password form, not the cached page.
    assert 'name="password"' in Client().get(PROJECT_URL).content.decode()


def test_making_a_page_private_purges_the_cache(client):
    """The page itself and the shared lookups (no restriction anywhere)
    were cached while it was public."""
    from wagtail.models import PageViewRestriction

    assert 'href="/de/projekte/migrapower/"' in client.get("/de/").content.decode()
    assert client.get(PROJECT_URL)["X-Cache"] == "MISS"
    assert client.get(PROJECT_URL)["X-Cache"] == "HIT"
    PageViewRestriction.objects.create(
        page=project(), restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    assert 'name="password"' in client.get(PROJECT_URL).content.decode()
    # Listings leave out private pages: the home page's project cards too.
    assert 'href="/de/projekte/migrapower/"' not in client.get("/de/").content.decode()


def test_cached_home_pages_follow_unpublishing(client):
    """The home pages in each language come from the cache (the shared lookups)."""
    assert client.get("/ar/").status_code == 200
    assert 'hreflang="ar"' in client.get(PROJECT_URL).content.decode()
    HomePage.objects.get(locale__language_code="ar").unpublish()
    response = client.get("/ar/")
    assert (response.status_code, response["Location"]) == (302, "/de/")
    assert 'hreflang="ar"' not in client.get("/de/").content.decode()


def test_cached_site_follows_a_change_of_the_site(client):
    from wagtail.models import Site

    assert client.get("/de/").status_code == 200
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.is_default_site = "localhost", False
    site.save()
    # testserver has no site any more: Wagtail serves no page for it.
    assert client.get("/de/").status_code == 404
    assert client.get("/de/", HTTP_HOST="localhost").status_code == 200


def test_forms_are_never_cached(client):
    """The contact form carries a CSRF token bound to the reader's cookie."""
    for _ in range(2):
        response = client.get("/de/kontakt/")
        assert response["X-Cache"] == "MISS"
        assert "csrftoken" in response.cookies


def test_search_results_are_cached_until_the_next_publish(client):
    url = "/de/search/?q=Sprechstunde"
    assert "Sprechstunde im Kiez" not in client.get(url).content.decode()
    assert client.get(url)["X-Cache"] == "HIT"
    home = HomePage.objects.get(locale__language_code="de")
    page = StandardPage(title="Sprechstunde im Kiez", slug="sprechstunde")
    home.add_child(instance=page)
    page.save_revision().publish()
    response = client.get(url)
    assert response["X-Cache"] == "MISS"
    assert "Sprechstunde im Kiez" in response.content.decode()


def test_errors_are_not_cached(client):
    client.get("/de/gibt-es-nicht/")
    assert client.get("/de/gibt-es-nicht/")["X-Cache"] == "MISS"


def test_a_search_outage_is_a_503_that_is_not_cached(client):
    """The engine is down and nothing stands in for it (no fallback configured)."""
    url = "/de/search/?q=Lingua+Pankow"
    with override_settings(WAGTAILSEARCH_BACKENDS={"default": UNREACHABLE_ENGINE}):
        for _ in range(2):
            response = client.get(url)
            assert response.status_code == 503
            assert response["Retry-After"] == "120"
            assert "no-store" in response["Cache-Control"]
            assert "Die Suche ist gerade nicht verfügbar" in response.content.decode()
            assert response["X-Cache"] == "MISS"
    # The engine is back: readers get results at once, not the outage for ten minutes.
    response = client.get(url)
    assert (response.status_code, response["X-Cache"]) == (200, "MISS")
    assert "nicht verfügbar" not in response.content.decode()
    assert "/de/fachvernetzung/lingua-pankow/" in response.content.decode()


# Any query string: only what a page reads keys the cache --------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "?r=4711",
        "?r=1&utm_source=newsletter&utm_medium=mail",
        "?fbclid=x",
        "?q=Netzwerk",
        "?page=2",
    ],
)
def test_parameters_a_page_does_not_read_neither_skip_nor_fill_the_cache(client, query):
    assert client.get("/de/")["X-Cache"] == "MISS"
    response = client.get(f"/de/{query}")
    assert (response.status_code, response["X-Cache"]) == (200, "HIT")


@pytest.mark.parametrize(
    "first,same",
    [
        # Order, other parameters and empty values do not matter.
        ("/de/materialien/?kind=flyer&language=de", "/de/materialien/?language=de&kind=flyer"),
        ("/de/materialien/?kind=flyer", "/de/materialien/?kind=flyer&language=&utm_source=x"),
        # Values the page ignores are no filter, nor a new entry.
        ("/de/materialien/", "/de/materialien/?kind=quatsch&language=xx"),
        ("/de/archiv/?year=2017", "/de/archiv/?year=2017&r=1"),
        ("/de/archiv/", "/de/archiv/?year=1800"),
        ("/de/archiv/", "/de/archiv/?year=junk"),
        ("/de/search/?q=Netzwerk", "/de/search/?r=9&q=Netzwerk"),
        ("/de/search/?q=Netzwerk", "/de/search/?q=Netzwerk&page=abc&type=quatsch&year=x"),
        ("/de/search/?q=Netzwerk&type=archive", "/de/search/?type=archive&q=Netzwerk&x=1"),
    ],
)
def test_the_cache_key_holds_only_the_values_a_page_reads(client, first, same):
    assert client.get(first)["X-Cache"] == "MISS"
    response = client.get(same)
    assert (response.status_code, response["X-Cache"]) == (200, "HIT")


def test_filters_still_filter_and_have_entries_of_their_own(client):
    everything = client.get("/de/materialien/").content.decode()
    flyers = client.get("/de/materialien/?utm_source=x&kind=flyer")
    assert flyers["X-Cache"] == "MISS"
    assert flyers.content.decode() != everything
    assert client.get("/de/archiv/?year=2017")["X-Cache"] == "MISS"
    assert client.get("/de/search/?q=Netzwerk&page=2")["X-Cache"] == "MISS"


@pytest.fixture
def recorded_reads(monkeypatch):
    """The names of the query parameters anything looks up while a request is answered."""
    reads: set[str] = set()
    for method in ("get", "getlist", "__getitem__", "__contains__"):
        original = getattr(QueryDict, method)

        def recording(self, key, *args, _original=original, **kwargs):
            reads.add(key)
            return _original(self, key, *args, **kwargs)

        monkeypatch.setattr(QueryDict, method, recording)
    return reads


@pytest.mark.parametrize("name", ALL)
def test_every_page_declares_the_query_parameters_it_reads(client, recorded_reads, name):
    """A page type or view that reads a parameter it does not declare would be cached
    without it (and get it stripped): declare it where the page type or view is defined."""
    from delivery.cache import declared_query_parameters

    url = url_of(name, "de")
    path = url.split("?")[0]
    with translation.override("de"):
        match = resolve(path)
        request = RequestFactory().get(path)
        declared = declared_query_parameters(request, match.func, match.args, match.kwargs)
    assert declared is not None, f"{path}: its view declares no query parameters"
    recorded_reads.clear()
    client.get(url)
    assert recorded_reads <= set(declared)


def test_a_view_that_declares_nothing_keeps_its_query_and_is_not_cached(client):
    """Django's login view (Wagtail's page login) reads ?next= without declaring it: the
    reader must still come back to the page after logging in."""
    response = client.get("/de/_util/login/?next=/de/projekte/")
    assert 'name="next" value="/de/projekte/"' in response.content.decode()
    assert response["X-Cache"] == "MISS"
    assert client.get("/de/_util/login/?next=/de/projekte/")["X-Cache"] == "MISS"


# A full cache disk: a real one --------------------------------------------------------


@pytest.fixture
def small_filesystem(tmp_path):
    """A folder on a 1 MB filesystem of its own that a test may fill: a tmpfs mounted in a
    private mount namespace (unshare; needs no root and mounts nothing anyone else sees),
    reached from this process through /proc/<pid>/root, and gone when its holder ends."""
    mountpoint = tmp_path / "small"
    mountpoint.mkdir()
    holder = subprocess.Popen(
        [
            "unshare",
            "--user",
            "--map-root-user",
            "--mount",
            "sh",
            "-c",
            'mount -t tmpfs -o size=1m,mode=0777 tmpfs "$0" && echo mounted && exec sleep 3600',
            str(mountpoint),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    if holder.stdout.readline().strip() != "mounted":
        holder.kill()
        error = holder.communicate()[1]
        # Never skipped: a full disk is only tested on a real one.
        pytest.fail(
            f"Could not mount a tmpfs in a namespace of its own: {error} "
            "(run as root, or allow unprivileged user namespaces for `unshare --user`)"
        )
    try:
        yield Path(f"/proc/{holder.pid}/root{mountpoint}")
    finally:
        holder.kill()
        holder.wait()


def fill(folder: Path) -> Path:
    """Writes a file into the folder until its filesystem is full (ENOSPC)."""
    filler = folder / "filler"
    descriptor = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        with pytest.raises(OSError) as full:
            while True:
                os.write(descriptor, b"\0" * 4096)
        assert full.value.errno == errno.ENOSPC
    finally:
        os.close(descriptor)
    return filler


def test_publishing_reaches_readers_while_the_cache_disk_is_full(
    client, settings, small_filesystem
):
    settings.CACHES = {
        "default": {
            "BACKEND": "operations.cache_backends.TolerantFileBasedCache",
            "LOCATION": str(small_filesystem / "cache"),
        }
    }
    assert client.get(PROJECT_URL)["X-Cache"] == "MISS"
    assert client.get(PROJECT_URL)["X-Cache"] == "HIT"
    filler = fill(small_filesystem)

    page = project()
    page.title = "MigraPower – trotz voller Platte"
    page.save_revision().publish()
    for _ in range(2):
        response = client.get(PROJECT_URL)
        assert response.status_code == 200
        assert "trotz voller Platte" in response.content.decode()
        # Nothing comes from the cache while no generation can be stored.
        assert response["X-Cache"] == "MISS"
    health = client.get("/healthz")
    assert health.status_code == 200
    assert health.json()["status"] == "degraded"
    cache_check = health.json()["checks"]["cache"]
    assert (cache_check["status"], cache_check["step"]) == ("error", "write")
    assert (cache_check["error"], cache_check["errno"]) == ("OSError", "ENOSPC")
    assert str(small_filesystem) not in health.content.decode()

    # Space is freed: caching resumes, with the published page.
    filler.unlink()
    assert client.get(PROJECT_URL)["X-Cache"] == "MISS"
    response = client.get(PROJECT_URL)
    assert response["X-Cache"] == "HIT"
    assert "trotz voller Platte" in response.content.decode()
    assert client.get("/healthz").json()["checks"]["cache"]["status"] == "ok"
