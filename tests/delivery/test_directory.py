"""What each process keeps for a generation so that a page needs few queries of its own
(delivery.directory, the page URLs, a project's organisations and downloads): every change
an editor makes reaches readers at once, and a preview shows what is being edited."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from delivery import directory
from materials.models import MaterialPage
from projects.models import ProjectPage

pytestmark = pytest.mark.django_db

PROJECT_URL = "/de/projekte/migrapower/"


def project(language: str = "de") -> ProjectPage:
    return ProjectPage.objects.get(slug__startswith="migrapower", locale__language_code=language)


def hreflangs(client: Client, url: str) -> dict[str, str]:
    html = BeautifulSoup(client.get(url).content, "html.parser")
    return {link["hreflang"]: link["href"] for link in html.select("link[rel=alternate]")}


def test_a_new_slug_is_routed_and_linked_at_once(client):
    # Every process keeps the directory and the URLs it has used: read them first.
    for url in (PROJECT_URL, "/de/projekte/", "/tr/projeler/migrapower/"):
        assert client.get(url).status_code == 200
    page = project()
    page.slug = "migrapower-neu"
    page.save_revision().publish()

    assert client.get("/de/projekte/migrapower-neu/").status_code == 200
    assert client.get(PROJECT_URL).status_code == 404
    assert 'href="/de/projekte/migrapower-neu/"' in client.get("/de/projekte/").content.decode()
    # The Turkish page's German alternate follows.
    alternates = hreflangs(client, "/tr/projeler/migrapower/")
    assert alternates["de"] == "http://testserver/de/projekte/migrapower-neu/"


def test_an_unpublished_translation_leaves_the_language_links_at_once(client):
    assert "tr" in hreflangs(client, PROJECT_URL)
    project("tr").unpublish()
    alternates = hreflangs(client, PROJECT_URL)
    assert "tr" not in alternates
    assert "en" in alternates
    assert client.get("/tr/projeler/migrapower/").status_code == 404


def test_a_project_page_is_rendered_with_one_query_of_its_own():
    """Routing, language links, organisations, downloads and the footer come from what the
    process keeps for the generation; the page's own row is the one query."""
    with override_settings(PAGE_CACHE_SECONDS=0):
        reader = Client()
        assert reader.get(PROJECT_URL).status_code == 200  # the process keeps what it read
        with CaptureQueriesContext(connection) as queries:
            response = reader.get(PROJECT_URL)
    assert response.status_code == 200
    assert len(queries) == 1
    assert 'FROM "projects_projectpage"' in queries[0]["sql"]


def test_a_preview_shows_the_organisations_being_edited():
    saved = project()
    roles = [(org.partner_id, org.role) for org in saved.organisations.all()]
    assert [(org.partner_id, org.role) for org in saved.localized_organisations] == roles
    assert len(roles) > 1
    # A preview's page holds its organisations in memory (modelcluster), as edited.
    edited = project()
    edited.organisations = [saved.organisations.all()[1]]
    assert [(org.partner_id, org.role) for org in edited.localized_organisations] == roles[1:2]


def test_a_material_given_a_project_is_among_its_downloads_at_once(client):
    material = MaterialPage.objects.live().filter(locale__language_code="de").first()
    assert material.title not in client.get(PROJECT_URL).content.decode()
    material.related_project = project()
    material.save_revision().publish()
    downloads = BeautifulSoup(client.get(PROJECT_URL).content, "html.parser")
    assert material.title in downloads.get_text()


def test_a_partner_page_newer_than_the_directory_is_read_from_the_database(monkeypatch):
    """A request that read its generation just before an editor saved a partner page gets
    a directory without it: the page's organisations still name it."""
    expected = [org.partner.title for org in project().localized_organisations]
    monkeypatch.setattr(directory, "directory", lambda: directory.Directory())
    assert [org.partner.title for org in project().localized_organisations] == expected
    assert directory.page_by_id(project().pk).locale.language_code == "de"
