"""The German original beside a translation, block by block (?original=de, issue 24)."""

import uuid

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page

from multilingual.beside import reading_fields, translated_texts
from projects.models import ProjectPage
from tests.reading import visible_text

pytestmark = pytest.mark.django_db

MIGRAPOWER_TR = "/tr/projeler/migrapower/"


def soup(client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, url
    # The choice lives in the URL only.
    assert "Set-Cookie" not in response, url
    return BeautifulSoup(response.content, "html.parser")


def pairs(page: BeautifulSoup) -> list[tuple]:
    """(translation cell, original cell) of each row below the title."""
    rows = page.select(".beside > .beside__pair:not(.beside__pair--title)")
    return [tuple(row.find_all("div", class_="beside__cell", recursive=False)) for row in rows]


def project(language: str) -> ProjectPage:
    return ProjectPage.objects.get(slug="migrapower", locale__language_code=language)


def test_a_translated_page_links_to_its_german_original_beside_it_and_back(client):
    page = soup(client, MIGRAPOWER_TR)
    link = page.find("a", string="Almanca orijinali yanında göster")
    assert link["href"] == f"{MIGRAPOWER_TR}?original=de"
    assert not page.select(".beside")

    beside = soup(client, link["href"])
    back = beside.find("a", string="Almanca orijinali gizle")
    assert back["href"] == MIGRAPOWER_TR
    # One heading for the page, the German title beside it.
    assert [h1.get_text() for h1 in beside.find_all("h1")] == ["MigraPower"]
    title = beside.select_one(".beside__pair--title .beside__cell--original")
    assert (title["lang"], title["dir"]) == ("de", "ltr")


def test_every_block_stands_beside_its_german_original_with_its_own_language(client):
    german, turkish = project("de"), project("tr")
    rows = pairs(soup(client, f"{MIGRAPOWER_TR}?original=de"))
    texts = [name for name in reading_fields(ProjectPage) if getattr(german, name)]
    blocks = sum(len(getattr(german, name)) for name in texts if name in STREAM_FIELDS)
    plain = sum(1 for name in texts if name not in STREAM_FIELDS)
    assert len(rows) == blocks + plain
    for mine, original in rows:
        assert (mine["lang"], mine["dir"]) == ("tr", "ltr")
        assert (original["lang"], original["dir"]) == ("de", "ltr")
    # The goals, the first of their blocks in both languages, in one row.
    goals_tr, goals_de = turkish.goals[0], german.goals[0]
    assert goals_tr.id == goals_de.id
    row = next(r for r in rows if opening(goals_de) in words(r[1]))
    assert opening(goals_tr) in words(row[0])
    # The German side's own labels in German, whatever the reader's language.
    assert "Ziele" in visible_text(str(row[1])) and "Hedefler" in visible_text(str(row[0]))


STREAM_FIELDS = {"body", "goals", "target_groups", "offers", "sustainability"}


def words(cell) -> str:
    return " ".join(visible_text(str(cell)).split())


def opening(block) -> str:
    """The first words a block shows."""
    return " ".join(visible_text(block.render()).split())[:30]


def test_arabic_stands_right_to_left_beside_german_left_to_right(client):
    page = soup(client, "/ar/")
    link = page.select_one(".translation-note__beside a")
    beside = soup(client, link["href"])
    assert beside.find("html")["dir"] == "rtl"
    for mine, original in pairs(beside):
        assert (mine["lang"], mine["dir"]) == ("ar", "rtl")
        assert (original["lang"], original["dir"]) == ("de", "ltr")
    assert beside.select_one(".beside__heads [lang=de]").get_text() == "Deutsch (Original)"


def test_a_block_added_in_german_after_the_translation_is_shown_with_a_note(client):
    german = project("de")
    added = {"type": "paragraph", "value": "<p>Neu seit der Übersetzung.</p>"}
    german.body.append(("paragraph", added["value"]))
    german.save_revision().publish()
    rows = pairs(soup(client, f"{MIGRAPOWER_TR}?original=de"))
    mine, original = next(r for r in rows if "Neu seit der Übersetzung." in r[1].get_text())
    assert "Bu çeviriden sonra Almanca orijinale eklendi: henüz çevrilmedi." in mine.get_text()
    # The blocks both have are still paired.
    row = next(r for r in rows if opening(german.body[0]) in words(r[1]))
    assert opening(project("tr").body[0]) in words(row[0])


def test_a_block_the_german_page_no_longer_has_is_shown_alone_where_it_was(client):
    turkish = project("tr")
    turkish.body.append(("paragraph", "<p>Sadece çeviride.</p>"))
    turkish.body[-1].id = str(uuid.uuid4())
    turkish.save_revision().publish()
    rows = pairs(soup(client, f"{MIGRAPOWER_TR}?original=de"))
    index, (mine, original) = next(
        (i, r) for i, r in enumerate(rows) if "Sadece çeviride." in r[0].get_text()
    )
    assert "Artık Almanca orijinalde yok." in original.get_text()
    # Right after the body's last shared block, before the goals.
    assert "Ziele" in rows[index + 1][1].get_text()


def test_german_pages_have_no_control_and_ignore_the_parameter(client):
    page = soup(client, "/de/projekte/migrapower/?original=de")
    assert not page.select(".beside, .translation-note__beside")
    assert page.find("h1").get_text() == "MigraPower"


@pytest.mark.parametrize("query", ["?original=tr", "?original=", "?original=de&original=xx"])
def test_other_values_show_the_translation_alone(client, query):
    page = soup(client, MIGRAPOWER_TR + query)
    assert not page.select(".beside")
    assert page.select_one(".translation-note__beside a")["href"] == f"{MIGRAPOWER_TR}?original=de"


def test_filters_stay_when_the_original_is_shown(client):
    page = soup(client, "/tr/materyaller/?kind=flyer")
    link = page.select_one(".translation-note__beside a")["href"]
    assert link == "/tr/materyaller/?kind=flyer&original=de"
    beside = soup(client, link)
    assert beside.select_one(".translation-note__beside a")["href"] == "/tr/materyaller/?kind=flyer"


def test_the_page_cache_keeps_both_views_apart(client, settings):
    settings.PAGE_CACHE_SECONDS = 600
    for _ in range(2):  # the second time from the cache
        assert soup(client, f"{MIGRAPOWER_TR}?original=de").select(".beside")
        assert not soup(client, MIGRAPOWER_TR).select(".beside")


def test_every_page_type_shows_all_its_translated_texts_beside_the_original():
    """A page type that orders its texts itself (shown_beside) names each of them."""
    from wagtail.models import get_page_models

    for model in get_page_models():
        if model is Page or not getattr(model, "shown_beside", ()):
            continue
        assert sorted(model.shown_beside) == sorted(translated_texts(model)), model


def test_the_language_switcher_keeps_the_original_beside_in_the_other_translations(client):
    page = soup(client, f"{MIGRAPOWER_TR}?original=de")
    picker = page.select_one("[data-language-picker]")
    assert picker.find("a", string="العربية")["href"].endswith("/migrapower/?original=de")
    assert picker.find("a", string="Deutsch")["href"] == "/de/projekte/migrapower/"
