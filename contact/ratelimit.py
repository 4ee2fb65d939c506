"""How many contact-form messages one address may send: CONTACT_RATE_LIMIT per
CONTACT_RATE_WINDOW_MINUTES (operations.ratelimit).

The address is the one the login limit (django-axes) sees, so it is counted behind the
trusted proxies the same way.
"""

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.http import HttpRequest

from operations import ratelimit

SCOPE = "contact"


def _limits(request: HttpRequest) -> tuple[str, str, int, int]:
    # Without an address (a proxy chain that does not match TRUSTED_PROXY_COUNT), all such
    # senders share one counter: the limit still bounds the flood.
    address = get_client_ip_address(request) or "unknown"
    window = settings.CONTACT_RATE_WINDOW_MINUTES * 60
    return SCOPE, address, settings.CONTACT_RATE_LIMIT, window


def seconds_blocked(request: HttpRequest) -> int | None:
    """Seconds until this address may send again, or None if it may send now."""
    return ratelimit.seconds_blocked(*_limits(request))


def count_message(request: HttpRequest) -> int | None:
    """Count one message from this address: the seconds to wait if it is over the limit
    (then the message must not be stored or sent), else None."""
    return ratelimit.count(*_limits(request))
