"""Operations: /healthz, the 503 page of a database outage, the 500 page, JSON logs."""

import io
import json
import logging
import subprocess
import sys
from datetime import UTC, datetime

import pytest
from django.conf import settings
from django.conf import settings as django_settings
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from migraup.settings.operations import logging_config
from operations.logging import JSONFormatter
from tests.processes import child_environment

PROJECT_ROOT = settings.BASE_DIR
HEALTH_MIDDLEWARE = "operations.health.HealthCheckMiddleware"
REQUEST_LOG_MIDDLEWARE = "operations.logging.RequestLogMiddleware"

# (language, text of the 500 page's heading, text of the 503 page's heading, direction)
PAGES = [
    ("de", "Entschuldigung, ein Fehler ist aufgetreten", "vorübergehend nicht erreichbar", "ltr"),
    ("en", "Sorry, something went wrong", "temporarily unavailable", "ltr"),
    ("es", "Lo sentimos, se ha producido un error", "no está disponible temporalmente", "ltr"),
    ("it", "Siamo spiacenti, si è verificato un errore", "temporaneamente non disponibile", "ltr"),
    ("tr", "Üzgünüz, bir hata oluştu", "geçici olarak ulaşılamıyor", "ltr"),
    ("ar", "عذرًا، حدث خطأ ما", "الموقع غير متاح مؤقتًا", "rtl"),
]
SERVER_ERROR = {lang: text for lang, text, _unavailable, _dir in PAGES}
UNAVAILABLE = {lang: text for lang, _error, text, _dir in PAGES}
DIRECTION = {lang: direction for lang, _error, _unavailable, direction in PAGES}


def assert_plain_error_page(html: str, lang: str) -> None:
    """Localized, styled by the site's stylesheet, nothing inline that CSP would block."""
    assert f'<html lang="{lang}" dir="{DIRECTION[lang]}">' in html
    assert '<link rel="stylesheet" href="/static/css/site.css">' in html
    assert "<style" not in html and "style=" not in html and "<script" not in html
    assert "Traceback" not in html


# /healthz ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_healthz_reports_each_check(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Cache-Control"] == "no-store"
    report = response.json()
    assert report["status"] == "ok"
    checks = report["checks"]
    assert set(checks) == {"database", "search", "cache"}
    for name in ("database", "cache"):
        assert checks[name]["status"] == "ok"
        assert isinstance(checks[name]["ms"], float)
    expected_search = "ok" if django_settings.SEARCH_URL else "not configured"
    assert checks["search"]["status"] == expected_search


@pytest.mark.django_db
@pytest.mark.parametrize("accept_language", ["", "en", "ar"])
def test_healthz_is_never_sent_to_a_language(client, accept_language):
    response = client.get("/healthz", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 200
    assert "Location" not in response


@pytest.mark.django_db
def test_healthz_answers_head_and_refuses_post(client):
    head = client.head("/healthz")
    assert head.status_code == 200
    assert head.content == b""
    assert head["Cache-Control"] == "no-store"
    assert client.post("/healthz").status_code == 405


@pytest.mark.django_db
def test_unreachable_search_node_is_degraded_without_its_address(client, settings):
    settings.SEARCH_URL = "http://search-admin:s3cret@127.0.0.1:9"
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.opensearch2",
            "URLS": [settings.SEARCH_URL],
            "TIMEOUT": 1,
        }
    }
    response = client.get("/healthz")
    # The search page falls back to the database: the instance still serves readers.
    assert response.status_code == 200
    report = response.json()
    assert report["status"] == "degraded"
    assert report["checks"]["search"]["status"] == "error"
    assert report["checks"]["database"]["status"] == "ok"
    body = response.content.decode()
    assert "127.0.0.1" not in body and "s3cret" not in body


