"""The glossary as readers meet it: the terms of a language (cached with the shared
lookups, per content generation), its A–Z, the first use of each term marked on content
pages, and the terms as search synonyms.

Marking: on a content page the first occurrence of each term (its German forms, and the
term in the page's language) becomes a button that opens the explanation in a popover
(HTML's ``popover``, no script: keyboard and screen readers get a button with its state,
the explanation comes next in the focus order, Escape or a tap outside closes it; a browser
without popovers shows the explanations below the content). Links, buttons, headings and
code are left alone.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby

from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, override

from delivery.cache import kept_in_process
from multilingual.stemming import stem, words

# Text inside these elements is never marked.
UNMARKED = {
    "a", "abbr", "button", "code", "dfn", "h1", "h2", "h3", "h4", "h5", "h6", "kbd", "label",
    "mark", "nav", "option", "pre", "script", "select", "style", "summary", "svg", "textarea",
}  # fmt: skip
TAG = re.compile(r"(<[^>]*>)")
TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z0-9]+)")
# Search synonyms are at least this long (abbreviations lead to long forms, not back).
MIN_SYNONYM = 4
# German words are also marked with an inflection ending: "Willkommensstrukturen".
GERMAN_ENDINGS = "(?:e|en|n|s|es|er|ern)?"


@dataclass(frozen=True)
class Entry:
    anchor: str
    german: str
    name: str  # in the entry's language (the German term in German)
    explanation: str
    german_forms: tuple[str, ...]

    @property
    def initial(self) -> str:
        return collation_key(self.name)[:1].upper() or "#"


def collation_key(text: str) -> str:
    """Sorts "Ä" with "A" and "Ç" with "C" (accents last), as readers look for them."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(char for char in decomposed if unicodedata.category(char) != "Mn")


def _load() -> dict[str, list[Entry]]:
    from .models import GlossaryTerm

    by_language: dict[str, list[Entry]] = {}
    for term in GlossaryTerm.objects.select_related("locale"):
        language = term.locale.language_code
        by_language.setdefault(language, []).append(
            Entry(
                anchor=term.anchor,
                german=term.german,
                name=term.name if language != settings.LANGUAGE_CODE else term.german,
                explanation=term.explanation,
                german_forms=tuple(term.german_forms()),
            )
        )
    for entries in by_language.values():
        entries.sort(key=lambda entry: collation_key(entry.name))
    return by_language


def all_entries() -> dict[str, list[Entry]]:
    """language code → its terms, A–Z. Every content page reads them, and they change only
    with the content: this process's copy."""
    return kept_in_process(_load, "glossary")


def entries(language: str) -> list[Entry]:
    return all_entries().get(language, [])


def alphabet(language: str) -> list[tuple[str, list[Entry]]]:
    """The terms of a language grouped by initial, for the glossary page."""
    return [
        (initial, list(group)) for initial, group in groupby(entries(language), lambda e: e.initial)
    ]


def glossary_url(language: str) -> str:
    from .models import GlossaryPage

    def find() -> str:
        page = GlossaryPage.objects.live().filter(locale__language_code=language).first()
        return page.url if page else ""

    return kept_in_process(find, "glossary-url", language)


# --- marking ------------------------------------------------------------------------------


