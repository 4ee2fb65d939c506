"""Turkish: “5 Aralık 2026” and 05.12.2026. Django's Turkish pads the day (“05 Aralık
2026”) and abbreviates the month in the short date (“05 Ara 2026”)."""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y H:i"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
