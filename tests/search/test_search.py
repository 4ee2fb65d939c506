"""The site search: kinds, snippets, filters, bad input, relevance, and an index that follows
what editors do. Runs on the configured backend: the database backend by default, OpenSearch
when SEARCH_URL is set (.ci/run does both)."""

import io
import logging
import re
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.utils.html import escape
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.search.backends import get_search_backend

from core.models import StandardPage
from easy_language.models import EasyLanguagePage
from home.models import HomePage
from materials.models import MaterialFile, MaterialIndexPage, MaterialPage
from multilingual.stemming import searchable_text
from search.backends import ResilientOpenSearchBackend
from team.models import TeamMember

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def the_configured_engine_answers(request, caplog):
    """Outside the resilience tests, a fallback to the database would hide a broken engine."""
    yield
    if not request.node.name.startswith("test_engine_down"):
        failures = [r for r in caplog.records if "Search backend" in r.getMessage()]
        assert not failures, failures[0].getMessage()


def test_the_configured_backend_is_used():
    backend = get_search_backend()
    if settings.SEARCH_URL:
        assert isinstance(backend, ResilientOpenSearchBackend)
    else:
        # search.database: ranking in one pass on SQLite, matching through an index on
        # PostgreSQL.
        expected = {
            "sqlite": "RankedSQLiteSearchBackend",
            "postgresql": "IndexedPostgresSearchBackend",
        }
        assert type(backend).__name__ == expected[connection.vendor]
    assert backend.search("MigraPower", Page.objects.live()).count() >= 6


def pdf_with(text: str) -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.drawString(72, 720, text)
    pdf.save()
    return buffer.getvalue()


def refresh_index() -> None:
    """OpenSearch shows new documents after a refresh (about a second); make it now."""
    backend = get_search_backend()
    if hasattr(backend, "get_index_for_model"):
        backend.get_index_for_model(Page).refresh()


def search(client, language: str, **params) -> str:
    response = client.get(f"/{language}/search/?{urlencode(params)}")
    assert response.status_code == 200
    return response.content.decode()


def result_urls(html: str) -> list[str]:
    return re.findall(r'class="search-result__title"><a href="([^"]+)"', html)


def page_in(language: str, german_url: str) -> Page:
    german = Page.objects.get(
        url_path__endswith=german_url.removeprefix("/de"), locale__language_code="de"
    )
    return german.get_translation(Locale.objects.get(language_code=language))


