"""What is wrong with a data file: problems (a place and a translatable message) and the error
that lists them all."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bot.i18n import N_, Translator

OFFSET_MISMATCH = N_("selisih UTC {offset} tidak cocok dengan zona waktu acara {zone} "
                     "({expected} pada tanggal itu): tulis jam sebagai `{example}`")
#: Indonesia's zones by offset, to suggest the `timezone` a whole file's offsets point to.
ZONES_BY_OFFSET = {"+07:00": "Asia/Jakarta (WIB)", "+08:00": "Asia/Makassar (WITA)",
                   "+09:00": "Asia/Jayapura (WIT)"}


class Term(str):
    """A word inside a message that is itself translated ("teks", "tanggal")."""

    __slots__ = ()


@dataclass(frozen=True, slots=True)
class Problem:
    """One mistake: where (`sessions[3].end`) and what, as an Indonesian msgid and its values.

    Organizers read these in their language: `text(t)` translates, `message` is Indonesian
    (the organizer guide's language, and the default of `citynet-bot validate`).
    """

    place: str
    msgid: str
    args: tuple[tuple[str, object], ...] = ()

    def text(self, t: Translator | None = None) -> str:
        def tr(value: str) -> str:
            return t.gettext(value) if t is not None else value

        values = {k: tr(v) if isinstance(v, Term) else v for k, v in self.args}
        return tr(self.msgid).format(**values)

    @property
    def message(self) -> str:
        return self.text()


def problem(where: str, msgid: str, /, **args: object) -> Problem:
    return Problem(where, msgid, tuple(args.items()))


class EventDataError(Exception):
    """The data file cannot be used; `problems` says everything that is wrong."""

    def __init__(self, path: Path, problems: list[Problem]) -> None:
        self.path = path
        self.problems = problems
        super().__init__(self.describe())

    def describe(self, t: Translator | None = None) -> str:
        """Every problem, one a line, naming file and place; Indonesian unless `t` says."""
        heading = N_("{path}: {n} masalah")
        lines = [(t.gettext(heading) if t else heading).format(path=self.path,
                                                                 n=len(self.problems))]
        lines += [f"  {self.path}: {p.place}: {p.text(t)}" for p in self.problems]
        return "\n".join(lines)



def toml_type(value: Any) -> str:
    # TRANSLATORS: kinds of values in a data file, as in "harus {expected}, bukan {got}"
    # ("expected a string, got an integer"); "jam" is a time of day.
    names = {str: N_("teks"), int: N_("bilangan bulat"), float: N_("angka"),
             bool: N_("nilai benar/salah")}
    for kind, name in names.items():
        if type(value) is kind:
            return Term(name)
    if isinstance(value, datetime):
        return Term(N_("tanggal dan jam"))
    if isinstance(value, date):
        return Term(N_("tanggal"))
    if isinstance(value, time):
        return Term(N_("jam"))
    if isinstance(value, list):
        return Term(N_("daftar"))
    if isinstance(value, dict):
        return Term(N_("tabel"))
    return type(value).__name__


def utc_offset(delta: timedelta | None) -> str:
    """'+08:00'."""
    minutes = round((delta or timedelta(0)).total_seconds() / 60)
    sign = "+" if minutes >= 0 else "-"
    hours, minutes = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{minutes:02d}"


def example_moment(value: datetime | date | time | None, tz: ZoneInfo | None,
                   day: date | None = None) -> str:
    """How to write `value` as the file wants it: '2019-10-16T08:00:00+08:00'."""
    when_day = day or date(2019, 10, 16)
    clock = time(8, 0)
    if isinstance(value, datetime):
        when_day, clock = value.date(), value.time().replace(tzinfo=None)
    elif isinstance(value, date):
        when_day = value
    elif isinstance(value, time):
        clock = value.replace(tzinfo=None)
    naive = datetime.combine(when_day, clock)
    zone = tz or ZoneInfo("Asia/Makassar")
    return naive.replace(tzinfo=zone).isoformat()
