"""English for readers in Europe: day before month (“5 December 2026”, 05/12/2026), 24-hour
clock. Django's English is American (“Dec. 5, 2026”, 12/05/2026), whose short date a reader
here takes for the 12th of May."""

DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y, H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
