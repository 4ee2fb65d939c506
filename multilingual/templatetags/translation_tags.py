"""For the translation editor (the override of wagtail-localize's template): what changed
in the German since the translation was made (multilingual.changes)."""

from django import template
from wagtail_localize.models import Translation

from multilingual.changes import TranslationChanges, translation_changes
from multilingual.views import typed_texts

register = template.Library()


@register.simple_tag(takes_context=True)
def german_changes(context, translation: Translation) -> TranslationChanges | None:
    """The translation's changes, each with the text its field starts with: what the
    translator typed if the last save refused it, else their work or the previous
    translation."""
    changes = translation_changes(translation)
    if changes is None:
        return None
    typed = typed_texts(context["request"], translation)
    for change in changes.changes:
        refused = typed.get(str(change.segment.pk))
        if refused:
            change.typed, change.error = refused["text"], refused["error"]
    return changes
