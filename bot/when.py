"""Days and times in what delegates type, resolved against `now` and the event's days.

A general date parser fails on these phrases: dateparser (`languages=["id"]`) got 20 of 34
event phrases wrong ("lusa", "jam 2 siang", "hari kedua") and costs 0.23 s to import. This
small parser knows the few shapes people use at an event and is told the event's days, so
"hari kedua" and "Jumat" mean event days, and "jam 2" means 14.00.

It works on canonical tokens (`bot.textnorm`), and reports which tokens it used so the
caller does not read "17" or "pagi" as anything else.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from bot import textnorm

#: `time` under a name the dataclass's own `time` field does not hide.
_TimeOfDay = time


@dataclass(frozen=True, slots=True)
class When:
    day: date | None = None
    time: time | None = None
    #: A key of PERIOD_HOURS ("pagi", "afternoon"…), only when no exact time was given.
    period: str | None = None
    #: Indexes of the tokens that expressed the above.
    used: frozenset[int] = frozenset()
    #: The end of a span of time asked ("between 10 and 12", "antara jam 10 dan 12"):
    #: `time` is then its start.
    until: _TimeOfDay | None = None
    #: Day or time expressions that name no day or time the event can have ("hari ke 7"
    #: of a three-day event, "jam 27", "25:00", "13pm"), as typed: asked back, never dropped.
    unread: tuple[str, ...] = ()


# fmt: off
NUMBER_WORDS = {
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
    "delapan": 8, "sembilan": 9, "sepuluh": 10, "sebelas": 11, "duabelas": 12,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}
ORDINALS = {
    "pertama": 1, "kedua": 2, "ketiga": 3, "keempat": 4, "kelima": 5, "keenam": 6,
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
    "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5,
}
LAST_WORDS = frozenset({"terakhir", "last", "final", "penutup"})
WEEKDAYS = {
    "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "sabtu": 5,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5,
}
MONTHS = {
    "januari": 1, "februari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
    "agustus": 8, "september": 9, "oktober": 10, "november": 11, "desember": 12,
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "august": 8,
    "october": 10, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6,
    "jul": 7, "agu": 8, "aug": 8, "sep": 9, "sept": 9, "nov": 11, "des": 12, "dec": 12,
}
#: Words for a part of the day -> the part ("petang" is late afternoon, as "sore").
PERIOD_WORDS = {
    "pagi": "pagi", "siang": "siang", "sore": "sore", "petang": "sore", "malam": "malam",
    # English parts of the day are not the Indonesian ones: "afternoon" runs from noon to
    # the evening (a 15.30 item is in it), "morning" until noon ("arvo": Australian chat).
    "morning": "morning", "afternoon": "afternoon", "arvo": "afternoon",
    "evening": "malam", "night": "malam",
}
# fmt: on
#: The hours each part of the day covers, as people at an event use them: "pagi" lasts until
#: about 11 (Babel's day periods call 10.00 "siang", which nobody says); the English
#: "morning" until noon and "afternoon" from noon to 18.00 (the evening is "malam").
#: The one table of parts of the day (rendering, picking an item, shifting a part).
PERIOD_HOURS: dict[str, tuple[int, int]] = {
    "pagi": (5, 11),
    "siang": (11, 15),
    "sore": (15, 18),
    "malam": (18, 24),
    "morning": (5, 12),
    "afternoon": (12, 18),
}
#: Each language's parts of the day in the order of the day: "abis siang" is "sore",
#: "after the afternoon" the evening, "before the afternoon" the morning.
_PERIOD_ORDERS = (("pagi", "siang", "sore", "malam"), ("morning", "afternoon", "malam"))


def shift_period(period: str, step: int) -> str | None:
    """The part of the day `step` parts after (before, when negative) `period`, in the same
    language's parts; None past the day's first or last."""
    for order in _PERIOD_ORDERS:
        if period in order:
            k = order.index(period) + step
            return order[k] if 0 <= k < len(order) else None
    return None
# A period word after these is not a part of the day being asked about.
_NOT_PERIOD_BEFORE = frozenset({"selamat", "makan", "good"})
#: What an English ordinal counts when it is not a day of the month ("the 2nd session").
_COUNTED = frozenset({"day", "session", "sessions", "stop", "speaker", "item", "talk", "floor"})
_CLOCK_WORDS = frozenset({"jam", "pukul", "at", "around", "sekitar"})
#: The words around a span of the day: "between/antara/from/dari X and/dan/to/sampai Y".
_SPAN_FROM = frozenset({"between", "antara", "from", "dari"})
_SPAN_TO = frozenset({"and", "dan", "to", "sampai", "hingga", "until", "till", "-"})
#: "setelah jam 10", "after 10am": from a clock time to the day's end; "sampai jam 10 …
#: setelah itu", "until 10, after that": from the time the asker is busy until. Not
#: "habis/abis": "tour abis jam 11?" asks whether it ends then.
_AFTER_CLOCK = frozenset({"setelah", "sesudah", "after"})
_ONWARDS = frozenset({"onwards", "onward"})
_IT_WORDS = frozenset({"itu", "that", "tu"})
#: The end of a span open to the day's end ("after 10": `time` to this).
END_OF_DAY = time(23, 59)
#: "half past 2", "quarter past/to 3": minutes past (or to) the hour.
_PAST_TO = {"half": 30, "quarter": 15}
#: Units of a time counted from now ("2 jam lagi", "in 30 minutes"), in minutes.
_OFFSET_UNITS = {"jam": 60, "menit": 1, "hour": 60, "hours": 60, "minute": 1, "minutes": 1}
#: Beyond this, "N jam lagi" is no time of the programme people ask about.
_MAX_OFFSET = timedelta(hours=12)


def _number(tok: str) -> int | None:
    if tok.isdigit():
        return int(tok)
    return NUMBER_WORDS.get(tok)


def _adjust(hour: int, minute: int, period: str | None) -> time | None:
    """Clock hour as people say it -> 24-hour time (bare 1-5 at an event = afternoon)."""
    afternoon = period == "siang" and 1 <= hour <= 5
    if afternoon or (period in ("sore", "afternoon", "malam", "pm") and hour < 12):
        hour += 12
    elif period in ("malam", "am") and hour == 12:
        hour = 0
    elif period is None and 1 <= hour <= 5:
        hour += 12
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return time(hour, minute)


class _Parser:
    def __init__(self, tokens: Sequence[str], now: datetime, days: Sequence[date]) -> None:
        self.t = list(tokens)
        self.n = len(self.t)
        self.now = now
        self.today = now.date()
        self.days = list(days)
        self.used: set[int] = set()
        self.day: date | None = None
        self.weak_day: date | None = None  # from "nanti": today, unless something says more
        self.time: time | None = None
        self.period: str | None = None
        self.unread: list[str] = []
        self.until: time | None = None

    def at(self, i: int) -> str:
        return self.t[i] if 0 <= i < self.n else ""

    def set_day(self, d: date | None, *idx: int) -> None:
        if d is not None and self.day in (None, d):
            # The same day named twice ("hari ini hari terakhir?" on the last day) is one.
            self.day = d
            self.used.update(idx)

    def event_day(self, number: int | None, *idx: int) -> date | None:
        if number is None or not 1 <= number <= len(self.days):
            if number is not None and idx:
                self.unread.append(" ".join(self.at(i) for i in sorted(idx)))
                self.used.update(idx)
            return None
        return self.days[number - 1]

    def weekday(self, wd: int) -> date:
        for d in self.days:
            if d.weekday() == wd:
                return d
        return self.today + timedelta(days=(wd - self.today.weekday()) % 7)

    def month_day(self, dom: int, month: int | None = None, year: int | None = None) -> date | None:
        for d in self.days:
            if d.day == dom and (month is None or d.month == month):
                return d if year in (None, d.year) else None
        base = self.days[0] if self.days else self.today
        try:
            return date(year or base.year, month or base.month, dom)
        except ValueError:
            return None

    # -- days ----------------------------------------------------------------------------
    def parse_days(self) -> None:
        t = self.at
        for i in range(self.n):
            w = t(i)
            if w == "hari" and t(i + 1) == "ini":
                self.set_day(self.today, i, i + 1)
            elif w == "ini" and t(i + 1) == "hari" and not (
                    t(i + 2) in ORDINALS or t(i + 2) in LAST_WORDS or t(i + 2) == "ke"
                    or t(i + 2).isdigit()):
                # Kupang Malay says "ini hari" for today ("ini hari kedua" is another day).
                self.set_day(self.today, i, i + 1)
            elif w in PERIOD_WORDS and t(i + 1) == "ini":
                self.set_day(self.today, i + 1)
            elif w == "today":
                self.set_day(self.today, i)
            elif w == "tonight":
                self.set_day(self.today, i)
                self.set_period("malam", i)
            elif w == "this" and t(i + 1) in PERIOD_WORDS:
                self.set_day(self.today, i)
            elif w in ("besok", "tomorrow"):
                after = t(i - 1) == "after" and t(i - 2) == "day"
                self.set_day(self.today + timedelta(days=2 if after else 1), i)
            elif w == "lusa":
                self.set_day(self.today + timedelta(days=2), i)
            elif w in ("kemarin", "yesterday"):
                self.set_day(self.today - timedelta(days=1), i)
            elif w in ("nanti", "later", "tadi") and self.weak_day is None:
                # Later or earlier today ("tadi pagi"), unless a day is named.
                self.weak_day = self.today
                self.used.add(i)
            elif w in ("hari", "day"):
                self.parse_day_number(i)
            elif w in ORDINALS and t(i + 1) == "day":
                self.set_day(self.event_day(ORDINALS[w], i, i + 1), i, i + 1)
            elif w in LAST_WORDS and t(i + 1) == "day":
                self.set_day(self.event_day(len(self.days)), i, i + 1)
            elif w in WEEKDAYS:
                self.set_day(self.weekday(WEEKDAYS[w]), i)
            elif w == "minggu" and t(i - 1) == "hari":
                self.set_day(self.weekday(6), i - 1, i)
            elif w in ("tanggal", "tgl", "date") and _number(t(i + 1).rstrip("sthnrd")):
                self.parse_date_at(i + 1, i)
            elif "/" in w:
                parts = w.split("/")
                year = int(parts[2]) if len(parts) == 3 else None
                if year is not None and year < 100:
                    year += 2000
                self.set_day(self.month_day(int(parts[0]), int(parts[1]), year), i)
            elif w in MONTHS and t(i + 1)[:1].isdigit():
                dom = _ordinal_number(t(i + 1))
                if dom is not None:
                    self.set_day(self.month_day(dom, MONTHS[w]), i, i + 1)
            elif w[:1].isdigit() and t(i + 1) in MONTHS and t(i - 1) not in ("tanggal", "date"):
                self.parse_date_at(i, i)
            elif (t(i - 1) in ("the", "on") and not w.isdigit() and t(i + 1) not in _COUNTED
                  and (dom := _ordinal_number(w)) is not None):
                # "What is on the 17th?": an English ordinal is a day of the month, when the
                # event is held on it ("the 2nd day", "the 2nd session" count something else).
                d = self.month_day(dom)
                if d in self.days:
                    self.set_day(d, i)

    def parse_date_at(self, i: int, *extra: int) -> None:
        dom = _ordinal_number(self.at(i))
        if dom is not None and not 1 <= dom <= 31:
            self.unread.append(" ".join(self.at(k) for k in sorted({i, *extra})))  # "tgl 40"
            self.used.update((i, *extra))
        if dom is None or not 1 <= dom <= 31:
            return
        month = MONTHS.get(self.at(i + 1))
        idx = [i, *extra] + ([i + 1] if month else [])
        self.set_day(self.month_day(dom, month), *idx)

    def parse_day_number(self, i: int) -> None:
        t = self.at
        nxt = t(i + 1)
        if nxt in ORDINALS:
            self.set_day(self.event_day(ORDINALS[nxt], i, i + 1), i, i + 1)
        elif nxt in LAST_WORDS:
            self.set_day(self.event_day(len(self.days)), i, i + 1)
        elif (nxt == "ke" and t(i + 2) == "berapa") or nxt == "keberapa":
            # "hari ini hari ke berapa?": which day of the event the day named is.
            self.used.update((i, i + 1, i + 2) if nxt == "ke" else (i, i + 1))
        elif nxt == "ke" and _number(t(i + 2)) is not None:
            self.set_day(self.event_day(_number(t(i + 2)), i, i + 1, i + 2), i, i + 1, i + 2)
        elif nxt.isdigit() and len(nxt) == 1:
            self.set_day(self.event_day(int(nxt), i, i + 1), i, i + 1)
        elif t(i) == "day" and _number(nxt) is not None:
            self.set_day(self.event_day(_number(nxt), i, i + 1), i, i + 1)

    # -- times ---------------------------------------------------------------------------
    def set_period(self, period: str, *idx: int) -> None:
        if self.period is None:
            self.period = period
            self.used.update(idx)

    def trailing_period(self, j: int) -> tuple[str | None, list[int]]:
        w = self.at(j)
        if w in ("am", "pm"):
            return w, [j]
        if w in PERIOD_WORDS:
            return PERIOD_WORDS[w], [j]
        return None, []

    def set_time(self, hour: int, minute: int, j: int, idx: list[int]) -> None:
        """Record a clock time whose number ends at token j-1, with a period word at j."""
        if self.time is not None:
            return
        period, pidx = self.trailing_period(j)
        value = _adjust(hour, minute, period)
        if value is not None:
            self.time = value
            self.used.update(idx + pidx)

    def clock_at(self, i: int, idx: list[int]) -> bool:
        """A clock expression starting at token i ("2", "14.00", "setengah 3", "2pm")."""
        w = self.at(i)
        if w in _PAST_TO and self.at(i + 1) in ("past", "to"):
            # "half past 2", "quarter to 3": English clock phrases.
            hour = _number(self.at(i + 2))
            if hour is None or not 1 <= hour <= 12:
                return False
            minute = _PAST_TO[w]
            if self.at(i + 1) == "to":
                hour, minute = hour - 1 or 12, 60 - minute
            self.set_time(hour, minute, i + 3, [*idx, i, i + 1, i + 2])
            return True
        if w == "setengah":
            hour = _number(self.at(i + 1))
            if hour is not None and 1 <= hour <= 12:
                # "setengah satu" is 12.30 at an event, not half past midnight.
                self.set_time(hour - 1 or 12, 30, i + 2, [*idx, i, i + 1])
                return True
            return False
        if len(w) in (4, 5) and w[-3] in ".:" and w.replace(".", "").replace(":", "").isdigit():
            hour, minute = int(w[:-3]), int(w[-2:])
            if minute > 59 or hour > 24:
                self.unread_at([*idx, i])  # "25:00", "10.75": no time of day
            elif w.startswith("0") or hour >= 13:
                if self.time is None:
                    self.time = time(hour % 24, minute)
                    self.used.update([*idx, i])
            else:
                self.set_time(hour, minute, i + 1, [*idx, i])
            return True
        if w.endswith(("am", "pm")) and w[:-2].isdigit():
            hour = int(w[:-2])
            if 1 <= hour <= 12:
                value = _adjust(hour, 0, w[-2:])
                if value is not None and self.time is None:
                    self.time = value
                    self.used.update([*idx, i])
                return True
            self.unread_at([*idx, i])  # "13pm"
            return False
        hour = _number(w)
        if hour is not None and hour > 24 and w.isdigit() and len(w) <= 2 and any(
                self.at(k) in ("jam", "pukul") for k in idx):
            self.unread_at([*idx, i])  # "jam 27"
            return False
        if hour is None or not 0 <= hour <= 24:
            return False
        j, minute, extra = i + 1, 0, [i]
        if self.at(j) == "lewat" and _number(self.at(j + 1)) is not None:
            minute, extra, j = _number(self.at(j + 1)) or 0, [*extra, j, j + 1], j + 2
            if self.at(j) == "menit":
                extra, j = [*extra, j], j + 1
        elif self.at(j) == "lewat" and self.at(j + 1) == "seperempat":
            minute, extra, j = 15, [*extra, j, j + 1], j + 2
        elif self.at(j) == "kurang" and self.at(j + 1) == "seperempat":
            hour, minute, extra, j = hour - 1, 45, [*extra, j, j + 1], j + 2
        elif self.at(j) in ("am", "pm") or (w.isdigit() and idx):
            pass
        elif not idx:
            return False  # a bare number is a time only after "jam"/"pukul"
        self.set_time(hour % 24, minute, j, [*idx, *extra])
        return True

    def unread_at(self, idx: list[int]) -> None:
        """A clock expression that is no time of day: said back to the asker."""
        if self.time is None:
            self.unread.append(" ".join(self.at(k) for k in sorted(idx)))
            self.used.update(idx)

    def clock_value(self, j: int) -> tuple[int, int, int] | None:
        """(hour, minute, next index) of a bare clock value at j ("10", "10.30", "jam 10")."""
        if self.at(j) in ("jam", "pukul"):
            j += 1
        w = self.at(j)
        if w.isdigit() and len(w) <= 2:
            hour, minute = int(w), 0
        elif len(w) in (4, 5) and w[-3] in ".:" and w.replace(".", "").replace(":", "").isdigit():
            hour, minute = int(w[:-3]), int(w[-2:])
        else:
            return None
        return (hour, minute, j + 1) if hour <= 23 and minute <= 59 else None

    def parse_span(self) -> None:
        """"between 10 and 12", "from 9 to 11", "antara jam 10 dan 12", "dari jam 9 sampai
        11": a span of the day (bare hours 1-5 are the afternoon, as for "jam 2")."""
        for i in range(self.n):
            if self.at(i) not in _SPAN_FROM:
                continue
            first = self.clock_value(i + 1)
            if first is None or self.at(first[2]) not in _SPAN_TO:
                continue
            second = self.clock_value(first[2] + 1)
            if second is None:
                continue
            start = _adjust(first[0], first[1], None)
            end = _adjust(second[0], second[1], None)
            if start is None or end is None or end <= start:
                continue
            self.time, self.until = start, end
            self.used.update(range(i, second[2]))
            return

    def parse_times(self) -> None:
        self.parse_span()
        before = set(self.used)
        self.parse_clock_times()
        if self.time is not None and self.until is None and self.used - before:
            self.parse_onwards(min(self.used - before), max(self.used - before))

    def parse_onwards(self, first: int, last: int) -> None:
        """A time that starts what is asked, to the day's end: "setelah jam 10", "after
        10am", "jam 10 ke atas", "from 10 onwards", and the end of the asker's own business
        followed by "after that" ("rapat sampai jam 10, setelah itu sesi apa?")."""
        after = self.at(first - 1) in _AFTER_CLOCK or self.at(last + 1) in _ONWARDS or (
            self.at(last + 1), self.at(last + 2)) == ("ke", "atas")
        busy_until = self.at(first - 1) in _SPAN_TO - {"and", "dan", "to", "-"} and any(
            self.at(k) in _AFTER_CLOCK and self.at(k + 1) in _IT_WORDS
            for k in range(last + 1, self.n))
        if after or busy_until:
            self.until = END_OF_DAY

    def parse_clock_times(self) -> None:
        t = self.at
        for i in range(self.n):
            if i in self.used:
                continue
            w = t(i)
            if w in _CLOCK_WORDS:
                self.clock_at(i + 1, [i])
            elif (
                w == "setengah"
                or (w in _PAST_TO and t(i + 1) in ("past", "to") and _number(t(i + 2)))
                or (len(w) in (4, 5) and w[-3:-2] in (".", ":") and w[0].isdigit())
                or (w.endswith(("am", "pm")) and w[:-2].isdigit())
                or (w.isdigit() and t(i + 1) in ("am", "pm"))
            ):
                self.clock_at(i, [])
            elif self.time is None and (w in ("noon", "midday")
                                        or (w == "tengah" and t(i + 1) == "hari")):
                self.time = time(12, 0)
                self.used.update([i, i + 1] if w == "tengah" else [i])

    def parse_offsets(self) -> None:
        """"2 jam lagi", "setengah jam lagi", "in an hour", "in 30 minutes": a time counted
        from now (the clock time it will be then, on that day)."""
        for i in range(1, self.n):
            minutes = _OFFSET_UNITS.get(self.at(i))
            if minutes is None or self.time is not None:
                continue
            j, w = i - 1, self.at(i - 1)
            if w == "an" and self.at(i - 2) == "half":  # "in half an hour"
                j, amount = i - 2, 0.5
            elif w in ("a", "an"):
                amount = 1
            elif w == "setengah":
                amount = 0.5
            else:
                number = _number(w)
                if number is None:
                    continue
                amount = number
            indonesian = self.at(i + 1) == "lagi" and w not in ("a", "an")
            english = self.at(j - 1) == "in"
            offset = timedelta(minutes=amount * minutes)
            if not (indonesian or english) or not timedelta(0) < offset <= _MAX_OFFSET:
                continue
            moment = self.now + offset
            self.time = time(moment.hour, moment.minute)
            self.used.update(range(j - 1 if english else j, i + 2 if indonesian else i + 1))
            self.set_day(moment.date())

    def parse_periods(self) -> None:
        for i in range(self.n):
            w = self.at(i)
            if i in self.used and not (w in PERIOD_WORDS and self.at(i + 1) == "ini"):
                continue
            if w in PERIOD_WORDS and self.at(i - 1) not in _NOT_PERIOD_BEFORE:
                self.set_period(PERIOD_WORDS[w], i)

    def result(self) -> When:
        self.parse_days()
        self.parse_offsets()
        self.parse_times()
        self.parse_periods()
        day = self.day if self.day is not None else self.weak_day
        period = None if self.time is not None else self.period
        return When(day, self.time, period, frozenset(self.used), self.until,
                    tuple(self.unread))


def _ordinal_number(tok: str) -> int | None:
    for suffix in ("st", "nd", "rd", "th"):
        if tok.endswith(suffix):
            tok = tok[: -len(suffix)]
            break
    return int(tok) if tok.isdigit() else None


def when_from_tokens(tokens: Sequence[str], now: datetime, days: Sequence[date]) -> When:
    """Day, time and period in canonical `tokens`; `now` must be in the event's time zone."""
    return _Parser(tokens, now, days).result()


def parse_when(text: str, now: datetime, days: Sequence[date]) -> When:
    """Day, time and period in `text` ("jam 2 siang hari kedua" -> day 2, 14:00)."""
    return when_from_tokens(textnorm.DEFAULT.tokens(text), now, days)
