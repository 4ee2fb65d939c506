"""Latin names in right-to-left pages isolated in <bdi> (multilingual.bidi), so that the
dot of “e.V.” or the “!” of “migraUp!” stays with them."""

import pytest
from django.core.cache import cache
from django.test import Client
from wagtail.models import Locale

from multilingual import bidi
from multilingual.bidi import isolate_ltr_runs
from partners.models import PartnerPage


def rtl(body: str) -> str:
    return f'<!DOCTYPE html><html lang="ar" dir="rtl"><body>{body}</body></html>'


@pytest.mark.parametrize(
    ("text", "isolated"),
    [
        # The abbreviation's dot belongs to the name; a sentence's dot does not.
        ("مشروع من MaMis en Movimiento e.V.", "مشروع من <bdi>MaMis en Movimiento e.V.</bdi>"),
        ("نودّع migraUp!.", "نودّع <bdi>migraUp!</bdi>."),
        ("مع VIA.", "مع <bdi>VIA</bdi>."),
        (
            "لجميع Migrant*innen و Migrant:innen",
            "لجميع <bdi>Migrant*innen</bdi> و <bdi>Migrant:innen</bdi>",
        ),
        ("شارع Petersburger Straße 92، برلين", "شارع <bdi>Petersburger Straße 92</bdi>، برلين"),
        # A size belongs to its Arabic unit.
        ("(PDF، 4٫6 ك.ب)", "(<bdi>PDF</bdi>، 4٫6 ك.ب)"),
        # Web and e-mail addresses whole, the sentence's dot after them.
        (
            "انظر https://www.via-in-berlin.de/. شكرًا",
            "انظر <bdi>https://www.via-in-berlin.de/</bdi>. شكرًا",
        ),
        ("اكتبوا إلى info@migraup.de.", "اكتبوا إلى <bdi>info@migraup.de</bdi>."),
        # Brackets stay in pairs; a lone one leaves the run as it was.
        ("مع Verband (VIA) هنا", "مع <bdi>Verband (VIA)</bdi> هنا"),
        ("مع Verband (VIA هنا", "مع Verband (VIA هنا"),
        # Character references stay intact.
        ("مع Kunst &amp; Kultur e.V.", "مع <bdi>Kunst &amp; Kultur e.V.</bdi>"),
        # Letters beyond the basic plane: left-to-right (mathematical bold, Gothic) and
        # right-to-left ones (Phoenician, Adlam).
        ("مع 𝐕𝐈𝐀.", "مع <bdi>𝐕𝐈𝐀</bdi>."),
        ("مع 𐌰𐌱 و VIA", "مع <bdi>𐌰𐌱</bdi> و <bdi>VIA</bdi>"),
        ("نص 𐤀𐤁 MaMis e.V. 𞤀", "نص 𐤀𐤁 <bdi>MaMis e.V.</bdi> 𞤀"),
    ],
)
def test_latin_runs_in_arabic_sentences_are_isolated(text, isolated):
    assert isolate_ltr_runs(rtl(f"<p>{text}</p>")) == rtl(f"<p>{isolated}</p>")


def test_a_name_inside_a_link_is_isolated_inside_it():
    html = '<li><a href="/ar/projects/migrapower/">MigraPower</a> – الجهة المنفِّذة</li>'
    expected = (
        '<li><a href="/ar/projects/migrapower/"><bdi>MigraPower</bdi></a> – الجهة المنفِّذة</li>'
    )
    assert isolate_ltr_runs(rtl(html)) == rtl(expected)


def test_text_for_screen_readers_only_is_no_neighbour_of_the_visible_text():
    # The file list of a material: a hidden “Download … Willkommen in Berlin: ” before the
    # language, whose Latin end would otherwise seem to continue in “PDF”.
    html = (
        '<li><a href="/documents/1/f.pdf"><span class="visually-hidden">تنزيل منشور '
        'Willkommen in Berlin: </span><span lang="de" dir="ltr">Deutsch</span></a> '
        "<span>(PDF, 4٫6 ك.ب, صفحتان)</span></li>"
    )
    expected = html.replace("Willkommen in Berlin", "<bdi>Willkommen in Berlin</bdi>").replace(
        "(PDF,", "(<bdi>PDF</bdi>,"
    )
    assert isolate_ltr_runs(rtl(html)) == rtl(expected)


def test_an_address_over_two_lines_is_isolated_line_by_line():
    html = "<dd>Petersburger Straße 92<br>10247 Berlin</dd>"
    expected = "<dd><bdi>Petersburger Straße 92</bdi><br><bdi>10247 Berlin</bdi></dd>"
    assert isolate_ltr_runs(rtl(html)) == rtl(expected)


