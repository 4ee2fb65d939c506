"""Translations go through the same review as German pages (Redaktion → Freigabe).

wagtail-localize's translation editor offers only "publish", to those who may publish.
Everyone else, volunteer translators among them, would find no way to finish: its main
button would be the next action it lists, "convert to alias" or "stop synced translation",
both destructive. For them the editor gets a bar (the template override of
``wagtail_localize/admin/edit_translation.html``) with the preview and "submit for review",
which saves the translation as a draft of the page and starts the page's workflow: the
reviewers are notified as for any page and approve it, the last step publishing it.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page, Revision
from wagtail_localize.fields import copy_synchronised_fields
from wagtail_localize.models import Translation
from wagtail_localize.segments.ingest import ingest_segments


def translation_page(translation: Translation) -> Page:
    page = translation.get_target_instance()
    if not isinstance(page, Page):
        raise PermissionDenied  # snippets have no workflow here
    return page.specific


def save_draft(translation: Translation, user) -> Revision:
    """A revision of the translated page from the translator's current segments, as
    wagtail-localize's own publishing builds it, but not written to the page's row:
    ``save_target(publish=False)`` saves the row too, and readers would see the unreviewed
    text at once. (``_get_segments_for_translation`` is wagtail-localize's own, pinned <2.)"""
    source = translation.source
    original = source.as_instance()
    page = source.get_translated_instance(translation.target_locale)
    copy_synchronised_fields(original, page)
    segments = source._get_segments_for_translation(translation.target_locale, fallback=True)
    ingest_segments(original, page, source.locale, translation.target_locale, segments)
    return page.save_revision(user=user)


@require_POST
def submit_translation(request: HttpRequest, translation_id: int) -> HttpResponse:
    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    page = translation_page(translation)
    permissions = page.permissions_for_user(request.user)
    if not permissions.can_edit():
        raise PermissionDenied
    edit_url = redirect("wagtailadmin_pages:edit", page.pk)
    if page.workflow_in_progress:
        messages.warning(
            request,
            _(
                "This translation is already waiting for review. Ask the reviewers to "
                "send it back if you want to change it."
            ),
        )
        return edit_url
    workflow = page.get_workflow()
    if workflow is None or not permissions.can_submit_for_moderation():
        messages.error(
            request, _("This page has no review workflow. Ask a moderator to publish it.")
        )
        return edit_url
    save_draft(translation, request.user)
    page.refresh_from_db()
    workflow.start(page, request.user)
    messages.success(
        request,
        _(
            "The translation has been submitted for review. The reviewers are notified; "
            "it is published once they approve it."
        ),
    )
    return edit_url
