"""Language-aware matching that works the same on every search backend.

Wagtail's database backend indexes words as they are (SQLite FTS5 has no German stemmer, and
PostgreSQL uses one text-search configuration for all languages), so the site stems words
itself with the Snowball stemmers: every page indexes its text's stems in its own language
(``search_stems``), and a query matches a word either as typed or by its stem. "Netzwerke"
and "Netzwerk" share the stem "netzwerk", "Beratungen" and "Beratung" share "beratung".
"""

import re
import threading
import unicodedata
from functools import lru_cache

import snowballstemmer
from django.conf import settings
from django.db import models
from wagtail.search import index
from wagtail.search.query import And, Or, PlainText, SearchQuery

SNOWBALL_LANGUAGES = {
    "de": "german",
    "en": "english",
    "es": "spanish",
    "it": "italian",
    "tr": "turkish",
    "ar": "arabic",
}
WORD = re.compile(r"\w+")
# Enough words for any real query; longer input is cut, not refused.
MAX_QUERY_WORDS = 12
# The characters of a query that are read (the search page's and the API's ?search=).
MAX_QUERY_LENGTH = 200


# A Snowball stemmer keeps the word it works on in its own attributes, so two threads sharing
# one corrupt each other's words (gunicorn runs several threads per worker). Each thread gets
# its own: cheaper than a lock (no waiting, about 160 ns against 400 ns a call uncontended,
# next to some 40 µs for stemming a word) and it stays right without the GIL.
_per_thread = threading.local()


def _stemmer(language: str):
    stemmers = getattr(_per_thread, "stemmers", None)
    if stemmers is None:
        stemmers = _per_thread.stemmers = {}
    code = language[:2]
    if code not in stemmers:
        algorithm = SNOWBALL_LANGUAGES.get(code)
        stemmers[code] = snowballstemmer.stemmer(algorithm) if algorithm else None
    return stemmers[code]


# Arabic vowel signs and other marks: optional in writing, and FTS5 splits words at them.
ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")


def normalize(text: str, language: str) -> str:
    """Lower-case text without Arabic vowel signs; other accents stay for the stemmers."""
    if language.startswith("tr"):
        # Turkish has a dotted and a dotless i: İ→i and I→ı, which str.lower() gets wrong.
        text = text.replace("İ", "i").replace("I", "ı")
    return ARABIC_MARKS.sub("", unicodedata.normalize("NFC", text)).lower()


def fold(word: str) -> str:
    """Without accents, as SQLite's tokenizer indexes words, so stems match on every backend."""
    decomposed = unicodedata.normalize("NFD", word)
    stripped = "".join(char for char in decomposed if unicodedata.category(char) != "Mn")
    return unicodedata.normalize("NFC", stripped)


def words(text: str, language: str) -> list[str]:
    return WORD.findall(normalize(text, language))


# Bounded: a flood of made-up words evicts old entries instead of growing the cache.
# lru_cache is safe to share between gunicorn's threads (the stemmers themselves are not,
# hence one per thread below it).
@lru_cache(maxsize=65_536)
def stem(word: str, language: str) -> str:
    """The word's Snowball stem in ``language``, without accents. Remembered: a search
    page stems the same words again for every hit it highlights."""
    stemmer = _stemmer(language)
    return fold(stemmer.stemWord(word) if stemmer else word)


def stems_of(text: str, language: str) -> str:
    """The stems of every word of ``text``, for the search index; in German also the stem of
    a compound's head, the word it ends with (multilingual.compounds): "Fachberatung" is a
    Beratung and is found by it. Not the words before it: a "Fachbegriff" is no "Fach"."""
    from .compounds import compound_parts  # it stems with this module's stem()

    stems = []
    for word in words(text, language):
        stems.append(stem(word, language))
        if language == "de":
            stems.extend(compound_parts(word)[-1:])
    return " ".join(stems)


def query_words(query: str, language: str) -> list[str]:
    """The words of a reader's query, without operators or quotes any backend might parse."""
    return words(query, language)[:MAX_QUERY_WORDS]


def language_query(query_words: list[str], language: str, operator: str = "and") -> SearchQuery:
    """Each word matches as typed or by its stem; words are combined with AND (or OR)."""
    parts: list[SearchQuery] = []
    for word in query_words:
        stemmed = stem(word, language)
        both = Or([PlainText(word), PlainText(stemmed)])
        parts.append(both if stemmed != word else PlainText(word))
    if len(parts) == 1:
        return parts[0]
    return And(parts) if operator == "and" else Or(parts)


def searchable_text(obj: models.Model, exclude: tuple[str, ...] = ()) -> str:
    """The text a page (or another indexed object) gives the search index, as plain text.

    Rich text and StreamFields give their text without markup, as Wagtail's backends do.
    """
    parts: list[str] = []
    skip = {"search_stems", *exclude}
    for field in obj.get_search_fields():
        if not isinstance(field, index.SearchField) or field.field_name in skip:
            continue
        # Wagtail gives rich text and StreamFields as their plain text already.
        value = field.get_value(obj)
        if isinstance(value, list | tuple):
            parts.extend(str(part) for part in value if part)
        elif value not in (None, ""):
            parts.append(str(value))
    return "\n".join(parts)


def page_stems(page) -> str:
    """The stems of a page's text in the page's own language, for its ``search_stems`` field;
    for a translation also those of its live German original, so that a German word from a
    letter finds the page in the reader's language (search.signals keeps them current).

    Each page class defines the method itself: OpenSearch's mapping looks for the model
    class that defines an indexed attribute, so it cannot come from a plain mixin.
    """
    language = page.locale.language_code
    stems = stems_of(searchable_text(page), language)
    original = german_original(page)
    if original is not None:
        stems += "\n" + stems_of(searchable_text(original), settings.LANGUAGE_CODE)
    return stems


def german_original(page):
    """The live German version of a page in another language (specific), or None."""
    if page.locale.language_code == settings.LANGUAGE_CODE or not page.translation_key:
        return None
    return (
        page.get_translations()
        .live()
        .filter(locale__language_code=settings.LANGUAGE_CODE)
        .specific()
        .first()
    )
