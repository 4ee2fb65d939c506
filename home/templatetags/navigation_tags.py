"""The site's chrome: navigation, breadcrumbs, footer and language links, all derived
from the page tree. Here, with the home page, because they combine every part of the
site: the content base, the partners in the footer, the versions in Einfache Sprache in
the language switcher."""

from django import template
from django.conf import settings
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import translate_url
from django.utils import translation
from django.utils.safestring import SafeString
from wagtail import views as wagtail_views
from wagtail.models import Page

from contact.models import main_contact
from core import seo
from core.models import StandardPage
from delivery import lookups
from delivery.cache import kept_in_process
from delivery.memo import memoized
from easy_language.versions import easy_version, full_page
from legal.models import legal_details
from legal.pages import required_pages
from multilingual.alternates import language_alternates, live_translations
from multilingual.beside import ORIGINAL, beside_url
from multilingual.translation_status import reader_status
from partners.models import PartnerPage

register = template.Library()


def get_home_page(request: HttpRequest) -> Page | None:
    """The site's home page in the active language (or the source home if untranslated).

    Menu and language switcher both need it; it comes from the shared lookups, once per
    request and language.
    """
    return memoized(
        ("localized-home", translation.get_language()), lambda: lookups.localized_home(request)
    )


def page_links(request: HttpRequest, pages) -> list[dict]:
    """Title, URL and tree path of each page: what menus and footers need, cacheable."""
    return [{"title": p.title, "url": p.get_url(request), "path": p.path} for p in pages]


@register.simple_tag(takes_context=True)
def main_menu(context) -> SafeString:
    """The main navigation, the reader's section marked. The same for every page of a
    section in a language: rendered once per section in each process and generation."""
    request = context["request"]
    home = get_home_page(request)
    current_path = getattr(context.get("page"), "path", "") or ""
    links = menu_links(request, home)
    # Where the reader is: the page of a menu item, or below one (the section stays marked).
    here = next((i for i in links["items"] if current_path.startswith(i["path"])), None)
    state = (here["path"], here["path"] == current_path) if here else None
    home_current = bool(links["home"]) and links["home"]["path"] == current_path

    def render() -> SafeString:
        items = [
            {
                **item,
                "current": state == (item["path"], True),
                "ancestor": state == (item["path"], False),
            }
            for item in links["items"]
        ]
        menu = {"home": links["home"], "home_current": home_current, "items": items}
        return render_to_string("components/main_menu.html", menu)

    # The language too: a language without a home page of its own shows the German one's.
    key = (
        "menu-html",
        request.get_host(),
        translation.get_language(),
        getattr(home, "pk", None),
        state,
        home_current,
    )
    return kept_in_process(render, *key)


def menu_links(request: HttpRequest, home: Page | None) -> dict:
    """The home page's link and the menu's pages (titles, URLs, tree paths), per site and
    language, kept in the process for the generation: every page reads them to mark the
    reader's section."""

    def build() -> dict:
        if home is None:
            return {"home": None, "items": []}
        pages = home.get_children().live().public().in_menu()
        return {"home": page_links(request, [home])[0], "items": page_links(request, pages)}

    return kept_in_process(build, "menu", request.get_host(), getattr(home, "pk", None))


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context) -> dict:
    page = context.get("page")
    if page is None or page.depth <= 2:
        return {"ancestors": [], "page": page}
    # The same trail as the breadcrumbs' JSON-LD, fetched once (or found by routing).
    return {"ancestors": seo.breadcrumb_ancestors(page), "page": page}


