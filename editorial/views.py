"""The review's actions where Wagtail offers none: in the translation editor."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from editorial.review import act_on_review


@require_POST
def review(request: HttpRequest, page_id: int) -> HttpResponse:
    """Approve the page's current review step, or request changes, as a reviewer of it."""
    page = get_object_or_404(Page, pk=page_id).specific
    if page.current_workflow_state is None:
        messages.warning(request, _("This page is not waiting for review (any more)."))
    else:
        messages.success(request, act_on_review(page, request.user, request.POST.get("action", "")))
    return redirect("wagtailadmin_pages:edit", page.pk)
