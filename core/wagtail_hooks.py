"""Wagtail hooks of the content base: pages served in their own language and the admin's
content by kind."""

from django.apps import apps
from django.conf import settings
from django.db.models import Case, OuterRef, Subquery, When
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.pages.listing import IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.models import Page


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


class OriginalFirstIndexView(IndexView):
    """A kind's pages with each translation right under its German original, the original
    first (by default the list is by last change, which put the German last, below five
    alike titles); each row's language is the label beside its title."""

    default_ordering = "original"

    def get_valid_orderings(self) -> list[str]:
        return [*super().get_valid_orderings(), "original"]

    def order_queryset(self, queryset):
        if self.ordering != "original" or self.is_searching:
            return super().order_queryset(queryset)
        german = settings.LANGUAGE_CODE
        originals = Page.objects.filter(
            translation_key=OuterRef("translation_key"), locale__language_code=german
        )
        return queryset.annotate(
            original_title=Subquery(originals.values("title")[:1]),
            is_translation=Case(When(locale__language_code=german, then=0), default=1),
        ).order_by("original_title", "translation_key", "is_translation", "locale__language_code")


class ContentListingViewSet(PageListingViewSet):
    index_view_class = OriginalFirstIndexView


class ContentByKind(ViewSetGroup):
    menu_label = _("Content")
    menu_icon = "folder-inverse"
    menu_order = 150
    # Hooks are loaded once the apps are ready, so the models can be looked up here.
    items = [
        ContentListingViewSet(
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
