"""The contact form's fields, as editors define them, each with a limit on what it takes.

Text fields get a maximum length (shown as ``maxlength``, checked again on the server with
Django's translated message), numbers a maximum of digits, lists of choices each choice at
most once. Choices, dates and check boxes are bounded by what they accept.
"""

from collections.abc import Iterable

from django import forms
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from wagtail.contrib.forms.forms import FormBuilder

from core.models import StandardPage
from delivery.lookups import active_locale
from legal.pages import required_pages

# Digits a number field takes: more than any amount or phone number needs.
MAX_NUMBER_DIGITS = 30


def max_chars(field_type: str) -> int:
    """The most characters a text field of this type takes (CONTACT_MAX_CHARS_*)."""
    return {
        "singleline": settings.CONTACT_MAX_CHARS_LINE,
        "hidden": settings.CONTACT_MAX_CHARS_LINE,
        "multiline": settings.CONTACT_MAX_CHARS_TEXT,
        # RFC 5321 allows no longer address; a longer link is no link a person types.
        "email": 254,
        "url": 2000,
    }[field_type]


class DistinctMultipleChoiceField(forms.MultipleChoiceField):
    """Each choice once: a repeated choice would be stored as often as it was posted."""

    def to_python(self, value: Iterable | None) -> list[str]:
        return list(dict.fromkeys(super().to_python(value)))


class ContactFormBuilder(FormBuilder):
    def _text_options(self, field, options: dict) -> dict:
        limit = max_chars(field.field_type)
        options["max_length"] = limit
        if field.field_type == "multiline":
            # A long message is where a reader could meet the limit: say it beforehand.
            hint = ngettext(
                "At most %(limit)d character.", "At most %(limit)d characters.", limit
            ) % {"limit": limit}
            help_text = options.get("help_text")
            options["help_text"] = format_html("{} {}", help_text, hint) if help_text else hint
        return options

    def create_singleline_field(self, field, options: dict) -> forms.Field:
        return forms.CharField(**self._text_options(field, options))

    def create_multiline_field(self, field, options: dict) -> forms.Field:
        options.setdefault("widget", forms.Textarea)
        return forms.CharField(**self._text_options(field, options))

    def create_email_field(self, field, options: dict) -> forms.Field:
        return forms.EmailField(**self._text_options(field, options))

    def create_url_field(self, field, options: dict) -> forms.Field:
        return super().create_url_field(field, self._text_options(field, options))

    def create_hidden_field(self, field, options: dict) -> forms.Field:
        return super().create_hidden_field(field, self._text_options(field, options))

    def create_checkbox_field(self, field, options: dict) -> forms.Field:
        if field.required:
            # A box the reader must tick is a consent: say so in the error, and link the
            # privacy policy it refers to (the label is the editors' plain text).
            options["error_messages"] = {
                "required": gettext("Tick this box to agree, or we cannot send your message.")
            }
            privacy = privacy_policy_url()
            if privacy:
                link = format_html(
                    '<a href="{}">{}</a>', privacy, gettext("Read the privacy policy")
                )
                help_text = options.get("help_text")
                options["help_text"] = format_html("{} {}", help_text, link) if help_text else link
        return super().create_checkbox_field(field, options)

    def create_number_field(self, field, options: dict) -> forms.Field:
        options["max_digits"] = MAX_NUMBER_DIGITS
        return forms.DecimalField(**options)

    def create_multiselect_field(self, field, options: dict) -> forms.Field:
        options["choices"] = self.get_formatted_field_choices(field)
        return DistinctMultipleChoiceField(**options)

    def create_checkboxes_field(self, field, options: dict) -> forms.Field:
        options["choices"] = self.get_formatted_field_choices(field)
        options["initial"] = self.get_formatted_field_initial(field)
        options.setdefault("widget", forms.CheckboxSelectMultiple)
        return DistinctMultipleChoiceField(**options)


def privacy_policy_url() -> str | None:
    """The privacy policy in the reader's language, if it has one that is live and public."""
    for page in required_pages(active_locale()):
        if page.required_page == StandardPage.RequiredPage.PRIVACY:
            return page.url
    return None
