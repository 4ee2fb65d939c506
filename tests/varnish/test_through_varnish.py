"""Readers and editors through a real Varnish in front of two app servers that share the
database and the cache (tools/varnish/start.sh; `make test-varnish`, CI on PostgreSQL and
Redis). Collected only when VARNISH_URL names it (tests/conftest.py)."""

import os
import re
import secrets
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from playwright.sync_api import expect, sync_playwright

from tests.browser.chromium import launch
from tests.reading import visible_text

VARNISH = os.environ.get("VARNISH_URL", "").rstrip("/")
WORK = Path(os.environ.get("VARNISH_WORK", "build/varnish"))
APP_PORTS = os.environ.get("APP_PORTS", "8101 8102").split()
REPO = Path(__file__).resolve().parents[2]
PROJECT = "/de/projekte/migrapower/"
UNRELATED = "/de/fachvernetzung/lingua-pankow/"


def manage(*args: str, stdin: str | None = None) -> str:
    """manage.py with the app servers' environment (their database and cache)."""
    command = f'set -a; . "{WORK}/env"; set +a; exec .venv/bin/python manage.py "$@"'
    done = subprocess.run(
        ["bash", "-c", command, "manage", *args],
        cwd=REPO,
        input=stdin,
        capture_output=True,
        text=True,
        check=True,
        env={key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"},
    )
    return done.stdout


def get(path: str, **kwargs) -> requests.Response:
    """A reader's request (no cookies), through Varnish."""
    response = requests.get(VARNISH + path, timeout=20, allow_redirects=False, **kwargs)
    return response


def shared(response: requests.Response) -> str:
    return response.headers.get("X-Shared-Cache", "")


def kept(path: str) -> None:
    """The reader's page, in Varnish now."""
    get(path)
    assert shared(get(path)) == "HIT", path


def objects_in_varnish() -> int:
    """Objects stored in Varnish, once its worker threads' counters have been summed up
    (they are, lazily): the same count twice, half a second apart."""

    def count() -> int:
        out = subprocess.run(
            ["varnishstat", "-n", str(WORK / "varnishd"), "-1", "-f", "MAIN.n_object"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        return int(out.split()[1])

    last = count()
    for _ in range(20):
        time.sleep(0.5)
        now, last = last, count()
        if now == last:
            break
    return last


@pytest.fixture(scope="module")
def editor() -> Iterator[tuple[str, str]]:
    """A member of Freigabe (may publish), with a password set beside the site."""
    username, password = f"freigabe-{secrets.token_hex(3)}", secrets.token_urlsafe(16)
    manage("create_account", username, "--email", f"{username}@example.org", "--role", "freigabe")
    manage(
        "shell",
        stdin=(
            "from django.contrib.auth import get_user_model\n"
            f"u = get_user_model().objects.get(username={username!r})\n"
            f"u.set_password({password!r}); u.save()\n"
        ),
    )
    yield username, password
    manage(
        "shell",
        stdin=(
            "from django.contrib.auth import get_user_model\n"
            f"get_user_model().objects.filter(username={username!r}).delete()\n"
        ),
    )


@pytest.fixture(scope="module")
def project_id() -> int:
    return int(
        manage(
            "shell",
            stdin=(
                "from projects.models import ProjectPage\n"
                "print(ProjectPage.objects.get(slug='migrapower', locale__language_code='de').pk)\n"
            ),
        ).split()[-1]
    )


def test_a_readers_page_is_kept_and_browsers_ask_again():
    first = get(PROJECT)
    assert first.status_code == 200
    again = get(PROJECT)
    assert shared(again) == "HIT"
    assert again.text == first.text
    # Kept by the shared cache; a browser asks again each time, so a purge reaches it.
    assert re.search(r"\bs-maxage=[1-9]", again.headers["Cache-Control"])
    assert "max-age=0" in again.headers["Cache-Control"]
    assert "Set-Cookie" not in again.headers


def test_an_editors_publish_reaches_readers_through_varnish_at_once(editor, project_id):
    """The editor publishes in the admin through Varnish; readers see it at the next
    request, whichever app server answers; what the change does not touch stays kept."""
    username, password = editor
    affected = [
        PROJECT,
        "/de/projekte/",  # the list that shows it
        "/de/",  # the home page lists the projects
        "/en/projects/migrapower/",  # its translations (their language links)
        "/tr/projeler/migrapower/",
        "/de/search/?q=MigraPower",
    ]
    for path in [*affected, UNRELATED]:
        kept(path)
    new = f"Fachberatung für Migrant*innenorganisationen ({secrets.token_hex(3)})"
    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_context(base_url=VARNISH, locale="de-DE").new_page()
        page.goto("/admin/login/")
        page.get_by_label("Benutzername").fill(username)
        page.get_by_label("Passwort").fill(password)
        page.get_by_role("button", name="Anmelden").click()
        expect(page).to_have_url(re.compile(r"/admin/$"))
        page.goto(f"/admin/pages/{project_id}/edit/")
        page.get_by_label(re.compile(r"^Untertitel")).fill(new)
        page.get_by_role("button", name="Mehr Aktionen").last.click()
        page.get_by_role("button", name="Veröffentlichen").click()
        expect(page.locator(".messages")).to_contain_text("veröffentlicht")
        # The editor, logged in, looks at the page: passed through, never kept.
        page.goto(PROJECT)
        expect(page.locator(".page-header__subtitle")).to_have_text(new)
        browser.close()

    # At once: no waiting for the page's time in the cache to run out.
    reader = get(PROJECT)
    # (What readers read: the glossary marks "Fachberatung" in the sentence.)
    assert new in visible_text(reader.text)
    assert shared(reader) == "MISS"
    # Both app servers (round robin) answer with the new subtitle.
    for _server in APP_PORTS:
        assert new in visible_text(get(PROJECT, params={"utm_source": secrets.token_hex(2)}).text)
    for path in affected[1:]:
        assert shared(get(path)) == "MISS", f"{path} was not purged"
    assert new in visible_text(get("/de/projekte/").text)
    assert shared(get(UNRELATED)) == "HIT", "a page the change does not touch was purged"
    # What the logged-in editor saw (the page with the userbar) was not kept for readers.
    assert "wagtail-userbar" not in get(PROJECT).text


def test_sessions_the_admin_previews_and_forms_are_never_kept(project_id):
    kept(PROJECT)
    # A page's preview (a draft): the admin's, passed through whoever asks.
    preview = f"/admin/pages/{project_id}/edit/preview/"
    assert [shared(get(preview)) for _ in range(2)] == ["PASS", "PASS"]
    # A session (a login, a password given for a private page) goes past the cache.
    with_session = get(PROJECT, cookies={"sessionid": "x" * 32})
    assert shared(with_session) == "PASS"
    for path in ("/admin/login/", "/de/kontakt/"):
        first, second = get(path), get(path)
        assert (shared(first), shared(second)) == ("PASS", "PASS"), path
        # Each reader gets a CSRF token of their own.
        assert first.cookies.get("csrftoken") != second.cookies.get("csrftoken")
    # Cookies a reader has (a CSRF token) do not keep them from the cache.
    assert shared(get(PROJECT, cookies={"csrftoken": "y" * 32})) == "HIT"


def test_the_api_is_never_kept_least_of_all_with_a_token(editor):
    # Anonymous reads carry an ETag for their readers' own caches; none is kept here.
    path = "/api/v3/pages/?locale=de"
    assert [shared(get(path)) for _ in range(2)] == ["PASS", "PASS"]
    # A token's answers may contain drafts: private, and passed through.
    token = manage("api_tokens", "create", "--user", editor[0], "--name", "varnish").split()[-1]
    with_token = get(path, headers={"Authorization": f"Bearer {token}"})
    assert with_token.status_code == 200
    assert shared(with_token) == "PASS"
    assert "private" in with_token.headers["Cache-Control"]


def test_readers_query_strings_cannot_split_the_cache():
    kept("/de/")
    before = objects_in_varnish()
    for number in range(30):
        answer = get(f"/de/?utm_source=n{number}&x={secrets.token_hex(4)}")
        assert answer.status_code == 200
        assert shared(answer) == "PASS"
    assert objects_in_varnish() == before
    # The parameters a page reads are kept, in any order: one object for both.
    first = get("/de/materialien/?language=tr&kind=flyer")
    assert first.status_code == 200
    assert shared(get("/de/materialien/?kind=flyer&language=tr")) == "HIT"
