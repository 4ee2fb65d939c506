"""Every page type renders its content, in accessible HTML, under /de/."""

import re

import pytest

from archive.models import ArchiveIndexPage
from tests.reading import visible_text

pytestmark = pytest.mark.django_db

PAGES = {
    "/de/": [
        "Fachvernetzung für die Migrationsgesellschaft",
        "migraUp! 2015–2025 – Abschluss eines gemeinsamen Weges",
        "Danke für zehn Jahre Vertrauen, Zusammenarbeit und gemeinsames Lernen.",
        "Akteursanalyse",
        "Repräsentanten der Integrationspolitik auf lokaler Ebene",
        "Setzen Sie sich mit uns in Verbindung!",
    ],
    "/de/projekte/": ["MigraPower", "Kommune Interkulturell", "Willkommen in Berlin"],
    "/de/projekte/migrapower/": [
        "Fachberatung für Migrant*innenorganisationen",
        "<dt>Gefördert vom</dt>",
        'href="/de/partner/bezirksamt-pankow/"><bdi>Bezirksamt Pankow</bdi></a>',
        'href="/de/partner/mamis-en-movimiento/"><bdi>MaMis en Movimiento e.V.</bdi></a>',
        "Direkte Ziele für das Projekt",
        "Unser Angebot richtet sich an:",
        "Arbeitshilfen als fassbare Instrumente",
        "Netzwerk in Pankow",
    ],
    "/de/projekte/kommune-interkulturell/": [
        "Inna Schulze",
        'href="tel:+4930290069 48"'.replace(" ", ""),
        'href="mailto:iq-netz-via@via-in-berlin.de"',
        "Petersburger Straße 92",
        "Ziele des Teilprojekts",
        'href="/de/partner/iq-netzwerk-berlin/"',
    ],
    "/de/projekte/willkommen-in-berlin/": [
        "Maria Oikonomidou",
        "maria.oikonomidou@via-in-berlin.de",
        "Anerkennung von beruflichen Qualifikationen aus dem Ausland",
        "Vereins- und Arbeitsrecht",
        "Arbeitsmarktgespräche",
        "/documents/",
        "PDF",
    ],
    "/de/fachvernetzung/": [
        "Barrieren abbauen und Teilhabe sichern.",
        "Kompetenzbereiche",
        "Lingua Pankow",
        "AK Diversity",
        "AG Frauen in Trennung",
        "BEFaN",
    ],
    "/de/fachvernetzung/befan/": ["Bildung-Eltern-Familie-Nachbarschaft"],
    "/de/fachvernetzung/lingua-pankow/": ["Arbeitskreis Lingua Pankow", "Schulen und Kitas"],
    "/de/partner/": ["VIA Regionalverband Berlin/Brandenburg e.V.", "IQ Netzwerk Berlin"],
    "/de/partner/via-regionalverband-berlin-brandenburg/": [
        "1992",
        "40",
        "27",
        "http://www.via-in-berlin.de/",
        # Projects are derived from the projects' organisation lists.
        'href="/de/projekte/migrapower/"',
        'href="/de/projekte/kommune-interkulturell/"',
        'href="/de/projekte/willkommen-in-berlin/"',
    ],
    "/de/partner/bezirksamt-pankow/": ['href="/de/projekte/migrapower/"'],
    "/de/materialien/": ["Flyer: Willkommen in Berlin", "/documents/"],
    "/de/materialien/flyer-willkommen-in-berlin/": [
        "Flyer: Willkommen in Berlin",
        'href="/de/projekte/willkommen-in-berlin/"',
        "PDF",
    ],
    "/de/archiv/": ["2015", "2017", "2025", "Beginn von migraUp!"],
    "/de/archiv/2017-migrapower-mit-via/": ["2017", 'href="/de/projekte/migrapower/"'],
    "/de/kontakt/": ["Setzen Sie sich mit uns in Verbindung!", 'name="csrfmiddlewaretoken"'],
    "/de/impressum/": ["Angaben zum Betreiber", "wer diese Website betreibt, folgen hier"],
    "/de/datenschutz/": ["Datenschutzerklärung"],
}


