from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe
from wagtail.models import Page

from delivery.cache import kept_in_process
from delivery.lookups import is_public
from feedback.forms import FeedbackForm

register = template.Library()


def unbound_fields() -> SafeString:
    """The unbound form's fields in the reader's language: the same on every page, and
    rendering Django's widgets is a tenth of a page's time."""

    def render() -> SafeString:
        form = FeedbackForm(prefix="feedback")
        return mark_safe(render_to_string("feedback/fields.html", {"form": form}))

    return kept_in_process(render, "feedback-fields", translation.get_language())


@register.inclusion_tag("feedback/form.html", takes_context=True)
def page_feedback_form(context: template.Context) -> dict:
    """“Did this page help you?” at the end of a public page (none on other views). The
    form is the same for every reader, so the page stays cacheable."""
    page = context.get("page")
    if not isinstance(page, Page) or not page.pk or not is_public(page):
        return {}
    return {
        "form": True,
        "fields": unbound_fields(),
        "action": reverse("page-feedback", args=[page.pk]),
    }
