"""The glossary: its page A–Z in every language, the first use of each term explained on
content pages, the terms translated with wagtail-localize, and kept by editors."""

import html as html_module
import re

import pytest
from django.conf import settings
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from demo import content
from glossary.models import GlossaryPage, GlossaryTerm
from partners.models import PartnerPage
from projects.models import ProjectPage
from tests.reading import visible_text

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def get(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def buttons(html: str) -> list[tuple[str, str]]:
    """(popover id, text) of every marked term."""
    button = r'<button type="button" class="glossary-term" popovertarget="([^"]+)"[^>]*>'
    return re.findall(button + r"([^<]+)</button>", html)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_glossary_page_lists_every_term_a_to_z(client, language):
    page = GlossaryPage.objects.get(locale__language_code=language)
    html = get(client, page.url)
    entries = re.findall(
        r'<div class="glossary-entry" id="([^"]+)">\s*<dt><dfn>([^<]+)</dfn>', html
    )
    assert len(entries) == len(content.GLOSSARY)
    names = [html_module.unescape(name) for _anchor, name in entries]
    terms = GlossaryTerm.objects.filter(locale__language_code=language)
    assert sorted(names) == sorted(term.name for term in terms)
    # Grouped by initial, the letters linked at the top, in the order of the entries.
    letters = re.findall(
        r'<h2 id="(letter-\d+)" class="glossary-section__letter">([^<]+)</h2>', html
    )
    nav = re.findall(r'<li><a href="#(letter-\d+)">([^<]+)</a></li>', html)
    assert letters == nav and len(letters) > 3
    # Each term says its German word, in German.
    if language != "de":
        assert (
            "German:" in html or "Deutsch:" in html or 'lang="de" dir="ltr">Bezirksamt</b>' in html
        )
        assert '<b lang="de" dir="ltr">Bezirksamt</b>' in html
    # The glossary does not mark its own terms.
    assert buttons(html) == []


def test_initials_sort_accented_letters_with_their_base_letter():
    from glossary.terms import collation_key

    assert sorted(["Zentrum", "Öffnung", "Ausland", "Çalışma"], key=collation_key) == [
        "Ausland",
        "Çalışma",
        "Öffnung",
        "Zentrum",
    ]


def test_the_first_use_of_a_term_is_explained_one_tap_away(client):
    project = ProjectPage.objects.get(locale__language_code="de", slug="migrapower")
    html = get(client, project.url)
    marked = buttons(html)
    ids = [popover for popover, _text in marked]
    assert ("glossary-fachberatung", "Fachberatung") in marked
    assert len(ids) == len(set(ids))  # each term once, at its first use
    # Its explanation is on the page, in a popover the button opens, with a link on.
    popover = re.search(
        r'<div class="glossary-popover" id="glossary-fachberatung" popover>(.*?)</div>', html, re.S
    )
    assert popover
    term = GlossaryTerm.objects.get(locale__language_code="de", german="Fachberatung")
    assert term.explanation in visible_text(popover.group(1))
    glossary = GlossaryPage.objects.get(locale__language_code="de")
    assert f'href="{glossary.url}#fachberatung"' in popover.group(1)
    assert 'popovertargetaction="hide"' in popover.group(1)
    # The sentence reads as before.
    assert "Fachberatung für Migrant*innenorganisationen" in visible_text(html)


def test_headings_and_links_are_not_marked(client):
    """The partner page is called "Bezirksamt Pankow": its title is no button, its text is."""
    partner = PartnerPage.objects.get(locale__language_code="de", slug="bezirksamt-pankow")
    html = get(client, partner.url)
    h1 = re.search(r"<h1>(.*?)</h1>", html, re.S).group(1)
    assert "glossary-term" not in h1
    for link in re.findall(r"<a [^>]*>(.*?)</a>", html, re.S):
        assert "glossary-term" not in link


def test_in_another_language_its_term_and_german_words_are_marked(client):
    project = ProjectPage.objects.get(locale__language_code="es", slug="migrapower")
    html = get(client, project.url)
    marked = dict(buttons(html))
    assert marked["glossary-fachberatung"].lower() == "asesoramiento especializado"
    # A German word in the Spanish text is marked as German.
    assert re.search(r'popovertarget="glossary-bezirksamt" lang="de" dir="ltr">Bezirksamt<', html)
    popover = re.search(r'id="glossary-bezirksamt" popover>(.*?)</div>', html, re.S).group(1)
    assert "administración del distrito" in popover
    assert "Cerrar" in popover


def test_terms_are_translated_with_wagtail_localize():
    german = GlossaryTerm.objects.get(locale__language_code="de", german="Flyer")
    source = TranslationSource.objects.get_for_instance(german)
    assert Translation.objects.filter(source=source).count() == len(LANGUAGES) - 1
    spanish = german.get_translation(Locale.objects.get(language_code="es"))
    assert (spanish.german, spanish.term) == ("Flyer", "folleto")


def test_an_edited_explanation_shows_on_the_pages_at_once(client):
    project = ProjectPage.objects.get(locale__language_code="de", slug="migrapower")
    get(client, project.url)  # now in the page cache
    term = GlossaryTerm.objects.get(locale__language_code="de", german="Fachberatung")
    term.explanation = "Beratung durch Fachleute, neu erklärt."
    term.save()
    assert "Beratung durch Fachleute, neu erklärt." in get(client, project.url)


def test_editors_keep_the_terms_in_the_admin(admin_client):
    html = get(admin_client, "/admin/snippets/glossary/glossaryterm/?locale=de")
    for spec in content.GLOSSARY:
        assert html_module.escape(spec["german"], quote=False) in html, spec["german"]
    term = GlossaryTerm.objects.get(locale__language_code="de", german="Bezirksamt")
    assert "Deutscher Begriff" in get(
        admin_client, f"/admin/snippets/glossary/glossaryterm/edit/{term.pk}/"
    )


def test_a_one_letter_form_is_refused_with_a_reason(admin_client):
    term = GlossaryTerm.objects.get(locale__language_code="de", german="Träger")
    response = admin_client.post(
        f"/admin/snippets/glossary/glossaryterm/edit/{term.pk}/",
        {
            "german": "Träger",
            "german_variants": "Projektträger, T",
            "term": "Träger",
            "explanation": term.explanation,
        },
    )
    assert response.status_code == 200  # the form again, with what was typed
    page = response.content.decode()
    assert "Jede Form braucht mindestens zwei Zeichen: T" in page
    assert 'value="Projektträger, T"' in page
    term.refresh_from_db()
    assert term.german_variants == "Projektträger"
