"""Titles first: a light re-ranking of the best results, the same on every backend.

SQLite's FTS5 ranks with one bm25 score over title and text together (Wagtail's database
backend cannot weight the title column there), so a long page that mentions "Pankow" often
beats the page called "Lingua Pankow". The first HEAD results are re-ordered by how many of
the query's words their title contains (by stem), keeping the backend's order otherwise.
They are plain pages (one light query): the search page reads the few it shows as their
own types only where it needs to (search.views).
"""

from collections.abc import Sequence

from multilingual.stemming import stem, words

HEAD = 50


def title_score(title: str, query_words: Sequence[str], language: str) -> float:
    title_stems = {stem(word, language) for word in words(title, language)}
    matched = sum(1 for word in query_words if stem(word, language) in title_stems)
    score = matched / len(query_words)
    return score + (0.5 if score == 1 and len(title_stems) == len(set(query_words)) else 0)


class TitleFirstResults:
    """Wraps Wagtail's SearchResults for Django's Paginator (count and slicing)."""

    def __init__(
        self, results, query_words: Sequence[str], language: str, count: int | None = None
    ) -> None:
        self.results = results
        self.query_words = list(query_words)
        self.language = language
        self._head: list | None = None
        self._count = count  # if known (the facets' counts); else counted when asked

    def head(self) -> list:
        if self._head is None:
            found = list(self.results[:HEAD])
            self._head = sorted(
                found, key=lambda page: -title_score(page.title, self.query_words, self.language)
            )
        return self._head

    def count(self) -> int:
        if self._count is None:
            self._count = self.results.count()
        return self._count

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, key):
        if not isinstance(key, slice):
            return self[key : key + 1][0]
        start, stop = key.start or 0, key.stop if key.stop is not None else self.count()
        if stop <= HEAD:
            return self.head()[start:stop]
        if start >= HEAD:
            return list(self.results[start:stop])
        return self.head()[start:] + list(self.results[HEAD:stop])
