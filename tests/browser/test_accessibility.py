"""WCAG 2.2 AA in a real browser: axe-core (from npm) finds no violation on any page type
in any language, at desktop and phone widths.

axe is evaluated in the page through Playwright (as a script the browser runs for the test,
not one the page loads), so the site's Content-Security-Policy stays as strict as readers get
it. Colour contrast, focus order and names are checked on the rendered pages, with the
fonts and layout Chromium actually uses.
"""

from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.page_types import ALL, LANGUAGES, expected_status, url_of

pytestmark = [pytest.mark.browser, pytest.mark.output_check]

AXE = Path(__file__).parents[2] / "tools/browser-checks/node_modules/axe-core/axe.min.js"
# WCAG 2.2 adds target sizes (2.5.8) to what axe checks automatically.
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# A desktop and a common phone (the width the header budget in test_layout is measured at);
# narrower phones are covered by test_layout's overflow check.
WIDTHS = (1280, 390)


@pytest.fixture(scope="module")
def axe_source() -> str:
    assert AXE.exists(), f"{AXE} is missing: `make checks-tools` installs axe-core from npm."
    return AXE.read_text(encoding="utf-8")


def axe_violations(page: Page, axe_source: str) -> list[str]:
    """axe's WCAG 2.2 A and AA violations on the page as it is now, one line per element."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_22_AA
    )
    # axe really ran its rules here (a page where nothing applies would prove nothing).
    assert result["passes"], f"axe checked nothing on {page.url}"
    return [
        f"{page.url}: {violation['id']} ({violation['impact']}) {node['target']}: "
        f"{node['failureSummary']}"
        for violation in result["violations"]
        for node in violation["nodes"]
    ]


def test_axe_finds_violations(page, axe_source):
    """The check can fail: an image without a text alternative, unreadable grey text and
    (WCAG 2.2) links too small and too close to hit with a finger."""
    small = 'style="display:inline-block;width:12px;height:12px;font-size:8px"'
    page.set_content(
        '<html lang="de"><title>x</title><main><img src="data:,">'
        '<p style="color:#ccc;background:#fff">blass</p>'
        f'<p><a href="#a" {small}>a</a><a href="#b" {small}>b</a></p></main></html>'
    )
    found = " ".join(axe_violations(page, axe_source))
    assert "image-alt" in found
    assert "color-contrast" in found
    assert "target-size" in found


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_type_passes_axe(page, axe_source, language):
    violations = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        for name in ALL:
            response = page.goto(url_of(name, language))
            assert response.status == expected_status(name, language), page.url
            violations += axe_violations(page, axe_source)
        if language != "de":  # the German original beside the translation
            page.goto(url_of("project-migrapower", language) + "?original=de")
            assert page.locator(".beside").count() == 1, page.url
            violations += axe_violations(page, axe_source)
    assert violations == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_open_mobile_menu_and_contact_errors_pass_axe(page, axe_source, language):
    """States a reader gets to by acting: the opened phone menu, the form with its errors."""
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(url_of("home", language))
    page.locator("[data-nav-toggle]").click()
    assert page.locator("[data-nav-toggle]").get_attribute("aria-expanded") == "true"
    violations = axe_violations(page, axe_source)
    # The language picker, opened (which closes the menu).
    page.locator("[data-language-picker] summary").click()
    page.locator("[data-language-picker] ul").wait_for()
    violations += axe_violations(page, axe_source)

    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(url_of("contact", language))
    page.locator("main form.form button[type=submit]").click()
    page.locator("#form-errors").wait_for()
    violations += axe_violations(page, axe_source)
    assert violations == []
