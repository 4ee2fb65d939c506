"""A results page quotes each result's text as recorded when the page was published
(search.models.PageWords), so that it reads only the page types whose results show more
than a title and a passage: an archive entry's year, a material's files."""

import io
import re

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.documents import get_document_model

from materials.models import MaterialFile, MaterialIndexPage, MaterialPage
from projects.models import ProjectPage
from search.models import PageWords
from tests.delivery.test_query_budget import QUERY_BUDGET
from tests.search.test_forgiving import result_of
from tests.search.test_search import pdf_with, refresh_index, result_urls, search

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


def test_materials_found_show_their_languages_with_one_query_for_all_files(client):
    index_page = MaterialIndexPage.objects.get(locale__language_code="de")
    for number, languages in enumerate((["de"], ["de", "tr"], ["de", "ar", "fa"])):
        material = MaterialPage(title=f"Handreichung Nachbarschaftsfest {number}")
        material.files = [
            MaterialFile(
                language=language,
                document=get_document_model().objects.create(
                    title=f"Handreichung {number} {language}",
                    file=ContentFile(pdf_with("Nachbarschaftsfest"), f"h{number}{language}.pdf"),
                ),
            )
            for language in languages
        ]
        index_page.add_child(instance=material)
        material.save_revision().publish()
    refresh_index()
    search(client, "de", q="warm")

    with CaptureQueriesContext(connection) as queries:
        html = search(client, "de", q="Nachbarschaftsfest")
    assert len(result_urls(html)) == 3
    shown = {
        tuple(re.findall(r'<abbr lang="([a-z]+)"', chunk.split("</abbr></span>")[0]))
        for chunk in html.split('class="material-languages">')[1:]
    }
    assert shown == {("de",), ("de", "tr"), ("de", "ar", "fa")}
    files_read = [query for query in queries if "materials_materialfile" in query["sql"]]
    assert len(files_read) == 1, [query["sql"][:120] for query in files_read]


def test_a_page_not_recorded_yet_is_quoted_from_its_content(client):
    """Pages published before their text was recorded (until update_index runs) are read as
    their own type for their passage."""
    page = ProjectPage.objects.get(locale__language_code="de", slug="migrapower")
    PageWords.objects.filter(page_id=page.pk).update(text=None)
    html = search(client, "de", q="Stabilisierung")
    assert "<mark>Stabilisierung</mark>" in result_of(html, page.url)


@override_settings(
    WAGTAILSEARCH_BACKENDS={"default": {"BACKEND": "search.database", "SEARCH_CONFIG": "simple"}}
)
def test_a_replaced_file_is_quoted_at_once(client):
    """An editor replaces a material's PDF (no new revision of the page): its result quotes
    the new file. (The database backend only: an OpenSearch index would keep the change.)"""
    from reportlab.pdfgen import canvas

    material = MaterialPage.objects.filter(locale__language_code="de", files__isnull=False)[0]
    document = material.files.first().document
    pdf = io.BytesIO()
    sheet = canvas.Canvas(pdf)
    sheet.drawString(40, 800, "Neu: Quartiersmanagement im Bezirk")
    sheet.save()
    # As the admin's document form does: the new file with its size and hash, then saved.
    document.file.save("neu.pdf", ContentFile(pdf.getvalue()), save=False)
    document._set_document_file_metadata()
    document.save()
    html = search(client, "de", q="Quartiersmanagement")
    assert "<mark>Quartiersmanagement</mark>" in result_of(html, material.url)
