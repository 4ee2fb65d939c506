"""Every content page to take along as a PDF (issue 24, part 2): made on the server in the
page's language, fonts embedded, with the page's own words (Arabic too), the version's
date and a QR code of the page online; cached and purged like the page."""

import io

import pypdfium2
import pytest
import zxingcpp
from bs4 import BeautifulSoup
from pypdf import PdfReader

from core import seo
from projects.models import ProjectPage

pytestmark = pytest.mark.django_db


def project(language: str) -> ProjectPage:
    return ProjectPage.objects.get(slug="migrapower", locale__language_code=language)


def pdf_of(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "application/pdf"
    return response


def text_of(pdf: bytes) -> str:
    """The PDF's text as a PDF parser reads it back, spaces evened out."""
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_a_turkish_project_page_as_a_pdf(client):
    page = project("tr")
    response = pdf_of(client, f"{page.url}?format=pdf")
    assert response["Content-Disposition"] == 'inline; filename="migrapower-tr.pdf"'
    pdf = response.content
    assert len(pdf) < 500_000
    reader = PdfReader(io.BytesIO(pdf))  # a valid PDF: the parser opens it
    assert len(reader.pages) >= 1
    text = text_of(pdf)
    # The page's own words, in order: its title, subtitle and introduction.
    assert text.startswith("MigraPower Göçmen örgütleri için uzman danışmanlık")
    assert "tarafından desteklenen bir model proje" in text
    # The version's date, and no screen-only parts (menu, the feedback question).
    assert "Sürüm tarihi:" in text
    assert "Bu sayfa size yardımcı oldu mu?" not in text and "Ana sayfa" not in text
    # Every font is embedded (a subset of it).
    for pdf_page in reader.pages:
        for font in pdf_page["/Resources"]["/Font"].values():
            descriptor = font.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert "/FontFile2" in descriptor or "/FontFile3" in descriptor


def test_an_arabic_pdf_reads_back_in_logical_order(client):
    page = project("ar")
    text = text_of(pdf_of(client, f"{page.url}?format=pdf").content)
    # Arabic shaped into letters a parser reads in the order they are written.
    assert "استشارات متخصصة لمنظمات المهاجرين" in text
    assert "ترسيخ الشبكات المهنية لمنظمات المهاجرين" in text


def test_the_qr_code_leads_to_the_page_online(client):
    page = project("tr")
    pdf = pypdfium2.PdfDocument(pdf_of(client, f"{page.url}?format=pdf").content)
    found = []
    for index in range(len(pdf)):
        image = pdf[index].render(scale=3).to_pil()
        found += [code.text for code in zxingcpp.read_barcodes(image)]
    request = client.get(page.url).wsgi_request
    assert found == [seo.canonical_url(page, request)]


def test_the_pdf_is_cached_and_purged_with_its_page(client, settings):
    settings.PAGE_CACHE_SECONDS = 600
    page = project("tr")
    url = f"{page.url}?format=pdf"
    assert pdf_of(client, url)["X-Cache"] == "MISS"
    assert pdf_of(client, url)["X-Cache"] == "HIT"
    page.subtitle = "Göçmen örgütleri için uzman danışmanlık ve ağ"
    page.save_revision().publish()
    fresh = pdf_of(client, url)
    assert fresh["X-Cache"] == "MISS"
    assert "uzman danışmanlık ve ağ" in text_of(fresh.content)


def test_every_page_links_its_pdf_keeping_the_original_beside(client):
    page = project("tr")
    link = BeautifulSoup(client.get(page.url).content, "html.parser").select_one(".page-pdf a")
    assert link["href"] == f"{page.url}?format=pdf"
    assert link.get_text() == "Bu sayfa PDF olarak: yazdırmak ya da paylaşmak için"
    beside = BeautifulSoup(client.get(f"{page.url}?original=de").content, "html.parser")
    href = beside.select_one(".page-pdf a")["href"]
    assert href == f"{page.url}?original=de&format=pdf"
    text = text_of(pdf_of(client, href).content)
    assert "Fachberatung für Migrant*innenorganisationen" in text  # the German beside it
    assert "Göçmen örgütleri için uzman danışmanlık" in text
