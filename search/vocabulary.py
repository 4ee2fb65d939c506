"""The site's own vocabulary in each language, for forgiving searches: a misspelt word
also matches the words of the site it is one or two letters away from, and a search that
finds nothing suggests "Did you mean …?" from it.

A language's vocabulary is every word of its live, public pages with the number of pages
that have it, from ``PageWords`` (written when a page is published and by update_index).
Each process keeps one per language and content generation (delivery.cache): built on the
first search after a change, about 0.1 s at 5,000 pages, then shared by every thread.
"""

from collections import Counter
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import OSA
from wagtail.models import Page

from delivery.cache import kept_in_process
from delivery.lookups import public
from multilingual.stemming import searchable_text, stem, words

from .models import PageWords

# Typos: edit distance 1 for words of 4 to 7 letters, 2 beyond; shorter words are exact.
# A swap of two neighbouring letters counts as one edit (optimal string alignment).
MIN_FORGIVEN = 4
LONG_WORD = 8
# "Did you mean": looser, as nothing was found at all.
SUGGESTION_DISTANCE = 2
CORRECTIONS_PER_WORD = 3


def allowed_distance(word: str) -> int:
    if len(word) < MIN_FORGIVEN:
        return 0
    return 1 if len(word) < LONG_WORD else 2


@dataclass(frozen=True)
class Vocabulary:
    pages: dict[str, int]  # word → number of pages that have it
    stems: frozenset[str]
    language: str

    def knows(self, word: str) -> bool:
        return word in self.pages or stem(word, self.language) in self.stems

    def nearest(self, word: str, distance: int, limit: int) -> list[str]:
        """Up to ``limit`` words at most ``distance`` edits from ``word``, nearest and then
        most common first."""
        if distance < 1 or not self.pages:
            return []
        found = process.extract(
            word, self.pages.keys(), scorer=OSA.distance, score_cutoff=distance, limit=None
        )
        found.sort(key=lambda hit: (hit[1], -self.pages[hit[0]], hit[0]))
        return [hit[0] for hit in found if hit[0] != word][:limit]


def record_words(page: Page) -> None:
    """Keeps a page's distinct words (in its language) and its text without the title."""
    text = searchable_text(page, exclude=("title",))
    found = words(f"{page.title}\n{text}", page.locale.language_code)
    PageWords.objects.update_or_create(
        page_id=page.pk, defaults={"words": " ".join(sorted(set(found))), "text": text}
    )


def record_all_words() -> int:
    """Rewrites the words of every live page (update_index); returns how many."""
    count = 0
    for page in Page.objects.live().specific().iterator(chunk_size=200):
        record_words(page)
        count += 1
    PageWords.objects.exclude(page__live=True).delete()
    return count


def build(language: str) -> Vocabulary:
    live = public(Page.objects.live().filter(locale__language_code=language)).values("pk")
    counts: Counter = Counter()
    for text in PageWords.objects.filter(page__in=live).values_list("words", flat=True):
        counts.update(text.split())
    return Vocabulary(dict(counts), frozenset(stem(word, language) for word in counts), language)


def vocabulary(language: str) -> Vocabulary:
    """The vocabulary of a language in the current content generation (this process's
    copy)."""
    return kept_in_process(lambda: build(language), "vocabulary", language)


def corrections(word: str, languages: list[str]) -> list[str]:
    """Words of the site in these languages that a misspelt ``word`` may have meant; none
    when the word (or its stem) is the site's own."""
    distance = allowed_distance(word)
    vocabularies = [vocabulary(language) for language in languages]
    if not distance or any(known.knows(word) for known in vocabularies):
        return []
    found: list[str] = []
    for known in vocabularies:
        found += [
            hit for hit in known.nearest(word, distance, CORRECTIONS_PER_WORD) if hit not in found
        ]
    return found[:CORRECTIONS_PER_WORD]


def suggestion(query_words: list[str], language: str) -> list[str] | None:
    """The query with each word the site does not know replaced by the nearest one it does
    ("Did you mean …?"), or None when there is nothing to suggest."""
    known = vocabulary(language)
    suggested, changed = [], False
    for word in query_words:
        if len(word) < 3 or known.knows(word):
            suggested.append(word)
            continue
        nearest = known.nearest(word, SUGGESTION_DISTANCE, 1)
        suggested.append(nearest[0] if nearest else word)
        changed = changed or bool(nearest)
    return suggested if changed else None
