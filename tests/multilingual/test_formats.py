"""Dates and numbers as each language's readers write them (migraup/formats)."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.utils import translation
from wagtail.models import Locale

from archive.models import ArchiveEntryPage
from materials.models import MaterialIndexPage
from tests.page_types import LANGUAGES

DAY = datetime.date(2026, 12, 5)
MOMENT = datetime.datetime(2026, 12, 5, 15, 30, tzinfo=ZoneInfo("Europe/Berlin"))
# DATE_FORMAT, SHORT_DATE_FORMAT, MONTH_DAY_FORMAT, DATETIME_FORMAT of 5 December 2026, 15:30.
DATES = {
    "de": ("5. Dezember 2026", "05.12.2026", "5. Dezember", "5. Dezember 2026 15:30"),
    "en": ("5 December 2026", "05/12/2026", "5 December", "5 December 2026, 15:30"),
    "es": (
        "5 de diciembre de 2026",
        "05/12/2026",
        "5 de diciembre",
        "5 de diciembre de 2026 a las 15:30",
    ),
    "it": ("5 dicembre 2026", "05/12/2026", "5 dicembre", "5 dicembre 2026, 15:30"),
    "tr": ("5 Aralık 2026", "05.12.2026", "5 Aralık", "5 Aralık 2026 15:30"),
    # Day, month and year keep their order in a right-to-left line thanks to the RLMs.
    "ar": ("5 ديسمبر 2026", "05\u200f/12\u200f/2026", "5 ديسمبر", "5 ديسمبر 2026، 3:30 م"),
}


def render(source: str, language: str, **context) -> str:
    with translation.override(language):
        return Template(source).render(Context(context))


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_writes_dates_as_its_readers_do(language):
    formats = "DATE_FORMAT", "SHORT_DATE_FORMAT", "MONTH_DAY_FORMAT"
    rendered = [render(f'{{{{ day|date:"{name}" }}}}', language, day=DAY) for name in formats]
    rendered.append(render('{{ moment|date:"DATETIME_FORMAT" }}', language, moment=MOMENT))
    assert tuple(rendered) == DATES[language]


def test_arabic_numbers_have_western_digits_and_arabic_separators():
    assert render("{{ size|filesizeformat }}", "ar", size=1_234_567) == "1\u066b2\xa0م.ب"
    assert render('{{ amount|floatformat:"2g" }}', "ar", amount=1234.5) == "1\u066c234\u066b50"
    # German keeps its own: a comma before the decimals.
    assert render("{{ size|filesizeformat }}", "de", size=1_234_567) == "1,2\xa0MB"


# The date of an archive entry and the size of the German flyer (4.8 KB; each card on the
# materials page lists every file) as every language writes them.
DATES_AND_SIZES = {
    "de": ("4. März 2019", "4,8\xa0KB"),
    "en": ("4 March 2019", "4.8\xa0KB"),
    "es": ("4 de marzo de 2019", "4,8\xa0KB"),
    "it": ("4 marzo 2019", "4,8\xa0KB"),
    "tr": ("4 Mart 2019", "4,8\xa0KB"),
    "ar": ("4 مارس 2019", "4\u066b8\xa0ك.ب"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_show_dates_and_sizes_in_the_readers_form(client, language):
    german = ArchiveEntryPage.objects.filter(locale__language_code="de").first()
    entry = german.get_translation(Locale.objects.get(language_code=language))
    entry.year, entry.date = 2019, datetime.date(2019, 3, 4)
    entry.save_revision().publish()
    date, size = DATES_AND_SIZES[language]
    assert f'<time datetime="2019-03-04">{date}</time>' in client.get(entry.url).content.decode()
    materials = MaterialIndexPage.objects.get(locale__language_code=language)
    assert f" {size}, " in client.get(materials.url).content.decode()
