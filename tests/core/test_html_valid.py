"""Every page type, in every language, is valid HTML: the Nu HTML Checker (vnu.jar from
npm's vnu-jar, run with the machine's java) reports no error.

Pages are rendered by the test client and checked in one run of the checker per language
(it starts a JVM, so one run for all the pages of a language keeps this quick). The
contact form is checked as readers first see it, as it comes back with errors and as the
rate limit refuses it.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.test import Client
from django.utils import translation

from tests.page_types import ALL, LANGUAGES, expected_status, url_of

pytestmark = [pytest.mark.django_db, pytest.mark.output_check]

VNU_JAR = settings.BASE_DIR / "tools/browser-checks/node_modules/vnu-jar/build/dist/vnu.jar"


def check_html(documents: dict[str, str], folder: Path) -> list[str]:
    """The checker's errors for the documents ({name: HTML}), as "name:line: message"."""
    java = shutil.which("java")
    assert java and VNU_JAR.exists(), (
        f"The HTML check needs java and {VNU_JAR} (`make checks-tools` installs it from npm)."
    )
    files = {}
    for index, (name, html) in enumerate(documents.items()):
        path = folder / f"{index:03}.html"
        path.write_text(html, encoding="utf-8")
        files[path.as_uri()] = name
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--exit-zero-always"]
        + [str(folder / Path(uri).name) for uri in files],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    messages = json.loads(result.stderr)["messages"]
    return [
        f"{files.get(m.get('url'), m.get('url'))}:{m.get('lastLine', '?')}: {m['message']}"
        f" [{m.get('extract', '').strip()}]"
        for m in messages
    ]


def test_the_checker_reports_invalid_html(tmp_path):
    """The check can fail: a duplicated id and a stray end tag are errors."""
    errors = check_html(
        {"broken": '<!DOCTYPE html><html lang="de"><title>x</title><p id="a"><p id="a"></div>'},
        tmp_path,
    )
    assert any("Duplicate ID" in error for error in errors), errors
    assert any("Stray end tag" in error for error in errors), errors


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_type_is_valid_html(tmp_path, language, settings):
    client = Client()
    documents = {}
    for name in ALL:
        url = url_of(name, language)
        response = client.get(url)
        assert response.status_code == expected_status(name, language), url
        documents[url] = response.content.decode()
    # The German original beside the translation (multilingual.beside).
    if language != "de":
        for name in ("home", "project-migrapower", "partner", "contact"):
            url = url_of(name, language) + "?original=de"
            response = client.get(url)
            assert b'class="beside"' in response.content, url
            documents[url] = response.content.decode()
    # The contact form re-shown with its errors (nothing filled in).
    contact = url_of("contact", language)
    response = client.post(contact, {})
    assert response.status_code == 200
    documents[f"{contact} (errors)"] = response.content.decode()
    # And refused by the rate limit (no message may be sent now).
    settings.CONTACT_RATE_LIMIT = 0
    response = client.post(contact, {})
    assert response.status_code == 429
    documents[f"{contact} (rate limit)"] = response.content.decode()

    assert check_html(documents, tmp_path) == []


def test_server_error_pages_are_valid_html(tmp_path, settings):
    """The 500 page (from a crashing view) and the 503 page, in every language."""
    settings.ROOT_URLCONF = "tests.urls_raising"
    client = Client(raise_request_exception=False)
    documents = {}
    for language in LANGUAGES:
        response = client.get(f"/{language}/crash/")
        assert response.status_code == 500
        documents[f"500 {language}"] = response.content.decode()
        with translation.override(language):
            documents[f"503 {language}"] = render_to_string("503.html")
    assert check_html(documents, tmp_path) == []
