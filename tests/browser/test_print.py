"""Pages printed by Chromium (static/css/print.css): the title and the content, with the
contact card and the downloads, each box whole on one page; no menus, breadcrumbs, skip
link or footer; at the end a QR code of the page's address, which a phone reads back, with
that address in text. In German and in Arabic (right to left); in English one page whose
QR code would otherwise stand alone on its last page."""

import io
import re
import unicodedata

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from tests.page_types import url_of

pytestmark = pytest.mark.browser

# What only navigates: the header's links (menu, language picker, search, logo), the skip
# link, the breadcrumbs, the footer's headings and links, the link to the version in
# Einfache Sprache, the home page's tasks.
NAVIGATION = (
    ".skip-link, .site-header a, .breadcrumbs a, .site-footer h2, .site-footer a, "
    ".easy-language-link a, .tasks a"
)
SEARCH_LINK = ".site-header a.header-tool"
# Boxes that must not be split across two pages: cards (the contact card, downloads, the
# home page's projects), facts, list items.
BOXES = ".card, .facts, .item-list li"


def words(text: str) -> set[str]:
    """The words of a text, however the PDF broke and ordered its lines (a mixed-direction
    line's runs in any order, "BEFaN-Netzwerk" broken after its hyphen)."""
    return set(re.findall(r"\w+", unicodedata.normalize("NFKC", text)))


def latin_words(text: str) -> set[str]:
    """The words in Latin script (and numbers): the PDF's text gives these back exactly,
    while a few Arabic words come back in another shape (ligatures, vowel marks)."""
    return set(re.findall(r"[0-9A-Za-zÀ-ÖØ-öø-ÿ]+", unicodedata.normalize("NFKC", text)))


def flat(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def printed(page: Page) -> list[str]:
    """The text of each page of the PDF Chromium prints (with print media, on A4)."""
    return [sheet.extract_text() for sheet in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages]


@pytest.mark.parametrize(
    ("name", "language"),
    [
        ("home", "de"),
        ("home", "ar"),
        ("project-willkommen-in-berlin", "de"),  # downloads and a contact card
        ("project-willkommen-in-berlin", "ar"),
        # Its contact card would end the second page, the QR code alone on a third.
        ("project-willkommen-in-berlin", "en"),
        ("project-migrapower", "de"),  # a version in Einfache Sprache
    ],
)
def test_printed_page_is_its_content_and_its_address(page: Page, name, language):
    page.goto(url_of(name, language))
    canonical = page.locator('link[rel="canonical"]').get_attribute("href")
    navigation = [
        label.strip() for label in page.locator(NAVIGATION).all_inner_texts() if label.strip()
    ]
    # On screen the address is not shown: the reader is on the page.
    expect(page.locator(".print-link")).to_be_hidden()
    sheets = printed(page)
    text = flat(" ".join(sheets))

    page.emulate_media(media="print")
    content = flat(page.locator("main").inner_text())
    title = page.locator("h1").inner_text()
    assert flat(title) in text
    # Navigation is not printed; where a label is also a word of the content (the home
    # page's "Projects" heading), only the content's occurrences are.
    only_navigation = [label for label in navigation if flat(label) not in content]
    skip, search = (page.locator(s).inner_text() for s in (".skip-link", SEARCH_LINK))
    assert {skip, search} <= set(only_navigation)
    for label in only_navigation:
        assert flat(label) not in text, label

    # The contact card and the downloads are printed, each box on one page.
    if name == "project-willkommen-in-berlin":
        assert page.locator(".contact-card").count() == page.locator(".material-card").count() == 1
    page.locator(".visually-hidden").evaluate_all("hidden => hidden.forEach(e => e.hidden = true)")
    sheet_words = [latin_words(sheet) for sheet in sheets]
    boxes = [latin_words(box) for box in page.locator(BOXES).all_inner_texts()]
    assert sum(bool(box) for box in boxes) >= 3
    for box in boxes:
        assert any(box <= on_sheet for on_sheet in sheet_words), box

    # At the end the address, in text and as a QR code; it takes content along to the last
    # page rather than standing there alone.
    assert canonical in text.replace(" ", "")
    link = page.locator(".print-link").inner_text()
    assert latin_words(link) <= sheet_words[-1]
    assert words(sheets[-1]) - words(link), "the last page holds only the QR code"
    code = page.locator(".print-link svg")
    expect(code).to_be_visible()
    [barcode] = zxingcpp.read_barcodes(Image.open(io.BytesIO(code.screenshot())))
    assert barcode.text == canonical
    assert re.fullmatch(rf"https?://[^/]+{re.escape(url_of(name, language))}", canonical)
