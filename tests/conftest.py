"""Test fixtures: the demo content is built once per test session, in the test database."""

import io

import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Build the whole demo site once; each test runs in a transaction rolled back after it."""
    with django_db_blocker.unblock():
        call_command("load_demo_content", stdout=io.StringIO())


@pytest.fixture
def editor(django_user_model):
    """An editor of the kind the site has: allowed to edit and publish pages, not a superuser."""
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(
        username="redakteurin", email="redaktion@example.org", password="pw-for-tests"
    )
    user.groups.add(Group.objects.get(name="Moderators"))
    return user
