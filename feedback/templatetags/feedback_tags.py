from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe
from wagtail.models import Page

from delivery.lookups import is_public
from feedback.forms import FeedbackForm

register = template.Library()

# Language → the unbound form's fields. They depend on the code and the language only,
# and rendering Django's widgets is a tenth of a page's time; threads may render one twice.
_unbound_fields: dict[str, SafeString] = {}


def unbound_fields() -> SafeString:
    language = translation.get_language()
    fields = _unbound_fields.get(language)
    if fields is None:
        context = {"form": FeedbackForm(prefix="feedback")}
        fields = _unbound_fields[language] = mark_safe(
            render_to_string("feedback/fields.html", context)
        )
    return fields


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
