"""The site's languages by name, for labels such as “Only in German” or “DE · TR · AR”."""

from django.conf import settings
from django.utils.translation import get_language_info, pgettext_lazy

# As they read inside a sentence of the reader's language (“solo en alemán”), which
# Django's own names, capitalised for menus, do not.
NAMES_IN_SENTENCE = {
    "de": pgettext_lazy("language name in a sentence", "German"),
    "en": pgettext_lazy("language name in a sentence", "English"),
    "es": pgettext_lazy("language name in a sentence", "Spanish"),
    "it": pgettext_lazy("language name in a sentence", "Italian"),
    "tr": pgettext_lazy("language name in a sentence", "Turkish"),
    "ar": pgettext_lazy("language name in a sentence", "Arabic"),
}


def translation_languages() -> list[str]:
    """The languages translated from German, in the order of settings.LANGUAGES."""
    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def language_info(code: str) -> dict:
    """A site language's code, its name in the reader's language (as inside a sentence),
    its own name and its direction: for labels, and to mark up text in it (lang, dir)."""
    return {
        "code": code,
        "name": str(NAMES_IN_SENTENCE.get(code, get_language_info(code)["name_translated"])),
        "own_name": dict(settings.LANGUAGES).get(code, code),
        "bidi": get_language_info(code)["bidi"],
    }
