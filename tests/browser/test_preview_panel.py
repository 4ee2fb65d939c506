"""Previews in the admin, in a real browser: the page editor's preview panel shows the page
(the preview answer allows the admin, and only the admin, to frame it; a refused frame is
blank), and the translation editor's preview shows the translation in its language and
direction. The browser conftest fails a test on any console error, a refused frame among them.
"""

import pytest
from playwright.sync_api import expect
from wagtail.models import Locale

from core.models import StandardPage
from home.models import HomePage
from projects.models import ProjectPage
from tests.browser.conftest import log_in

pytestmark = pytest.mark.browser


def test_the_preview_panel_shows_german_pages_of_each_kind(page, moderator):
    log_in(page, moderator)
    for model, slug in [(HomePage, None), (ProjectPage, "migrapower"), (StandardPage, "impressum")]:
        german = model.objects.filter(locale__language_code="de")
        target = german.get(slug=slug) if slug else german.get()
        page.goto(f"/admin/pages/{target.pk}/edit/")
        toggle = page.locator("[data-side-panel-toggle='preview']")
        # The admin remembers an open panel from the page before: open it only if closed.
        if toggle.get_attribute("aria-expanded") != "true":
            toggle.click()
        expect(toggle).to_have_attribute("aria-expanded", "true")
        frame = page.frame_locator("#w-preview-iframe")
        # Rendering a preview on a busy CI machine can take a few seconds.
        expect(frame.get_by_role("heading", level=1)).to_have_text(target.title, timeout=20_000)
        expect(frame.locator("html")).to_have_attribute("lang", "de")


def test_the_translation_editor_previews_the_arabic_page(page, moderator):
    german = StandardPage.objects.get(slug="datenschutz", locale__language_code="de")
    arabic = german.get_translation(Locale.objects.get(language_code="ar"))
    log_in(page, moderator)
    page.goto(f"/admin/pages/{arabic.pk}/edit/")
    with page.context.expect_page() as opened:
        page.get_by_role("link", name="Vorschau").first.click()
    preview = opened.value
    expect(preview.get_by_role("heading", level=1)).to_have_text(arabic.title)
    expect(preview.locator("html")).to_have_attribute("dir", "rtl")
    preview.close()
