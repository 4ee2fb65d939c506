"""Editors: page-type rules hold, and every page type can be created, edited and published."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from archive.models import ArchiveEntryPage, ArchiveIndexPage
from contact.models import ContactPage
from core.models import StandardPage
from easy_language.models import EasyLanguagePage
from home.models import HomePage
from materials.models import MaterialIndexPage, MaterialPage
from networks.models import NetworkIndexPage, NetworkPage
from partners.models import PartnerIndexPage, PartnerPage
from projects.models import ProjectIndexPage, ProjectPage

pytestmark = pytest.mark.django_db

INDEXES = [
    ProjectIndexPage,
    NetworkIndexPage,
    PartnerIndexPage,
    MaterialIndexPage,
    ArchiveIndexPage,
]


class TestPageTypeRules(WagtailPageTestCase):
    def test_home_only_under_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_sections_only_under_home(self):
        for model in [*INDEXES, ContactPage]:
            self.assertAllowedParentPageTypes(model, {HomePage})
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})

    def test_each_section_holds_only_its_own_pages(self):
        self.assertAllowedSubpageTypes(ProjectIndexPage, {ProjectPage})
        self.assertAllowedSubpageTypes(NetworkIndexPage, {NetworkPage})
        self.assertAllowedSubpageTypes(PartnerIndexPage, {PartnerPage})
        self.assertAllowedSubpageTypes(MaterialIndexPage, {MaterialPage})
        self.assertAllowedSubpageTypes(ArchiveIndexPage, {ArchiveEntryPage})
        # Projects, networks and partners may have a version in Einfache Sprache below them.
        for page_type in [ProjectPage, NetworkPage, PartnerPage]:
            self.assertAllowedSubpageTypes(page_type, {EasyLanguagePage})
        for leaf in [MaterialPage, ArchiveEntryPage, ContactPage, EasyLanguagePage]:
            self.assertAllowedSubpageTypes(leaf, set())

    def test_a_home_page_has_one_of_each_section(self):
        home = HomePage.objects.get(locale__language_code="de")
        for model in [*INDEXES, ContactPage]:
            self.assertFalse(model.can_create_at(home), model)
        self.assertTrue(StandardPage.can_create_at(home))
        self.assertTrue(
            ProjectPage.can_create_at(ProjectIndexPage.objects.get(locale__language_code="de"))
        )


def body(*blocks):
    return streamfield(list(blocks))


COMMON = {
    "intro": "Kurz gesagt.",
    "body": body(
        ("heading", {"text": "Abschnitt", "level": "h2"}),
        ("paragraph", rich_text("<p>Ein Absatz.</p>")),
    ),
    "comments": inline_formset([]),
}


def page_data(model, title: str) -> dict:
    data = {"title": title, **COMMON}
    if model is ProjectPage:
        data.update(
            subtitle="Untertitel",
            start_year="2019",
            end_year="2021",
            organisations=inline_formset(
                [
                    {
                        "partner": str(
                            PartnerPage.objects.get(
                                locale__language_code="de", slug="iq-netzwerk-berlin"
                            ).pk
                        ),
                        "role": "partner",
                    }
                ]
            ),
            goals=streamfield(
                [
                    (
                        "list",
                        {
                            "title": "Ziele",
                            "intro": "",
                            "items": streamfield([("item", {"title": "", "text": "Ein Ziel"})]),
                        },
                    )
                ]
            ),
            target_groups=streamfield([]),
            offers=streamfield([]),
            sustainability=streamfield([]),
        )
    elif model is NetworkPage:
        data.update(full_name="", topic="Bildung", scope="district")
    elif model is PartnerPage:
        data.update(
            profile=rich_text("<p>Profil</p>"), website="https://example.org", founded_year="2001"
        )
    elif model is MaterialPage:
        from wagtail.documents import get_document_model

        data.update(
            files=inline_formset(
                [{"language": "tr", "document": str(get_document_model().objects.first().pk)}],
                min=1,
            ),
            kind="handout",
            year="2019",
        )
    elif model is ArchiveEntryPage:
        data.update(year="2019", date="2019-05-04", kind="event")
    elif model is StandardPage:
        data.update(show_in_footer="")
    return nested_form_data(data)


CASES = [
    (ProjectIndexPage, ProjectPage),
    (NetworkIndexPage, NetworkPage),
    (PartnerIndexPage, PartnerPage),
    (MaterialIndexPage, MaterialPage),
    (ArchiveIndexPage, ArchiveEntryPage),
    (HomePage, StandardPage),
]


class TestEditorsCanCreateEditPublish(WagtailPageTestCase):
    def setUp(self):
        from django.contrib.auth.models import Group

        self.user = self.create_user("redakteurin", password="pw-for-tests")
        self.user.groups.add(Group.objects.get(name="Moderators"))
        self.client.force_login(self.user)

    def test_each_page_type(self):
        for parent_model, model in CASES:
            with self.subTest(model=model.__name__):
                parent = parent_model.objects.get(locale__language_code="de")
                self.assertCanCreate(parent, model, page_data(model, f"Neu: {model.__name__}"))
                page = model.objects.get(title=f"Neu: {model.__name__}")
                self.assertTrue(page.live)
                self.assertEqual(self.client.get(page.url).status_code, 200)

                # Edit and publish again: the public page shows the new title.
                data = page_data(model, f"Geändert: {model.__name__}")
                data.update(slug=page.slug, **{"action-publish": "action-publish"})
                if model is MaterialPage:  # the form carries the file it already has
                    [file] = page.files.all()
                    data.update(
                        nested_form_data(
                            {
                                "files": inline_formset(
                                    [
                                        {
                                            "id": str(file.pk),
                                            "language": file.language,
                                            "document": str(file.document_id),
                                        }
                                    ],
                                    initial=1,
                                    min=1,
                                )
                            }
                        )
                    )
                response = self.client.post(
                    reverse("wagtailadmin_pages:edit", args=[page.pk]), data
                )
                self.assertEqual(response.status_code, 302, response.content[:3000])
                page.refresh_from_db()
                self.assertEqual(page.title, f"Geändert: {model.__name__}")
                self.assertContains(self.client.get(page.url), f"Geändert: {model.__name__}")

    def test_editor_cannot_create_a_page_in_the_wrong_place(self):
        parent = NetworkIndexPage.objects.get(locale__language_code="de")
        url = reverse("wagtailadmin_pages:add", args=["projects", "projectpage", parent.pk])
        response = self.client.get(url)
        self.assertIn(response.status_code, {302, 403})
        self.assertFalse(ProjectPage.objects.child_of(parent).exists())

    def test_archive_date_must_match_year(self):
        parent = ArchiveIndexPage.objects.get(locale__language_code="de")
        data = page_data(ArchiveEntryPage, "Falsches Datum")
        data.update(slug="falsches-datum", date="2018-01-01", year="2019")
        data["action-publish"] = "action-publish"
        url = reverse("wagtailadmin_pages:add", args=["archive", "archiveentrypage", parent.pk])
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(ArchiveEntryPage.objects.filter(title="Falsches Datum").exists())


class TestEditorsEditSingletonPages(WagtailPageTestCase):
    """Home, section and contact pages exist once per language: editors edit and publish them."""

    def setUp(self):
        from django.contrib.auth.models import Group

        self.user = self.create_user("redakteur", password="pw-for-tests")
        self.user.groups.add(Group.objects.get(name="Moderators"))
        self.client.force_login(self.user)

    def publish(self, page, data: dict):
        data["action-publish"] = "action-publish"
        url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 302, response.content[:2000])
        page.refresh_from_db()
        return page

    def test_home_and_section_pages(self):
        extras = {
            HomePage: {
                "tagline": "Unterzeile",
                "slogan": "Leitsatz",
                "farewell_title": "Abschied",
                "farewell_text": rich_text("<p>Danke.</p>"),
                "farewell_closing": "Tschüss.",
            },
            ArchiveIndexPage: {"first_year": "2015", "last_year": "2025"},
        }
        for model in [HomePage, *INDEXES]:
            with self.subTest(model=model.__name__):
                page = model.objects.get(locale__language_code="de")
                data = nested_form_data(
                    {
                        "title": f"Überarbeitet: {model.__name__}",
                        "slug": page.slug,
                        "intro": "Neu eingeleitet.",
                        "body": streamfield([]),
                        "comments": inline_formset([]),
                        **extras.get(model, {}),
                    }
                )
                page = self.publish(page, data)
                self.assertTrue(page.live)
                self.assertContains(self.client.get(page.url), f"Überarbeitet: {model.__name__}")

    def test_contact_page_keeps_its_form_fields(self):
        from wagtail.test.utils.form_data import querydict_from_html

        page = ContactPage.objects.get(locale__language_code="de")
        edit = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        data = querydict_from_html(edit.content.decode(), form_id="page-edit-form").dict()
        data["title"] = "Schreiben Sie uns"
        page = self.publish(page, data)
        self.assertEqual(page.title, "Schreiben Sie uns")
        self.assertEqual(page.form_fields.count(), 4)
        html = self.client.get(page.url).content.decode()
        self.assertIn("Schreiben Sie uns", html)
        self.assertIn('name="nachricht"', html)


def test_password_reset_mails_to_one_account_are_limited(client, editor, mailoutbox):
    """Anyone may send the admin's reset form; its e-mails must not flood an editor's inbox,
    and the answer must not tell whether the address has an account."""
    url = reverse("wagtailadmin_password_reset")
    for _ in range(10):
        response = client.post(url, {"email": editor.email})
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_password_reset_done")
    assert len(mailoutbox) == 3
    assert {message.to[0] for message in mailoutbox} == {editor.email}
    # The limit is per account: another editor still gets a mail.
    other = type(editor).objects.create_user("zweite", "zweite@example.org", "pw-for-tests")
    client.post(url, {"email": other.email})
    assert len(mailoutbox) == 4
    assert client.post(url, {"email": "niemand@example.org"})["Location"] == response["Location"]
