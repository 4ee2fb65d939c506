"""When an editor replaces a document's file, the materials using it get its new text and
page count."""

from django.db.models.signals import post_save
from django.dispatch import Signal, receiver
from wagtail.documents import get_document_model
from wagtail.search import index

from .models import MaterialPage

# Sent for each material whose files' text changed without a new revision (only its row and
# its index entry are updated): whatever keeps the page's text beside the index records it
# again (search.signals).
material_text_changed = Signal()


@receiver(post_save, sender=get_document_model())
def on_document_saved(sender, instance, **kwargs) -> None:
    refresh_materials_text(MaterialPage.objects.filter(files__document=instance).distinct())


def refresh_materials_text(pages) -> int:
    """Extract the text of the materials' files where it changed; returns how many changed."""
    changed = 0
    for page in pages:
        if page.refresh_document_text():
            # Only the extracted text changes: no new revision, just the row and the index.
            MaterialPage.objects.filter(pk=page.pk).update(
                document_text=page.document_text, document_text_key=page.document_text_key
            )
            index.insert_or_update_object(page)
            material_text_changed.send(sender=MaterialPage, instance=page)
            changed += 1
    return changed
