"""Every public page type of the site, and its URL in any language, for the tests that go
over all of them (query budget, accessibility, valid HTML, privacy).

Pages are named by their German slug; other languages' URLs come from the database, so
the lists hold however the translations are called. Pages in Einfache Sprache exist only in
German: in the other languages their entry is the address a translation would have (below the
translated parent page), which is a 404.
"""

from django.conf import settings
from wagtail.models import Locale

from archive.models import ArchiveEntryPage, ArchiveIndexPage
from contact.models import ContactPage
from core.models import StandardPage
from easy_language.models import EasyLanguagePage
from glossary.models import GlossaryPage
from home.models import HomePage
from materials.models import MaterialIndexPage, MaterialPage
from networks.models import NetworkIndexPage, NetworkPage
from partners.models import PartnerIndexPage, PartnerPage
from projects.models import ProjectIndexPage, ProjectPage

LANGUAGES = [code for code, _name in settings.LANGUAGES]
# A word found in every language: the project's name is not translated.
SEARCH_WORD = "MigraPower"
# Every page type (every project: their organisations, downloads and contacts differ), by
# the German page's slug and what the URL adds.
PAGES = {
    "home": (HomePage, None, ""),
    "project-index": (ProjectIndexPage, None, ""),
    "project-migrapower": (ProjectPage, "migrapower", ""),
    "project-kommune-interkulturell": (ProjectPage, "kommune-interkulturell", ""),
    "project-willkommen-in-berlin": (ProjectPage, "willkommen-in-berlin", ""),
    "network-index": (NetworkIndexPage, None, ""),
    "network": (NetworkPage, "lingua-pankow", ""),
    "partner-index": (PartnerIndexPage, None, ""),
    "partner": (PartnerPage, "via-regionalverband-berlin-brandenburg", ""),
    "material-index": (MaterialIndexPage, None, ""),
    "material-kind": (MaterialIndexPage, None, "?kind=flyer"),
    "material-flyer": (MaterialPage, "flyer-willkommen-in-berlin", ""),
    "archive-index": (ArchiveIndexPage, None, ""),
    "archive-year": (ArchiveIndexPage, None, "?year=2017"),
    "archive-entry": (ArchiveEntryPage, "2017-migrapower-mit-via", ""),
    "contact": (ContactPage, None, ""),
    "impressum": (StandardPage, "impressum", ""),
    "datenschutz": (StandardPage, "datenschutz", ""),
    "glossary": (GlossaryPage, None, ""),
    # A slug with "/" names the page by its parent's slug too.
    "easy-language": (EasyLanguagePage, "migrapower/einfache-sprache", ""),
}
# Page types that exist only in German.
GERMAN_ONLY = {"easy-language"}
# Pages that are views rather than Wagtail pages, below the language prefix.
OTHER_URLS = {
    "search": f"search/?q={SEARCH_WORD}",
    "search-type": f"search/?q={SEARCH_WORD}&type=archive",
    "search-empty": "search/",
    "not-found": "gibt-es-nicht/",
}
ALL = [*PAGES, *OTHER_URLS]


def german_page(name: str):
    model, slug, _query = PAGES[name]
    german = model.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    if slug and "/" in slug:
        return german.get(url_path__endswith=f"/{slug}/")
    return german.get(slug=slug) if slug else german.get()


def exists_in(name: str, language: str) -> bool:
    return name not in GERMAN_ONLY or language == settings.LANGUAGE_CODE


def pages_in(language: str) -> list[str]:
    """The names of PAGES that exist in that language."""
    return [name for name in PAGES if exists_in(name, language)]


def page_of(name: str, language: str):
    """The named page (one of PAGES) in that language (needs the database)."""
    return german_page(name).get_translation(Locale.objects.get(language_code=language))


def url_of(name: str, language: str) -> str:
    """The path of the named page in that language (needs the database)."""
    if name in OTHER_URLS:
        return f"/{language}/{OTHER_URLS[name]}"
    if not exists_in(name, language):
        german = german_page(name)
        parent = german.get_parent().get_translation(Locale.objects.get(language_code=language))
        return f"{parent.url}{german.slug}/"
    return page_of(name, language).url + PAGES[name][2]


def expected_status(name: str, language: str) -> int:
    return 404 if name == "not-found" or not exists_in(name, language) else 200
