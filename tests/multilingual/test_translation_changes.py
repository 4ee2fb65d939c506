"""After the German changes, a translator brings the change over from the translation
editor itself, sees what changed (count, a jump to each, the German before and after) and
starts from the previous translation (multilingual.changes)."""

import re

import pytest
from django.contrib.auth.models import Group
from django.utils.html import escape
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation

from editorial.roles import translator_group
from multilingual.changes import translation_changes, word_diff
from projects.models import ProjectPage

pytestmark = pytest.mark.django_db

OLD_SUBTITLE = "Fachberatung für Migrant*innenorganisationen"
NEW_SUBTITLE = "Fachberatung für Migrant*innenorganisationen in Pankow"
# The third of the first paragraph block's four paragraphs of "Willkommen in Berlin".
OLD_WORDS, NEW_WORDS = "Schlüssel-Akteure", "Schlüssel-Akteurinnen und -Akteure"


def german_and_turkish(slug: str) -> tuple[ProjectPage, ProjectPage, Translation]:
    german = ProjectPage.objects.get(locale__language_code="de", slug=slug)
    turkish = german.get_translation(Locale.objects.get(language_code="tr"))
    translation = Translation.objects.get(
        source__object_id=german.translation_key, target_locale=turkish.locale
    )
    return german, turkish, translation


def turkish_of(translation: Translation, german_text: str, path: str) -> str:
    return StringTranslation.objects.get(
        translation_of__data=german_text, locale=translation.target_locale, context__path=path
    ).data


def publish_german(german: ProjectPage, **changes) -> None:
    for name, value in changes.items():
        setattr(german, name, value)
    german.save_revision().publish()


@pytest.fixture
def translator(django_user_model):
    """A volunteer translator into Turkish (the role create_account gives)."""
    user = django_user_model.objects.create_user(username="ayse", password="pw-for-tests")
    user.groups.add(translator_group("tr"))
    return user


def editor_page(client, turkish: ProjectPage) -> str:
    response = client.get(f"/admin/pages/{turkish.pk}/edit/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_translator_brings_a_change_over_and_starts_from_the_previous_translation(
    client, translator
):
    german, turkish, translation = german_and_turkish("migrapower")
    old_turkish = turkish_of(translation, OLD_SUBTITLE, "subtitle")
    client.force_login(translator)
    assert 'id="translation-changes"' not in editor_page(client, turkish)

    publish_german(german, subtitle=NEW_SUBTITLE)
    html = editor_page(client, turkish)
    assert "Änderungen im deutschen Original" in html
    assert "Änderungen übernehmen" in html  # the sync, where the translator is

    response = client.post(f"/admin/localize/translate/{translation.pk}/take-over-german/")
    assert response["Location"] == f"/admin/pages/{turkish.pk}/edit/#translation-changes"
    html = editor_page(client, turkish)
    assert "Änderungen übernehmen" not in html  # nothing left to bring over
    assert "1 Text hat sich geändert; 1 noch zu übersetzen." in html
    assert 'href="#change-1"' in html and 'id="change-1"' in html
    # The German before and after, the added words marked.
    assert f'<p lang="de">{OLD_SUBTITLE}</p>' in html
    assert "Migrant*innenorganisationen<ins> in Pankow</ins>" in html
    # The field starts from the previous translation, in Turkish.
    field = re.search(r'<textarea id="text-(\d+)"[^>]*lang="tr" dir="ltr"[^>]*>([^<]*)', html)
    assert field.group(2) == old_turkish
    assert "Es beginnt mit der bisherigen Übersetzung" in html

    new_turkish = f"{old_turkish} (Pankow)"
    client.post(
        f"/admin/localize/translate/{translation.pk}/changes/",
        {f"text-{field.group(1)}": new_turkish},
    )
    assert turkish_of(translation, NEW_SUBTITLE, "subtitle") == new_turkish
    html = editor_page(client, turkish)
    assert "1 Text hat sich geändert; 0 noch zu übersetzen." in html
    assert f">{new_turkish}</textarea>" in html

    # Submitted, the reviewers see the new Turkish; readers still read the old one.
    client.post(f"/admin/localize/translate/{translation.pk}/submit/")
    turkish.refresh_from_db()
    assert turkish.get_latest_revision_as_object().subtitle == new_turkish
    assert turkish.subtitle == old_turkish


