"""Soft hyphens in headings' long words (multilingual.hyphenation), so that a phone breaks
“Migrationsgesellschaft” with a hyphen: Chromium here hyphenates nothing by itself."""

import threading
import time

import pytest
from django.template import Context, Template
from django.utils import translation
from wagtail.models import Locale

from multilingual import hyphenation
from projects.models import ProjectPage

SHY = "\u00ad"


def hyphenate(text: str, language: str) -> str:
    with translation.override(language):
        template = Template("{% load hyphenation_tags %}{{ text|hyphenate }}")
        return template.render(Context({"text": text}))


@pytest.mark.parametrize(
    ("language", "text", "hyphenated"),
    [
        ("de", "Migrationsgesellschaft", "Mi-gra-ti-ons-ge-sell-schaft"),
        # Words under twelve letters fit a line: left whole.
        ("de", "Netzwerk für Vielfalt", "Netzwerk für Vielfalt"),
        ("en", "Internationalisation", "In-ter-na-tion-al-isa-tion"),
        ("es", "Interculturalidad", "In-ter-cul-tu-ra-li-dad"),
        ("it", "Interculturalità", "In-ter-cul-tu-ra-lità"),
        # Turkish by its syllables: kül-tür, güç-len.
        ("tr", "Kültürlerarası Güçlendirilmesi", "Kül-tür-le-ra-rası Güç-len-di-ril-mesi"),
        # Arabic is not hyphenated, nor is a Latin name in it.
        ("ar", "التشبيك من أجل مجتمع الهجرة Migrationsgesellschaft", None),
    ],
)
def test_long_words_get_soft_hyphens_in_the_active_language(language, text, hyphenated):
    assert hyphenate(text, language) == (hyphenated or text).replace("-", SHY)


def test_the_filter_still_escapes_the_title():
    assert hyphenate("<b>Migrationsgesellschaft", "de").startswith("&lt;b&gt;Mi\u00adgra")


def test_threads_share_one_dictionary_loaded_once(monkeypatch):
    loads = []

    def slow_load(**options):
        loads.append(options["lang"])
        time.sleep(0.2)  # long enough for every thread to ask while it loads
        return object()

    monkeypatch.setattr(hyphenation, "_hyphenators", {})
    monkeypatch.setattr(hyphenation.pyphen, "Pyphen", slow_load)
    found = []
    threads = [
        threading.Thread(target=lambda: found.append(hyphenation.hyphenator("it")))
        for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert loads == ["it_IT"]
    assert len(found) == 4 and len({id(each) for each in found}) == 1


@pytest.mark.django_db
def test_a_german_page_header_hyphenates_its_long_word_but_not_its_head(client):
    page = ProjectPage.objects.get(locale__language_code="de", slug="kommune-interkulturell")
    html = client.get(page.url).content.decode()
    assert f"<h1>Kommune In{SHY}ter{SHY}kul{SHY}tu{SHY}rell</h1>" in html
    # The title, meta tags and structured data are read by machines: no soft hyphens.
    head = html[: html.index("</head>")]
    assert SHY not in head and "<title>Kommune Interkulturell – migraUp! Pankow</title>" in head


@pytest.mark.django_db
def test_project_cards_hyphenate_their_titles_in_the_pages_language(client):
    index = ProjectPage.objects.get(locale__language_code="de", slug="kommune-interkulturell")
    german = client.get(index.get_parent().url).content.decode()
    assert f">Kommune In{SHY}ter{SHY}kul{SHY}tu{SHY}rell</a></h2>" in german
    arabic = index.get_parent().get_translation(Locale.objects.get(language_code="ar"))
    assert SHY not in client.get(arabic.url).content.decode()
