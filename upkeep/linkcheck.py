"""The weekly check of external links (`make worker`; `manage.py check_links` by hand).

Polite and bounded: one request at a time, LINK_CHECK_HOST_DELAY seconds between two
requests to the same host, LINK_CHECK_TIMEOUT seconds per request, at most LINK_CHECK_MAX
addresses per run, HEAD first (GET, reading nothing of the body, where HEAD is refused),
redirects followed by hand up to five. Addresses that resolve to private, loopback or
link-local networks are not requested (an editor's link must not make the server probe its
own network), unless LINK_CHECK_ALLOW_PRIVATE is set (the tests' loopback servers).
"""

import ipaddress
import logging
import socket
import time
from datetime import timedelta
from urllib.parse import urljoin, urlsplit

import requests
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from upkeep.links import external_links
from upkeep.models import ExternalLink, LinkCheckRun

logger = logging.getLogger("migraup.linkcheck")

INTERVAL = timedelta(days=7)
MAX_REDIRECTS = 5
USER_AGENT = "migraUp-Pankow-Linkpruefung/1.0 (weekly check of the site's links)"
# Refused HEAD: answered again with GET.
HEAD_REFUSED = {403, 404, 405, 501}


def is_private(host: str) -> bool:
    """True if any address the host resolves to is not on the public internet."""
    try:
        infos = socket.getaddrinfo(host, None)
    except OSError:
        return False  # not resolvable: the request will say so
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if not address.is_global:
            return True
    return False


def check_url(session: requests.Session, url: str) -> tuple[int | None, str]:
    """(final HTTP status, error) of the address; the status is None when none came."""
    timeout = settings.LINK_CHECK_TIMEOUT
    for _hop in range(MAX_REDIRECTS + 1):
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return None, "not a web address"
        if not settings.LINK_CHECK_ALLOW_PRIVATE and is_private(parts.hostname):
            return None, "private network address, not checked"
        try:
            response = session.head(url, timeout=timeout, allow_redirects=False)
            if response.status_code in HEAD_REFUSED:
                response.close()
                response = session.get(url, timeout=timeout, allow_redirects=False, stream=True)
            response.close()
        except requests.Timeout:
            return None, "timeout"
        except requests.ConnectionError:
            return None, "no connection"
        except requests.RequestException as error:
            return None, type(error).__name__
        if response.is_redirect and response.headers.get("Location"):
            url = urljoin(url, response.headers["Location"])
            continue
        return response.status_code, ""
    return None, "too many redirects"


def is_broken(status: int | None, error: str) -> bool:
    if error == "private network address, not checked":
        return False  # not known to be broken
    return status is None or status >= 400


def run_check() -> LinkCheckRun:
    """Check every external link (up to LINK_CHECK_MAX), record the answers and forget the
    addresses nothing links to any more."""
    run = LinkCheckRun.objects.create(started_at=timezone.now())
    found = external_links()
    with transaction.atomic():
        ExternalLink.objects.exclude(url__in=found).delete()
    addresses = sorted(found)[: settings.LINK_CHECK_MAX]
    if len(found) > len(addresses):
        logger.warning(
            "Link check: %d addresses, checking the first %d", len(found), len(addresses)
        )
    last_request: dict[str, float] = {}
    session = requests.Session()
    session.headers["User-Agent"] = USER_AGENT
    for url in addresses:
        host = urlsplit(url).hostname or ""
        wait = last_request.get(host, 0) + settings.LINK_CHECK_HOST_DELAY - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        status, error = check_url(session, url)
        last_request[host] = time.monotonic()
        link, _created = ExternalLink.objects.update_or_create(
            url=url,
            defaults={
                "status": status,
                "error": error,
                "broken": is_broken(status, error),
                "checked_at": timezone.now(),
            },
        )
        link.pages.set(found[url]["pages"])
        link.documents.set(found[url]["documents"])
        run.checked += 1
        run.broken += link.broken
    session.close()
    run.finished_at = timezone.now()
    run.save()
    logger.info("Link check: %d checked, %d broken", run.checked, run.broken)
    return run


def run_if_due() -> LinkCheckRun | None:
    """The worker's weekly job: a run when the last one began a week ago or more."""
    last = LinkCheckRun.objects.first()
    if last is not None and last.started_at > timezone.now() - INTERVAL:
        return None
    return run_check()
