"""Typed, problem-recording access to the tables of a data file."""

from __future__ import annotations

import difflib
import re
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from bot.i18n import N_
from bot.loader.problems import (
    OFFSET_MISMATCH,
    Problem,
    Term,
    example_moment,
    problem,
    toml_type,
    utc_offset,
)
from bot.model import EMPTY, Text

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,23}$")
PHONE_PATTERN = re.compile(r"\+?[0-9][0-9 ()-]{5,}")


class Reader:
    """Typed access to one TOML table that records problems instead of raising."""

    def __init__(self, problems: list[Problem], place: str, table: Any) -> None:
        self.problems = problems
        self.place = place
        self.ok = isinstance(table, dict)
        self.table: dict[str, Any] = table if isinstance(table, dict) else {}
        self.seen: set[str] = set()
        if not self.ok:
            self.problem("", N_("harus berupa tabel, bukan {got}"), got=toml_type(table))

    def at(self, key: str) -> str:
        return f"{self.place}.{key}" if key else self.place

    def problem(self, key: str, msgid: str, /, **args: object) -> None:
        self.problems.append(problem(self.at(key), msgid, **args))

    def _get(self, key: str, kind: type | tuple[type, ...], required: bool, name: Term) -> Any:
        self.seen.add(key)
        if key not in self.table:
            if required:
                self.problem(key, N_("tidak ada (wajib diisi)"))
            return None
        value = self.table[key]
        # bool is an int subclass: a `true` where a number belongs is a mistake.
        if isinstance(value, bool) and bool not in (kind if isinstance(kind, tuple) else (kind,)):
            self.problem(key, N_("harus {expected}, bukan {got}"), expected=name,
                         got=toml_type(value))
            return None
        if not isinstance(value, kind):
            self.problem(key, N_("harus {expected}, bukan {got}"), expected=name,
                         got=toml_type(value))
            return None
        return value

    def string(self, key: str, required: bool = True) -> str:
        value = self._get(key, str, required, Term(N_("teks")))
        if value is not None and required and not value.strip():
            self.problem(key, N_("tidak boleh kosong"))
        return value or ""

    def text(self, key: str, required: bool = True) -> Text:
        base = self.string(key, required)
        en = self.string(f"{key}_en", required=False)
        return Text(base, en or None) if base else EMPTY

    def twin(self, key: str) -> str:
        """The optional English twin `key_en` of a plain string field ("" when absent)."""
        return self.string(f"{key}_en", required=False)

    def texts(self, key: str, required: bool = True) -> tuple[Text, ...]:
        base = self.str_list(key, required)
        en = self.str_list(f"{key}_en", required=False)
        if en and len(en) != len(base):
            self.problem(f"{key}_en", N_("berisi {n} butir, padahal {field} berisi {m}"),
                         n=len(en), field=key, m=len(base))
            en = []
        return tuple(Text(b, en[i] if en else None) for i, b in enumerate(base))

    def str_list(self, key: str, required: bool = True) -> list[str]:
        value = self._get(key, list, required, Term(N_("daftar teks")))
        if value is None:
            return []
        out: list[str] = []
        for i, item in enumerate(value):
            if isinstance(item, str):
                out.append(item)
            else:
                self.problem(f"{key}[{i}]", N_("harus {expected}, bukan {got}"),
                             expected=Term(N_("teks")), got=toml_type(item))
        return out

    def integer(self, key: str, required: bool = True) -> int | None:
        value = self._get(key, int, required, Term(N_("bilangan bulat")))
        if value is not None and value < 0:
            self.problem(key, N_("tidak boleh negatif"))
            return None
        return value

    def number(self, key: str) -> float:
        value = self._get(key, (int, float), True, Term(N_("angka")))
        return float(value) if value is not None else 0.0

    def day(self, key: str) -> date | None:
        self.seen.add(key)
        value = self.table.get(key)
        if isinstance(value, datetime):
            self.problem(key, N_("harus {expected}, bukan {got}"),
                         expected=Term(N_("tanggal seperti 2019-10-16")),
                         got=Term(N_("tanggal dan jam")))
            return None
        return self._get(key, date, True, Term(N_("tanggal seperti 2019-10-16")))

    def moment(
        self, key: str, required: bool = True, tz: ZoneInfo | None = None,
        day: date | None = None,
    ) -> datetime | None:
        """An offset date-time; with the event's zone `tz`, its offset must be that zone's."""
        value = self.table.get(key)
        if isinstance(value, time | date) and not isinstance(value, datetime):
            # `start = 08:00:00` or `start = 2019-10-16`: say what to write instead.
            self.seen.add(key)
            self.problem(key, N_("harus tanggal dan jam dengan selisih UTC: tulis jam sebagai "
                                 "`{example}`"), example=example_moment(value, tz, day))
            return None
        value = self._get(key, datetime, required,
                          Term(N_("tanggal dan jam seperti 2019-10-16T09:30:00+08:00")))
        if value is None:
            return None
        if value.tzinfo is None:
            self.problem(key, N_("jam tanpa selisih UTC: tulis jam sebagai `{example}`"),
                         example=example_moment(value, tz))
            return None
        if tz is not None:
            expected = value.replace(tzinfo=None).replace(tzinfo=tz).utcoffset()
            if value.utcoffset() != expected:
                # +07:00 in a WITA event: shown an hour off, silently. Name the zone's
                # offset on that date (it can differ across a DST change elsewhere).
                self.problem(
                    key,
                    OFFSET_MISMATCH,
                    offset=utc_offset(value.utcoffset()), zone=str(tz),
                    expected=utc_offset(expected), example=example_moment(value, tz),
                )
                return None
        return value

    def finish(self) -> None:
        """Report keys nobody read: almost always a typo ("strat" for "start")."""
        for key in self.table:
            if key not in self.seen:
                close = difflib.get_close_matches(key, self.seen, n=1)
                if key.endswith("_en") and key.removesuffix("_en") in self.seen:
                    # `phone_en`, `id_en`: a value that is the same in every language.
                    self.problem(key, N_("{field} tidak punya versi bahasa Inggris; hapus "
                                         "baris ini"), field=key.removesuffix("_en"))
                elif close:
                    self.problem(key, N_("kolom tidak dikenal (maksudnya {name}?)"),
                                 name=repr(close[0]))
                else:
                    self.problem(key, N_("kolom tidak dikenal"))

    def ident(self, key: str = "id") -> str:
        value = self.string(key)
        if value and not ID_PATTERN.match(value):
            self.problem(key, N_("id {value} tidak sah: pakai a-z, 0-9 dan '-', paling banyak 24 "
                                 "karakter"), value=repr(value))
        return value


    def flag(self, key: str) -> bool | None:
        """An optional true/false value (None when absent or not a boolean)."""
        value: bool | None = self._get(key, bool, False, Term(N_("true atau false")))
        return value


def items(parent: Reader, key: str) -> list[Reader]:
    """Readers for the [[key]] tables in `parent` (places like "tour.stops[2]")."""
    parent.seen.add(key)
    name = f"{parent.place}.{key}" if parent.place else key
    value = parent.table.get(key, [])
    if not isinstance(value, list):
        parent.problem(key, N_("harus tabel [[{name}]], bukan {got}"), name=name,
                       got=toml_type(value))
        return []
    return [Reader(parent.problems, f"{name}[{i}]", item) for i, item in enumerate(value)]


def phone_number(r: Reader, key: str) -> str:
    phone = r.string(key)
    if phone and not PHONE_PATTERN.fullmatch(phone):
        r.problem(key, N_("bukan nomor telepon: {value}"), value=repr(phone))
    return phone


def check_unique(readers: list[Reader], ids: list[str]) -> None:
    seen: dict[str, str] = {}
    for reader, ident in zip(readers, ids, strict=True):
        if not ident:
            continue
        if ident in seen:
            reader.problem("id", N_("id {value} dipakai dua kali (pertama di {place})"),
                           value=repr(ident), place=seen[ident])
        else:
            seen[ident] = reader.place

