"""The search as migrants search: German words from a letter on any language's site, typos,
German compounds, and "Did you mean …?" (search.expansion, search.vocabulary,
multilingual.compounds). The relevance set in test_search.py has a case for each in every
language; these tests look at what the results page says."""

import re

import pytest
from django.test import override_settings
from wagtail.models import Locale, Page

from multilingual.compounds import compound_parts
from projects.models import ProjectPage
from search.vocabulary import allowed_distance, vocabulary
from tests.reading import visible_text
from tests.search.test_search import result_urls, search

pytestmark = pytest.mark.django_db


def result_of(html: str, url: str) -> str:
    """The result that links to url, as HTML."""
    start = html.index(f'<a href="{url}"')
    start = html.rindex('<li class="search-result">', 0, start)
    return html[start : html.index("</li>", start)]


def project(language: str, slug: str = "migrapower") -> ProjectPage:
    german = ProjectPage.objects.get(locale__language_code="de", slug=slug)
    return german.get_translation(Locale.objects.get(language_code=language))


# --- German words on every language's site -------------------------------------------------


@pytest.mark.parametrize("language", ["en", "es", "it", "tr", "ar"])
def test_a_german_word_finds_the_page_in_the_readers_language(client, language):
    """MigraPower's German original speaks of "Stabilisierung"; its translations do not."""
    html = search(client, language, q="Stabilisierung")
    url = project(language).url
    assert result_urls(html)[0] == url
    result = result_of(html, url)
    # Said so, and the German passage shown in German, the word marked.
    assert "search-result__through" in result
    passage = re.search(r'<p class="[^"]*--original" lang="de" dir="ltr">(.*?)</p>', result, re.S)
    assert passage and "<mark>Stabilisierung</mark>" in passage.group(1)


@override_settings(
    WAGTAILSEARCH_BACKENDS={"default": {"BACKEND": "search.database", "SEARCH_CONFIG": "simple"}}
)
def test_the_german_passage_follows_a_change_of_the_original(client):
    """The originals' text is cached with the content; publishing the German page shows the
    new text at once. (The database backend only: OpenSearch would keep the change.)"""
    url = project("es").url
    assert "Quartiersarbeit" not in result_of(search(client, "es", q="Stabilisierung"), url)
    german = project("de")
    german.intro = "Stabilisierung und Quartiersarbeit in Pankow."
    german.save_revision().publish()
    result = result_of(search(client, "es", q="Stabilisierung"), url)
    assert "<mark>Stabilisierung</mark> und Quartiersarbeit" in result


def test_a_page_found_by_its_own_words_shows_its_own_passage(client):
    html = search(client, "es", q="MigraPower")
    result = result_of(html, project("es").url)
    assert "search-result__through" not in result
    assert 'lang="de"' not in result


# --- typos ----------------------------------------------------------------------------------


def test_edit_distance_grows_with_the_word():
    assert [allowed_distance(word) for word in ("akk", "netz", "netzwek", "vernetzng")] == [
        0,
        1,
        1,
        2,
    ]


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("Netzwek", "netzwerk"),  # 7 letters, a letter missing
        ("Pankwo", "pankow"),  # two letters swapped count as one edit
        ("Verntzng", "vernetzung"),  # 8 letters: two edits
    ],
)
def test_a_misspelt_word_finds_its_pages_and_says_what_it_searched(client, typed, meant):
    html = search(client, "de", q=typed)
    assert result_urls(html)
    said = re.search(r'class="search-corrected">(.*?)</span>', html, re.S)
    assert said and meant in visible_text(said.group(1))


def test_too_many_typos_find_nothing_but_suggest_the_sites_word(client):
    """ "Lingxx" is two edits from "lingua": too many for six letters, so nothing is found,
    and the page offers the word the site has, linked."""
    html = search(client, "de", q="Lingxx")
    assert result_urls(html) == []
    suggestion = re.search(r'class="search-suggestion">(.*?)</p>', html, re.S)
    assert suggestion and "Meinten Sie" in suggestion.group(1)
    link = re.search(r'href="([^"]+)"', suggestion.group(1)).group(1)
    assert link == "?q=lingua"
    assert "/de/fachvernetzung/lingua-pankow/" in result_urls(search(client, "de", q="lingua"))


def test_a_word_the_site_has_is_not_corrected(client):
    html = search(client, "de", q="Netzwerk")
    assert "search-corrected" not in html


def test_suggestions_come_from_the_readers_language(client):
    html = search(client, "es", q="privacidd")  # Spanish for privacy, a letter missing
    assert "privacidad" in visible_text(html)


@override_settings(
    WAGTAILSEARCH_BACKENDS={"default": {"BACKEND": "search.database", "SEARCH_CONFIG": "simple"}}
)
def test_a_newly_published_word_is_in_the_vocabulary_at_once(client):
    """Publishing records the page's words and starts a new content generation. (The
    database backend only: an OpenSearch index would keep the page after this test.)"""
    page = ProjectPage.objects.get(locale__language_code="de", slug="migrapower")
    assert not vocabulary("de").knows("quartiersmanagement")
    page.intro = f"{page.intro} Quartiersmanagement"
    page.save_revision().publish()
    assert vocabulary("de").knows("quartiersmanagement")
    html = search(client, "de", q="Quartiersmanagment")
    assert page.url in result_urls(html)
    # Its passage quotes the text as published (search.models.PageWords keeps it).
    assert "<mark>Quartiersmanagement</mark>" in result_of(html, page.url)


def test_words_of_private_pages_are_never_suggested():
    from wagtail.models import PageViewRestriction

    from delivery.cache import purge

    page = Page.objects.get(locale__language_code="de", slug="migrapower")
    assert vocabulary("de").knows("fachberatung")
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    purge()
    assert not vocabulary("de").knows("fachberatung")


# --- German compounds -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("fachberatung", ("fach", "berat")),
        ("migrantenorganisationen", ("migrant", "organisation")),
        ("netzwerkarbeit", ("netzwerk", "arbeit")),
        ("beratung", ()),  # no compound
        ("vorstellung", ()),  # ends with no known word
        ("gesamt", ()),  # too short a head ("amt") is never split off
    ],
)
def test_compounds_split_at_known_words(word, parts):
    assert compound_parts(word) == parts


def test_a_word_finds_the_compounds_ending_with_it(client):
    """MigraPower has "Fachberatung" but never "Beratung" on its own."""
    html = search(client, "de", q="Beratung")
    url = project("de").url
    assert url in result_urls(html)
    assert "<mark>Fachberatung</mark>" in result_of(html, url)


@pytest.mark.parametrize(
    ("compound", "url"),
    [
        # No page says "Elternnetzwerk" or "Frauennetzwerk"; these networks are about
        # parents and women.
        ("Elternnetzwerk", "/de/fachvernetzung/befan/"),
        ("Frauennetzwerk", "/de/fachvernetzung/ag-frauen-in-trennung/"),
    ],
)
def test_a_compound_finds_pages_with_its_parts(client, compound, url):
    assert not vocabulary("de").knows(compound.lower())  # no page has the word itself
    assert url in result_urls(search(client, "de", q=compound))
