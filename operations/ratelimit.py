"""Fixed-window counters in the cache every gunicorn worker shares: how often one sender
(an address, an account) may do something that stores or sends, such as a contact message or
a password-reset e-mail.

Nothing is kept but a counter under a keyed hash of the sender, which expires with its
window: the 2³² IPv4 addresses could be tried against a plain hash.
"""

import logging
import time

from django.core.cache import cache
from django.utils.crypto import salted_hmac

from operations.cache_backends import CACHE_ERRORS

logger = logging.getLogger(__name__)


def _key(scope: str, sender: str, window: int, now: float) -> tuple[str, int]:
    """The counter's key for this sender and window, and the seconds the window has left."""
    start = int(now // window) * window
    digest = salted_hmac(f"ratelimit.{scope}", sender).hexdigest()[:32]
    return f"ratelimit:{scope}:{digest}:{start}", max(1, int(start + window - now))


def seconds_blocked(scope: str, sender: str, limit: int, window: int) -> int | None:
    """Seconds until this sender may act again, or None if it may act now."""
    key, left = _key(scope, sender, window, time.time())
    try:
        count = cache.get(key, 0)
    except CACHE_ERRORS:  # the tolerant backends catch these; any other backend may not
        count = 0
    return left if count >= limit else None


def count(scope: str, sender: str, limit: int, window: int) -> int | None:
    """Count one action of this sender. Returns the seconds to wait if it is over the limit
    (then the action must not happen), else None.

    add + incr is atomic on Redis; the file cache's incr is a read and a write, so
    simultaneous requests there may be undercounted by a few. When the cache fails, the
    action is let through (failing open, logged): a form must not go silent because the
    cache did.
    """
    key, left = _key(scope, sender, window, time.time())
    try:
        # The counter lives a little past its window, so incr never meets an expired key.
        if cache.add(key, 1, timeout=left + 60):
            value = 1
        else:
            value = cache.incr(key)
            # The file cache's incr writes the value back with the default timeout.
            cache.touch(key, timeout=left + 60)
    except (ValueError, *CACHE_ERRORS):
        # incr raises ValueError on a missing key: the failing cache returned nothing.
        logger.warning("Rate limit %s: the cache failed, action allowed uncounted", scope)
        return None
    return left if value > limit else None
