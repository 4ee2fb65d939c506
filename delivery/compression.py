"""gzip for the rendered pages.

gunicorn sends what the application gives it, and whitenoise compresses only the static
files (brotli and gzip, made by collectstatic). Without this, every HTML page went out
uncompressed (Lighthouse's uses-text-compression: 10 KiB on the Arabic home page), unless
the reverse proxy happened to compress.
"""

from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.middleware.gzip import GZipMiddleware

COMPRESSED_TYPES = {"text/html"}


class PageCompressionMiddleware(GZipMiddleware):
    """Django's GZipMiddleware, limited to HTML pages that are not streamed.

    Django's version pads each answer with random bytes against BREACH (pages with a CSRF
    token, like the contact form). Left alone: static files (whitenoise has compressed them
    already), streamed files such as media and documents (Range requests, formats that are
    compressed already), and the API's JSON, whose strong ETags gzip would have to weaken.
    """

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        content_type = response.get("Content-Type", "").split(";", 1)[0].strip().lower()
        if response.streaming or content_type not in COMPRESSED_TYPES:
            return response
        return super().process_response(request, response)
