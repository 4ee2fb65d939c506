"""Left-to-right runs (Latin names, addresses, web addresses) isolated in right-to-left text.

In an Arabic sentence the Unicode bidi algorithm lays out a Latin name as one
left-to-right stretch, but the punctuation at its edges takes the direction of the Arabic
around it: “… مشروع من MaMis en Movimiento e.V.” shows its last dot on the far left,
“.MaMis en Movimiento e.V”, and “migraUp!” at the end of a line loses its “!” to the other
side. Wrapped in ``<bdi>``, the run is laid out on its own and its marks stay with it.

``isolate_ltr_runs`` does that for every text of an HTML document that stands in
right-to-left content (the nearest ``dir`` attribute says ``rtl``): editors' rich text,
titles, the footer, whatever a template prints. It reads the document's tags and texts
with regular expressions (the HTML is the site's own templates') and rewrites text nodes
only, never tags, attribute values, the ``<head>``, scripts, styles or form controls'
texts; text already isolated (``<bdi>``, ``dir="auto"``, ``dir="ltr"`` inside
right-to-left text) is left alone. Right-to-left parts of a left-to-right page (a search
hit in Arabic) are treated alike; a page without any left-to-right character in its
right-to-left parts is not read at all. Nothing is shared between threads but compiled
patterns.
"""

import html
import re
import unicodedata
from itertools import groupby
from typing import NamedTuple


def _character_class(*bidi_classes: str) -> str:
    """A regular expression for one character of these bidi classes, up to the end of the
    supplementary multilingual plane (every script, not the rarer CJK ideographs).

    Two classes, the basic plane's and, behind a check of one range, the plane beyond: in
    one class, Python's matcher looks a basic-plane character up at once but then goes
    through the supplementary ranges one by one (about 240 of them for L) for each
    character that is not in the class, Arabic text above all (30 times as slow)."""

    def ranges(first: int, end: int) -> str:
        found = []
        characters = (chr(code) for code in range(first, end))
        for is_member, group in groupby(
            characters, key=lambda c: unicodedata.bidirectional(c) in bidi_classes
        ):
            if is_member:
                group = list(group)
                low, high = re.escape(group[0]), re.escape(group[-1])
                found.append(low if low == high else f"{low}-{high}")
        return "".join(found)

    return rf"(?:[{ranges(0, 0x10000)}]|(?=[\U00010000-\U0001ffff])[{ranges(0x10000, 0x20000)}])"


# Strong left-to-right characters (Latin, Greek, Cyrillic letters …) and strong
# right-to-left ones (Arabic, Hebrew letters …), as the bidi algorithm classes them.
LTR = _character_class("L")
RTL = _character_class("R", "AL")
LTR_CHARACTER = re.compile(LTR)
STRONG_CHARACTER = re.compile(f"{LTR}|{RTL}")
# A run: from a left-to-right character to the last one before right-to-left text, with
# a name's “!” (migraUp!) and the number after it (Straße 92, Tel.: +49 30 123 45), which
# the bidi algorithm lays out with the run. Each repetition of the number part ends at a
# digit, which the characters before it are not: no runaway backtracking.
RUN = re.compile(
    rf"(?P<name>{LTR}(?:(?:(?!{RTL})[\s\S])*{LTR})?!*)"
    r"(?P<number>(?:[\s.,:/+()\-–\u066b\u066c]*[0-9])*)"
)
# A number followed by right-to-left text is that text's (PDF, 4٫6 ك.ب).
BEFORE_RTL = re.compile(rf"\s*{RTL}")
# A number at the start of a line goes with the run after it (10247 Berlin).
LEADING_NUMBER = re.compile(r"\+?[0-9][0-9\s./\-–]*\Z")
WEB_ADDRESS = re.compile(r"(?:https?://|www\.)\S*", re.IGNORECASE)
# Sentence punctuation after a web address is not part of it.
AFTER_ADDRESS = ".,;:!?)"
ABBREVIATION = re.compile(r"(?:^|\s)(?:(?:[^\W\d_]{1,3}\.)+[^\W\d_]{1,3}|[^\W\d_])\Z")
BRACKETS = {"(": ")", "[": "]", "{": "}"}
# A right-to-left direction given anywhere, and an element that holds nothing but text
# (a language's name in a left-to-right page: <span lang="ar" dir="rtl">العربيّة</span>).
RTL_DIRECTION = re.compile(r"""\bdir\s*=\s*["']?rtl\b""", re.IGNORECASE)
TEXT_ONLY_ELEMENT = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)(\s[^<>]*)>([^<]*)</\1\s*>")