@pytest.mark.parametrize("url", PAGES)
def test_page_renders_its_content(client, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    shown = visible_text(html)  # a sentence reads the same with a glossary term marked in it
    for text in PAGES[url]:
        assert text in html or text in shown, f"{text!r} missing on {url}"


@pytest.mark.parametrize("url", PAGES)
def test_page_is_accessible_html(client, url):
    html = client.get(url).content.decode()
    assert '<html lang="de" dir="ltr">' in html
    assert len(re.findall(r"<h1[ >]", html)) == 1, "exactly one h1"
    assert '<a class="skip-link" href="#main">Zum Inhalt springen</a>' in html
    assert 'id="main"' in html
    for landmark in ("<header", "<nav", "<main", "<footer"):
        assert landmark in html
    # Every image has an alt attribute; nothing is loaded from another origin.
    for img in re.findall(r"<img[^>]*>", html):
        assert "alt=" in img
    assert not re.search(
        r'(src|href)="(https?:)?//(?!127\.0\.0\.1|localhost|testserver)[^"]*\.(css|js|woff2?)"',
        html,
    )


def test_footer_links_legal_pages_and_partners(client):
    html = client.get("/de/projekte/").content.decode()
    footer = html[html.index("<footer") :]
    assert 'href="/de/impressum/"' in footer
    assert 'href="/de/datenschutz/"' in footer
    assert 'href="/de/partner/via-regionalverband-berlin-brandenburg/"' in footer


def test_navigation_and_breadcrumbs(client):
    html = client.get("/de/fachvernetzung/ak-diversity/").content.decode()
    nav = html[
        html.index('class="main-nav"') : html.index("</nav>", html.index('class="main-nav"'))
    ]
    for section in ("Projekte", "Fachvernetzung", "Partner", "Materialien", "Archiv", "Kontakt"):
        assert section in nav
    assert 'class="is-ancestor">Fachvernetzung' in nav
    crumbs = html[html.index('class="breadcrumbs') :]
    assert 'href="/de/fachvernetzung/"' in crumbs
    assert '<span aria-current="page">AK Diversity</span>' in crumbs


def test_home_shows_farewell_before_everything_else(client):
    html = client.get("/de/").content.decode()
    main = html[html.index("<main") :]
    assert main.index("Abschluss eines gemeinsamen Weges") < main.index("Hauptziel")


def test_archive_filters_by_year(client):
    html = client.get("/de/archiv/?year=2017").content.decode()
    assert "Vorhaben: MigraPower ab 2017 mit VIA" in html
    assert "Beginn von migraUp!" not in html
    assert 'href="?year=2017" aria-current="true"' in html


def test_the_archive_offers_and_lists_only_years_with_entries(client):
    archive = ArchiveIndexPage.objects.get(locale__language_code="de")
    years = {entry.year for entry in archive.get_entries()}
    assert len(years) < len(archive.years), "the demo archive has years without entries"
    html = client.get(archive.url).content.decode()
    offered = {int(year) for year in re.findall(r'href="\?year=(\d{4})"', html)}
    listed = {int(year) for year in re.findall(r'<h2 id="year-(\d{4})"', html)}
    assert offered == listed == years
    assert "noch keine Einträge" not in html
    # A year typed into the address still answers, saying it has none.
    empty = min(set(archive.years) - years)
    html = client.get(archive.url, {"year": empty}).content.decode()
    assert f'<h2 id="year-{empty}">' in html


@pytest.mark.parametrize("year", ["abc", "-1", "1900", "99999999999999999999", ""])
def test_archive_ignores_invalid_years(client, year):
    response = client.get("/de/archiv/", {"year": year})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Beginn von migraUp!" in html and "Wir verabschieden uns." in html


def test_materials_filter_by_kind(client):
    def listing(kind: str) -> str:
        html = client.get("/de/materialien/", {"kind": kind}).content.decode()
        return html[html.index("<main") : html.index("</main>")]

    assert "Flyer: Willkommen" in listing("flyer")
    assert "Flyer: Willkommen" not in listing("report")
    assert client.get("/de/materialien/?kind=<script>").status_code == 200


def test_root_redirects_to_the_readers_language(client):
    assert client.get("/").headers["Location"] == "/de/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="xx, garbage;q=abc").headers["Location"] == "/de/"


def test_search_page_answers(client):
    response = client.get("/de/search/", {"q": "Lingua"})
    assert response.status_code == 200
    assert 'href="/de/fachvernetzung/lingua-pankow/"' in response.content.decode()
    for query in ["", "x" * 10_000, '" ( ) AND OR NOT * : \\ ~ ^ -']:
        assert client.get("/de/search/", {"q": query, "page": "abc"}).status_code == 200


def test_robots_txt_names_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Disallow: /ar/search/?" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert client.get("/sitemap.xml").status_code == 200


@pytest.mark.parametrize(
    ("home", "contact"),
    [("/de/", "/de/kontakt/"), ("/en/", "/en/contact/"), ("/ar/", "/ar/contact/")],
)
def test_a_call_to_action_leads_to_the_page_in_the_readers_language(client, home, contact):
    """The translations copy the German page's choice; readers go to their language's page."""
    page = client.get(home).content.decode()
    assert f'<p class="cta"><a class="button" href="{contact}">' in page
