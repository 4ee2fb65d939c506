"""The site search at /<lang>/search/: everything public in the reader's language.

Only Wagtail's search API is used, so the same code runs on the database backend and on
OpenSearch. When the engine fails, its backend answers from the database index (kept up to
date beside it, see search.backends); only without that fallback does the page say search
is unavailable.
"""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urlencode
from uuid import UUID

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from archive.models import ArchiveEntryPage
from delivery.cache import (
    ANY_VALUE,
    WHOLE_NUMBER,
    kept_in_process,
    one_of,
    reads_query_parameters,
)
from delivery.directory import directory
from delivery.lookups import active_locale, is_public, locale_by_id, public, shared_rows
from materials.models import MaterialPage, with_files
from multilingual.languages import language_info
from multilingual.stemming import MAX_QUERY_LENGTH, query_words, searchable_text
from networks.models import NetworkPage
from operations.errors import RETRY_AFTER_SECONDS
from partners.models import PartnerPage
from projects.models import ProjectPage

from .backends import SearchUnavailable
from .expansion import Expansion, reader_query
from .highlight import has_match, snippet
from .models import PageWords
from .ranking import TitleFirstResults
from .vocabulary import suggestion

RESULTS_PER_PAGE = 10
# Hits in other languages: one per page, the best ELSEWHERE_SHOWN of the first ELSEWHERE_HITS.
ELSEWHERE_HITS = 60
ELSEWHERE_SHOWN = 10
# The most values a facet has on OpenSearch (its terms aggregation's default size).
FACET_LIMIT = 10


@dataclass(frozen=True)
class ResultSection:
    slug: str
    label: str  # one result's kind
    label_plural: str  # the filter
    icon: str  # its pictogram (core/icons.py)
    models: tuple = ()  # empty: every other page


KINDS = [
    ResultSection("project", _("Project"), _("Projects"), "projects", (ProjectPage,)),
    ResultSection("network", _("Network"), _("Networks"), "networks", (NetworkPage,)),
    ResultSection("partner", _("Partner"), _("Partners"), "partners", (PartnerPage,)),
    ResultSection("material", _("Material"), _("Materials"), "materials", (MaterialPage,)),
    ResultSection("archive", _("Archive"), _("Archive"), "archive", (ArchiveEntryPage,)),
    ResultSection("page", _("Page"), _("Other pages"), "page"),
]
KINDS_BY_SLUG = {kind.slug: kind for kind in KINDS}
TYPED_MODELS = tuple(model for kind in KINDS for model in kind.models)


# What a result shows besides its title and passage: an archive entry's year, a material's
# files. Other results are shown as plain pages, which need no query per page type.
SHOWN_AS_OWN_TYPE = (ArchiveEntryPage, MaterialPage)
# What a page type's results read besides its own fields, fetched with them (else one
# query per result).
WITH_RELATED = {MaterialPage: with_files}


def specific_pages(pages: Sequence[Page], only: tuple[type[Page], ...] = (Page,)) -> list[Page]:
    """The pages as their own page types (those of a subclass of ``only``; the others as they
    are), in the same order: one query per type."""
    by_model = defaultdict(list)
    for page in pages:
        model = ContentType.objects.get_for_id(page.content_type_id).model_class()
        if model is not None and type(page) is not model and issubclass(model, only):
            by_model[model].append(page.pk)
    found = {}
    for model, keys in by_model.items():
        pages_of_type = model.objects.all()
        if model in WITH_RELATED:
            pages_of_type = WITH_RELATED[model](pages_of_type)
        found.update(pages_of_type.in_bulk(keys))
    return [found.get(page.pk, page) for page in pages]


def kind_of_type(content_type_id: int) -> ResultSection:
    """The kind of result a page type's pages are (a facet's value, a page's own type)."""
    model = ContentType.objects.get_for_id(content_type_id).model_class() or Page
    return next((k for k in KINDS if issubclass(model, k.models)), KINDS_BY_SLUG["page"])


