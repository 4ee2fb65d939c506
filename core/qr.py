"""QR codes of the site's pages, made here (segno) and not by an outside service: the one
on a material's page, and the one every printed page ends with."""

import base64
import io
from functools import lru_cache

import segno
from django.utils.safestring import SafeString, mark_safe

# Codes are cached per URL: a site of a few hundred pages in six languages, about 3 KB each.
CACHE_SIZE = 2048


def _svg(url: str, **options) -> str:
    """The code as SVG: one unit per module, a quiet zone of four, black modules."""
    code = segno.make(url, error="m", micro=False)
    buffer = io.BytesIO()
    code.save(
        buffer, kind="svg", scale=1, border=4, dark="#000", xmldecl=False, nl=False, **options
    )
    return buffer.getvalue().decode("ascii")


def qr_code_svg(url: str) -> bytes:
    """A standalone SVG file of the URL's code, black on white (so it prints and scans
    whatever the reader's colour scheme)."""
    return _svg(url, light="#fff").encode("ascii")


@lru_cache(maxsize=CACHE_SIZE)
def qr_code_data_uri(url: str) -> str:
    """The SVG as a data: URI for an ``<img>`` (the CSP allows data: images, not inline
    styles, and an image has an alt text)."""
    return "data:image/svg+xml;base64," + base64.b64encode(qr_code_svg(url)).decode("ascii")


@lru_cache(maxsize=CACHE_SIZE)
def qr_code_inline_svg(url: str) -> SafeString:
    """The code as an ``<svg>`` element inside the page's HTML, as small as segno makes it:
    one path, no namespace (HTML gives it), no classes, no white background (it is printed
    on paper), and a viewBox instead of a size, so that CSS scales it. Inline, because
    Chromium does not reliably fetch an image for printing that the screen does not show."""
    return mark_safe(
        _svg(url, svgns=False, svgclass=None, lineclass=None, omitsize=True, light=None)
    )
