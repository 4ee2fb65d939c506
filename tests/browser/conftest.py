"""Browser tests: Debian's Chromium driven by Playwright against the site served from a thread.

The server thread uses the session's test database, which already holds the demo content.
These tests take no ``django_db`` mark, so pytest-django runs them after all database tests,
and what they commit (an editor's published page) cannot leak into a rolled-back test.
Each test cleans up what it created.
"""

import os
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User
from django.db import IntegrityError, connections
from django.test.testcases import LiveServerThread
from wagtail.models import Page, Revision, WorkflowState
from wagtail.search.index import insert_or_update_object

from projects.models import ProjectPage
from tests.browser.chromium import CHROMIUM, launch


@pytest.fixture(scope="session")
def site_url(django_db_setup, django_db_blocker) -> Iterator[str]:
    """The site, served by Django's live-server thread on a free port of 127.0.0.1."""
    django_db_blocker.unblock()
    # Static files come from whitenoise (as in production), media from the thread's handler.
    thread = LiveServerThread("127.0.0.1", lambda app: app, port=0)
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    yield f"http://127.0.0.1:{thread.port}"
    thread.terminate()
    close_server_connections()
    django_db_blocker.restore()


def close_server_connections() -> None:
    """End the database sessions the server's request threads may still hold.

    The live server's request threads are daemons that close their connection when the
    browser closes its keep-alive socket; one may not have got there yet, and PostgreSQL
    refuses to drop the test database while a session is open.
    """
    connections.close_all()
    connection = connections["default"]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        connection.close()


@pytest.fixture(scope="session")
def browser(site_url):
    """Chromium, closed before the site's server stops (browser depends on site_url)."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"The browser tests need Debian's Chromium at {CHROMIUM} "
            "(`sudo make system-packages` installs it; or set CHROMIUM=/path/to/chromium)."
        )
    # Playwright's sync API keeps an event loop running in this thread; Django's guard
    # against ORM calls from async code would refuse the tests' plain, sequential queries.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()
    del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def page(browser, site_url):
    """A fresh browser context (no cookies) whose relative URLs go to the site.

    Every test also checks that the Content-Security-Policy blocked nothing the site needs:
    Chromium reports each blocked script, style or frame on the console.
    """
    context = browser.new_context(base_url=site_url, locale="de-DE")
    context.set_default_timeout(15_000)
    page = context.new_page()
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text
            and violations.append(f"{page.url}: {message.text}")
        ),
    )
    yield page
    context.close()
    assert not violations, "\n".join(violations)


@pytest.fixture
def screenshot_dir() -> Path:
    """Where screenshots go: $SCREENSHOT_DIR (kept by CI) or build/screenshots."""
    path = Path(os.environ.get("SCREENSHOT_DIR", Path(__file__).parents[2] / "build/screenshots"))
    path.mkdir(parents=True, exist_ok=True)
    return path


@contextmanager
def restored_afterwards(page: Page) -> Iterator[None]:
    """Afterwards the page is as it was, not merely republished: its row (dates included),
    its revisions, its workflow states and its search entry. A later test on this server's
    database, of translation dates or search among them, sees the demo site unchanged."""
    model = type(page)
    fields = {
        field.attname: getattr(page, field.attname)
        for field in model._meta.concrete_fields
        if not field.primary_key
    }
    revisions = Revision.objects.for_instance(page)
    before = set(revisions.values_list("pk", flat=True))
    states = set(WorkflowState.objects.for_instance(page).values_list("pk", flat=True))
    try:
        yield
    finally:
        WorkflowState.objects.for_instance(page).exclude(pk__in=states).delete()
        model.objects.filter(pk=page.pk).update(**fields)
        revisions.exclude(pk__in=before).delete()
        restored = model.objects.get(pk=page.pk)
        insert_or_update_object(restored)
        assert (restored.last_published_at, restored.latest_revision_id) == (
            fields["last_published_at"],
            fields["latest_revision_id"],
        ), "not restored"


@pytest.fixture
def project(site_url) -> Iterator[ProjectPage]:
    """MigraPower in German, for a test whose editor publishes it; restored afterwards."""
    project = ProjectPage.objects.get(slug="migrapower", locale__language_code="de")
    with restored_afterwards(project):
        yield project


PASSWORD = "pw-for-browser-tests"


@contextmanager
def account(browser, username: str, group: Group) -> Iterator[User]:
    """A person's account for one test, deleted once the browser's windows are closed.

    An open editor keeps asking the server (Wagtail's editing sessions), and a request that
    writes the user's profile while the user is being deleted makes the deletion fail at
    its commit. A request already under way when the windows close may still do so once:
    the deletion is then repeated, and takes the new profile with it.
    """
    user = User.objects.create_user(username=username, password=PASSWORD)
    user.groups.add(group)
    try:
        yield user
    finally:
        for context in browser.contexts:
            context.close()
        for attempt in range(3):
            try:
                User.objects.filter(pk=user.pk).delete()
                break
            except IntegrityError:
                if attempt == 2:
                    raise
                time.sleep(0.5)


@pytest.fixture
def moderator(browser) -> Iterator[User]:
    """An editor as the site has them: in the Moderators group, not a superuser."""
    with account(browser, "übersetzerin", Group.objects.get(name="Moderators")) as user:
        yield user


def log_in(page, user: User) -> None:
    """Sign in to the German admin through its form (the login limits count this too)."""
    from playwright.sync_api import expect

    page.goto("/admin/login/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Bei Wagtail anmelden")
    page.get_by_label("Benutzername").fill(user.username)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.get_by_role("heading", name="Zusammenfassung der Website")).to_be_visible()


def language_links(page, label: str):
    """The language picker (the navigation named ``label``, "Sprache" in German), opened:
    its links, which a closed picker hides from readers and from role queries alike."""
    nav = page.get_by_role("navigation", name=label)
    picker = nav.locator("details")
    if not picker.evaluate("details => details.open"):
        nav.locator("summary").click()
    return nav
