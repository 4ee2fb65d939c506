"""Whom to reach, wherever a reader is: the contact page's address, phone and team, the
footer of every page, the thank-you page, the team on the home page (issue 19)."""

import pytest
from bs4 import BeautifulSoup

from contact.models import ContactPage
from tests import page_types
from tests.contact.test_contact import form_data

pytestmark = pytest.mark.django_db

PHONE = "+49 30 29 00 69 48"
TEAM = {"Inna Schulze": "kommune-interkulturell", "Maria Oikonomidou": "willkommen-in-berlin"}


def soup_of(client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def project_url(slug: str, language: str) -> str:
    return page_types.page_of(f"project-{slug}", language).url


@pytest.mark.parametrize("language", page_types.LANGUAGES)
def test_contact_page_shows_address_phone_and_the_team_with_their_projects(client, language):
    soup = soup_of(client, page_types.url_of("contact", language))
    details = soup.select_one(".contact-details")
    text = details.get_text(" ", strip=True)
    assert "Petersburger Straße 92" in text and "10247 Berlin" in text
    assert details.select_one('a[href="tel:+4930290069 48"]'.replace(" ", "")).text == PHONE
    for name, slug in TEAM.items():
        member = next(m for m in details.select(".team__member") if name in m.get_text())
        # Each lead names the project they answer for, in the reader's language.
        assert member.select_one(".team__projects a")["href"] == project_url(slug, language)
        assert member.select_one('a[href^="mailto:"]')
    # The form is still there, after whom to reach.
    assert soup.select_one("form.form button[type=submit]")


@pytest.mark.parametrize("language", page_types.LANGUAGES)
@pytest.mark.parametrize("name", ["home", "project-migrapower", "archive-entry", "search"])
def test_every_page_footer_carries_the_main_contact(client, language, name):
    footer = soup_of(client, page_types.url_of(name, language)).select_one("footer.site-footer")
    assert "Petersburger Straße 92" in footer.get_text()
    assert footer.select_one('a[href^="tel:"]').text == PHONE
    contact = footer.select_one('a[href="{}"]'.format(page_types.url_of("contact", language)))
    assert contact is not None


def test_the_address_is_changed_by_editors_not_in_templates(client):
    german = ContactPage.objects.get(locale__language_code="de")
    german.address = "Musterweg 1\n13187 Berlin"
    german.save_revision().publish()
    html = client.get("/de/").content.decode()
    assert "Musterweg 1" in html and "Petersburger Straße 92" not in html


@pytest.mark.parametrize("language", page_types.LANGUAGES)
def test_home_page_lists_the_team_and_its_button_leads_to_the_contact_page_in_its_language(
    client, language
):
    soup = soup_of(client, page_types.url_of("home", language))
    names = [n.get_text(strip=True) for n in soup.select("main .team__name")]
    assert names == list(TEAM)
    button = soup.select_one("main .cta a.button")
    assert button["href"] == page_types.url_of("contact", language)


@pytest.mark.parametrize("language", ["de", "ar"])
def test_thank_you_page_says_who_answers_how_and_whom_to_call(client, language):
    german = ContactPage.objects.get(locale__language_code="de")
    page = german.get_translation(german.locale.__class__.objects.get(language_code=language))
    # A translation's fields have translated names: the same answers, field by field.
    typed = form_data(german)
    fields = zip(german.form_fields.all(), page.form_fields.all(), strict=True)
    data = {mine.clean_name: typed[theirs.clean_name] for theirs, mine in fields}
    data["website_url"] = ""
    soup = BeautifulSoup(client.post(page.url, data).content, "html.parser")
    steps = soup.select_one(".next-steps")
    assert steps is not None, soup.select_one("main").get_text(" ", strip=True)[:300]
    assert "migraUp! Pankow" in steps.get_text()
    assert steps.select_one('a[href^="tel:"]').text == PHONE
