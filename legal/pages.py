"""The pages every language of the site must have: the Impressum and the privacy policy.

German law (§ 5 DDG, Art. 13 GDPR) asks for both to be reachable from every page, so the
footer always links them (the site footer), and the dashboard warns when a language
lacks one (the required pages panel); the required pages tests fail then.
"""

from dataclasses import dataclass

from django.conf import settings
from wagtail.models import Locale

from core.models import StandardPage
from delivery.lookups import public


@dataclass(frozen=True)
class MissingPage:
    role: str
    locale: Locale

    @property
    def label(self) -> str:
        return str(StandardPage.RequiredPage(self.role).label)


def required_pages(locale: Locale):
    """The live, public required pages of a language, Impressum first."""
    pages = public(StandardPage.objects.live()).filter(locale=locale).exclude(required_page="")
    order = {role: index for index, role in enumerate(StandardPage.RequiredPage.values)}
    return sorted(pages, key=lambda page: order[page.required_page])


def missing_required_pages() -> list[MissingPage]:
    """Each required page a site language lacks (none live and public), by language."""
    present = set(
        public(StandardPage.objects.live())
        .exclude(required_page="")
        .values_list("required_page", "locale__language_code")
    )
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    return [
        MissingPage(role, locales[code])
        for code, _name in settings.LANGUAGES
        if code in locales
        for role in StandardPage.RequiredPage.values
        if (role, code) not in present
    ]
