"""Einfache Sprache in the browser: a reader of a translation finds the German version and
gets back; the editor's hints follow the typing, by the same rules as the server's."""

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from demo import content
from demo.management.commands.load_demo_content import translation_key
from easy_language import readability
from easy_language.models import EasyLanguagePage
from projects.models import ProjectPage
from tests.browser.conftest import language_links, log_in

pytestmark = pytest.mark.browser

SAMPLES = [
    "",
    "Das ist MigraPower. Es hilft MO.",
    "Das Projekt verfolgt das Ziel die Arbeitsmarktpolitik für Migrantinnen und "
    "Geflüchtete in den Berliner Bezirken nachhaltig und dauerhaft zu fördern.",
    "Ziele: eins zwei drei! Wer? Das ist so; gut\nÜberschrift ohne Punkt\n\nNoch eins",
    "Arbeits·markt·integration, Arbeitsmarkt-Integration, „Willkommenskultur“ und "
    "Migrant*innenorganisationen. Verwaltungsvorschrift Verwaltungsvorschrift.",
    "maria.oikonomidou@via-in-berlin.de https://example.org/Verwaltungsvorschriften 2015–2025",
    "MaMis en Movimiento e.V. und VIA. Der Verein 1.000\u00a0Mitglieder\u2009und\u202fmehr.",
    " ".join(["Wort"] * 13) + ". " + " ".join(["Wort"] * 13) + ".",
    "Çok uzun Türkçe kelimelerdenbirisidir. مرحبا بكم في برلين.",
]


def demo_texts() -> list[str]:
    return [
        EasyLanguagePage.objects.get(
            translation_key=translation_key(spec["key"]), locale__language_code="de"
        ).readability_text()
        for spec in content.EASY_LANGUAGE
    ]


def test_the_script_applies_the_same_rules_as_the_server(page: Page, site_url):
    page.goto("/de/")  # the script as the site serves it, under its Content-Security-Policy
    page.add_script_tag(url="/static/js/readability.js")
    assert page.evaluate("window.migraupReadability.RULES") == readability.rules()
    for text in [*SAMPLES, *demo_texts()]:
        expected = readability.analyse(text).as_dict()
        found = page.evaluate("(text) => window.migraupReadability.analyse(text)", text)
        assert found["average"] == pytest.approx(expected.pop("average")), text
        del found["average"]
        assert found == expected, text


def test_a_reader_of_a_translation_finds_the_german_version_and_gets_back(page: Page):
    turkish = ProjectPage.objects.get(slug="migrapower", locale__language_code="tr")
    page.goto(turkish.url)
    page.get_by_role("main").get_by_role("link", name="Einfache Sprache").click()
    expect(page).to_have_url(re.compile(r"/de/projekte/migrapower/einfache-sprache/$"))
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(page.get_by_role("heading", level=1)).to_have_text("Einfache Sprache: MigraPower")
    switcher = language_links(page, "Sprache")
    expect(switcher.get_by_role("link", name="Einfache Sprache")).to_have_attribute(
        "aria-current", "true"
    )
    # The switcher leads back to the project in Turkish, the note to the full German page.
    switcher.get_by_role("link", name="Türkçe").click()
    expect(page).to_have_url(re.compile(f"{re.escape(turkish.url)}$"))
    page.go_back()
    page.get_by_role("link", name="Zur ausführlichen Seite").click()
    expect(page).to_have_url(re.compile(r"/de/projekte/migrapower/$"))


def test_the_version_reads_large_with_short_lines(page: Page):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/de/projekte/migrapower/einfache-sprache/")
    style = page.evaluate(
        """() => {
            const p = document.querySelector(".easy-language .rich-text p");
            const s = getComputedStyle(p);
            return {size: parseFloat(s.fontSize), line: parseFloat(s.lineHeight),
                    align: s.textAlign, width: p.getBoundingClientRect().width};
        }"""
    )
    assert style["size"] >= 19 and style["line"] >= 1.7 * style["size"]
    assert style["align"] in ("start", "left")
    assert style["width"] <= 40 * style["size"]  # about 60–70 characters a line


@pytest.fixture
def version(site_url) -> Iterator[EasyLanguagePage]:
    """MigraPower in Einfache Sprache; afterwards its published revision is published again
    (the admin saves drafts by itself while the editor types)."""
    version = EasyLanguagePage.objects.get(
        url_path__endswith="/migrapower/einfache-sprache/", locale__language_code="de"
    )
    published = version.live_revision
    yield version
    published.publish()


def test_the_hints_follow_the_editors_typing(page: Page, moderator, version):
    log_in(page, moderator)
    page.goto(f"/admin/pages/{version.pk}/edit/")
    panel = page.locator("[data-readability]")
    hints = panel.locator("[data-readability-hints] li")
    expect(panel.get_by_text("Keine Hinweise")).to_be_visible()
    expect(panel).to_have_attribute("data-readability-updated", "true")  # read the form
    expect(hints).to_have_count(0)
    summary = panel.locator("[data-readability-summary]").inner_text()

    editor = page.locator("[data-contentpath='body'] [contenteditable='true']").first
    editor.click()
    page.keyboard.press("Control+End")
    page.keyboard.type(
        " Das Projekt verfolgt das Ziel die Arbeitsmarktpolitik für Migrantinnen und "
        "Geflüchtete in den Berliner Bezirken nachhaltig und dauerhaft zu fördern."
    )
    expect(hints.first).to_have_text(
        "Satz mit 20 Wörtern (höchstens 15): „Das Projekt verfolgt das Ziel die …“"
    )
    expect(hints.nth(1)).to_contain_text("Arbeitsmarktpolitik")
    expect(panel.get_by_text("Keine Hinweise")).to_be_hidden()
    assert panel.locator("[data-readability-summary]").inner_text() != summary

    # The paragraph replaced by a short sentence with the long word split: no hints.
    page.keyboard.press("Control+a")
    page.keyboard.type("Das Projekt hilft bei der Arbeits·markt·politik.")
    expect(hints).to_have_count(0)
    expect(panel.get_by_text("Keine Hinweise")).to_be_visible()
    # Let the admin's draft autosave finish before the fixture restores the page.
    page.wait_for_timeout(1500)
    page.goto("about:blank")
