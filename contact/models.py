"""The contact page, built on Wagtail's form builder, with a honeypot against spam bots."""

import logging
import math

from django import forms
from django.db import models
from django.db.models import F
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField
from wagtail.models import Locale, Page, PageViewRestriction, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from contact import ratelimit
from contact.forms import ContactFormBuilder
from core.api_fields import TranslationsField
from core.blocks import RICH_TEXT_FEATURES
from core.models import SharingMixin
from core.pdf import PdfMixin
from core.phones import tel_href
from delivery import lookups
from delivery.cache import cached
from delivery.lookups import restricted_sections
from multilingual.beside import OriginalBesideMixin
from multilingual.stemming import page_stems
from team.models import TeamMember

logger = logging.getLogger(__name__)


def team_with_projects(locale: Locale) -> list[TeamMember]:
    """The team members in this language, each with the live projects they are the contact
    of (``member.projects``), in the team's order. Cached per language with the page
    cache's generation: the home and contact pages show them to every reader."""

    def build() -> list[TeamMember]:
        members = list(TeamMember.objects.filter(locale=locale).select_related("photo"))
        # Plain pages (a title and a URL each), public by the shared lookups: no join per
        # table of the project type, no query of every view restriction.
        projects = lookups.public(
            Page.objects.live().filter(projectpage__contact_person__in=members)
        ).annotate(contact_person_id=F("projectpage__contact_person"))
        by_member: dict[int, list] = {}
        for project in projects.order_by("path"):
            by_member.setdefault(project.contact_person_id, []).append(project)
        for member in members:
            member.projects = by_member.get(member.pk, [])
        return members

    return cached(build, "team", locale.pk)


def main_contact(request: HttpRequest) -> dict | None:
    """Whom readers reach, from the contact page in the active language (its address,
    phone and e-mail, and its URL), or None without a live one: for the footer of every
    page and the "Questions?" boxes. Cached per site and language with the page cache's
    generation, so an editor's change shows at once."""
    locale = lookups.active_locale()

    def build() -> dict | None:
        page = ContactPage.objects.live().public().filter(locale=locale).first()
        if page is None:
            return None
        fields = ("organisation", "address", "phone", "phone_href", "email")
        return {"url": page.get_url(request), **{name: getattr(page, name) for name in fields}}

    return cached(build, "contact", request.get_host(), locale.pk)


# The honeypot field: hidden from people (and from screen readers), filled in by bots.
HONEYPOT_FIELD = "website_url"


class FormField(TranslatableMixin, AbstractFormField):
    """Translatable, so that wagtail-localize translates the labels with the page."""

    page = ParentalKey("ContactPage", on_delete=models.CASCADE, related_name="form_fields")

    api_fields = [
        APIField("clean_name"),
        APIField("label"),
        APIField("field_type"),
        APIField("required"),
        APIField("choices"),
        APIField("default_value"),
        APIField("help_text"),
    ]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        pass


