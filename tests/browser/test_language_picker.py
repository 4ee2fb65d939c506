"""The header's language picker: the current language, which opens the others, by touch,
mouse and keyboard, and closes again (issue 19)."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

OTHERS = {"en": "English", "es": "Español", "it": "Italiano", "tr": "Türkçe", "ar": "العربية"}


def test_picker_shows_the_current_language_and_opens_the_others_by_keyboard(page):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/de/projekte/migrapower/")
    picker = page.locator("[data-language-picker]")
    summary = picker.locator("summary")
    # Its name says what it is and which language is on: "Sprache: Deutsch".
    expect(summary).to_have_accessible_name("Sprache: Deutsch")
    # A phone shows the code; the name stays for screen readers.
    expect(summary.locator(".language-switcher__code")).to_be_visible()
    expect(summary.locator(".language-switcher__code")).to_have_text("DE")
    assert summary.locator(".language-switcher__name").bounding_box()["width"] <= 1
    expect(picker.locator("ul")).to_be_hidden()

    summary.focus()
    page.keyboard.press("Enter")
    expect(picker.locator("ul")).to_be_visible()
    for code, name in OTHERS.items():
        link = picker.get_by_role("link", name=name, exact=True)
        expect(link).to_have_attribute("hreflang", code)
        expect(link).to_have_attribute("lang", code)
    # Escape closes it and gives the focus back to the picker.
    page.keyboard.press("Escape")
    expect(picker.locator("ul")).to_be_hidden()
    expect(summary).to_be_focused()

    # A tap elsewhere closes it too; opening the menu closes it as well.
    summary.click()
    expect(picker.locator("ul")).to_be_visible()
    page.mouse.click(10, 700)  # on the text, beside the open list
    expect(picker.locator("ul")).to_be_hidden()
    summary.click()
    page.locator("[data-nav-toggle]").click()
    expect(picker.locator("ul")).to_be_hidden()
    expect(page.locator("#main-nav-list")).to_be_visible()

    # Choosing a language leads to the same page in it.
    summary.click()
    picker.get_by_role("link", name="Türkçe").click()
    expect(page).to_have_url(re.compile(r"/tr/projeler/migrapower/$"))
    expect(page.locator("html")).to_have_attribute("lang", "tr")
    expect(page.locator("[data-language-picker] summary")).to_have_accessible_name("Dil: Türkçe")


def test_on_a_desktop_the_picker_names_the_language(page):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/ar/")
    summary = page.locator("[data-language-picker] summary")
    expect(summary.locator(".language-switcher__name")).to_be_visible()
    expect(summary.locator(".language-switcher__name")).to_have_text("العربية")
    expect(summary.locator(".language-switcher__code")).to_be_hidden()
    summary.click()
    # The list opens inside the window, on the reader's side (left in Arabic).
    languages = page.locator("[data-language-picker] ul")
    expect(languages).to_be_in_viewport(ratio=1)  # wholly inside the window
    box = languages.bounding_box()
    picker = page.locator("[data-language-picker]").bounding_box()
    # Its left edge under the picker's: it opens rightwards, into the page.
    assert abs(box["x"] - picker["x"]) <= 1, (box, picker)
