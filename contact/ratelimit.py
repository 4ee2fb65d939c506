"""How many contact-form messages one address may send: CONTACT_RATE_LIMIT per
CONTACT_RATE_WINDOW_MINUTES, counted in the cache every gunicorn worker shares.

The address is the one the login limit (django-axes) sees, so it is counted behind the
trusted proxies the same way. Nothing is kept but a counter under a keyed hash of the
address, which expires with its window.
"""

import logging
import time

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.crypto import salted_hmac

from core.cache_backends import CACHE_ERRORS

logger = logging.getLogger(__name__)


def _window() -> int:
    return settings.CONTACT_RATE_WINDOW_MINUTES * 60


def _key(request: HttpRequest, now: float) -> tuple[str, int]:
    """The counter's key for this address and fixed window, and the seconds that window has
    left. A keyed hash: the 2³² IPv4 addresses could be tried against a plain one."""
    window = _window()
    start = int(now // window) * window
    # Without an address (a proxy chain that does not match TRUSTED_PROXY_COUNT), all such
    # senders share one counter: the limit still bounds the flood.
    address = get_client_ip_address(request) or "unknown"
    digest = salted_hmac("contact.ratelimit", address).hexdigest()[:32]
    return f"contact-rate:{digest}:{start}", max(1, int(start + window - now))


def seconds_blocked(request: HttpRequest) -> int | None:
    """Seconds until this address may send again, or None if it may send now."""
    key, left = _key(request, time.time())
    try:
        count = cache.get(key, 0)
    except CACHE_ERRORS:  # the tolerant backends catch these; any other backend may not
        count = 0
    return left if count >= settings.CONTACT_RATE_LIMIT else None


def count_message(request: HttpRequest) -> int | None:
    """Count one message from this address. Returns the seconds to wait if it is over the
    limit (then the message must not be stored or sent), else None.

    add + incr is atomic on Redis; the file cache's incr is a read and a write, so
    simultaneous posts there may be undercounted by a few. When the cache fails, the message
    is let through (failing open, logged): the form must not go silent because the cache did.
    """
    key, left = _key(request, time.time())
    try:
        # The counter lives a little past its window, so incr never meets an expired key.
        if cache.add(key, 1, timeout=left + 60):
            count = 1
        else:
            count = cache.incr(key)
            # The file cache's incr writes the value back with the default timeout.
            cache.touch(key, timeout=left + 60)
    except (ValueError, *CACHE_ERRORS):
        # incr raises ValueError on a missing key: the failing cache returned nothing.
        logger.warning("Contact rate limit: the cache failed, message accepted uncounted")
        return None
    return left if count > settings.CONTACT_RATE_LIMIT else None
