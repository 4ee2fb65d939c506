"""The static archive's search in Chromium.

The demo content is exported without a base URL and served by a plain HTTP server from a
sub-folder, /archiv-test/, as a static host would: the copy must not assume its address.
"""

import functools
import re
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import expect
from wagtail.models import Page

from materials.models import MaterialPage
from networks.models import NetworkIndexPage, NetworkPage
from static_export.exporter import StaticSiteExporter
from tests.browser.conftest import language_links

pytestmark = [pytest.mark.browser, pytest.mark.output_check]
FOLDER = "archiv-test"


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:
        pass


@pytest.fixture(scope="module")
def static_site(browser, django_db_blocker, tmp_path_factory) -> Iterator[str]:
    """The exported demo site at http://127.0.0.1:<port>/archiv-test/."""
    served = tmp_path_factory.mktemp("static-host")
    with django_db_blocker.unblock():
        StaticSiteExporter(served / FOLDER).export()
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(served))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/{FOLDER}/"
    server.shutdown()
    server.server_close()


@pytest.fixture
def reader(browser, static_site) -> Iterator:
    """A page of a fresh context on the static site; fails the test on any request the
    host could not answer or any script error."""
    context = browser.new_context(base_url=static_site, locale="de-DE")
    context.set_default_timeout(15_000)
    page = context.new_page()
    problems: list[str] = []
    page.on("response", lambda r: r.status >= 400 and problems.append(f"{r.status} {r.url}"))
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("console", lambda m: m.type == "error" and problems.append(m.text))
    yield page
    context.close()
    assert problems == []


def url_of(page: Page, static_site: str) -> str:
    return static_site + page.get_url().lstrip("/")


def test_search_finds_a_network_and_opens_it(reader, static_site):
    network = NetworkPage.objects.live().get(locale__language_code="de", slug="lingua-pankow")
    reader.goto("de/")
    reader.locator(".site-header__tools a.header-tool").click()
    expect(reader).to_have_url(f"{static_site}de/search/")
    reader.get_by_role("searchbox").fill("Lingua Pankow")
    results = reader.locator("pagefind-results")
    results.get_by_role("link", name="Lingua Pankow", exact=True).click()
    expect(reader).to_have_url(url_of(network, static_site))
    expect(reader.get_by_role("heading", level=1)).to_have_text("Lingua Pankow")
    # The language switcher leads to the same page in Turkish.
    turkish = NetworkPage.objects.live().get(
        locale__language_code="tr", translation_key=network.translation_key
    )
    language_links(reader, "Sprache").get_by_role("link", name="Türkçe").click()
    expect(reader).to_have_url(url_of(turkish, static_site))


def test_search_in_turkish_and_arabic(reader, static_site):
    # Turkish, from a link with ?q= (as the home page's SearchAction gives): "broşür" finds
    # "broşürü" through Pagefind's Turkish stemming.
    flyer = MaterialPage.objects.live().get(locale__language_code="tr", kind="flyer")
    reader.goto("tr/search/?q=broşür")
    expect(reader.get_by_role("searchbox")).to_have_value("broşür")
    reader.locator("pagefind-results").get_by_role("link", name=flyer.title, exact=True).click()
    expect(reader).to_have_url(url_of(flyer, static_site))
    # Arabic: right to left, searched in Arabic script.
    networks = NetworkIndexPage.objects.live().get(locale__language_code="ar")
    reader.goto("ar/search/")
    expect(reader.locator("html")).to_have_attribute("dir", "rtl")
    reader.get_by_role("searchbox").fill(networks.title)
    results = reader.locator("pagefind-results")
    results.get_by_role("link", name=networks.title, exact=True).click()
    expect(reader).to_have_url(url_of(networks, static_site))


@pytest.mark.parametrize(("locale", "language"), [("tr-TR", "tr"), ("fr-FR", "de")])
def test_the_root_sends_readers_to_their_language(browser, static_site, locale, language):
    """As the live site's "/" does by Accept-Language, German when none matches."""
    context = browser.new_context(locale=locale)
    page = context.new_page()
    page.goto(static_site)
    expect(page).to_have_url(re.compile(rf"{re.escape(static_site)}{language}/$"))
    context.close()
