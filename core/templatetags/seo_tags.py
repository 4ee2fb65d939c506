"""The head's description, OpenGraph and JSON-LD tags for every page (built by the SEO
module), and the page's address for its printed copy."""

from django import template
from django.utils import timezone, translation

from core import qr, seo
from core.pdf import PdfMixin, pdf_url

register = template.Library()


@register.inclusion_tag("components/page_meta.html", takes_context=True)
def page_meta(context, title: str = "", description: str = "", robots: str = "") -> dict:
    """Tags for the page in the context; pages without one (search, 404) pass their own
    title and may pass a description; robots="noindex" keeps a page out of indexes."""
    request = context["request"]
    page = context.get("page")
    has_page = page is not None and getattr(page, "pk", None) is not None
    language = translation.get_language()
    json_ld = []
    if has_page:
        title = title or page.seo_title or page.title
        description = description or page.get_meta_description()
        url = seo.canonical_url(page, request)
        json_ld = [
            *page.get_json_ld(request),
            seo.breadcrumb_list(seo.breadcrumb_ancestors(page), page, request),
        ]
    else:
        url = request.build_absolute_uri(request.path)
    return {
        "title": title or seo.SITE_NAME,
        "description": description or seo.site_description(),
        "robots": robots,
        "url": url,
        "og_type": "website" if not has_page or page.depth <= 2 else "article",
        "og_locale": seo.og_locale(language),
        "site_name": seo.SITE_NAME,
        "image": seo.share_image(page if has_page else None, request),
        "json_ld": seo.json_ld_script([item for item in json_ld if item]),
    }


@register.inclusion_tag("components/print_link.html", takes_context=True)
def print_link(context) -> dict:
    """The page's canonical address, as text and QR code, for the end of its printed copy.

    Only pages with an address of their own get one: search results and the 404 page are
    not worth returning to (noindex). The SVG is made once per URL (``core.qr``).
    """
    page = context.get("page")
    if page is None or getattr(page, "pk", None) is None:
        return {}
    url = seo.canonical_url(page, context["request"])
    if not url:
        return {}
    # The date of the version on paper (and in the PDF, core.pdf).
    published = getattr(page, "last_published_at", None)
    version = timezone.localdate(published) if published else None
    return {"url": url, "qr_code": qr.qr_code_inline_svg(url), "version": version}


@register.inclusion_tag("components/pdf_link.html", takes_context=True)
def pdf_link(context) -> dict:
    """“This page as PDF” at the end of a page that offers one (core.pdf)."""
    page = context.get("page")
    if not isinstance(page, PdfMixin) or getattr(page, "pk", None) is None:
        return {}
    return {"url": pdf_url(context["request"])}
