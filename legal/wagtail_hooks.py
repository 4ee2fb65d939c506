"""The dashboard warns, only while something is missing, about the required legal pages
(Impressum, privacy policy) without a published version in a language and about the
operator's details (Settings → Legal details) that are still empty."""

from collections.abc import Mapping
from typing import Any

from django.http import HttpRequest
from wagtail import hooks
from wagtail.admin.ui.components import Component

from delivery.lookups import site_for_request
from legal.models import legal_details
from legal.pages import missing_required_pages


class RequiredPagesPanel(Component):
    name = "required_pages"
    template_name = "legal/admin/required_pages_panel.html"
    # Above the translations panel: a missing Impressum is a legal problem.
    order = 140

    def __init__(self, missing: list, missing_details: list[str]) -> None:
        self.missing = missing
        self.missing_details = missing_details

    def get_context_data(self, parent_context: Mapping[str, Any]) -> dict:
        return {"missing_required": self.missing, "missing_details": self.missing_details}


@hooks.register("construct_homepage_panels")
def add_required_pages_panel(request: HttpRequest, panels: list) -> None:
    if not request.user.has_perm("wagtailadmin.access_admin"):
        return
    missing = missing_required_pages()
    site = site_for_request(request)
    missing_details = legal_details(site).missing() if site else []
    if missing or missing_details:
        panels.append(RequiredPagesPanel(missing, missing_details))
