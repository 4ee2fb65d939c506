"""The Content-Security-Policy in a real browser: it blocks what it must, and the site, the
API's docs and the admin keep working under it (the `page` fixture fails a test on any
violation Chromium reports)."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in

pytestmark = pytest.mark.browser


def test_the_policy_blocks_an_injected_script(browser, site_url):
    context = browser.new_context(base_url=site_url)
    page = context.new_page()
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text))
    page.goto("/de/")
    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.injected = true";
            document.body.append(script);
        }"""
    )
    assert page.evaluate("window.injected") is None
    assert any("Content Security Policy" in text for text in messages), messages
    context.close()


@pytest.mark.parametrize(
    "path",
    [
        "/de/",
        "/ar/",
        "/de/projekte/migrapower/",
        "/de/fachvernetzung/ak-diversity/",
        "/de/materialien/",
        "/de/archiv/?year=2017",
        "/de/kontakt/",
        "/de/search/?q=Netzwerk",
    ],
)
def test_public_pages_work_under_the_policy(page, path):
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(path)
    # The stylesheet applies and site.js runs: the mobile menu opens.
    assert page.evaluate("getComputedStyle(document.body).margin") == "0px"
    toggle = page.locator("[data-nav-toggle]")
    expect(toggle).to_be_visible()
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")


def test_api_docs_work_under_the_policy(page):
    page.goto("/api/v3/docs/")
    # The docs fetch the schema, which is generated on request (0.6 s on a quiet machine,
    # several seconds beside the rest of the suite), then Swagger UI lays out 200 KB of it.
    expect(page.locator(".opblock").first).to_be_visible(timeout=20_000)
    expect(page.locator(".opblock-summary-path", has_text="/pages/").first).to_be_visible()


def test_editor_edits_and_publishes_under_the_policy(page, browser, site_url, moderator, project):
    # A reader has the page open (and so in the page cache) before the editor starts.
    reader = browser.new_page(base_url=site_url)
    reader.goto("/de/projekte/migrapower/")
    expect(reader.get_by_role("heading", level=1)).to_have_text(project.title)

    log_in(page, moderator)

    # The edit view uses the admin's inline scripts: choosers, inline panels, date widgets.
    page.goto(f"/admin/pages/{project.pk}/edit/")
    title = page.locator("#id_title")
    expect(title).to_be_visible()
    title.fill("MigraPower (geprüft)")
    page.locator("[data-w-dropdown-target='toggle']").last.click()
    page.get_by_role("button", name="Veröffentlichen").click()
    expect(page.locator(".messages")).to_contain_text("veröffentlicht")

    # The reader sees the change at once: publishing purged the page cache.
    reader.reload()
    expect(reader.get_by_role("heading", level=1)).to_have_text("MigraPower (geprüft)")
    reader.close()
