"""What editors get beyond the page forms: the moderation workflow set up by the demo
content, block previews in the admin, previews of every page type in every language, and
revisions to compare."""

import re

import pytest
from wagtail.blocks import Block
from wagtail.models import Locale, Page, Workflow

from core.blocks import BodyBlock
from demo.management.commands.load_demo_content import WORKFLOW_NAME
from projects.models import ProjectPage
from team.models import TeamMember
from tests.page_types import LANGUAGES, PAGES, page_of, pages_in
from tests.reading import visible_text

pytestmark = pytest.mark.django_db


def test_pages_in_every_language_go_through_redaktion_then_freigabe():
    for language in LANGUAGES:
        page = Page.objects.get(locale__language_code=language, depth=2)
        workflow = page.get_workflow()
        assert workflow.name == WORKFLOW_NAME
        assert [task.name for task in workflow.tasks] == ["Redaktion", "Freigabe"]
    assert not Workflow.objects.get(name="Moderators approval").active


def test_a_change_is_published_only_after_redaktion_and_freigabe(client, author, reviewer, editor):
    page = ProjectPage.objects.get(locale__language_code="de", slug="migrapower")
    page.subtitle = "Fachberatung – überarbeitet"
    revision = page.save_revision(user=author)
    # Authors cannot publish; they submit.
    assert not page.permissions_for_user(author).can_publish()
    state = page.get_workflow().start(page, author)
    assert state.current_task_state.task.name == "Redaktion"

    # Another editor reviews; the page is still not live with the change.
    assert state.current_task_state.task.specific.user_can_access_editor(page, reviewer)
    state.current_task_state.approve(user=reviewer)
    state.refresh_from_db()
    assert state.current_task_state.task.name == "Freigabe"
    page.refresh_from_db()
    assert page.live_revision_id != revision.pk
    # A moderator sees it waiting on the dashboard, then approves it: now it is live.
    client.force_login(editor)
    assert "Fachberatung – überarbeitet" not in visible_text(client.get(page.url).content)
    assert "MigraPower" in client.get("/admin/").content.decode()
    state.current_task_state.approve(user=editor)
    page.refresh_from_db()
    assert page.live_revision_id == revision.pk
    client.logout()
    assert "Fachberatung – überarbeitet" in visible_text(client.get(page.url).content)


def test_every_block_has_a_preview_in_the_site_style(client, editor):
    client.force_login(editor)
    for name, block in BodyBlock().child_blocks.items():
        assert block.meta.description, name
        definition = next(key for key, value in Block.definition_registry.items() if value is block)
        response = client.get("/admin/block-preview/", {"id": definition})
        assert response.status_code == 200, name
        html = response.content.decode()
        assert "/static/css/site.css" in html, name
        assert f"block-{name}" in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_editors_preview_every_page_type_in_every_language(client, editor, language):
    client.force_login(editor)
    for name in pages_in(language):
        page = page_of(name, language)
        page.save_revision(user=editor)
        response = client.get(f"/admin/pages/{page.pk}/view_draft/")
        assert response.status_code == 200, (language, name)
        assert f'<html lang="{language}"' in response.content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_previews_may_be_framed_by_the_admin_and_no_one_else(language):
    """The preview panel frames the page's preview; the public page itself stays unframable."""
    for name in pages_in(language):
        preview = page_of(name, language).make_preview_request()
        assert preview.status_code == 200, (language, name)
        policy = dict(
            part.strip().split(" ", 1) for part in preview["Content-Security-Policy"].split(";")
        )
        assert policy["frame-ancestors"] == "'self'", (language, name)
        # Otherwise the public policy: no inline scripts but the nonce's.
        assert "'unsafe-inline'" not in policy["script-src"], (language, name)
        assert preview["X-Frame-Options"] == "SAMEORIGIN", (language, name)


def test_block_previews_may_be_framed_by_the_admin(client, editor):
    client.force_login(editor)
    definition = next(iter(Block.definition_registry))
    response = client.get("/admin/block-preview/", {"id": definition})
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
    assert response.get("X-Frame-Options", "SAMEORIGIN") == "SAMEORIGIN"


def test_public_pages_may_not_be_framed(client):
    response = client.get("/de/")
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def test_editors_compare_revisions(client, editor):
    client.force_login(editor)
    page = ProjectPage.objects.get(locale__language_code="de", slug="migrapower")
    before = page.save_revision(user=editor)
    page.subtitle = "Neuer Untertitel"
    after = page.save_revision(user=editor)
    response = client.get(f"/admin/pages/{page.pk}/revisions/compare/{before.pk}...{after.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Neuer Untertitel" in html and "Untertitel" in html


def test_the_admin_menu_lists_content_by_kind_with_icons(client, editor):
    client.force_login(editor)
    menu = client.get("/admin/").content.decode()
    for label, icon, url in [
        ("Projekte", "folder-open-inverse", "/admin/content-projectpage/"),
        ("Netzwerke", "group", "/admin/content-networkpage/"),
        ("Partner", "site", "/admin/content-partnerpage/"),
        ("Materialien", "doc-full", "/admin/content-materialpage/"),
        ("Archiv", "date", "/admin/content-archiveentrypage/"),
    ]:
        assert f'"label": "{label}", "icon_name": "{icon}"' in menu, label
        listing = client.get(url)
        assert listing.status_code == 200, url
    # One list for every language: MigraPower in German, English, …, Arabic.
    html = client.get("/admin/content-projectpage/").content.decode()
    assert html.count("MigraPower") >= len(LANGUAGES)


def test_content_lists_put_each_german_original_first_with_its_translations(client, editor):
    client.force_login(editor)
    html = client.get("/admin/content-projectpage/").content.decode()
    # Each row: its title, then the label of its language.
    table = html[html.index('<table class="listing') :]
    body = table[table.index("<tbody") : table.index("</tbody>")]
    rows = []
    for row in body.split("<tr")[1:]:
        title = re.search(r'<span id="page_\d+_title">(.*?)</span>', row, re.DOTALL)[1]
        label = re.search(r'w-status--label">\s*(.*?)\s*</span>', row, re.DOTALL)[1]
        rows.append((re.sub(r"<[^>]+>", "", title).strip(), label))
    names = {Locale.objects.get(language_code=code).get_display_name() for code in LANGUAGES}
    german = Locale.objects.get(language_code="de").get_display_name()
    assert len(rows) == 3 * len(LANGUAGES)  # three projects, each in every language
    for start in range(0, len(rows), len(LANGUAGES)):
        group = rows[start : start + len(LANGUAGES)]
        assert len({title for title, _language in group}) == 1, group
        assert group[0][1] == german, group  # the original first
        assert {language for _title, language in group} == names


EDITABLE_MODELS = [*(model for model, _slug, _query in PAGES.values()), TeamMember]


@pytest.mark.parametrize("model", dict.fromkeys(EDITABLE_MODELS), ids=lambda m: m.__name__)
def test_every_field_in_the_editors_forms_explains_itself(model):
    form_class = model.get_edit_handler().get_form_class()
    # Wagtail's own fields of the workflow and scheduling, and the translation marker,
    # come with Wagtail's own texts or none.
    own = {"comment_notifications", "go_live_at", "expire_at", "locale"}
    missing = [
        name
        for name, field in form_class.base_fields.items()
        if name not in own and not str(field.help_text or "").strip()
    ]
    assert missing == []


def test_help_texts_speak_the_editors_language(client, editor):
    client.force_login(editor)
    page = ProjectPage.objects.get(locale__language_code="de", slug="migrapower")
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Das Jahr, in dem das Projekt begann." in html
    assert "Bild für Linkvorschauen" in html
