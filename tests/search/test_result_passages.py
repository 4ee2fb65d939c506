"""A results page quotes each result's text as recorded when the page was published
(search.models.PageWords), so that it reads only the page types whose results show more
than a title and a passage: an archive entry's year, a material's files."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from projects.models import ProjectPage
from search.models import PageWords
from tests.delivery.test_query_budget import QUERY_BUDGET
from tests.search.test_forgiving import result_of
from tests.search.test_search import result_urls, search

pytestmark = pytest.mark.django_db

# Tables of page types whose results are shown as plain pages.
NOT_READ = ("projects_projectpage", "networks_networkpage", "partners_partnerpage")


@pytest.mark.parametrize("language", ["de", "ar"])
def test_a_results_page_of_many_page_types_stays_within_the_query_budget(client, language):
    search(client, language, q="warm")  # menus, footer and lookups, as on a running site
    with CaptureQueriesContext(connection) as queries:
        html = search(client, language, q="Pankow")
    kinds = set(re.findall(r'class="search-result__kind">.*?</svg>\s*([^<·]+)', html, re.S))
    assert len(result_urls(html)) >= 5 and len(kinds) >= 3, kinds
    assert len(queries) <= QUERY_BUDGET, [query["sql"][:120] for query in queries]
    read = [query["sql"] for query in queries if any(t in query["sql"] for t in NOT_READ)]
    assert not read


def test_a_page_not_recorded_yet_is_quoted_from_its_content(client):
    """Pages published before their text was recorded (until update_index runs) are read as
    their own type for their passage."""
    page = ProjectPage.objects.get(locale__language_code="de", slug="migrapower")
    PageWords.objects.filter(page_id=page.pk).update(text=None)
    html = search(client, "de", q="Stabilisierung")
    assert "<mark>Stabilisierung</mark>" in result_of(html, page.url)
