"""The readers' side: the answer to “Did this page help you?” sent from the end of a page.

The form has no CSRF token, so that every page stays one cached answer for all readers and
no cookie is set: an answer changes nothing but a counter editors read. Instead of the
token, an answer from another site's page (its browser names that site as the Origin) is
refused, and each address may answer FEEDBACK_RATE_LIMIT times in its window.
"""

import logging
import math
from urllib.parse import urlsplit

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from wagtail.models import Page

from delivery.cache import reads_query_parameters
from delivery.lookups import is_public, locale_by_id
from feedback.forms import FeedbackForm
from feedback.models import PageFeedback
from feedback.ratelimit import count_answer

logger = logging.getLogger(__name__)
TEMPLATE = "feedback/feedback_page.html"


def page_asked_about(page_id: int) -> Page:
    """The live, public page in the reader's language the answer is about; else 404."""
    page = Page.objects.live().filter(pk=page_id).first()
    if page is None or not is_public(page):
        raise Http404
    if locale_by_id(page.locale_id).language_code != translation.get_language():
        raise Http404
    return page


def from_this_site(request: HttpRequest) -> bool:
    """False when the browser says the form was sent from another site's page. A request
    without an Origin comes from no browser's cross-site form (they all send one)."""
    origin = request.headers.get("Origin")
    if origin is None:
        return True
    if origin in settings.CSRF_TRUSTED_ORIGINS:
        return True
    parts = urlsplit(origin)
    return parts.netloc == request.get_host() and parts.scheme == request.scheme


@csrf_exempt
@reads_query_parameters()
@require_http_methods(["GET", "HEAD", "POST"])
def page_feedback(request: HttpRequest, page_id: int) -> HttpResponse:
    page = page_asked_about(page_id)
    if request.method != "POST":  # the address typed or followed: the question is on the page
        return HttpResponseRedirect(f"{page.get_url(request)}#feedback")
    context = {"about": page, "about_url": page.get_url(request)}
    if not from_this_site(request):
        logger.info("Page feedback: refused, sent from another site")
        context["form"] = FeedbackForm(prefix="feedback")
        context["foreign"] = True
        return TemplateResponse(request, TEMPLATE, context, status=403)
    form = FeedbackForm(request.POST, prefix="feedback")
    context["form"] = form
    if not form.is_valid():
        # Re-shown with its errors and what was typed.
        return TemplateResponse(request, TEMPLATE, context, status=200)
    wait = count_answer(request)
    if wait is not None:
        logger.info("Page feedback: refused by the rate limit")
        context["rate_limited_minutes"] = math.ceil(wait / 60)
        response = TemplateResponse(request, TEMPLATE, context, status=429)
        response["Retry-After"] = str(wait)
        return response
    PageFeedback.objects.create(
        page=page,
        language=translation.get_language(),
        helpful=form.cleaned_data["helpful"],
        comment=form.cleaned_data["comment"].strip(),
    )
    context["thanks"] = True
    return TemplateResponse(request, TEMPLATE, context)
