"""Content that exists only in German is listed in the other languages too (issue 21).

A new German material, archive entry, project, network or partner without a live
translation appears in the other languages' lists, linked to the German page and marked
“only in German” in the reader's language (as search marks such pages, issue 9), instead of
being missing without a word; the archive counts it for its year; the translation replaces
it once it is published.
"""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page, PageViewRestriction

from archive.models import ArchiveEntryPage, ArchiveIndexPage
from demo import content
from materials.models import MaterialFile, MaterialIndexPage, MaterialPage
from networks.models import NetworkIndexPage, NetworkPage
from partners.models import PartnerIndexPage, PartnerPage
from projects.models import ProjectIndexPage, ProjectPage
from tests.delivery.test_query_budget import QUERY_BUDGET, evict_page

pytestmark = pytest.mark.django_db

# "Only in German" in each reader's language (the label search shows, too).
ONLY_IN_GERMAN = {
    "en": "Only in German",
    "es": "Solo en alemán",
    "it": "Solo in tedesco",
    "tr": "Yalnızca Almanca",
    "ar": "باللغة الألمانية فقط",
}


def index_in(model: type[Page], language: str) -> Page:
    return model.objects.get(locale__language_code=language)


def publish_under(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def demo_document(language: str):
    """The demo flyer's file in this language (a material may share a document)."""
    flyer = MaterialPage.objects.get(locale__language_code="de", slug=content.FLYER["slug"])
    return next(file.document for file in flyer.bundle if file.language == language)


def german_material(title: str, slug: str, languages=("de", "tr"), **fields) -> MaterialPage:
    page = MaterialPage(title=title, slug=slug, kind="handout", **fields)
    page.files = [MaterialFile(language=code, document=demo_document(code)) for code in languages]
    return publish_under(index_in(MaterialIndexPage, "de"), page)


def soup(client: Client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content.decode(), "html.parser")


def card_of(page: BeautifulSoup, title: str):
    """The card (list item) whose title is this text; fails if there is none or several."""
    cards = [
        heading.find_parent("li")
        for heading in page.select(".card__title")
        if heading.get_text(strip=True).replace("\u00ad", "") == title
    ]
    assert len(cards) == 1, [h.get_text(strip=True) for h in page.select(".card__title")]
    return cards[0]


def titles(page: BeautifulSoup) -> list[str]:
    return [h.get_text(strip=True).replace("\u00ad", "") for h in page.select(".card__title")]


def assert_marked_german(card, german_url: str, language: str) -> None:
    """The card links to the German page, says it is only in German in the reader's
    language, and marks its title up as German (left to right, also in Arabic)."""
    heading = card.select_one(".card__title")
    assert heading["lang"] == "de" and heading["dir"] == "ltr"
    link = heading.find("a")
    assert link["href"] == german_url and link["hreflang"] == "de"
    label = card.select_one(".card__only-in")
    assert label is not None and label.get_text(strip=True) == ONLY_IN_GERMAN[language]
    assert not label.has_attr("lang")  # the label is in the reader's language


# Materials


def test_a_german_only_material_with_a_turkish_file_is_listed_in_turkish(client):
    page = german_material("Arbeitshilfe Elternabend", "arbeitshilfe-elternabend")
    materials_url = index_in(MaterialIndexPage, "tr").url
    assert materials_url == "/tr/materyaller/"

    html = soup(client, materials_url)
    card = card_of(html, "Arbeitshilfe Elternabend")
    assert_marked_german(card, page.url, "tr")
    # Its Turkish file is offered, first, as on the German page.
    downloads = card.select(".material-files a[download]")
    assert [link["hreflang"] for link in downloads] == ["tr", "de"]
    # The reader's own materials come first.
    assert titles(html)[-1] == "Arbeitshilfe Elternabend"
    # The language filter finds it by its Turkish file, and offers handouts in Turkish.
    assert "Arbeitshilfe Elternabend" in titles(soup(client, f"{materials_url}?language=tr"))
    assert "Arbeitshilfe Elternabend" in titles(soup(client, f"{materials_url}?kind=handout"))

    # German readers see it as one of theirs, unmarked.
    german = soup(client, "/de/materialien/")
    assert not card_of(german, "Arbeitshilfe Elternabend").select(".card__only-in")


def test_the_published_translation_replaces_the_german_material(client):
    page = german_material("Arbeitshilfe Ehrenamt", "arbeitshilfe-ehrenamt")
    turkish = page.copy_for_translation(Locale.objects.get(language_code="tr"))
    # A translation still in draft hides nothing.
    assert "Arbeitshilfe Ehrenamt" in titles(soup(client, "/tr/materyaller/"))

    turkish.title = "Gönüllülük çalışma kılavuzu"
    turkish.save_revision().publish()
    html = soup(client, "/tr/materyaller/")
    assert "Arbeitshilfe Ehrenamt" not in titles(html)
    card = card_of(html, "Gönüllülük çalışma kılavuzu")
    assert not card.select(".card__only-in") and not card.select_one(".card__title").has_attr(
        "lang"
    )
    # The other languages still list the German page.
    assert "Arbeitshilfe Ehrenamt" in titles(soup(client, "/en/materials/"))


def test_drafts_and_private_german_materials_stay_unlisted(client):
    german_material("Entwurf einer Arbeitshilfe", "entwurf-arbeitshilfe").unpublish()
    private = german_material("Interne Arbeitshilfe", "interne-arbeitshilfe")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    shown = titles(soup(client, "/en/materials/"))
    assert "Entwurf einer Arbeitshilfe" not in shown and "Interne Arbeitshilfe" not in shown


def test_arabic_readers_see_the_german_title_left_to_right(client):
    page = german_material("Arbeitshilfe Sprachcafé", "arbeitshilfe-sprachcafe", ("de",))
    html = soup(client, index_in(MaterialIndexPage, "ar").url)
    assert_marked_german(card_of(html, "Arbeitshilfe Sprachcafé"), page.url, "ar")


def test_the_materials_list_needs_no_query_per_german_only_material():
    """All German-only materials come in the listing's queries: three cost what one does,
    within the query budget."""
    client = Client()
    url = "/tr/materyaller/"

    def queries() -> int:
        client.get(url)  # warms the shared lookups, as test_query_budget does
        evict_page(url)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200 and response["X-Cache"] == "MISS"
        return len(captured)

    german_material("Arbeitshilfe Eins", "arbeitshilfe-eins")
    one = queries()
    german_material("Arbeitshilfe Zwei", "arbeitshilfe-zwei")
    german_material("Arbeitshilfe Drei", "arbeitshilfe-drei", ("de", "ar"))
    assert queries() == one <= QUERY_BUDGET


# The archive


def german_entry(year: int, title: str, slug: str) -> ArchiveEntryPage:
    entry = ArchiveEntryPage(title=title, slug=slug, year=year, intro="Nur auf Deutsch.")
    return publish_under(index_in(ArchiveIndexPage, "de"), entry)


def empty_year() -> int:
    """A year of the archive without entries in any language."""
    archive = index_in(ArchiveIndexPage, "de")
    used = set(ArchiveEntryPage.objects.values_list("year", flat=True))
    return min(set(archive.years) - used)


def test_a_german_only_archive_entry_is_listed_and_counted_for_its_year(client):
    year = empty_year()
    entry = german_entry(year, "Sommerfest im Bürgerpark", "sommerfest-buergerpark")
    archive = index_in(ArchiveIndexPage, "en")

    html = soup(client, f"{archive.url}?year={year}")
    assert_marked_german(card_of(html, "Sommerfest im Bürgerpark"), entry.url, "en")
    assert "The archive holds no entries for this year yet." not in html.get_text()
    assert not html.select(".archive-year .empty")

    # The year is offered, with its entry counted; all years list it under that year.
    html = soup(client, archive.url)
    link = html.find("a", href=f"?year={year}")
    assert link is not None and "(1 entry)" in link.get_text()
    section = html.find("section", attrs={"aria-labelledby": f"year-{year}"})
    assert titles(section) == ["Sommerfest im Bürgerpark"]


def test_german_only_entries_take_their_place_among_a_years_translated_ones(client):
    archive = index_in(ArchiveIndexPage, "de")
    year = ArchiveEntryPage.objects.filter(locale=archive.locale).order_by("year").first().year
    german_entry(year, "Jahresempfang im Rathaus", "jahresempfang-rathaus")
    html = soup(client, f"{index_in(ArchiveIndexPage, 'es').url}?year={year}")
    translated = ArchiveEntryPage.objects.filter(locale__language_code="es", year=year).live()
    assert set(titles(html)) == {*(e.title for e in translated), "Jahresempfang im Rathaus"}
    assert len(html.select(".card__only-in")) == 1


# Projects, networks and partners


@pytest.mark.parametrize(
    ("index_model", "page", "language"),
    [
        (ProjectIndexPage, lambda: ProjectPage(title="Nachbarschaftsgärten", slug="gaerten"), "es"),
        (NetworkIndexPage, lambda: NetworkPage(title="AK Mehrsprachigkeit", slug="ak-mehr"), "it"),
        (PartnerIndexPage, lambda: PartnerPage(title="Kiezverein Pankow", slug="kiezverein"), "ar"),
    ],
)
def test_other_lists_show_german_only_pages_marked(client, index_model, page, language):
    german = publish_under(index_in(index_model, "de"), page())
    html = soup(client, index_in(index_model, language).url)
    assert_marked_german(card_of(html, german.title), german.url, language)
    # Every translated child is still there, once.
    translated = index_in(index_model, language).get_children().live()
    assert sorted(titles(html)) == sorted([*(p.title for p in translated), german.title])
