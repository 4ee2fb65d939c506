"""The review (Redaktion → Freigabe) needs a second person and makes "Freigeben" its
reviewers' main button (what approving says, and the incomplete-draft warning, are played
in the browser: tests/browser/test_editorial_cycle.py)."""

import importlib
import re
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.db import connection
from django.utils import translation
from django.utils.html import strip_tags
from wagtail.models import GroupApprovalTask, Locale, Task
from wagtail.rich_text import RichText
from wagtail_localize.models import Translation

from core.models import StandardPage
from editorial.models import SecondPersonApprovalTask
from editorial.review import incomplete_fields
from projects.models import ProjectPage

pytestmark = pytest.mark.django_db


def migrapower() -> ProjectPage:
    return ProjectPage.objects.get(locale__language_code="de", slug="migrapower")


def submit(user, page: ProjectPage, **changes) -> None:
    """What the editor's "Zur Freigabe einreichen" does: a revision, the workflow started."""
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision(user=user)
    page.get_workflow().start(page, user)


def main_button(html: str) -> str:
    """The footer's main button: the first action of the page's action menu."""
    footer = html[html.index('<footer class="footer') :]
    return strip_tags(re.search(r"<button[^>]*>(.*?)</button>", footer, re.S).group(1)).strip()


def test_the_review_steps_are_approvals_by_a_second_person():
    tasks = {
        task.name: task.specific for task in Task.objects.filter(name__in=["Redaktion", "Freigabe"])
    }
    assert {type(task) for task in tasks.values()} == {SecondPersonApprovalTask}
    assert [group.name for group in tasks["Freigabe"].groups.all()] == ["Moderators"]


def test_whoever_submitted_a_change_cannot_approve_it(client, author, reviewer):
    page = migrapower()
    submit(author, page, subtitle="Fachberatung für MO in Pankow")
    client.force_login(author)
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Freigeben" not in html  # no approve action, in the menu or as its button
    assert "Ihre Überprüfung steht aus" not in client.get("/admin/").content.decode()
    # Even a request made by hand approves nothing.
    state = page.current_workflow_state
    client.post(f"/admin/pages/workflow/action/{page.pk}/approve/{state.current_task_state.pk}/")
    state.refresh_from_db()
    assert state.current_task_state.task.name == "Redaktion"

    client.force_login(reviewer)
    assert "Ihre Überprüfung steht aus" in client.get("/admin/").content.decode()
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert main_button(html) == "Freigeben"


def test_review_steps_made_before_are_converted_with_their_groups():
    """Sites set up before this app had its own review step keep their steps' ids,
    groups and history; only the type changes (editorial/migrations/0002)."""
    old = GroupApprovalTask.objects.create(name="Freigabe")
    old.groups.set([Group.objects.get(name="Moderators")])
    migration = importlib.import_module("editorial.migrations.0002_second_person_review_steps")
    migration.to_second_person(apps, SimpleNamespace(connection=connection))
    task = Task.objects.get(pk=old.pk).specific
    assert isinstance(task, SecondPersonApprovalTask)
    assert [group.name for group in task.groups.all()] == ["Moderators"]
    assert not GroupApprovalTask.objects.filter(pk=old.pk).exists()


def test_the_translation_editor_offers_the_review_step_to_its_reviewers_only(
    client, author, reviewer
):
    german = migrapower()
    turkish = german.get_translation(Locale.objects.get(language_code="tr"))
    translation = Translation.objects.get(
        source__object_id=german.translation_key, target_locale=turkish.locale
    )
    client.force_login(author)
    client.post(f"/admin/localize/translate/{translation.pk}/submit/")
    edit_url, review_url = f"/admin/pages/{turkish.pk}/edit/", f"/admin/review/{turkish.pk}/"
    html = client.get(edit_url).content.decode()
    assert "wartet auf Prüfung im Schritt „Redaktion“. Eine andere Person gibt sie frei." in html
    assert 'value="approve"' not in html
    assert client.post(review_url, {"action": "approve"})["Location"] == "/admin/"  # refused
    turkish.refresh_from_db()
    assert turkish.current_workflow_task.name == "Redaktion"

    client.force_login(reviewer)
    html = client.get(edit_url).content.decode()
    assert re.search(r'value="reject"[^>]*>Änderungen anfordern<', html)
    assert re.search(r'value="approve" class="button">Freigeben<', html)
    response = client.post(review_url, {"action": "approve"}, follow=True)
    assert "freigegeben. Nächster Schritt: „Freigabe“" in response.content.decode()
    turkish.refresh_from_db()
    assert turkish.current_workflow_task.name == "Freigabe"


@translation.override("de")  # the labels are the German admin's, whatever ran before
def test_an_empty_required_block_or_field_counts_as_incomplete():
    page = StandardPage.objects.get(slug="impressum", locale__language_code="de")
    assert incomplete_fields(page) == []
    page.body = [(block.block_type, block.value) for block in page.body] + [
        ("paragraph", RichText(""))
    ]
    assert incomplete_fields(page) == ["Inhalt"]
    page.title = ""
    missing = incomplete_fields(page)
    assert missing == ["Titel", "Inhalt"]
    assert ", ".join(missing) == "Titel, Inhalt"  # plain strings, for the message


def test_a_translation_sent_back_is_revised_and_submitted_again(client, author, reviewer):
    german = migrapower()
    turkish = german.get_translation(Locale.objects.get(language_code="tr"))
    translation = Translation.objects.get(
        source__object_id=german.translation_key, target_locale=turkish.locale
    )
    submit_url = f"/admin/localize/translate/{translation.pk}/submit/"
    edit_url, review_url = f"/admin/pages/{turkish.pk}/edit/", f"/admin/review/{turkish.pk}/"
    client.force_login(author)
    client.post(submit_url)
    client.force_login(reviewer)
    response = client.post(review_url, {"action": "reject"}, follow=True)
    assert "Änderungen an „MigraPower“ angefragt: autorin wird benachrichtigt" in (
        response.content.decode()
    )

    client.force_login(author)
    html = client.get(edit_url).content.decode()
    assert "haben im Schritt „Redaktion“ Änderungen angefordert" in html
    assert "Erneut zur Freigabe einreichen" in html
    response = client.post(submit_url, follow=True)
    assert "erneut eingereicht" in response.content.decode()
    turkish.refresh_from_db()
    assert turkish.current_workflow_task.name == "Redaktion"
    assert turkish.workflow_states.count() == 1  # the same review, resumed
