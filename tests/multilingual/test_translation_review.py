"""A translator who may not publish (the ``author`` fixture, in Editors) finishes a
translation: the translation editor offers "submit for review" instead of a destructive
main button, the translation goes through Redaktion → Freigabe like a German page, and
readers see it once it is approved."""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation

from multilingual.translation_status import translation_overview
from projects.models import ProjectPage

pytestmark = pytest.mark.django_db

GERMAN_SUBTITLE = "Fachberatung für Migrant*innenorganisationen"
NEW_TURKISH = "Göçmen örgütleri için uzman danışmanlık (yeni çeviri)"


def turkish_migrapower() -> tuple[ProjectPage, Translation]:
    german = ProjectPage.objects.get(locale__language_code="de", slug="migrapower")
    turkish = german.get_translation(Locale.objects.get(language_code="tr"))
    translation = Translation.objects.get(
        source__object_id=german.translation_key, target_locale=turkish.locale
    )
    return turkish, translation


def translate_subtitle(translation: Translation, text: str) -> None:
    """What typing in the translation editor stores: the segment's translation."""
    string = StringTranslation.objects.get(
        translation_of__data=GERMAN_SUBTITLE,
        locale=translation.target_locale,
        context__path="subtitle",
    )
    string.data = text
    string.save()


def test_the_editor_offers_submit_for_review_to_those_who_may_not_publish(client, author, editor):
    turkish, translation = turkish_migrapower()
    client.force_login(author)
    html = client.get(f"/admin/pages/{turkish.pk}/edit/").content.decode()
    assert "data-translation-review" in html
    assert "Zur Freigabe einreichen" in html
    assert f"/admin/localize/translate/{translation.pk}/submit/" in html
    # Its footer, whose main button would be "In Spiegelseite umwandeln", is hidden for them.
    assert ".js-translation-editor footer { display: none; }" in html
    client.force_login(editor)  # a moderator publishes as before
    assert (
        "data-translation-review"
        not in client.get(f"/admin/pages/{turkish.pk}/edit/").content.decode()
    )


def test_a_submitted_translation_is_published_after_redaktion_and_freigabe(
    client, author, reviewer, editor
):
    turkish, translation = turkish_migrapower()
    translate_subtitle(translation, NEW_TURKISH)
    client.force_login(author)
    response = client.post(f"/admin/localize/translate/{translation.pk}/submit/")
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{turkish.pk}/edit/"
    turkish.refresh_from_db()
    assert turkish.subtitle != NEW_TURKISH  # not live yet
    assert turkish.get_latest_revision_as_object().subtitle == NEW_TURKISH
    state = turkish.current_workflow_state
    assert state.requested_by == author
    assert state.current_task_state.task.name == "Redaktion"

    # Submitting again while it waits starts nothing new.
    client.post(f"/admin/localize/translate/{translation.pk}/submit/")
    assert turkish.workflow_states.count() == 1

    state.current_task_state.approve(user=reviewer)
    state.refresh_from_db()
    assert state.current_task_state.task.name == "Freigabe"
    client.force_login(editor)
    assert "MigraPower" in client.get("/admin/").content.decode()  # waiting for them
    state.current_task_state.approve(user=editor)
    client.logout()
    assert NEW_TURKISH in client.get(turkish.url).content.decode()
    # The dashboard counts it as translated from the German it was made from.
    turkish_status = next(
        status for status in translation_overview() if status.locale.language_code == "tr"
    )
    assert turkish.pk not in [item.page.pk for item in turkish_status.out_of_date]
    assert turkish.pk in [item.page.pk for item in turkish_status.translated]


def test_only_those_who_may_edit_the_page_can_submit_it(client, django_user_model):
    turkish, translation = turkish_migrapower()
    url = f"/admin/localize/translate/{translation.pk}/submit/"
    # Signed in to the admin, but without permission on any page.
    reader = django_user_model.objects.create_user(username="leserin", password="pw-for-tests")
    admin_only, _created = Group.objects.get_or_create(name="Nur Verwaltung")
    admin_only.permissions.add(Permission.objects.get(codename="access_admin"))
    reader.groups.add(admin_only)
    client.force_login(reader)
    # Wagtail's admin answers a permission refusal with its dashboard and a message.
    assert client.post(url)["Location"] == "/admin/"
    assert client.get(url).status_code == 405
    assert not turkish.workflow_states.exists()
    client.logout()
    assert client.post(url)["Location"].startswith("/admin/login/")
