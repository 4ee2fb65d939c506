"""Italian: “5 dicembre 2026”, the day without a leading zero and the month in lower case.

Django's Italian writes “05 Dicembre 2026”. Its catalogue capitalises the month names, so
the dates here take the alternative names (format character E, context "alt. month"),
which the project's catalogue translates in lower case.
"""

from django.utils.translation import pgettext_lazy

DATE_FORMAT = "j E Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j E Y, H:i"
YEAR_MONTH_FORMAT = "E Y"
MONTH_DAY_FORMAT = "j E"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"

# Not used here: named so that makemessages keeps their entries in locale/*/django.po,
# where they override Django's own translations.
MONTH_NAMES_IN_A_DATE = [
    # Translators: a month as it stands inside a date (“5 dicembre 2026”). Leave it empty
    # unless your language writes it differently from Django's own translation.
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
]
