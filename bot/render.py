"""Rendering: text and keyboards from the event model, in the user's language.

Pure functions of (model, translator, now) -> Reply, testable without Telegram. All data is
HTML-escaped in the render modules, the one place where text is put together for
`parse_mode=HTML`. This module has the shared pieces (`Reply`, buttons, clipping) and the
programme (days, sessions, now/next, speakers); render_info.py the other screens for everyone
(menu, help, venues, contacts, FAQ), render_delegate/_tour/_organizer theirs.
"""

from __future__ import annotations

import functools
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from html import escape
from typing import Generic, TypeVar

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    TelegramObject,
)

from bot import callbacks as cb
from bot.i18n import Translator
from bot.model import Event, Session, SessionKind, Speaker
from bot.when import END_OF_DAY, PERIOD_HOURS

#: Telegram's limit is 4096 characters; keep a margin for the entities' effect on length.
MAX_TEXT = 4000
BUTTON_LABEL = 48
#: Telegram rejects keyboards of more than about 100 buttons; a phone shows ~10 comfortably.
MAX_SESSION_BUTTONS = 24

V = TypeVar("V")

KIND_ICON = {
    SessionKind.REGISTRATION: "📝",
    SessionKind.CEREMONY: "🎉",
    SessionKind.PLENARY: "🎤",
    SessionKind.SESSION: "💬",
    SessionKind.BREAK: "☕",
    SessionKind.PRESS: "📰",
    SessionKind.TOUR: "🚌",
}


@dataclass(frozen=True, slots=True)
class Reply:
    text: str
    markup: InlineKeyboardMarkup | None = None
    #: A reply keyboard (a location or contact request, or its removal): only on a new
    #: message, never on an edit.
    request: ReplyKeyboardMarkup | ReplyKeyboardRemove | None = None


class ViewCache(Generic[V]):
    """Rendered views that are the same for every delegate: a function of the event, the
    language and a day, nothing per user (no "you are attending" mark). Built once, then
    shared: Reply and PTB's markup objects are immutable. An entry holds its event, so a
    reload (a new Event object) rebuilds the view and an id is never mistaken for another.
    """

    def __init__(self, size: int = 256) -> None:
        self.size = size
        self._entries: OrderedDict[tuple[Hashable, ...], tuple[Event, V]] = OrderedDict()

    def get(self, event: Event, key: tuple[Hashable, ...], build: Callable[[], V]) -> V:
        full = (id(event), *key)
        hit = self._entries.get(full)
        if hit is not None and hit[0] is event:
            self._entries.move_to_end(full)
            return hit[1]
        value = build()
        self._entries[full] = (event, value)
        if len(self._entries) > self.size:
            self._entries.popitem(last=False)
        return value


VIEWS: ViewCache[Reply] = ViewCache()


EventView = Callable[[Event, Translator], Reply]


def per_language(build: EventView) -> EventView:
    """For a view of the event alone (no day, no time, nobody's own state): rendered once
    per event and language, then shared through VIEWS."""
    name = build.__qualname__

    @functools.wraps(build)
    def shared(event: Event, t: Translator) -> Reply:
        return VIEWS.get(event, (name, t.lang), lambda: build(event, t))

    return shared


#: A session's lines before its seats, its description, and its buttons (`session_view`).
SessionParts = tuple[tuple[str, ...], tuple[str, ...], tuple[list[InlineKeyboardButton], ...]]
SESSION_PARTS: ViewCache[SessionParts] = ViewCache(size=512)
#: "Now" views, one per language and minute: apart, so they do not push the day views out.
NOW_VIEWS: ViewCache[Reply] = ViewCache(size=16)


@lru_cache(maxsize=4096)
def button(label: str, action: str, arg: str = "") -> InlineKeyboardButton:
    # Shared, as PTB's objects are immutable: a per-delegate card (its "✅ Hadir" or "Batal")
    # is built from the same few buttons on every update, and each costs ~5 µs to make.
    return InlineKeyboardButton(clip(label, BUTTON_LABEL), callback_data=cb.encode(action, arg))


#: The fields of a button besides its text, as PTB defines them (its slots).
_BUTTON_FIELDS = tuple(
    name for name in InlineKeyboardButton.__slots__ if name != "text" and not name.startswith("_")
)


