"""Reports → Defekte Links: the external links the last weekly check found broken, with
the pages and documents that contain them."""

from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView

from operations.spreadsheets import FormulaSafeExportMixin
from upkeep.models import ExternalLink


class WhereColumn(Column):
    """The pages (linked to their edit view, with their language) and documents."""

    def get_value(self, link: ExternalLink):
        pages = format_html_join(
            ", ",
            '<a href="{}">{}</a> ({})',
            (
                (
                    reverse("wagtailadmin_pages:edit", args=[page.pk]),
                    page.title,
                    page.locale.language_code,
                )
                for page in link.pages.all()
            ),
        )
        documents = format_html_join(", ", "{}", ((d.title,) for d in link.documents.all()))
        return format_html("{}{}{}", pages, "; " if pages and documents else "", documents)


class BrokenLinksView(FormulaSafeExportMixin, ReportView):
    page_title = _("Broken links")
    header_icon = "warning"
    index_url_name = "upkeep_broken_links"
    index_results_url_name = "upkeep_broken_links_results"
    columns = [
        Column("url", label=_("address")),
        Column("problem", label=_("problem")),
        WhereColumn("where", label=_("linked from")),
        DateColumn("checked_at", label=_("checked at")),
    ]
    list_export = ["url", "problem", "checked_at"]
    export_headings = {"url": _("address"), "problem": _("problem"), "checked_at": _("checked at")}

    def get_queryset(self):
        return ExternalLink.objects.filter(broken=True).prefetch_related(
            "pages__locale", "documents"
        )