# --- relevance: (language, query, the German page whose translation must be in the top 3) --
RELEVANCE = [
    ("de", "MigraPower", "/de/projekte/migrapower/"),
    ("de", "Lingua Pankow", "/de/fachvernetzung/lingua-pankow/"),
    ("de", "Frauen Trennung", "/de/fachvernetzung/ag-frauen-in-trennung/"),
    ("de", "Beratungen", "/de/projekte/willkommen-in-berlin/"),
    ("de", "Oikonomidou", "/de/materialien/flyer-willkommen-in-berlin/"),  # only in the PDF
    ("de", "Flyer Willkommen", "/de/materialien/flyer-willkommen-in-berlin/"),
    ("de", "Bezirksamt", "/de/partner/bezirksamt-pankow/"),
    ("de", "verabschieden", "/de/archiv/2025-abschluss/"),
    ("de", "Impressum", "/de/impressum/"),
    ("de", "Kontakt", "/de/kontakt/"),
    ("en", "goodbye", "/de/archiv/2025-abschluss/"),
    ("en", "privacy", "/de/datenschutz/"),
    ("en", "flyers", "/de/materialien/flyer-willkommen-in-berlin/"),
    ("en", "Kommune Interkulturell", "/de/projekte/kommune-interkulturell/"),
    ("en", "continues", "/de/archiv/2017-migrapower-mit-via/"),
    ("es", "folletos", "/de/materialien/flyer-willkommen-in-berlin/"),
    ("es", "privacidad", "/de/datenschutz/"),
    ("es", "despedimos", "/de/archiv/2025-abschluss/"),
    ("es", "MaMis", "/de/partner/mamis-en-movimiento/"),
    ("it", "volantini", "/de/materialien/flyer-willkommen-in-berlin/"),
    ("it", "congediamo", "/de/archiv/2025-abschluss/"),
    ("it", "BEFaN", "/de/fachvernetzung/befan/"),
    ("it", "Informativa privacy", "/de/datenschutz/"),
    ("tr", "broşür", "/de/materialien/flyer-willkommen-in-berlin/"),
    ("tr", "İLETİŞİM", "/de/kontakt/"),  # dotted capital İ
    ("tr", "IQ Netzwerk", "/de/partner/iq-netzwerk-berlin/"),
    ("tr", "Oikonomidou", "/de/materialien/flyer-willkommen-in-berlin/"),
    ("ar", "الخصوصية", "/de/datenschutz/"),
    ("ar", "منشور", "/de/materialien/flyer-willkommen-in-berlin/"),
    ("ar", "Lingua Pankow", "/de/fachvernetzung/lingua-pankow/"),
    ("ar", "التواصل", "/de/kontakt/"),
    ("ar", "AK Diversity", "/de/fachvernetzung/ak-diversity/"),
    # German words from a letter, on every language's site: the page in the reader's
    # language, found through its German original (issue 23).
    ("en", "Stabilisierung", "/de/projekte/migrapower/"),
    ("en", "Willkommensstrukturen", "/de/projekte/willkommen-in-berlin/"),
    ("es", "Fachberatung", "/de/projekte/migrapower/"),
    ("it", "Willkommensstrukturen", "/de/projekte/willkommen-in-berlin/"),
    ("it", "Stabilisierung", "/de/projekte/migrapower/"),
    ("tr", "Willkommensstrukturen", "/de/projekte/willkommen-in-berlin/"),
    ("tr", "Fachberatung", "/de/projekte/migrapower/"),
    ("tr", "Stabilisierung", "/de/projekte/migrapower/"),
    ("ar", "Stabilisierung", "/de/projekte/migrapower/"),
    ("ar", "Willkommensstrukturen", "/de/projekte/willkommen-in-berlin/"),
    ("en", "Bezirksamt", "/de/partner/bezirksamt-pankow/"),
    ("ar", "Bezirksamt", "/de/partner/bezirksamt-pankow/"),
    ("it", "Bezirksamt Pankow", "/de/partner/bezirksamt-pankow/"),
    # The glossary's terms and their translations as synonyms, both ways.
    ("es", "flyer", "/de/materialien/flyer-willkommen-in-berlin/"),
    ("de", "Folleto", "/de/materialien/flyer-willkommen-in-berlin/"),
    ("de", "volantino", "/de/materialien/flyer-willkommen-in-berlin/"),
    ("tr", "Flyer", "/de/materialien/flyer-willkommen-in-berlin/"),
    ("ar", "Flyer", "/de/materialien/flyer-willkommen-in-berlin/"),
    ("de", "district office", "/de/partner/bezirksamt-pankow/"),
    ("es", "administración del distrito", "/de/partner/bezirksamt-pankow/"),
    ("es", "Integrationsbeauftragte", "/de/projekte/kommune-interkulturell/"),
    ("it", "Fachvernetzung", "/de/fachvernetzung/"),
    ("ar", "Fachberatung", "/de/projekte/migrapower/"),
    # Typos: one edit in words of 4 to 7 letters, two beyond.
    ("de", "Lingua Pankwo", "/de/fachvernetzung/lingua-pankow/"),
    ("de", "Migrapowr", "/de/projekte/migrapower/"),
    ("de", "Oikonomidu", "/de/materialien/flyer-willkommen-in-berlin/"),
    ("en", "Kommune Interkulturel", "/de/projekte/kommune-interkulturell/"),
    ("en", "Diversty", "/de/fachvernetzung/ak-diversity/"),
    ("es", "privacidd", "/de/datenschutz/"),
    ("it", "volantni", "/de/materialien/flyer-willkommen-in-berlin/"),
    ("tr", "iletişm", "/de/kontakt/"),
    ("ar", "الخصوصيه", "/de/datenschutz/"),
    # German compounds: a compound finds the pages with its parts.
    ("de", "Elternnetzwerk", "/de/fachvernetzung/befan/"),
    ("de", "Frauennetzwerk", "/de/fachvernetzung/ag-frauen-in-trennung/"),
    ("de", "Migrantenorganisationen MigraPower", "/de/projekte/migrapower/"),
    ("en", "Elternnetzwerk", "/de/fachvernetzung/befan/"),
    ("es", "Elternnetzwerk", "/de/fachvernetzung/befan/"),
    ("it", "Elternnetzwerk", "/de/fachvernetzung/befan/"),
    ("tr", "Elternnetzwerk", "/de/fachvernetzung/befan/"),
    ("ar", "Elternnetzwerk", "/de/fachvernetzung/befan/"),
]