class ContactPage(PdfMixin, OriginalBesideMixin, SharingMixin, AbstractEmailForm):
    # Beside the German original (multilingual.beside): not the e-mail's fields, nor the
    # thanks, which readers see only after sending.
    not_shown_beside = ("thank_you_text", "to_address", "subject")

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Shown above the form."),
    )
    # Wagtail's e-mail fields, with the help texts its own definitions lack.
    from_address = models.EmailField(
        _("from address"),
        max_length=255,
        blank=True,
        help_text=_("The sender of the notification e-mails; empty: the site's default sender."),
    )
    subject = models.CharField(
        _("subject"),
        max_length=255,
        blank=True,
        help_text=_("Subject line of the notification e-mails about new messages."),
    )
    # Where readers reach a person: the contact page, the footer of every page and the
    # thank-you page show these. The same in every language (wagtail-localize keeps them in
    # step with the German page), as an address or a number is not translated.
    organisation = models.CharField(
        _("organisation"),
        max_length=200,
        blank=True,
        help_text=_("Who readers reach at this address, e.g. “VIA Regionalverband …”."),
    )
    address = models.TextField(
        _("postal address"), blank=True, help_text=_("Street and town, one line per line.")
    )
    phone = models.CharField(
        _("phone"),
        max_length=50,
        blank=True,
        help_text=_("With the area code, e.g. “+49 30 …”; phones dial it when tapped."),
    )
    email = models.EmailField(
        _("e-mail"), blank=True, help_text=_("An address readers can write to directly.")
    )
    thank_you_text = RichTextField(
        _("thank-you text"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Shown once a message has been sent."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    form_builder = ContactFormBuilder

    promote_panels = [*AbstractEmailForm.promote_panels, *SharingMixin.sharing_panels]
    content_panels = [
        *AbstractEmailForm.content_panels,
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("organisation"),
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
            ],
            heading=_("How to reach us (also in the footer of every page)"),
            help_text=_("The people listed below the address are the team (Snippets → Team)."),
        ),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("E-mail notification (optional; messages are always stored)"),
        ),
    ]
    search_fields = [
        *AbstractEmailForm.search_fields,
        index.SearchField("intro"),
        index.SearchField("search_stems"),
    ]

    override_translatable_fields = [
        SynchronizedField("organisation"),
        SynchronizedField("address"),
        SynchronizedField("phone"),
        SynchronizedField("email"),
    ]
    # The form is described so that another site could show it; messages are sent to the
    # page on this site (POST to its html_url), never through the API.
    api_fields = [
        APIField("intro"),
        APIField("organisation"),
        APIField("address"),
        APIField("phone"),
        APIField("email"),
        APIField("form_fields"),
        APIField("thank_you_text"),
        APIField("translations", serializer=TranslationsField()),
    ]

    class Meta:
        verbose_name = _("contact page")

    @property
    def phone_href(self) -> str:
        return tel_href(self.phone)

    def get_context(self, request, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["team"] = team_with_projects(self.locale)
        return context

    def search_stems(self) -> str:
        return page_stems(self)

    def get_view_restrictions(self) -> models.QuerySet:
        # As core.models.BasePage: nothing to check while no page at all is restricted.
        if not restricted_sections():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        form.fields[HONEYPOT_FIELD] = forms.CharField(
            required=False,
            label=_("Leave this field empty"),
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        return form

    def serve(self, request, *args, **kwargs):
        if request.method != "POST":
            return super().serve(request, *args, **kwargs)
        if request.POST.get(HONEYPOT_FIELD):
            # A bot filled in the hidden field: answer like a success, store nothing.
            logger.info("Contact form: submission discarded by the honeypot")
            return self.render_landing_page(request, None, *args, **kwargs)
        form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
        # Checked before and counted after validation: a reader correcting a mistake is not
        # held back by the attempts that were refused for it.
        wait = ratelimit.seconds_blocked(request)
        if wait is None and form.is_valid():
            wait = ratelimit.count_message(request)
            if wait is None:
                submission = self.process_form_submission(form)
                return self.render_landing_page(request, submission, *args, **kwargs)
        context = self.get_context(request)
        context["form"] = form
        status = 200
        if wait is not None:
            # Nothing stored, nothing sent; the form comes back as it was typed.
            logger.info("Contact form: message refused by the rate limit")
            context["rate_limited_minutes"] = math.ceil(wait / 60)
            status = 429
        response = TemplateResponse(request, self.get_template(request), context, status=status)
        if wait is not None:
            response["Retry-After"] = str(wait)
        return response

    def get_submissions_list_view_class(self):
        # Imported here, as Wagtail does: the admin's views need the models loaded.
        from operations.spreadsheets import FormulaSafeSubmissionsListView

        # Exports of the messages with no cell a spreadsheet would take for a formula.
        return FormulaSafeSubmissionsListView

    def get_data_fields(self):
        return [f for f in super().get_data_fields() if f[0] != HONEYPOT_FIELD]

    def process_form_submission(self, form):
        form.cleaned_data.pop(HONEYPOT_FIELD, None)
        return super().process_form_submission(form)
