"""The Impressum and the privacy policy: in every language, linked from every page's footer
(``legal.pages``). These tests fail when either is missing in any language."""

import re

import pytest
from django.conf import settings
from wagtail.models import Locale

from core.models import StandardPage
from legal.pages import missing_required_pages, required_pages
from tests.page_types import ALL, LANGUAGES, PAGES, exists_in, expected_status, page_of, url_of

pytestmark = pytest.mark.django_db


def footer_links(html: str) -> list[str]:
    footer = html[html.index('<nav aria-label="', html.index("<footer")) :]
    return re.findall(r'<a href="([^"]+)"', footer[: footer.index("</nav>")])


def footer_problems(client) -> list[str]:
    """Every page type in every language whose footer lacks a required page of its language."""
    problems = []
    for missing in missing_required_pages():
        problems.append(f"no {missing.role} in {missing.locale.language_code}")
    for language in LANGUAGES:
        pages = StandardPage.objects.live().filter(locale__language_code=language)
        wanted = {page.url for page in pages.exclude(required_page="")}
        for name in ALL:
            # A page this test unpublished is checked as missing above.
            if name in PAGES and exists_in(name, language) and not page_of(name, language).live:
                continue
            url = url_of(name, language)
            response = client.get(url)
            assert response.status_code == expected_status(name, language), url
            absent = wanted - set(footer_links(response.content.decode()))
            problems += [f"{url} does not link {link}" for link in sorted(absent)]
    return problems


def test_every_language_has_an_impressum_and_a_privacy_policy():
    assert missing_required_pages() == []
    for code, _name in settings.LANGUAGES:
        pages = required_pages(Locale.objects.get(language_code=code))
        assert [page.required_page for page in pages] == ["impressum", "privacy"], code


def test_every_page_links_both_from_its_footer_in_every_language(client):
    assert footer_problems(client) == []


def test_the_footer_links_them_even_when_an_editor_unticks_the_footer_box(client):
    turkish = StandardPage.objects.get(required_page="impressum", locale__language_code="tr")
    turkish.show_in_footer = False
    turkish.save_revision().publish()
    html = client.get("/tr/").content.decode()
    assert turkish.url in footer_links(html)


def test_a_missing_page_is_caught_and_shown_on_the_dashboard(client, editor):
    arabic = StandardPage.objects.get(required_page="privacy", locale__language_code="ar")
    arabic.unpublish()

    missing = missing_required_pages()
    assert [(m.role, m.locale.language_code) for m in missing] == [("privacy", "ar")]
    assert footer_problems(client) == ["no privacy in ar"]

    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert "Pflichtseiten fehlen" in html
    assert re.search(r"<li>Datenschutzerklärung: (العربية|Arabisch)[^<]*</li>", html)