@pytest.mark.parametrize(("language", "query", "german_url"), RELEVANCE)
def test_relevance(client, language, query, german_url):
    expected = page_in(language, german_url).url
    assert expected in result_urls(search(client, language, q=query))[:3]


def test_relevance_set_covers_every_language_and_kind():
    assert {language for language, _q, _u in RELEVANCE} == {c for c, _n in settings.LANGUAGES}
    kinds = {url.split("/")[2] for _l, _q, url in RELEVANCE}
    assert {"projekte", "fachvernetzung", "partner", "materialien", "archiv"} <= kinds
    assert len(RELEVANCE) >= 60


# --- the results page --------------------------------------------------------------------


def test_a_result_shows_kind_snippet_and_link(client):
    html = search(client, "de", q="Beratungen")
    result = html[html.index('<a href="/de/projekte/willkommen-in-berlin/">') :]
    result = result[: result.index("</li>")]
    # The kind, after its pictogram.
    assert re.search(
        r'class="search-result__kind"><svg[^>]*><use href="[^"]*#projects"></use></svg> Projekt',
        html,
    )
    # "Beratungen" finds "Beratung" and marks it.
    assert "<mark>Beratung</mark>" in result
    assert 'value="Beratungen"' in html  # the query stays in the box


def test_materials_link_to_their_file_with_type_and_size(client):
    html = search(client, "de", q="Oikonomidou")
    material = MaterialPage.objects.get(locale__language_code="de")
    assert f'href="{material.document.url}" download' in html
    assert "(PDF, 4,8\xa0KB, 2 Seiten)" in html
    assert "<mark>Oikonomidou</mark>" in html  # the snippet comes from the PDF's text


def test_kinds_have_counts_and_filter(client):
    html = search(client, "de", q="Netzwerk")
    counts = dict(re.findall(r'type=(\w+)">[^<]+<span class="count">\((\d+)\)', html))
    assert int(counts["network"]) >= 4 and int(counts["project"]) >= 1
    only_networks = search(client, "de", q="Netzwerk", type="network")
    urls = result_urls(only_networks)
    assert urls and all(url.startswith("/de/fachvernetzung/") for url in urls)
    assert 'type=network" aria-current="true"' in only_networks


def test_archive_filters_by_year(client):
    html = search(client, "de", q="migraUp", type="archive")
    years = dict(re.findall(r'year=(\d{4})"[^>]*>\d{4} <span class="count">\((\d+)\)', html))
    assert "2015" in years and "2025" in years
    urls = result_urls(search(client, "de", q="migraUp", type="archive", year="2025"))
    assert urls and all(url.startswith("/de/archiv/2025-") for url in urls)