@lru_cache(maxsize=32)
def _pattern(forms: tuple[tuple[str, bool], ...]) -> re.Pattern | None:
    """One expression for all forms (longest first); German ones with their endings."""
    if not forms:
        return None
    alternatives = [
        # Abbreviations ("MO") only in capitals: "mo" is a word in other languages.
        ("(?-i:{})" if form.isupper() else "{}").format(re.escape(form))
        + (GERMAN_ENDINGS if german else "")
        for form, german in sorted(forms, key=lambda item: -len(item[0]))
    ]
    return re.compile(r"(?<!\w)(" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


def _forms_of(language: str) -> tuple[dict[str, Entry], tuple[tuple[str, bool], ...]]:
    return kept_in_process(lambda: _build_forms(language), "glossary-forms", language)


def _build_forms(language: str) -> tuple[dict[str, Entry], tuple[tuple[str, bool], ...]]:
    """Each form of the language's terms (casefolded) → its entry; the forms to look for,
    each with whether it is German (and may carry German endings)."""
    by_form: dict[str, Entry] = {}
    forms: list[tuple[str, bool]] = []
    for entry in entries(language):
        for form in entry.german_forms:
            by_form.setdefault(form.casefold(), entry)
            forms.append((form, True))
        if entry.name != entry.german:
            by_form.setdefault(entry.name.casefold(), entry)
            forms.append((entry.name, False))
    return by_form, tuple(forms)


def _entry_for(matched: str, by_form: dict[str, Entry]) -> Entry | None:
    text = matched.casefold()
    if text in by_form:
        return by_form[text]
    # A German form with an ending: the longest form it starts with.
    return next(
        (by_form[form] for form in sorted(by_form, key=len, reverse=True) if text.startswith(form)),
        None,
    )


def _button(matched: str, entry: Entry, language: str) -> str:
    """The term in the text: a button that opens its explanation."""
    german = settings.LANGUAGE_CODE
    foreign = language != german and matched.casefold() != entry.name.casefold()
    return format_html(
        '<button type="button" class="glossary-term" popovertarget="glossary-{}"{}>{}</button>',
        entry.anchor,
        mark_safe(f' lang="{german}" dir="ltr"' if foreign else ""),  # noqa: S308 - fixed
        mark_safe(matched),  # noqa: S308 - the page's own escaped text
    )


def _popover(entry: Entry, language: str, url: str) -> str:
    """The explanation, after the content (a paragraph cannot hold it, and the text around
    the term stays as it was for whatever reads it without styles)."""
    german = settings.LANGUAGE_CODE
    with override(language):
        more, close = gettext("More in the glossary"), gettext("Close")
    german_term = format_html('<b lang="{}" dir="ltr">{}</b>', german, entry.german)
    title = (
        german_term
        if entry.name == entry.german
        else format_html("{} – {}", german_term, entry.name)
    )
    link = format_html('<a href="{}#{}">{}</a>', url, entry.anchor, more) if url else ""
    return format_html(
        '<div class="glossary-popover" id="glossary-{}" popover>'
        '<p class="glossary-popover__title">{}</p><p>{}</p>'
        '<p class="glossary-popover__actions">{}'
        '<button type="button" class="glossary-popover__close" popovertarget="glossary-{}"'
        ' popovertargetaction="hide">{}</button></p></div>',
        entry.anchor,
        title,
        entry.explanation,
        link,
        entry.anchor,
        close,
    )


def mark_terms(html: str, language: str) -> SafeString:
    """The page's HTML with the first occurrence of each term of ``language`` marked, and
    the explanations of the marked terms after it."""
    by_form, forms = _forms_of(language)
    pattern = _pattern(forms)
    if pattern is None:
        return mark_safe(html)  # noqa: S308 - the rendered template, unchanged
    marked: list[Entry] = []
    skipping = 0
    parts = TAG.split(html)
    for index, part in enumerate(parts):
        if index % 2:  # a tag
            name = TAG_NAME.match(part)
            if name and name.group(2).lower() in UNMARKED:
                skipping = max(skipping + (-1 if name.group(1) else 1), 0)
            continue
        if skipping or not part.strip():
            continue

        def replace(match: re.Match) -> str:
            entry = _entry_for(match.group(0), by_form)
            if entry is None or entry in marked:
                return match.group(0)
            marked.append(entry)
            return _button(match.group(0), entry, language)

        parts[index] = pattern.sub(replace, part)
    if marked:
        url = glossary_url(language)
        parts.append('<div class="glossary-popovers">')
        parts.extend(_popover(entry, language, url) for entry in marked)
        parts.append("</div>")
    return mark_safe("".join(parts))  # noqa: S308 - tags as rendered, text escaped before


# --- search synonyms ----------------------------------------------------------------------

# The longest glossary form a query is scanned for, in words.
MAX_FORM_WORDS = 6


def _synonym_index() -> dict[tuple[str, ...], list[Entry]]:
    """Every form of every entry in every language, as its words (a one-word form also by
    its stem) → the entries it names."""
    index: dict[tuple[str, ...], list[Entry]] = {}
    for language, language_entries in all_entries().items():
        for entry in language_entries:
            for form in [*entry.german_forms, entry.name]:
                key = tuple(words(form, language))
                keys = [key, (stem(key[0], language),)] if len(key) == 1 else [key]
                for found in keys:
                    if found and entry not in index.setdefault(found, []):
                        index[found].append(entry)
    return index


def _index() -> dict[tuple[str, ...], list[Entry]]:
    # Every search reads it, and it only changes with the content: this process's copy.
    return kept_in_process(_synonym_index, "glossary-synonyms")


def form_length(query_words: list[str], start: int) -> int:
    """How many of the query's words from ``start`` on make up a glossary form of two or
    more words ("oficina del distrito"), the longest; 0 if none."""
    index = _index()
    longest = min(MAX_FORM_WORDS, len(query_words) - start)
    for length in range(longest, 1, -1):
        if tuple(query_words[start : start + length]) in index:
            return length
    return 0


def synonyms(form_words: tuple[str, ...], language: str) -> list[tuple[str, ...]]:
    """What else these query words mean by the glossary: the German forms and the reader's
    language's term of each entry they name, as words ("folleto" on the Spanish site:
    [("flyer",)]; "flyer": [("folleto",)])."""
    index = _index()
    found = index.get(form_words)
    if not found and len(form_words) == 1:
        word = form_words[0]
        found = index.get((stem(word, language),)) or index.get((stem(word, "de"),))
    alternatives: list[tuple[str, ...]] = []
    by_anchor = {entry.anchor: entry for entry in entries(language)}
    for entry in found or []:
        own = by_anchor.get(entry.anchor)
        for form in [*entry.german_forms, *([own.name] if own else [])]:
            # Not to an abbreviation ("MO"): short and everywhere, it would outweigh the
            # words typed. The abbreviation itself does lead to its long forms.
            other = tuple(words(form, language))
            if len(form) < MIN_SYNONYM or not other or other == form_words:
                continue
            if other not in alternatives:
                alternatives.append(other)
    return alternatives
