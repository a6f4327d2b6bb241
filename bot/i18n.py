"""Languages: gettext catalogs for text, Babel for dates and times.

The catalogs are read from the committed `.po` files at start-up and compiled in memory, so
a fresh clone needs no build step (about 10 ms per catalog, measured in bench/).
Messages are written in Indonesian in the code (the bot's first language); `locales/id` keeps
them verbatim so a test can prove both catalogs complete.
"""

from __future__ import annotations

import gettext
import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from functools import lru_cache
from importlib.resources.abc import Traversable

from babel import Locale
from babel.dates import format_date, format_skeleton, get_timezone_name
from babel.lists import format_list
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from bot.config import LANGUAGES
from bot.resources import locales_dir

#: The checkout's `locales/` or the copy packaged in the wheel (see bot/resources.py).
LOCALES_DIR = locales_dir()
DOMAIN = "citynet"


def N_(message: str) -> str:
    """Mark a string for extraction without translating it yet (translated where shown)."""
    return message


def load_catalog(path: Traversable) -> gettext.GNUTranslations:
    with path.open("rb") as fh:
        catalog = read_po(fh, abort_invalid=True)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


# Babel formats are pure functions of the locale and the value, and each costs tens of µs;
# every programme view formats the same few days and times again, so they are cached. The
# keys are what the output depends on (the wall-clock date, the hour and minute, the zone
# and its offset): a datetime as key would be wrong, since 09.30 WITA == 01.30 UTC in Python.
@lru_cache(maxsize=1024)
def _format_date(year: int, month: int, day: int, pattern: str, locale: Locale) -> str:
    return format_date(date(year, month, day), pattern, locale=locale)


@lru_cache(maxsize=1024)
def _format_time(hour: int, minute: int, locale: Locale) -> str:
    return format_skeleton("Hm", datetime(2000, 1, 1, hour, minute), locale=locale)


def _zone_of(moment: datetime) -> str:
    key = (moment.tzinfo, moment.utcoffset())
    cached = _ZONES.get(key)
    if cached is None:
        cached = _ZONES[key] = get_timezone_name(moment, "short", locale="id")
    return cached


#: A handful of entries: one per zone and offset the event uses.
_ZONES: dict[tuple[tzinfo | None, timedelta | None], str] = {}


@dataclass(frozen=True, slots=True)
class Translator:
    """Text and formats for one language. Handlers get it as `context.t`."""

    lang: str
    catalog: gettext.NullTranslations
    locale: Locale

    def gettext(self, message: str) -> str:
        return self.catalog.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.catalog.ngettext(singular, plural, n)

    # -- formats ---------------------------------------------------------------------------
    def day(self, value: date) -> str:
        """'Rabu, 16 Oktober 2019' (no zero padding, unlike Babel's "full")."""
        return _format_date(value.year, value.month, value.day, "EEEE, d MMMM y", self.locale)

    def day_short(self, value: date) -> str:
        """'Rab, 16 Okt' for buttons."""
        return _format_date(value.year, value.month, value.day, "EEE, d MMM", self.locale)

    def date_range(self, first: date, last: date) -> str:
        """'16–18 Oktober 2019' (Babel's interval skeleton abbreviates the month in "id")."""
        # Through the cached formatter, like every other date here.
        end = _format_date(last.year, last.month, last.day, "d MMMM y", self.locale)
        if first == last:
            return end
        if (first.year, first.month) == (last.year, last.month):
            return f"{first.day}–{end}"
        pattern = "d MMMM" if first.year == last.year else "d MMMM y"
        start = _format_date(first.year, first.month, first.day, pattern, self.locale)
        return f"{start} – {end}"

    def weekday(self, value: date) -> str:
        return _format_date(value.year, value.month, value.day, "EEEE", self.locale)

    def time(self, moment: datetime) -> str:
        """'09.30' in Indonesian, '09:30' in English (24-hour in both)."""
        return _format_time(moment.hour, moment.minute, self.locale)

    def zone(self, moment: datetime) -> str:
        # Delegates read the Indonesian zone name ("WITA") on every sign at the venue,
        # so it is used in English too; Babel's English name would be "+0800".
        return _zone_of(moment)

    def time_range(self, start: datetime, end: datetime, zone: bool = True) -> str:
        """'09.30–11.00 WITA'."""
        text = f"{self.time(start)}–{self.time(end)}"
        return f"{text} {self.zone(start)}" if zone else text

    def moment(self, value: datetime) -> str:
        """'Rabu, 16 Oktober 2019 pukul 09.30 WITA'."""
        return self.gettext("{day} pukul {time} {zone}").format(
            day=self.day(value.date()), time=self.time(value), zone=self.zone(value)
        )

    def duration(self, delta: timedelta) -> str:
        """'1 jam 30 menit' (Babel would round 90 minutes to '2 jam')."""
        minutes = max(0, round(delta.total_seconds() / 60))
        hours, minutes = divmod(minutes, 60)
        days, hours = divmod(hours, 24)
        parts = []
        if days:
            parts.append(self.ngettext("{n} hari", "{n} hari", days).format(n=days))
        if hours:
            parts.append(self.ngettext("{n} jam", "{n} jam", hours).format(n=hours))
        if minutes or not parts:
            parts.append(self.ngettext("{n} menit", "{n} menit", minutes).format(n=minutes))
        return " ".join(parts)

    def join(self, items: Iterable[str]) -> str:
        """'A, B, dan C'."""
        values = list(items)
        return format_list(values, locale=self.locale) if values else ""


class I18n:
    """All languages, loaded once. `get(lang)` falls back to the default language."""

    def __init__(self, locales_dir: Traversable = LOCALES_DIR, default: str = "id") -> None:
        self.default = default
        self._translators: dict[str, Translator] = {}
        for lang in LANGUAGES:
            po = locales_dir.joinpath(lang, "LC_MESSAGES", f"{DOMAIN}.po")
            catalog: gettext.NullTranslations = (
                load_catalog(po) if po.is_file() else gettext.NullTranslations()
            )
            self._translators[lang] = Translator(lang, catalog, Locale.parse(lang))

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self._translators)

    def get(self, lang: str | None) -> Translator:
        return self._translators.get(lang or self.default) or self._translators[self.default]
