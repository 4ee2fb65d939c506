"""Every cookie the site sets, for the privacy policy's cookie list (``{% cookie_list %}``).

The privacy browser test checks readers' cookies against READER_COOKIES page by page, so
the policy and what the site does cannot drift apart: a new cookie fails the test until it
is declared here, and then the policy names it.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


def _days(seconds: int) -> str:
    days = max(1, round(seconds / 86400))
    return ngettext("%(count)d day", "%(count)d days", days) % {"count": days}


def _hours(seconds: int) -> str:
    hours = max(1, round(seconds / 3600))
    return ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours}


@dataclass(frozen=True)
class Cookie:
    name: str
    # Where it is set: the page types (tests.page_types names) for readers, else a place.
    set_on: str
    purpose: str
    lifetime: str
    pages: tuple[str, ...] = ()


READER_COOKIES = (
    Cookie(
        name=settings.CSRF_COOKIE_NAME,
        set_on=_("the contact page, when it shows the form"),
        purpose=_(
            "Protects the contact form against messages sent in your name from other "
            "websites. It holds a random code and nothing about you."
        ),
        lifetime=lazy(_days, str)(settings.CSRF_COOKIE_AGE),
        pages=("contact",),
    ),
)

EDITOR_COOKIES = (
    Cookie(
        name=settings.SESSION_COOKIE_NAME,
        set_on=_("the editors' login"),
        purpose=_("Keeps an editor signed in. Readers of the site never get it."),
        lifetime=lazy(_hours, str)(settings.SESSION_COOKIE_AGE),
    ),
)
