"""Cache backends that keep the site up when the cache is not: Redis unreachable, or the
cache folder's disk full. Wagtail itself reads the cache on every request (the sites' root
paths), so a failing cache would otherwise turn every page into a 500. Each failure is
logged; reads miss and writes are skipped, so pages are simply rendered afresh.

Code that must know whether a write reached the cache (purging, the health check) runs it
within ``failures_raised()``."""

import errno
import itertools
import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger("migraup.cache")
# An unreachable or failing Redis; a full disk or a lost folder of the file cache.
CACHE_ERRORS = (RedisError, OSError)
# True while a failure must reach the caller: within failures_raised(), and within an
# operation that calls others (the file cache's add() calls set(): that set() must not
# swallow the failure and let add() report success).
_raising: ContextVar[bool] = ContextVar("migraup_cache_raising", default=False)
# A failing cache fails on every request, several times: one warning (with its traceback)
# a minute for each kind of failure is enough, and a log on the same full disk must not
# grow with every request. The next warning says how many were left out.
LOG_EVERY_SECONDS = 60
_last_warning: dict[tuple[str, str], tuple[float, int]] = {}
_last_warning_lock = threading.Lock()


def _warning_due(operation: str, failure: str) -> int | None:
    """None while this failure was logged less than LOG_EVERY_SECONDS ago (counted), else
    the number of its warnings left out since the last one."""
    now = time.monotonic()
    with _last_warning_lock:
        logged_at, left_out = _last_warning.get((operation, failure), (None, 0))
        if logged_at is not None and now - logged_at < LOG_EVERY_SECONDS:
            _last_warning[(operation, failure)] = (logged_at, left_out + 1)
            return None
        _last_warning[(operation, failure)] = (now, 0)
        return left_out


@contextmanager
def failures_raised() -> Iterator[None]:
    """Within this block the tolerant backends raise their failures (CACHE_ERRORS)."""
    token = _raising.set(True)
    try:
        yield
    finally:
        _raising.reset(token)


def failure_name(error: BaseException) -> str:
    """ "OSError ENOSPC": the class and the errno's name, never the message, which holds
    paths, host names and ports."""
    code = errno.errorcode.get(getattr(error, "errno", None) or 0)
    return f"{type(error).__name__} {code}" if code else type(error).__name__


class TolerantCacheMixin:
    def _tolerant(self, operation: str, default: Any, method: Callable, *args, **kwargs) -> Any:
        if _raising.get():
            return method(*args, **kwargs)
        token = _raising.set(True)
        try:
            return method(*args, **kwargs)
        except CACHE_ERRORS as error:
            failure = failure_name(error)
            left_out = _warning_due(operation, failure)
            if left_out is not None:
                logger.warning(
                    "Cache %s failed (%s); going on without the cache "
                    "(%s such warnings left out before this one)",
                    operation,
                    failure,
                    left_out,
                    exc_info=True,
                )
            return default
        finally:
            _raising.reset(token)

    def get(self, *args: Any, **kwargs: Any) -> Any:
        default = kwargs.get("default", args[1] if len(args) > 1 else None)
        return self._tolerant("get", default, super().get, *args, **kwargs)

    def get_many(self, *args: Any, **kwargs: Any) -> dict:
        return self._tolerant("get_many", {}, super().get_many, *args, **kwargs)

    def has_key(self, *args: Any, **kwargs: Any) -> bool:
        return self._tolerant("has_key", False, super().has_key, *args, **kwargs)

    def add(self, *args: Any, **kwargs: Any) -> bool:
        return self._tolerant("add", False, super().add, *args, **kwargs)

    def set(self, *args: Any, **kwargs: Any) -> None:
        self._tolerant("set", None, super().set, *args, **kwargs)

    def set_many(self, data: dict, *args: Any, **kwargs: Any) -> list:
        # The keys that were not stored: all of them.
        return self._tolerant("set_many", list(data), super().set_many, data, *args, **kwargs)

    def touch(self, *args: Any, **kwargs: Any) -> bool:
        return self._tolerant("touch", False, super().touch, *args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> bool:
        return self._tolerant("delete", False, super().delete, *args, **kwargs)

    def delete_many(self, *args: Any, **kwargs: Any) -> None:
        self._tolerant("delete_many", None, super().delete_many, *args, **kwargs)


class TolerantRedisCache(TolerantCacheMixin, RedisCache):
    pass


class TolerantFileBasedCache(TolerantCacheMixin, FileBasedCache):
    """Django's file cache, counting its entries every MAX_ENTRIES / CULL_CHECKS_PER_SIZE
    writes rather than on each.

    Django lists the whole folder on each write to see whether MAX_ENTRIES is reached:
    8.6 ms at the 5,000 entries of the default, with the GIL held, on every page the
    cache stores. Counting on every 100th write (at 5,000) costs a hundredth of that; each
    process may write that many entries past MAX_ENTRIES before culling."""

    CULL_CHECKS_PER_SIZE = 50

    def __init__(self, dir: str, params: dict) -> None:
        super().__init__(dir, params)
        self._writes = itertools.count()  # next() on it is atomic: safe across threads
        self._check_every = max(1, self._max_entries // self.CULL_CHECKS_PER_SIZE)

    def _cull(self) -> None:
        if next(self._writes) % self._check_every == 0:
            super()._cull()
