"""Spreadsheet exports in which no cell is taken for a formula.

A cell that begins with =, +, -, @, a tab or a carriage return is a formula to Excel and
LibreOffice when they open a CSV file (and when someone edits such a cell of an XLSX file);
a reader's "=HYPERLINK(…)" in the contact form would run on the editor's computer. As OWASP
advises, such a cell is written with a single quote in front, in CSV and XLSX alike, and
XLSX cells stay strings. Headings are treated the same way: editors name the form fields.
"""

from typing import Any

from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.contrib.forms.views import SubmissionsListView

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralize_formula(value: Any) -> Any:
    """The value, with a quote in front if it is text a spreadsheet would evaluate."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class FormulaSafeExportMixin(SpreadsheetExportMixin):
    """For any view built on Wagtail's SpreadsheetExportMixin: every cell, both formats."""

    def preprocess_field_value(self, field: str, value: Any, export_format: str) -> Any:
        return neutralize_formula(super().preprocess_field_value(field, value, export_format))

    def get_heading(self, queryset: Any, field: str) -> str:
        return neutralize_formula(super().get_heading(queryset, field))


class FormulaSafeSubmissionsListView(FormulaSafeExportMixin, SubmissionsListView):
    """The form pages' submissions and their CSV and XLSX exports."""
