from django import template
from django.urls import reverse
from wagtail.models import Page

from delivery.lookups import is_public
from feedback.forms import FeedbackForm

register = template.Library()


@register.inclusion_tag("feedback/form.html", takes_context=True)
def page_feedback_form(context: template.Context) -> dict:
    """“Did this page help you?” at the end of a public page (none on other views). The
    form is the same for every reader, so the page stays cacheable."""
    page = context.get("page")
    if not isinstance(page, Page) or not page.pk or not is_public(page):
        return {}
    return {
        "form": FeedbackForm(prefix="feedback"),
        "action": reverse("page-feedback", args=[page.pk]),
    }