def _button_dict(button: InlineKeyboardButton) -> dict[str, object]:
    if button.api_kwargs:
        return button.to_dict()
    out: dict[str, object] = {"text": button.text}
    for name in _BUTTON_FIELDS:
        value = getattr(button, name)
        if value is not None:
            out[name] = value.to_dict() if isinstance(value, TelegramObject) else value
    return out


class Keyboard(InlineKeyboardMarkup):
    """An inline keyboard that turns itself into JSON directly.

    PTB serializes every object sent through its generic, introspecting `to_dict` (about
    5 µs per button): for a day's programme that was most of the bot's own time per update.
    The result is the same dict (tests/test_view_cache.py compares them).
    """

    __slots__ = ()

    def to_dict(self, recursive: bool = True) -> dict[str, object]:
        if not recursive or self.api_kwargs:
            return super().to_dict(recursive)
        return {"inline_keyboard": [[_button_dict(b) for b in row]
                                    for row in self.inline_keyboard]}


def keyboard(rows: Sequence[Sequence[InlineKeyboardButton]]) -> InlineKeyboardMarkup | None:
    kept = [list(row) for row in rows if row]
    return Keyboard(kept) if kept else None


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _mid_list(item: str) -> str:
    """'Topi atau payung' -> 'topi atau payung'. Several capitalised words are a name
    ('Pantai Lasiana') and an acronym ('KTP') is one too: those keep their capitals."""
    words = item.split()
    if not words or len(words[0]) < 2 or not (words[0][0].isupper() and words[0][1:].islower()):
        return item
    if any(w[:1].isupper() for w in words[1:]):
        return item
    return item[0].lower() + item[1:]


def list_items(items: Iterable[str], t: Translator) -> str:
    """'Air minum, topi atau payung, dan tabir surya': items written as their own lines in
    the data file are capitalised; in the middle of a sentence they are not."""
    values = list(items)
    return t.join([values[0], *(_mid_list(v) for v in values[1:])]) if values else ""


def clip_words(text: str, limit: int) -> str:
    """At most `limit` characters, cut after a whole word and marked with "…" (a word cut
    in half reads like a typo: "Banyuw")."""
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    cut = head.rsplit(" ", 1)[0] if " " in head.strip() else head
    return cut.rstrip(" ,.;:-–") + "…"


def clip_html_lines(lines: Sequence[str], more: str) -> str:
    """Join lines, dropping whole lines at the end (never cutting a tag) to fit MAX_TEXT."""
    out: list[str] = []
    size = len(more) + 1
    for line in lines:
        if size + len(line) + 1 > MAX_TEXT:
            out.append(more)
            break
        out.append(line)
        size += len(line) + 1
    return "\n".join(out)


def deep_link(bot_username: str, payload: str) -> str:
    """The t.me link that opens the private chat with `/start <payload>`."""
    return f"https://t.me/{bot_username}?start={payload}"


# -- pieces --------------------------------------------------------------------------------
def session_line(event: Event, session: Session, t: Translator, with_day: bool = False) -> str:
    venue = event.venue(session.venue_id)
    when = t.time_range(session.start, session.end, zone=False)
    if with_day:
        when = f"{t.day_short(session.start.date())} {when}"
    line = f"{KIND_ICON[session.kind]} <b>{escape(when)}</b> · {escape(session.title.get(t.lang))}"
    names = [escape(s.name) for sid in session.speaker_ids if (s := event.speaker(sid))]
    if names:
        line += f"\n      🎤 {t.join(names)}"
    if venue:
        line += f"\n      📍 {escape(venue.label(t.lang))}"
    return line


def session_status(session: Session, now: datetime, t: Translator) -> str:
    _ = t.gettext
    if session.is_on(now):
        # "how much longer?": the time left too, not only the clock time it ends.
        return _("🔴 Sedang berlangsung, selesai {time}.").format(
            time=t.time(session.end)) + " " + _("Masih {left} lagi.").format(
            left=t.duration(session.end - now))
    if now < session.start:
        gather = session.arrive_by
        if gather > now and (gather - now).days < 1:
            if session.gather:
                return _("⏳ Kumpul {gather} lagi (pukul {time}).").format(
                    gather=t.duration(gather - now), time=t.time(gather)
                )
            return _("⏳ Dimulai {delta} lagi.").format(delta=t.duration(session.start - now))
        return ""
    return _("✅ Sudah selesai.")


