"""Date expressions from news text resolve to the ISO day, month or year they name, or to None."""

from __future__ import annotations

import random
from datetime import date, datetime

import pytest

from kg.dates import normalize, parse_reference

FRIDAY = date(2021, 2, 26)  # a Friday


@pytest.mark.parametrize(
    ("expression", "iso"),
    [
        ("July 31, 2022", "2022-07-31"), ("31 July 2022", "2022-07-31"), ("Jul. 31, 2022", "2022-07-31"),
        ("Jul 31 2022", "2022-07-31"), ("31 July, 2022", "2022-07-31"), ("Sept. 5, 1847", "1847-09-05"),
        ("Sep 5, 1847", "1847-09-05"), ("Feb. 15, 2023", "2023-02-15"), ("Feb 15, 2023", "2023-02-15"),
        ("2022-07-31", "2022-07-31"), ("on 2022-07-31", "2022-07-31"),
        ("on the night of April 13, 2024", "2024-04-13"), ("early on October 8, 2022", "2022-10-08"),
        ("the morning of May 2, 2011", "2011-05-02"), ("late on December 3, 2019", "2019-12-03"),
        ("July 31st, 2022", "2022-07-31"), ("the 31st of July 2022", "2022-07-31"),
        ("on the 2nd of May, 2011", "2011-05-02"), ("Thursday, July 28, 2022", "2022-07-28"),
        ("ON  JULY\n31,   2022", "2022-07-31"), ("July 31, 2022's", "2022-07-31"),
        ("Feb. 29, 2024", "2024-02-29"),
    ],
)
def test_full_dates_give_the_day_with_or_without_reference(expression, iso):
    assert normalize(expression) == iso
    assert normalize(expression, FRIDAY) == iso  # an explicit year wins over the reference


@pytest.mark.parametrize(
    "expression", ["Feb. 30, 2022", "February 29, 2023", "April 31, 2024", "2022-13-01", "2022-02-30", "32 May 2020"]
)
def test_impossible_dates_give_none(expression):
    assert normalize(expression) is None
    assert normalize(expression, FRIDAY) is None


@pytest.mark.parametrize(
    ("expression", "iso"),
    [
        ("April 2024", "2024-04"), ("in March 2015", "2015-03"), ("Sept. 2001", "2001-09"),
        ("in late March 2015", "2015-03"), ("January, 2020", "2020-01"),
        ("in 2014", "2014"), ("2014", "2014"), ("mid-2014", "2014"), ("early 2003", "2003"),
    ],
)
def test_month_and_year_or_year_alone_give_that_precision(expression, iso):
    assert normalize(expression) == iso


@pytest.mark.parametrize(
    ("expression", "reference", "iso"),
    [
        ("Feb. 15", FRIDAY, "2021-02-15"), ("15 February", FRIDAY, "2021-02-15"),
        ("the 15th of February", FRIDAY, "2021-02-15"), ("Feb 26", FRIDAY, "2021-02-26"),
        ("April 29", FRIDAY, "2020-04-29"),  # after the reference: last year's
        ("December 31", date(2021, 1, 3), "2020-12-31"),
        ("Feb. 29", date(2024, 3, 10), "2024-02-29"),  # leap year
        ("Feb. 29", date(2025, 1, 5), "2024-02-29"),  # the last leap day, within a year
    ],
)
def test_day_without_year_is_the_latest_such_day_before_the_reference(expression, reference, iso):
    assert normalize(expression, reference) == iso


@pytest.mark.parametrize("expression", ["Feb. 15", "15 February", "April 29", "July 31st", "the 31st of July"])
def test_day_without_year_or_reference_gives_none(expression):
    assert normalize(expression) is None


def test_feb_29_without_a_leap_day_in_the_past_year_gives_none():
    assert normalize("Feb. 29", date(2023, 3, 1)) is None
    assert normalize("Feb. 30", FRIDAY) is None


@pytest.mark.parametrize(
    ("expression", "reference", "iso"),
    [
        ("March 5", FRIDAY, "2021-03-05"),  # seven days ahead: a scheduled event this year
        ("March 6", FRIDAY, "2020-03-06"),  # eight days ahead: last year's
        ("Jan. 2", date(2021, 12, 28), "2022-01-02"),  # the tolerance crosses the year boundary
        ("Jan. 5", date(2021, 12, 28), "2021-01-05"),
    ],
)
def test_days_up_to_a_week_after_the_reference_are_upcoming(expression, reference, iso):
    assert normalize(expression, reference) == iso


