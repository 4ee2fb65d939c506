"""Readability hints for texts in Einfache Sprache (plain German), for editors.

The rules, each a number below (the editor's script applies the same ones while the editor
types; the Einfache Sprache tests feed both the same texts):

- A *line* is a paragraph, heading or list item: every line ends a sentence.
- Inside a line a *sentence* ends at ``.``, ``!``, ``?``, ``:`` or ``;`` followed by a space.
  (So "e.V. und" ends a sentence after "e.V."; that only makes sentences shorter.)
- A *word* is what stands between spaces and holds at least one letter or digit.
- A sentence with more than MAX_SENTENCE_WORDS words is too long (Einfache Sprache: one
  statement per sentence); the hint quotes its first QUOTE_WORDS words.
- A word with a part of more than MAX_WORD_LETTERS letters is too long; parts are what a
  hyphen (``-``, ``‐``, ``‑``), a Mediopunkt (``·``) or a slash separates, as Leichte Sprache
  splits compounds ("Migranten·organisation"). E-mail and web addresses are not words here.
- More than MAX_AVERAGE_WORDS words per sentence on average is a hint of its own.
"""

import re
from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

MAX_SENTENCE_WORDS = 15
MAX_WORD_LETTERS = 14
MAX_AVERAGE_WORDS = 12
QUOTE_WORDS = 6

# The same characters as JavaScript's \s (less U+FEFF), so both sides split alike.
WHITESPACE = "[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+"
SENTENCE_END = re.compile(f"(?<=[.!?:;]){WHITESPACE}")
SPACES = re.compile(WHITESPACE)
WORD_PARTS = re.compile("[-\u2010\u2011\u00b7/]")
ADDRESS = re.compile(r"@|://|^www\.", re.IGNORECASE)


@dataclass
class LongSentence:
    start: str  # its first QUOTE_WORDS words, "…" added when there are more
    words: int


@dataclass
class Readability:
    sentences: int = 0
    words: int = 0
    long_sentences: list[LongSentence] = field(default_factory=list)
    long_words: list[str] = field(default_factory=list)

    @property
    def average(self) -> float:
        """Words per sentence."""
        return self.words / self.sentences if self.sentences else 0.0

    def as_dict(self) -> dict:
        """The same shape as the browser's readability check returns."""
        return {
            "sentences": self.sentences,
            "words": self.words,
            "average": self.average,
            "longSentences": [{"start": s.start, "words": s.words} for s in self.long_sentences],
            "longWords": self.long_words,
        }


def is_word(token: str) -> bool:
    return any(character.isalnum() for character in token)


def bare(token: str) -> str:
    """The word without the punctuation around it."""
    start, end = 0, len(token)
    while start < end and not token[start].isalnum():
        start += 1
    while end > start and not token[end - 1].isalnum():
        end -= 1
    return token[start:end]


def is_long_word(token: str) -> bool:
    if ADDRESS.search(token):
        return False
    return any(
        sum(character.isalpha() for character in part) > MAX_WORD_LETTERS
        for part in WORD_PARTS.split(token)
    )


def analyse(text: str) -> Readability:
    """Sentences, words and what is too long in a plain text (one line per paragraph)."""
    result = Readability()
    for line in text.split("\n"):
        for sentence in SENTENCE_END.split(line):
            words = [token for token in SPACES.split(sentence) if is_word(token)]
            if not words:
                continue
            result.sentences += 1
            result.words += len(words)
            if len(words) > MAX_SENTENCE_WORDS:
                start = " ".join(words[:QUOTE_WORDS])
                result.long_sentences.append(LongSentence(f"{start} …", len(words)))
            for token in words:
                word = bare(token)
                if is_long_word(token) and word not in result.long_words:
                    result.long_words.append(word)
    return result


# Block-level ends in rich text: each paragraph, list item and heading is a line.
LINE_ENDS = re.compile(r"</(p|li|h[1-6]|blockquote|div)>|<br\s*/?>", re.IGNORECASE)


def text_of_html(html: str) -> str:
    """The lines of a rich text's HTML, as the editor sees them."""
    from html import unescape

    return unescape(strip_tags(LINE_ENDS.sub("\n", html)))


def rules() -> dict[str, int]:
    """The numbers, for the browser's readability check (the same names)."""
    return {
        "maxSentenceWords": MAX_SENTENCE_WORDS,
        "maxWordLetters": MAX_WORD_LETTERS,
        "maxAverageWords": MAX_AVERAGE_WORDS,
        "quoteWords": QUOTE_WORDS,
    }


def message_templates() -> dict[str, str]:
    """The hints' texts in the active language, with %(name)s placeholders: the panel hands
    them to the browser's readability check, which fills them in as Python does here."""
    return {
        "longSentence": _("Sentence with %(count)s words (at most %(limit)s): “%(start)s”"),
        "longWord": _(
            "Long word (more than %(limit)s letters): %(word)s – split it with a hyphen "
            "or a Mediopunkt (·)"
        ),
        "average": _("%(average)s words per sentence on average (aim for at most %(limit)s)"),
        "summary": _("%(sentences)s sentences, %(average)s words per sentence on average"),
    }


def hints(result: Readability) -> list[str]:
    """What an editor should look at, in the active (admin) language."""
    texts = message_templates()
    messages = [
        texts["longSentence"] % {"count": s.words, "limit": MAX_SENTENCE_WORDS, "start": s.start}
        for s in result.long_sentences
    ]
    messages += [
        texts["longWord"] % {"limit": MAX_WORD_LETTERS, "word": word} for word in result.long_words
    ]
    if result.average > MAX_AVERAGE_WORDS:
        average = number_format(result.average, 1)
        messages.append(texts["average"] % {"average": average, "limit": MAX_AVERAGE_WORDS})
    return messages


def summary(result: Readability) -> str:
    return message_templates()["summary"] % {
        "sentences": result.sentences,
        "average": number_format(result.average, 1),
    }


def readability_hints(text: str) -> list[str]:
    """The hints for a plain text (one line per paragraph, heading or list item)."""
    return hints(analyse(text))