def session_buttons(
    sessions: Sequence[Session], t: Translator, with_day: bool = False
) -> list[list[InlineKeyboardButton]]:
    """One button per session (time and title), capped to keep the keyboard usable."""
    rows = []
    for s in sessions[:MAX_SESSION_BUTTONS]:
        when = t.time(s.start)
        if with_day:
            when = f"{t.day_short(s.start.date())} {when}"
        rows.append([button(f"{when} {s.title.get(t.lang)}", cb.SESSION, s.id)])
    return rows


def days_keyboard(event: Event, t: Translator, current: date | None = None) -> list[
    list[InlineKeyboardButton]
]:
    _ = t.gettext
    row = []
    for number, day in enumerate(event.days, start=1):
        label = _("Hari {n} · {day}").format(n=number, day=t.day_short(day))
        if day == current:
            label = f"• {label}"
        row.append(button(label, cb.DAY, day.isoformat()))
    return [row[i : i + 2] for i in range(0, len(row), 2)]


def event_dates(event: Event, t: Translator) -> str:
    return t.gettext("{first} – {last}").format(
        first=t.day(event.start_date), last=t.day(event.end_date)
    )


# -- screens -------------------------------------------------------------------------------


def programme_overview(event: Event, t: Translator, today: date) -> Reply:
    return VIEWS.get(event, ("overview", t.lang, today),
                     lambda: _programme_overview(event, t, today))


def _programme_overview(event: Event, t: Translator, today: date) -> Reply:
    _ = t.gettext
    lines = [
        _("📅 <b>Jadwal {event}</b>").format(event=escape(event.name.get(t.lang))),
        escape(event_dates(event, t)),
        "",
    ]
    for number, day in enumerate(event.days, start=1):
        count = len(event.sessions_on(day))
        lines.append(
            t.ngettext("Hari {n}: {day} — {count} acara", "Hari {n}: {day} — {count} acara", count)
            .format(n=number, day=escape(t.day(day)), count=count)
        )
    lines += ["", _("Pilih hari:")]
    return Reply("\n".join(lines), keyboard(days_keyboard(event, t, today)))


def day_view(event: Event, day: date, t: Translator, now: datetime) -> Reply:
    number = event.day_number(day)
    if number is None:
        return no_event_on(event, day, t, now)
    return VIEWS.get(event, ("day", t.lang, day), lambda: _day_view(event, day, number, t))


def _day_view(event: Event, day: date, number: int, t: Translator) -> Reply:
    _ = t.gettext
    sessions = event.sessions_on(day)
    header = _("📅 <b>{day}</b> — hari {n} dari {total}").format(
        day=escape(t.day(day)), n=number, total=len(event.days)
    )
    lines = [header, _("Semua waktu dalam {zone}.").format(zone=t.zone(sessions[0].start))
             if sessions else _("Belum ada acara di hari ini."), ""]
    lines += [session_line(event, s, t) for s in sessions]
    lines += ["", _("Ketuk sesi untuk detail dan lokasinya.")]
    rows = session_buttons(sessions, t)
    nav = []
    if number > 1:
        prev = event.days[number - 2]
        nav.append(button(f"◀ {t.day_short(prev)}", cb.DAY, prev.isoformat()))
    if number < len(event.days):
        nxt = event.days[number]
        nav.append(button(f"{t.day_short(nxt)} ▶", cb.DAY, nxt.isoformat()))
    rows.append(nav)
    rows.append([button(_("🏠 Menu"), cb.MENU)])
    return Reply(clip_html_lines(lines, "…"), keyboard(rows))


def no_event_on(event: Event, day: date, t: Translator, now: datetime) -> Reply:
    _ = t.gettext
    text = _("Tidak ada acara pada {day}. {event} berlangsung {dates}.").format(
        day=escape(t.day(day)),
        event=escape(event.name.get(t.lang)),
        dates=escape(event_dates(event, t)),
    )
    if day > event.end_date and event.sessions and now >= max(s.end for s in event.sessions):
        # "besok masih ada acara?" on the last afternoon: the event is over.
        text += " " + _("Acara sudah selesai.")
    return Reply(text, keyboard(days_keyboard(event, t)))


