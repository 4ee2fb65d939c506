"""Soft hyphens in the long words of headings, so that a phone breaks them with a hyphen.

Browsers hyphenate with ``hyphens: auto`` only where they have a dictionary for the
language, and Chromium on Linux often has none: “Migrationsgesellschaft” in a heading
390 px wide then broke anywhere, without a hyphen. A soft hyphen (U+00AD) is invisible
until the line breaks there, where it shows as “-”.

The break points come from Pyphen's dictionaries (LibreOffice's hyphenation patterns) for
German, English, Spanish and Italian. Pyphen has none for Turkish, whose syllables follow
a rule instead (Türk Dil Kurumu): a consonant between vowels begins the next syllable
(ka-pı), of two or more, only the last one does (Türk-çe, kork-mak), and two vowels meet
across a syllable break (sa-at). Arabic is not hyphenated.
"""

import re
import threading
from itertools import pairwise

import pyphen

# Words of this many letters or more; shorter ones fit a phone's line.
MIN_LETTERS = 12
# Letters kept together at either end of a word, whatever the dictionary allows.
LEFT, RIGHT = 2, 3
SOFT_HYPHEN = "\u00ad"
WORD = re.compile(rf"[^\W\d_]{{{MIN_LETTERS},}}")
# The dictionary per language: German as written in Germany, English as in Europe.
DICTIONARIES = {"de": "de_DE", "en": "en_GB", "es": "es", "it": "it_IT"}
TURKISH_VOWELS = set("aeıioöuüâîûAEIİOÖUÜÂÎÛ")

# Loading a dictionary takes up to a second and a half (German) and some 15 MB, so each is
# loaded once per process and shared by its threads: the lock keeps two threads from
# loading the same one at once. Hyphenating is safe to share: the patterns are only read,
# and Pyphen's own cache of hyphenated words only ever gains an entry for a word, in one
# assignment, and both threads that may compute the same word compute the same points.
_hyphenators: dict[str, pyphen.Pyphen] = {}
_loading = threading.Lock()


def hyphenator(language: str) -> pyphen.Pyphen | None:
    """The language's hyphenator (loaded on first use), None for languages without one."""
    dictionary = DICTIONARIES.get(language[:2])
    if dictionary is None:
        return None
    loaded = _hyphenators.get(dictionary)
    if loaded is None:
        with _loading:
            loaded = _hyphenators.get(dictionary)
            if loaded is None:
                loaded = _hyphenators[dictionary] = pyphen.Pyphen(
                    lang=dictionary, left=LEFT, right=RIGHT
                )
    return loaded


def load_dictionaries() -> None:
    """Loads every dictionary now: in a server's main process before it starts its workers,
    which then share them rather than each loading them on its first page."""
    for language in DICTIONARIES:
        hyphenator(language)


def hyphenate(text: str, language: str) -> str:
    """The text with soft hyphens where its long words may break, in that language."""
    if language[:2] == "tr":
        return WORD.sub(lambda word: _turkish(word.group()), text)
    dictionary = hyphenator(language)
    if dictionary is None:
        return text
    return WORD.sub(lambda word: dictionary.inserted(word.group(), SOFT_HYPHEN), text)


def _turkish(word: str) -> str:
    vowels = [index for index, letter in enumerate(word) if letter in TURKISH_VOWELS]
    breaks = []
    for previous, vowel in pairwise(vowels):
        # Between two vowels: before the last of the consonants between them, if any.
        breaks.append(vowel - 1 if vowel - previous > 1 else vowel)
    breaks = [index for index in breaks if LEFT <= index <= len(word) - RIGHT]
    pieces = [word[start:end] for start, end in pairwise([0, *breaks, len(word)])]
    return SOFT_HYPHEN.join(pieces)