@pytest.mark.parametrize(
    "html",
    [
        # Isolated already.
        "<p>مشروع من <bdi>MaMis en Movimiento e.V.</bdi></p>",
        '<p>هاتف <a href="tel:+4930123" dir="ltr">+49 30 123 – Zentrale e.V.</a></p>',
        '<p>بريد <span dir="auto">info@migraup.de</span></p>',
        # One name over two elements is one stretch for the bidi algorithm: cutting it into
        # two isolates would swap its halves.
        '<a href="/ar/"><span>migraUp!</span> <span>Pankow</span></a>',
        # Attribute values, scripts, styles, form controls' texts.
        '<a href="https://example.org/e.V." title="MigraPower e.V.">الرئيسية</a>',
        '<script>const name = "MigraPower e.V.";</script>',
        '<style>p::after { content: "e.V."; }</style>',
        "<textarea>مرحبا MigraPower e.V.</textarea>"
        "<select><option>مرحبا MigraPower e.V.</option></select>",
        "<pre>مرحبا MigraPower e.V.</pre>",
        # Left-to-right content in a right-to-left page.
        '<blockquote dir="ltr"><p>Ein Projekt von MaMis en Movimiento e.V.</p></blockquote>',
    ],
)
def test_what_is_not_right_to_left_text_stays_as_it_was(html):
    assert isolate_ltr_runs(rtl(html)) == rtl(html)


def test_the_head_and_left_to_right_documents_stay_as_they_were():
    head = "<head><title>MaMis en Movimiento e.V. – migraUp!</title></head>"
    document = rtl("<p>مشروع من MaMis en Movimiento e.V.</p>").replace("<body>", head + "<body>")
    assert isolate_ltr_runs(document).count("<bdi>") == 1
    assert head in isolate_ltr_runs(document)
    german = rtl("<p>Ein Projekt von MaMis e.V.</p>").replace('"ar" dir="rtl"', '"de" dir="ltr"')
    assert isolate_ltr_runs(german) == german


def ltr(body: str) -> str:
    return f'<!DOCTYPE html><html lang="en" dir="ltr"><body>{body}</body></html>'


ARABIC_NAME = '<a href="/documents/4/f-ar.pdf"><span lang="ar" dir="rtl">العربيّة</span></a>'


def test_a_left_to_right_page_naming_a_language_in_arabic_is_not_read(monkeypatch):
    # A material's file list in an English page: Arabic text alone has nothing to isolate,
    # so the document is returned without being read.
    def not_read(document):
        raise AssertionError("the document was read")

    monkeypatch.setattr(bidi, "_read", not_read)
    document = ltr(f"<ul><li>{ARABIC_NAME}</li><li>{ARABIC_NAME}</li></ul>")
    assert isolate_ltr_runs(document) == document


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        # Right-to-left text alone, with a Latin run in it.
        ('<span dir="rtl">مع VIA.</span>', '<span dir="rtl">مع <bdi>VIA</bdi>.</span>'),
        # A right-to-left part holding elements, next to an Arabic name.
        (
            f'{ARABIC_NAME}<p dir="rtl">مشروع من <em>MaMis en Movimiento e.V.</em></p>',
            f'{ARABIC_NAME}<p dir="rtl">مشروع من <em><bdi>MaMis en Movimiento e.V.</bdi></em></p>',
        ),
        # A Latin letter written as a character reference.
        ('<span dir="rtl">مع &#86;IA.</span>', '<span dir="rtl">مع <bdi>VIA</bdi>.</span>'),
    ],
)
def test_right_to_left_parts_in_a_left_to_right_page_are_still_isolated(html, expected):
    assert isolate_ltr_runs(ltr(html)) == ltr(expected)


# --- Pages ------------------------------------------------------------------------------------

ISOLATED_NAME = "<bdi>MaMis en Movimiento e.V.</bdi>"


@pytest.mark.django_db
def test_the_arabic_home_page_isolates_the_partners_name_and_the_cache_keeps_it(client):
    first = client.get("/ar/")
    # The footer's sentence: "… for the migration society in Berlin-Pankow, 2015–2025."
    assert "مجتمع الهجرة في <bdi>Berlin-Pankow</bdi>، 2015–2025." in first.content.decode()
    again = client.get("/ar/")
    assert again["X-Cache"] == "HIT"
    assert again.content == first.content
    assert int(first["Content-Length"]) == len(first.content)


@pytest.mark.django_db
def test_the_arabic_partner_page_isolates_its_title_and_leaves_its_head_alone(client):
    german = PartnerPage.objects.get(locale__language_code="de", slug="mamis-en-movimiento")
    arabic = german.get_translation(Locale.objects.get(language_code="ar"))
    html = client.get(arabic.url).content.decode()
    assert f"<h1>{ISOLATED_NAME}</h1>" in html
    head = html[: html.index("</head>")]
    assert (
        "<bdi>" not in head and "<title>MaMis en Movimiento e.V. – migraUp! Pankow</title>" in head
    )


@pytest.mark.django_db
def test_german_pages_are_left_as_they_are(client, settings):
    partner = PartnerPage.objects.get(locale__language_code="de", slug="mamis-en-movimiento")
    urls = ["/de/", partner.url]
    pages = [client.get(url).content.decode() for url in urls]
    # The footer's partner link, as the template wrote it.
    assert "<bdi>MaMis en Movimiento e.V.</bdi>" in pages[0]
    settings.MIDDLEWARE = [
        name for name in settings.MIDDLEWARE if not name.endswith("BidiIsolationMiddleware")
    ]
    cache.clear()
    without = Client()  # loads the middleware anew
    assert [without.get(url).content.decode() for url in urls] == pages
