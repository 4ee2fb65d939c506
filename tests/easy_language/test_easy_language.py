"""Pages in Einfache Sprache (plain German): reachable from the page and from the language
switcher in every language, German only, with readability hints for editors; the demo's
versions are faithful to the seeds and pass the hints."""

import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from wagtail.models import Locale, Page
from wagtail.users.models import UserProfile

from demo import content
from demo.management.commands.load_demo_content import translation_key
from easy_language import readability
from easy_language.models import EasyLanguagePage
from home.models import HomePage
from networks.models import NetworkPage
from projects.models import ProjectIndexPage, ProjectPage
from tests.delivery.test_query_budget import QUERY_BUDGET, evict_page

pytestmark = pytest.mark.django_db

SEEDS_DIR = Path(settings.BASE_DIR).parent / "shared" / "seeds"
EASY_MIGRAPOWER = "/de/projekte/migrapower/einfache-sprache/"


def german(model, **filters):
    return model.objects.get(locale__language_code="de", **filters)


def in_language(page: Page, language: str) -> Page:
    return page.get_translation(Locale.objects.get(language_code=language))


def html_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def switcher_links(html: str) -> list[dict]:
    """The language switcher's links: text, href, lang, hreflang, aria-current."""
    nav = html[html.index('class="language-switcher"') :]
    nav = nav[: nav.index("</nav>")]
    links = []
    for attributes, text in re.findall(r"<a ([^>]*)>([^<]*)</a>", nav):
        link = dict(re.findall(r'([\w-]+)="([^"]*)"', attributes))
        links.append({**link, "text": text})
    return links


def page_link(html: str) -> str | None:
    """The link to the version in Einfache Sprache near the top of the content."""
    found = re.search(r'<p class="easy-language-link">(.*?)</p>', html)
    return found.group(1) if found else None


# --- reachable from the page and from the switcher ----------------------------------------


def test_a_german_page_links_to_its_version_near_the_top(client):
    html = html_of(client, "/de/projekte/migrapower/")
    link = page_link(html)
    assert link == (f'<a href="{EASY_MIGRAPOWER}" hreflang="de" lang="de">Einfache Sprache</a>')
    # Before the page's own heading, first thing in the content.
    main = html[html.index("<main") :]
    assert main.index("easy-language-link") < main.index("<h1")


@pytest.mark.parametrize("language", ["en", "es", "it", "tr", "ar"])
def test_a_translation_links_to_the_german_version(client, language):
    project = in_language(german(ProjectPage, slug="migrapower"), language)
    html = html_of(client, project.url)
    link = page_link(html)
    # Arabic pages isolate the German name from the text around it (multilingual.bidi).
    name = "<bdi>Einfache Sprache</bdi>" if language == "ar" else "Einfache Sprache"
    assert f'<a href="{EASY_MIGRAPOWER}" hreflang="de" lang="de">{name}</a>' in link
    # The reader is told, in their language, that it is German.
    assert '<span class="easy-language-link__note">' in link


def test_the_note_on_translations_speaks_the_readers_language(client):
    project = german(ProjectPage, slug="migrapower")
    assert "(sade Almanca)" in page_link(html_of(client, in_language(project, "tr").url))
    assert "(plain German)" in page_link(html_of(client, in_language(project, "en").url))
    assert "easy-language-link__note" not in page_link(html_of(client, project.url))


def test_the_switcher_offers_einfache_sprache_after_german(client):
    turkish = in_language(german(ProjectPage, slug="migrapower"), "tr")
    for url in ("/de/projekte/migrapower/", turkish.url):
        links = switcher_links(html_of(client, url))
        assert [link["text"] for link in links[:2]] == ["Deutsch", "Einfache Sprache"], url
        easy = links[1]
        assert easy["href"] == EASY_MIGRAPOWER
        assert easy["lang"] == "de" and easy["hreflang"] == "de"
        assert "aria-current" not in easy
        assert len(links) == 7


def test_pages_without_a_version_offer_none(client):
    html = html_of(client, "/de/fachvernetzung/lingua-pankow/")
    assert page_link(html) is None
    assert "Einfache Sprache" not in [link["text"] for link in switcher_links(html)]


def test_the_home_page_in_every_language_leads_to_its_version(client):
    for code, _name in settings.LANGUAGES:
        html = html_of(client, f"/{code}/")
        assert 'href="/de/einfache-sprache/" hreflang="de" lang="de"' in page_link(html), code


# --- the version itself --------------------------------------------------------------------


