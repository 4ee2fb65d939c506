"""Search result snippets: a short passage around the first matched word, with the matched
words marked. Everything from the content and the query is escaped."""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from multilingual.compounds import MIN_HEAD, MIN_MODIFIER, compound_parts
from multilingual.stemming import WORD, normalize, stem

SNIPPET_LENGTH = 240
LEAD = 80


def _matcher(query_words: list[str], language: str):
    targets = set(query_words) | {stem(word, language) for word in query_words}
    prefixes = {target[:3] for target in targets}
    german = language == "de"

    def matches(word: str) -> bool:
        word = normalize(word, language)
        # Stemming is the slow part: only words that could match are stemmed.
        if word[:3] in prefixes and (word in targets or stem(word, language) in targets):
            return True
        # A German compound matches by its head or another part ("Beratung": Fachberatung).
        return (
            german
            and len(word) >= MIN_HEAD + MIN_MODIFIER
            and not targets.isdisjoint(compound_parts(word))
        )

    return matches


def has_match(text: str, query_words: list[str], language: str) -> bool:
    """Whether any word of ``text`` matches the query's words (as the snippet marks them)."""
    matches = _matcher(query_words, language)
    return any(matches(found.group()) for found in WORD.finditer(text))


def snippet(text: str, query_words: list[str], language: str) -> SafeString:
    """About SNIPPET_LENGTH characters of ``text`` around the first match, matches in <mark>."""
    if not text:
        return mark_safe("")
    matches = _matcher(query_words, language)
    first = next((m for m in WORD.finditer(text) if matches(m.group())), None)
    start = 0
    if first and first.start() > LEAD:
        start = text.rfind(" ", 0, first.start() - LEAD) + 1
    end = start + SNIPPET_LENGTH
    if end < len(text):
        end = max(text.rfind(" ", start, end), first.end() if first else 0) or end
    passage = text[start:end]
    parts = ["…"] if start > 0 else []
    position = 0
    for match in WORD.finditer(passage):
        if matches(match.group()):
            parts.append(escape(passage[position : match.start()]))
            parts.append(f"<mark>{escape(match.group())}</mark>")
            position = match.end()
    parts.append(escape(passage[position:]))
    if end < len(text):
        parts.append("…")
    return mark_safe("".join(parts))  # noqa: S308 - every piece above is escaped
