"""Materials as multilingual bundles (issue 9): one file per language, shown with its
languages, type, size and pages; the list filtered by language; a QR code on every
material page; the API; the editor's form; translations keep the bundle."""

import base64
import io
import re
from html.parser import HTMLParser
from pathlib import Path
from unicodedata import normalize
from urllib.parse import urlsplit

import pytest
import zxingcpp
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import translation
from django.utils.text import slugify
from PIL import Image, ImageDraw
from pypdf import PdfReader
from wagtail.documents import get_document_model
from wagtail.models import Locale, PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data
from wagtail_localize.models import TranslationSource

from demo import content
from materials.models import MaterialFile, MaterialIndexPage, MaterialPage

pytestmark = pytest.mark.django_db

FLYER_SLUG = content.FLYER["slug"]
BUNDLE = ["de", "en", "tr", "ar"]
# A phrase of each file that only that language's flyer holds.
PHRASES = {
    "de": "Anerkennung von beruflichen Qualifikationen aus dem Ausland",
    "en": "Empowerment of MOs",
    "tr": "Yurt dışında edinilen mesleki niteliklerin tanınması",
    "ar": "تمكين منظمات المهاجرين",
}


class Elements(HTMLParser):
    """The elements of a page with their attributes, text and visible text (without what
    is only for screen readers, class "visually-hidden")."""

    VOID = {"img", "br", "hr", "input", "meta", "link", "source", "wbr"}

    def __init__(self, html: str) -> None:
        super().__init__()
        self.elements: list[dict] = []
        self.stack: list[dict] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        hidden = "visually-hidden" in (attrs.get("class") or "").split()
        element = {"tag": tag, "attrs": attrs, "text": "", "visible": "", "hidden": hidden}
        if tag not in self.VOID:
            self.elements.append(element)
            self.stack.append(element)
        else:
            self.elements.append(element)

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()["tag"] == tag:
                break

    def handle_data(self, data):
        hidden = any(element["hidden"] for element in self.stack)
        for element in self.stack:
            element["text"] += data
            if not hidden:
                element["visible"] += data

    def with_class(self, name: str) -> list[dict]:
        return [e for e in self.elements if name in (e["attrs"].get("class") or "").split()]

    def tagged(self, tag: str) -> list[dict]:
        return [e for e in self.elements if e["tag"] == tag]


def squash(text: str) -> str:
    return " ".join(text.split())


def flyer(language: str = "de") -> MaterialPage:
    german = MaterialPage.objects.get(locale__language_code="de", slug=FLYER_SLUG)
    return german.get_translation(Locale.objects.get(language_code=language))


