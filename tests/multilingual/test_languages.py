"""Six languages: translated demo content, language links, RTL, sitemap, untranslated pages."""

import re

import polib
import pytest
from django.conf import settings
from django.utils.html import escape
from wagtail.models import Locale, Page

from archive.models import ArchiveIndexPage
from core.models import StandardPage
from demo import translations
from easy_language.models import EasyLanguagePage
from home.models import HomePage
from materials.models import MaterialIndexPage
from multilingual.languages import translation_languages
from projects.models import ProjectPage

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
SKIP_LINK = {
    "de": "Zum Inhalt springen",
    "en": "Skip to content",
    "es": "Saltar al contenido",
    "it": "Vai al contenuto",
    "tr": "İçeriğe geç",
    "ar": "الانتقال إلى المحتوى",
}


def demo_pages(language: str):
    return Page.objects.filter(locale__language_code=language, depth__gt=1).live()


@pytest.mark.parametrize("language", translation_languages())
def test_translation_files_are_complete_and_well_formed(language):
    po = polib.pofile(str(translations.po_path(language)))
    assert po.untranslated_entries() == []
    for entry in po:
        if entry.msgctxt.endswith("::slug"):
            assert re.fullmatch(r"[a-z0-9-]+", entry.msgstr), entry.msgstr
        tags = re.findall(r"</?\w+[^>]*>", entry.msgid)
        assert re.findall(r"</?\w+[^>]*>", entry.msgstr) == tags, entry.msgctxt


@pytest.mark.parametrize("language", translation_languages())
def test_every_demo_page_exists_in_every_language(language):
    # Pages in Einfache Sprache are German by nature: never translated.
    german = demo_pages("de").not_type(EasyLanguagePage)
    german = set(german.values_list("translation_key", flat=True))
    translated = set(demo_pages(language).values_list("translation_key", flat=True))
    assert german == translated


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_in_each_language(client, language):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    html = response.content.decode()
    direction = "rtl" if language == "ar" else "ltr"
    assert f'<html lang="{language}" dir="{direction}">' in html
    assert SKIP_LINK[language] in html
    # Navigation leads to the sections of the same language.
    nav = html[html.index('id="main-nav-list"') :]
    nav = nav[: nav.index("</ul>")]
    # The sections, the contact page and the glossary.
    assert len(re.findall(rf'href="/{language}/[^"]+/"', nav)) == 7
    # The menu is the language's own page tree: its items are the translated section titles.
    home = HomePage.objects.get(locale__language_code=language)
    for section in home.get_children().live().in_menu():
        assert f'href="{section.url}">{escape(section.title)}</a>' in nav


def test_language_switcher_leads_to_the_same_project(client):
    project = ProjectPage.objects.get(locale__language_code="de", slug="migrapower")
    html = client.get(project.url).content.decode()
    switcher = html[html.index('class="language-switcher"') :]
    switcher = switcher[: switcher.index("</nav>")]
    for translation in project.get_translations().live():
        code = translation.locale.language_code
        assert f'href="{translation.url}" lang="{code}" hreflang="{code}"' in switcher
    assert 'lang="ar"' in switcher and "العربية" in switcher


def test_each_page_links_its_translations_with_hreflang(client):
    project = ProjectPage.objects.get(
        locale__language_code="tr",
        translation_key=ProjectPage.objects.get(
            locale__language_code="de", slug="migrapower"
        ).translation_key,
    )
    html = client.get(project.url).content.decode()
    for code in LANGUAGES:
        assert f'<link rel="alternate" hreflang="{code}" href="http://testserver/{code}/' in html
    assert (
        '<link rel="alternate" hreflang="x-default" href="http://testserver/de/projekte/migrapower/">'
        in html
    )
    assert f'<link rel="canonical" href="http://testserver{project.url}">' in html


def test_sitemap_lists_every_page_in_every_language_with_alternates(client):
    xml = client.get("/sitemap.xml").content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", xml)
    assert len(locations) == Page.objects.filter(depth__gt=1).live().count()
    for code in LANGUAGES:
        assert f"<loc>http://localhost/{code}/</loc>" in xml
    # Every page but those in Einfache Sprache (German only) has translations to list.
    untranslated = EasyLanguagePage.objects.live().count()
    assert xml.count('hreflang="x-default"') == len(locations) - untranslated


