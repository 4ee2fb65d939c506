"""What search engines and link previews read of a page: description, OpenGraph, JSON-LD.

The pages' own parts (their description, image and schema.org objects) come from the
models (``SharingMixin``); this module turns them into tags for every page type.
"""

import json
import re

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from wagtail.models import Page

from delivery.memo import breadcrumbs_key, memoized

SITE_NAME = "migraUp! Pankow"
# Link previews are 1200 × 630; a larger picture is scaled down, never cropped, so a
# portrait flyer cover or a logo stays whole.
SHARE_RENDITION = "max-1200x630|format-png"
# The card used when a page has no picture of its own (the site's static share image).
DEFAULT_SHARE_IMAGE = {"path": "img/share.png", "width": 1200, "height": 630}
# OpenGraph names regions as well as languages.
OG_LOCALES = {
    "de": "de_DE",
    "en": "en_GB",
    "es": "es_ES",
    "it": "it_IT",
    "tr": "tr_TR",
    "ar": "ar_AR",
}
POSTCODE_AND_CITY = re.compile(r"^(?P<code>\d{4,5})\s+(?P<city>.+)$")


def canonical_url(page: Page, request: HttpRequest) -> str | None:
    """The page's absolute address in its language, on the host the reader used (the Site
    record may name another port): <link rel="canonical">, og:url and the QR codes. Without
    the query, so a filtered list names the list. None for a page that has no URL."""
    url = page.get_url(request)
    return request.build_absolute_uri(url) if url else None


def site_description() -> str:
    """Said of the whole site where a page has nothing of its own (the search page)."""
    return gettext(
        "migraUp! Pankow (2015–2025): the network project that strengthened migrant "
        "organisations in Berlin-Pankow."
    )


def preview_rendition(image, request: HttpRequest) -> dict:
    """URL, size and alt text of an image scaled for link previews."""
    rendition = image.get_rendition(SHARE_RENDITION)
    return {
        "url": request.build_absolute_uri(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": image.default_alt_text or "",
    }


def share_image(page: Page | None, request: HttpRequest) -> dict:
    """URL, size and description of the picture a link preview shows."""
    image = page.get_share_image() if page is not None else None
    if image is not None:
        return preview_rendition(image, request)
    return {
        "url": request.build_absolute_uri(static(DEFAULT_SHARE_IMAGE["path"])),
        "width": DEFAULT_SHARE_IMAGE["width"],
        "height": DEFAULT_SHARE_IMAGE["height"],
        "alt": SITE_NAME,
    }


def breadcrumb_list(ancestors: list[Page], page: Page, request: HttpRequest) -> dict | None:
    """schema.org BreadcrumbList of the same trail the breadcrumbs navigation shows."""
    if not ancestors:
        return None
    trail = [*ancestors, page]
    home = gettext("Home")
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": home if crumb.depth == 2 else crumb.title,
                "item": request.build_absolute_uri(crumb.get_url(request)),
            }
            for position, crumb in enumerate(trail, start=1)
        ],
    }


def postal_address(text: str) -> dict | None:
    """A PostalAddress from the address field's lines ("Street 1" / "10247 Berlin")."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return None
    address = {"@type": "PostalAddress", "addressCountry": "DE"}
    match = POSTCODE_AND_CITY.match(lines[-1])
    if match:
        address.update(postalCode=match["code"], addressLocality=match["city"])
        lines = lines[:-1]
    if lines:
        address["streetAddress"] = ", ".join(lines)
    return address


def organization_json_ld(partner, request: HttpRequest) -> dict:
    """schema.org Organization of a partner page: only what the page itself states."""
    organization = {
        "@type": "Organization",
        "name": partner.title,
        "url": request.build_absolute_uri(partner.get_url(request)),
    }
    if partner.short_name:
        organization["alternateName"] = partner.short_name
    if partner.website:
        organization["sameAs"] = [partner.website]
    if partner.founded_year:
        organization["foundingDate"] = str(partner.founded_year)
    if address := postal_address(partner.address):
        organization["address"] = address
    if description := partner.get_meta_description():
        organization["description"] = description
    if partner.logo:
        # The logo itself, even where an editor chose another picture for link previews.
        organization["logo"] = preview_rendition(partner.logo, request)["url"]
    return organization


def json_ld_script(objects: list[dict]) -> SafeString:
    """One <script type="application/ld+json"> holding the objects, safe inside HTML."""
    if not objects:
        return mark_safe("")
    data = (
        {"@context": "https://schema.org", "@graph": objects}
        if len(objects) > 1
        else {
            "@context": "https://schema.org",
            **objects[0],
        }
    )
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    # A "</script>" inside a title must not end the element.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


def og_locale(language_code: str) -> str:
    return OG_LOCALES.get(language_code, language_code)


def breadcrumb_ancestors(page: Page) -> list[Page]:
    """The live ancestors between the language's home page and the page, home first.

    Fetched once per request: the breadcrumbs navigation and its JSON-LD share them (for a
    routed page, routing found them among the pages of its path and keeps them in the memo).
    """

    def build() -> list[Page]:
        # Depth 1 is Wagtail's root and depth 2 a language's home page.
        if page.depth <= 2:
            return []
        return list(page.get_ancestors().filter(depth__gte=2).live())

    return memoized(breadcrumbs_key(page.pk), build)