def test_a_changed_paragraph_is_matched_to_its_own_previous_translation(client, editor):
    german, turkish, translation = german_and_turkish("willkommen-in-berlin")
    paragraphs = translation.source.stringsegment_set.filter(
        context__path__endswith="e44c13a6-124a-517d-bba8-2e773fafdfd7"
    ).order_by("order")
    assert paragraphs.count() == 4
    third = paragraphs[2].string.data
    assert OLD_WORDS in third
    previous = turkish_of(translation, third, paragraphs[2].context.path)
    body = german.body
    block = next(block for block in body if block.id == "e44c13a6-124a-517d-bba8-2e773fafdfd7")
    block.value.source = block.value.source.replace(OLD_WORDS, NEW_WORDS, 1)
    publish_german(german, body=body)
    client.force_login(editor)
    client.post(f"/admin/localize/translate/{translation.pk}/take-over-german/")

    changes = translation_changes(Translation.objects.get(pk=translation.pk))
    assert len(changes.changes) == 1  # the three unchanged paragraphs keep their translation
    change = changes.changes[0]
    assert change.before == third
    assert change.previous_translation == previous
    assert change.place == "Inhalt › Text"


def test_new_german_text_is_offered_empty_and_marked_new(client, editor):
    german, turkish, translation = german_and_turkish("migrapower")
    publish_german(german, intro=f"{german.intro} Neu: ein zweiter Satz, ganz anders.")
    client.force_login(editor)
    client.post(f"/admin/localize/translate/{translation.pk}/take-over-german/")
    html = editor_page(client, turkish)
    assert "Neu auf Deutsch" not in html  # a changed sentence keeps its predecessor …
    change = translation_changes(translation).changes[0]
    assert change.before is not None

    publish_german(german, intro="Etwas völlig anderes, ohne jede Ähnlichkeit zum Alten.")
    client.post(f"/admin/localize/translate/{translation.pk}/take-over-german/")
    html = editor_page(client, turkish)
    assert "Neu auf Deutsch" in html  # … a text unlike any before starts empty
    assert re.search(r'<textarea id="text-\d+"[^>]*></textarea>', html)


def test_a_refused_text_is_shown_again_as_typed_with_what_is_wrong(client, translator):
    german, turkish, translation = german_and_turkish("migrapower")
    publish_german(german, subtitle=NEW_SUBTITLE)
    client.force_login(translator)
    client.post(f"/admin/localize/translate/{translation.pk}/take-over-german/")
    change = translation_changes(translation).changes[0]
    typed = "<div>Pankow'daki göçmen örgütleri</div>"  # a tag a text may not hold
    response = client.post(
        f"/admin/localize/translate/{translation.pk}/changes/",
        {f"text-{change.segment.pk}": typed},
    )
    assert response.status_code == 302
    html = editor_page(client, turkish)
    assert "konnten nicht gespeichert werden" in html
    assert "Nicht gespeichert: &lt;div&gt; Tag ist nicht erlaubt" in html
    assert 'aria-invalid="true"' in html
    assert f">{escape(typed)}</textarea>" in html
    assert not StringTranslation.objects.filter(
        translation_of=change.segment.string, locale=translation.target_locale
    ).exists()
    # Shown once: the next visit starts from the previous translation again.
    assert escape(typed) not in editor_page(client, turkish)


def test_only_those_who_may_edit_the_translation_bring_changes_over(client, django_user_model):
    german, turkish, translation = german_and_turkish("migrapower")
    publish_german(german, subtitle=NEW_SUBTITLE)
    arabic = django_user_model.objects.create_user(username="arabic", password="pw")
    arabic.groups.add(translator_group("ar"))
    client.force_login(arabic)
    for action in ("take-over-german", "changes"):
        # Wagtail answers a refused admin action with its dashboard and a message.
        response = client.post(f"/admin/localize/translate/{translation.pk}/{action}/")
        assert response.status_code == 302 and response["Location"] == "/admin/"
    client.logout()
    response = client.post(f"/admin/localize/translate/{translation.pk}/take-over-german/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert translation_changes(translation).german_is_newer
    assert Group.objects.filter(name="Übersetzung Arabisch").exists()


def test_word_diff_marks_what_was_taken_out_and_put_in():
    before, after = word_diff("<p>Ein <b>altes</b> Wort</p>", "Ein neues Wort & mehr")
    assert before == "Ein <del>altes</del> Wort"
    assert after == "Ein <ins>neues</ins> Wort<ins> &amp; mehr</ins>"
