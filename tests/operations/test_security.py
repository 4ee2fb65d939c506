"""Security headers on every answer, the admin's policy, login limits, idle sessions and
password rules."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.utils import timezone

from operations.static import StaticFilesMiddleware, static_headers
from projects.models import ProjectPage

pytestmark = pytest.mark.django_db

PROJECT_URL = "/de/projekte/migrapower/"


def project(slug: str = "migrapower", language: str = "de") -> ProjectPage:
    return ProjectPage.objects.get(slug__startswith=slug, locale__language_code=language)


# Security headers ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "url", ["/de/", PROJECT_URL, "/static/css/site.css", "/api/v3/pages/", "/api/v3/docs/"]
)
def test_security_headers_on_every_response(client, url):
    response = client.get(url)
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    assert "unsafe" not in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_admin_keeps_its_inline_scripts_but_nothing_else(client, editor):
    client.force_login(editor)
    response = client.get(f"/admin/pages/{project().pk}/edit/")
    assert response.status_code == 200
    directives = dict(
        d.strip().split(" ", 1) for d in response["Content-Security-Policy"].split(";")
    )
    assert directives["script-src"] == "'self' 'unsafe-inline'"
    assert directives["frame-ancestors"] == "'self'"
    assert directives["default-src"] == "'self'"
    assert "eval" not in response["Content-Security-Policy"]


def test_a_nonce_appears_only_when_a_template_uses_it(rf):
    from operations.security import ContentSecurityPolicyMiddleware

    def view(request):
        from django.http import HttpResponse

        return HttpResponse(f"<script nonce='{request.csp_nonce}'>1</script>")

    request = rf.get("/de/")
    response = ContentSecurityPolicyMiddleware(view)(request)
    assert f"'nonce-{request._csp_nonce}'" in response["Content-Security-Policy"]


# Logins and sessions -------------------------------------------------------------------


def login(client, username: str, password: str, address: str = "203.0.113.7"):
    return client.post(
        "/admin/login/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def test_too_many_failed_logins_lock_the_account(client, django_user_model, settings):
    django_user_model.objects.create_user("ayse", password="richtig-und-lang-2025")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert login(client, "ayse", "falsch").status_code == 200
    # The attempt that reaches the limit is the first one refused.
    assert login(client, "ayse", "falsch").status_code == 429
    # From another address, with the right password: the account is locked for a while.
    response = login(client, "ayse", "richtig-und-lang-2025", address="198.51.100.9")
    assert response.status_code == 429
    assert response["Retry-After"] == str(settings.AXES_COOLOFF_TIME.seconds)
    html = response.content.decode()
    assert "Zu viele fehlgeschlagene Anmeldeversuche" in html
    assert "für 15 Minuten gesperrt" in html
    assert "_auth_user_id" not in client.session


def test_too_many_failed_logins_lock_the_address(client, django_user_model, settings):
    django_user_model.objects.create_user("mehmet", password="richtig-und-lang-2025")
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        login(client, f"rate-{attempt}", "falsch", address="192.0.2.50")
    assert login(client, "mehmet", "richtig-und-lang-2025", address="192.0.2.50").status_code == (
        429
    )
    # The account itself is not locked: from elsewhere it logs in.
    response = login(client, "mehmet", "richtig-und-lang-2025", address="192.0.2.51")
    assert response.status_code == 302


def test_a_successful_login_resets_the_count(client, django_user_model, settings):
    django_user_model.objects.create_user("lina", password="richtig-und-lang-2025")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        login(client, "lina", "falsch")
    assert login(client, "lina", "richtig-und-lang-2025").status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        login(client, "lina", "falsch")
    assert login(client, "lina", "richtig-und-lang-2025").status_code == 302


def test_sessions_expire_when_idle(client, editor, settings):
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200
    session = Session.objects.get(session_key=client.session.session_key)
    # Every request renews the session for SESSION_COOKIE_AGE.
    idle = session.expire_date - timezone.now()
    assert timedelta(seconds=settings.SESSION_COOKIE_AGE - 60) < idle
    assert idle <= timedelta(seconds=settings.SESSION_COOKIE_AGE)
    session.expire_date = timezone.now() - timedelta(seconds=1)
    session.save()
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.parametrize(
    "password", ["migraup2025", "1234567890123", "qwertyuiop123", "password1234"]
)
def test_weak_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)


def test_anonymous_readers_get_no_cookies(client):
    for url in ["/de/", PROJECT_URL, "/de/search/?q=Netzwerk", "/ar/"]:
        assert not client.get(url).cookies, url


def test_static_files_carry_the_pages_headers(client):
    page, static = client.get("/de/"), client.get("/static/css/site.css")
    for name in (
        "Content-Security-Policy",
        "Permissions-Policy",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Cross-Origin-Opener-Policy",
    ):
        # A page's policy may add its nonce; a file has no inline script.
        assert static[name] == re.sub(r" 'nonce-[^']+'", "", page[name]), name


def test_whitenoise_stores_the_headers_with_each_file_when_it_starts(tmp_path, settings, rf):
    """In production (no autorefresh) the files and their headers are read once, at start:
    a static answer costs no header building."""
    (tmp_path / "site.css").write_text("body { color: black }")
    settings.STATIC_ROOT = tmp_path
    settings.WHITENOISE_AUTOREFRESH = False
    settings.WHITENOISE_USE_FINDERS = False
    middleware = StaticFilesMiddleware(lambda request: None)
    response = middleware(rf.get(f"{settings.STATIC_URL}site.css"))
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == static_headers()["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
