"""Editors' side: confirming a page as still accurate, from the page's "…" menu."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.models import Page

from upkeep.confirmations import checked_on
from upkeep.models import PageConfirmation


def confirm_page(request: HttpRequest, page_id: int) -> HttpResponse:
    """GET asks, POST confirms: today's date, the editor, no new revision."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    if request.method == "POST":
        PageConfirmation.objects.update_or_create(
            page=page,
            defaults={"confirmed_on": timezone.localdate(), "confirmed_by": request.user},
        )
        # Readers see the date at once: saving it starts a new generation of the page
        # cache and purges the page's address in front (``delivery.cache.CONTENT_MODELS``,
        # ``delivery.frontend_cache``).
        messages.success(
            request, _("'%(title)s' confirmed as accurate today.") % {"title": page.title}
        )
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return TemplateResponse(
        request,
        "upkeep/admin/confirm_page.html",
        {"page": page, "checked_on": checked_on(page)},
    )
