"""The editors' side: Reports → Rückmeldungen. Per page and language, how many readers said
the page helped and how many said it did not, with the comments; each as CSV or XLSX, every
cell safe from spreadsheet formulas (a reader's comment may begin with "=")."""

import django_filters
from django.conf import settings
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from feedback.models import PageFeedback
from operations.spreadsheets import FormulaSafeExportMixin

LANGUAGE_CHOICES = settings.LANGUAGES


class SummaryFilterSet(WagtailFilterSet):
    language = django_filters.ChoiceFilter(label=_("language"), choices=LANGUAGE_CHOICES)

    class Meta:
        model = PageFeedback
        fields = ["language"]


class AnswersFilterSet(WagtailFilterSet):
    language = django_filters.ChoiceFilter(label=_("language"), choices=LANGUAGE_CHOICES)
    helpful = django_filters.BooleanFilter(label=_("helpful"))
    with_comment = django_filters.BooleanFilter(
        label=_("with a comment"), method="filter_with_comment"
    )
    page = django_filters.NumberFilter(field_name="page_id", label=_("page (ID)"))

    class Meta:
        model = PageFeedback
        fields = ["language", "helpful", "page"]

    def filter_with_comment(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.exclude(comment="") if value else queryset.filter(comment="")


def answers_url(row: dict) -> str:
    query = urlencode({"page": row["page"], "language": row["language"]})
    return f"{reverse('feedback_answers')}?{query}"


class FeedbackSummaryView(FormulaSafeExportMixin, ReportView):
    """One row per page and language, the most "no"s first."""

    page_title = _("Reader feedback")
    header_icon = "comment"
    index_url_name = "feedback_summary"
    index_results_url_name = "feedback_summary_results"
    filterset_class = SummaryFilterSet
    columns = [
        TitleColumn("page__title", label=_("page"), get_url=answers_url),
        Column("language", label=_("language")),
        Column("yes", label=_("helpful")),
        Column("no", label=_("not helpful")),
        Column("comments", label=_("comments")),
    ]
    list_export = ["page__title", "page__url_path", "language", "yes", "no", "comments"]
    export_headings = {
        "page__title": _("page"),
        "page__url_path": _("path"),
        "language": _("language"),
        "yes": _("helpful"),
        "no": _("not helpful"),
        "comments": _("comments"),
    }

    def get_queryset(self):
        return (
            PageFeedback.objects.values("page", "page__title", "page__url_path", "language")
            .annotate(
                yes=Count("pk", filter=Q(helpful=True)),
                no=Count("pk", filter=Q(helpful=False)),
                comments=Count("pk", filter=~Q(comment="")),
            )
            .order_by("-no", "page__title", "language")
        )


class FeedbackAnswersView(FormulaSafeExportMixin, ReportView):
    """Each answer, newest first, with its comment."""

    page_title = _("Reader feedback: answers")
    header_icon = "comment"
    index_url_name = "feedback_answers"
    index_results_url_name = "feedback_answers_results"
    filterset_class = AnswersFilterSet
    columns = [
        DateColumn("given_on", label=_("date")),
        Column("page", label=_("page"), accessor="page.title"),
        Column("language", label=_("language")),
        BooleanColumn("helpful", label=_("helpful")),
        Column("comment", label=_("comment")),
    ]
    list_export = ["given_on", "page.title", "page.url_path", "language", "helpful", "comment"]
    export_headings = {
        "given_on": _("date"),
        "page.title": _("page"),
        "page.url_path": _("path"),
        "language": _("language"),
        "helpful": _("helpful"),
        "comment": _("comment"),
    }

    def get_queryset(self):
        return PageFeedback.objects.select_related("page").order_by("-given_on", "-pk")
