"""`make serve` runs `check --deploy --fail-level WARNING` first: what an operator turns off on
purpose (the redirect, behind a proxy that redirects itself; HTTPS altogether, on a trusted
network) must pass it, and plain HTTP must then really work."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from tests.processes import child_environment

ROOT = settings.BASE_DIR

# Asks the production set-up for a page over plain http, as a browser on the network would.
PROBE = """
import json, django
django.setup()
from django.conf import settings
from django.test import Client
response = Client().get("/robots.txt", HTTP_HOST="intranet.example")
print(json.dumps({
    "status": response.status_code,
    "location": response.get("Location", ""),
    "hsts": response.get("Strict-Transport-Security", ""),
    "secure_cookies": [settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE],
}))
"""


def production(tmp_path: Path, **variables: str) -> dict[str, str]:
    return child_environment(
        DJANGO_SETTINGS_MODULE="migraup.settings.production",
        SECRET_KEY="a-long-random-production-secret-" + "x7Qp2" * 8,
        ALLOWED_HOSTS="intranet.example",
        CACHE_DIR=str(tmp_path / "cache"),
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        **variables,
    )


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize(
    "variables",
    [{"SECURE_SSL_REDIRECT": "off"}, {"PLAIN_HTTP": "on"}],
    ids=["redirect-off", "plain-http"],
)
def test_make_serve_accepts_what_the_operator_turned_off(tmp_path, variables):
    env = production(tmp_path, **variables)
    result = run(env, "manage.py", "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr


def test_plain_http_serves_without_redirect_hsts_or_secure_cookies(tmp_path):
    result = run(production(tmp_path, PLAIN_HTTP="on"), "-c", PROBE)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer == {"status": 200, "location": "", "hsts": "", "secure_cookies": [False, False]}


def test_without_plain_http_the_site_is_https_only(tmp_path):
    result = run(production(tmp_path), "-c", PROBE)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer["status"] == 301
    assert answer["location"] == "https://intranet.example/robots.txt"
    assert answer["secure_cookies"] == [True, True]


# Deployment check ----------------------------------------------------------------------


def test_check_deploy_with_the_production_settings_is_clean(tmp_path):
    result = run(production(tmp_path), "manage.py", "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_settings_refuse_to_start_without_a_secret_key():
    env = child_environment(DJANGO_SETTINGS_MODULE="migraup.settings.production")
    env.pop("SECRET_KEY", None)
    result = run(env, "manage.py", "check")
    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable" in result.stderr
