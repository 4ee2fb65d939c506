"""What changed in the German original since a translation was made, with the previous
translation as the starting point (a translation memory from wagtail-localize's records).

wagtail-localize keeps every translation it was given: a StringTranslation belongs to the
German text (String), the place (TranslationContext) and the language. When the German
changes and the translation is brought up to date ("abgleichen"), the place gets a new
String without a translation, and the old String with its translation stays behind. So,
without storing anything of our own:

- a place's *changed* texts are its current Strings that have no translation, or whose
  translation was first written after the last update (the translator's work since);
- the *previous German* and *previous translation* are the place's left-behind Strings and
  their translations, matched to the new text by similarity (a rich text field holds
  several paragraphs in one place); the same German elsewhere in the language is reused
  as it stands.

Nothing here applies to a translation never published: there, everything is new.
"""

import difflib
import re
from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import FieldDoesNotExist
from django.utils.functional import cached_property
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.strings import StringValue, validate_translation_links

# Below this likeness, a left-behind paragraph is not offered as the new one's predecessor.
MIN_SIMILARITY = 0.4


@dataclass
class Change:
    """One changed text of the German original in one translation."""

    number: int
    segment: StringSegment
    place: str  # where it is, e.g. "Inhalt › Text"
    before: str | None  # the German before the change; None for a new text
    previous_translation: str | None  # the starting point offered to the translator
    translation: StringTranslation | None  # the translator's work since the update
    typed: str | None = None  # what the translator typed, when saving it was refused
    error: str = ""  # and why

    @property
    def now(self) -> str:
        return self.segment.string.data

    @property
    def done(self) -> bool:
        return self.translation is not None and not self.translation.has_error

    @property
    def starting_point(self) -> str:
        """What the translator's field starts with: what they typed, their work, the
        previous translation, or nothing."""
        if self.typed is not None:
            return self.typed
        if self.translation is not None:
            return self.translation.data
        return self.previous_translation or ""

    @cached_property
    def diff(self) -> tuple[SafeString, SafeString]:
        return word_diff(self.before or "", self.now)


@dataclass
class TranslationChanges:
    translation: Translation
    changes: list[Change]
    german_updated_at: datetime | None  # when the German was last published
    synced_at: datetime  # when the translation last took over the German

    @property
    def open(self) -> list[Change]:
        return [change for change in self.changes if not change.done]

    @property
    def german_is_newer(self) -> bool:
        """The German was published after the translation last took it over: there is
        something to bring over ("abgleichen")."""
        return bool(self.german_updated_at and self.german_updated_at > self.synced_at)


def word_diff(before: str, after: str) -> tuple[SafeString, SafeString]:
    """The two texts, tags removed, with the words taken out marked <del> in the first and
    the words put in marked <ins> in the second."""
    old, new = _words(before), _words(after)
    old_html, new_html = [], []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for operation, a1, a2, b1, b2 in matcher.get_opcodes():
        removed, added = escape("".join(old[a1:a2])), escape("".join(new[b1:b2]))
        if operation == "equal":
            old_html.append(removed)
            new_html.append(added)
            continue
        if removed:
            old_html.append(f"<del>{removed}</del>")
        if added:
            new_html.append(f"<ins>{added}</ins>")
    return mark_safe("".join(old_html)), mark_safe("".join(new_html))


def _words(html: str) -> list[str]:
    return re.findall(r"\s+|\S+", strip_tags(html))


def _similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(a=_words(a), b=_words(b), autojunk=False).ratio()


