from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from feedback.reports import FeedbackAnswersView, FeedbackSummaryView


@hooks.register("register_admin_urls")
def feedback_urls() -> list:
    return [
        path("reports/feedback/", FeedbackSummaryView.as_view(), name="feedback_summary"),
        path(
            "reports/feedback/results/",
            FeedbackSummaryView.as_view(results_only=True),
            name="feedback_summary_results",
        ),
        path("reports/feedback/answers/", FeedbackAnswersView.as_view(), name="feedback_answers"),
        path(
            "reports/feedback/answers/results/",
            FeedbackAnswersView.as_view(results_only=True),
            name="feedback_answers_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def feedback_menu_item() -> MenuItem:
    return MenuItem(
        _("Reader feedback"),
        reverse("feedback_summary"),
        name="reader-feedback",
        icon_name="comment",
        order=950,
    )
