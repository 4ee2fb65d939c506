"""The dashboard's translation panel: per language, what is missing and what is out of date,
from wagtail-localize's own records."""

import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationLog, TranslationSource

from core.models import StandardPage
from home.models import HomePage
from multilingual.translation_status import translation_overview
from projects.models import ProjectPage

pytestmark = pytest.mark.django_db


def status_of(language: str):
    return next(s for s in translation_overview() if s.locale.language_code == language)


def panel(client, editor) -> str:
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    start = html.index('id="translation-status')
    return html[start : html.index("</table>", start)]


def test_the_demo_content_is_fully_translated(client, editor):
    for status in translation_overview():
        assert status.translated and not status.untranslated and not status.out_of_date
    html = panel(client, editor)
    assert "Übersetzungen" in html
    for language in ("English", "Español", "Italiano", "Türkçe", "العربية"):
        assert language in html


def test_a_new_german_page_is_listed_as_untranslated_with_a_link_to_translate_it(client, editor):
    home = HomePage.objects.get(locale__language_code="de")
    page = home.add_child(instance=StandardPage(title="Barrierefreiheit", slug="barrierefreiheit"))
    page.save_revision().publish()

    assert [p.pk for p in status_of("tr").untranslated] == [page.pk]
    html = panel(client, editor)
    assert f'href="/admin/localize/submit/page/{page.pk}/">Barrierefreiheit</a>' in html


def test_a_changed_original_makes_its_translations_out_of_date_until_they_are_synced(
    client, editor, django_capture_on_commit_callbacks
):
    german = ProjectPage.objects.get(locale__language_code="de", slug="migrapower")
    turkish = german.get_translation(Locale.objects.get(language_code="tr"))
    german.subtitle = "Fachberatung für Migrant*innenorganisationen in Pankow"
    german.save_revision().publish()

    assert [item.page.pk for item in status_of("tr").out_of_date] == [turkish.pk]
    html = panel(client, editor)
    assert re.search(rf'href="/admin/pages/{turkish.pk}/edit/">MigraPower</a>', html)
    # With the time: both on the same day would otherwise read as if nothing had changed.
    moment = r"\d\d\.\d\d\.\d{4} \d\d:\d\d"
    assert re.search(rf"\(deutsches Original {moment}, Übersetzung {moment}\)", html)

    # An editor updates the translation with wagtail-localize and publishes it.
    source = TranslationSource.objects.get(object_id=german.translation_key)
    source.update_from_db()
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes then
        translation = Translation.objects.get(source=source, target_locale=turkish.locale)
        translation.save_target(publish=True)
    assert status_of("tr").out_of_date == []
    # The other languages still wait for theirs.
    assert [item.page.title for item in status_of("ar").out_of_date] == ["MigraPower"]


def test_drafts_of_the_original_do_not_count(editor):
    german = ProjectPage.objects.get(locale__language_code="de", slug="migrapower")
    german.subtitle = "Entwurf"
    german.save_revision()
    assert status_of("en").out_of_date == []


# --- The note readers see -------------------------------------------------------------------


def note(client, url: str) -> str:
    html = client.get(url).content.decode()
    match = re.search(r'<aside class="translation-note.*?</aside>', html, re.S)
    return match.group(0) if match else ""


def test_a_translated_page_says_when_it_was_translated_from_german(client):
    german = ProjectPage.objects.get(locale__language_code="de", slug="migrapower")
    turkish = german.get_translation(Locale.objects.get(language_code="tr"))
    # The date is wagtail-localize's record of the translation, not a field editors type;
    # the original was last published before it.
    TranslationLog.objects.filter(source__object_id=german.translation_key).update(
        created_at=datetime(2025, 3, 14, 10, 0, tzinfo=UTC)
    )
    Page.objects.filter(pk=german.pk).update(last_published_at=datetime(2025, 3, 1, tzinfo=UTC))

    html = note(client, turkish.url)
    assert '<time datetime="2025-03-14">14 Mart 2025</time>' in html
    assert "Almancadan" in html and "güncellendi" not in html
    italian = german.get_translation(Locale.objects.get(language_code="it"))
    assert '<time datetime="2025-03-14">14 marzo 2025</time>' in note(client, italian.url)
    # German pages are the originals: no note.
    assert note(client, german.url) == ""


def test_a_changed_original_is_announced_with_a_link_until_the_translation_follows(
    client, django_capture_on_commit_callbacks
):
    german = ProjectPage.objects.get(locale__language_code="de", slug="migrapower")
    english = german.get_translation(Locale.objects.get(language_code="en"))
    TranslationLog.objects.filter(source__object_id=german.translation_key).update(
        created_at=datetime(2025, 3, 14, 10, 0, tzinfo=UTC)
    )
    german.subtitle = "Fachberatung für Migrant*innenorganisationen in Pankow"
    german.save_revision().publish()
    german.refresh_from_db()

    html = note(client, english.url)
    assert "translation-note--outdated" in html
    assert "Translated from German on" in html
    updated = german.last_published_at.astimezone(ZoneInfo("Europe/Berlin"))
    assert f'The German original was updated on <time datetime="{updated:%Y-%m-%d}">' in html
    assert '<a href="/de/projekte/migrapower/" hreflang="de">Read the German original</a>' in html

    source = TranslationSource.objects.get(object_id=german.translation_key)
    source.update_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        Translation.objects.get(source=source, target_locale=english.locale).save_target(
            publish=True
        )
    html = note(client, english.url)
    assert "Translated from German on" in html and "translation-note--outdated" not in html
    # The other languages still say so.
    assert "translation-note--outdated" in note(
        client, german.get_translation(Locale.objects.get(language_code="ar")).url
    )


@pytest.mark.parametrize("language", ["en", "es", "it", "tr", "ar"])
def test_every_translated_page_type_carries_the_note(client, language):
    from tests.page_types import pages_in, url_of

    for name in pages_in(language):  # not the pages that exist in German only
        url = url_of(name, language)
        assert 'class="translation-note' in client.get(url).content.decode(), (name, language)