# Elements whose text is never changed: the document's head, code, form controls' texts,
# and what is no HTML text (scripts, styles, SVG, MathML).
SKIPPED = {
    "head", "title", "script", "style", "template", "textarea", "option", "select",
    "code", "pre", "kbd", "samp", "svg", "math", "iframe", "bdi", "bdo",
}  # fmt: skip
# Elements that are isolated from the text around them (for the bidi algorithm a neutral).
ISOLATING = {"bdi", "bdo"}
# Classes of text taken out of the line it stands in (positioned off-screen for screen
# readers): to the bidi algorithm it is no neighbour of the text around it.
OUT_OF_LINE = {"visually-hidden"}
# Elements inside a line of text; any other tag (p, li, br, div …) ends the line.
INLINE = {
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i", "img",
    "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time",
    "u", "var", "wbr",
}  # fmt: skip
VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
}  # fmt: skip


class _Text(NamedTuple):
    """A text node: where it is in the document, its text, and how it is treated."""

    start: int
    end: int
    text: str
    direction: str  # "rtl" or "ltr", from the nearest dir attribute
    skipped: bool
    # The isolating elements (bdi, an element with dir) it is in: the bidi algorithm
    # orders the text of each apart from the text around it.
    isolates: tuple[int, ...]


class _Element(NamedTuple):
    name: str
    direction: str
    skipped: bool
    isolates: tuple[int, ...]


# What the reader stops at: a comment, a declaration (<!DOCTYPE …>) or processing
# instruction, or a tag with its name and attributes (">" may stand in quoted values).
# What lies between is text.
TOKEN = re.compile(
    r"<!--.*?-->|<![^>]*>|<\?[^>]*>"
    r"""|<(/?)([a-zA-Z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>""",
    re.DOTALL,
)
ATTRIBUTE = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
# Elements whose content is text up to their end tag, whatever it holds.
RAW_TEXT = {"script": re.compile(r"</script\s*>", re.I), "style": re.compile(r"</style\s*>", re.I)}


def _attributes(text: str) -> dict[str, str]:
    """A start tag's attributes by lower-case name, their values unescaped."""
    found = {}
    for name, double, single, bare in ATTRIBUTE.findall(text):
        value = double or single or bare
        found.setdefault(name.lower(), html.unescape(value) if "&" in value else value)
    return found


def _read(document: str) -> list[list[_Text]]:
    """The document's lines of text: lists of text nodes between block tags. A tokenizer of
    regular expressions, not Python's HTML parser, which took most of the 22 ms that the
    Arabic home page's isolation cost."""
    open_elements = [_Element("", "ltr", False, ())]
    lines: list[list[_Text]] = [[]]
    isolates_seen = 0

    def add_text(start: int, end: int) -> None:
        if start < end:
            parent, raw = open_elements[-1], document[start:end]
            text = html.unescape(raw) if "&" in raw else raw
            lines[-1].append(
                _Text(start, end, text, parent.direction, parent.skipped, parent.isolates)
            )

    position = 0
    while (token := TOKEN.search(document, position)) is not None:
        add_text(position, token.start())
        position = token.end()
        closing, name, attribute_text = token.groups()
        if name is None:  # a comment or a declaration
            continue
        tag = name.lower()
        if tag not in INLINE and lines[-1]:  # any other tag ends the line
            lines.append([])
        if closing:
            names = [element.name for element in open_elements]
            if tag in names[1:]:
                # Closes the elements left open inside it too (an unclosed <p> or <li>).
                del open_elements[len(names) - 1 - names[::-1].index(tag) :]
            continue
        if tag in VOID or attribute_text.rstrip().endswith("/"):
            continue
        parent = open_elements[-1]
        attributes = _attributes(attribute_text) if attribute_text else {}
        given = attributes.get("dir", "").lower()
        isolates = parent.isolates
        if tag in ISOLATING or given or OUT_OF_LINE & set(attributes.get("class", "").split()):
            isolates_seen += 1
            isolates += (isolates_seen,)
        open_elements.append(
            _Element(
                tag,
                given if given in ("ltr", "rtl") else parent.direction,
                # Left-to-right content in right-to-left text is isolated already; a
                # left-to-right page (its <html dir="ltr">) may still hold right-to-left
                # parts, such as a search hit in Arabic.
                parent.skipped
                or tag in SKIPPED
                or given == "auto"
                or (given == "ltr" and parent.direction == "rtl"),
                isolates,
            )
        )
        if tag in RAW_TEXT:  # a script's or style's text, up to its end tag
            end = RAW_TEXT[tag].search(document, position)
            add_text(position, end.start() if end else len(document))
            position = end.start() if end else len(document)
    add_text(position, len(document))
    return lines


