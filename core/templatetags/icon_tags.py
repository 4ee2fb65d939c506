"""``{% icon "phone" %}``: one of the site's pictograms (core/icons.py) from the sprite.

Icons are decoration beside a text that says the same, so they are hidden from assistive
technology; the sprite is one cached file for every page instead of SVG repeated in each.
"""

from functools import cache

from django import template
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import SafeString

from core.icons import ICONS

register = template.Library()


@register.simple_tag
def icon(name: str, css_class: str = "") -> SafeString:
    return icon_html(name, css_class)


@cache  # a few dozen (icon, class) pairs, each the same markup on every page
def icon_html(name: str, css_class: str) -> SafeString:
    if name not in ICONS:
        # A typo would otherwise draw nothing, silently.
        raise template.TemplateSyntaxError(f"Unknown icon {name!r}: see core/icons.py")
    return format_html(
        '<svg class="icon{}" aria-hidden="true" focusable="false" width="24" height="24">'
        '<use href="{}#{}"></use></svg>',
        f" {css_class}" if css_class else "",
        static("img/icons.svg"),
        name,
    )
