"""A counsellor takes a Turkish page along as a PDF (issue 24, part 2): the link at the end
of the page answers with the page's PDF, named after it and its language."""

import pytest
from playwright.sync_api import expect

from projects.models import ProjectPage

pytestmark = pytest.mark.browser


def test_the_pdf_link_gives_the_page_as_a_pdf_in_its_language(page):
    project = ProjectPage.objects.get(slug="migrapower", locale__language_code="tr")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(project.url)
    link = page.get_by_role("link", name="Bu sayfa PDF olarak: yazdırmak ya da paylaşmak için")
    expect(link).to_be_visible()
    expect(link).to_have_attribute("type", "application/pdf")
    with page.expect_response(lambda response: "format=pdf" in response.url) as answer:
        link.click()
    response = answer.value
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"] == 'inline; filename="migrapower-tr.pdf"'
    # Chromium shows it in its PDF viewer; the file itself, fetched as the link gives it:
    assert page.request.get(response.url).body().startswith(b"%PDF-")
    page.goto(project.url)
    # Printed, the link is not on the paper.
    page.emulate_media(media="print")
    expect(page.locator(".page-pdf")).to_be_hidden()
