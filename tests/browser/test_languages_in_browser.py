"""Six languages in a real browser: an editor translates a page with wagtail-localize's
editor and publishes it; Arabic pages are laid out right to left."""

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect
from wagtail.models import Locale

from core.models import StandardPage
from home.models import HomePage
from tests.browser.conftest import language_links, log_in

pytestmark = pytest.mark.browser


@pytest.fixture
def german_page(site_url) -> Iterator[StandardPage]:
    home = HomePage.objects.get(locale__language_code="de")
    page = StandardPage(
        title="Sprechstunde im Stadtteil", slug="sprechstunde", intro="Beratung jeden Dienstag."
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    yield page
    for translation in page.get_translations(inclusive=True):
        translation.delete()


def translate_segment(page: Page, source_text: str, translation: str) -> None:
    """In wagtail-localize's editor: open a German segment, type the translation, save."""
    source = page.get_by_text(source_text, exact=True)
    segment = page.locator("li.incomplete", has=source)
    segment.get_by_role("button", name="Übersetzen").click()
    segment.locator("textarea").fill(translation)
    segment.get_by_role("button", name="Speichern").click()
    saved = page.locator("li.complete", has=source)
    expect(saved).to_contain_text(translation)
    expect(saved.get_by_role("button", name=re.compile("Speichern"))).to_have_count(0)


def test_editor_translates_a_page_into_turkish_and_publishes_it(page, moderator, german_page):
    log_in(page, moderator)

    # "Übersetzen" on the German page leads to wagtail-localize's form: pick Turkish.
    page.goto(f"/admin/pages/{german_page.pk}/")
    page.goto(f"/admin/localize/submit/page/{german_page.pk}/")
    page.get_by_label("Türkçe").check()
    page.get_by_role("button", name="Absenden").or_(page.locator("input[type=submit]")).click()
    expect(page.get_by_text("zur Übersetzung eingereicht: Türkçe")).to_be_visible()

    # Until it is translated and published, readers do not get German text under /tr/.
    assert page.request.get("/tr/sprechstunde/").status == 404

    translate_segment(page, "Sprechstunde im Stadtteil", "Mahallede danışma saati")
    translate_segment(page, "Beratung jeden Dienstag.", "Her salı danışmanlık.")
    page.get_by_role("tab", name="Veröffentlichung").click()
    translate_segment(page, "sprechstunde", "danisma-saati")
    page.get_by_role("button", name="Veröffentlichen in Türkçe").click()
    expect(page.locator(".messages")).to_contain_text("veröffentlicht")

    turkish = german_page.get_translation(Locale.objects.get(language_code="tr"))
    assert turkish.live and turkish.title == "Mahallede danışma saati"

    page.goto("/tr/danisma-saati/")
    expect(page.locator("html")).to_have_attribute("lang", "tr")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mahallede danışma saati")
    expect(page.get_by_text("Her salı danışmanlık.")).to_be_visible()
    # The switcher leads back to the German original.
    language_links(page, "Dil").get_by_role("link", name="Deutsch").click()
    expect(page).to_have_url(re.compile(r"/de/sprechstunde/$"))


def box(page: Page, selector: str) -> dict:
    found = page.locator(selector).first.bounding_box()
    assert found, f"{selector} is not rendered"
    return found


@pytest.mark.parametrize("width", [1280, 360])
def test_arabic_pages_are_mirrored(page, screenshot_dir, width):
    """The layout runs right to left in Arabic, from the same stylesheet as German."""
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/ar/projects/kommune-interkulturell/")
    page.screenshot(path=screenshot_dir / f"ar-project-{width}.png", full_page=True)
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "sideways scrolling"

    logo = box(page, ".site-logo")
    heading = box(page, "main h1")
    # Logo and heading start at the right edge; the trail of breadcrumbs runs leftwards (a
    # phone shows only the step back to the parent page, also at the right).
    assert logo["x"] + logo["width"] > width * 0.6
    assert heading["x"] + heading["width"] > width * 0.8
    crumbs = page.locator(".breadcrumbs li:visible")
    first_crumb, last_crumb = crumbs.first.bounding_box(), crumbs.last.bounding_box()
    if width > 768:
        assert first_crumb["x"] > last_crumb["x"]
    else:
        assert crumbs.count() == 1 and first_crumb["x"] + first_crumb["width"] > width * 0.6
    # Phone numbers and addresses keep their own left-to-right order inside Arabic text.
    phone = page.locator(".contact-card a[href^='tel:']")
    assert phone.evaluate("link => getComputedStyle(link).direction") == "ltr"
    if width > 700:
        items = page.locator(".main-nav__list > li")
        assert items.first.bounding_box()["x"] > items.last.bounding_box()["x"]

    # The same page in German runs left to right: the stylesheet mirrors, nothing else.
    page.goto("/de/projekte/kommune-interkulturell/")
    page.screenshot(path=screenshot_dir / f"de-project-{width}.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "sideways scrolling"
    assert box(page, ".site-logo")["x"] < width * 0.4
    assert box(page, "main h1")["x"] < width * 0.2
