"""The whole editorial cycle in Chromium, each person in their own browser with their own
account: an author changes a German page and sees it in the preview panel, submits it; a
second editor approves the Redaktion step, a moderator the Freigabe step, and readers see
it. The Turkish translator then sees what changed, brings it over, starts from the
previous translation, submits; the review approves it, and Turkish readers see it."""

import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import Page, expect
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, TranslationSource

from editorial.roles import translator_group, translator_group_name
from projects.models import ProjectPage
from tests.browser.conftest import account, log_in, restored_afterwards

pytestmark = pytest.mark.browser

sys.path.insert(0, str(Path(__file__).parents[2] / "docs"))
from guide_screenshots import CYCLE_SHOTS, VIEWPORT, shoot  # noqa: E402

NEW_SUBTITLE = "Fachberatung für Migrant*innenorganisationen in Pankow"


@contextmanager
def translation_source_restored(german: ProjectPage) -> Iterator[TranslationSource]:
    """The German page's translation source (what translators translate) as it was, and
    no translation left of the test's German."""
    source = TranslationSource.objects.get(object_id=german.translation_key)
    saved = (source.content_json, source.last_updated_at)
    translations_before = set(StringTranslation.objects.values_list("pk", flat=True))
    try:
        yield source
    finally:
        StringTranslation.objects.exclude(pk__in=translations_before).delete()
        TranslationSource.objects.filter(pk=source.pk).update(
            content_json=saved[0], last_updated_at=saved[1]
        )
        TranslationSource.objects.get(pk=source.pk).refresh_segments()


@pytest.fixture
def people(browser, site_url) -> Iterator[dict]:
    """Four people, each signed in in a browser of their own."""
    made_group = not Group.objects.filter(name=translator_group_name("tr")).exists()
    groups = {
        "autorin": Group.objects.get(name="Editors"),
        "lektorin": Group.objects.get(name="Editors"),
        "moderatorin": Group.objects.get(name="Moderators"),
        "ayse": translator_group("tr"),
    }
    with (
        account(browser, "autorin", groups["autorin"]) as author,
        account(browser, "lektorin", groups["lektorin"]) as reviewer,
        account(browser, "moderatorin", groups["moderatorin"]) as moderator,
        account(browser, "ayse", groups["ayse"]) as translator,
    ):
        contexts, pages = [], {}
        for role, user in [
            ("author", author),
            ("reviewer", reviewer),
            ("moderator", moderator),
            ("translator", translator),
        ]:
            context = browser.new_context(base_url=site_url, locale="de-DE", viewport=VIEWPORT)
            context.set_default_timeout(15_000)
            contexts.append(context)
            pages[role] = context.new_page()
            log_in(pages[role], user)
        yield pages
        for context in contexts:
            context.close()
    if made_group:
        Group.objects.filter(name=translator_group_name("tr")).delete()


def approve_in_editor(page: Page, edit_url: str, expected: str) -> None:
    """A reviewer opens the page in the editor; "Freigeben" is the main button."""
    page.goto(edit_url)
    footer = page.locator("footer.footer")
    main = footer.locator("button").first
    expect(main).to_contain_text("Freigeben")
    main.click()
    expect(page.locator(".messages")).to_contain_text(expected)


def approve_translation(page: Page, edit_url: str, expected: str) -> None:
    """A reviewer opens the translation; its editor's bar has the step's "Freigeben"."""
    page.goto(edit_url)
    bar = page.locator("[data-translation-review]")
    expect(bar).to_contain_text("wartet auf Prüfung")
    bar.get_by_role("button", name="Freigeben").click()
    expect(page.locator(".messages")).to_contain_text(expected)


