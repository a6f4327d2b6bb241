"""Days and times relative to `now`, bounded by the event days (bot.when)."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from bot.when import When, parse_when

WITA = ZoneInfo("Asia/Makassar")
DAYS = (date(2019, 10, 16), date(2019, 10, 17), date(2019, 10, 18))  # Rabu, Kamis, Jumat
NOW = datetime(2019, 10, 16, 8, 0, tzinfo=WITA)
D1, D2, D3 = DAYS


def when(text: str, now: datetime = NOW) -> When:
    return parse_when(text, now, DAYS)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("hari ini", D1),
        ("besok", D2),
        ("bsk", D2),
        ("besuk", D2),
        ("lusa", D3),
        ("hari pertama", D1),
        ("hari kedua", D2),
        ("hari ketiga", D3),
        ("hari terakhir", D3),
        ("hari ke-2", D2),
        ("hari ke 3", D3),
        ("hr 2", D2),
        ("hr2", D2),
        ("hari ke dua", D2),
        ("rabu", D1),
        ("kamis", D2),
        ("jumat", D3),
        ("Jum'at", D3),
        ("hari Jumat", D3),
        ("tanggal 17", D2),
        ("tgl 18", D3),
        ("17/10", D2),
        ("18/10/2019", D3),
        ("16 Oktober", D1),
        ("17 okt", D2),
        ("18 oktober 2019", D3),
        ("today", D1),
        ("tomorrow", D2),
        ("day 2", D2),
        ("day two", D2),
        ("second day", D2),
        ("last day", D3),
        ("friday", D3),
        ("October 17", D2),
        ("oct 18th", D3),
        ("day after tomorrow", D3),
        ("nanti", D1),
    ],
)
def test_days(text: str, day: date) -> None:
    assert when(text).day == day


def test_relative_days_follow_now() -> None:
    second = datetime(2019, 10, 17, 21, 0, tzinfo=WITA)
    assert when("besok", second).day == D3
    assert when("hari ini", second).day == D2
    assert when("kemarin", second).day == D1


def test_relative_day_outside_the_event_is_still_reported() -> None:
    # The handler says "no programme on Saturday"; the parser does not hide the date.
    last = datetime(2019, 10, 18, 12, 0, tzinfo=WITA)
    assert when("besok", last).day == date(2019, 10, 19)


def test_event_day_numbers_outside_the_event_are_none() -> None:
    assert when("hari kelima").day is None
    assert when("hari ke 9").day is None


def test_weekday_not_in_the_event_is_the_next_one() -> None:
    assert when("senin").day == date(2019, 10, 21)


@pytest.mark.parametrize(
    ("text", "clock"),
    [
        ("jam 2 siang", time(14, 0)),
        ("jam 2", time(14, 0)),
        ("jam 1", time(13, 0)),
        ("jam 5", time(17, 0)),
        ("jam 9", time(9, 0)),
        ("jam 9 pagi", time(9, 0)),
        ("jam 10", time(10, 0)),
        ("jam 12", time(12, 0)),
        ("jam 3 sore", time(15, 0)),
        ("jam 7 malam", time(19, 0)),
        ("jam 11 siang", time(11, 0)),
        ("pukul 14.00", time(14, 0)),
        ("pkl 14.00", time(14, 0)),
        ("14:00", time(14, 0)),
        ("pukul 08.30", time(8, 30)),
        ("jam 9.30", time(9, 30)),
        ("jam 2.30", time(14, 30)),
        ("setengah tiga", time(14, 30)),
        ("jam setengah 3", time(14, 30)),
        ("setengah 10", time(9, 30)),
        ("setengah satu", time(12, 30)),
        ("jam dua siang", time(14, 0)),
        ("jam 2 lewat 15", time(14, 15)),
        ("jam 3 kurang seperempat", time(14, 45)),
        ("2pm", time(14, 0)),
        ("10am", time(10, 0)),
        ("at 2 pm", time(14, 0)),
        ("at 10:30", time(10, 30)),
        ("jm 4 sore", time(16, 0)),
    ],
)
def test_times(text: str, clock: time) -> None:
    result = when(text)
    assert result.time == clock
    assert result.period is None  # an exact time makes a period redundant


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("pagi", "pagi"),
        ("nanti siang", "siang"),
        ("sore", "sore"),
        ("petang", "sore"),
        ("malam ini", "malam"),
        ("mlm", "malam"),
        # English parts of the day are English: "afternoon" is noon to 18.00, not "siang".
        ("this morning", "morning"),
        ("afternoon", "afternoon"),
        ("this arvo", "afternoon"),
        ("evening", "malam"),
        ("tonight", "malam"),
    ],
)
def test_periods(text: str, period: str) -> None:
    assert when(text).period == period


def test_combined() -> None:
    assert when("acara jam 2 siang hari kedua apa?") == When(
        D2, time(14, 0), None, when("acara jam 2 siang hari kedua apa?").used
    )
    result = when("besok pagi")
    assert (result.day, result.period) == (D2, "pagi")
    result = when("nanti sore")
    assert (result.day, result.period) == (D1, "sore")
    result = when("malam ini")
    assert (result.day, result.period) == (D1, "malam")
    result = when("tomorrow at 2pm")
    assert (result.day, result.time) == (D2, time(14, 0))


@pytest.mark.parametrize(
    "text",
    [
        "jam berapa",
        "jam brp?",
        "selamat pagi",
        "makan siang jam brp",
        "17 peserta",
        "sesi 2",
        "30 menit",
        "semalam",
        "good morning",
    ],
)
def test_no_invented_time_or_period(text: str) -> None:
    result = when(text)
    assert result.time is None
    assert result.period is None


def test_nothing() -> None:
    assert when("kontak panitia") == When()
