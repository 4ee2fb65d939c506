"""A reader opens the German original beside the translation and goes back (issue 24):
two columns from 1024 px on, alternating on a phone, on paper in two columns; no cookie."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def boxes(page, row: int = 1) -> tuple[dict, dict]:
    """The bounding boxes of the translation's and the original's part in a row."""
    pair = page.locator(".beside > .beside__pair").nth(row)
    return (
        pair.locator(".beside__cell:not(.beside__cell--original)").bounding_box(),
        pair.locator(".beside__cell--original").bounding_box(),
    )


def test_a_turkish_reader_reads_german_beside_on_a_desktop_and_goes_back(page):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/tr/projeler/migrapower/")
    page.get_by_role("link", name="Almanca orijinali yanında göster").click()
    expect(page).to_have_url(re.compile(r"/tr/projeler/migrapower/\?original=de$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("MigraPower")
    expect(page.locator(".beside__heads")).to_contain_text("Deutsch (Original)")
    mine, original = boxes(page)
    # Side by side: the same line, German to the right in a left-to-right language.
    assert abs(mine["y"] - original["y"]) <= 2 and original["x"] >= mine["x"] + mine["width"]
    expect(page.locator(".beside__pair .beside__cell--original").first).to_have_attribute(
        "lang", "de"
    )
    assert page.context.cookies() == []

    page.get_by_role("link", name="Almanca orijinali gizle").click()
    expect(page).to_have_url(re.compile(r"/tr/projeler/migrapower/$"))
    expect(page.locator(".beside")).to_have_count(0)


def test_on_a_phone_the_paragraphs_alternate_each_german_one_labelled(page):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/tr/projeler/migrapower/?original=de")
    mine, original = boxes(page)
    assert original["y"] >= mine["y"] + mine["height"]  # below its translation
    label = page.locator(".beside > .beside__pair").nth(1).locator(".beside__label")
    expect(label).to_be_visible()
    expect(label).to_have_text("Deutsch")
    expect(page.locator(".beside__heads")).to_be_hidden()
    # Nothing wider than the phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_arabic_stands_on_the_right_german_on_the_left(page):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/ar/projects/migrapower/?original=de")
    mine, original = boxes(page)
    assert abs(mine["y"] - original["y"]) <= 2 and mine["x"] >= original["x"] + original["width"]


def test_printed_the_two_languages_stand_side_by_side(page):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/tr/projeler/migrapower/?original=de")
    page.emulate_media(media="print")
    mine, original = boxes(page)
    assert abs(mine["y"] - original["y"]) <= 2 and original["x"] > mine["x"]
    expect(page.locator(".translation-note__beside")).to_be_hidden()