def test_the_version_is_german_and_leads_back_to_the_full_page(client):
    html = html_of(client, EASY_MIGRAPOWER)
    assert '<html lang="de" dir="ltr">' in html
    assert re.search(
        r'<p class="easy-language__note" lang="de">Das ist die Seite in Einfacher Sprache\. '
        r'<a href="/de/projekte/migrapower/" hreflang="de">Zur ausführlichen Seite</a></p>',
        html,
    )
    assert '<article class="easy-language">' in html
    # No link to itself.
    assert page_link(html) is None


def test_on_the_version_the_switcher_marks_it_and_leads_to_the_full_pages(client):
    project = german(ProjectPage, slug="migrapower")
    links = {link["text"]: link for link in switcher_links(html_of(client, EASY_MIGRAPOWER))}
    assert links["Einfache Sprache"]["aria-current"] == "true"
    assert "aria-current" not in links["Deutsch"]
    assert links["Deutsch"]["href"] == project.url
    # The other languages lead to the project in that language, not to their home pages.
    for name, code in (("English", "en"), ("Türkçe", "tr"), ("العربية", "ar")):
        assert links[name]["href"] == in_language(project, code).url
        assert "title" not in links[name]


def test_the_version_is_no_translation_of_its_page_for_search_engines(client):
    html = html_of(client, EASY_MIGRAPOWER)
    alternates = re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', html)
    assert alternates == [
        ("de", f"http://testserver{EASY_MIGRAPOWER}"),
        ("x-default", f"http://testserver{EASY_MIGRAPOWER}"),
    ]
    full = html_of(client, "/de/projekte/migrapower/")
    assert "einfache-sprache" not in "".join(re.findall(r'<link rel="alternate"[^>]*>', full))


@pytest.mark.parametrize(
    "url",
    [
        "/tr/einfache-sprache/",
        "/en/einfache-sprache/",
        "/ar/projects/migrapower/einfache-sprache/",
        "/tr/projeler/migrapower/einfache-sprache/",
    ],
)
def test_other_languages_have_no_version_of_their_own(client, url):
    assert client.get(url).status_code == 404


def test_a_draft_version_is_not_offered(client):
    version = german(EasyLanguagePage, url_path__endswith="/migrapower/einfache-sprache/")
    assert page_link(html_of(client, "/de/projekte/migrapower/"))
    version.unpublish()
    html = html_of(client, "/de/projekte/migrapower/")
    assert page_link(html) is None
    assert "Einfache Sprache" not in [link["text"] for link in switcher_links(html)]
    tr = in_language(german(ProjectPage, slug="migrapower"), "tr")
    assert page_link(html_of(client, tr.url)) is None


def test_a_new_version_is_offered_at_once_and_costs_the_page_no_query(
    client, django_assert_max_num_queries
):
    network = german(NetworkPage, slug="lingua-pankow")
    html_of(client, network.url)  # cached without a version
    version = EasyLanguagePage(title="Einfache Sprache: Lingua Pankow", slug="einfache-sprache")
    network.add_child(instance=version)
    version.save_revision().publish()
    english = in_language(network, "en")
    assert page_link(html_of(client, english.url)).startswith(f'<a href="{version.url}"')
    # Once the site-wide map of versions is cached, the link costs no query: the page
    # makes as many as a page without a version (the query budget).
    evict_page(english.url)
    with django_assert_max_num_queries(QUERY_BUDGET):
        assert page_link(html_of(client, english.url))


# --- page type rules -----------------------------------------------------------------------


def test_it_lives_below_the_pages_it_simplifies_once_each():
    project = german(ProjectPage, slug="migrapower")
    assert EasyLanguagePage.can_create_at(german(NetworkPage, slug="lingua-pankow"))
    assert not EasyLanguagePage.can_create_at(project)  # it has one already
    assert not EasyLanguagePage.can_create_at(german(ProjectIndexPage))
    assert set(EasyLanguagePage.allowed_parent_page_models()) >= {HomePage, ProjectPage}
    assert EasyLanguagePage.allowed_subpage_models() == []


def test_listings_and_menus_are_unaffected(client):
    html = html_of(client, "/de/projekte/")
    assert html.count('class="card"') == 3
    home = html_of(client, "/de/")
    menu = home[home.index('id="main-nav-list"') :]
    menu = menu[: menu.index("</ul>")]
    assert "einfache-sprache" not in menu
    cards = home[home.index('id="home-projects"') :]
    assert "einfache-sprache" not in cards[: cards.index("</section>")]


