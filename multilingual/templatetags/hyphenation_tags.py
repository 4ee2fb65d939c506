"""{{ page.title|hyphenate }}: soft hyphens in a heading's long words (multilingual.hyphenation)."""

from django import template
from django.utils import translation

from multilingual.hyphenation import hyphenate as hyphenate_in

register = template.Library()


@register.filter(is_safe=True)
def hyphenate(text: str) -> str:
    """The text with soft hyphens in its long words, in the active language. Only for
    visible headings: a title, meta tag or structured data would keep the soft hyphens
    that search engines and sharing previews then show."""
    return hyphenate_in(str(text), translation.get_language() or "")