def test_highlighting_escapes_content_and_query(client):
    home = HomePage.objects.get(locale__language_code="de")
    page = StandardPage(
        title="Sicherheitsprobe", slug="sicherheitsprobe", intro='<b onclick="x()">Fettdruck</b>'
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    refresh_index()
    html = search(client, "de", q="Fettdruck <script>alert(1)</script>")
    assert "&lt;b onclick=&quot;x()&quot;&gt;" in html and "<b onclick" not in html
    assert "<script>alert(1)" not in html
    html = search(client, "de", q="Fettdruck")
    assert "<mark>Fettdruck</mark>" in html


def test_pagination_keeps_query_and_filter(client):
    for number in range(12):
        page = StandardPage(title=f"Zählprobe {number}", slug=f"zaehlprobe-{number}")
        HomePage.objects.get(locale__language_code="de").add_child(instance=page)
        page.save_revision().publish()
    refresh_index()
    first = search(client, "de", q="Zählprobe")
    assert len(result_urls(first)) == 10
    assert 'href="?q=Z%C3%A4hlprobe&amp;type=page&amp;page=2"' not in first
    assert 'href="?q=Z%C3%A4hlprobe&amp;page=2" rel="next"' in first
    second = search(client, "de", q="Zählprobe", page="2")
    assert len(result_urls(second)) == 2
    assert search(client, "de", q="Zählprobe", page="99999").count("search-result__title") == 2
    assert search(client, "de", q="Zählprobe", page="-1").count("search-result__title") == 10


def test_no_result_has_a_helpful_empty_state(client):
    html = search(client, "de", q="Quasselstrippe")
    assert "Nichts gefunden für „Quasselstrippe“" in html
    assert 'class="empty-state"' in html


def test_all_words_first_then_any(client):
    html = search(client, "de", q="MigraPower Quasselstrippe")
    assert page_in("de", "/de/projekte/migrapower/").url in result_urls(html)
    assert 'class="search-any-word"' in html


BAD_INPUT = [
    {"q": ""},
    {"q": "x" * 10_000},
    {"q": '" ( ) AND OR NOT * : \\ ~ ^ -'},
    {"q": '"Lingua Pankow'},
    {"q": "'; DROP TABLE wagtailcore_page; --"},
    {"q": "1 OR 1=1"},
    {"q": "الشبكة"},
    {"q": "İstanbul ıspanak ISPARTA"},
    {"q": "🙂 Netzwerk 🌍"},
    {"q": "Netzwerk", "page": "-1"},
    {"q": "Netzwerk", "page": "abc"},
    {"q": "Netzwerk", "page": "99999"},
    {"q": "Netzwerk", "type": "<script>"},
    {"q": "Netzwerk", "type": "archive", "year": "abcd"},
    {"q": "Netzwerk", "type": "archive", "year": "99999999999999999999"},
    {"q": "\x00Netzwerk"},
]


@pytest.mark.parametrize("params", BAD_INPUT)
@pytest.mark.parametrize("language", ["de", "tr", "ar"])
def test_bad_input_answers(client, language, params):
    html = search(client, language, **params)
    assert 'role="search"' in html
    box = re.search(r'id="search-q" type="search" name="q" value="([^"]*)"', html).group(1)
    assert len(box) <= 200  # the query is capped and shown escaped
    assert "<script>" not in html.split("</head>")[1]


# --- the index follows the content ---------------------------------------------------------


def test_index_follows_publish_unpublish_move_and_delete(client):
    home = HomePage.objects.get(locale__language_code="de")
    page = StandardPage(title="Sprechcafé Wedding", slug="sprechcafe", live=False)
    home.add_child(instance=page)
    page.save_revision()  # a draft is not found
    refresh_index()
    assert result_urls(search(client, "de", q="Sprechcafé")) == []
    page.get_latest_revision().publish()
    refresh_index()
    assert result_urls(search(client, "de", q="Sprechcafé")) == ["/de/sprechcafe/"]
    page.move(StandardPage.objects.get(locale__language_code="de", slug="impressum"), "last-child")
    refresh_index()
    assert result_urls(search(client, "de", q="Sprechcafé")) == ["/de/impressum/sprechcafe/"]
    page.refresh_from_db()
    page.unpublish()
    refresh_index()
    assert result_urls(search(client, "de", q="Sprechcafé")) == []
    page.save_revision().publish()
    page.delete()
    refresh_index()
    assert result_urls(search(client, "de", q="Sprechcafé")) == []


def test_index_follows_translation(client):
    home = HomePage.objects.get(locale__language_code="de")
    page = StandardPage(title="Elterncafé", slug="elterncafe")
    home.add_child(instance=page)
    page.save_revision().publish()
    english = page.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title, english.slug = "Parents' café", "parents-cafe"
    english.save_revision().publish()
    refresh_index()
    assert result_urls(search(client, "en", q="parents café")) == ["/en/parents-cafe/"]
    assert result_urls(search(client, "de", q="parents")) == []


def test_new_uploads_are_searchable_by_their_text(client):
    document = get_document_model().objects.create(
        title="Handreichung",
        file=ContentFile(pdf_with("Handreichung Zuckerwattenmaschine"), "hand.pdf"),
    )
    index_page = MaterialIndexPage.objects.get(locale__language_code="de")
    material = MaterialPage(title="Handreichung", slug="handreichung")
    material.files = [MaterialFile(language="de", document=document)]
    index_page.add_child(instance=material)
    material.save_revision().publish()
    # Revisions do not carry the file's text; publishing extracted it again.
    assert "document_text" not in material.latest_revision.content
    refresh_index()
    assert "/de/materialien/handreichung/" in result_urls(
        search(client, "de", q="Zuckerwattenmaschine")
    )
    # The editor replaces the file: the new words are found, the old ones are gone.
    document.file = ContentFile(pdf_with("Handreichung Seifenblasenwerkstatt"), "hand2.pdf")
    document._set_file_hash()
    document.save()
    refresh_index()
    assert "/de/materialien/handreichung/" in result_urls(
        search(client, "de", q="Seifenblasenwerkstatt")
    )
    assert result_urls(search(client, "de", q="Zuckerwattenmaschine")) == []


def test_update_index_rebuilds(client):
    call_command("update_index", stdout=io.StringIO())
    refresh_index()
    assert page_in("de", "/de/projekte/migrapower/").url in result_urls(
        search(client, "de", q="MigraPower")
    )


# --- resilience ----------------------------------------------------------------------------

# The engine as production configures it (SEARCH_URL set), where nothing listens (the discard
# port). RETRY_AFTER 0: each test sees the engine fail, not the rest an earlier one began.
UNREACHABLE_ENGINE = {
    **settings.SEARCH_ENGINE,
    "URLS": ["http://127.0.0.1:9"],
    "TIMEOUT": 1,
    "AUTO_UPDATE": False,
    "RETRY_AFTER": 0,
}
ENGINE_DOWN_WITH_FALLBACK = {"default": UNREACHABLE_ENGINE, "database": settings.DATABASE_SEARCH}


def engine_failures(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if "Search backend failed" in r.getMessage()]


def test_engine_down_falls_back_to_the_database(client, caplog):
    with (
        override_settings(WAGTAILSEARCH_BACKENDS=ENGINE_DOWN_WITH_FALLBACK),
        caplog.at_level(logging.WARNING),
    ):
        html = search(client, "de", q="Lingua Pankow")
    assert "/de/fachvernetzung/lingua-pankow/" in result_urls(html)
    assert engine_failures(caplog)


def test_engine_down_rests_the_engine_one_warning_per_outage(client, caplog):
    # Its own address: the other tests must not find this engine resting.
    engine = {**UNREACHABLE_ENGINE, "URLS": ["http://127.0.0.1:9/resting"], "RETRY_AFTER": 60}
    resting = {**ENGINE_DOWN_WITH_FALLBACK, "default": engine}
    with override_settings(WAGTAILSEARCH_BACKENDS=resting), caplog.at_level(logging.WARNING):
        # A search page makes several queries (facets, count, hits, other languages).
        first = search(client, "de", q="Lingua Pankow")
        again = search(client, "de", q="Mehrsprachigkeit")
    assert "/de/fachvernetzung/lingua-pankow/" in result_urls(first)
    assert "/de/fachvernetzung/lingua-pankow/" in result_urls(again)
    assert len(engine_failures(caplog)) == 1


def test_engine_down_without_fallback_says_so(client, caplog):
    with override_settings(WAGTAILSEARCH_BACKENDS={"default": UNREACHABLE_ENGINE}):
        response = client.get("/de/search/?q=Lingua+Pankow")
    assert response.status_code == 503
    assert "Die Suche ist gerade nicht verfügbar" in response.content.decode()


def test_a_programming_error_in_search_is_not_taken_for_an_outage(client, monkeypatch):
    """A bug (such as the stemmers' thread race was) must show as one: a 500 and a logged
    traceback, not results served as if they were right and a warning about the engine."""

    def broken_stemming(*args, **kwargs):
        raise IndexError("string index out of range")

    monkeypatch.setattr("search.views.reader_query", broken_stemming)
    client.raise_request_exception = False
    with override_settings(WAGTAILSEARCH_BACKENDS=ENGINE_DOWN_WITH_FALLBACK):
        response = client.get("/de/search/?q=Lingua+Pankow")
    assert response.status_code == 500
    # (No "Search backend failed" either: the autouse fixture above checks.)


def test_publishing_works_while_the_engine_is_down(client):
    engine = {**UNREACHABLE_ENGINE, "AUTO_UPDATE": True}
    with override_settings(WAGTAILSEARCH_BACKENDS={"default": engine}):
        page = StandardPage(title="Trotzdem veröffentlicht", slug="trotzdem")
        HomePage.objects.get(locale__language_code="de").add_child(instance=page)
        page.save_revision().publish()
    assert client.get("/de/trotzdem/").status_code == 200


def first_title_word(model) -> str:
    """A word of an object's title that the database index finds, to search for."""
    obj = model.objects.order_by("pk").first()
    word = max(re.findall(r"\w{4,}", obj.title), key=len)
    assert get_search_backend().search(word, model).count() >= 1
    return word


@pytest.mark.parametrize("endpoint", ["pages", "documents", "images"])
def test_engine_down_api_search_answers_from_the_database(client, caplog, endpoint):
    model = {"pages": StandardPage, "documents": get_document_model(), "images": get_image_model()}
    word = first_title_word(model[endpoint])
    expected = client.get(f"/api/v3/{endpoint}/?search={word}").json()
    assert expected["count"] >= 1
    with override_settings(WAGTAILSEARCH_BACKENDS=ENGINE_DOWN_WITH_FALLBACK):
        response = client.get(f"/api/v3/{endpoint}/?search={word}")
    assert response.status_code == 200, response.content[:300]
    # The same items; their order is each backend's own relevance (with SEARCH_URL set,
    # the expected answer comes from OpenSearch).
    answer = response.json()
    assert answer["count"] == expected["count"]
    assert sorted(answer["items"], key=lambda item: item["id"]) == sorted(
        expected["items"], key=lambda item: item["id"]
    )
    assert engine_failures(caplog)


def test_engine_down_without_fallback_the_api_answers_503_problem(client):
    with override_settings(WAGTAILSEARCH_BACKENDS={"default": UNREACHABLE_ENGINE}):
        response = client.get("/api/v3/pages/?search=Pankow")
    assert response.status_code == 503
    assert response["Content-Type"].startswith("application/problem+json")
    assert response["Retry-After"]
    assert response.json()["detail"] == "Search is unavailable; try again later."


@pytest.mark.parametrize(
    "url,model",
    [
        ("/admin/pages/search/", StandardPage),
        ("/admin/documents/", "document"),
        ("/admin/images/", "image"),
        ("/admin/snippets/team/teammember/", TeamMember),
    ],
)
def test_engine_down_admin_search_answers_from_the_database(admin_client, url, model):
    model = {"document": get_document_model(), "image": get_image_model()}.get(model, model)
    obj = model.objects.order_by("pk").first()
    title = getattr(obj, "title", None) or obj.name
    word = max(re.findall(r"\w{4,}", title), key=len)
    with override_settings(WAGTAILSEARCH_BACKENDS=ENGINE_DOWN_WITH_FALLBACK):
        response = admin_client.get(url, {"q": word})
        everything = admin_client.get(url, {"q": ""})
    assert response.status_code == 200
    assert escape(title) in response.content.decode()
    assert everything.status_code == 200


# --- Hits in other languages --------------------------------------------------------------


def elsewhere(html: str) -> list[tuple[str, str, str]]:
    """(language of the title, URL, language label) of each hit in another language."""
    if 'id="search-elsewhere-title"' not in html:
        return []
    section = html[html.index('id="search-elsewhere-title"') : html.index("</section>")]
    return [
        (lang, url, re.sub(r"<[^>]+>", "", label).strip())
        for lang, url, label in re.findall(
            r'class="search-result__title" lang="([^"]+)" dir="[a-z]+"><a href="([^"]+)"'
            r'[^>]*>.*?class="search-result__languages">(.*?)</p>',
            section,
            re.S,
        )
    ]


def german_only_page(title: str, slug: str, text: str, live: bool = True) -> StandardPage:
    home = HomePage.objects.get(locale__language_code="de")
    page = StandardPage(title=title, slug=slug, intro=text, live=live)
    home.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    return page


def test_pages_only_in_another_language_are_found_below_and_labelled(client):
    german_only_page("Zwiebelturmfest", "zwiebelturmfest", "Ein Fest am Zwiebelturm in Pankow.")
    refresh_index()

    html = search(client, "es", q="Zwiebelturm")
    # Nothing in Spanish, but the German page is offered, labelled in Spanish and marked up
    # as German (title and passage).
    assert result_urls(html) == []
    assert elsewhere(html) == [("de", "/de/zwiebelturmfest/", "Solo en alemán")]
    assert '<p class="search-result__snippet" lang="de" dir="ltr">' in html
    assert "Estas páginas no están traducidas al español." in html

    # German readers find it among their own results, not below.
    html = search(client, "de", q="Zwiebelturm")
    assert result_urls(html) == ["/de/zwiebelturmfest/"] and elsewhere(html) == []


def test_a_page_in_several_other_languages_is_listed_once_with_all_of_them(client):
    page = german_only_page("Brunnenfest", "brunnenfest", "Das Brunnenfest im Bürgerpark.")
    for code in ("tr", "ar"):
        page.copy_for_translation(Locale.objects.get(language_code=code)).save_revision().publish()
    refresh_index()

    hits = elsewhere(search(client, "it", q="Brunnenfest"))
    assert len(hits) == 1, hits
    language, url, label = hits[0]
    shown = {"de": "tedesco", "tr": "turco", "ar": "arabo"}[language]
    others = sorted({"DE", "TR", "AR"} - {language.upper()}, key=["DE", "TR", "AR"].index)
    assert label == f"In {shown}, anche in: {', '.join(others)}"
    assert url.startswith(f"/{language}/")
    # Turkish readers have it in their language: among their results, not below.
    html = search(client, "tr", q="Brunnenfest")
    assert result_urls(html) == ["/tr/brunnenfest/"] and elsewhere(html) == []


def test_a_private_version_is_not_among_a_hits_languages(client):
    page = german_only_page("Brunnenfest", "brunnenfest", "Das Brunnenfest im Bürgerpark.")
    translations = {}
    for code in ("tr", "ar"):
        translations[code] = page.copy_for_translation(Locale.objects.get(language_code=code))
        translations[code].save_revision().publish()
    refresh_index()
    assert languages_listed(search(client, "it", q="Brunnenfest")) == [{"DE", "TR", "AR"}]

    # Made private: from the next search on, the Arabic version is neither listed nor shown.
    PageViewRestriction.objects.create(page=translations["ar"], restriction_type="login")
    assert languages_listed(search(client, "it", q="Brunnenfest")) == [{"DE", "TR"}]


def languages_listed(html: str) -> list[set[str]]:
    """Each hit in another language: its own language and those it is also in."""
    return [
        {language.upper(), *re.findall(r"\b[A-Z]{2}\b", label)}
        for language, _url, label in elsewhere(html)
    ]


def test_german_readers_find_a_page_left_only_in_another_language(client):
    """Most pages are German, so German readers' search below covers only the few that
    are not: a page whose German version was unpublished is one of them."""
    page = german_only_page("Hoffest", "hoffest", "Das Hoffest im Garten der Begegnung.")
    page.copy_for_translation(Locale.objects.get(language_code="tr")).save_revision().publish()
    page.unpublish()
    refresh_index()

    html = search(client, "de", q="Hoffest")
    assert result_urls(html) == []
    assert [(language, url) for language, url, _label in elsewhere(html)] == [
        ("tr", "/tr/hoffest/")
    ]


def test_an_arabic_hit_on_a_german_page_keeps_its_latin_names_in_place(client):
    """A German reader's hit in Arabic runs right to left inside the German page: its Latin
    names are isolated as on Arabic pages, so "e.V." keeps its dot with the name."""
    page = german_only_page("Gartenfest", "gartenfest", "Das Gartenfest im Kiez.")
    arabic = page.copy_for_translation(Locale.objects.get(language_code="ar"))
    arabic.title = "حفل الحديقة مع MaMis en Movimiento e.V."
    arabic.save_revision().publish()
    page.unpublish()
    refresh_index()

    html = search(client, "de", q="Gartenfest")
    assert [(language, url) for language, url, _label in elsewhere(html)] == [
        ("ar", "/ar/gartenfest/")
    ]
    assert "حفل الحديقة مع <bdi>MaMis en Movimiento e.V.</bdi></a>" in html


def test_other_languages_respect_drafts_privacy_and_filters(client):
    german_only_page("Laternenumzug", "laternenumzug", "Laternenumzug am Abend.", live=False)
    private = german_only_page("Laternenbasteln", "laternenbasteln", "Laternen basteln.")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    german_only_page("Laternenlieder", "laternenlieder", "Laternenlieder singen.")
    refresh_index()

    urls = [url for _lang, url, _label in elsewhere(search(client, "en", q="Laternenlieder"))]
    assert urls == ["/de/laternenlieder/"]
    for word in ("Laternenumzug", "Laternenbasteln"):
        assert elsewhere(search(client, "en", q=word)) == []
    # A kind filter applies below too: the page is not a project.
    assert elsewhere(search(client, "en", q="Laternenlieder", type="project")) == []
    assert elsewhere(search(client, "en", q="Laternenlieder", type="page")) != []


def test_arabic_readers_see_german_hits_marked_left_to_right(client):
    german_only_page("Kiezspaziergang", "kiezspaziergang", "Ein Kiezspaziergang durch Pankow.")
    refresh_index()
    html = search(client, "ar", q="Kiezspaziergang")
    assert [(lang, url) for lang, url, _label in elsewhere(html)] == [
        ("de", "/de/kiezspaziergang/")
    ]
    assert 'lang="de" dir="ltr"><a href="/de/kiezspaziergang/" hreflang="de">' in html


def test_a_headings_level_is_not_quoted_as_the_pages_text(client):
    """The heading block's level ("Level 2") is a setting, not text of the page."""
    page = EasyLanguagePage.objects.get(url_path__endswith="/migrapower/einfache-sprache/")
    assert any(block.block_type == "heading" for block in page.body)
    text = searchable_text(page)
    assert "Level 2" not in text and "Level 3" not in text
    html = search(client, "en", q="MigraPower")
    assert "Level 2" not in html and "Ebene 2" not in html
