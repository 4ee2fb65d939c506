"""Admin views around wagtail-localize's translation editor: submit a translation for
review (multilingual.review), bring the German's changes over and translate them with the
previous translation as the starting point (multilingual.changes)."""

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from wagtail_localize.models import Translation

from multilingual.changes import TranslationTextError, save_translation, translation_changes
from multilingual.review import save_draft, translation_page

# Where a change's typed text and its error wait for the editor to show them again.
TYPED_SESSION_KEY = "multilingual_typed_changes"


def _editable_translation(request: HttpRequest, translation_id: int) -> Translation:
    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    if not translation_page(translation).permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return translation


def _back_to_editor(translation: Translation, anchor: str = "") -> HttpResponse:
    response = redirect("wagtailadmin_pages:edit", translation_page(translation).pk)
    if anchor:
        response["Location"] += f"#{anchor}"
    return response


@require_POST
def submit_translation(request: HttpRequest, translation_id: int) -> HttpResponse:
    translation = _editable_translation(request, translation_id)
    page = translation_page(translation)
    permissions = page.permissions_for_user(request.user)
    state = page.current_workflow_state
    if state is not None and state.status == state.STATUS_NEEDS_CHANGES:
        # The reviewers asked for changes: the revised translation goes back to them.
        save_draft(translation, request.user)
        state.resume(request.user)
        messages.success(
            request,
            _("The revised translation has been resubmitted; the reviewers are notified."),
        )
        return _back_to_editor(translation)
    if state is not None:
        messages.warning(
            request,
            _(
                "This translation is already waiting for review. Ask the reviewers to "
                "send it back if you want to change it."
            ),
        )
        return _back_to_editor(translation)
    workflow = page.get_workflow()
    if workflow is None or not permissions.can_submit_for_moderation():
        messages.error(
            request, _("This page has no review workflow. Ask a moderator to publish it.")
        )
        return _back_to_editor(translation)
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
    return _back_to_editor(translation)


@require_POST
def take_over_german(request: HttpRequest, translation_id: int) -> HttpResponse:
    """Bring the published German's changes into the translation (wagtail-localize's
    "abgleichen" for this page), from the translation editor itself. Other languages'
    translations see the same changes; nothing translated is lost."""
    translation = _editable_translation(request, translation_id)
    try:
        with transaction.atomic():
            translation.source.update_from_db()
            translation.source.update_target_view_restrictions(translation.target_locale)
    except ObjectDoesNotExist:
        messages.error(request, _("The German original of this page no longer exists."))
        return _back_to_editor(translation)
    changes = translation_changes(translation)
    count = len(changes.open) if changes else 0
    if count:
        messages.success(
            request,
            ngettext(
                "The German original's changes are here: %(count)d text to translate.",
                "The German original's changes are here: %(count)d texts to translate.",
                count,
            )
            % {"count": count},
        )
    else:
        messages.success(request, _("The translation is up to date with the German original."))
    return _back_to_editor(translation, "translation-changes" if count else "")


@require_POST
def save_changes(request: HttpRequest, translation_id: int) -> HttpResponse:
    """Store the translator's texts for the changed places (one form for all of them).
    An empty field stays untranslated; a text that would break the page is shown again,
    as typed, with what is wrong."""
    translation = _editable_translation(request, translation_id)
    changes = translation_changes(translation)
    saved, typed = 0, {}
    for change in changes.changes if changes else []:
        field = f"text-{change.segment.pk}"
        if field not in request.POST:
            continue
        text = request.POST[field]
        if not text.strip() or text.strip() == (change.translation and change.translation.data):
            continue
        try:
            save_translation(change, translation, text, request.user)
        except TranslationTextError as error:
            typed[str(change.segment.pk)] = {"text": text, "error": str(error)}
            continue
        saved += 1
    if typed:
        request.session[TYPED_SESSION_KEY] = {"translation": translation.pk, "texts": typed}
        messages.error(
            request,
            _("Some texts could not be saved. They are marked below, as you typed them."),
        )
    elif saved:
        messages.success(
            request,
            ngettext("%(count)d text saved.", "%(count)d texts saved.", saved) % {"count": saved},
        )
    return _back_to_editor(translation, "translation-changes")


def typed_texts(request: HttpRequest, translation: Translation) -> dict[str, dict]:
    """The texts the last save refused with why ({"text", "error"} by segment), once, for
    the editor to show them again."""
    typed = request.session.pop(TYPED_SESSION_KEY, None)
    if not typed or typed.get("translation") != translation.pk:
        return {}
    return typed["texts"]
