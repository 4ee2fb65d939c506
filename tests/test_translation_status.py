"""The dashboard's translation panel: per language, what is missing and what is out of date,
from wagtail-localize's own records."""

import re

import pytest
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from core.models import StandardPage
from core.translation_status import translation_overview
from home.models import HomePage
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
