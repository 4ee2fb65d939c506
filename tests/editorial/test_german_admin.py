"""The German admin in plain German where Wagtail and wagtail-localize said "Locale",
"Alias", "PO Datei", "Workflow" or left English (locale/upstream/: their texts improved,
loaded before theirs; editorial.forms: the sign-in form's password label)."""

import json
import re

import pytest
from django.urls import reverse

from projects.models import ProjectPage

pytestmark = pytest.mark.django_db


def test_the_sign_in_form_is_german(client):
    html = client.get("/admin/login/").content.decode()
    assert re.search(r'<label[^>]*for="id_password"[^>]*>\s*Passwort', html)
    assert ">Password" not in html


def test_the_page_editor_speaks_of_languages_and_a_german_slug_example(client, editor):
    client.force_login(editor)
    page = ProjectPage.objects.get(locale__language_code="de", slug="migrapower")
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "In 6 Sprachen verfügbar" in html
    assert "Locale" not in re.sub(r"<[^>]+>", " ", html)  # no jargon in the visible text
    assert "lingua-pankow" in html and "domain.com" not in html  # the slug's help text


def test_the_translation_editor_script_speaks_german(client, editor):
    client.force_login(editor)
    catalog = client.get(reverse("wagtail_localize:javascript_catalog")).content.decode()
    for text in ("Übersetzungsdatei (PO) herunterladen", "In Spiegelseite umwandeln"):
        assert json.dumps(text)[1:-1] in catalog  # as the catalogue's JSON writes it
    assert "PO Datei herunterladen" not in catalog
