"""A page with a view restriction (password, login or groups; on it or on an ancestor) is
nobody's language alternate: not in hreflang links, the sitemap, the language switcher, the
translation note, the Einfache-Sprache link or the search's hits in other languages. And
protecting a page takes effect at once, although pages and lookups are cached."""

import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils.translation import override
from wagtail.models import Locale, PageViewRestriction

from home.models import HomePage
from projects.models import ProjectPage

pytestmark = pytest.mark.django_db

GERMAN_URL = "/de/projekte/migrapower/"
EASY_URL = "/de/projekte/migrapower/einfache-sprache/"


def german_project() -> ProjectPage:
    return ProjectPage.objects.get(locale__language_code="de", slug="migrapower")


def translation(page, language: str):
    return page.get_translation(Locale.objects.get(language_code=language))


def protect(page, kind: str) -> PageViewRestriction:
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password="geheim" if kind == "password" else ""
    )
    if kind == "groups":
        restriction.groups.add(Group.objects.get(name="Moderators"))
    return restriction


def switcher(html: str) -> str:
    nav = html[html.index('class="language-switcher"') :]
    return nav[: nav.index("</nav>")]


RESTRICTIONS = ["password", "login", "groups"]
WHERE = ["page", "ancestor"]


@pytest.fixture
def outdated_translation():
    """The English translation of the German project, the original updated since (so the
    translation note links to it)."""
    german = german_project()
    german.save_revision().publish()
    return translation(german, "en")


@pytest.mark.parametrize("where", WHERE)
@pytest.mark.parametrize("kind", RESTRICTIONS)
def test_a_protected_original_is_no_alternate_of_its_translation(
    client, outdated_translation, kind, where
):
    english_url = outdated_translation.url
    before = client.get(english_url)
    assert f'<link rel="alternate" hreflang="de" href="http://testserver{GERMAN_URL}">' in (
        before.content.decode()
    )
    assert f'href="{GERMAN_URL}"' in before.content.decode()  # switcher and translation note
    assert client.get(english_url)["X-Cache"] == "HIT"

    german = german_project()
    protect(german if where == "page" else german.get_parent(), kind)

    response = client.get(english_url)
    assert response.status_code == 200
    assert response["X-Cache"] == "MISS"  # the restriction purged the cached page
    html = response.content.decode()
    assert GERMAN_URL not in html  # nor its Einfache-Sprache version below it
    assert 'hreflang="de" href=' not in html
    assert 'hreflang="x-default"' not in html
    assert 'rel="alternate" hreflang="en"' in html  # the public translations stay
    # German readers are offered the German home page, as for an untranslated page.
    assert 'href="/de/" lang="de" hreflang="de"' in switcher(html)
    assert "Read the German original" not in html


@pytest.mark.parametrize("kind", RESTRICTIONS)
def test_a_protected_translation_is_not_offered_from_the_original(client, kind):
    german = german_project()
    turkish = translation(german, "tr")
    assert turkish.url in client.get(GERMAN_URL).content.decode()
    protect(turkish, kind)
    html = client.get(GERMAN_URL).content.decode()
    assert turkish.url not in html
    assert 'hreflang="tr" href=' not in html
    assert 'href="/tr/" lang="tr" hreflang="tr"' in switcher(html)
    assert 'rel="alternate" hreflang="x-default"' in html


@pytest.mark.parametrize("kind", RESTRICTIONS)
def test_the_sitemap_names_no_protected_page(client, kind):
    german = german_project()
    xml = client.get("/sitemap.xml").content.decode()
    assert f'href="http://localhost{GERMAN_URL}"' in xml
    protect(german, kind)
    xml = client.get("/sitemap.xml").content.decode()
    assert GERMAN_URL not in xml
    english = translation(german, "en").url
    entry = re.search(rf"<url><loc>http://localhost{english}</loc>(.*?)</url>", xml, re.S)
    assert entry is not None
    assert 'hreflang="de"' not in entry.group(1)
    assert 'hreflang="x-default"' not in entry.group(1)
    assert f'hreflang="tr" href="http://localhost{translation(german, "tr").url}"' in entry[1]


def test_a_protected_home_page_is_no_language_of_the_site(client):
    """A language whose whole tree is private: no alternate, no switcher entry."""
    protect(HomePage.objects.get(locale__language_code="ar"), "login")
    for url in ("/de/", GERMAN_URL, "/de/fachvernetzung/lingua-pankow/"):
        html = client.get(url).content.decode()
        assert 'hreflang="ar"' not in html, url
        assert 'href="/ar/' not in html, url
    xml = client.get("/sitemap.xml").content.decode()
    assert "/ar/" not in xml


def test_the_protected_page_itself_keeps_its_public_alternates(client):
    """A reader who may see the page still gets the links to its public translations."""
    german = german_project()
    restriction = protect(german, "password")
    with override("de"):
        unlock = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, german.pk])
    client.post(unlock, {"password": "geheim", "return_url": GERMAN_URL})
    html = client.get(GERMAN_URL).content.decode()
    assert 'name="password"' not in html
    assert f'hreflang="en" href="http://testserver{translation(german, "en").url}"' in html
    assert 'href="/de/projekte/migrapower/" lang="de"' in switcher(html)


def test_a_protected_einfache_sprache_version_is_not_offered(client):
    german = german_project()
    english = translation(german, "en")
    assert EASY_URL in client.get(english.url).content.decode()
    protect(german.get_children().get(slug="einfache-sprache"), "login")
    for url in (GERMAN_URL, english.url):
        assert EASY_URL not in client.get(url).content.decode(), url


def test_search_in_other_languages_offers_no_protected_page(client):
    """An English reader finds the German-only hits below the English ones; a protected
    German page is not among them, nor named as a language of a hit."""
    german = german_project()
    protect(german, "login")
    for english_page in ProjectPage.objects.filter(locale__language_code="en"):
        english_page.unpublish()  # now only other languages have projects
    html = client.get("/en/search/", {"q": "migraPOWER"}).content.decode()
    assert GERMAN_URL not in html


def test_the_static_export_leaves_a_protected_page_out_of_every_language_link(tmp_path):
    from static_export.exporter import StaticSiteExporter

    german = german_project()
    protect(german, "password")
    report = StaticSiteExporter(tmp_path / "copy", pagefind=None).export()
    english = translation(german, "en").url.lstrip("/")
    html = (report.directory / english / "index.html").read_text()
    assert GERMAN_URL.strip("/") not in html
    assert 'hreflang="de" href=' not in html
    assert not (report.directory / GERMAN_URL.strip("/")).exists()
    # No page of another language links to it. (German archive entries still name it as
    # their project: a link an editor chose, which the reader meets as a password form.)
    linking = [
        file for url, files in report.unresolved.items() if GERMAN_URL in url for file in files
    ]
    assert [file for file in linking if not file.startswith("de/")] == []
    assert not any("partner" in file for file in linking)


def test_partner_pages_and_the_api_list_no_protected_project(client):
    german = german_project()
    partner_url = "/de/partner/mamis-en-movimiento/"
    assert GERMAN_URL in client.get(partner_url).content.decode()
    partner_id = german.organisations.get(partner__slug="mamis-en-movimiento").partner_id
    api_url = f"/api/v3/pages/{partner_id}/"
    assert "MigraPower" in client.get(api_url).content.decode()
    protect(german, "login")
    assert GERMAN_URL not in client.get(partner_url).content.decode()
    assert "MigraPower" not in client.get(api_url).content.decode()
