"""Cache backends that keep the site up when the cache is not: Redis unreachable, or the
cache folder's disk full. Wagtail itself reads the cache on every request (the sites' root
paths), so a failing cache would otherwise turn every page into a 500. Each failure is
logged; reads miss and writes are skipped, so pages are simply rendered afresh."""

import logging
from typing import Any

from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger("migraup.cache")
# An unreachable or failing Redis; a full disk or a lost folder of the file cache.
CACHE_ERRORS = (RedisError, OSError)


class TolerantCacheMixin:
    def _failed(self, operation: str, default: Any) -> Any:
        logger.warning("Cache %s failed; going on without the cache", operation, exc_info=True)
        return default

    def get(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().get(*args, **kwargs)
        except CACHE_ERRORS:
            return self._failed("get", kwargs.get("default", args[1] if len(args) > 1 else None))

    def get_many(self, *args: Any, **kwargs: Any) -> dict:
        try:
            return super().get_many(*args, **kwargs)
        except CACHE_ERRORS:
            return self._failed("get_many", {})

    def has_key(self, *args: Any, **kwargs: Any) -> bool:
        try:
            return super().has_key(*args, **kwargs)
        except CACHE_ERRORS:
            return self._failed("has_key", False)

    def add(self, *args: Any, **kwargs: Any) -> bool:
        try:
            return super().add(*args, **kwargs)
        except CACHE_ERRORS:
            return self._failed("add", False)

    def set(self, *args: Any, **kwargs: Any) -> None:
        try:
            super().set(*args, **kwargs)
        except CACHE_ERRORS:
            self._failed("set", None)

    def set_many(self, *args: Any, **kwargs: Any) -> list:
        try:
            return super().set_many(*args, **kwargs)
        except CACHE_ERRORS:
            return self._failed("set_many", [])

    def touch(self, *args: Any, **kwargs: Any) -> bool:
        try:
            return super().touch(*args, **kwargs)
        except CACHE_ERRORS:
            return self._failed("touch", False)

    def delete(self, *args: Any, **kwargs: Any) -> bool:
        try:
            return super().delete(*args, **kwargs)
        except CACHE_ERRORS:
            return self._failed("delete", False)

    def delete_many(self, *args: Any, **kwargs: Any) -> None:
        try:
            super().delete_many(*args, **kwargs)
        except CACHE_ERRORS:
            self._failed("delete_many", None)


class TolerantRedisCache(TolerantCacheMixin, RedisCache):
    pass


class TolerantFileBasedCache(TolerantCacheMixin, FileBasedCache):
    pass
