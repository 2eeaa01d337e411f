"""Dates as the site writes them in French: "9 avril 2019", "1er décembre 2026".

FIRST_DAY_DATE_FORMAT is this site's own name, not one of Django's: French
writes the first of a month as an ordinal, which Django's formats cannot say.
`core.dates.long_date` uses it for the first day of a month.
"""

DATE_FORMAT = "j F Y"
FIRST_DAY_DATE_FORMAT = r"j\e\r F Y"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATE_FORMAT = "j M Y"
