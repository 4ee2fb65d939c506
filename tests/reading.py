"""What a reader reads of a page: its text without markup, e.g. a sentence whose glossary
term is a button (glossary.terms) reads as the sentence."""

import html
import re

TAG = re.compile(r"<[^>]*>")


def visible_text(markup: str | bytes) -> str:
    """The text of an HTML page or fragment, tags removed and entities resolved."""
    if isinstance(markup, bytes):
        markup = markup.decode()
    return html.unescape(TAG.sub("", markup))
