"""Language prefixes: unknown ones (/xx/…) are a 404; the API has none. Latin names in
right-to-left pages isolated from the text around them."""

import re
from collections.abc import Callable

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation

from multilingual.bidi import isolate_ltr_runs

API_PREFIX = "/api/"
LANGUAGE_LIKE = re.compile(r"^/([a-z]{2}(?:-[a-z0-9]+)?)(?:/|$)", re.IGNORECASE)


class UnknownLanguagePrefixMiddleware:
    """Without it, Django's LocaleMiddleware would redirect /xx/ to /de/xx/ first."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response
        self.languages = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        match = LANGUAGE_LIKE.match(request.path_info)
        if match and match.group(1).lower() not in self.languages:
            # The 404 page in the default language, not in whatever language an earlier
            # request left active on this thread (LocaleMiddleware has not run yet).
            translation.activate(settings.LANGUAGE_CODE)
            raise Http404("Unknown language")
        return self.get_response(request)


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, minus its language handling of the API's answers.

    Django would answer an API 404 (say /api/v3/pages/999/) with a redirect to
    /de/api/v3/pages/999/, because Wagtail's catch-all pattern matches that path; the API
    lives outside the language prefixes and selects content languages with ?locale=
    instead. Its own messages (problem descriptions, the schema) are in English, whatever
    the browser asks for, so that tools get the same answer everywhere.
    """

    def process_request(self, request: HttpRequest) -> None:
        if request.path_info.startswith(API_PREFIX):
            translation.activate("en")
            request.LANGUAGE_CODE = "en"
            return
        super().process_request(request)

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if request.path_info.startswith(API_PREFIX):
            return response
        if response.status_code == 404 and request.path_info.startswith(settings.MEDIA_URL):
            # A refused or missing media file is the 404 it is, not a redirect to /de/media/….
            return response
        return super().process_response(request, response)


class BidiIsolationMiddleware:
    """Left-to-right runs of right-to-left pages in ``<bdi>`` (multilingual.bidi).

    Placed inside the page cache, which then keeps the result: the pass costs a few
    milliseconds per page, once per cached page. Only pages that contain right-to-left
    content are read. The admin is left alone (its scripts read its texts), but for its
    previews of pages, which show what readers will see.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        content_type = response.get("Content-Type", "").split(";", 1)[0].strip().lower()
        path = request.path_info
        if (
            content_type != "text/html"
            or response.streaming
            or (path.startswith("/admin/") and "/preview/" not in path)
            or b'dir="rtl"' not in response.content
        ):
            return response
        response.content = isolate_ltr_runs(response.content.decode(response.charset))
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(response.content))
        return response
