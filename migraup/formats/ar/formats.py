"""Arabic: “5 ديسمبر 2026”, Western digits with the Arabic decimal and thousands separators.

Month names are Django's (ديسمبر): the Gregorian names every Arabic reader knows, from the
Maghreb to the Gulf; the Levantine names (كانون الأول), familiar to the many readers from
Syria and Iraq, are not read everywhere. Digits stay 0-9, as in every year, address,
phone number and time on the same page and around the readers in Germany (Django has no
other digits). The separators are Arabic (U+066B, U+066C) because the Latin comma and point
mean the opposite in different Arab countries (and in Germany), while ٫ is a decimal
separator to every Arabic reader: “1٫2 م.ب”.
Django's Arabic module lacks the date-and-time formats, which fell back to the American
“ديسمبر 5, 2026, 3:30 م” and 12/05/2026.
"""

# Django's “5 ديسمبر، 2026” has the comma of the American form.
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y، g:i A"
# As Django's SHORT_DATE_FORMAT: the right-to-left marks keep day, month and year in this
# order in a right-to-left line.
SHORT_DATETIME_FORMAT = "d\u200f/m\u200f/Y g:i A"
DECIMAL_SEPARATOR = "\u066b"
THOUSAND_SEPARATOR = "\u066c"
NUMBER_GROUPING = 3