def test_a_change_goes_from_the_author_through_review_to_readers_in_german_and_turkish(
    people, site_url, tmp_path
):
    # The guide's pictures of the cycle (docs/guide_screenshots.py), retaken with GUIDE_IMG.
    pictures = Path(os.environ.get("GUIDE_IMG", tmp_path))
    german = ProjectPage.objects.get(slug="migrapower", locale__language_code="de")
    turkish = german.get_translation(Locale.objects.get(language_code="tr"))
    old_turkish = turkish.subtitle
    new_turkish = f"{old_turkish} (Pankow)"
    author, reviewer, moderator, translator = (
        people["author"],
        people["reviewer"],
        people["moderator"],
        people["translator"],
    )
    edit_german = f"/admin/pages/{german.pk}/edit/"
    with (
        restored_afterwards(german),
        restored_afterwards(turkish),
        translation_source_restored(german),
    ):
        # The author changes the subtitle and sees it in the preview panel.
        author.goto(edit_german)
        author.get_by_role("textbox", name="Untertitel").fill(NEW_SUBTITLE)
        toggle = author.locator("[data-side-panel-toggle='preview']")
        if toggle.get_attribute("aria-expanded") != "true":
            toggle.click()
        frame = author.frame_locator("#w-preview-iframe")
        expect(frame.get_by_text(NEW_SUBTITLE)).to_be_visible(timeout=20_000)
        # … and submits it; they cannot approve their own change.
        footer = author.locator("footer.footer")
        footer.locator("[data-w-dropdown-target='toggle']").first.click()
        footer.get_by_role("button", name="Zur Freigabe einreichen").click()
        expect(author.locator(".messages")).to_contain_text("zur Freigabe eingereicht")
        author.goto(edit_german)
        expect(author.get_by_role("button", name=re.compile("Freigeben"))).to_have_count(0)

        # A second editor approves the Redaktion step, a moderator the Freigabe step.
        approve_in_editor(reviewer, edit_german, "Nächster Schritt: „Freigabe“")
        approve_in_editor(moderator, edit_german, "freigegeben und veröffentlicht")
        german.refresh_from_db()
        reader = moderator.context.browser.new_page(base_url=site_url)
        reader.goto(german.url)
        expect(reader.get_by_text(NEW_SUBTITLE)).to_be_visible()

        # The Turkish translator sees that the German changed and brings the change over.
        translator.goto(f"/admin/pages/{turkish.pk}/edit/")
        changes = translator.locator("#translation-changes")
        expect(changes).to_contain_text("Änderungen im deutschen Original")
        changes.get_by_role("button", name="Änderungen übernehmen").click()
        expect(changes).to_contain_text("1 Text hat sich geändert; 1 noch zu übersetzen.")
        expect(changes.locator("ins")).to_have_text(" in Pankow")
        field = changes.get_by_label("Übersetzung (Türkisch)")
        expect(field).to_have_value(old_turkish)  # the previous translation to start from
        changes.get_by_role("link", name="Text 1: Untertitel").click()
        expect(translator).to_have_url(re.compile("#change-1$"))
        shoot(translator, pictures, "uebersetzung-aenderungen.png", "#translation-changes")
        field.fill(new_turkish)
        changes.get_by_role("button", name="Diese Übersetzungen speichern").click()
        expect(translator.locator(".messages")).to_contain_text("1 Text gespeichert")
        bar = translator.locator("[data-translation-review]")
        bar.get_by_role("button", name="Zur Freigabe einreichen").click()
        expect(translator.locator(".messages")).to_contain_text("zur Freigabe eingereicht")

        # The review approves the translation; Turkish readers see it.
        edit_turkish = f"/admin/pages/{turkish.pk}/edit/"
        translator.goto(edit_turkish)
        expect(bar).to_contain_text("Eine andere Person gibt sie frei.")
        expect(bar.get_by_role("button", name="Freigeben")).to_have_count(0)
        reviewer.goto(edit_turkish)
        shoot(reviewer, pictures, "uebersetzung-pruefen.png")
        approve_translation(reviewer, edit_turkish, "Nächster Schritt: „Freigabe“")
        approve_translation(moderator, edit_turkish, "freigegeben und veröffentlicht")
        turkish.refresh_from_db()
        assert turkish.subtitle == new_turkish
        reader.goto(turkish.url)
        expect(reader.get_by_text(new_turkish)).to_be_visible()
        reader.close()
    assert {path.name for path in pictures.glob("*.png")} >= set(CYCLE_SHOTS)
