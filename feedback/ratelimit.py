"""How many answers one address may give: FEEDBACK_RATE_LIMIT per
FEEDBACK_RATE_WINDOW_MINUTES (operations.ratelimit), counted like the contact form's
messages. The address is hashed into a counter that expires with its window; it is
never stored with an answer."""

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.http import HttpRequest

from operations import ratelimit

SCOPE = "feedback"


def count_answer(request: HttpRequest) -> int | None:
    """Count one answer from this address: the seconds to wait if it is over the limit
    (then the answer must not be stored), else None."""
    address = get_client_ip_address(request) or "unknown"
    window = settings.FEEDBACK_RATE_WINDOW_MINUTES * 60
    return ratelimit.count(SCOPE, address, settings.FEEDBACK_RATE_LIMIT, window)