def kind_of(page: Page) -> ResultSection:
    return kind_of_type(page.content_type_id)


def public_pages(model: type[Page], locale: Locale, elsewhere: bool = False):
    """What readers of a language may find: live, public pages of that locale (elsewhere:
    of every other locale)."""
    pages = public(model.objects.live())
    return pages.exclude(locale=locale) if elsewhere else pages.filter(locale=locale)


def filtered_pages(
    locale: Locale, kind: ResultSection | None, year: int | None, elsewhere: bool = False
):
    """The pages a search with this filter covers, as plain pages (read as their own types
    only where shown: specific_pages)."""
    pages = public_pages(Page, locale, elsewhere)
    if kind is None:
        return pages
    if kind.slug == "archive" and year:
        return public_pages(ArchiveEntryPage, locale, elsewhere).filter(year=year)
    return pages.type(*kind.models) if kind.models else pages.not_type(*TYPED_MODELS)


@dataclass(frozen=True)
class Elsewhere:
    """A hit that does not exist in the reader's language: the best-matching language
    version, and every language the page exists in (that one first)."""

    page: Page
    languages: list[str]

    @property
    def language(self) -> str:
        return self.languages[0]

    @property
    def also_in(self) -> list[str]:
        return self.languages[1:]


@dataclass
class Outcome:
    results: object = None  # SearchResults
    kind_counts: dict = field(default_factory=dict)
    year_counts: dict = field(default_factory=dict)
    any_word: bool = False  # no page had all words; these have some of them
    elsewhere: list[Elsewhere] = field(default_factory=list)
    more_elsewhere: bool = False  # more hits in other languages than are shown
    expansion: Expansion = field(default_factory=Expansion)


def run_search(words: list[str], language: str, locale, kind, year) -> Outcome:
    backend = get_search_backend()
    outcome = Outcome()
    for operator in ("and", "or"):
        query, outcome.expansion = reader_query(words, language, operator)
        all_kinds = backend.search(query, public_pages(Page, locale))
        by_type = all_kinds.facet("content_type_id")
        if by_type or len(words) == 1:
            break
        outcome.any_word = True
    for content_type, count in by_type.items():
        slug = kind_of_type(int(content_type)).slug
        outcome.kind_counts[slug] = outcome.kind_counts.get(slug, 0) + count
    if kind and kind.slug == "archive":
        years = backend.search(query, public_pages(ArchiveEntryPage, locale)).facet("year")
        outcome.year_counts = dict(sorted(years.items(), reverse=True))
    results = backend.search(query, filtered_pages(locale, kind, year))
    # The counts above are the number of results: no query of its own to count them. But
    # OpenSearch answers a facet with its FACET_LIMIT largest values only: with that many
    # page types, some may be missing, and the results are counted.
    if len(by_type) >= FACET_LIMIT:
        count = None
    elif kind is None:
        count = sum(outcome.kind_counts.values())
    elif kind.slug == "archive" and year:
        count = outcome.year_counts.get(year)  # None: counted when asked
    else:
        count = outcome.kind_counts.get(kind.slug, 0)
    outcome.results = TitleFirstResults(results, words, language, count)
    return outcome


@dataclass(frozen=True)
class Untranslated:
    """For readers of one language: the live, public pages of the other languages whose
    page has no live, public version in theirs, and the translation keys that have one."""

    pages: list[int]
    translated_keys: list[UUID]


def untranslated(locale: Locale) -> Untranslated:
    """From the directory, kept per generation: no query."""

    def build() -> Untranslated:
        rows = [row for row in directory().rows.values() if row.live and is_public(row)]
        here = {row.translation_key for row in rows if row.locale_id == locale.pk}
        return Untranslated(
            [row.id for row in rows if row.translation_key not in here],
            list(here),
        )

    return kept_in_process(build, "untranslated", locale.pk)


