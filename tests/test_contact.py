"""The contact form: stores real messages, re-shows mistakes, quietly drops bot spam."""

import pytest
from wagtail.contrib.forms.models import FormSubmission

from contact.models import ContactPage

pytestmark = pytest.mark.django_db

URL = "/de/kontakt/"


def form_data(page: ContactPage, **overrides) -> dict:
    fields = {f.label: f.clean_name for f in page.form_fields.all()}
    consent = next(name for label, name in fields.items() if label.startswith("Ich bin"))
    data = {
        fields["Name"]: "Ana Beispiel",
        fields["E-Mail"]: "ana@example.org",
        fields["Nachricht"]: "Gibt es den Flyer auch auf Spanisch?",
        consent: "on",
        "website_url": "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def page():
    return ContactPage.objects.get(locale__language_code="de", slug="kontakt")


def test_valid_message_is_stored(client, page):
    response = client.post(URL, form_data(page))
    assert response.status_code == 200
    assert "contact/contact_page_landing.html" in [t.name for t in response.templates]
    submission = FormSubmission.objects.get(page=page)
    assert submission.get_data()["nachricht"] == "Gibt es den Flyer auch auf Spanisch?"
    assert "website_url" not in submission.form_data


def test_invalid_message_is_reshown_with_errors_and_what_was_typed(client, page):
    response = client.post(URL, form_data(page, **{"e_mail": "keine-adresse"}))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="form-errors"' in html
    assert 'value="Ana Beispiel"' in html
    assert "Gibt es den Flyer auch auf Spanisch?" in html
    assert 'value="keine-adresse"' in html
    assert not FormSubmission.objects.filter(page=page).exists()


def test_missing_required_fields_are_named(client, page):
    html = client.post(URL, {"website_url": ""}).content.decode()
    assert html.count('class="form-field__error"') == 4


def test_honeypot_spam_is_dropped_but_answered_politely(client, page):
    response = client.post(URL, form_data(page, website_url="http://spam.example"))
    assert response.status_code == 200
    assert "contact/contact_page_landing.html" in [t.name for t in response.templates]
    assert not FormSubmission.objects.filter(page=page).exists()
    # A real message right after still arrives.
    client.post(URL, form_data(page))
    assert FormSubmission.objects.filter(page=page).count() == 1


def test_honeypot_is_hidden_from_people(client, page):
    html = client.get(URL).content.decode()
    assert '<div class="hp" aria-hidden="true">' in html
    assert 'name="website_url"' in html and 'tabindex="-1"' in html
