"""The admin's dashboard panel of translation status, and the translation editor's own
actions: submit for review, bring the German's changes over, translate them."""

from collections.abc import Mapping
from typing import Any

from django.http import HttpRequest
from django.urls import path
from wagtail import hooks
from wagtail.admin.ui.components import Component

from multilingual import views
from multilingual.translation_status import translation_overview


@hooks.register("register_admin_urls")
def register_translation_review_urls() -> list:
    return [
        path(
            "localize/translate/<int:translation_id>/submit/",
            views.submit_translation,
            name="multilingual_submit_translation",
        ),
        path(
            "localize/translate/<int:translation_id>/take-over-german/",
            views.take_over_german,
            name="multilingual_take_over_german",
        ),
        path(
            "localize/translate/<int:translation_id>/changes/",
            views.save_changes,
            name="multilingual_save_changes",
        ),
    ]


class TranslationStatusPanel(Component):
    """On the admin's dashboard: per language, the German pages without a translation and
    the translations whose German original has changed since."""

    name = "translation_status"
    template_name = "multilingual/admin/translation_status_panel.html"
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
        return {"languages": rows}


@hooks.register("construct_homepage_panels")
def add_translation_status_panel(request: HttpRequest, panels: list) -> None:
    if request.user.has_perm("wagtailadmin.access_admin"):
        panels.append(TranslationStatusPanel())