def test_a_translation_made_by_an_editor_breaks_nothing(client):
    """It is German by nature and the demo never translates it; should an editor do it
    anyway, the copy is a page of its language and readers still get the German one."""
    version = german(EasyLanguagePage, url_path__endswith="/migrapower/einfache-sprache/")
    copy = version.copy_for_translation(Locale.objects.get(language_code="tr"))
    copy.save_revision().publish()
    html = html_of(client, copy.url)
    assert '<html lang="tr"' in html
    assert "Zur ausführlichen Seite" in html
    tr = in_language(german(ProjectPage, slug="migrapower"), "tr")
    assert EASY_MIGRAPOWER in page_link(html_of(client, tr.url))


def test_the_dashboard_does_not_ask_to_translate_it(client, editor):
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert "Einfache Sprache: MigraPower" not in html


# --- readability ---------------------------------------------------------------------------

LONG = (
    "Das Projekt verfolgt das Ziel die Arbeitsmarktpolitik für Migrantinnen und "
    "Geflüchtete in den Berliner Bezirken nachhaltig und dauerhaft zu fördern."
)


def test_short_plain_sentences_get_no_hints():
    result = readability.analyse("Das ist MigraPower.\nDas Projekt ist in Pankow. Es hilft MO.")
    assert (result.sentences, result.words) == (3, 11)
    assert readability.readability_hints("Das ist MigraPower. Es hilft MO.") == []


def test_a_long_sentence_is_quoted_with_its_length():
    result = readability.analyse(f"Kurz. {LONG}")
    assert result.sentences == 2
    assert [(s.start, s.words) for s in result.long_sentences] == [
        ("Das Projekt verfolgt das Ziel die …", 20)
    ]


def test_sentences_end_at_punctuation_and_at_every_line():
    text = "Ziele: eins zwei drei! Wer? Das ist so; gut\nÜberschrift ohne Punkt\nNoch eins"
    assert readability.analyse(text).sentences == 7
    # 16 words in one sentence, but split into lines (paragraphs, list items): fine.
    assert readability.analyse("\n".join(["eins zwei drei vier"] * 4)).long_sentences == []
    # "e.V." before a space ends a sentence; a dot inside a word or number does not.
    assert readability.analyse("Der Verein 1.000 www.via-in-berlin.de e.V. und VIA.").sentences == 2


def test_long_words_unless_split_by_hyphen_or_mediopunkt():
    text = (
        "Arbeitsmarktintegration und Arbeits·markt·integration und Arbeitsmarkt-Integration, "
        "Migrant*innenorganisationen, Interkulturell, „Willkommenskultur“."
    )
    assert readability.analyse(text).long_words == [
        "Arbeitsmarktintegration",
        "Migrant*innenorganisationen",
        "Willkommenskultur",
    ]
    # Addresses are not words; each long word is named once.
    text = "maria.oikonomidou@via-in-berlin.de https://example.org/Verwaltungsvorschriften"
    assert readability.analyse(text).long_words == []
    assert readability.analyse("Verwaltungsvorschrift Verwaltungsvorschrift").long_words == [
        "Verwaltungsvorschrift"
    ]


def test_a_high_average_is_a_hint_of_its_own():
    sentence = " ".join(["Wort"] * 13) + "."
    result = readability.analyse(f"{sentence} {sentence}")
    assert result.average == 13 and result.long_sentences == []
    hints = readability.readability_hints(f"{sentence} {sentence}")
    assert len(hints) == 1 and "13" in hints[0]


def test_hints_speak_the_editors_language():
    from django.utils import translation

    with translation.override("de"):
        hints = readability.readability_hints(LONG)
        assert hints[0].startswith("Satz mit 20 Wörtern")
        assert hints[1].startswith("Langes Wort (mehr als 14 Buchstaben): Arbeitsmarktpolitik")
    with translation.override("en"):
        assert readability.readability_hints(LONG)[0].startswith("Sentence with 20 words")


def test_rich_text_is_read_paragraph_by_paragraph():
    html = "<p>Eins zwei</p><ul><li>drei</li><li>vier &amp; fünf</li></ul><h3>Titel</h3>"
    assert readability.text_of_html(html).split("\n")[:4] == [
        "Eins zwei",
        "drei",
        "vier & fünf",
        "Titel",
    ]
    assert readability.analyse(readability.text_of_html(html)).sentences == 4


# --- the editor's panel ----------------------------------------------------------------------


