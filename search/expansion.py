"""A reader's query as the backends get it: forgiving and bilingual, the same on every
backend (the site stems, splits and corrects words itself, see multilingual.stemming).

Each word of the query matches, besides as typed:
- by its stem in the reader's language, and by its German stem: a translated page is also
  indexed with its German original's stems, so "Fachberatung" typed on the Spanish site
  finds MigraPower's Spanish page;
- as a German compound, by all of its parts ("Migrantenorganisationen": a page with
  "Migranten" and "Organisationen"; the index side lets "Beratung" find "Fachberatung");
- by the site's own words it is one or two letters away from, when it is none of them
  itself (search.vocabulary).
"""

from dataclasses import dataclass, field

from django.conf import settings
from wagtail.search.query import And, Or, PlainText, SearchQuery

from multilingual.compounds import compound_parts
from multilingual.stemming import stem

from .vocabulary import corrections


@dataclass
class Expansion:
    """What a query's words were widened to, for the page to say so."""

    corrected: dict[str, list[str]] = field(default_factory=dict)  # typed word → site's words

    def words(self, typed: list[str]) -> list[str]:
        """The typed words and the site's words they were corrected to (for highlighting)."""
        return list(
            dict.fromkeys([*typed, *(w for fixed in self.corrected.values() for w in fixed)])
        )


def _forms(word: str, languages: list[str]) -> list[str]:
    """The word as typed and its stem in each language, each once."""
    return list(dict.fromkeys([word, *(stem(word, language) for language in languages)]))


def word_query(word: str, language: str, expansion: Expansion) -> SearchQuery:
    german = settings.LANGUAGE_CODE
    languages = [language] if language == german else [language, german]
    alternatives: list[SearchQuery] = [PlainText(form) for form in _forms(word, languages)]
    parts = compound_parts(word)
    if len(parts) > 1:
        alternatives.append(And([PlainText(part) for part in parts]))
    fixed = corrections(word, languages)
    if fixed:
        expansion.corrected[word] = fixed
    for correction in fixed:
        alternatives += [PlainText(form) for form in _forms(correction, languages)]
    return alternatives[0] if len(alternatives) == 1 else Or(alternatives)


def reader_query(
    words: list[str], language: str, operator: str = "and"
) -> tuple[SearchQuery, Expansion]:
    """The query for a reader's words in their language; words combined with AND (or OR)."""
    expansion = Expansion()
    parts = [word_query(word, language, expansion) for word in words]
    if len(parts) == 1:
        return parts[0], expansion
    return (And(parts) if operator == "and" else Or(parts)), expansion