def isolate_ltr_runs(document: str) -> str:
    """The document with each left-to-right run of its right-to-left text in ``<bdi>``."""
    if _no_ltr_in_rtl_text(document):
        return document
    pieces, copied = [], 0
    for line in _read(document):
        for index, node in enumerate(line):
            if node.skipped or node.direction != "rtl" or not LTR_CHARACTER.search(node.text):
                continue
            runs = _runs(line, index)
            if runs:
                pieces += [document[copied : node.start], _wrapped(node.text, runs)]
                copied = node.end
    return "".join([*pieces, document[copied:]]) if pieces else document


def _no_ltr_in_rtl_text(document: str) -> bool:
    """Whether every right-to-left part of the document is an element of text alone without
    a left-to-right character: then there is nothing to isolate, and the document need not
    be read. Anything else, an Arabic page above all, is read."""
    for direction in RTL_DIRECTION.finditer(document):
        element = TEXT_ONLY_ELEMENT.match(document, document.rfind("<", 0, direction.start()))
        if (
            element is None
            or element.end(2) < direction.end()  # not in the element's start tag
            or LTR_CHARACTER.search(html.unescape(element[3]))
        ):
            return False
    return True


def _runs(line: list[_Text], index: int) -> list[tuple[int, int]]:
    """Where the runs to isolate are in the text of line[index]."""
    text = line[index].text
    runs = []
    for match in RUN.finditer(text):
        start, end = match.span()
        if match["number"] and BEFORE_RTL.match(text, end):
            end = match.end("name")
        end = _with_web_address(text, start, end)
        if text[end : end + 1] == "." and _is_abbreviation(text[start:end]):
            end += 1  # the dot of e.V. or z.B. belongs to the name
        while end < len(text) and _unclosed(text[start:end]) == text[end]:
            end += 1  # Verband (VIA) rather than Verband (VIA
        before, after = text[:start], text[end:]
        # A run that goes on in the next or previous node (migraUp! in one <span>, Pankow
        # in the next) is already one stretch for the bidi algorithm, which cutting it in
        # two isolated halves would reorder.
        node = line[index]
        if not STRONG_CHARACTER.search(after) and _next_strong(node, line[index + 1 :]) == "ltr":
            continue
        if not STRONG_CHARACTER.search(before):
            previous = _next_strong(node, line[index - 1 :: -1] if index else [], backwards=True)
            if previous == "ltr":
                continue
            number = LEADING_NUMBER.search(before)
            if previous is None and number and not before[: number.start()].strip():
                start = number.start()
        # A lone bracket would be mirrored apart from its partner outside: left as it was.
        if _unclosed(text[start:end]) is None:
            runs.append((start, end))
    return runs


def _with_web_address(text: str, start: int, end: int) -> int:
    """The end of the run, moved past the rest of a web address it ends in (its final /)."""
    word_start = max(start, text.rfind(" ", start, end) + 1, text.rfind("\n", start, end) + 1)
    address = WEB_ADDRESS.match(text, word_start)
    if address is None:
        return end
    return max(end, word_start + len(address.group().rstrip(AFTER_ADDRESS)))


def _is_abbreviation(run: str) -> bool:
    """Whether the run ends in an abbreviation whose dot follows it: e.V, z.B, a single letter."""
    return bool(ABBREVIATION.search(run))


def _unclosed(run: str) -> str | None:
    """The closing bracket the run lacks (“Verband (VIA”), "" for a closing bracket it
    does not open, None when its brackets are balanced."""
    expected: list[str] = []
    for character in run:
        if character in BRACKETS:
            expected.append(BRACKETS[character])
        elif character in BRACKETS.values() and (not expected or expected.pop() != character):
            return ""
    return expected[-1] if expected else None


def _next_strong(origin: _Text, nodes: list[_Text], backwards: bool = False) -> str | None:
    """The direction of the first strong character in these nodes that the bidi algorithm
    orders with the origin's text, if any before the end of the line or of the isolating
    element the origin is in. Text in isolating elements inside counts as neutral."""
    depth = len(origin.isolates)
    for node in nodes:
        if node.isolates[:depth] != origin.isolates:
            return None
        if len(node.isolates) > depth:
            continue
        found = STRONG_CHARACTER.findall(node.text)
        if found:
            character = found[-1] if backwards else found[0]
            return "ltr" if LTR_CHARACTER.match(character) else "rtl"
    return None


def _wrapped(text: str, runs: list[tuple[int, int]]) -> str:
    pieces, copied = [], 0
    for start, end in runs:
        pieces += [html.escape(text[copied:start]), "<bdi>", html.escape(text[start:end]), "</bdi>"]
        copied = end
    pieces.append(html.escape(text[copied:]))
    return "".join(pieces)
