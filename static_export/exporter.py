"""A static copy of the public site: every page in every language, as readers get it.

Pages are rendered through Django's test client against the real URLconf and middleware,
so the copy has the live site's templates, menus, hreflang links and language switcher.
Each page's root-relative links are then rewritten to relative ones (../../de/projekte/),
so the copy works from any static host under any base path. What a static host cannot do
is replaced: the search (a Pagefind index per language, searched in the browser), the
contact form (a note), the redirect of "/" by Accept-Language (a page with the languages)
and the ?year= / ?kind= / ?language= filters (one file per filter or combination, e.g.
de/archiv/year-2017.html, de/materialien/kind-flyer-language-tr.html).

Absolute URLs (canonical, hreflang, og:url, JSON-LD, the sitemap) point to ``base_url``
when it is given; without it they become relative too, and the OpenGraph URLs, which must
be absolute, are left out, as are the QR codes (a material page's, and the address each
printed page ends with; with a base URL they are made anew for the copy's address).
"""

import json
import logging
import posixpath
import re
import shutil
import subprocess
import time
from collections import Counter, deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import reduce
from html import escape, unescape
from operator import or_
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urljoin, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.db.models import Q
from django.http import HttpResponse
from django.http.request import validate_host
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.documents import get_document_model
from wagtail.models import Page, Site

from core.qr import qr_code_data_uri, qr_code_inline_svg
from operations.media import public_media_file

from . import notes

# `make checks-tools` installs Pagefind here (with the browser checks' npm tools).
DEFAULT_PAGEFIND = Path(settings.BASE_DIR) / "tools/browser-checks/node_modules/.bin/pagefind"
PAGEFIND_DIR = "pagefind"
# Marks a folder as an earlier export, which a new export may replace.
MARKER = ".static-export.json"
# Attributes holding one URL, and those holding a list of "URL width" candidates.
URL_ATTRIBUTES = {"href", "src", "action", "poster"}
SRCSET_ATTRIBUTES = {"srcset", "imagesrcset"}
# OpenGraph needs absolute URLs: without a base URL these tags are left out (the image's
# size and description with it).
OPENGRAPH_URLS = {"og:url", "og:image"}
OPENGRAPH_URL_TAG = re.compile(r'[ \t]*<meta property="og:(?:url|image(?::\w+)?)"[^>]*>\n?')
# A start tag with its attributes; quoted values may hold ">".
START_TAG = re.compile(
    r"<(?P<name>[a-zA-Z][a-zA-Z0-9:-]*)"
    r"(?P<attrs>(?:\s+[^\s\"'>/=]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*)"
    r"\s*(?P<end>/?)>"
)
ATTRIBUTE = re.compile(
    r"\s+(?P<name>[^\s\"'>/=]+)(?:\s*=\s*(?:\"(?P<dq>[^\"]*)\"|'(?P<sq>[^']*)'|(?P<uq>[^\s\"'=<>`]+)))?"
)
JSON_LD = re.compile(r'(<script type="application/ld\+json">)(.*?)(</script>)', re.DOTALL)
# The link to the page's PDF (core.pdf), which the live site makes on request.
PDF_LINK = re.compile(r'[ \t]*<p class="page-pdf">.*?</p>\n?', re.DOTALL)
POST_FORM = re.compile(r"<form\b[^>]*\bmethod=\"post\"[^>]*>.*?</form>", re.DOTALL | re.IGNORECASE)
SEARCH_FORM = re.compile(r"<form\b[^>]*\brole=\"search\"[^>]*>.*?</form>", re.DOTALL)
CSS_URL = re.compile(
    r"""url\(\s*(?P<q>['"]?)(?P<url>[^'")]+?)(?P=q)\s*\)"""
    r"""|@import\s+(?P<iq>['"])(?P<import>[^'"]+)(?P=iq)"""
)
MAIN = re.compile(r"<main\b")
NAV = re.compile(r"<nav\b")
DEFINITION_PARTS = re.compile(r"(</d[td]>)(?=<d[td][\s>])")
# A QR code with the page's live address beside it: a material's figure, the address at
# the end of every printed page (components/print_link.html).
PAGE_QR = re.compile(
    r'[ \t]*(?:<figure class="material-qr">.*?</figure>'
    r'|<div class="print-link" hidden>.*?</div>)\n?',
    re.DOTALL,
)
QR_DATA_URI = re.compile(r"data:image/svg\+xml;base64,[A-Za-z0-9+/=]+")
QR_SVG = re.compile(r"<svg\b.*?</svg>", re.DOTALL)
PRINT_LINK = re.compile(r'<div class="print-link" hidden')
QR_URL = re.compile(r'<span class="(?:material-qr|print-link)__url"[^>]*>([^<]+)</span>')
# A ?year=2017 or ?kind=flyer filter becomes a file beside the page's index.html.
VARIANT_PARAMETER = re.compile(r"^[A-Za-z0-9_-]{1,40}$")
MAX_VARIANT_PARAMETERS = 2

