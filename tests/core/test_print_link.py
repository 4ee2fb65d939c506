"""The address a printed page ends with: every page type, in every language, carries a QR
code of its own canonical URL with that URL beside it, hidden on screen; pages not worth
returning to (search results, 404) carry none. How it looks on paper: tests/browser/test_print.py.
"""

import re
from urllib.parse import urlsplit

import pytest
from django.utils.timezone import localdate

from tests.materials.test_material_bundles import decode_svg
from tests.page_types import LANGUAGES, OTHER_URLS, PAGES, exists_in, page_of, url_of

pytestmark = pytest.mark.django_db

PRINT_LINK = re.compile(
    r'<div class="print-link" hidden[^>]*>\s*(?P<svg><svg\b.*?</svg>)\s*'
    r'<p>(?P<label>[^<]*) <span class="print-link__url" dir="ltr">(?P<url>[^<]*)</span></p>',
    re.DOTALL,
)
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)">')
LABELS = {
    "de": "Diese Seite online:",
    "en": "This page online:",
    "es": "Esta página en línea:",
    "it": "Questa pagina online:",
    "tr": "Bu sayfa internette:",
    "ar": "هذه الصفحة على الإنترنت:",
}
# The page weight budget (bench/page_weight.py); the code for a ~70-character URL is 2–4 KB.
HTML_BUDGET = 50 * 1024
SVG_BUDGET = 4 * 1024


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_ends_with_a_qr_code_of_its_own_address(client, language):
    for name in PAGES:
        if not exists_in(name, language):
            continue
        response = client.get(url_of(name, language))
        html = response.content.decode()
        assert len(response.content) < HTML_BUDGET, name
        canonical = CANONICAL.search(html)[1]
        assert urlsplit(canonical).path == page_of(name, language).url, name
        if name == "material-flyer":
            # A material's page prints its own, larger code (tests/materials): not two.
            assert "print-link" not in html and 'class="material-qr"' in html
            continue
        [link] = PRINT_LINK.finditer(html)
        assert link["url"] == canonical, name
        assert decode_svg(link["svg"]) == canonical, name
        assert link["label"] == LABELS[language], name
        assert len(link["svg"]) < SVG_BUDGET, name
        # Then the date of the version (on paper and in the page's PDF, core.pdf).
        end = html.index("</div>", link.end())
        version = page_of(name, language).last_published_at
        assert f'<time datetime="{localdate(version):%Y-%m-%d}">' in html[link.end() : end], name
        # It comes last in the page's content, after the contact card and downloads.
        assert html.index("</main>") - end < 50, name


@pytest.mark.parametrize("language", ["de", "ar"])
def test_search_results_and_missing_pages_have_no_qr_code(client, language):
    urls = [url_of(name, language) for name in OTHER_URLS]
    urls += [url_of(name, language) for name in PAGES if not exists_in(name, language)]
    for url in urls:
        html = client.get(url).content.decode()
        assert "print-link" not in html and '<path stroke="#000"' not in html, url
        # They print like the others: the print stylesheet is theirs too.
        assert 'href="/static/css/print.css" media="print"' in html, url


def test_the_code_is_one_compact_path():
    """As small as segno makes it: no XML declaration, namespace, classes or size."""
    from core.qr import qr_code_inline_svg

    url = "https://migraup-pankow.example/de/projekte/kommune-interkulturell/einfache-sprache/"
    svg = qr_code_inline_svg(url)
    assert re.fullmatch(r'<svg viewBox="0 0 (\d+) \1"><path stroke="#000" d="[^"]+"/></svg>', svg)
    assert 2 * 1024 < len(svg) < SVG_BUDGET
    assert decode_svg(svg) == url
