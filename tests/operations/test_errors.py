"""Unknown addresses get the site's own styled 404 page, never a debug page."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url", ["/de/gibt-es-nicht/", "/de/projekte/unbekannt/", "/documents/99999/nichts.pdf"]
)
def test_unknown_urls_get_the_styled_404(client, url):
    response = client.get(url)
    assert response.status_code == 404
    html = response.content.decode()
    if url.startswith("/de/"):
        assert '<link rel="stylesheet" href="/static/css/site.css">' in html
        assert 'class="site-header"' in html and "<footer" in html
        assert 'href="/de/"' in html
        assert "Seite nicht gefunden" in html
        assert "Traceback" not in html


def test_unknown_language_prefix_is_not_found(client):
    response = client.get("/xx/", follow=True)
    assert response.status_code == 404


@pytest.mark.parametrize("url", ["/xx/", "/xx/projekte/", "/zz"])
def test_unknown_language_prefix_is_a_404_at_once(client, url):
    # In German, whatever language the thread's previous request (here: Arabic) left active.
    client.get("/ar/")
    response = client.get(url)
    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.content.decode()


def test_unprefixed_paths_still_redirect_to_the_language(client):
    assert client.get("/projekte/").headers["Location"] == "/de/projekte/"


def test_language_without_a_live_home_redirects_to_the_german_page(client):
    from home.models import HomePage

    HomePage.objects.get(locale__language_code="ar").unpublish()
    response = client.get("/ar/")
    assert response.status_code == 302
    assert response.headers["Location"] == "/de/"
