"""The link to a page's version in Einfache Sprache (a component of every page)."""

from django import template
from django.conf import settings
from django.utils import translation

from easy_language.versions import easy_version

register = template.Library()


@register.simple_tag(takes_context=True)
def easy_language_version(context) -> dict | None:
    """URL and title of the page's version in Einfache Sprache, unless this is it; with
    ``in_other_language`` when the reader reads another language than German."""
    request = context.get("request")
    version = easy_version(context.get("page"), request) if request else None
    if version is None or version["current"]:
        return None
    return {**version, "in_other_language": translation.get_language() != settings.LANGUAGE_CODE}
