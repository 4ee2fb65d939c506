"""Nothing typed is lost by saving right after typing (issue 21: a new Text block saved a
moment after typing kept an empty body, in the autosave and in the draft), and a draft
saved incomplete says so. Draftail writes the typing into the form only 250 ms after the
last keystroke; editorial/static/editorial/save-typing.js writes it before the form is
sent, by hand or by autosave. The typing tests save within that quarter second, which the
browser does at once."""

import json

import pytest
from playwright.sync_api import expect

from core.models import StandardPage
from tests.browser.conftest import log_in, restored_afterwards

pytestmark = pytest.mark.browser


@pytest.fixture
def impressum(page, moderator):
    """The German Impressum open in the editor, restored afterwards."""
    target = StandardPage.objects.get(slug="impressum", locale__language_code="de")
    with restored_afterwards(target):
        log_in(page, moderator)
        page.goto(f"/admin/pages/{target.pk}/edit/")
        yield target


def type_in_a_new_text_block(page, text: str) -> None:
    page.locator("button.c-sf-add-button").last.click()
    page.get_by_role("option", name="Text").first.click()
    page.locator(".public-DraftEditor-content").last.click()
    page.keyboard.type(text)


def latest_revision(target: StandardPage) -> str:
    return json.dumps(target.revisions.order_by("-created_at", "-pk").first().content)


def test_a_draft_saved_right_after_typing_keeps_the_text(page, impressum):
    type_in_a_new_text_block(page, "Sofort gespeichert")
    # "Entwurf speichern" (a moderator's main button), clicked in the same instant.
    page.evaluate("() => document.querySelector('footer.footer button').click()")
    expect(page.locator(".messages")).to_contain_text("wurde aktualisiert")
    assert "Sofort gespeichert" in latest_revision(impressum)


def test_an_autosave_right_after_typing_keeps_the_text(page, impressum):
    before = impressum.revisions.count()
    type_in_a_new_text_block(page, "Automatisch gespeichert")
    # What Wagtail's unsaved-changes check does when it notices a change: autosave.
    page.evaluate(
        "() => document.querySelector('form[data-edit-form]')"
        ".dispatchEvent(new CustomEvent('w-unsaved:add', {bubbles: true}))"
    )
    expect(page.locator("#w-autosave-indicator")).to_have_attribute(
        "data-w-tooltip-content-value", "Die Änderungen wurden automatisch gespeichert."
    )
    assert impressum.revisions.count() == before + 1
    assert "Automatisch gespeichert" in latest_revision(impressum)


def test_a_draft_with_an_empty_text_block_says_what_is_missing(page, impressum):
    page.locator("button.c-sf-add-button").last.click()
    page.get_by_role("option", name="Text").first.click()
    page.locator("footer.footer button").first.click()  # "Entwurf speichern", left empty
    expect(page.locator(".messages")).to_contain_text(
        "Als Entwurf gespeichert, aber noch nicht vollständig: Inhalt."
    )
