"""Every content page as a PDF to take along (``?format=pdf``), for counsellors who print
pages for people without a smartphone or with little data.

The PDF is the page's own HTML as its printed copy (``static/css/print.css``: title,
content, contact, downloads, the version's date and a QR code of the page online), laid out
by WeasyPrint, which shapes Arabic and sets it right to left (Pango, HarfBuzz) and embeds
the fonts it uses. Stylesheets and pictures are read from disk: making a PDF requests
nothing, from the site or elsewhere. At its page's address with ``?format=pdf``, it is
kept by the page cache and purged with the page, like the page itself.
"""

import logging
import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import get_language_bidi
from wagtail.models import Page

from delivery.cache import QueryParameters, address_with
from multilingual.bidi import isolate_ltr_runs

logger = logging.getLogger(__name__)

FORMAT = "format"  # ?format=pdf


class PdfMixin:
    """For page types that can be taken along as a PDF: declares ``?format=pdf`` for the
    page cache and answers it with the rendered page as a PDF."""

    def query_parameters(self) -> QueryParameters:
        return {**super().query_parameters(), FORMAT: "pdf"}

    def serve(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = super().serve(request, *args, **kwargs)
        if (
            request.method in ("GET", "HEAD")
            and request.GET.get(FORMAT) == "pdf"
            and isinstance(response, TemplateResponse)
            and response.status_code == 200
        ):
            return pdf_of(self, request, response)
        return response


def pdf_url(request: HttpRequest) -> str:
    """The address of the PDF of the page asked for, with what else the page reads (the
    German original beside, a list's filters)."""
    return address_with(request, request.path, **{FORMAT: "pdf"})


def local_file(url: str) -> Path | None:
    """The file on disk behind a static or media URL of the site; None for anything else."""
    path = unquote(urlsplit(url).path)
    if path.startswith(settings.STATIC_URL):
        name = path[len(settings.STATIC_URL) :]
        try:
            stored = Path(staticfiles_storage.path(name))
        except NotImplementedError:
            stored = None
        if stored is not None and stored.is_file():
            return stored
        found = finders.find(name)
        return Path(found) if found else None
    if path.startswith(settings.MEDIA_URL):
        media = (Path(settings.MEDIA_ROOT) / path[len(settings.MEDIA_URL) :]).resolve()
        if media.is_relative_to(Path(settings.MEDIA_ROOT).resolve()) and media.is_file():
            return media
    return None


def local_fetcher():
    """WeasyPrint's URL fetcher for the site's PDFs: static files and pictures from disk,
    data: URIs (the QR code) as they are, nothing from the network (an unknown address is
    left out of the PDF)."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class LocalFetcher(URLFetcher):
        def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
            if url.startswith("data:"):
                return super().fetch(url, headers)
            found = local_file(url)
            if found is None:
                raise ValueError(f"not fetched for a PDF: {url}")
            content_type = mimetypes.guess_type(found.name)[0] or "application/octet-stream"
            return URLFetcherResponse(
                url, body=found.read_bytes(), headers={"Content-Type": content_type}
            )

    return LocalFetcher(allowed_protocols=["data", "http", "https"])


def pdf_of(page: Page, request: HttpRequest, response: TemplateResponse) -> HttpResponse:
    """The rendered page as a PDF, named after the page and its language."""
    from weasyprint import HTML  # imported when a PDF is made: it loads Pango

    response.render()
    html = response.content.decode(response.charset)
    if get_language_bidi():
        # As the middleware does for the page: Latin runs (names, addresses) isolated.
        html = isolate_ltr_runs(html)
    document = HTML(
        string=html,
        base_url=request.build_absolute_uri("/"),
        url_fetcher=local_fetcher(),
        media_type="print",
    )
    pdf = document.write_pdf()
    answer = HttpResponse(pdf, content_type="application/pdf")
    language = page.locale.language_code
    answer["Content-Disposition"] = f'inline; filename="{page.slug}-{language}.pdf"'
    return answer