@pytest.mark.django_db
def test_unreachable_cache_is_degraded_and_pages_still_render(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "operations.cache_backends.TolerantRedisCache",
            "LOCATION": "redis://:s3cret@127.0.0.1:9/0",
        }
    }
    response = client.get("/healthz")
    # Pages are rendered without the cache: the balancer keeps the instance (200),
    # monitoring sees "degraded" and which step failed.
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    cache_check = response.json()["checks"]["cache"]
    assert (cache_check["status"], cache_check["step"]) == ("error", "write")
    assert cache_check["error"] == "ConnectionError"
    assert "s3cret" not in response.content.decode()
    assert "127.0.0.1" not in response.content.decode()
    # Readers get their pages, rendered without the cache.
    page = client.get("/de/projekte/migrapower/")
    assert page.status_code == 200
    assert "MigraPower" in page.content.decode()
    assert page["X-Cache"] == "MISS"


@pytest.mark.django_db
def test_probes_need_no_allowed_host_with_the_health_middleware(client, settings):
    assert HEALTH_MIDDLEWARE in settings.MIDDLEWARE
    assert client.get("/healthz", HTTP_HOST="10.0.0.7:8000").status_code == 200
    # Only /healthz: pages still check the host.
    assert client.get("/de/", HTTP_HOST="10.0.0.7:8000").status_code == 400
    # Without it, CommonMiddleware would refuse an internal address as Host.
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if m != HEALTH_MIDDLEWARE]
    client.handler.load_middleware()
    assert client.get("/healthz", HTTP_HOST="10.0.0.7:8000").status_code == 400