def capacity_line(capacity: int, taken: tuple[int, int] | None, t: Translator) -> str:
    """'🪑 Kapasitas 2 orang — sisa 1 kursi': a delegate sees a session is full before
    tapping "Hadir", not after."""
    line = t.gettext("🪑 Kapasitas {n} orang").format(n=capacity)
    if taken is None:
        return line
    going, waiting = taken
    left = capacity - going
    if left > 0:
        return line + " — " + t.ngettext("sisa {n} kursi", "sisa {n} kursi", left).format(n=left)
    if waiting:
        return line + " — " + t.ngettext(
            "penuh, daftar tunggu {n} orang", "penuh, daftar tunggu {n} orang", waiting
        ).format(n=waiting)
    return line + " — " + t.gettext("penuh")


def session_view(
    event: Event,
    session: Session,
    t: Translator,
    now: datetime,
    extra_lines: Sequence[str] = (),
    extra_rows: Sequence[list[InlineKeyboardButton]] = (),
    taken: tuple[int, int] | None = None,
) -> Reply:
    """A session's detail; `extra_*` carry the delegate's RSVP status and buttons; `taken`
    (seats held, waiting list) shows what is left of a limited capacity.

    What is the same for everyone (the session's lines and buttons in this language) is
    built once per event; the seats, the status at `now` and the delegate's own lines and
    buttons are put around it on every call.
    """
    head, description, rows = SESSION_PARTS.get(event, (t.lang, session.id),
                                                lambda: _session_parts(event, session, t))
    lines = list(head)
    if session.capacity:
        lines.append(capacity_line(session.capacity, taken, t))
    lines += description
    status = session_status(session, now, t)
    if status:
        lines += ["", status]
    lines += extra_lines
    return Reply(clip_html_lines(lines, "…"), keyboard([*extra_rows, *rows]))


def _session_parts(event: Event, session: Session, t: Translator) -> SessionParts:
    """A session's lines before the seats, its description, and its buttons."""
    _ = t.gettext
    venue = event.venue(session.venue_id)
    lines = [f"{KIND_ICON[session.kind]} <b>{escape(session.title.get(t.lang))}</b>", ""]
    lines.append(_("🗓 {day}").format(day=escape(t.day(session.start.date()))))
    lines.append(
        _("🕘 {range} ({duration})").format(
            range=escape(t.time_range(session.start, session.end)),
            duration=escape(t.duration(session.end - session.start)),
        )
    )
    if session.gather:
        lines.append(_("🚩 Kumpul pukul {time}").format(time=t.time(session.gather)))
    if venue:
        lines.append(
            _("📍 {venue} — {address}").format(
                venue=escape(venue.label(t.lang)), address=escape(venue.address_in(t.lang))
            )
        )
    for sid in session.speaker_ids:
        speaker = event.speaker(sid)
        if speaker:
            lines.append(
                _("🎤 {name}, {position}").format(
                    name=escape(speaker.name), position=escape(speaker.position.get(t.lang))
                )
            )
    description = (("", escape(session.description.get(t.lang))) if session.description
                   else ())
    return tuple(lines), description, tuple(_session_rows(event, session, t, ()))


def _session_rows(
    event: Event, session: Session, t: Translator,
    extra_rows: Sequence[list[InlineKeyboardButton]],
) -> list[list[InlineKeyboardButton]]:
    """A session's buttons: the delegate's own first, then its place, materials, speakers,
    and the way back."""
    _ = t.gettext
    venue = event.venue(session.venue_id)
    rows: list[list[InlineKeyboardButton]] = list(extra_rows)
    if venue:
        rows.append([button(_("📍 Lokasi"), cb.PIN, venue.id)])
    if session.materials:  # i15: materials (handlers/attendance.py answers the button)
        rows.append([button(_("📎 Materi"), cb.MATERIALS, session.id)])
    rows += [
        [button(f"🎤 {s.name}", cb.SPEAKER, s.id)]
        for sid in session.speaker_ids
        if (s := event.speaker(sid))
    ]
    rows.append(
        [
            button(_("◀ {day}").format(day=t.day_short(session.start.date())), cb.DAY,
                   session.start.date().isoformat()),
            button(_("🏠 Menu"), cb.MENU),
        ]
    )
    return rows


def now_view(event: Event, t: Translator, now: datetime, following: int = 3) -> Reply:
    """What is on now and next (while something is on, the `following` items after it).
    During and after the event it reads `now` only to the minute (sessions start and end on
    whole minutes), so it is rendered once per language and minute; before, it counts the
    seconds down to the first session."""
    if event.phase(now) == "before" or not _on_whole_minutes(event):
        return _now_view(event, t, now, following)
    minute = now.replace(second=0, microsecond=0)
    return NOW_VIEWS.get(event, (t.lang, minute, minute.tzinfo, following),
                         lambda: _now_view(event, t, minute, following))


