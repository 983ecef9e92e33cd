"""Normalize date expressions from news text ("on Thursday", "Feb. 15", "July 31, 2022") to ISO 8601.

An event's date is recorded only when the text pins it down, so an expression resolves to a day
("YYYY-MM-DD"), a month ("YYYY-MM") or a year ("YYYY"), or to None rather than a guess:

* Full dates: "July 31, 2022", "Jul. 31 2022", "31st of July, 2022", "Thursday, July 31, 2022",
  "2022-07-31", with framing words ("on the night of", "early on", "the morning of"). Impossible
  dates ("Feb. 30, 2022") give None.
* "April 2024", "in late March 2015" give the month; "2014", "mid-2014" the year.
* A day without a year ("Feb. 15", "15 February") needs the reference (publication) date. News
  reports what has happened, so it is the latest such day no later than FUTURE_TOLERANCE after
  the reference; the tolerance keeps announced events ("the vote on March 3" in an article of
  Feb. 28) in the reference's year.
* "today", "tonight", "this morning" give the reference; "yesterday", "last night" the day before.
* A weekday ("on Thursday", "Thursday night") gives the latest such day on or before the
  reference, so "on Thursday" in a Thursday article is that day; "last Thursday" is strictly
  before the reference, a week back in a Thursday article.

None: relative expressions without a reference; periods longer than a day or relative to
something other than the reference ("last week", "this month", "earlier this month", "last
year", "the next day", "tomorrow", "the previous September", "two days ago"); a month without a
year ("in July"); decades ("the early 1990s"); durations ("two days", "40 minutes"); times of
day ("shortly after sunrise"); ranges ("April 13-14, 2024"); bare year-month ("2011-12" is as
often a season as a month); and all-numeric dates ("7/8/2022" is July or August).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from email.utils import parsedate_to_datetime

MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december")
MONTHS = {name: number for number, full in enumerate(MONTH_NAMES, 1) for name in (full, full[:3])}
MONTHS["sept"] = 9
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
RELATIVE_DAYS = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
                 "yesterday": 1, "last night": 1}
FUTURE_TOLERANCE = timedelta(days=7)

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = "|".join(WEEKDAYS)
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>[12]\d{3})"
_ON_WEEKDAY = rf"(?:(?:{_WEEKDAY}),?\s+)?"
_DATE_PATTERNS = tuple(re.compile(pattern) for pattern in (
    rf"{_ON_WEEKDAY}{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?",              # July 31, 2022 / Feb. 15
    rf"{_ON_WEEKDAY}(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?",  # 31 July 2022
    rf"{_MONTH},?\s+{_YEAR}",                                          # April 2024
    _YEAR,                                                             # 2014
    r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})",                # 2022-07-31
))
_WEEKDAY_PATTERN = re.compile(rf"(?P<last>last\s+)?(?P<weekday>{_WEEKDAY})")
# Framing words around a date that do not move it: "on the night of", "early on", "mid-".
_LEADING = re.compile(r"^(?:(?:on|in|at|during|the|early|late|mid|night|morning|afternoon|evening|of)"
                      r"(?:\s+|-))+")
_TRAILING = re.compile(r"(?:'s|[,;:!?]|(?<=\d)\.)+$")
_PART_OF_DAY = re.compile(r"(?<!^last)(?<!^this)\s+(?:morning|afternoon|evening|night)$")
_ISO_TIMESTAMP = re.compile(r"(\d{4}-\d{2}-\d{2})[t ][0-9:.]+(?:z|[+-][0-9:]+)?")


def normalize(expression: str, reference: date | None = None) -> str | None:
    """ISO 8601 string for the day (or month/year) the expression names, or None when it names none."""
    if not isinstance(expression, str):
        return None
    if isinstance(reference, datetime):
        reference = reference.date()
    try:
        return _resolve(_clean(expression), reference)
    except (ValueError, OverflowError):  # an impossible date, or arithmetic beyond year 1..9999
        return None


def parse_reference(value: str | None) -> date | None:
    """The publication date in article metadata: ISO date or timestamp, RFC 2822 (RSS), or prose."""
    if not isinstance(value, str):
        return None
    text = value.strip().lower()
    timestamp = _ISO_TIMESTAMP.fullmatch(text)
    found = normalize(timestamp.group(1) if timestamp else text)
    if found is not None and len(found) == 10:
        return date.fromisoformat(found)
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _clean(expression: str) -> str:
    """Lower case, single spaces, without the framing words and punctuation that do not move a date."""
    text = " ".join(expression.replace("\u2019", "'").lower().split())
    text = _LEADING.sub("", _TRAILING.sub("", text))
    return _PART_OF_DAY.sub("", text)


def _resolve(text: str, reference: date | None) -> str | None:
    if text in RELATIVE_DAYS:
        return (reference - timedelta(days=RELATIVE_DAYS[text])).isoformat() if reference else None
    weekday = _WEEKDAY_PATTERN.fullmatch(text)
    if weekday:
        return _weekday(weekday["weekday"], bool(weekday["last"]), reference)
    for pattern in _DATE_PATTERNS:
        found = pattern.fullmatch(text)
        if found:
            return _date(found.groupdict(), reference)
    return None


def _weekday(name: str, strictly_before: bool, reference: date | None) -> str | None:
    if reference is None:
        return None
    days_back = (reference.weekday() - WEEKDAYS.index(name)) % 7
    if strictly_before and days_back == 0:
        days_back = 7
    return (reference - timedelta(days=days_back)).isoformat()


def _date(parts: dict[str, str | None], reference: date | None) -> str | None:
    year, month, day = parts["year"], parts.get("month"), parts.get("day")
    if month is None:
        return year
    number = MONTHS[month] if month in MONTHS else int(month)
    if day is None:
        return f"{year}-{number:02d}"
    if year is not None:
        return date(int(year), number, int(day)).isoformat()
    found = _latest(number, int(day), reference) if reference else None
    return found.isoformat() if found else None


def _latest(month: int, day: int, reference: date) -> date | None:
    """The latest month/day no later than FUTURE_TOLERANCE after the reference, within a year of it."""
    horizon = reference + FUTURE_TOLERANCE
    for year in (horizon.year, horizon.year - 1):
        try:
            candidate = date(year, month, day)
        except ValueError:  # Feb. 29 outside a leap year, Feb. 30
            continue
        if candidate <= horizon:
            return candidate
    return None