@pytest.mark.django_db
def test_healthz_is_not_redirected_to_https(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz").status_code == 200
    assert client.get("/de/").status_code == 301


# The database is down: a real one, not a mock ---------------------------------------------

DATABASE_DOWN_SCRIPT = """
import json, sys
import django

django.setup()
from django.test import Client

client = Client(raise_request_exception=False)
answers = {}
for request in sys.argv[1:]:
    method, url = request.split(" ", 1) if " " in request else ("GET", request)
    write = method != "GET"
    response = client.generic(
        method, url, "{}" if write else "", content_type="application/json",
        headers={"Authorization": "Bearer wagtail_not-a-real-token"} if write else {},
    )
    answers[request] = {
        "status": response.status_code,
        "headers": dict(response.headers),
        "body": response.content.decode(),
    }
print(json.dumps(answers))
"""
DOWN_URLS = ["/de/", "/en/projects/", "/ar/", "/xx/", "/healthz"]
FAKE_PASSWORD = "not-a-real-password-4711"


def with_database_down(requests: list[str], **env: str) -> tuple[dict, list[str]]:
    """The answers to these requests ("/de/" or "PATCH /api/v3/pages/5/", writes with a JSON
    body and a token) of a process whose database refuses connections (port 9), and the
    lines it logged."""
    done = subprocess.run(
        [sys.executable, "-c", DATABASE_DOWN_SCRIPT, *requests],
        cwd=PROJECT_ROOT,
        env=child_environment(
            DJANGO_SETTINGS_MODULE="migraup.settings.test",
            DATABASE_URL=f"postgres://nobody:{FAKE_PASSWORD}@127.0.0.1:9/nothing",
            **env,
        ),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(done.stdout), done.stderr.splitlines()


@pytest.fixture(scope="module")
def database_down():
    """Answers and JSON log lines of the site while its database is down."""
    from django.core.cache import cache

    # From an empty cache: this module-scoped fixture runs before the per-test emptying,
    # and with a shared cache (Redis, which the child process uses too) a page an earlier
    # test cached would answer instead of the outage.
    cache.clear()
    answers, stderr = with_database_down(DOWN_URLS, LOG_FORMAT="json", LOG_LEVEL="INFO")
    # One log event a line: a traceback only ever appears inside a JSON line.
    assert not [line for line in stderr if "Traceback" in line and not line.startswith("{")]
    logs = [json.loads(line) for line in stderr if line.startswith("{")]
    return answers, logs


@pytest.mark.parametrize("url,lang", [("/de/", "de"), ("/en/projects/", "en"), ("/ar/", "ar")])
def test_database_outage_is_a_localized_503(database_down, url, lang):
    answer = database_down[0][url]
    assert answer["status"] == 503
    assert answer["headers"]["Retry-After"] == "120"
    assert answer["headers"]["Cache-Control"] == "no-store"
    html = answer["body"]
    assert_plain_error_page(html, lang)
    assert UNAVAILABLE[lang] in html
    assert FAKE_PASSWORD not in html and "127.0.0.1" not in html


def test_database_outage_404_is_a_503_too(database_down):
    # The 404 page needs the menus from the database; its failure ends on the 503 page.
    answer = database_down[0]["/xx/"]
    assert answer["status"] == 503
    assert UNAVAILABLE["de"] in answer["body"]


def test_database_outage_fails_healthz(database_down):
    answer = database_down[0]["/healthz"]
    assert answer["status"] == 503
    assert answer["headers"]["Cache-Control"] == "no-store"
    report = json.loads(answer["body"])
    assert report["status"] == "error"
    assert report["checks"]["database"]["status"] == "error"
    assert report["checks"]["database"]["error"] == "OperationalError"
    assert report["checks"]["cache"]["status"] == "ok"
    assert FAKE_PASSWORD not in answer["body"] and "127.0.0.1" not in answer["body"]


def test_database_outage_is_logged_as_json(database_down):
    logs = database_down[1]
    errors = [line for line in logs if line["logger"] == "django.request"]
    error = next(line for line in errors if line["path"] == "/de/")
    assert error["level"] == "ERROR"
    assert error["status"] == 503
    assert error["method"] == "GET"
    assert "OperationalError" in error["exc_info"]
    requests = {line["path"]: line for line in logs if line["logger"] == "migraup.request"}
    assert requests["/de/"]["status"] == 503
    # Probes are answered before the request log (they would drown it).
    assert "/healthz" not in requests
    assert requests["/de/"]["bytes"] > 0
    assert "user_id" not in requests["/de/"]
    assert not [line for line in logs if FAKE_PASSWORD in json.dumps(line)]


# Any other error: the localized 500 page ------------------------------------------------


@pytest.fixture
def failing_client(client):
    client.raise_request_exception = False
    return client


@pytest.mark.urls("tests.urls_raising")
@pytest.mark.parametrize("lang", [lang for lang, *_texts in PAGES])
def test_a_crash_is_the_localized_500_page(failing_client, lang):
    # No django_db mark: the error page may not touch the database at all.
    response = failing_client.get(f"/{lang}/crash/")
    assert response.status_code == 500
    assert "Retry-After" not in response
    html = response.content.decode()
    assert_plain_error_page(html, lang)
    assert SERVER_ERROR[lang] in html
    assert f'href="/{lang}/"' in html


@pytest.mark.urls("tests.urls_raising")
@pytest.mark.parametrize("accept_language,lang", [("tr", "tr"), ("", "de")])
def test_a_crash_without_language_prefix_uses_the_active_language(
    failing_client, accept_language, lang
):
    response = failing_client.get("/crash/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 500
    assert SERVER_ERROR[lang] in response.content.decode()


@pytest.mark.urls("tests.urls_raising")
def test_a_bad_query_is_a_500_not_an_outage(failing_client):
    response = failing_client.get("/en/bad-query/")
    assert response.status_code == 500
    assert SERVER_ERROR["en"] in response.content.decode()


@pytest.mark.urls("tests.urls_raising")
def test_a_lost_connection_behind_another_error_is_an_outage(failing_client):
    response = failing_client.get("/ar/lost-connection/")
    assert response.status_code == 503
    assert response["Retry-After"] == "120"
    assert_plain_error_page(response.content.decode(), "ar")
    assert UNAVAILABLE["ar"] in response.content.decode()


# Logs ---------------------------------------------------------------------------------------


def test_json_formatter_writes_one_parsable_line():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JSONFormatter())
    logger = logging.getLogger("tests.operations.json")
    logger.addHandler(handler)
    logger.propagate = False
    request = RequestFactory().post(
        "/admin/login/?next=/admin/pages/",
        {"username": "ada", "password": "hunter2"},
        HTTP_COOKIE="sessionid=abc123",
        REMOTE_ADDR="192.0.2.10",
    )
    try:
        try:
            1 / 0  # noqa: B018
        except ZeroDivisionError:
            logger.exception(
                "Import of %s failed",
                "flyer.pdf",
                extra={"request": request, "rows": 3, "password": "hunter2", "status_code": 500},
            )
    finally:
        logger.removeHandler(handler)
    output = stream.getvalue()
    assert output.count("\n") == 1
    line = json.loads(output)
    assert datetime.fromisoformat(line["time"]).utcoffset() == UTC.utcoffset(None)
    assert line["level"] == "ERROR"
    assert line["logger"] == "tests.operations.json"
    assert line["message"] == "Import of flyer.pdf failed"
    assert line["exc_info"].startswith("Traceback")
    assert "ZeroDivisionError" in line["exc_info"]
    assert line["rows"] == 3
    assert line["password"] == "[redacted]"
    assert line["method"] == "POST" and line["path"] == "/admin/login/"
    assert line["remote_addr"] == "192.0.2.10"
    assert line["status"] == 500
    assert "hunter2" not in output and "abc123" not in output and "next=" not in output


@pytest.mark.django_db
def test_request_middleware_logs_one_line_per_request(client, settings, caplog):
    assert REQUEST_LOG_MIDDLEWARE in settings.MIDDLEWARE
    caplog.set_level(logging.INFO, logger="migraup.request")
    response = client.get("/de/?q=geheim")
    assert response.status_code == 200
    missing = client.get("/de/gibt-es-nicht/")
    assert missing.status_code == 404
    records = [record for record in caplog.records if record.name == "migraup.request"]
    assert len(records) == 2
    page, not_found = records
    assert (page.method, page.path, page.status) == ("GET", "/de/", 200)
    assert page.bytes == len(response.content)
    assert page.duration_ms > 0
    assert page.getMessage() == f"GET /de/ 200 {page.duration_ms}ms"
    assert not hasattr(page, "user_id")
    assert (not_found.path, not_found.status) == ("/de/gibt-es-nicht/", 404)
    line = json.loads(JSONFormatter().format(page))
    assert line["status"] == 200 and line["path"] == "/de/" and line["level"] == "INFO"
    assert "geheim" not in json.dumps(line)


@pytest.mark.django_db
def test_request_log_names_the_signed_in_user(client, settings, caplog, editor):
    assert REQUEST_LOG_MIDDLEWARE in settings.MIDDLEWARE
    caplog.set_level(logging.INFO, logger="migraup.request")
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200
    record = next(record for record in caplog.records if record.name == "migraup.request")
    assert record.user_id == editor.pk
    assert json.loads(JSONFormatter().format(record))["user_id"] == editor.pk


def test_log_format_selects_the_formatter():
    assert logging_config("json")["handlers"]["console"]["formatter"] == "json"
    assert logging_config("text")["handlers"]["console"]["formatter"] == "text"
    assert logging_config("json")["formatters"]["json"]["()"] == "operations.logging.JSONFormatter"
    with pytest.raises(ImproperlyConfigured):
        logging_config("xml")


def test_a_failing_cache_logs_once_a_minute_not_on_every_request(settings, caplog, monkeypatch):
    """A full cache disk fails on every request: its log (maybe on the same disk) must not
    grow with each one."""
    from django.core.cache import caches

    from operations import cache_backends

    settings.CACHES = {
        "default": {
            "BACKEND": "operations.cache_backends.TolerantRedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
        }
    }
    monkeypatch.setattr(cache_backends, "_last_warning", {})
    failing = caches.create_connection("default")
    caplog.set_level(logging.WARNING, logger="migraup.cache")
    for _ in range(5):
        assert failing.get("key", "missed") == "missed"
    warnings = [r.getMessage() for r in caplog.records if r.name == "migraup.cache"]
    assert warnings == [
        "Cache get failed (ConnectionError); going on without the cache "
        "(0 such warnings left out before this one)"
    ]
    # A minute later the next failure is logged again, with the count of those left out.
    logged_at, left_out = cache_backends._last_warning["get", "ConnectionError"]
    earlier = logged_at - cache_backends.LOG_EVERY_SECONDS
    cache_backends._last_warning["get", "ConnectionError"] = (earlier, left_out)
    failing.get("key")
    assert caplog.records[-1].getMessage().endswith("(4 such warnings left out before this one)")
