"""A volunteer translator (Editors: may edit, may not publish) finishes a Turkish translation
in Chromium: the translation editor shows "submit for review", not a destructive main
button; submitting puts the page into the review (tests/multilingual/test_translation_review.py
follows it to publication)."""

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect
from wagtail.models import Locale, WorkflowState

from projects.models import ProjectPage
from tests.browser.conftest import account, log_in, restored_afterwards

pytestmark = pytest.mark.browser


@pytest.fixture
def translator(browser):
    with account(browser, "cevirmen", Group.objects.get(name="Editors")) as user:
        yield user


def test_a_translator_submits_the_translation_for_review(page, translator):
    german = ProjectPage.objects.get(slug="migrapower", locale__language_code="de")
    turkish = german.get_translation(Locale.objects.get(language_code="tr"))
    revisions_before = set(turkish.revisions.values_list("pk", flat=True))
    with restored_afterwards(turkish):
        log_in(page, translator)
        page.goto(f"/admin/pages/{turkish.pk}/edit/")
        bar = page.locator("[data-translation-review]")
        expect(bar).to_be_visible()
        expect(page.get_by_role("button", name="In Spiegelseite umwandeln")).to_have_count(0)
        expect(page.locator(".js-translation-editor footer")).to_be_hidden()
        bar.get_by_role("button", name="Zur Freigabe einreichen").click()
        expect(page.locator(".messages")).to_contain_text("zur Freigabe eingereicht")
        state = WorkflowState.objects.get(object_id=str(turkish.pk))
        assert state.status == WorkflowState.STATUS_IN_PROGRESS
        assert state.requested_by == translator
        assert turkish.revisions.exclude(pk__in=revisions_before).count() == 1
