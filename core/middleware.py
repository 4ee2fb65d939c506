"""Requests for an unknown language prefix (/xx/…) are answered with a 404."""

import re
from collections.abc import Callable

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse

LANGUAGE_LIKE = re.compile(r"^/([a-z]{2}(?:-[a-z0-9]+)?)(?:/|$)", re.IGNORECASE)


class UnknownLanguagePrefixMiddleware:
    """Without it, Django's LocaleMiddleware would redirect /xx/ to /de/xx/ first."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response
        self.languages = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        match = LANGUAGE_LIKE.match(request.path_info)
        if match and match.group(1).lower() not in self.languages:
            raise Http404("Unknown language")
        return self.get_response(request)
