"""Test fixtures: every session starts from a clone of the demo site (``demo.snapshot``)."""

import io
import os

import pytest
from django.conf import settings
from django.core.management import call_command

# The tests through Varnish need it running in front of the app servers (make test-varnish).
collect_ignore = [] if os.environ.get("VARNISH_URL") else ["varnish"]


@pytest.fixture(scope="session")
def django_db_setup(
    request, django_test_environment, django_db_modify_db_settings, django_db_blocker
):
    """This session's test database: a clone of the demo site (``demo.snapshot``).

    Replaces pytest-django's fixture, which sets up only the databases that marked tests
    use: the browser tests (tests/browser) carry no ``django_db`` mark, and run alone they
    would otherwise reach the developer's real database. ``django_db_modify_db_settings``
    gives each pytest-xdist worker a database of its own.
    """
    from django.test.utils import teardown_databases

    from demo.snapshot import setup_test_database

    verbosity = request.config.option.verbose
    with django_db_blocker.unblock():
        config = setup_test_database(verbosity)
        if settings.SEARCH_URL:
            # A fresh OpenSearch index of this test database (earlier runs left theirs).
            call_command("update_index", backend_name="default", stdout=io.StringIO())
    yield
    with django_db_blocker.unblock():
        teardown_databases(config, verbosity=verbosity)


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: a test's rolled-back changes purge nothing, so
    pages it cached must not reach the next test."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def editor(django_user_model):
    """An editor of the kind the site has: allowed to edit and publish pages, not a superuser."""
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(
        username="redakteurin", email="redaktion@example.org", password="pw-for-tests"
    )
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def author(django_user_model):
    """Someone of the Editors group: may edit, may not publish (a volunteer translator
    among them)."""
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(username="autorin", password="pw-for-tests")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def reviewer(django_user_model):
    """A second person of the Editors group, who reviews an author's change."""
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(username="lektorin", password="pw-for-tests")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def pytest_terminal_summary(terminalreporter) -> None:
    """The relevance set's hit rate for this run's backend and database (see test_search)."""
    reports = [
        report
        for outcome in ("passed", "failed")
        for report in terminalreporter.stats.get(outcome, [])
        if report.when == "call" and "test_search.py::test_relevance[" in report.nodeid
    ]
    if not reports:
        return
    hits = sum(report.passed for report in reports)
    backend = "opensearch" if settings.SEARCH_URL else "database"
    database = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    terminalreporter.write_line(
        f"search relevance ({backend} backend, {database}): {hits}/{len(reports)} "
        f"expected pages in the top 3 = {hits / len(reports):.2f}"
    )
