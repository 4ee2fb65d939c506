"""The German original beside a translation (multilingual.beside)."""

from django import template

from multilingual.beside import SideBySide, side_by_side

register = template.Library()


@register.simple_tag(takes_context=True)
def original_beside(context: template.Context) -> SideBySide | None:
    """``{% original_beside as beside %}``: the page and its German original in pairs, when
    the reader asked for them (``?original=de``) on a translated page; else None."""
    request = context.get("request")
    page = context.get("page")
    if request is None or page is None:
        return None
    return side_by_side(page, request)
