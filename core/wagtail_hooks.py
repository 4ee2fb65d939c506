"""Wagtail hooks of the site."""

from collections.abc import Mapping
from typing import Any

from django.apps import apps
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.models import Page

from core.legal import missing_required_pages
from multilingual.translation_status import translation_overview


@hooks.register("before_serve_page")
def serve_pages_in_their_own_language(
    page: Page, request: HttpRequest, serve_args, serve_kwargs
) -> HttpResponse | None:
    """A page reached under another language's prefix (because it has no translation in
    that language) is redirected to its own address, so that the reader gets the text with
    the right lang attribute, navigation and search of that page's language."""
    language = getattr(page.locale, "language_code", None)
    if language and language != translation.get_language():
        return redirect(page.get_url(request))
    return None


class TranslationStatusPanel(Component):
    """On the admin's dashboard: per language, the German pages without a translation and
    the translations whose German original has changed since (core/translation_status.py)."""

    name = "translation_status"
    template_name = "core/admin/translation_status_panel.html"
    order = 150
    # Each list shows this many pages; the count says how many there are.
    shown = 8

    def get_context_data(self, parent_context: Mapping[str, Any]) -> dict:
        rows = []
        for status in translation_overview():
            missing, out_of_date = status.untranslated, status.out_of_date
            rows.append(
                {
                    "locale": status.locale,
                    "translated": len(status.translated),
                    "untranslated": missing[: self.shown],
                    "untranslated_count": len(missing),
                    "untranslated_more": max(len(missing) - self.shown, 0),
                    "out_of_date": out_of_date[: self.shown],
                    "out_of_date_count": len(out_of_date),
                    "out_of_date_more": max(len(out_of_date) - self.shown, 0),
                }
            )
        return {"languages": rows, "missing_required": missing_required_pages()}


@hooks.register("construct_homepage_panels")
def add_translation_status_panel(request: HttpRequest, panels: list) -> None:
    if request.user.has_perm("wagtailadmin.access_admin"):
        panels.append(TranslationStatusPanel())


# Page types editors look for by kind, each with its icon: "Inhalte" in the admin menu
# lists every project, network, partner, material or archive entry of all languages,
# with filters (language, status) and a button to add one.
PAGE_TYPES_BY_KIND = [
    ("projects.ProjectPage", "folder-open-inverse", _("Projects")),
    ("networks.NetworkPage", "group", _("Networks")),
    ("partners.PartnerPage", "site", _("Partners")),
    ("materials.MaterialPage", "doc-full", _("Materials")),
    ("archive.ArchiveEntryPage", "date", _("Archive")),
    ("core.StandardPage", "doc-empty", _("Other pages")),
]


class ContentByKind(ViewSetGroup):
    menu_label = _("Content")
    menu_icon = "folder-inverse"
    menu_order = 150
    # Hooks are loaded once the apps are ready, so the models can be looked up here.
    items = [
        PageListingViewSet(
            name=f"content-{model_path.split('.')[1].lower()}",
            model=apps.get_model(model_path),
            icon=icon,
            menu_label=label,
        )
        for model_path, icon, label in PAGE_TYPES_BY_KIND
    ]


@hooks.register("register_admin_viewset")
def register_content_by_kind() -> ViewSetGroup:
    return ContentByKind()
