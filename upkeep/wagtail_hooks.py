from collections.abc import Mapping
from typing import Any

from django.http import HttpRequest
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.menus.pages import PageMenuItem

from upkeep.confirmations import CONFIRMATION_DAYS, describes_its_year, unconfirmed_pages
from upkeep.models import LinkCheckRun
from upkeep.reports import BrokenLinksView
from upkeep.views import confirm_page

# Pages listed per language on the dashboard; the rest are counted.
PANEL_PAGES = 10


@hooks.register("register_admin_urls")
def upkeep_urls() -> list:
    return [
        path("pages/<int:page_id>/confirm/", confirm_page, name="upkeep_confirm_page"),
        path("reports/broken-links/", BrokenLinksView.as_view(), name="upkeep_broken_links"),
        path(
            "reports/broken-links/results/",
            BrokenLinksView.as_view(results_only=True),
            name="upkeep_broken_links_results",
        ),
    ]


class ConfirmButton(PageMenuItem):
    label = _("Confirm as accurate")
    icon_name = "check"
    url_name = "upkeep_confirm_page"

    def is_shown(self, user) -> bool:
        return (
            self.page.live
            and not describes_its_year(self.page)
            and self.page.permissions_for_user(user).can_edit()
        )


@hooks.register("register_page_header_buttons")
def confirm_button(page, user, view_name, next_url=None):
    if page.depth > 1:
        yield ConfirmButton(page=page, priority=68)


@hooks.register("register_page_listing_more_buttons")
def confirm_listing_button(page, user, next_url=None):
    if page.depth > 1:
        yield ConfirmButton(page=page, priority=68)


@hooks.register("register_reports_menu_item")
def broken_links_menu_item() -> MenuItem:
    return MenuItem(
        _("Broken links"),
        reverse("upkeep_broken_links"),
        name="broken-links",
        icon_name="warning",
        order=960,
    )


class UnconfirmedPagesPanel(Component):
    name = "unconfirmed_pages"
    template_name = "upkeep/admin/unconfirmed_panel.html"
    order = 160

    def __init__(self, languages: list) -> None:
        self.languages = languages

    def get_context_data(self, parent_context: Mapping[str, Any]) -> dict:
        last_run = LinkCheckRun.objects.exclude(finished_at=None).first()
        return {
            "languages": [
                {"locale": locale, "pages": pages[:PANEL_PAGES], "more": len(pages) - PANEL_PAGES}
                for locale, pages in self.languages
            ],
            "months": CONFIRMATION_DAYS // 30,
            "last_run": last_run,
        }


@hooks.register("construct_homepage_panels")
def add_unconfirmed_panel(request: HttpRequest, panels: list) -> None:
    if request.user.has_perm("wagtailadmin.access_admin"):
        panels.append(UnconfirmedPagesPanel(unconfirmed_pages()))
