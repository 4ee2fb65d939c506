"""A material's page printed (issue 9): a sheet with its title and a large QR code, which a
phone reads back to the page's address, in German and in Arabic."""

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import Page, expect
from wagtail.models import Locale

from demo import content
from materials.models import MaterialPage

pytestmark = pytest.mark.browser


def visible(page: Page, selector: str) -> bool:
    return page.locator(selector).first.is_visible()


@pytest.mark.parametrize("language", ["de", "ar"])
def test_printed_material_page_is_title_and_qr_code(page: Page, site_url, tmp_path, language):
    german = MaterialPage.objects.get(locale__language_code="de", slug=content.FLYER["slug"])
    flyer = german.get_translation(Locale.objects.get(language_code=language))
    page.goto(flyer.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(flyer.title)
    canonical = page.locator('link[rel="canonical"]').get_attribute("href")
    assert visible(page, ".site-header") and visible(page, ".material-downloads")

    page.emulate_media(media="print")
    # Menus, downloads and facts are gone; the title and the code remain.
    for selector in (".site-header", ".site-footer", ".breadcrumbs", ".facts"):
        assert not visible(page, selector), selector
    assert not visible(page, ".material-downloads")
    assert visible(page, "h1") and visible(page, ".material-qr img")
    code = page.locator(".material-qr img")
    box = code.bounding_box()
    assert box["width"] > 300, box  # 9 cm: larger than on screen
    shot = tmp_path / "qr.png"
    code.screenshot(path=str(shot))
    [barcode] = zxingcpp.read_barcodes(Image.open(shot))
    assert barcode.text == canonical
    assert canonical.endswith(flyer.url)
    # The printed sheet also names the address, for readers without a phone.
    expect(page.locator(".material-qr figcaption")).to_contain_text(canonical)
