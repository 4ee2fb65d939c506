"""The glossary in the browser: a reader taps a German word on a project page, reads what it
means without leaving the page, and closes it again; by touch on a phone, by keyboard, and
in Arabic. No script is involved: HTML's popover does it."""

import pytest
from playwright.sync_api import Page, expect

from glossary.models import GlossaryPage, GlossaryTerm
from projects.models import ProjectPage

pytestmark = pytest.mark.browser


def project_url(language: str) -> str:
    return ProjectPage.objects.get(locale__language_code=language, slug="migrapower").url


def test_a_tap_on_a_term_explains_it_and_close_closes_it(page: Page, screenshot_dir):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(project_url("de"))
    term = page.get_by_role("main").get_by_role("button", name="Fachberatung").first
    expect(term).to_have_attribute("popovertarget", "glossary-fachberatung")
    explanation = page.locator("#glossary-fachberatung")
    expect(explanation).to_be_hidden()
    term.click()
    expect(explanation).to_be_visible()
    german = GlossaryTerm.objects.get(locale__language_code="de", german="Fachberatung")
    expect(explanation).to_contain_text(german.explanation)
    # On the phone's screen, whole.
    expect(explanation).to_be_in_viewport(ratio=1)
    page.screenshot(path=screenshot_dir / "glossary-popover-de-phone.png")
    explanation.get_by_role("button", name="Schließen").click()
    expect(explanation).to_be_hidden()
    # Its link leads to the term on the glossary page.
    term.click()
    explanation.get_by_role("link", name="Mehr im Glossar").click()
    glossary = GlossaryPage.objects.get(locale__language_code="de")
    expect(page).to_have_url(f"{page.url.split('/de/')[0]}{glossary.url}#fachberatung")
    expect(page.locator("#fachberatung")).to_be_in_viewport()


def expanded(page: Page, selector: str) -> bool:
    """The expanded state Chromium's accessibility tree gives screen readers."""
    cdp = page.context.new_cdp_session(page)
    element = cdp.send("Runtime.evaluate", {"expression": f"document.querySelector('{selector}')"})
    tree = cdp.send(
        "Accessibility.getPartialAXTree",
        {"objectId": element["result"]["objectId"], "fetchRelatives": False},
    )
    (state,) = [
        p["value"]["value"] for p in tree["nodes"][0]["properties"] if p["name"] == "expanded"
    ]
    return state


def test_by_keyboard_the_explanation_opens_follows_and_closes(page: Page):
    page.goto(project_url("de"))
    term = page.get_by_role("main").get_by_role("button", name="Fachberatung").first
    selector = 'button.glossary-term[popovertarget="glossary-fachberatung"]'
    term.focus()
    assert expanded(page, selector) is False  # screen readers hear "collapsed" …
    page.keyboard.press("Enter")
    explanation = page.locator("#glossary-fachberatung")
    expect(explanation).to_be_visible()
    assert expanded(page, selector) is True  # … and then "expanded"
    # The next Tab goes into the explanation, not on through the page.
    page.keyboard.press("Tab")
    expect(explanation.get_by_role("link", name="Mehr im Glossar")).to_be_focused()
    page.keyboard.press("Escape")
    expect(explanation).to_be_hidden()
    expect(term).to_be_focused()


def test_in_arabic_the_explanation_reads_right_to_left_with_the_german_word(
    page: Page, screenshot_dir
):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(project_url("ar"))
    term = page.locator('button.glossary-term[popovertarget="glossary-bezirksamt"]').first
    expect(term).to_have_attribute("lang", "de")
    term.click()
    explanation = page.locator("#glossary-bezirksamt")
    expect(explanation).to_be_visible()
    assert explanation.evaluate("e => getComputedStyle(e).direction") == "rtl"
    expect(explanation.locator('b[lang="de"][dir="ltr"]')).to_have_text("Bezirksamt")
    expect(explanation).to_contain_text("إدارة الحي")
    page.screenshot(path=screenshot_dir / "glossary-popover-ar-phone.png")
