"""The static archive: the demo content exported once, then checked file by
file against the live site. The search in a browser has its own browser test."""

import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from django.conf import settings
from wagtail.models import Page

from archive.models import ArchiveEntryPage
from contact.models import ContactPage
from materials.models import MaterialPage
from static_export import notes
from static_export.exporter import ExportError, ExportReport, StaticSiteExporter
from tests.core.test_html_valid import check_html

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
# Where the copy is meant to live: a folder of another host.
BASE_URL = "https://archiv.example.org/migraup/"
BASE_PATH = urlsplit(BASE_URL).path
# Hosts the live site's URLs have in tests (the test client's, the demo Site's).
LIVE_HOSTS = {"testserver", "localhost", "127.0.0.1"}


@pytest.fixture(scope="module")
def export(tmp_path_factory, django_db_setup, django_db_blocker) -> ExportReport:
    from django.core.cache import cache

    directory = tmp_path_factory.mktemp("export") / "site"
    # Made before this module's first test, so before conftest's empty_cache: a previous
    # test's cached lookups (a translation it made private, rolled back since) must not
    # reach the export.
    cache.clear()
    with django_db_blocker.unblock():
        return StaticSiteExporter(directory, base_url=BASE_URL).export()


@pytest.fixture(scope="module")
def root(export) -> Path:
    return export.directory