def test_the_edit_form_shows_the_hints_of_the_saved_text(client, editor):
    version = german(EasyLanguagePage, url_path__endswith="/migrapower/einfache-sprache/")
    client.force_login(editor)
    html = client.get(f"/admin/pages/{version.pk}/edit/").content.decode()
    assert "Lesbarkeit" in html
    assert "Keine Hinweise" in html and "data-readability-ok hidden" not in html
    assert "/static/js/readability.js" in html

    version.intro = LONG
    version.save_revision(user=editor)  # a draft: the form shows the latest revision
    html = client.get(f"/admin/pages/{version.pk}/edit/").content.decode()
    hints = re.search(r"<ul class=\"readability__hints\" data-readability-hints>(.*?)</ul>", html)
    assert "Satz mit 20 Wörtern (höchstens 15): „Das Projekt verfolgt das Ziel die …“" in (
        hints.group(1)
    )
    assert "Arbeitsmarktpolitik" in hints.group(1)
    assert "data-readability-ok hidden" in html


def test_the_panel_speaks_english_to_an_english_editor(client, editor):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    version = german(EasyLanguagePage, url_path__endswith="/migrapower/einfache-sprache/")
    client.force_login(editor)
    html = client.get(f"/admin/pages/{version.pk}/edit/").content.decode()
    assert "Readability" in html and "No hints: the sentences and words are short." in html


def test_a_new_version_starts_with_the_expected_slug_and_title(client, editor):
    network = german(NetworkPage, slug="lingua-pankow")
    client.force_login(editor)
    response = client.get(f"/admin/pages/add/easy_language/easylanguagepage/{network.pk}/")
    html = response.content.decode()
    assert re.search(r'name="slug"[^>]*value="einfache-sprache"', html)
    assert re.search(r'name="title"[^>]*value="Einfache Sprache: Lingua Pankow"', html)


# --- the demo content ----------------------------------------------------------------------

DEMO_PARENTS = {
    "home": "/de/",
    "projects/migrapower": "/de/projekte/migrapower/",
    "projects/kommune-interkulturell": "/de/projekte/kommune-interkulturell/",
    "projects/willkommen-in-berlin": "/de/projekte/willkommen-in-berlin/",
}


def test_the_demo_has_versions_of_the_home_page_and_the_three_projects(client):
    assert {spec["parent"] for spec in content.EASY_LANGUAGE} == set(DEMO_PARENTS)
    for spec in content.EASY_LANGUAGE:
        page = german(EasyLanguagePage, translation_key=translation_key(spec["key"]))
        assert page.live and page.url == DEMO_PARENTS[spec["parent"]] + "einfache-sprache/"
        assert page.get_parent().translation_key == translation_key(spec["parent"])
        assert spec["title"] in html_of(client, page.url)
        # German only: the demo translates none of them.
        assert not page.get_translations().exists()


def test_the_demo_versions_pass_the_readability_hints():
    for spec in content.EASY_LANGUAGE:
        page = german(EasyLanguagePage, translation_key=translation_key(spec["key"]))
        text = page.readability_text()
        assert text.count("\n") > 10, spec["key"]
        assert readability.readability_hints(text) == [], spec["key"]


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        skipped = {"key", "parent", "seeds", "source", "slug", "type", "level"}
        return [s for k, v in value.items() if k not in skipped for s in _strings(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in _strings(v)]
    return []


def test_the_demo_versions_say_only_what_their_seeds_say():
    """Rewritten, not copied: every number and every capitalised word (names, places,
    nouns) of a version is in the seed it renders, or one of the everyday words listed in
    the demo content, so no person, date, number or place is invented."""
    corrections = content.SEED_CORRECTIONS
    checked = 0
    for spec in content.EASY_LANGUAGE:
        assert spec["source"] == content.PLAIN_LANGUAGE
        seeds = "\n".join((SEEDS_DIR / name).read_text() for name in spec["seeds"])
        for wrong, right in corrections.items():
            seeds = seeds.replace(wrong, right)
        corpus = seeds.casefold()
        unknown = []
        for text in _strings(spec):
            for word in re.findall(r"[^\W_]+", re.sub(r"<[^>]+>", " ", text)):
                if not (word[0].isupper() or any(c.isdigit() for c in word)):
                    continue
                checked += 1
                if word.casefold() not in corpus and word not in content.PLAIN_LANGUAGE_WORDS:
                    unknown.append(word)
        assert unknown == [], spec["key"]
    assert checked > 150


def test_update_brings_a_changed_version_back():
    spec = content.EASY_LANGUAGE[1]
    page = german(EasyLanguagePage, translation_key=translation_key(spec["key"]))
    page.intro = "Von einer Redakteurin geändert."
    page.save_revision().publish()
    call_command("load_demo_content", stdout=io.StringIO())
    page.refresh_from_db()
    assert page.intro == "Von einer Redakteurin geändert."
    out = io.StringIO()
    call_command("load_demo_content", "--update", stdout=out)
    page.refresh_from_db()
    assert page.intro == spec["intro"]
    assert "Einfache Sprache: MigraPower" in out.getvalue()
