"""The full text of uploaded PDFs, for the search index."""

import logging
import unicodedata

from pypdf import PdfReader
from pypdf.errors import PyPdfError
from wagtail.documents.models import AbstractDocument

logger = logging.getLogger(__name__)

# A few hundred pages of text; enough to find a flyer or a report by any of its words.
MAX_TEXT_LENGTH = 300_000


def document_key(document: AbstractDocument | None) -> str:
    """Identifies the file's content: text is extracted again only when this changes."""
    return f"{document.pk}:{document.file_hash}" if document else ""


def extract_text(document: AbstractDocument) -> str:
    """The text of a PDF document; empty for other types or unreadable files (logged)."""
    if document.file_extension.lower() != "pdf":
        return ""
    try:
        with document.open_file() as handle:
            reader = PdfReader(handle)
            text = "\n".join(page.extract_text() or "" for page in reader.pages)
    except (OSError, PyPdfError, ValueError) as error:
        logger.warning("No text from document %s (%s): %s", document.pk, document.title, error)
        return ""
    # NFKC turns Arabic presentation forms (what shaped PDFs often hold) back into letters.
    return " ".join(unicodedata.normalize("NFKC", text).split())[:MAX_TEXT_LENGTH]


def page_count(document: AbstractDocument | None) -> int | None:
    """The number of pages of a PDF document; None for other types or unreadable files."""
    if document is None or document.file_extension.lower() != "pdf":
        return None
    try:
        with document.open_file() as handle:
            return len(PdfReader(handle).pages)
    except (OSError, PyPdfError, ValueError) as error:
        logger.warning("No page count of document %s (%s): %s", document.pk, document.title, error)
        return None