@register.simple_tag(takes_context=True)
def site_footer(context) -> SafeString:
    """The footer: the same on every page of a language, so rendered once per site and
    language in each process and generation."""
    request = context["request"]
    locale = lookups.active_locale()

    def render() -> SafeString:
        # The required pages always, whatever their footer box says; then the others chosen.
        required = required_pages(locale)
        chosen = StandardPage.objects.live().public().filter(locale=locale, show_in_footer=True)
        chosen = chosen.exclude(pk__in=[page.pk for page in required]).order_by("path")
        partners = PartnerPage.objects.live().public().filter(locale=locale)
        footer = {
            "legal_pages": page_links(request, [*required, *chosen]),
            "partners": page_links(request, partners.order_by("path")),
            # Who runs the site, once the editors have entered it (Settings → Legal details).
            "operator": legal_details(lookups.site_for_request(request)).operator,
            # The main contact on every page: whom to reach, from the contact page's fields.
            "contact": main_contact(request),
        }
        return render_to_string("components/footer.html", footer)

    return kept_in_process(render, "footer-html", request.get_host(), locale.pk)


def serves_pages(request: HttpRequest) -> bool:
    """True when Wagtail's page view answers this request (a page, or its 404)."""
    match = getattr(request, "resolver_match", None)
    return match is None or match.func is wagtail_views.serve


def kept_query(request: HttpRequest, *, to_original: bool = False) -> str:
    """``?…`` with the query parameters the page reads (the page cache has removed all
    others before rendering), less the result page, whose number means nothing in another
    language's list, and, for the German page itself, the German original beside; "" without
    any."""
    query = request.GET.copy()
    query.pop("page", None)
    if to_original:
        query.pop(ORIGINAL, None)
    return f"?{query.urlencode()}" if query else ""


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context) -> dict:
    """Links to the same page in every language; to that language's home if untranslated.
    With the page's version in Einfache Sprache after German, where it has one; on that
    version, the languages lead to the page it simplifies."""
    request = context["request"]
    page = context.get("page")
    current = translation.get_language()
    home = get_home_page(request)
    translations = {}
    easy = easy_version(page, request)
    if page is not None and getattr(page, "pk", None):
        # The hreflang links use the same list.
        translated = full_page(page) or page
        translations = {
            p.locale.language_code: p.get_url(request) for p in live_translations(translated)
        }
    elif not serves_pages(request):
        # A view of the site's own (the search): the same view in every language.
        translations = {code: translate_url(request.path, code) for code, _ in settings.LANGUAGES}
    homes = {}
    if home is not None:
        homes = {p.locale.language_code: p for p in live_translations(home)}
    # The reader's search and filters go along to the same page in another language.
    languages = []
    for code, name in settings.LANGUAGES:
        if code in translations:
            url = translations[code] + kept_query(
                request, to_original=code == settings.LANGUAGE_CODE
            )
        elif code in homes:
            url = homes[code].get_url(request)
        else:
            continue
        languages.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "current": code == current and not (easy and easy["current"]),
                "is_translation": code in translations,
            }
        )
        if code == settings.LANGUAGE_CODE and easy:
            languages.append(
                {
                    "code": code,
                    "name": "Einfache Sprache",
                    "url": easy["url"],
                    "current": easy["current"],
                    "is_translation": True,
                }
            )
    return {"languages": languages, "current": current}


@register.inclusion_tag("components/translation_note.html", takes_context=True)
def translation_note(context) -> dict:
    """On a translated page: when it was translated from German, and whether the German
    original changed since (from wagtail-localize's records)."""
    page = context.get("page")
    request = context["request"]
    status = reader_status(page) if isinstance(page, Page) else None
    links = {}
    if status is not None:
        # The German original beside the translation, and back (multilingual.beside).
        url = page.get_url(request)
        links = {
            "beside_url": beside_url(request, url, beside=True),
            "alone_url": beside_url(request, url, beside=False),
        }
    return {"status": status, "beside": context.get("beside"), **links, "request": request}


@register.inclusion_tag("components/hreflangs.html", takes_context=True)
def hreflangs(context) -> dict:
    request = context["request"]
    page = context.get("page")
    if page is None or not getattr(page, "pk", None):
        return {"alternates": []}
    # Absolute URLs on the host the reader used (the Site record may name another port).
    alternates = language_alternates(page, lambda p: request.build_absolute_uri(p.get_url(request)))
    return {"alternates": alternates, "canonical": seo.canonical_url(page, request)}
