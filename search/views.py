"""The site search at /<lang>/search/ (search in the reader's language)."""

import re

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from wagtail.models import Locale, Page

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10


def search_terms(query: str) -> str:
    """The words of a query, without operators or quotes that some backends reject."""
    return " ".join(re.findall(r"\w+", query))


def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = Page.objects.none()
    terms = search_terms(query)
    if terms:
        results = (
            Page.objects.live().public().filter(locale=Locale.get_active()).specific().search(terms)
        )
    paginator = Paginator(results, RESULTS_PER_PAGE)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        page = paginator.page(1)
    except EmptyPage:
        page = paginator.page(paginator.num_pages)
    return TemplateResponse(
        request,
        "search/search.html",
        {"search_query": query, "search_results": page, "paginator": paginator},
    )
