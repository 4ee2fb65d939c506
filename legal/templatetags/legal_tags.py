"""The operator's details and the cookie list, where the legal pages' blocks place them."""

from django import template

from delivery.lookups import site_for_request
from legal.cookies import EDITOR_COOKIES, READER_COOKIES
from legal.models import legal_details as details_of

register = template.Library()


@register.inclusion_tag("legal/legal_details.html", takes_context=True)
def legal_details(context, part: str = "imprint") -> dict:
    """``part`` "imprint": everything the Impressum needs; "controller": who is responsible
    for the data (the privacy policy), without the register entry and the content's
    responsible person. While incomplete, a plain sentence that the details will follow."""
    return {"details": details_of(site_for_request(context["request"])), "part": part}


@register.inclusion_tag("legal/cookie_list.html")
def cookie_list() -> dict:
    return {"reader_cookies": READER_COOKIES, "editor_cookies": EDITOR_COOKIES}