class TestUntranslatedPage:
    """A German page without translations: absent elsewhere, the switcher leads home."""

    @pytest.fixture
    def page(self):
        home = HomePage.objects.get(locale__language_code="de")
        page = StandardPage(title="Nur auf Deutsch", slug="nur-auf-deutsch", show_in_menus=True)
        home.add_child(instance=page)
        page.save_revision().publish()
        return page

    def test_absent_from_other_languages_navigation_and_results(self, client, page):
        assert "Nur auf Deutsch" in client.get("/de/").content.decode()
        html = client.get("/en/").content.decode()
        assert "Nur auf Deutsch" not in html
        # The search does not list it among the English results, but below them, labelled
        # as German (the search tests have the details).
        html = client.get("/en/search/", {"q": "Deutsch"}).content.decode()
        results, elsewhere = html.split('id="search-elsewhere-title"')
        assert "Nur auf Deutsch" not in results
        assert '<a href="/de/nur-auf-deutsch/" hreflang="de">Nur auf Deutsch</a>' in elsewhere
        assert "Only in German" in elsewhere

    def test_switcher_leads_to_the_other_languages_home(self, client, page):
        html = client.get("/de/nur-auf-deutsch/").content.decode()
        switcher = html[html.index('class="language-switcher"') :]
        assert 'href="/en/" lang="en"' in switcher
        assert 'href="/ar/" lang="ar"' in switcher

    def test_its_address_under_another_language_is_not_found(self, client, page):
        response = client.get("/en/nur-auf-deutsch/")
        assert response.status_code == 404
        assert "Page not found" in response.content.decode()

    def test_locale_exists_for_every_language(self, page):
        assert set(Locale.objects.values_list("language_code", flat=True)) == set(LANGUAGES)


def test_the_admin_speaks_german(client, editor):
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert '<html lang="de"' in html
    assert "Seiten" in html


def test_contact_form_speaks_the_readers_language(client):
    html = client.get("/tr/iletisim/").content.decode()
    assert ">E-posta <span" in html and ">Mesaj <span" in html
    assert "Lütfen bu alanı boş bırakın" in html  # the honeypot label, a UI string


def switcher_urls(client, url: str) -> dict[str, str]:
    """Language code → where the language switcher of this page leads."""
    html = client.get(url).content.decode()
    switcher = html[html.index('class="language-switcher"') :]
    switcher = switcher[: switcher.index("</nav>")]
    return {
        code: href.replace("&amp;", "&")
        for href, code in re.findall(r'href="([^"]*)" lang="([a-z]{2})"', switcher)
    }


def test_the_switcher_keeps_the_search_and_its_filters(client):
    urls = switcher_urls(client, "/de/search/?q=Netzwerk&type=archive&page=2&utm_source=x")
    # The query and the kind go along; the result page and what the page ignores do not.
    assert urls["en"] == "/en/search/?q=Netzwerk&type=archive"
    assert urls["ar"] == "/ar/search/?q=Netzwerk&type=archive"
    assert set(urls) == set(LANGUAGES)


def test_the_switcher_keeps_the_archive_year_and_the_material_filters(client):
    archive = ArchiveIndexPage.objects.get(locale__language_code="de")
    english = archive.get_translation(Locale.objects.get(language_code="en"))
    assert switcher_urls(client, f"{archive.url}?year=2017")["en"] == f"{english.url}?year=2017"
    library = MaterialIndexPage.objects.get(locale__language_code="de")
    turkish = library.get_translation(Locale.objects.get(language_code="tr"))
    urls = switcher_urls(client, f"{library.url}?kind=flyer&language=ar&x=1")
    assert urls["tr"] == f"{turkish.url}?kind=flyer&language=ar"


def test_without_a_query_the_switcher_adds_none(client):
    urls = switcher_urls(client, "/de/search/")
    assert urls["es"] == "/es/search/"
    assert "?" not in switcher_urls(client, "/de/projekte/migrapower/")["en"]
