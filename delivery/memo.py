"""The per-request memo: the one way a value is computed once per reader's request.

A reader's request (GET or HEAD outside the admin) runs inside ``request_memo()``, opened by
``SharedLookupsMiddleware``. Inside it, ``memoized(key, build)`` builds a value the first
time it is asked for and hands back the same value after that; a value found on the way
(the breadcrumb trail while routing, the home pages' translations with the shared rows) is
put in with ``prime`` so that no one computes it again. Outside a reader's request (the
admin, a form's POST, which may change content and with it these values midway; a
management command) nothing is kept: each value is built when asked for.

The memo lives in a context variable, so it belongs to the request being served on this
thread and ends with it; nothing is written on the request, on pages or on other objects.
"""

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

T = TypeVar("T")
_memo: ContextVar[dict | None] = ContextVar("migraup_request_memo", default=None)


@contextmanager
def request_memo() -> Iterator[None]:
    """Within this block each memoized value is built once (a reader's request)."""
    token = _memo.set({})
    try:
        yield
    finally:
        _memo.reset(token)


# Keys of the values one module finds and another reads.


def live_translations_key(page_id: int) -> tuple:
    """A page's live translations (its language alternates); the shared lookups put in
    those of the home pages."""
    return ("live-translations", page_id)


def breadcrumbs_key(page_id: int) -> tuple:
    """A page's breadcrumb trail (its live ancestors below the root); routing puts in that
    of the page it routed to."""
    return ("breadcrumbs", page_id)


def in_reader_request() -> bool:
    """True inside a reader's request (where values are kept)."""
    return _memo.get() is not None


def memoized(key: Hashable, build: Callable[[], T]) -> T:
    """The value under this key in the current request's memo, built on first use; outside
    a reader's request, built on every call."""
    memo = _memo.get()
    if memo is None:
        return build()
    if key not in memo:
        memo[key] = build()
    return memo[key]


def prime(key: Hashable, value: object) -> None:
    """Keeps a value found on the way for whoever asks for it later in this request (does
    nothing outside a reader's request, where nothing is kept)."""
    memo = _memo.get()
    if memo is not None:
        memo.setdefault(key, value)