def get_html(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def document_bytes(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    data = b"".join(response.streaming_content) if response.streaming else response.content
    return response, data


def assert_card(html: str, german_labels: bool = True) -> None:
    """The material's languages as "DE · EN · TR · AR", each with its name for screen
    readers; a download link per file with hreflang, type, size and page count."""
    elements = Elements(html)
    [languages] = elements.with_class("material-languages")[:1]
    assert squash(languages["visible"]) == "DE · EN · TR · AR"
    abbrs = [e for e in elements.tagged("abbr") if e["attrs"].get("lang") in BUNDLE and e["text"]]
    names = {e["attrs"]["lang"]: e["attrs"]["title"] for e in abbrs}
    for code in BUNDLE:
        name = translation.get_language_info(code)["name_local"]
        assert names[code] == name
        # The name is also in the text, for screen readers that do not read titles.
        assert any(name in e["text"] for e in abbrs if e["attrs"]["lang"] == code)
    [files] = elements.with_class("material-files")[:1]
    links = [
        e for e in elements.tagged("a") if "download" in e["attrs"] and e["attrs"].get("hreflang")
    ]
    by_language = {link["attrs"]["hreflang"]: link for link in links}
    assert set(by_language) == set(BUNDLE)
    page = flyer()
    for file in page.bundle:
        link = by_language[file.language]
        assert link["attrs"]["href"] == file.document.url
        size = filesizeformat(file.document.file_size)
        pages = "2 Seiten" if german_labels else "2 pages"
        assert squash(f"(PDF, {size}, {pages})") in squash(files["text"])
    # Each link names its language in that language.
    tr_name = next(e for e in elements.tagged("span") if e["attrs"].get("lang") == "tr")
    assert tr_name["text"] == "Türkçe"


# The card: materials list, material page, project downloads, search result


def test_materials_list_card_shows_languages_files_sizes_and_pages(client):
    with translation.override("de"):
        assert_card(get_html(client, "/de/materialien/"))


def test_material_page_lists_every_file(client):
    with translation.override("de"):
        html = get_html(client, f"/de/materialien/{FLYER_SLUG}/")
        assert_card(html)
    assert "<dt>Sprachen</dt>" in html


def test_project_downloads_and_search_results_show_the_bundle(client):
    with translation.override("de"):
        assert_card(get_html(client, "/de/projekte/willkommen-in-berlin/"))
        assert_card(get_html(client, "/de/search/?q=Flyer"))


def test_reader_language_file_comes_first(client):
    html = get_html(client, flyer("tr").url)
    elements = Elements(html)
    [files] = elements.with_class("material-files")[:1]
    hreflangs = [
        e["attrs"]["hreflang"]
        for e in elements.tagged("a")
        if "download" in e["attrs"] and e["attrs"].get("hreflang")
    ]
    assert hreflangs[0] == "tr"
    # The cover leads to the Turkish file too.
    cover = next(e for e in elements.with_class("material-cover"))
    assert cover["attrs"]["href"] == flyer().file_for("tr").document.url
    assert "(PDF," in files["text"] and "sayfa" in files["text"]


def test_each_file_downloads_as_the_pdf_in_its_language(client):
    page = flyer()
    assert page.languages == BUNDLE
    for file in page.bundle:
        response, data = document_bytes(client, file.document.url)
        assert response["Content-Type"] == "application/pdf"
        assert data.startswith(b"%PDF-")
        assert len(data) == file.document.file_size
        reader = PdfReader(io.BytesIO(data))
        assert len(reader.pages) == file.page_count == 2
        # NFKC: pypdf reads the Arabic file's presentation forms (as the PDF text extraction does).
        text = squash(normalize("NFKC", " ".join(p.extract_text() for p in reader.pages)))
        assert PHRASES[file.language] in text, file.language
        for other, phrase in PHRASES.items():
            if other != file.language and other != "de":
                assert phrase not in text, (file.language, other)


def test_search_finds_words_of_every_file():
    page = flyer()
    for phrase in PHRASES.values():
        assert phrase in page.document_text


def test_search_finds_a_turkish_word_only_the_turkish_file_holds(client):
    html = get_html(client, "/de/search/?q=niteliklerin")
    assert f"/de/materialien/{FLYER_SLUG}/" in html


# The language filter


@pytest.fixture
def german_handout(client):
    """A second material that exists only in German."""
    index = MaterialIndexPage.objects.get(locale__language_code="de")
    german = get_document_model().objects.get(title=content.FLYER["document_title"])
    document = get_document_model().objects.create(title="Arbeitshilfe nur auf Deutsch")
    document.file.save("arbeitshilfe.pdf", ContentFile(german.file.open("rb").read()))
    page = MaterialPage(title="Arbeitshilfe nur auf Deutsch", slug="arbeitshilfe", kind="handout")
    page.files = [MaterialFile(language="de", document=document)]
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def card_titles(html: str) -> list[str]:
    return [squash(e["text"]) for e in Elements(html).with_class("card__title")]


def test_list_filters_by_available_language(client, german_handout):
    everything = card_titles(get_html(client, "/de/materialien/"))
    assert everything == ["Flyer: Willkommen in Berlin", "Arbeitshilfe nur auf Deutsch"]
    assert card_titles(get_html(client, "/de/materialien/?language=tr")) == [
        "Flyer: Willkommen in Berlin"
    ]
    assert card_titles(get_html(client, "/de/materialien/?language=de")) == everything
    # Combined with the kind; each filter's links keep the other one.
    html = get_html(client, "/de/materialien/?kind=handout&language=de")
    assert card_titles(html) == ["Arbeitshilfe nur auf Deutsch"]
    assert 'href="/de/materialien/?kind=flyer&amp;language=de"' in html
    # No Turkish handout: the Turkish choice is not offered beside the handouts.
    assert "kind=handout&amp;language=tr" not in html
    assert 'href="/de/materialien/?language=de"' in html  # all kinds, still German
    # Handouts exist in German only: a language filter would offer the same list twice.
    assert "Materialien nach Sprache filtern" not in html
    html = get_html(client, "/de/materialien/?kind=handout&language=ar")
    assert card_titles(html) == []
    assert "Es gibt noch keine Materialien in dieser Sprache." in html
    # Only languages some material exists in are offered.
    assert "?language=es" not in get_html(client, "/de/materialien/")


@pytest.mark.parametrize(
    "query", ["", "?kind=handout", "?language=tr", "?kind=flyer&language=ar", "?language=de"]
)
def test_every_filter_the_list_offers_leads_to_materials(client, german_handout, query):
    soup = BeautifulSoup(get_html(client, f"/de/materialien/{query}"), "html.parser")
    links = [a["href"] for a in soup.select("nav.filter a")]
    assert any("language=tr" in href for href in links) or "kind=handout" in query
    for href in links:
        assert card_titles(get_html(client, href)), href


def test_a_filter_with_one_choice_is_not_shown(client):
    # The demo has flyers only: a kind filter would offer "All" and "Flyer", the same list.
    html = get_html(client, "/de/materialien/")
    assert "Materialien nach Art filtern" not in html and "?kind=flyer" not in html
    assert "?language=tr" in html


def test_unknown_filter_values_are_ignored(client, german_handout):
    everything = card_titles(get_html(client, "/de/materialien/"))
    for query in ("language=xx", "language=", "language=de&language=<b>", "kind=zz&language=qq"):
        response = client.get(f"/de/materialien/?{query}")
        assert response.status_code == 200, query
        assert card_titles(response.content.decode()) == everything, query


# The QR code


def qr_matrix(svg: str) -> tuple[int, set[tuple[int, int]]]:
    """The dark modules of a segno SVG: its path draws each run of dark modules in a row
    as a horizontal line ("M4 4.5h7m2 0h4…", half a module below the row's top). Its size
    is the width of a standalone file, or the viewBox of one inside a page."""
    size = int(re.search(r'<svg[^>]* (?:width="|viewBox="0 0 )(\d+)', svg)[1])
    path = re.search(r'<path[^>]*stroke="#000"[^>]*d="([^"]+)"', svg)[1]
    x = y = 0.0
    dark = set()
    for command, first, second in re.findall(r"([Mmh])(-?[\d.]+)(?:\s(-?[\d.]+))?", path):
        if command == "M":
            x, y = float(first), float(second)
        elif command == "m":
            x, y = x + float(first), y + float(second)
        else:
            length = int(float(first))
            dark.update((int(x) + i, int(y)) for i in range(length))
            x += length
    return size, dark


def decode_qr(data_uri: str) -> str:
    """Rasterize the page's QR code as a browser would and read it back with ZXing."""
    assert data_uri.startswith("data:image/svg+xml;base64,")
    return decode_svg(base64.b64decode(data_uri.split(",", 1)[1]).decode())


def decode_svg(svg: str) -> str:
    """The text of a QR code drawn as SVG (a file, or an element inside a page)."""
    size, dark = qr_matrix(svg)
    scale = 8
    image = Image.new("L", (size * scale, size * scale), 255)
    draw = ImageDraw.Draw(image)
    for x, y in dark:
        draw.rectangle([x * scale, y * scale, (x + 1) * scale - 1, (y + 1) * scale - 1], fill=0)
    [barcode] = zxingcpp.read_barcodes(image)
    assert barcode.format == zxingcpp.BarcodeFormat.QRCode
    return barcode.text


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_qr_code_leads_to_the_page_in_every_language(client, language):
    page = flyer(language)
    html = get_html(client, page.url)
    elements = Elements(html)
    [figure] = elements.with_class("material-qr")
    image = next(e for e in elements.tagged("img") if e["attrs"]["src"].startswith("data:"))
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html)[1]
    assert urlsplit(canonical).path == page.url
    assert decode_qr(image["attrs"]["src"]) == canonical
    # An accessible name with the address, and a caption.
    assert canonical in image["attrs"]["alt"]
    assert canonical in figure["text"]


def test_qr_decoder_fails_on_another_address(client):
    """The check above can fail: a code of another page does not decode to this one."""
    from core.qr import qr_code_data_uri, qr_code_inline_svg

    assert decode_qr(qr_code_data_uri("http://testserver/de/")) == "http://testserver/de/"
    assert decode_qr(qr_code_data_uri("http://testserver/de/")) != "http://testserver/de/x/"
    assert decode_svg(qr_code_inline_svg("http://testserver/de/")) == "http://testserver/de/"
    assert decode_svg(qr_code_inline_svg("http://testserver/de/")) != "http://testserver/de/x/"


def test_print_stylesheet_keeps_title_and_qr_code(client):
    html = get_html(client, flyer().url)
    assert '<body class="page-material">' in html
    assert '<link rel="stylesheet" href="/static/css/print.css" media="print">' in html
    # The page's own QR code is the one it prints, not a second at the end.
    assert 'class="print-link"' not in html
    css = (Path(settings.BASE_DIR) / "static/css/print.css").read_text()
    print_rules = css[css.index(".page-material") :]
    assert ".page-material article > :not(.page-header, .material-qr) { display: none; }" in (
        print_rules
    )
    assert ".page-material .material-qr img { inline-size: 9cm;" in print_rules


def test_qr_code_needs_no_inline_style_or_outside_service(client):
    html = get_html(client, flyer().url)
    figure = html[html.index('<figure class="material-qr">') :]
    figure = figure[: figure.index("</figure>")]
    assert "style=" not in figure
    svg = base64.b64decode(re.search(r'base64,([A-Za-z0-9+/=]+)"', figure)[1]).decode()
    assert "style" not in svg and "http" not in svg.replace(
        'xmlns="http://www.w3.org/2000/svg"', ""
    )


# The API


def test_api_material_has_its_files_languages_and_page_counts(client):
    page = flyer("tr")
    data = client.get(f"/api/v3/pages/{page.pk}/").json()
    assert data["languages"] == BUNDLE
    assert [file["language"] for file in data["files"]] == BUNDLE
    for file, model_file in zip(data["files"], flyer().bundle, strict=True):
        assert file["page_count"] == 2
        assert (
            file["language_name"] == translation.get_language_info(file["language"])["name_local"]
        )
        document = file["document"]
        assert document["file_type"] == "PDF"
        assert document["media_type"] == "application/pdf"
        assert document["size"] == model_file.document.file_size
        response, data_bytes = document_bytes(client, urlsplit(document["download_url"]).path)
        assert len(data_bytes) == document["size"]
    # The single "document" is the file in the page's language.
    assert data["document"]["download_url"].endswith("flyer-willkommen-in-berlin-tr.pdf")
    project = client.get(f"/api/v3/pages/{page.related_project.localized.pk}/").json()
    [download] = project["downloads"]
    assert download["languages"] == BUNDLE
    assert [file["page_count"] for file in download["files"]] == [2, 2, 2, 2]


def api_titles(client, query: str) -> list[str]:
    response = client.get(f"/api/v3/materials/?{query}")
    assert response.status_code == 200, (query, response.content[:300])
    return [item["page"]["title"] for item in response.json()["items"]]


def test_api_lists_materials_by_the_languages_they_exist_in(client, german_handout):
    assert api_titles(client, "locale=de") == [
        "Flyer: Willkommen in Berlin",
        "Arbeitshilfe nur auf Deutsch",
    ]
    assert api_titles(client, "locale=de&language=tr") == ["Flyer: Willkommen in Berlin"]
    assert api_titles(client, "locale=de&language=es") == []
    assert api_titles(client, "locale=de&language=de&kind=handout") == [
        "Arbeitshilfe nur auf Deutsch"
    ]
    # Every language version of the flyer exists in Arabic; the handout is German only.
    data = client.get("/api/v3/materials/?language=ar&limit=100").json()
    assert data["count"] == len(settings.LANGUAGES)
    assert {item["page"]["locale"] for item in data["items"]} == {
        code for code, _name in settings.LANGUAGES
    }
    turkish = next(item for item in data["items"] if item["page"]["locale"] == "tr")
    assert turkish["page"]["html_url"].endswith(flyer("tr").url)
    assert turkish["languages"] == BUNDLE
    assert [file["page_count"] for file in turkish["files"]] == [2, 2, 2, 2]
    assert turkish["document"]["download_url"].endswith("flyer-willkommen-in-berlin-tr.pdf")


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_api_and_list_page_agree_on_every_language(client, german_handout, language):
    shown = card_titles(get_html(client, f"/de/materialien/?language={language}"))
    assert api_titles(client, f"locale=de&language={language}") == shown


def test_api_lists_neither_drafts_nor_private_materials(client, german_handout):
    german_handout.title = "Unveröffentlicht"
    german_handout.save_revision()  # a change not yet published stays unseen
    index = MaterialIndexPage.objects.get(locale__language_code="de")
    document = flyer().bundle[0].document
    for title, live in (("Entwurf", False), ("Nur für Angemeldete", True)):
        page = MaterialPage(title=title, slug=slugify(title), kind="flyer", live=live)
        page.files = [MaterialFile(language="de", document=document)]
        index.add_child(instance=page)
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    assert api_titles(client, "locale=de&limit=100") == [
        "Flyer: Willkommen in Berlin",
        "Arbeitshilfe nur auf Deutsch",
    ]


@pytest.mark.parametrize("query", ["language=xx", "kind=poster", "language=de&limit=0"])
def test_api_refuses_unknown_filters_with_a_problem(client, query):
    response = client.get(f"/api/v3/materials/?{query}")
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == response.status_code


def test_api_schema_names_the_files(client):
    schema = client.get("/api/v3/openapi.json").json()["components"]["schemas"]
    assert {"language", "language_name", "document", "page_count"} <= set(
        schema["MaterialFileDict"]["properties"]
    )
    material = schema["MaterialPageSchema"]["properties"]
    assert {"files", "languages", "document", "kind", "year"} <= set(material)
    assert "material_language" not in material
    document = client.get("/api/v3/openapi.json").json()
    listing = document["paths"]["/api/v3/materials/"]["get"]
    parameters = {parameter["name"]: parameter for parameter in listing["parameters"]}
    assert {"locale", "language", "kind", "limit", "offset"} <= set(parameters)
    assert "en" in str(parameters["language"]["schema"])


# Editing and translating


def test_editor_form_refuses_two_files_in_one_language(client, editor):
    from tests.core.test_admin import page_data

    client.force_login(editor)
    index = MaterialIndexPage.objects.get(locale__language_code="de")
    document = get_document_model().objects.get(title=content.FLYER["document_title"])
    data = page_data(MaterialPage, "Zweimal Türkisch")
    data.update(
        nested_form_data(
            {
                "files": inline_formset(
                    [
                        {"language": "tr", "document": str(document.pk)},
                        {"language": "tr", "document": str(document.pk)},
                    ],
                    min=1,
                )
            }
        )
    )
    data.update({"slug": "zweimal-tuerkisch", "action-publish": "action-publish"})
    url = reverse("wagtailadmin_pages:add", args=["materials", "materialpage", index.pk])
    response = client.post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    errors = re.findall(r'class="[^"]*error[^"]*"[^>]*>(.*?)<', html, re.S)
    assert "Es gibt schon eine Datei auf Türkisch" in html, errors
    assert "eine Datei je Sprache" in html
    assert not MaterialPage.objects.filter(title="Zweimal Türkisch").exists()
    # One file per language is accepted.
    data["files-1-language"] = "ar"
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = MaterialPage.objects.get(title="Zweimal Türkisch")
    assert page.languages == ["tr", "ar"]
    assert [file.page_count for file in page.bundle] == [2, 2]


def test_database_refuses_two_files_in_one_language():
    from django.db import IntegrityError, transaction

    page = flyer()
    with pytest.raises(IntegrityError), transaction.atomic():
        MaterialFile.objects.create(page=page, language="tr", document=page.bundle[0].document)


def test_every_translation_has_the_same_bundle():
    german = [(file.language, file.document_id) for file in flyer().bundle]
    for code, _name in settings.LANGUAGES:
        page = flyer(code)
        assert [(file.language, file.document_id) for file in page.bundle] == german, code
        assert [file.page_count for file in page.bundle] == [2, 2, 2, 2]
        assert PHRASES["tr"] in page.document_text


def test_synchronising_a_translation_brings_a_new_file():
    """An editor adds a file to the German page; wagtail-localize's sync carries it into
    the translations (the child relation is synchronised, not translated)."""
    page = flyer()
    document = get_document_model().objects.create(title="Flyer auf Spanisch")
    document.file.save("flyer-es.pdf", ContentFile(page.bundle[1].document.file.open().read()))
    page.files = [*page.files.all(), MaterialFile(language="es", document=document, sort_order=9)]
    page.save_revision().publish()
    source = TranslationSource.objects.get_for_instance(page)
    source.update_from_db()
    translation_es = source.translations.get(target_locale__language_code="es")
    translation_es.save_target(publish=True)
    spanish = flyer("es")
    assert spanish.languages == [*BUNDLE, "es"]
    assert spanish.bundle[-1].document_id == document.pk
    # Not yet synchronised into Turkish: still the old bundle there.
    assert flyer("tr").languages == BUNDLE