@pytest.mark.parametrize(
    ("expression", "reference", "iso"),
    [
        ("Thursday", FRIDAY, "2021-02-25"), ("on Monday", FRIDAY, "2021-02-22"),
        ("Saturday", FRIDAY, "2021-02-20"), ("on Friday", FRIDAY, "2021-02-26"),
        ("Thursday night", FRIDAY, "2021-02-25"), ("early Monday morning", FRIDAY, "2021-02-22"),
        ("Thursday's", FRIDAY, "2021-02-25"), ("last Tuesday", FRIDAY, "2021-02-23"),
        ("last Friday", FRIDAY, "2021-02-19"),  # "last" never means the reference day
        ("Sunday", date(2021, 3, 2), "2021-02-28"),  # across a month boundary
        ("on Wednesday", date(2021, 3, 2), "2021-02-24"),
        ("Thursday", date(2022, 1, 3), "2021-12-30"),  # across a year boundary
        ("Tuesday", date(2024, 3, 1), "2024-02-27"),
    ],
)
def test_weekday_is_the_latest_such_day_on_or_before_the_reference(expression, reference, iso):
    assert normalize(expression, reference) == iso


@pytest.mark.parametrize(
    ("expression", "iso"),
    [
        ("today", "2021-03-01"), ("tonight", "2021-03-01"), ("early this morning", "2021-03-01"),
        ("yesterday", "2021-02-28"), ("yesterday afternoon", "2021-02-28"), ("last night", "2021-02-28"),
    ],
)
def test_today_and_yesterday_count_from_the_reference(expression, iso):
    assert normalize(expression, date(2021, 3, 1)) == iso
    assert normalize(expression) is None


def test_a_datetime_reference_counts_as_its_date():
    assert normalize("yesterday", datetime(2021, 2, 26, 23, 30)) == "2021-02-25"


@pytest.mark.parametrize(
    "expression",
    [
        "tomorrow", "the next day", "the previous day", "last week", "this week", "earlier this month",
        "last month", "this year", "last year", "two days ago", "the previous September", "in July",
        "two days", "weeks", "40 minutes", "shortly after sunrise", "the early 1990s", "1990s",
        "April 13-14, 2024", "7/8/2022", "2011-12", "the 31st", "July 31, 2022 at 3 p.m.", "",
        "Feb. 15 attack", "after July 31, 2022",
    ],
)
def test_vague_or_unanchored_expressions_give_none(expression):
    assert normalize(expression, FRIDAY) is None


@pytest.mark.parametrize(
    "value",
    ["2021-02-26", "2021-02-26T10:00:00Z", "2021-02-26T23:30:00.5-05:00", "2021-02-26 10:00:00",
     "Feb 26, 2021", "26 February 2021", " February 26, 2021 ", "Fri, 26 Feb 2021 10:00:00 +0000"],
)
def test_parse_reference_reads_article_dates(value):
    assert parse_reference(value) == FRIDAY


@pytest.mark.parametrize("value", [None, "", "Friday", "today", "Feb 26", "2021", "February 2021", "2021-02-30", "n/a"])
def test_parse_reference_gives_none_for_anything_but_a_day(value):
    assert parse_reference(value) is None


def test_nothing_raises_on_random_input():
    rng = random.Random(20210226)
    pieces = ["July", "Feb.", "Sept", "31", "29st", "2022", "0000", "9999", "-", ",", ".", "'s", "the", "of",
              "on", "last", "night", "Thursday", "yesterday", "mid-", "T10:00Z", "+0000", "\u2019", " ", "\n"]
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789 ,.-:/'T\u2019\u00e9\x00"
    references = [None, FRIDAY, date.min, date.max, date(2024, 2, 29)]
    for _ in range(5000):
        if rng.random() < 0.5:
            text = " ".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
        else:
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        for reference in references:
            result = normalize(text, reference)
            assert result is None or isinstance(result, str)
        assert parse_reference(text) is None or isinstance(parse_reference(text), date)
    for expression in ("yesterday", "Feb. 15", "Thursday", "last Monday", "Dec. 31"):  # beyond year 1..9999
        assert normalize(expression, date.min) is None
        assert normalize("Jan. 2", date.max) is None