def translation_changes(translation: Translation) -> TranslationChanges | None:
    """The changed texts of a translation since its German was last taken over, in the
    order of the German page. Empty while readers' version of the translation is newer than
    that (nothing changed since, or the work is published); None for a translation never
    published (everything is new there) and for snippets."""
    source = translation.source
    target = translation.get_target_instance()
    original = source.get_source_instance()
    synced_at = source.last_updated_at
    german_updated_at = getattr(original, "last_published_at", None)
    if not isinstance(target, Page) or target.last_published_at is None:
        return None  # snippets have no review here; a page never published is all new
    if target.last_published_at >= synced_at:
        return TranslationChanges(translation, [], german_updated_at, synced_at)
    locale = translation.target_locale
    segments = list(source.stringsegment_set.select_related("string", "context").order_by("order"))
    contexts = {segment.context_id for segment in segments}
    current = {(segment.string_id, segment.context_id) for segment in segments}
    translations: dict[tuple[int, int], StringTranslation] = {}
    left_behind: dict[int, list[StringTranslation]] = {}
    for string_translation in StringTranslation.objects.filter(
        locale=locale, context_id__in=contexts
    ).select_related("translation_of"):
        key = (string_translation.translation_of_id, string_translation.context_id)
        if key in current:
            translations[key] = string_translation
        else:
            left_behind.setdefault(string_translation.context_id, []).append(string_translation)
    changed = []
    for segment in segments:
        own = translations.get((segment.string_id, segment.context_id))
        if own is not None and own.created_at <= synced_at:
            continue  # translated before the German last changed: not part of this change
        changed.append((segment, own))
    same_german = _same_german_elsewhere(
        [segment.string_id for segment, own in changed if own is None], locale, contexts
    )
    changes = []
    used: set[int] = set()
    for number, (segment, own) in enumerate(changed, start=1):
        predecessor = _predecessor(segment, left_behind.get(segment.context_id, []), used)
        previous = predecessor.data if predecessor else same_german.get(segment.string_id)
        changes.append(
            Change(
                number=number,
                segment=segment,
                place=place_label(original, segment),
                before=predecessor.translation_of.data if predecessor else None,
                previous_translation=previous,
                translation=own,
            )
        )
    return TranslationChanges(
        translation=translation,
        changes=changes,
        german_updated_at=german_updated_at,
        synced_at=synced_at,
    )


def _predecessor(
    segment: StringSegment, candidates: list[StringTranslation], used: set[int]
) -> StringTranslation | None:
    """The left-behind translation in the same place whose German is most like the new
    text (the most recent among equals), each used once."""
    best, best_score = None, MIN_SIMILARITY
    for candidate in sorted(candidates, key=lambda item: item.updated_at, reverse=True):
        if candidate.pk in used:
            continue
        score = _similarity(candidate.translation_of.data, segment.string.data)
        if score > best_score:
            best, best_score = candidate, score
    if best is not None:
        used.add(best.pk)
    return best


def _same_german_elsewhere(string_ids: list[int], locale, contexts: set[int]) -> dict[int, str]:
    """The newest translation into this language of the very same German, made for
    another place (a paragraph moved to a new block, a title used twice)."""
    found: dict[int, str] = {}
    for string_id, data in (
        StringTranslation.objects.filter(
            translation_of_id__in=string_ids, locale=locale, has_error=False
        )
        .exclude(context_id__in=contexts)
        .order_by("updated_at")
        .values_list("translation_of_id", "data")
    ):
        found[string_id] = data
    return found


def place_label(instance, segment: StringSegment) -> str:
    """Where a text sits in the German page, as the editor labels it: "Inhalt › Text"."""
    names = segment.context.get_field_path(instance).split(".")
    try:
        field = instance._meta.get_field(names[0])
    except FieldDoesNotExist:  # a path wagtail-localize knows and the model no longer does
        return names[0]
    labels = [capfirst(str(getattr(field, "verbose_name", names[0])))]
    block = getattr(field, "stream_block", None)
    for name in names[1:]:
        child = getattr(block, "child_blocks", {}).get(name) if block else None
        if child is None:
            break
        labels.append(str(child.label))
        block = child
    return " › ".join(labels)


class TranslationTextError(ValueError):
    """A translation that would break the page: unknown tags, or links not in the German."""


def save_translation(change: Change, translation: Translation, text: str, user) -> None:
    """Store the translator's text for a changed place, as wagtail-localize's editor
    stores it, after the same checks it applies when publishing."""
    text = text.strip()
    if not text:
        raise TranslationTextError("empty")
    try:
        StringValue.from_translated_html(text)
        validate_translation_links(change.segment.string.data, text)
    except ValueError as error:
        raise TranslationTextError(str(error)) from error
    StringTranslation.objects.update_or_create(
        translation_of_id=change.segment.string_id,
        locale_id=translation.target_locale_id,
        context_id=change.segment.context_id,
        defaults={
            "data": text,
            "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            "tool_name": "",
            "last_translated_by": user,
            "has_error": False,
            "field_error": "",
        },
    )
