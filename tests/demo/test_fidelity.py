"""The site proves its fidelity to the sources: demo/facts.toml lists every fact the seeds
give, each is on the German pages where it belongs, unchanged, and nothing that looks like a
fact (a phone number, an e-mail address, a person, a year, an outside link) appears on any
page, in any language, unless the list has it."""

import re
import tomllib
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from wagtail.models import Page

from team.models import TeamMember

pytestmark = pytest.mark.django_db

ROOT = Path(settings.BASE_DIR)
SEEDS_DIR = ROOT.parent / "shared" / "seeds"
FACTS = tomllib.loads((ROOT / "demo" / "facts.toml").read_text())["fact"]

# From its start: "+49 30 …" or "030 …", never the "00 69 48" inside another number.
PHONE = re.compile(r"(?<!\d\s)(?<![\d+])(?:\+\d{2}\s?|0)\d{1,4}(?:[\s/-]?\d{2,4}){2,}")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
YEAR = re.compile(r"(?<![\d.,/:-])(?:19|20)\d\d(?![\d.,:])")
PLACEHOLDER = re.compile(
    r"\[[^\]]{0,80}(?:Platzhalter|placeholder|Marcador|segnaposto|yer tutucu)", re.IGNORECASE
)


class PageText(HTMLParser):
    """The visible text of a page and its links; dates the site writes itself (<time>: when
    a page was translated or updated) and scripts are left out."""

    SKIPPED = {"script", "style", "time", "template"}

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.links: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIPPED:
            self.skipping += 1
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.links.append(href)

    def handle_endtag(self, tag):
        if tag in self.SKIPPED and self.skipping:
            self.skipping -= 1

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.parts).split())


def read(client, path: str) -> PageText:
    response = client.get(path)
    assert response.status_code == 200, path
    parser = PageText()
    parser.feed(response.content.decode())
    return parser


def seed_text(number: str) -> str:
    (path,) = SEEDS_DIR.glob(f"{number}_*.txt")
    return " ".join(path.read_text().split())


def of_kind(kind: str) -> set[str]:
    return {fact["value"] for fact in FACTS if fact["kind"] == kind}


def digits(phone: str) -> str:
    return re.sub(r"\D", "", phone.replace("+49", "0"))


def bare_url(url: str) -> str:
    return re.sub(r"^https?://(www\.)?", "", url).rstrip("/")


def test_every_fact_is_in_its_seed():
    for fact in FACTS:
        written = fact.get("in_seed", fact["value"])
        assert " ".join(written.split()) in seed_text(fact["seed"]), fact


def test_every_fact_is_on_the_german_pages_where_it_belongs(client):
    pages: dict[str, PageText] = {}
    missing = []
    for fact in FACTS:
        for path in fact["pages"]:
            page = pages.get(path) or pages.setdefault(path, read(client, f"/de/{path}"))
            found = (
                fact["value"] in page.links if fact["kind"] == "url" else fact["value"] in page.text
            )
            if not found:
                missing.append((fact["value"], path))
    assert missing == []


def all_public_pages() -> list[str]:
    return [
        page.url for page in Page.objects.live().public().filter(depth__gt=1).specific() if page.url
    ]


def test_no_page_states_a_fact_the_sources_do_not_give(client):
    phones = {digits(phone) for phone in of_kind("phone")}
    emails = of_kind("email")
    years = of_kind("year")
    urls = {bare_url(url) for url in of_kind("url")}
    found: dict[str, set[tuple[str, str]]] = {
        "phone": set(),
        "email": set(),
        "year": set(),
        "url": set(),
        "placeholder": set(),
    }
    paths = all_public_pages()
    assert len(paths) > 100  # every language's pages
    for path in paths:
        page = read(client, path)
        for match in PHONE.findall(page.text):
            if digits(match) not in phones:
                found["phone"].add((match, path))
        for link in page.links:
            if link.startswith("tel:") and digits(link[4:]) not in phones:
                found["phone"].add((link, path))
            elif link.startswith("mailto:") and link[7:] not in emails:
                found["email"].add((link, path))
            elif link.startswith("http") and bare_url(link) not in urls:
                found["url"].add((link, path))
        for match in EMAIL.findall(page.text):
            if match not in emails:
                found["email"].add((match, path))
        for match in YEAR.findall(page.text):
            if match not in years:
                found["year"].add((match, path))
        for match in PLACEHOLDER.findall(page.text):
            found["placeholder"].add((match, path))
    assert {kind: sorted(values) for kind, values in found.items() if values} == {}


def test_the_team_holds_only_the_people_of_the_sources():
    assert set(TeamMember.objects.values_list("name", flat=True)) == of_kind("person")
