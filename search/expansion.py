"""A reader's query as the backends get it: forgiving and bilingual, the same on every
backend (the site stems, splits and corrects words itself, see multilingual.stemming).

Each word of the query matches, besides as typed:
- by its stem in the reader's language, and by its German stem: a translated page is also
  indexed with its German original's stems, so "Fachberatung" typed on the Spanish site
  finds MigraPower's Spanish page;
- as a German compound, by all of its parts ("Migrantenorganisationen": a page with
  "Migranten" and "Organisationen"; the index side lets "Beratung" find "Fachberatung");
- by the site's own words it is one or two letters away from, when it is none of them
  itself (search.vocabulary);
- by what the glossary says it means: "Folleto" also finds "Flyer", and the other way
  round (glossary.terms.synonyms).
"""

from dataclasses import dataclass, field

from django.conf import settings
from wagtail.search.query import And, Or, Phrase, PlainText, SearchQuery

from glossary.terms import form_length, synonyms
from multilingual.compounds import compound_parts
from multilingual.stemming import stem

from .vocabulary import corrections

# Words of glossary synonyms shorter than this are not marked in results.
MIN_MARKED = 4


@dataclass
class Expansion:
    """What a query's words were widened to, for the page to say so."""

    corrected: dict[str, list[str]] = field(default_factory=dict)  # typed word → site's words
    synonyms: list[str] = field(default_factory=list)  # words of the glossary's other forms

    def words(self, typed: list[str]) -> list[str]:
        """The typed words, the site's words they were corrected to and the words of their
        glossary synonyms: what a result's passage marks."""
        corrections = [word for fixed in self.corrected.values() for word in fixed]
        return list(dict.fromkeys([*typed, *corrections, *self.synonyms]))

    def add_synonym(self, form: tuple[str, ...]) -> None:
        # Not "del" of "administración del distrito": short words would be marked everywhere.
        self.synonyms += [word for word in form if len(word) >= MIN_MARKED]


def _forms(word: str, languages: list[str]) -> list[str]:
    """The word as typed and its stem in each language, each once."""
    return list(dict.fromkeys([word, *(stem(word, language) for language in languages)]))


def _any_form(word: str, languages: list[str]) -> SearchQuery:
    forms = _forms(word, languages)
    return PlainText(forms[0]) if len(forms) == 1 else Or([PlainText(form) for form in forms])


def _form_query(form: tuple[str, ...], languages: list[str]) -> SearchQuery:
    """A glossary form: a word in any of its forms, or words as a phrase (also as German
    stems, which a translation holds of its German original)."""
    if len(form) == 1:
        return _any_form(form[0], languages)
    phrases = list(dict.fromkeys([" ".join(form), " ".join(stem(w, "de") for w in form)]))
    return Phrase(phrases[0]) if len(phrases) == 1 else Or([Phrase(p) for p in phrases])


def word_query(word: str, language: str, expansion: Expansion) -> SearchQuery:
    german = settings.LANGUAGE_CODE
    languages = [language] if language == german else [language, german]
    alternatives: list[SearchQuery] = [PlainText(form) for form in _forms(word, languages)]
    for form in synonyms((word,), language):
        alternatives.append(_form_query(form, languages))
        expansion.add_synonym(form)
    parts = compound_parts(word)
    if len(parts) > 1:
        alternatives.append(And([PlainText(part) for part in parts]))
    fixed = corrections(word, languages)
    if fixed:
        expansion.corrected[word] = fixed
    for correction in fixed:
        alternatives += [PlainText(form) for form in _forms(correction, languages)]
    return alternatives[0] if len(alternatives) == 1 else Or(alternatives)


def form_query(form: tuple[str, ...], language: str, expansion: Expansion) -> SearchQuery:
    """Query words that make up a glossary form of several words: as a phrase, or as any
    other form of the term."""
    german = settings.LANGUAGE_CODE
    languages = [language] if language == german else [language, german]
    alternatives = [Phrase(" ".join(form))]
    for other in synonyms(form, language):
        alternatives.append(_form_query(other, languages))
        expansion.add_synonym(other)
    return alternatives[0] if len(alternatives) == 1 else Or(alternatives)


def reader_query(
    words: list[str], language: str, operator: str = "and"
) -> tuple[SearchQuery, Expansion]:
    """The query for a reader's words in their language; words combined with AND (or OR),
    a glossary term of several words kept together."""
    expansion = Expansion()
    parts: list[SearchQuery] = []
    start = 0
    while start < len(words):
        length = form_length(words, start)
        if length:
            parts.append(form_query(tuple(words[start : start + length]), language, expansion))
            start += length
        else:
            parts.append(word_query(words[start], language, expansion))
            start += 1
    if len(parts) == 1:
        return parts[0], expansion
    return (And(parts) if operator == "and" else Or(parts)), expansion
