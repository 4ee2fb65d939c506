"""The guide's admin URLs, and the help menu's and dashboard's links to it instead of
Wagtail's English editor guide; the review's main button and its confirmation."""

from django.templatetags.static import static
from django.urls import path, reverse_lazy
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from editorial import views
from editorial.guide import guide, picture
from editorial.review import approve_first, confirm_review_action, warn_incomplete_draft

GUIDE_MENU_ITEM = MenuItem(
    _("Editors' guide"),
    reverse_lazy("editorial_guide"),
    name="editor-guide",
    icon_name="help",
    order=1100,
)


@hooks.register("register_admin_urls")
def register_guide_urls() -> list:
    return [
        path("handbuch/", guide, name="editorial_guide"),
        path("handbuch/img/<str:name>", picture, name="editorial_guide_picture"),
        path("review/<int:page_id>/", views.review, name="editorial_review"),
    ]


# Wagtail's own help: its English editor guide and release notes on guide.wagtail.org.
WAGTAILS_GUIDE = ("editor-guide", "whats-new-in-wagtail-")


@hooks.register("construct_help_menu")
def use_this_sites_guide(request, items: list) -> None:
    """Wagtail's English guide and release notes give way to this site's German guide."""
    items[:] = [item for item in items if not item.name.startswith(WAGTAILS_GUIDE)]
    items.append(GUIDE_MENU_ITEM)


@hooks.register("construct_page_action_menu")
def make_approve_the_main_button(menu_items: list, request, context: dict) -> None:
    approve_first(menu_items)


@hooks.register("after_edit_page")
def confirm_review(request, page) -> None:
    confirm_review_action(request, page)
    warn_incomplete_draft(request, page)


@hooks.register("insert_editor_js")
def save_what_was_just_typed() -> str:
    """editorial/static/editorial/save-typing.js: a save right after typing keeps the text."""
    return format_html('<script src="{}"></script>', static("editorial/save-typing.js"))
