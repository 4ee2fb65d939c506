"""The operator's details (Settings → Legal details) on the Impressum, the privacy policy and
the footer, in every language; what readers read while they are missing; the deployment
check and the dashboard that warn about them; the cookie list of the privacy policy."""

import re

import pytest
from django.core import checks
from django.test import Client
from django.utils import translation
from wagtail.models import Site

from core.models import StandardPage
from legal.cookies import EDITOR_COOKIES, READER_COOKIES
from legal.models import LegalDetails
from tests.page_types import LANGUAGES

pytestmark = pytest.mark.django_db

# Made up for the tests: the demo content has no operator (the sources name none).
DETAILS = {
    "operator": "Beispielverein Pankow e.V.",
    "address": "Musterstraße 1\n13187 Berlin",
    "represented_by": "Der Vorstand: A. Beispiel, B. Muster",
    "register_entry": "Amtsgericht Charlottenburg, VR 00000 B",
    "phone": "030 000000",
    "email": "kontakt@beispielverein.example",
    "content_responsible": "A. Beispiel, Musterstraße 1, 13187 Berlin",
}


def legal_page(role: str, language: str) -> str:
    return StandardPage.objects.get(required_page=role, locale__language_code=language).url


def main_of(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def fill_in(**changes) -> LegalDetails:
    details = LegalDetails.for_site(Site.objects.get(is_default_site=True))
    for name, value in {**DETAILS, **changes}.items():
        setattr(details, name, value)
    details.save()
    return details


def pending_sentence(language: str) -> str:
    with translation.override(language):
        return translation.gettext("The details of who operates this website will follow here.")


def test_while_missing_readers_read_that_the_details_follow_never_a_placeholder(client):
    for language in LANGUAGES:
        for role in ("impressum", "privacy"):
            main = main_of(client, legal_page(role, language))
            assert pending_sentence(language) in main, (language, role)
            assert not re.search(r"\[[^\]]*\]", re.sub(r"<[^>]+>", "", main)), (language, role)
            assert "MaMis en Movimiento" not in main  # no inferred operator
    assert pending_sentence("ar") != pending_sentence("de")


def test_filled_in_once_they_show_on_both_pages_and_in_the_footer_of_every_language(client):
    for language in LANGUAGES:  # cached while missing: the change must reach readers at once
        client.get(legal_page("impressum", language))
    fill_in()
    for language in LANGUAGES:
        impressum = main_of(client, legal_page("impressum", language))
        for value in (
            "Beispielverein Pankow e.V.",
            "Musterstraße 1<br>13187 Berlin",
            "Der Vorstand: A. Beispiel, B. Muster",
            "VR 00000 B",
            'href="tel:030000000"',
            'href="mailto:kontakt@beispielverein.example"',
            "A. Beispiel, Musterstraße 1, 13187 Berlin",
        ):
            assert value in impressum, (language, value)
        assert pending_sentence(language) not in impressum
        privacy = main_of(client, legal_page("privacy", language))
        assert "Beispielverein Pankow e.V." in privacy and "13187 Berlin" in privacy
        # The controller, not the Impressum's register entry and responsible person.
        assert "VR 00000 B" not in privacy and "Der Vorstand" not in privacy
        footer = client.get(f"/{language}/").content.decode().split("<footer", 1)[1]
        assert "<bdi>Beispielverein Pankow e.V.</bdi>" in footer, language


def test_without_a_phone_or_e_mail_the_details_are_incomplete(client):
    details = fill_in(phone="", email="")
    with translation.override("en"):
        assert details.missing() == ["phone or e-mail"]
    assert pending_sentence("de") in main_of(client, legal_page("impressum", "de"))


def legal_warnings() -> list[str]:
    return [
        message.id
        for message in checks.run_checks(
            tags=["legal"], include_deployment_checks=True, databases=["default"]
        )
    ]


def test_the_deployment_check_warns_until_the_details_are_filled_in():
    assert legal_warnings() == ["legal.W001"]
    (warning,) = checks.run_checks(
        tags=["legal"], include_deployment_checks=True, databases=["default"]
    )
    assert warning.level == checks.WARNING
    assert "operator" in warning.msg and "Settings → Legal details" in warning.hint
    # `make serve` runs the configuration checks first, without a database: they pass.
    assert "legal.W001" not in [m.id for m in checks.run_checks(include_deployment_checks=True)]
    fill_in()
    assert legal_warnings() == []


def test_the_dashboard_names_the_missing_details_and_where_to_fill_them_in(client, editor):
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert "Im Impressum und in der Datenschutzerklärung fehlen Angaben zum Betreiber" in html
    assert "Betreiber, Adresse, vertreten durch" in html
    assert 'href="/admin/settings/legal/legaldetails/' in html
    fill_in()
    assert "fehlen Angaben zum Betreiber" not in client.get("/admin/").content.decode()


def test_the_privacy_policy_lists_every_cookie_the_site_declares(client):
    for language in LANGUAGES:
        main = main_of(client, legal_page("privacy", language))
        listed = re.findall(r'data-cookie="([^"]+)"', main)
        assert listed == [c.name for c in (*READER_COOKIES, *EDITOR_COOKIES)], language
    german = main_of(client, legal_page("privacy", "de"))
    assert "csrftoken" in german and "364 Tagen" in german and "8 Stunden" in german
    # It no longer claims that no cookie is ever set.
    assert "Beim Lesen werden keine Cookies gesetzt." not in german
