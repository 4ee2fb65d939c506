"""Translations go through the same review as German pages (Redaktion → Freigabe).

wagtail-localize's translation editor offers only "publish", to those who may publish.
Everyone else, volunteer translators among them, would find no way to finish: its main
button would be the next action it lists, "convert to alias" or "stop synced translation",
both destructive. For them the editor gets a bar (editorial's template override of
``wagtail_localize/admin/edit_translation.html``) with the preview and "submit for review",
which saves the translation as a draft of the page and starts the page's workflow: the
reviewers are notified as for any page and approve it, the last step publishing it.
"""

from django.core.exceptions import PermissionDenied
from wagtail.models import Page, Revision
from wagtail_localize.fields import copy_synchronised_fields
from wagtail_localize.models import Translation, TranslationLog
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
    revision = page.save_revision(user=user)
    # As wagtail-localize logs its own: once this revision is published, the translation
    # counts as made from the German it was made from (multilingual.translation_status).
    TranslationLog.objects.create(
        source=source, locale=translation.target_locale, revision=revision
    )
    return revision
