"""How current a page is, in Chromium (issue 24, part 4): an editor finds a page nobody
checked for a year on the dashboard and confirms it; a Turkish reader sees the new date at
once; an archive entry says which year it describes."""

import re
from datetime import UTC, datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.models import Page

from archive.models import ArchiveEntryPage
from projects.models import ProjectPage
from tests.browser.conftest import log_in
from upkeep.models import PageConfirmation

pytestmark = pytest.mark.browser


def test_an_editor_confirms_a_stale_page_and_readers_see_the_date(browser, site_url, moderator):
    turkish = ProjectPage.objects.get(slug="migrapower", locale__language_code="tr")
    published = turkish.last_published_at
    Page.objects.filter(pk=turkish.pk).update(
        last_published_at=datetime(2024, 3, 1, 12, tzinfo=UTC)
    )
    reader = browser.new_context(base_url=site_url, locale="tr-TR").new_page()
    editor = browser.new_context(base_url=site_url, locale="de-DE").new_page()
    try:
        reader.goto(turkish.url)
        expect(reader.locator(".page-checked")).to_have_text("Son kontrol tarihi: 1 Mart 2024.")

        log_in(editor, moderator)
        panel = editor.locator("#unconfirmed-pages-content")
        item = panel.locator("li", has_text="MigraPower")
        expect(item).to_contain_text("zuletzt geprüft am 1. März 2024")
        item.get_by_role("link", name="Als aktuell bestätigen").click()
        expect(editor.get_by_role("heading", level=1)).to_contain_text("Als aktuell bestätigen")
        editor.get_by_role("button", name="Ja, stimmt noch").click()
        expect(editor.get_by_text("ist heute als aktuell bestätigt")).to_be_visible()

        reader.reload()
        today = timezone.localdate()
        expect(reader.locator(".page-checked time")).to_have_attribute(
            "datetime", today.strftime("%Y-%m-%d")
        )
    finally:
        PageConfirmation.objects.filter(page_id=turkish.pk).delete()
        Page.objects.filter(pk=turkish.pk).update(last_published_at=published)
        reader.context.close()
        editor.context.close()


def test_an_archive_entry_says_which_year_it_describes(page):
    entry = ArchiveEntryPage.objects.filter(locale__language_code="ar").first()
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(entry.url)
    note = page.locator(".notice--archive")
    expect(note).to_be_visible()
    expect(note).to_contain_text(
        re.compile(rf"يصف هذا المُدخل في الأرشيف الوضع في عام {entry.year}")
    )
    expect(page.locator(".page-checked")).to_have_count(0)
