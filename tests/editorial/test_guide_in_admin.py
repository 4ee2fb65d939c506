"""The editors' guide (docs/redaktion.md) inside the German admin: the help menu and the
dashboard lead to it, not to Wagtail's English guide on another site; its pictures come
from the admin, to signed-in editors only."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_guide_reads_in_the_admin_with_its_pictures(client, editor):
    client.force_login(editor)
    response = client.get("/admin/handbuch/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Handbuch für die Redaktion" in html
    assert '<h2 id="begriffe-ein-wort-fur-eine-sache-in-jeder-sprache">' in html
    assert 'src="/admin/handbuch/img/anmelden.png"' in html
    picture = client.get("/admin/handbuch/img/anmelden.png")
    assert picture.status_code == 200 and picture["Content-Type"] == "image/png"
    assert b"".join(picture.streaming_content).startswith(b"\x89PNG")


@pytest.mark.parametrize(
    "name", ["fehlt.png", "..%2Fredaktion.md", "..redaktion.md", "anmelden.PNG", "x.svg"]
)
def test_only_the_guides_own_pictures_are_served(client, editor, name):
    client.force_login(editor)
    assert client.get(f"/admin/handbuch/img/{name}", follow=True).status_code == 404


def test_readers_without_an_account_are_sent_to_the_login(client):
    for url in ("/admin/handbuch/", "/admin/handbuch/img/anmelden.png"):
        assert client.get(url)["Location"].startswith("/admin/login/")


def test_the_help_menu_and_the_dashboard_lead_to_this_guide(client, editor):
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert "guide.wagtail.org" not in html
    assert '"url": "/admin/handbuch/"' in html  # the help menu (sidebar JSON)
    assert 'href="/admin/handbuch/">Handbuch für die Redaktion</a>' in html  # the dashboard
