"""Editors translate with wagtail-localize in the admin: submit, translate, publish, PO
download/upload, sync after the German source changed, the report, snippets."""

from urllib.parse import urlencode

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from core.models import StandardPage
from home.models import HomePage
from team.models import TeamMember

pytestmark = pytest.mark.django_db


@pytest.fixture
def translator(client, editor):
    """A Moderator: the group may submit translations (wagtail-localize's migration)."""
    assert editor.has_perm("wagtail_localize.submit_translation")
    client.force_login(editor)
    return client


@pytest.fixture
def german_page():
    home = HomePage.objects.get(locale__language_code="de")
    page = StandardPage(title="Neue Seite", slug="neue-seite", intro="Ein neuer Text.")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def submit(client, page, language: str) -> Translation:
    locale = Locale.objects.get(language_code=language)
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    response = client.post(url, {"locales": [locale.pk]})
    assert response.status_code == 302
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=locale)


def translate_string(client, translation: Translation, text: str, value: str) -> None:
    segment = StringSegment.objects.get(source=translation.source, string__data=text)
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    # The translation editor saves each string with a PUT (a small REST endpoint).
    body = urlencode({"value": value})
    response = client.put(url, body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 201, response.content[:500]  # the string's translation is new


def test_translate_a_page_and_publish_it(
    translator, german_page, django_capture_on_commit_callbacks
):
    translation = submit(translator, german_page, "en")
    english = german_page.get_translation(Locale.objects.get(language_code="en"))
    translate_string(translator, translation, "Neue Seite", "New page")
    translate_string(translator, translation, "Ein neuer Text.", "A new text.")
    translate_string(translator, translation, "neue-seite", "new-page")
    edit = reverse("wagtailadmin_pages:edit", args=[english.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = translator.post(edit, {"action": "publish"}, follow=True)
    messages = [str(m) for m in response.context["messages"]]
    assert not any("Fehler" in m or "error" in m.lower() for m in messages), messages
    english.refresh_from_db()
    assert english.live and english.title == "New page"
    html = translator.get("/en/new-page/").content.decode()
    assert "A new text." in html and '<html lang="en"' in html


def test_po_download_and_upload(translator, german_page):
    translation = submit(translator, german_page, "tr")
    response = translator.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    po = polib.pofile(response.content.decode())
    entry = next(e for e in po if e.msgid == "Neue Seite")
    entry.msgstr = "Yeni sayfa"
    upload = SimpleUploadedFile(
        "tr.po", str(po).encode(), content_type="text/x-gettext-translation"
    )
    url = reverse("wagtail_localize:upload_pofile", args=[translation.pk])
    assert translator.post(url, {"file": upload}).status_code == 302
    exported = polib.pofile(translation.export_po().__unicode__())
    assert next(e for e in exported if e.msgid == "Neue Seite").msgstr == "Yeni sayfa"


def test_sync_after_the_german_source_changed(translator, german_page):
    translation = submit(translator, german_page, "es")
    translate_string(translator, translation, "Neue Seite", "Página nueva")
    german_page.intro = "Ein geänderter Text."
    german_page.save_revision().publish()
    source = TranslationSource.objects.get(object_id=german_page.translation_key)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert translator.get(url).status_code == 200
    assert translator.post(url, {}).status_code == 302
    strings = set(
        StringSegment.objects.filter(source=source).values_list("string__data", flat=True)
    )
    assert "Ein geänderter Text." in strings and "Ein neuer Text." not in strings
    # Only the changed segment needs new work: the title keeps its translation.
    translation.refresh_from_db()
    po = translation.export_po()
    assert next(e for e in po if e.msgid == "Neue Seite").msgstr == "Página nueva"
    assert next(e for e in po if e.msgid == "Ein geänderter Text.").msgstr == ""


def test_report_lists_translations_and_their_state(translator, german_page):
    submit(translator, german_page, "it")
    response = translator.get(reverse("wagtail_localize:translations_report"))
    assert response.status_code == 200
    assert "Neue Seite" in response.content.decode()


def test_snippets_are_translated_too(translator):
    member = TeamMember.objects.get(locale__language_code="de", name="Inna Schulze")
    url = reverse(
        "wagtail_localize:submit_snippet_translation", args=["team", "teammember", member.pk]
    )
    assert translator.get(url).status_code == 200
    # The demo content has translated the snippet already into every language.
    assert member.get_translations().count() == 5