class Parsed(HTMLParser):
    """Every URL an HTML file refers to, its ids, language and hreflang links."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.ids: set[str] = set()
        self.alternates: dict[str, str] = {}
        self.canonical = ""
        self.lang = ""
        self.json_ld: list[str] = []
        self._in_json_ld = False
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "html":
            self.lang = attrs.get("lang", "")
        for name in ("href", "src", "action", "poster"):
            if attrs.get(name) is not None:
                self.urls.append(attrs[name])
        for name in ("srcset", "imagesrcset"):
            if attrs.get(name):
                self.urls += [part.split()[0] for part in attrs[name].split(",") if part.strip()]
        if tag == "meta" and attrs.get("property") in {"og:url", "og:image"}:
            self.urls.append(attrs["content"])
        if tag == "link" and attrs.get("rel") == "alternate" and "hreflang" in attrs:
            self.alternates[attrs["hreflang"]] = attrs["href"]
        if tag == "link" and attrs.get("rel") == "canonical":
            self.canonical = attrs["href"]
        self._in_json_ld = tag == "script" and attrs.get("type") == "application/ld+json"

    def handle_data(self, data: str) -> None:
        if self._in_json_ld:
            self.json_ld.append(data)

    def handle_endtag(self, tag: str) -> None:
        self._in_json_ld = False


def json_ld_urls(parsed: Parsed) -> list[str]:
    urls = []

    def walk(value) -> None:
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str) and value.startswith(("http://", "https://")):
            urls.append(value)

    for text in parsed.json_ld:
        walk(json.loads(text))
    return [url for url in urls if not url.startswith("https://schema.org")]


def target_of(url: str, file: Path, root: Path) -> Path | None:
    """The file of the export that a URL written in ``file`` leads to; None for URLs of
    other sites. Folders lead to their index.html, as on every static host."""
    parts = urlsplit(url)
    if parts.scheme in {"mailto", "tel", "data"}:
        return None
    if url.startswith(BASE_URL):
        path = root / unquote(urlsplit(url[len(BASE_URL) :]).path)
    elif parts.scheme or parts.netloc:
        assert parts.hostname not in LIVE_HOSTS, f"{file}: {url} points to the live site"
        return None
    elif url.startswith("/"):
        # Only the 404 pages, which hosts serve for any path, link from the base path.
        assert file.name == "404.html", f"{file}: {url} is root-relative"
        assert url.startswith(BASE_PATH), f"{file}: {url} is outside the base path"
        path = root / unquote(parts.path[len(BASE_PATH) :])
    elif not parts.path:
        return file  # "#main", "?q=…"
    else:
        path = file.parent / unquote(parts.path)
    path = path.resolve()
    if path.is_dir() or parts.path.endswith("/"):
        path = path / "index.html"
    assert path.is_relative_to(root), f"{file}: {url} leads out of the export"
    return path


def html_files(root: Path) -> list[Path]:
    return sorted(path for path in root.rglob("*.html") if "pagefind" not in path.parts)


def parse(path: Path) -> Parsed:
    return Parsed(path.read_text(encoding="utf-8"))


def live_pages() -> list[Page]:
    """Every live public page the site serves, in every language."""
    return [
        page
        for page in Page.objects.live().public().filter(depth__gt=1).select_related("locale")
        if page.get_url() is not None
    ]


def test_no_internal_link_is_broken(root):
    """Every href, src, srcset, CSS url() and absolute URL of every file resolves to a file
    of the export, and every #fragment to an id in it."""
    parsed = {path: parse(path) for path in html_files(root)}
    checked, broken = 0, []
    references = [
        (file, url) for file, page in parsed.items() for url in page.urls + json_ld_urls(page)
    ]
    for css in root.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        references += [(css, url) for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", text)]
    for file, url in references:
        target = target_of(url, file, root)
        if target is None:
            continue
        checked += 1
        if not target.is_file():
            broken.append(f"{file.relative_to(root)}: {url}")
            continue
        fragment = urlsplit(url).fragment
        if fragment and target.suffix == ".html":
            ids = (parsed.get(target) or parse(target)).ids
            if unquote(fragment) not in ids:
                broken.append(f"{file.relative_to(root)}: {url} (no such id)")
    assert broken == []
    assert checked > 10_000  # every page's menus, switchers, pictures…


def test_nothing_is_left_of_the_dynamic_site(root, export):
    assert export.problems() == []
    for path in html_files(root):
        html = path.read_text(encoding="utf-8")
        assert "userbar" not in html, path
        assert "csrfmiddlewaretoken" not in html, path
        assert not re.search(r"<form\b[^>]*method=\"post\"", html, re.IGNORECASE), path


def test_every_live_page_is_exported_with_the_live_hreflang_links(root, export, client):
    languages = Counter()
    for page in live_pages():
        url = page.get_url()
        response = client.get(url)
        assert response.status_code == 200, url
        live = Parsed(response.content.decode())
        exported = parse(root / url.lstrip("/") / "index.html")
        languages[page.locale.language_code] += 1
        assert exported.lang == live.lang == page.locale.language_code
        # The live site's absolute URLs, moved to the base URL.
        moved = {
            code: BASE_URL + urlsplit(href).path.lstrip("/")
            for code, href in live.alternates.items()
        }
        assert exported.alternates == moved, url
        assert set(moved) >= {page.locale.language_code, "x-default"}
        assert exported.canonical == BASE_URL + url.lstrip("/")
    assert dict(export.pages) == dict(languages)
    assert set(languages) == set(LANGUAGES)


def test_archive_and_material_filters_are_files(root):
    def main(path: Path) -> str:
        return re.search(r"<main.*</main>", path.read_text(), re.DOTALL)[0]

    def titles(year: int) -> set[str]:
        return set(
            ArchiveEntryPage.objects.live()
            .filter(locale__language_code="de", year=year)
            .values_list("title", flat=True)
        )

    archive = root / "de/archiv"
    assert 'href="year-2017.html"' in main(archive / "index.html")
    year_2017 = main(archive / "year-2017.html")
    assert titles(2017) and all(title in year_2017 for title in titles(2017))
    assert titles(2025) and not any(title in year_2017 for title in titles(2025))
    # Filter pages repeat the archive page: not indexed a second time.
    assert "data-pagefind-body" not in year_2017
    assert "data-pagefind-body" in main(archive / "index.html")
    flyer = MaterialPage.objects.live().get(locale__language_code="de", kind="flyer")
    materials = root / "de/materialien"
    # The language filter (issue 9): one file per choice the list offers. The demo has
    # flyers only, so the list offers no kind filter (issue 19) and none is exported.
    assert 'href="language-tr.html"' in main(materials / "index.html")
    assert f'href="{flyer.slug}/"' in main(materials / "language-tr.html")
    assert not list(materials.glob("kind-*.html"))


def test_material_qr_codes_lead_to_the_copy(root):
    from tests.materials.test_material_bundles import decode_qr

    for page in MaterialPage.objects.live().select_related("locale"):
        html = (root / page.get_url().lstrip("/") / "index.html").read_text()
        data_uri = re.search(r'<figure class="material-qr">\s*<img src="([^"]+)"', html)[1]
        url = BASE_URL + page.get_url().lstrip("/")
        assert decode_qr(data_uri) == url
        assert f"{url}</span></figcaption>" in html
        assert not any(f"http://{host}" in html for host in LIVE_HOSTS)


def test_printed_pages_lead_to_the_copy(root):
    """The address a printed page ends with (text and QR code) is the copy's; a filter page
    prints the list's own address. The search does not find it on every page."""
    from tests.core.test_print_link import PRINT_LINK
    from tests.materials.test_material_bundles import decode_svg

    files = [
        (root / page.get_url().lstrip("/") / "index.html", BASE_URL + page.get_url().lstrip("/"))
        for page in live_pages()
        if not isinstance(page.specific, MaterialPage)
    ]
    files.append((root / "de/archiv/year-2017.html", BASE_URL + "de/archiv/"))
    for file, url in files:
        html = file.read_text(encoding="utf-8")
        [link] = PRINT_LINK.finditer(html)
        assert link[0].startswith('<div class="print-link" hidden data-pagefind-ignore>')
        assert link["url"] == url, file
        assert decode_svg(link["svg"]) == url, file
        assert not any(f"http://{host}" in html for host in LIVE_HOSTS), file


def test_the_contact_form_is_a_note_in_the_readers_language(root):
    for page in ContactPage.objects.live().select_related("locale"):
        language = page.locale.language_code
        html = (root / page.get_url().lstrip("/") / "index.html").read_text()
        assert escape(notes.CONTACT_NOTE[language]) in html
        assert "<form" not in html


def test_a_search_page_and_index_per_language(root, export):
    entry = json.loads((root / "pagefind/pagefind-entry.json").read_text())
    assert {code: language["page_count"] for code, language in entry["languages"].items()} == (
        dict(export.pages)
    )
    for language in LANGUAGES:
        html = (root / language / "search/index.html").read_text()
        assert f'<html lang="{language}"' in html
        assert "<pagefind-input>" in html and "../../pagefind/pagefind-component-ui.js" in html
        assert escape(notes.SEARCH_NEEDS_SCRIPT[language]) in html  # for readers without JavaScript
        assert "<form" not in html
        # The header's search link leads to it.
        home = (root / language / "index.html").read_text()
        assert 'class="header-tool" href="search/"' in home


def test_the_pages_the_export_changes_are_valid_html(root, tmp_path):
    """The Nu HTML Checker on the pages the exporter changes most or writes itself."""
    files = ["index.html", "404.html", "ar/404.html", "de/archiv/year-2017.html"]
    files += [f"{language}/search/index.html" for language in ("de", "ar")]
    files += [page.get_url().lstrip("/") + "index.html" for page in ContactPage.objects.live()]
    documents = {file: (root / file).read_text(encoding="utf-8") for file in files}
    assert check_html(documents, tmp_path) == []


def test_404_pages_and_sitemap(root):
    for file, language in [("404.html", settings.LANGUAGE_CODE)] + [
        (f"{code}/404.html", code) for code in LANGUAGES
    ]:
        page = parse(root / file)
        assert page.lang == language
        assert f'href="{BASE_PATH}static/css/site.css"' in (root / file).read_text()
    sitemap = ET.parse(root / "sitemap.xml").getroot()
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = [element.text for element in sitemap.findall("s:url/s:loc", namespace)]
    expected = {BASE_URL + page.get_url().lstrip("/") for page in live_pages()}
    assert set(locations) == expected
    for location in locations:
        assert (root / location[len(BASE_URL) :] / "index.html").is_file()
    robots = (root / "robots.txt").read_text()
    assert f"Sitemap: {BASE_URL}sitemap.xml" in robots
    assert f"Disallow: {BASE_PATH}de/search/?" in robots
    assert "/admin/" not in robots


def test_without_a_base_url_every_url_is_relative(tmp_path):
    """Where the copy will be served is unknown: canonical, hreflang and the sitemap become
    relative, and OpenGraph's URLs, which must be absolute, are left out."""
    directory = tmp_path / "copy"
    report = StaticSiteExporter(directory, pagefind=None).export()
    assert report.problems() == []
    html = (directory / "de/fachvernetzung/lingua-pankow/index.html").read_text()
    page = Parsed(html)
    assert page.canonical == "./"
    assert page.alternates["en"] == "../../../en/networking/lingua-pankow/"
    assert "og:url" not in html and "og:image" not in html
    # A QR code would lead to the live site: left out.
    material = MaterialPage.objects.live().filter(locale__language_code="de").first()
    html = (directory / material.get_url().lstrip("/") / "index.html").read_text()
    assert "<h1>" in html and 'class="material-qr"' not in html
    assert 'class="print-link"' not in (directory / "de/index.html").read_text()
    assert all(
        not url.startswith(("/", "http://localhost", "http://testserver")) for url in page.urls
    )
    assert "<loc>de/</loc>" in (directory / "sitemap.xml").read_text()
    assert "Sitemap:" not in (directory / "robots.txt").read_text()
    # A second export replaces the first; a folder that holds something else is refused.
    StaticSiteExporter(directory, pagefind=None).export()
    (tmp_path / "other").mkdir()
    (tmp_path / "other/keep.txt").write_text("not an export")
    with pytest.raises(ExportError, match="not empty"):
        StaticSiteExporter(tmp_path / "other", pagefind=None).export()
    assert (tmp_path / "other/keep.txt").is_file()


@pytest.mark.parametrize(
    "url",
    [
        "/media/original_images/..%2F..%2F{root}/{document}",
        "/media/original_images/..%2F{document}",
        "/media/images/..%5C{document}",
        "/media/original_images/ablage/{stem}",
    ],
)
def test_a_link_through_media_copies_no_document(tmp_path, url):
    """A page linking to the site's /media/ with a path that leads into the documents (a
    private collection's among them) gets the link, never the document, into the copy."""
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model
    from wagtail.models import Collection, CollectionViewRestriction

    from tests.search.test_search import pdf_with

    collection = Collection.get_first_root_node().add_child(name="Export intern")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    pdf = pdf_with("Nur fuer Mitglieder")
    document = get_document_model().objects.create(
        title="Intern", file=ContentFile(pdf, name="export-intern.pdf"), collection=collection
    )
    media = Path(settings.MEDIA_ROOT)
    link = media / "original_images" / "ablage"
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(media / "documents", target_is_directory=True)
    try:
        exporter = StaticSiteExporter(tmp_path / "copy", pagefind=None)
        exporter.root = tmp_path / "work"
        exporter.report = ExportReport(directory=exporter.root)
        exporter.set_up()
        path = url.format(
            root=media.name,
            document=document.file.name,
            stem=document.file.name.removeprefix("documents/"),
        )
        exporter.resolve(exporter.origin + path)
        exporter.copy_assets()
        copied = [file for file in exporter.root.rglob("*") if file.is_file()]
        assert all(pdf != file.read_bytes() for file in copied), copied
        assert exporter.report.assets["media"] == 0
        assert any("no such public media file" in warning for warning in exporter.report.warnings)
    finally:
        link.unlink()
        document.file.delete(save=False)
