"""What search engines and link previews get: a description and OpenGraph tags on every
page, editable on the Promote tab; schema.org JSON-LD; responsive modern-format pictures."""

import io
import json
import re
import unicodedata
from html.parser import HTMLParser

import pytest
from django.test import Client
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.models import Locale

from core.models import StandardPage
from materials.models import MaterialPage
from partners.models import PartnerPage
from tests.page_types import ALL, LANGUAGES, expected_status, url_of

pytestmark = pytest.mark.django_db


class HeadParser(HTMLParser):
    """The <meta>, <link rel=canonical>, JSON-LD and <picture> parts of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}
        self.canonical = ""
        self.json_ld: list[dict] = []
        self.sources: list[dict] = []
        self.images: list[dict] = []
        self._in_json_ld = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attrs = dict(attrs)
        if tag == "meta" and ("property" in attrs or "name" in attrs):
            self.meta[attrs.get("property") or attrs["name"]] = attrs.get("content", "")
        elif tag == "link" and attrs.get("rel") == "canonical":
            self.canonical = attrs["href"]
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_json_ld = True
        elif tag == "source":
            self.sources.append(attrs)
        elif tag == "img":
            self.images.append(attrs)

    def handle_data(self, data: str) -> None:
        if self._in_json_ld:
            self.json_ld.append(json.loads(data))

    def handle_endtag(self, tag: str) -> None:
        self._in_json_ld = False


def parse(client: Client, url: str) -> HeadParser:
    response = client.get(url)
    assert response.status_code == 200, url
    parser = HeadParser()
    parser.feed(response.content.decode())
    return parser


def body(response) -> bytes:
    """The bytes of a page, a static file or a media file (the latter two stream)."""
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def schema_objects(parser: HeadParser) -> dict[str, dict]:
    """The JSON-LD objects of a page by their @type."""
    objects = []
    for data in parser.json_ld:
        assert data["@context"] == "https://schema.org"
        objects += data.get("@graph", [data])
    return {obj["@type"]: obj for obj in objects}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_has_a_description_and_opengraph_tags(client, language):
    for name in ALL:
        url = url_of(name, language)
        response = client.get(url)
        assert response.status_code == expected_status(name, language)
        parser = HeadParser()
        parser.feed(response.content.decode())
        meta = parser.meta
        # Counted as readers see it: Arabic vowel marks combine with their letter.
        shown = [char for char in meta["description"] if not unicodedata.combining(char)]
        assert 10 <= len(shown) <= 160, (url, meta["description"])
        assert "<" not in meta["description"], (url, meta["description"])
        assert meta["og:description"] == meta["description"]
        assert meta["og:title"] and meta["og:site_name"] == "migraUp! Pankow"
        assert meta["og:locale"].startswith(f"{language}_")
        assert meta["og:image"].startswith("http://testserver/"), url
        assert int(meta["og:image:width"]) <= 1200 and int(meta["og:image:height"]) <= 630
        assert meta["twitter:card"] == "summary_large_image"
        if parser.canonical:
            assert meta["og:url"] == parser.canonical
        # Result and error pages stay out of search engines; all others may be indexed.
        if name in ("search", "search-type") or expected_status(name, language) == 404:
            assert meta["robots"] == "noindex", url
        else:
            assert "robots" not in meta, url


def test_the_share_image_of_every_page_is_served(client):
    for name in ("home", "material-flyer"):
        image_url = parse(client, url_of(name, "de")).meta["og:image"]
        response = client.get(image_url.removeprefix("http://testserver"))
        assert response.status_code == 200, image_url
        content = body(response)
        assert PILImage.open(io.BytesIO(content)).size[0] <= 1200


def test_editors_set_description_and_share_image_on_the_promote_tab(client):
    page = StandardPage.objects.get(locale__language_code="de", slug="impressum")
    image = Image.objects.get(title="Titelseite des Flyers Willkommen in Berlin")
    page.search_description = "Wer hinter migraUp! Pankow steht, mit Anschrift."
    page.share_image = image
    page.save_revision().publish()

    meta = parse(client, "/de/impressum/").meta
    assert meta["description"] == "Wer hinter migraUp! Pankow steht, mit Anschrift."
    assert meta["og:description"] == meta["description"]
    assert "titelseite-flyer" in meta["og:image"]
    assert meta["og:image:alt"] == image.default_alt_text


def test_defaults_come_from_the_page_itself(client):
    # The intro, as plain text (the contact page's intro is rich text).
    assert parse(client, "/de/kontakt/").meta["description"] == (
        "Setzen Sie sich mit uns in Verbindung!"
    )
    # An index page without an intro: its title and the pages it lists.
    assert parse(client, "/de/projekte/").meta["description"] == (
        "Projekte: MigraPower, Kommune Interkulturell, Willkommen in Berlin"
    )
    # A material is previewed with its cover; other pages with the site's card.
    assert "titelseite-flyer" in parse(client, url_of("material-flyer", "de")).meta["og:image"]
    assert parse(client, "/de/impressum/").meta["og:image"].endswith(".png")


def test_partner_pages_describe_the_organisation_as_schema_org(client):
    objects = schema_objects(parse(client, url_of("partner", "de")))
    organization = objects["Organization"]
    assert organization["name"] == "VIA Regionalverband Berlin/Brandenburg e.V."
    assert organization["alternateName"] == "VIA"
    assert organization["foundingDate"] == "1992"
    assert organization["sameAs"] == ["http://www.via-in-berlin.de/"]
    assert organization["address"] == {
        "@type": "PostalAddress",
        "addressCountry": "DE",
        "postalCode": "10247",
        "addressLocality": "Berlin",
        "streetAddress": "Petersburger Straße 92",
    }


@pytest.mark.parametrize("language", ["de", "ar"])
def test_breadcrumb_list_follows_the_breadcrumbs(client, language):
    url = url_of("project-migrapower", language)
    response = client.get(url)
    html = response.content.decode()
    parser = HeadParser()
    parser.feed(html)
    crumbs = schema_objects(parser)["BreadcrumbList"]["itemListElement"]
    nav = html[
        html.index('class="breadcrumbs') : html.index("</nav>", html.index('class="breadcrumbs'))
    ]
    shown = re.findall(r'<a href="([^"]+)">([^<]+)</a>', nav)
    assert [(c["item"].removeprefix("http://testserver"), c["name"]) for c in crumbs[:-1]] == shown
    assert crumbs[-1]["item"] == f"http://testserver{url}"
    assert [c["position"] for c in crumbs] == [1, 2, 3]


def test_home_page_offers_its_search_to_search_engines(client):
    website = schema_objects(parse(client, "/tr/"))["WebSite"]
    assert website["inLanguage"] == "tr"
    template = website["potentialAction"]["target"]["urlTemplate"]
    response = client.get(template.replace("{q}", "MigraPower").removeprefix("http://testserver"))
    assert response.status_code == 200
    assert "MigraPower" in response.content.decode()


def test_json_ld_cannot_break_out_of_its_script_element(client):
    page = PartnerPage.objects.get(locale__language_code="de", slug__startswith="via-")
    page.short_name = "</script><script>alert(1)</script>"
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "<script>alert(1)" not in html
    parser = HeadParser()
    parser.feed(html)
    assert schema_objects(parser)["Organization"]["alternateName"] == page.short_name


def test_pictures_come_in_modern_formats_with_their_size(client):
    parser = parse(client, url_of("material-flyer", "de"))
    types = [source["type"] for source in parser.sources]
    assert types == ["image/avif", "image/webp"]
    for source in parser.sources:
        widths = re.findall(r" (\d+)w", source["srcset"])
        assert len(widths) == len(set(widths)) >= 2, source["srcset"]
        assert source["sizes"]
    cover = next(img for img in parser.images if "titelseite-flyer" in img["src"])
    assert (cover["width"], cover["height"]) == ("400", "565")
    # The cover is at the top of the page: it loads at once.
    assert cover["loading"] == "eager"
    avif = parser.sources[0]["srcset"].split(" ")[0]
    response = client.get(avif)
    assert response.status_code == 200
    assert body(response)[4:12] == b"ftypavif"


def test_pictures_in_the_text_load_lazily(client):
    page = MaterialPage.objects.get(locale__language_code="de")
    image = Image.objects.get(title="Titelseite des Flyers Willkommen in Berlin")
    page.body = [("image", {"image": image, "alt_text": "Titelseite", "caption": ""})]
    page.save_revision().publish()
    parser = parse(client, page.url)
    in_text = [img for img in parser.images if img.get("alt") == "Titelseite"]
    assert len(in_text) == 1
    assert in_text[0]["loading"] == "lazy"
    # The picture's own size: never wider than the image itself (600 px).
    assert int(in_text[0]["width"]) == 600
    assert "1472w" not in in_text[0]["srcset"]


def test_translated_pages_carry_their_languages_description(client):
    german = parse(client, url_of("project-migrapower", "de")).meta["description"]
    locale = Locale.objects.get(language_code="tr")
    turkish_page = PartnerPage.objects.get(
        locale__language_code="de", slug__startswith="via-"
    ).get_translation(locale)
    assert parse(client, turkish_page.url).meta["og:locale"] == "tr_TR"
    assert parse(client, url_of("project-migrapower", "tr")).meta["description"] != german


@pytest.mark.parametrize(
    ("language", "words"),
    [("de", "Migrant*innenorganisationen"), ("tr", "göçmen örgütlerini"), ("ar", "المهاجرين")],
)
def test_pages_of_their_own_describe_the_site_in_the_readers_language(client, language, words):
    assert words in parse(client, f"/{language}/search/").meta["description"]