def search_elsewhere(words: list[str], locale: Locale, kind, year, outcome):
    """Hits in the other languages of pages that have no version in the reader's language,
    one per page (its best-matching language version), so that nothing the project published
    is unfindable for readers whose language lacks a translation. Same kind and year filter;
    all words first, then any, like the reader's own results."""
    found = untranslated(locale)
    if not found.pages:  # every page is in the reader's language: nothing to search
        return
    backend = get_search_backend()
    # The shorter of the two lists, as OpenSearch gets either written out in each query: a
    # German reader's few pages to search among (most pages are German), or an English
    # reader's few pages that are translated (thousands of German ones are not).
    pages = filtered_pages(locale, kind, year, elsewhere=True)
    if len(found.pages) <= len(found.translated_keys):
        pages = pages.filter(pk__in=found.pages)
    else:
        pages = pages.exclude(translation_key__in=found.translated_keys)
    for operator in ("and", "or"):
        # Words match as typed in any language, and by their German stem: most pages that
        # lack a translation are German ones.
        query, _expansion = reader_query(words, settings.LANGUAGE_CODE, operator)
        hits = list(backend.search(query, pages)[:ELSEWHERE_HITS])
        if hits or len(words) == 1:
            break
    best: dict = {}
    for hit in hits:
        best.setdefault(hit.translation_key, hit)
    shown = list(best.values())[:ELSEWHERE_SHOWN]
    order = [code for code, _name in settings.LANGUAGES]
    for hit in shown:
        own = locale_by_id(hit.locale_id).language_code
        others = {
            locale_by_id(row.locale_id).language_code
            for row in directory().live_translations(hit.translation_key)
            if is_public(row)
        }
        outcome.elsewhere.append(Elsewhere(hit, [own, *sorted(others - {own}, key=order.index)]))
    outcome.more_elsewhere = len(best) > ELSEWHERE_SHOWN


@reads_query_parameters(
    q=ANY_VALUE, type=one_of(KINDS_BY_SLUG), year=r"[0-9]{4}", page=WHOLE_NUMBER
)
def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    locale = active_locale()
    language = locale.language_code
    kind = KINDS_BY_SLUG.get(request.GET.get("type", ""))
    year = request.GET.get("year", "")
    year = int(year) if year.isdigit() and len(year) == 4 else None
    words = query_words(query, language)

    outcome, unavailable = Outcome(), False
    if words:
        try:
            outcome = run_search(words, language, locale, kind, year)
            paginator = Paginator(outcome.results, RESULTS_PER_PAGE)
            page = _page(paginator, request.GET.get("page"))
            page.object_list = list(page.object_list)  # run the query here, in the try
            if page.number == 1:
                search_elsewhere(words, locale, kind, year, outcome)
        except SearchUnavailable:  # the engine failed and nothing can stand in for it
            outcome, unavailable = Outcome(), True
    if not words or unavailable:
        paginator = Paginator([], RESULTS_PER_PAGE)
        page = paginator.page(1)

    matched = outcome.expansion.words(words)
    hits = [*page, *(hit.page for hit in outcome.elsewhere)]
    texts = page_texts(hits)
    shown = {shown.pk: shown for shown in specific_pages(hits, only=SHOWN_AS_OWN_TYPE)}
    results = [result_of(shown[hit.pk], texts[hit.pk], matched, language) for hit in page]
    german_originals(results, matched)
    elsewhere = [
        {
            "page": shown[hit.page.pk],
            "kind": kind_of(hit.page),
            "year": getattr(shown[hit.page.pk], "year", None),
            "original": None,
            "snippet": snippet(texts[hit.page.pk], words, hit.language),
            "language": language_info(hit.language),
            "also_in": [language_info(code) for code in hit.also_in],
        }
        for hit in outcome.elsewhere
    ]

    def url(**params) -> str:
        params = {"q": query, **params}
        return "?" + urlencode({key: value for key, value in params.items() if value})

    # Nothing at all: "Did you mean …?" from the site's own words in the reader's language.
    found_any = page.object_list or outcome.elsewhere
    suggested = suggestion(words, language) if words and not found_any and not unavailable else None

    kinds = [
        {
            "kind": k,
            "count": outcome.kind_counts.get(k.slug, 0),
            "current": k == kind,
            "url": url(type=k.slug),
        }
        for k in KINDS
    ]
    years = [
        {"year": y, "count": count, "current": y == year, "url": url(type="archive", year=y)}
        for y, count in outcome.year_counts.items()
    ]
    here = {"type": kind.slug if kind else "", "year": year or ""}
    pages = {
        "previous": url(**here, page=page.previous_page_number()) if page.has_previous() else "",
        "next": url(**here, page=page.next_page_number()) if page.has_next() else "",
    }
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": query,
            "search_words": words,
            "results": results,
            "page_obj": page,
            "paginator": paginator,
            "kinds": kinds,
            "kind": kind,
            "all_kinds_url": url(),
            "total": sum(outcome.kind_counts.values()),
            "years": years,
            "year": year,
            "archive_url": url(type="archive"),
            "pages": pages,
            "any_word": outcome.any_word,
            "corrected": outcome.expansion.corrected,
            "suggestion": suggested
            and {"words": " ".join(suggested), "url": url(q=" ".join(suggested))},
            "elsewhere": elsewhere,
            "more_elsewhere": outcome.more_elsewhere,
            "reader_language": language_info(language),
            "unavailable": unavailable,
        },
        # An outage: try again soon, and no cache may keep this answer.
        status=503 if unavailable else 200,
        headers={"Retry-After": str(RETRY_AFTER_SECONDS), "Cache-Control": "no-store"}
        if unavailable
        else None,
    )