logger = logging.getLogger(__name__)


class ExportError(Exception):
    """The export cannot be made (a page fails to render, the folder is not ours...)."""


@dataclass
class ExportReport:
    """What an export wrote, and how long each part took."""

    directory: Path
    pages: Counter = field(default_factory=Counter)  # Wagtail pages per language
    filter_pages: int = 0
    search_pages: int = 0
    assets: Counter = field(default_factory=Counter)  # copied files per kind
    files: int = 0
    bytes: int = 0
    pagefind_files: int = 0
    pagefind_bytes: int = 0
    pagefind_output: str = ""
    seconds: dict[str, float] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    # The site's URLs that pages link to but the export cannot hold → the files linking.
    unresolved: dict[str, list[str]] = field(default_factory=dict)

    def problems(self) -> list[str]:
        """What the export could not copy; the copy has broken links where these are."""
        return [
            *self.warnings,
            *(
                f"{url}: linked from {len(files)} files ({files[0]} …) but not exported"
                for url, files in self.unresolved.items()
            ),
        ]

    def summary(self) -> str:
        pages = ", ".join(f"{code} {count}" for code, count in self.pages.items())
        assets = ", ".join(f"{count} {kind}" for kind, count in sorted(self.assets.items()))
        timings = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in self.seconds.items())
        lines = [
            f"{sum(self.pages.values())} pages ({pages}), {self.filter_pages} filter pages, "
            f"{self.search_pages} search pages; {assets}",
            f"{self.files} files, {self.bytes / 1_000_000:.1f} MB, of which the search index "
            f"{self.pagefind_files} files, {self.pagefind_bytes / 1_000_000:.1f} MB",
            f"time: {timings}",
        ]
        return "\n".join(lines)


@dataclass(frozen=True)
class Target:
    """Where a URL of the live site lives in the export: a path relative to its root,
    URL-encoded, ending in "/" for a folder's index.html ("" is the root)."""

    path: str
    query: str = ""
    fragment: str = ""


class Unresolved:
    """A URL of the site that the export does not hold (the admin, the API)."""


UNRESOLVED = Unresolved()


@dataclass(frozen=True)
class Document:
    """The file being written: where it is in the export, and which live URL it copies."""

    file: str
    live_url: str
    language: str = ""
    # The 404 pages are served for any missing path, so their links cannot be relative.
    links_from_base_path: bool = False


def relative_url(from_file: str, to: str) -> str:
    """The relative URL from one file of the export to a path ("de/" or "static/x.css")."""
    is_folder = to == "" or to.endswith("/")
    url = posixpath.relpath(to.rstrip("/") or ".", posixpath.dirname(from_file) or ".")
    if is_folder:
        url = "./" if url == "." else url + "/"
    # "a:b.html" would read as a URL scheme.
    return f"./{url}" if ":" in url.split("/", 1)[0] else url


def directory_size(directory: Path) -> tuple[int, int]:
    files = [path for path in directory.rglob("*") if path.is_file()]
    return len(files), sum(path.stat().st_size for path in files)


@contextmanager
def quiet_request_log() -> Iterator[None]:
    """The export's thousands of requests are not readers' requests: keep them out of the
    request log, 404 pages included."""
    request_logger = logging.getLogger("migraup.request")
    level = request_logger.level
    request_logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        request_logger.setLevel(level)


