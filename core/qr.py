"""QR codes of material pages, made here (segno) and not by an outside service."""

import base64
import io

import segno


def qr_code_svg(url: str) -> bytes:
    """An SVG QR code of the URL: one unit per module, a quiet zone of four, black on white
    (so it prints and scans whatever the reader's colour scheme)."""
    code = segno.make(url, error="m", micro=False)
    buffer = io.BytesIO()
    code.save(
        buffer, kind="svg", scale=1, border=4, dark="#000", light="#fff", xmldecl=False, nl=False
    )
    return buffer.getvalue()


def qr_code_data_uri(url: str) -> str:
    """The SVG as a data: URI for an ``<img>`` (the CSP allows data: images, not inline
    styles, and an image has an alt text)."""
    return "data:image/svg+xml;base64," + base64.b64encode(qr_code_svg(url)).decode("ascii")