def _on_whole_minutes(event: Event) -> bool:
    return all(
        m.second == 0 and m.microsecond == 0 for s in event.sessions for m in (s.start, s.end)
    )


def _now_view(event: Event, t: Translator, now: datetime, following: int = 3) -> Reply:
    _ = t.gettext
    phase = event.phase(now)
    lines = [_("⏱ <b>Sekarang {moment}</b>").format(moment=escape(t.moment(now))), ""]
    rows: list[list[InlineKeyboardButton]] = []
    if phase == "before":
        first = event.sessions[0]
        lines.append(
            _("{event} belum dimulai. Acara berlangsung {dates}.").format(
                event=escape(event.name.get(t.lang)), dates=escape(event_dates(event, t))
            )
        )
        lines.append(
            _("Acara pertama dimulai {delta} lagi:").format(delta=t.duration(first.start - now))
        )
        lines += ["", session_line(event, first, t, with_day=True)]
        rows.append([button(_("📅 Lihat jadwal"), cb.DAYS)])
    elif phase == "after":
        lines.append(
            _("{event} sudah selesai ({dates}). Terima kasih atas partisipasinya!").format(
                event=escape(event.name.get(t.lang)), dates=escape(event_dates(event, t))
            )
        )
        rows.append([button(_("📅 Lihat jadwal"), cb.DAYS)])
    else:
        current = event.current(now)
        upcoming = event.upcoming(now, limit=following if current else 3)
        if current:
            lines.append(_("<b>Sedang berlangsung:</b>"))
            lines += [session_line(event, s, t) for s in current]
        else:
            lines.append(_("Tidak ada sesi yang sedang berlangsung."))
        if upcoming:
            lines += ["", _("<b>Berikutnya:</b>")]
            today = now.date()
            lines += [
                session_line(event, s, t, with_day=s.start.date() != today) for s in upcoming
            ]
        rows += session_buttons((*current, *upcoming), t)
        day = now.date() if event.day_number(now.date()) else None
        if day:
            rows.append([button(_("📅 Jadwal hari ini"), cb.DAY, day.isoformat())])
    rows.append([button(_("🏠 Menu"), cb.MENU)])
    return Reply("\n".join(lines), keyboard(rows))


@per_language
def speakers_view(event: Event, t: Translator) -> Reply:
    _ = t.gettext
    lines = [_("🎤 <b>Pembicara</b>"), ""]
    rows = []
    for speaker in event.speakers.values():
        sessions = event.sessions_of_speaker(speaker.id)
        lines.append(
            f"• <b>{escape(speaker.name)}</b> — {escape(speaker.position.get(t.lang))}"
        )
        for s in sessions:
            lines.append(
                f"   {escape(t.day_short(s.start.date()))} {escape(t.time(s.start))} · "
                f"{escape(s.title.get(t.lang))}"
            )
        rows.append([button(speaker.name, cb.SPEAKER, speaker.id)])
    rows.append([button(_("🏠 Menu"), cb.MENU)])
    return Reply(clip_html_lines(lines, "…"), keyboard(rows))


def speaker_view(event: Event, speaker: Speaker, t: Translator) -> Reply:
    return VIEWS.get(event, ("speaker", t.lang, speaker.id),
                     lambda: _speaker_view(event, speaker, t))


def _speaker_view(event: Event, speaker: Speaker, t: Translator) -> Reply:
    _ = t.gettext
    lines = [f"🎤 <b>{escape(speaker.name)}</b>", escape(speaker.position.get(t.lang))]
    if speaker.organization:
        lines.append(escape(speaker.organization_in(t.lang)))
    if speaker.bio:
        lines += ["", escape(speaker.bio.get(t.lang))]
    sessions = event.sessions_of_speaker(speaker.id)
    if sessions:
        lines += ["", _("<b>Sesi:</b>")]
        lines += [session_line(event, s, t, with_day=True) for s in sessions]
    rows = session_buttons(sessions, t)
    rows.append([button(_("◀ Semua pembicara"), cb.SPEAKERS), button(_("🏠 Menu"), cb.MENU)])
    return Reply(clip_html_lines(lines, "…"), keyboard(rows))




