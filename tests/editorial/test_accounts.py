"""manage.py create_account: Redaktion, Freigabe and one translator role per language, each
allowed what the guide says; the account's owner sets the password through the link."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.models import Locale

from projects.models import ProjectPage

pytestmark = pytest.mark.django_db


def create(*args: str) -> str:
    out = io.StringIO()
    call_command("create_account", *args, stdout=out)
    return out.getvalue()


def migrapower(language: str) -> ProjectPage:
    german = ProjectPage.objects.get(locale__language_code="de", slug="migrapower")
    return german.get_translation(Locale.objects.get(language_code=language))


def test_a_translator_edits_only_their_language_and_publishes_nothing():
    output = create(
        "ayse", "--email", "ayse@example.org", "--role", "uebersetzung", "--language", "tr"
    )
    assert "'Übersetzung Türkisch'" in output
    user = get_user_model().objects.get(username="ayse")
    assert not user.has_usable_password()
    assert user.has_perm("wagtailadmin.access_admin")
    turkish = migrapower("tr").permissions_for_user(user)
    assert turkish.can_edit() and not turkish.can_publish()
    for language in ("de", "ar"):
        assert not migrapower(language).permissions_for_user(user).can_edit(), language
    # A second translator of the same language joins the same group.
    create("mehmet", "--email", "mehmet@example.org", "--role", "uebersetzung", "--language", "tr")
    assert user.groups.get().user_set.count() == 2


@pytest.mark.parametrize(
    ("role", "group", "publishes"),
    [
        ("redaktion", "Editors", False),
        ("freigabe", "Moderators", True),
    ],
)
def test_redaktion_and_freigabe_use_wagtails_groups(role, group, publishes):
    create("kim", "--email", "kim@example.org", "--role", role)
    user = get_user_model().objects.get(username="kim")
    assert [g.name for g in user.groups.all()] == [group]
    assert migrapower("de").permissions_for_user(user).can_publish() is publishes


def test_the_link_lets_the_owner_set_a_password(client):
    output = create("lina", "--email", "lina@example.org", "--role", "redaktion")
    link = re.search(r"http://[^\s]+/admin/password_reset/confirm/[^\s]+/", output)[0]
    path = link.split("://", 1)[1].split("/", 1)[1]
    form = client.get(f"/{path}", follow=True)
    assert form.status_code == 200
    assert 'name="new_password1"' in form.content.decode()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--role", "uebersetzung"], "A translator needs --language"),
        (["--role", "redaktion", "--language", "tr"], "--language is for translators"),
        (["--role", "freigabe", "--email", "kein-mail"], "is not an e-mail address"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(args, message):
    arguments = ["nora", *args]
    if "--email" not in args:
        arguments += ["--email", "nora@example.org"]
    with pytest.raises(CommandError, match=message):
        create(*arguments)
    assert not get_user_model().objects.filter(username="nora").exists()


def test_an_existing_account_is_left_alone():
    create("omar", "--email", "omar@example.org", "--role", "redaktion")
    with pytest.raises(CommandError, match="already an account 'omar'"):
        create("omar", "--email", "other@example.org", "--role", "freigabe")
    assert get_user_model().objects.get(username="omar").email == "omar@example.org"
