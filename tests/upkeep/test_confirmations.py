"""“Geprüft am”: editors confirm a page as accurate without editing it; readers see the date;
the dashboard lists what nobody has checked for a year; archive entries say which year they
describe (issue 24, part 4)."""

from datetime import UTC, datetime, timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission, User
from django.utils import timezone
from wagtail.models import Page, Revision

from archive.models import ArchiveEntryPage
from projects.models import ProjectPage
from upkeep.models import PageConfirmation

pytestmark = pytest.mark.django_db

LONG_AGO = datetime(2024, 3, 1, 12, tzinfo=UTC)


def project(language: str) -> ProjectPage:
    return ProjectPage.objects.get(slug="migrapower", locale__language_code=language)


def checked_line(client, url: str) -> str:
    found = BeautifulSoup(client.get(url).content, "html.parser").select_one(".page-checked")
    return found.get_text(" ", strip=True) if found else ""


def test_readers_see_when_the_page_was_last_published_or_confirmed(client, editor):
    page = project("tr")
    Page.objects.filter(pk=page.pk).update(last_published_at=LONG_AGO)
    line = checked_line(client, page.url)
    assert line == "Son kontrol tarihi: 1 Mart 2024 ."
    revisions = Revision.objects.for_instance(page).count()

    client.force_login(editor)
    question = client.get(f"/admin/pages/{page.pk}/confirm/").content.decode()
    assert "1. März 2024" in question  # the date readers see now
    response = client.post(f"/admin/pages/{page.pk}/confirm/")
    assert response.status_code == 302
    confirmation = PageConfirmation.objects.get(page=page)
    assert (confirmation.confirmed_on, confirmation.confirmed_by) == (timezone.localdate(), editor)
    # Nothing edited: no new revision, the page's own dates unchanged.
    page.refresh_from_db()
    assert Revision.objects.for_instance(page).count() == revisions
    assert page.last_published_at == LONG_AGO
    client.logout()
    today = timezone.localdate()
    assert checked_line(client, page.url).startswith("Son kontrol tarihi:")
    assert f'datetime="{today:%Y-%m-%d}"' in client.get(page.url).content.decode()


def test_only_editors_of_the_page_may_confirm_it(client):
    user = User.objects.create_user("leser", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    # Wagtail answers a refused permission with the dashboard and a message.
    response = client.post(f"/admin/pages/{project('de').pk}/confirm/")
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert not PageConfirmation.objects.exists()


def panel(client) -> BeautifulSoup:
    html = BeautifulSoup(client.get("/admin/").content, "html.parser")
    return html.select_one("#unconfirmed-pages-content")


def test_the_dashboard_lists_pages_nobody_checked_for_a_year_per_language(client, editor):
    client.force_login(editor)
    assert "in den letzten 12 Monaten bestätigt oder veröffentlicht" in panel(client).get_text()
    german, arabic = project("de"), project("ar")
    entry = ArchiveEntryPage.objects.filter(locale__language_code="de").first()
    Page.objects.filter(pk__in=[german.pk, arabic.pk, entry.pk]).update(last_published_at=LONG_AGO)
    found = panel(client)
    headings = [h3.get_text(strip=True) for h3 in found.find_all("h3")]
    assert headings == ["Deutsch", "العربية"]
    assert found.find("a", string="MigraPower")["href"] == f"/admin/pages/{german.pk}/edit/"
    # Archive entries describe their year: nobody is asked to confirm them.
    assert entry.title not in found.get_text()

    client.post(f"/admin/pages/{german.pk}/confirm/")
    assert [h3.get_text(strip=True) for h3 in panel(client).find_all("h3")] == ["العربية"]
    # A confirmation more than a year old counts as none.
    PageConfirmation.objects.filter(page=german).update(
        confirmed_on=timezone.localdate() - timedelta(days=400)
    )
    assert "Deutsch" in [h3.get_text(strip=True) for h3 in panel(client).find_all("h3")]


@pytest.mark.parametrize(
    ("language", "note"),
    [
        ("de", "Dieser Archiveintrag beschreibt den Stand von {year}."),
        ("ar", "يصف هذا المُدخل في الأرشيف الوضع في عام {year}."),
    ],
)
def test_archive_entries_say_which_year_they_describe(client, language, note):
    entry = ArchiveEntryPage.objects.filter(locale__language_code=language).first()
    html = BeautifulSoup(client.get(entry.url).content, "html.parser")
    assert note.format(year=entry.year) in html.select_one(".notice--archive").get_text()
    assert not html.select(".page-checked")