def result_of(page: Page, text: str, matched: list[str], language: str) -> dict:
    passage = snippet(text, matched, language)
    # Every key the result's template reads: a missing one costs Django a slow search.
    return {
        "page": page,
        "kind": kind_of(page),
        "year": getattr(page, "year", None),  # an archive entry's
        "language": None,  # in the reader's language
        "original": None,  # set by german_originals
        "snippet": passage,
        # Whether the page's own words matched (the passage marks the first match of its
        # text, if any); if not, its German original's did.
        "own_match": "<mark>" in passage or has_match(page.title, matched, language),
    }


def page_texts(pages: list[Page]) -> dict[int, str]:
    """page id → the text a result's passage is taken from (searchable_text, without the
    title): as recorded on publishing (PageWords), in one query; read from the page as its
    own type where it is not recorded yet."""
    texts = dict(
        PageWords.objects.filter(
            page_id__in=[page.pk for page in pages], text__isnull=False
        ).values_list("page_id", "text")
    )
    missing = [page for page in pages if page.pk not in texts]
    for page in specific_pages(missing):
        texts[page.pk] = searchable_text(page, exclude=("title",))
    return texts


def german_originals(results: list[dict], matched: list[str]) -> None:
    """Results in the reader's language found through the words of their German original
    (see multilingual.stemming.page_stems) get that original's passage, to show in German."""
    german = settings.LANGUAGE_CODE
    if active_locale().language_code == german:
        return
    through = {
        result["page"].translation_key: result for result in results if not result["own_match"]
    }
    if not through:
        return
    locale = next(locale for locale in shared_rows().locales if locale.language_code == german)
    originals = list(public_pages(Page, locale).filter(translation_key__in=through))
    texts = page_texts(originals)
    for original in originals:
        through[original.translation_key]["original"] = {
            "snippet": snippet(f"{original.title}. {texts[original.pk]}", matched, german),
            "language": language_info(german),
        }


def _page(paginator: Paginator, number: str | None):
    """The requested page of results; page 1 for nonsense, the last one beyond the end."""
    try:
        return paginator.page(number or 1)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(1 if int(number) < 1 else paginator.num_pages)
