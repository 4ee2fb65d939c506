"""When each page was last checked by an editor: confirmed as accurate (without editing) or
published, whichever is later. Readers see that date; the dashboard lists pages whose date
is more than CONFIRMATION_MONTHS ago, per language."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.utils import timezone
from wagtail.models import Locale, Page

from delivery.cache import kept_in_process
from upkeep.models import PageConfirmation

# A year: the dashboard asks for pages nobody has looked at for longer.
CONFIRMATION_DAYS = 365


def describes_its_year(page: Page) -> bool:
    """Archive entries describe the state of their year: nobody confirms them as current."""
    return getattr(page.specific_class, "describes_its_year", False)


def confirmations() -> dict[int, date]:
    """Each confirmed page's date. Kept in the process for the generation, which saving a
    confirmation starts anew (``delivery.cache.CONTENT_MODELS``): every page shows its date."""
    return kept_in_process(
        lambda: dict(PageConfirmation.objects.values_list("page_id", "confirmed_on")),
        "confirmations",
    )


def checked_on(page: Page) -> date | None:
    """The later of the page's confirmation and its last publication, in the site's time."""
    confirmed = confirmations().get(page.pk)
    published = page.last_published_at and timezone.localdate(page.last_published_at)
    return max(filter(None, [confirmed, published]), default=None)


@dataclass
class Unconfirmed:
    page: Page
    checked_on: date | None


def unconfirmed_pages(today: date | None = None) -> list[tuple[Locale, list[Unconfirmed]]]:
    """Per language (in the site's order), the live pages last checked more than a year ago
    (or never), the longest unchecked first. Archive entries are left out."""
    today = today or timezone.localdate()
    limit = today - timedelta(days=CONFIRMATION_DAYS)
    # Read afresh: the dashboard is the editors' own view of the database.
    confirmed = dict(PageConfirmation.objects.values_list("page_id", "confirmed_on"))
    pages = Page.objects.live().filter(depth__gt=1).select_related("locale", "content_type")
    by_language: dict[str, list[Unconfirmed]] = {}
    for page in pages.order_by("path"):
        if describes_its_year(page):
            continue
        published = page.last_published_at and timezone.localdate(page.last_published_at)
        last = max(filter(None, [confirmed.get(page.pk), published]), default=None)
        if last is None or last < limit:
            by_language.setdefault(page.locale.language_code, []).append(Unconfirmed(page, last))
    order = [code for code, _name in settings.LANGUAGES]
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    return [
        (locales[code], sorted(items, key=lambda item: item.checked_on or date.min))
        for code, items in sorted(by_language.items(), key=lambda item: order.index(item[0]))
    ]
