"""The external addresses the site links to: in the live pages' fields (rich text, link and
contact blocks, website fields) and in documents (a PDF's link annotations and metadata)."""

import html
import json
import logging
import re
from collections import defaultdict
from urllib.parse import urlsplit

from django.db import models
from pypdf import PdfReader
from pypdf.errors import PyPdfError
from wagtail.documents.models import Document
from wagtail.fields import StreamField
from wagtail.models import Page, Site

logger = logging.getLogger(__name__)

URL = re.compile(r"""https?://[^\s"'<>\\\]\[)]+""")
# A PDF is read up to this many pages for its links (a flyer has a few).
PDF_PAGES = 100


def addresses_in(text: str) -> set[str]:
    """The http(s) addresses in a text (rich text's entities resolved: ``&amp;`` is ``&``),
    without a sentence's closing punctuation."""
    return {html.unescape(match).rstrip(".,;:!?") for match in URL.findall(text or "")}


def own_hosts() -> set[str]:
    return {site.hostname.lower() for site in Site.objects.all()}


def is_external(url: str, own: set[str]) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return bool(host) and host not in own


def page_texts(page: Page) -> list[str]:
    """The page's own text fields and StreamFields, as text to search for addresses."""
    texts = []
    for field in type(page)._meta.concrete_fields:
        value = getattr(page, field.attname, None)
        if isinstance(field, StreamField):
            # Non-ASCII as it is: an escaped "ü" would end the address at its backslash.
            texts.append(
                json.dumps(field.get_prep_value(value), ensure_ascii=False) if value else ""
            )
        elif isinstance(field, (models.CharField, models.TextField)) and isinstance(value, str):
            texts.append(value)
    return texts


def document_addresses(document: Document) -> set[str]:
    """A PDF's link annotations and the addresses in its metadata; nothing for other files."""
    if not document.file.name.lower().endswith(".pdf"):
        return set()
    found: set[str] = set()
    try:
        with document.file.open("rb") as handle:
            reader = PdfReader(handle)
            for value in (reader.metadata or {}).values():
                found |= addresses_in(str(value))
            for pdf_page in reader.pages[:PDF_PAGES]:
                for annotation in pdf_page.get("/Annots") or []:
                    action = annotation.get_object().get("/A") or {}
                    uri = action.get("/URI")
                    if uri:
                        found |= addresses_in(str(uri))
    except (OSError, PyPdfError, ValueError) as error:  # a broken file is not the check's business
        logger.warning("Link check: could not read %s: %s", document.file.name, error)
    return found


def external_links() -> dict[str, dict[str, set[int]]]:
    """address → {"pages": page ids, "documents": document ids} for every external address."""
    own = own_hosts()
    found: dict[str, dict[str, set[int]]] = defaultdict(
        lambda: {"pages": set(), "documents": set()}
    )
    for page in Page.objects.live().filter(depth__gt=1).specific().iterator(chunk_size=100):
        for text in page_texts(page):
            for url in addresses_in(text):
                if is_external(url, own):
                    found[url]["pages"].add(page.pk)
    for document in Document.objects.all():
        for url in document_addresses(document):
            if is_external(url, own):
                found[url]["documents"].add(document.pk)
    return dict(found)
