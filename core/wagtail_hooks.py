"""Wagtail hooks of the site."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import translation
from wagtail import hooks
from wagtail.models import Page


@hooks.register("before_serve_page")
def serve_pages_in_their_own_language(
    page: Page, request: HttpRequest, serve_args, serve_kwargs
) -> HttpResponse | None:
    """A page reached under another language's prefix (because it has no translation in
    that language) is redirected to its own address, so that the reader gets the text with
    the right lang attribute, navigation and search of that page's language."""
    language = getattr(page.locale, "language_code", None)
    if language and language != translation.get_language():
        return redirect(page.get_url(request))
    return None
