"""A reader answers “Did this page help you?” on a phone, in Arabic (issue 24, part 3)."""

import re

import pytest
from playwright.sync_api import expect

from feedback.models import PageFeedback
from projects.models import ProjectPage

pytestmark = pytest.mark.browser


def test_an_arabic_reader_says_a_page_did_not_help_and_why(page):
    project = ProjectPage.objects.get(slug="migrapower", locale__language_code="ar")
    comment = "أين العنوان؟"
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(project.url)
    form = page.locator("form#feedback")
    expect(form.get_by_role("group", name="هل أفادتك هذه الصفحة؟")).to_be_visible()
    try:
        # The choices are large enough to hit with a thumb (WCAG 2.2: 24 px at least).
        choice = form.locator("label", has_text="لا")
        assert choice.bounding_box()["height"] >= 44
        choice.click()
        form.get_by_label("ما الذي كان ناقصًا أو غير واضح؟ (اختياري)").fill(comment)
        form.get_by_role("button", name="أرسل الإجابة").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("شكرًا على إجابتك")
        stored = PageFeedback.objects.get(page=project)
        assert (stored.language, stored.helpful, stored.comment) == ("ar", False, comment)
        # No cookie on the way, and back to the page in one tap.
        assert page.context.cookies() == []
        page.get_by_role("link", name="العودة إلى الصفحة").click()
        expect(page).to_have_url(re.compile(re.escape(project.url) + "$"))
    finally:
        PageFeedback.objects.filter(page=project).delete()