class StaticSiteExporter:
    """Writes the static copy into ``directory`` (replacing an earlier export there)."""

    def __init__(
        self,
        directory: Path,
        base_url: str = "",
        pagefind: Path | None = DEFAULT_PAGEFIND,
        progress: Callable[[str], None] | None = None,
    ) -> None:
        self.directory = Path(directory).resolve()
        if base_url:
            parts = urlsplit(base_url)
            if parts.scheme not in {"http", "https"} or not parts.netloc:
                raise ExportError(f"The base URL must be absolute (https://…/): {base_url}")
            base_url = base_url if base_url.endswith("/") else base_url + "/"
        self.base_url = base_url
        self.base_path = urlsplit(base_url).path if base_url else "/"
        self.pagefind = pagefind
        self.progress = progress or (lambda message: None)

    # The export as a whole.

    def export(self) -> ExportReport:
        if self.pagefind is not None and not Path(self.pagefind).exists():
            raise ExportError(
                f"Pagefind is not installed at {self.pagefind}: run `make checks-tools`."
            )
        self.check_target()
        work = self.directory.parent / f".{self.directory.name}.partial"
        if work.exists():
            shutil.rmtree(work)  # left by an export that failed
        work.mkdir(parents=True)
        self.root = work
        self.report = ExportReport(directory=self.directory)
        started = time.perf_counter()
        try:
            with quiet_request_log(), translation.override(settings.LANGUAGE_CODE):
                self.set_up()
                self.render_pages()
                self.render_extras()
                self.report.seconds["pages"] = time.perf_counter() - started
                copied = time.perf_counter()
                self.copy_assets()
                self.report.seconds["files"] = time.perf_counter() - copied
            if self.pagefind is not None:
                indexed = time.perf_counter()
                self.build_search_index()
                self.report.seconds["search index"] = time.perf_counter() - indexed
            self.write_marker()
            self.report.files, self.report.bytes = directory_size(self.root)
            self.replace_target(work)
        except BaseException:
            shutil.rmtree(work, ignore_errors=True)
            raise
        self.report.seconds["total"] = time.perf_counter() - started
        return self.report

    def check_target(self) -> None:
        target = self.directory
        not_empty = target.exists() and (not target.is_dir() or any(target.iterdir()))
        if not_empty and not (target / MARKER).is_file():
            raise ExportError(
                f"{target} is not empty and holds no earlier export ({MARKER}); "
                "choose an empty or new folder."
            )

    def replace_target(self, work: Path) -> None:
        """Swap the finished export in, so a host serving the folder never sees half a copy."""
        old = self.directory.parent / f".{self.directory.name}.old"
        if old.exists():
            shutil.rmtree(old)
        if self.directory.exists():
            self.directory.rename(old)
        work.rename(self.directory)
        if old.exists():
            shutil.rmtree(old)

    def write_marker(self) -> None:
        data = {
            "exported": timezone.now().isoformat(timespec="seconds"),
            "base_url": self.base_url,
            "pages": dict(self.report.pages),
        }
        self.write(MARKER, json.dumps(data, indent=2) + "\n")
        # GitHub Pages would otherwise run every file through Jekyll.
        self.write(".nojekyll", "")

    # What is exported.

    def set_up(self) -> None:
        self.site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
        if self.site is None:
            raise ExportError("There is no Wagtail site to export.")
        host, scheme, extra = self.request_host()
        self.client = Client(HTTP_HOST=host, secure=scheme == "https", **extra)
        self.origin = f"{scheme}://{host}"
        # Canonical and hreflang URLs come from the request, the sitemap's from the Site.
        self.origins = {self.origin, self.site.root_url}
        self.static_url = urlsplit(settings.STATIC_URL).path
        self.media_url = urlsplit(settings.MEDIA_URL).path
        self.documents_url = reverse("wagtaildocs_serve", args=[0, "x"]).removesuffix("0/x")
        origins = "|".join(re.escape(origin) for origin in sorted(self.origins, key=len)[::-1])
        # The site's absolute URLs in JSON-LD and the sitemap ("…localhost" not "…localhost.org").
        self.absolute_url = re.compile(rf"(?:{origins})(?![^/\"'<>\s\\])(?:/[^\"'<>\s\\]*)?")
        # Live path → file in the export, for every page; languages of the pages.
        self.page_files: dict[str, str] = {}
        self.page_languages: dict[str, str] = {}
        self.search_paths: set[str] = set()
        self.variants: dict[tuple[str, str], str] = {}
        self.queue: deque[tuple[str, str]] = deque()
        self.assets: dict[str, str] = {}
        self.asset_queue: deque[str] = deque()
        self.homes = list(
            self.site.root_page.get_translations(inclusive=True)
            .live()
            .select_related("locale")
            .order_by("path")
        )
        for page in self.pages():
            url_parts = page.get_url_parts()
            if url_parts is None:
                continue
            path = url_parts[2]
            self.add_page(path, page.locale.language_code)
        for home in self.homes:
            language = home.locale.language_code
            with translation.override(language):
                path = reverse("search")
            self.add_page(path, language)
            self.search_paths.add(path)

    def request_host(self) -> tuple[str, str, dict[str, str]]:
        """The host, scheme and headers of the export's requests: the Site's, when the
        settings allow that host (so all absolute URLs agree), else the first allowed one."""
        scheme = "https" if settings.SECURE_SSL_REDIRECT or self.site.port == 443 else "http"
        host = self.site.hostname
        if self.site.port not in {80, 443}:
            host = f"{host}:{self.site.port}"
        allowed = settings.ALLOWED_HOSTS or ["localhost", "127.0.0.1"]
        if not validate_host(self.site.hostname, allowed):
            names = [name.lstrip(".") for name in allowed if name != "*"]
            host = names[0] if names else "localhost"
        extra = {}
        if scheme == "https" and settings.SECURE_PROXY_SSL_HEADER:
            header, value = settings.SECURE_PROXY_SSL_HEADER
            extra[header] = value
        return host, scheme, extra

    def pages(self) -> Iterator[Page]:
        """Every live public page under the site's home pages, as the sitemap lists them."""
        homes = self.site.root_page.get_translations(inclusive=True)
        under_a_home = reduce(or_, (Q(path__startswith=home.path) for home in homes))
        yield from (
            Page.objects.filter(under_a_home)
            .live()
            .public()
            .select_related("locale")
            .order_by("path")
            .defer_streamfields()
            .specific()
            .iterator(chunk_size=500)
        )

    def add_page(self, path: str, language: str) -> None:
        self.page_files[path] = self.file_for(path)
        self.page_languages[path] = language
        self.queue.append((path, ""))

    @staticmethod
    def file_for(path: str) -> str:
        relative = path.lstrip("/")
        return relative + "index.html" if relative == "" or relative.endswith("/") else relative

    # Pages.

    def render_pages(self) -> None:
        done = 0
        while self.queue:
            path, query = self.queue.popleft()
            url = f"{path}?{query}" if query else path
            response = self.get(url)
            if response.status_code != 200:
                if query:
                    self.warn(f"{url}: the filter answered {response.status_code}")
                    continue
                # Live and public, yet not served (a language without a live home page).
                self.warn(f"{url}: answered {response.status_code}, not exported")
                continue
            language = self.page_languages[path]
            if query:
                kind, file = "filter", self.variants[(path, query)]
                self.report.filter_pages += 1
            elif path in self.search_paths:
                kind, file = "search", self.page_files[path]
                self.report.search_pages += 1
            else:
                kind, file = "page", self.page_files[path]
                self.report.pages[language] += 1
            document = Document(file=file, live_url=self.origin + url, language=language)
            self.write(file, self.transform(self.decoded(response), document, kind))
            done += 1
            if done % 500 == 0:
                self.progress(f"{done} pages rendered, {len(self.queue)} to go")

    def get(self, url: str) -> HttpResponse:
        try:
            response = self.client.get(url)
        except Exception as error:
            raise ExportError(f"{url} failed to render: {error!r}") from error
        # Each request as a new anonymous reader (the contact page sets a CSRF cookie).
        self.client.cookies.clear()
        return response

    @staticmethod
    def decoded(response: HttpResponse) -> str:
        return response.content.decode(response.charset or "utf-8")

    def transform(self, html: str, document: Document, kind: str) -> str:
        """The live page as the static copy needs it."""
        if not self.base_url:
            html = OPENGRAPH_URL_TAG.sub("", html)
        html = POST_FORM.sub(lambda match: self.contact_note(document.language), html)
        html = PDF_LINK.sub("", html)
        if kind == "search":
            html = self.static_search(html, document.language)
        if kind == "page":
            # Pagefind indexes only the content, not the menus; filter pages and the search
            # page repeat what other pages hold.
            html = MAIN.sub("<main data-pagefind-body", html, count=1)
            # "Jahr</dt><dd>2018" would read "Jahr2018" in the results' excerpts.
            html = DEFINITION_PARTS.sub(r"\1 ", html)
        if kind in {"page", "filter"}:
            html = PAGE_QR.sub(lambda match: self.page_qr(match[0]), html)
        # Filter lists inside the content are navigation, not text to find; nor is the
        # address a printed page ends with.
        html = NAV.sub("<nav data-pagefind-ignore", html)
        html = PRINT_LINK.sub(r"\g<0> data-pagefind-ignore", html)
        return self.rewrite_html(html, document)

    def page_qr(self, markup: str) -> str:
        """A QR code leads to the page's live address (a filtered list's to the list); in
        the copy it leads to the copy's own address under the base URL, and without one it
        is left out (the copy has no address to print)."""
        live_url = unescape(QR_URL.search(markup)[1])
        target = self.resolve(live_url) if self.base_url else None
        if not isinstance(target, Target):
            return ""
        url = self.base_url + target.path
        markup = QR_DATA_URI.sub(lambda match: qr_code_data_uri(url), markup)
        markup = QR_SVG.sub(lambda match: qr_code_inline_svg(url), markup)
        return markup.replace(escape(live_url), escape(url))

    def contact_note(self, language: str) -> str:
        """Instead of a form that has nowhere to post: what the archive can still offer."""
        from partners.models import PartnerIndexPage

        note = escape(notes.text(notes.CONTACT_NOTE, language))
        partners = (
            PartnerIndexPage.objects.live().public().filter(locale__language_code=language).first()
        )
        addresses = ""
        if partners is not None and partners.get_url_parts() is not None:
            addresses = (
                f" {escape(notes.text(notes.CONTACT_ADDRESSES, language))} "
                f'<a href="{escape(partners.get_url_parts()[2])}">{escape(partners.title)}</a>.'
            )
        return f'<p class="notice" role="note">{note}{addresses}</p>'

    def static_search(self, html: str, language: str) -> str:
        """The live search page with Pagefind's Component UI in place of the form to the
        server. Loaded as classic scripts, not modules: Pagefind then finds its bundle from
        the script's own URL, and result links start from the folder holding pagefind/, so
        the copy works under any base path."""
        needs_script = escape(notes.text(notes.SEARCH_NEEDS_SCRIPT, language))
        search = (
            '<div class="static-search" data-static-search>\n'
            "        <pagefind-input></pagefind-input>\n"
            "        <pagefind-summary></pagefind-summary>\n"
            "        <pagefind-results></pagefind-results>\n"
            "    </div>\n"
            f'    <noscript><p class="notice">{needs_script}</p></noscript>'
        )
        html, replaced = SEARCH_FORM.subn(lambda match: search, html, count=1)
        if not replaced:
            raise ExportError("The search page has no search form to replace.")
        head = (
            f'<link rel="stylesheet" href="/{PAGEFIND_DIR}/pagefind-component-ui.css">\n'
            f'    <link rel="stylesheet" href="{static("static_export/search.css")}">\n'
            f'    <script src="/{PAGEFIND_DIR}/pagefind-component-ui.js" defer></script>\n'
            f'    <script src="{static("static_export/search.js")}" defer></script>\n'
            "</head>"
        )
        return html.replace("</head>", head, 1)

    def render_extras(self) -> None:
        """The files beside the pages: 404 pages, the root page, sitemap and robots.txt."""
        for home in self.homes:
            language = home.locale.language_code
            # No slug has a dot, so this path is a 404 in every language.
            path = f"/{language}/404.html"
            response = self.get(path)
            if response.status_code != 404:
                raise ExportError(f"{path} answered {response.status_code}, not 404")
            files = [f"{language}/404.html"]
            if language == settings.LANGUAGE_CODE:
                files.append("404.html")
            for file in files:
                document = Document(
                    file=file,
                    live_url=self.origin + path,
                    language=language,
                    links_from_base_path=bool(self.base_url),
                )
                self.write(file, self.transform(self.decoded(response), document, "404"))
        self.write_root_page()
        sitemap = self.get("/sitemap.xml")
        if sitemap.status_code != 200:
            raise ExportError(f"/sitemap.xml answered {sitemap.status_code}")
        self.write("sitemap.xml", self.rewrite_xml(self.decoded(sitemap)))
        robots = self.get("/robots.txt")
        self.write("robots.txt", self.rewrite_robots(self.decoded(robots)))

    def write_root_page(self) -> None:
        """The live site redirects "/" by the reader's Accept-Language; a static host
        cannot, so the root lists the languages and a script picks the reader's."""
        languages = dict(settings.LANGUAGES)
        homes = [
            {
                "code": home.locale.language_code,
                "name": languages.get(home.locale.language_code, home.title),
                "url": home.get_url_parts()[2],
            }
            for home in self.homes
        ]
        default = next((h for h in homes if h["code"] == settings.LANGUAGE_CODE), homes[0])
        with translation.override(default["code"]):
            html = render_to_string(
                "static_export/language_choice.html",
                {"homes": homes, "default": default, "origin": self.origin},
            )
        self.write("index.html", self.rewrite_html(html, Document("index.html", self.origin + "/")))

    # URLs.

    def rewrite_html(self, html: str, document: Document) -> str:
        html = JSON_LD.sub(
            lambda match: match[1] + self.rewrite_absolute_urls(match[2], document) + match[3],
            html,
        )
        return START_TAG.sub(lambda match: self.rewrite_tag(match, document), html)

    def rewrite_tag(self, match: re.Match, document: Document) -> str:
        attributes = [
            [attribute["name"], attribute["dq"] or attribute["sq"] or attribute["uq"], attribute[0]]
            for attribute in ATTRIBUTE.finditer(match["attrs"])
        ]
        names = {name.lower(): value for name, value, _raw in attributes}
        if match["name"].lower() == "meta" and "property" in names:
            return self.rewrite_meta(match, names, document)
        changed = False
        for attribute in attributes:
            name, value, _raw = attribute
            if value is None:
                continue
            if name.lower() in URL_ATTRIBUTES:
                new = self.rewrite_url(unescape(value), document)
            elif name.lower() in SRCSET_ATTRIBUTES:
                new = self.rewrite_srcset(unescape(value), document)
            else:
                continue
            if new != unescape(value):
                attribute[2] = f' {name}="{escape(new)}"'
                changed = True
        if not changed:
            return match[0]
        return f"<{match['name']}{''.join(raw for *_rest, raw in attributes)}{match['end']}>"

    def rewrite_meta(self, match: re.Match, names: dict, document: Document) -> str:
        """OpenGraph URLs must be absolute: to the base URL (without one, transform() has
        left them out); one to a URL the export does not hold is left out as well."""
        if names["property"] not in OPENGRAPH_URLS or not self.base_url:
            return match[0]
        target = self.resolve(unescape(names.get("content") or ""))
        if not isinstance(target, Target):
            return ""
        return match[0].replace(
            f'content="{names["content"]}"',
            f'content="{escape(self.link(target, document, absolute=True))}"',
        )

    def rewrite_srcset(self, value: str, document: Document) -> str:
        candidates = []
        for candidate in value.split(","):
            url, _space, descriptor = candidate.strip().partition(" ")
            if url:
                new = self.rewrite_url(url, document)
                candidates.append(f"{new} {descriptor}".strip())
        return ", ".join(candidates)

    def rewrite_absolute_urls(self, text: str, document: Document) -> str:
        """Absolute URLs of the site in text that is not HTML (JSON-LD, the sitemap)."""
        return self.absolute_url.sub(lambda match: self.rewrite_url(match[0], document), text)

    def rewrite_url(self, value: str, document: Document) -> str:
        """A URL of a page, as the export needs it; external URLs stay as they are."""
        url = value.strip()
        if not url or url.startswith("#"):
            return value
        parts = urlsplit(url)
        if parts.scheme and parts.scheme not in {"http", "https"}:
            return value  # mailto:, tel:, data:
        target = self.resolve(urljoin(document.live_url, url))
        if target is None:
            return value
        if target is UNRESOLVED:
            self.report.unresolved.setdefault(value, []).append(document.file)
            return value
        return self.link(target, document, absolute=bool(parts.scheme or parts.netloc))

    def link(self, target: Target, document: Document, absolute: bool) -> str:
        suffix = (f"?{target.query}" if target.query else "") + (
            f"#{target.fragment}" if target.fragment else ""
        )
        if absolute and self.base_url:
            return self.base_url + target.path + suffix
        if document.links_from_base_path:
            return self.base_path + target.path + suffix
        return relative_url(document.file, target.path) + suffix

    def resolve(self, url: str) -> Target | Unresolved | None:
        """Where an absolute URL lives in the export: None for other sites' URLs,
        UNRESOLVED for the site's URLs the export does not hold (the admin, the API)."""
        parts = urlsplit(url)
        if f"{parts.scheme}://{parts.netloc}" not in self.origins:
            return None
        path, query, fragment = parts.path or "/", parts.query, parts.fragment
        if path in self.search_paths:
            # The static search page reads ?q= itself (its own script).
            return Target(self.folder(path), query, fragment)
        if path in self.page_files:
            if query and (file := self.variant(path, query)):
                return Target(file, "", fragment)
            return Target(self.folder(path), "", fragment)
        for prefix, kind in (
            (self.static_url, "static"),
            (self.media_url, "media"),
            (self.documents_url, "document"),
        ):
            if path.startswith(prefix) and len(path) > len(prefix):
                self.add_asset(path, kind)
                return Target(path.lstrip("/"), query if kind == "static" else "", fragment)
        if path.startswith(f"/{PAGEFIND_DIR}/"):
            return Target(path.lstrip("/"), query, fragment)
        if path in {"/", "/sitemap.xml", "/robots.txt", "/404.html"} or (
            path.endswith("/404.html") and path.count("/") == 2
        ):
            return Target(path.lstrip("/"), "", fragment)
        return UNRESOLVED

    def folder(self, path: str) -> str:
        """The link to a page: its folder, which static hosts answer with index.html."""
        file = self.page_files[path]
        return file.removesuffix("index.html")

    def variant(self, path: str, query: str) -> str | None:
        """The file of a filtered page (?year=2017 → year-2017.html beside index.html)."""
        if path in self.search_paths:
            return None
        key = (path, query)
        if key not in self.variants:
            parameters = sorted(parse_qsl(query))
            if not parameters or len(parameters) > MAX_VARIANT_PARAMETERS:
                return None
            if not all(VARIANT_PARAMETER.match(part) for item in parameters for part in item):
                return None
            name = "-".join(f"{key}-{value}" for key, value in parameters) + ".html"
            self.variants[key] = self.folder(path) + name
            self.queue.append(key)
        return self.variants[key]

    def rewrite_xml(self, xml: str) -> str:
        document = Document("sitemap.xml", self.origin + "/sitemap.xml")
        return self.absolute_url.sub(
            lambda match: escape(self.rewrite_url(unescape(match[0]), document)), xml
        )

    def rewrite_robots(self, text: str) -> str:
        """The live rules for the paths the copy has; the sitemap only with a base URL."""
        lines = []
        for line in text.splitlines():
            name, colon, value = line.partition(":")
            value = value.strip()
            if name.lower() == "sitemap":
                if self.base_url:
                    lines.append(f"Sitemap: {self.base_url}sitemap.xml")
            elif colon and name.lower() in {"allow", "disallow"} and value.startswith("/"):
                wildcard = value[len(value.rstrip("?*$")) :]
                target = self.resolve(self.origin + value.rstrip("?*$"))
                if isinstance(target, Target):
                    lines.append(f"{name}: {self.base_path}{target.path}{wildcard}")
            else:
                lines.append(line)
        return "\n".join(lines) + "\n"

    # Files.

    def add_asset(self, path: str, kind: str) -> None:
        if path not in self.assets:
            self.assets[path] = kind
            self.asset_queue.append(path)

    def copy_assets(self) -> None:
        documents = get_document_model()
        while self.asset_queue:
            path = self.asset_queue.popleft()
            kind = self.assets[path]
            file = path.lstrip("/")
            if kind == "static":
                copied = self.copy_static(path, file)
            elif kind == "media":
                copied = self.copy_media(unquote(path.removeprefix(self.media_url)), file)
            else:
                copied = self.copy_document(documents, path, file)
            if copied:
                self.report.assets[kind] += 1

    def copy_static(self, path: str, file: str) -> bool:
        name = unquote(path.removeprefix(self.static_url))
        # The sources (development), or collectstatic's hashed copies (production), which
        # the finders do not know.
        found = finders.find(name)
        if found is None and not staticfiles_storage.exists(name):
            self.warn(f"{path}: no such static file")
            return False
        with Path(found).open("rb") if found else staticfiles_storage.open(name, "rb") as source:
            if name.endswith(".css"):
                css = source.read().decode("utf-8")
                self.write(file, self.rewrite_css(css, Document(file, self.origin + path)))
            else:
                self.copy_file(source, file)
        return True

    def copy_media(self, name: str, file: str) -> bool:
        # What the live site serves under /media/, judged as it judges it: documents only
        # through their view, which checks their collection, and nothing a path or a link
        # leads to outside the public folders.
        source = public_media_file(name)
        if source is None:
            self.warn(f"{name}: no such public media file (a missing rendition? a document?)")
            return False
        with source.open("rb") as opened:
            self.copy_file(opened, file)
        return True

    def copy_document(self, documents, path: str, file: str) -> bool:
        document_id, _slash, filename = path.removeprefix(self.documents_url).partition("/")
        document = (
            documents.objects.filter(pk=int(document_id)).select_related("collection").first()
            if document_id.isdigit()
            else None
        )
        if document is None or document.filename != unquote(filename):
            self.warn(f"{path}: no such document")
            return False
        if document.collection.get_view_restrictions().exists():
            self.warn(f"{path}: in a private collection, not exported")
            return False
        with document.file.open("rb") as source:
            self.copy_file(source, file)
        return True

    def rewrite_css(self, css: str, document: Document) -> str:
        def replace(match: re.Match) -> str:
            url = match["url"] or match["import"]
            if url.startswith("data:"):
                return match[0]
            return match[0].replace(url, self.rewrite_url(url, document))

        return CSS_URL.sub(replace, css)

    def output_path(self, file: str) -> Path:
        """The export's file for a path from a URL (still URL-encoded, as all paths in the
        exporter are), never outside the export's folder."""
        relative = posixpath.normpath(unquote(file)) if file else "index.html"
        if relative.startswith(("../", "/")) or relative == ".." or "\x00" in relative:
            raise ExportError(f"{file}: outside the export")
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        return path

    def write(self, file: str, text: str) -> None:
        self.output_path(file).write_text(text, encoding="utf-8")

    def copy_file(self, source, file: str) -> None:
        with self.output_path(file).open("wb") as target:
            shutil.copyfileobj(source, target)

    def warn(self, message: str) -> None:
        self.report.warnings.append(message)
        logger.warning("static export: %s", message)

    # Search.

    def build_search_index(self) -> None:
        """Pagefind writes one index per <html lang> into pagefind/; a search page loads
        only its language's, and of that only the parts a query needs."""
        try:
            result = subprocess.run(
                [str(self.pagefind), "--site", str(self.root), "--output-subdir", PAGEFIND_DIR],
                capture_output=True,
                text=True,
                timeout=3600,
                check=False,
            )
        except OSError as error:
            raise ExportError(f"Pagefind could not run: {error}") from error
        if result.returncode != 0:
            raise ExportError(f"Pagefind failed:\n{result.stdout}\n{result.stderr}")
        self.report.pagefind_output = result.stdout
        self.report.pagefind_files, self.report.pagefind_bytes = directory_size(
            self.root / PAGEFIND_DIR
        )
