"""German compounds split into the words they are made of, for the search on every backend.

German writes "Fachberatung" and "Migrantenorganisationen" as one word, so a search for
"Beratung" would not find the first, and one for "Migrantenorganisationen" not a page about
"Organisationen" of "Migranten". A word is split when it ends with a known word
(``data/german_parts.txt``), the head of a German compound:
what is before it (less a linking "s", "n", "en", "e", "er" or "es") is split the same way
if it can be, and kept as a part if it is a known word itself.

The index side (``stemming.stems_of``) adds the stem of a compound's head to a German page's
stems, so that the page is found by it. The query side (search.expansion) lets a compound
also match a page that has all of its parts.
"""

from functools import lru_cache
from pathlib import Path

from .stemming import fold, stem

PARTS_FILE = Path(__file__).with_name("data") / "german_parts.txt"
# A head shorter than this is never split off: too many words end with "amt" or "rat".
MIN_HEAD = 4
# Nor is a word split into a part shorter than this before the head.
MIN_MODIFIER = 3
LINKS = ("es", "en", "er", "s", "n", "e")
# A stem starts with the word's own first letters (accents folded): compared before stemming.
PREFIX = 3


@lru_cache(maxsize=1)
def known_stems() -> frozenset[str]:
    """The stems of the words compounds are split into."""
    lines = PARTS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(
        stem(line.strip().lower(), "de") for line in lines if line.strip() and line[0] != "#"
    )


@lru_cache(maxsize=1)
def _starts() -> frozenset[str]:
    """The first letters of the known stems: a head that starts otherwise is not stemmed
    (stemming is the slow part, some 100 µs a word)."""
    return frozenset(known[:PREFIX] for known in known_stems())


def _known(word: str, known: frozenset[str]) -> bool:
    return len(word) >= MIN_MODIFIER and stem(word, "de") in known


def _split(word: str, known: frozenset[str]) -> list[str]:
    """The parts of ``word`` as stems, head last; [] if it is no compound of known words."""
    starts = _starts()
    folded = fold(word)
    for start in range(MIN_MODIFIER, len(word) - MIN_HEAD + 1):
        head = word[start:]
        if folded[start : start + PREFIX] not in starts or stem(head, "de") not in known:
            continue
        modifier = word[:start]
        before = _split(modifier, known)
        if not before:
            forms = [modifier] + [
                modifier[: -len(link)] for link in LINKS if modifier.endswith(link)
            ]
            before = next(([stem(form, "de")] for form in forms if _known(form, known)), [])
        return [*before, stem(head, "de")]
    return []


# Bounded, like stemming.stem: made-up words evict old ones. Safe to share between threads.
@lru_cache(maxsize=65_536)
def compound_parts(word: str) -> tuple[str, ...]:
    """The stems of the known words a German word is made of (head last), or () if it is
    not a compound of them. ``word`` is lower-case, as ``stemming.words`` gives it."""
    if len(word) < MIN_MODIFIER + MIN_HEAD:
        return ()
    return tuple(_split(word, known_stems()))