def at_time_view(
    event: Event,
    day: date,
    t: Translator,
    now: datetime,
    at: time | None = None,
    period: str | None = None,
    until: time | None = None,
) -> Reply:
    """Sessions on `day` at a time ("jam 2 siang"), in a part of the day ("sore") or in a
    span of it ("between 10 and 12": `at` to `until`)."""
    _ = t.gettext
    if event.day_number(day) is None:
        return no_event_on(event, day, t, now)
    sessions = event.sessions_on(day)
    if at is not None and until is not None:
        window_start = datetime.combine(day, at, tzinfo=event.timezone)
        window_end = datetime.combine(day, until, tzinfo=event.timezone)
        found = [s for s in sessions if s.start < window_end and window_start < s.end]
        header = _("🕑 <b>{day}, {span}</b>").format(
            day=escape(t.day(day)), span=t.time_range(window_start, window_end)
        ) if until != END_OF_DAY else _("🕑 <b>{day}, mulai pukul {time} {zone}</b>").format(
            # "setelah jam 10": the rest of the day from then, no end of its own to show.
            day=escape(t.day(day)), time=t.time(window_start), zone=t.zone(window_start))
        if not found:
            before = [s for s in sessions if s.end <= window_start][-1:]
            after = [s for s in sessions if s.start >= window_end][:1]
            found = before + after
            header += "\n" + (_("Tidak ada acara pada waktu itu. Yang terdekat:") if found
                              else _("Tidak ada acara pada waktu itu."))
    elif at is not None:
        moment = datetime.combine(day, at, tzinfo=event.timezone)
        found = [s for s in sessions if s.is_on(moment) or s.arrive_by == moment]
        header = _("🕑 <b>{moment}</b>").format(moment=escape(t.moment(moment)))
        if not found:
            later = [s for s in sessions if s.start > moment][:1]
            found = later
            header += "\n" + (
                _("Tidak ada sesi pada jam itu. Berikutnya:") if later
                else _("Tidak ada sesi pada jam itu atau sesudahnya di hari ini.")
            )
    else:
        low, high = PERIOD_HOURS.get(period or "", (0, 24))
        midnight = datetime.combine(day, time(0), tzinfo=event.timezone)
        window_start = midnight + timedelta(hours=low)
        window_end = midnight + timedelta(hours=high)
        found = [s for s in sessions if s.start < window_end and window_start < s.end]
        header = _("📅 <b>{day}</b>, {period}").format(
            day=escape(t.day(day)), period=escape(period_name(period, t))
        )
        if not found:
            # "sore ini ada acara?" with the afternoon's session at 13.00 (siang): nothing in
            # that part of the day, and the day's nearest items before and after it.
            before = [s for s in sessions if s.end <= window_start][-1:]
            after = [s for s in sessions if s.start >= window_end][:1]
            found = before + after
            header += "\n" + (_("Tidak ada acara pada waktu itu. Yang terdekat:") if found
                              else _("Tidak ada acara pada waktu itu."))
    lines = [header, ""] + [session_line(event, s, t) for s in found]
    rows = session_buttons(found, t)
    rows.append([button(_("📅 Jadwal sehari penuh"), cb.DAY, day.isoformat())])
    return Reply(clip_html_lines(lines, "…"), keyboard(rows))


def period_name(period: str | None, t: Translator) -> str:
    _ = t.gettext
    # TRANSLATORS: parts of the day as in "Rabu, 16 Oktober 2019, pagi": pagi until about
    # 11.00, siang 11-15, sore 15-18, malam after 18.00; "siang hingga sore" is the English
    # "afternoon" (12-18) asked in English, and the English "morning" (until 12) is "pagi".
    names = {"pagi": _("pagi"), "siang": _("siang"), "sore": _("sore"), "malam": _("malam"),
             "morning": _("pagi"), "afternoon": _("siang hingga sore")}
    return names.get(period or "", _("sepanjang hari"))


def sessions_choice(event: Event, sessions: Sequence[Session], t: Translator) -> Reply:
    """Several sessions fit a question: list them and let the delegate pick."""
    _ = t.gettext
    lines = [_("Beberapa sesi cocok dengan pertanyaan Anda:"), ""]
    lines += [session_line(event, s, t, with_day=True) for s in sessions]
    return Reply(clip_html_lines(lines, "…"), keyboard(session_buttons(sessions, t, True)))






