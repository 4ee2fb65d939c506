"""How far the translations of the German pages are, from wagtail-localize's own records.

A translated page counts as out of date when its German original was published after the
translation readers see was made: wagtail-localize logs every translation it writes to a
page (``TranslationLog``, with the revision it created); the newest log up to the page's
live revision says when. For a page translated by hand, without wagtail-localize, its own
last publication stands in. Drafts do not count on either side: readers never saw them.
"""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationLog

from delivery.lookups import locale_by_id
from delivery.memo import memoized
from multilingual.alternates import live_translations


@dataclass(frozen=True)
class TranslatedPage:
    page: Page
    original: Page
    translated_at: datetime | None

    @property
    def original_updated_at(self) -> datetime | None:
        return self.original.last_published_at

    @property
    def out_of_date(self) -> bool:
        updated, translated = self.original_updated_at, self.translated_at
        return bool(updated and translated and updated > translated)


@dataclass(frozen=True)
class LanguageStatus:
    locale: Locale
    translated: list[TranslatedPage]
    untranslated: list[Page]

    @property
    def out_of_date(self) -> list[TranslatedPage]:
        return [item for item in self.translated if item.out_of_date]


def translation_dates(
    keys: list, locale: Locale | None = None
) -> dict[tuple[str, int], list[tuple[int, datetime]]]:
    """wagtail-localize's logs of the pages with these translation keys (into one locale, or
    all): for each (key, locale), the revisions it created and when."""
    dates: dict[tuple[str, int], list[tuple[int, datetime]]] = {}
    logs = TranslationLog.objects.filter(source__object_id__in=keys, revision__isnull=False)
    if locale is not None:
        logs = logs.filter(locale=locale)
    for key, locale_id, revision_id, created_at in logs.values_list(
        "source__object_id", "locale_id", "revision_id", "created_at"
    ):
        dates.setdefault((str(key), locale_id), []).append((revision_id, created_at))
    return dates


def translated_at(dates: dict[tuple[str, int], list[tuple[int, datetime]]], page: Page):
    """When the translation that is live on the page was made."""
    live = [
        created_at
        for revision_id, created_at in dates.get((str(page.translation_key), page.locale_id), [])
        if page.live_revision_id and revision_id <= page.live_revision_id
    ]
    return max(live, default=None) or page.last_published_at


def reader_status(page: Page) -> TranslatedPage | None:
    """For the note readers see on a translated page: when its German original was
    translated, and the original itself (live). None on German pages and on pages that have
    no live German original."""
    if not page.pk or locale_by_id(page.locale_id).language_code == settings.LANGUAGE_CODE:
        return None
    # The note and the original beside the translation (multilingual.beside) both ask.
    return memoized(("reader-status", page.pk), lambda: find_reader_status(page))


def find_reader_status(page: Page) -> TranslatedPage | None:
    # The switcher and the hreflang links fetch the same list (``live_translations``).
    original = next(
        (p for p in live_translations(page) if p.locale.language_code == settings.LANGUAGE_CODE),
        None,
    )
    if original is None:
        return None
    dates = translation_dates([page.translation_key], locale_by_id(page.locale_id))
    return TranslatedPage(page, original, translated_at(dates, page))


def translation_overview() -> list[LanguageStatus]:
    """For each language but German: its live translations of live German pages (with
    whether each is out of date) and the German pages it lacks, in tree order."""
    source_locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    originals = [
        page
        for page in Page.objects.filter(locale=source_locale, depth__gt=1).live().order_by("path")
        # Pages German by nature (Einfache Sprache) are not asked to be translated.
        if not getattr(page.specific_class, "source_language_only", False)
    ]
    keys = [page.translation_key for page in originals]
    dates = translation_dates(keys)
    targets: dict[tuple[str, int], Page] = {
        (str(page.translation_key), page.locale_id): page
        for page in Page.objects.filter(translation_key__in=keys)
        .exclude(locale=source_locale)
        .live()
    }
    overview = []
    for locale in Locale.objects.exclude(pk=source_locale.pk).order_by("language_code"):
        translated, untranslated = [], []
        for original in originals:
            page = targets.get((str(original.translation_key), locale.pk))
            if page is None:
                untranslated.append(original)
            else:
                translated.append(TranslatedPage(page, original, translated_at(dates, page)))
        overview.append(LanguageStatus(locale, translated, untranslated))
    # In the order the site lists its languages.
    order = [code for code, _name in settings.LANGUAGES]
    return sorted(overview, key=lambda status: order.index(status.locale.language_code))
