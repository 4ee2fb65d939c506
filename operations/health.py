"""/healthz: is this instance able to serve the site? For load balancers and monitoring.

Each configured dependency gets one cheap, real round trip (database, search node, cache).
The answer names failed checks by exception class (and errno name, such as ENOSPC for a
full cache disk) only: messages of database drivers carry host names and ports, those of
the file system paths; they stay in the server's log.

The status code is for load balancers: 200 while the instance can serve readers ("ok", or
"degraded" when search falls back to the database or pages are rendered without the cache:
every instance shares these, so taking this one out would help nobody), 503 only when it
cannot (the database is down). Monitoring alerts on "degraded".
"""

import errno
import logging
import time
import uuid
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import connections
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.http import require_safe
from wagtail.search.backends import get_search_backend

from operations.cache_backends import CACHE_ERRORS, failures_raised

logger = logging.getLogger("migraup.health")

HEALTH_PATH = "/healthz"
# Seconds the search node may take to answer a ping; probes usually give up after a few.
SEARCH_TIMEOUT = 2
OK_STATES = {"ok", "not configured"}


class CheckFailed(Exception):
    """A dependency answered, but not as it should (no ping answer, a lost cache value);
    or a step of a check failed (its name the argument, the failure its cause)."""


def check_database() -> None:
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_search() -> None:
    # The OpenSearch backend keeps its client in .es; ping() is a HEAD / that answers
    # False instead of raising when the node is unreachable.
    if not get_search_backend().es.ping(request_timeout=SEARCH_TIMEOUT):
        raise CheckFailed


def check_cache() -> None:
    # A key of its own per check, so that concurrent probes never read each other's value;
    # deleted again, so that probes every few seconds do not crowd out cached pages.
    # The tolerant cache backends would only log a failure: here it counts.
    key = f"healthz:{uuid.uuid4().hex}"
    try:
        with failures_raised():
            try:
                cache.set(key, "ok", timeout=10)
            except CACHE_ERRORS as error:
                raise CheckFailed("write") from error
            try:
                value = cache.get(key)
            except CACHE_ERRORS as error:
                raise CheckFailed("read") from error
        if value != "ok":
            raise CheckFailed("read")
    finally:
        cache.delete(key)


def run_check(name: str, check: Callable[[], None]) -> dict[str, object]:
    start = time.perf_counter()
    try:
        check()
    except Exception as exc:  # noqa: BLE001 - any failure is a failed check, never a 500
        # No traceback: probes repeat every few seconds for as long as the outage lasts.
        cause = exc.__cause__ if isinstance(exc, CheckFailed) and exc.__cause__ else exc
        logger.warning("Health check %s failed: %s: %s", name, type(cause).__name__, cause)
        result: dict[str, object] = {"status": "error", "error": type(cause).__name__}
        if isinstance(exc, CheckFailed) and exc.args:
            result["step"] = exc.args[0]
        if getattr(cause, "errno", None) in errno.errorcode:
            result["errno"] = errno.errorcode[cause.errno]
    else:
        result = {"status": "ok"}
    result["ms"] = round((time.perf_counter() - start) * 1000, 1)
    return result


def health_report() -> dict[str, object]:
    checks = {"database": run_check("database", check_database)}
    if settings.SEARCH_URL:
        checks["search"] = run_check("search", check_search)
    else:
        checks["search"] = {"status": "not configured"}
    checks["cache"] = run_check("cache", check_cache)
    if checks["database"]["status"] not in OK_STATES:
        status = "error"
    elif all(check["status"] in OK_STATES for check in checks.values()):
        status = "ok"
    else:
        # The site still serves readers: search falls back to the database, pages are
        # rendered without the cache. Monitoring sees it; the load balancer keeps us.
        status = "degraded"
    return {"status": status, "checks": checks}


@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    """200 while the site can serve pages (database up), 503 otherwise; never cached."""
    report = health_report()
    response = JsonResponse(report, status=503 if report["status"] == "error" else 200)
    response["Cache-Control"] = "no-store"
    return response


class HealthCheckMiddleware:
    """Answers /healthz before any other middleware.

    Probes of load balancers and containers ask for http://<internal address>/healthz:
    CommonMiddleware would refuse their Host header (DisallowedHost, a 400) unless it is in
    ALLOWED_HOSTS, and SecurityMiddleware would redirect them to https. The answer holds
    nothing but the checks' states, so it needs neither.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info == HEALTH_PATH:
            return healthz(request)
        return self.get_response(request)
