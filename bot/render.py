"""Rendering: text and keyboards from the event model, in the user's language.

Pure functions of (model, translator, now) -> Reply, testable without Telegram. All data is
HTML-escaped here, the one place where text is put together for `parse_mode=HTML`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from html import escape

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
)

from bot import callbacks as cb
from bot.examples import examples
from bot.i18n import Translator
from bot.model import Contact, Event, Faq, Session, SessionKind, Speaker, Venue

#: Telegram's limit is 4096 characters; keep a margin for the entities' effect on length.
MAX_TEXT = 4000
BUTTON_LABEL = 48
#: Telegram rejects keyboards of more than about 100 buttons; a phone shows ~10 comfortably.
MAX_SESSION_BUTTONS = 24

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


def button(label: str, action: str, arg: str = "") -> InlineKeyboardButton:
    return InlineKeyboardButton(_clip(label, BUTTON_LABEL), callback_data=cb.encode(action, arg))


def keyboard(rows: Sequence[Sequence[InlineKeyboardButton]]) -> InlineKeyboardMarkup | None:
    kept = [list(row) for row in rows if row]
    return InlineKeyboardMarkup(kept) if kept else None


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


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
        return _("🔴 Sedang berlangsung, selesai {time}.").format(time=t.time(session.end))
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
def main_menu(event: Event, t: Translator, first_name: str) -> Reply:
    _ = t.gettext
    text = "\n".join(
        [
            _("Halo, {name}! 👋").format(name=escape(first_name or _("Bapak/Ibu"))),
            "",
            _("Saya asisten Telegram untuk <b>{event}</b>, {dates}, {city}.").format(
                event=escape(event.name.get(t.lang)),
                dates=escape(event_dates(event, t)),
                city=escape(event.city_in(t.lang)),
            ),
            "",
            _("Yang bisa saya bantu:"),
            _("• 📅 Jadwal per hari dan detail setiap sesi"),
            _("• ⏱ Apa yang sedang berlangsung dan berikutnya"),
            _("• 🎤 Pembicara dan sesinya"),
            _("• 📍 Lokasi dengan alamat dan peta"),
        ]
        # Only what this event has: no tour, no contacts, no line for them.
        + ([_("• ☎️ Kontak panitia dan daerah (di chat pribadi)")] if event.has_contacts else [])
        + [_("• 📝 Daftar, pilih sesi («✅ Hadir»), dan dapat pengingat sebelum sesi")]
        + ([_("• 🚌 City tour: titik kumpul, bus, dan absen")] if event.has_tour else [])
        + [_("• ℹ️ Tentang acara"), "", ask_directly(event, t)]
    )
    return Reply(text, menu_keyboard(event, t))


def ask_directly(event: Event, t: Translator) -> str:
    """'Boleh juga langsung bertanya, misalnya …' with an example from this event."""
    _ = t.gettext
    where = examples(event, t.lang).where
    if where is None:
        return _("Boleh juga langsung bertanya, misalnya <i>jadwal besok</i>.")
    # TRANSLATORS: {place} is a session as delegates name it, e.g. "jumpa pers".
    return _("Boleh juga langsung bertanya, misalnya <i>jadwal besok</i> atau "
             "<i>di mana {place}?</i>").format(place=escape(where))


def menu_keyboard(event: Event, t: Translator) -> InlineKeyboardMarkup | None:
    _ = t.gettext
    other = "en" if t.lang == "id" else "id"
    buttons = [
        button(_("📅 Jadwal"), cb.DAYS), button(_("⏱ Sekarang"), cb.NOW),
        button(_("🎤 Pembicara"), cb.SPEAKERS), button(_("📍 Lokasi"), cb.VENUES),
        button(_("🗓 Agenda saya"), cb.AGENDA),
    ]
    if event.has_tour:
        buttons.append(button(_("🚌 City tour"), cb.TOUR))
    if event.has_contacts:
        buttons.append(button(_("☎️ Kontak"), cb.CONTACTS))
    buttons += [button(_("ℹ️ Tentang"), cb.ABOUT), button(_("❓ Bantuan"), cb.HELP),
                button(_("🌐 English"), cb.LANGUAGE, other)]
    return keyboard([buttons[i : i + 2] for i in range(0, len(buttons), 2)])


def instansi_question(event: Event, t: Translator) -> str:
    """Registration step 2, with two of the event's own regions as examples."""
    _ = t.gettext
    regions = event.regions[:2]
    if len(regions) == 2:
        # TRANSLATORS: {first} and {second} are region names from the event's data.
        return _("2/3 — Dari instansi atau daerah mana? Misalnya <i>{first}</i> atau "
                 "<i>{second}</i>.").format(first=escape(regions[0]), second=escape(regions[1]))
    return _("2/3 — Dari instansi atau daerah mana? Tulis nama instansi Anda.")


def network_title(event: Event, t: Translator) -> str:
    """The heading of the contacts that belong to no region (the network, or the committee)."""
    return event.network.get(t.lang) or t.gettext("Panitia (umum)")


def programme_overview(event: Event, t: Translator, today: date) -> Reply:
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
    _ = t.gettext
    number = event.day_number(day)
    if number is None:
        return no_event_on(event, day, t, now)
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
    return Reply(text, keyboard(days_keyboard(event, t)))


def session_view(
    event: Event,
    session: Session,
    t: Translator,
    now: datetime,
    extra_lines: Sequence[str] = (),
    extra_rows: Sequence[list[InlineKeyboardButton]] = (),
) -> Reply:
    """A session's detail; `extra_*` carry the delegate's RSVP status and buttons."""
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
    if session.capacity:
        lines.append(_("🪑 Kapasitas {n} orang").format(n=session.capacity))
    if session.description:
        lines += ["", escape(session.description.get(t.lang))]
    status = session_status(session, now, t)
    if status:
        lines += ["", status]
    lines += extra_lines
    rows: list[list[InlineKeyboardButton]] = list(extra_rows)
    if venue:
        rows.append([button(_("📍 Lokasi"), cb.PIN, venue.id)])
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
    return Reply(clip_html_lines(lines, "…"), keyboard(rows))


def now_view(event: Event, t: Translator, now: datetime) -> Reply:
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
        upcoming = event.upcoming(now, limit=3)
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


def venues_view(event: Event, t: Translator) -> Reply:
    _ = t.gettext
    lines = [_("📍 <b>Lokasi</b>"), ""]
    rows = []
    for venue in event.venues.values():
        lines.append(f"• <b>{escape(venue.label(t.lang))}</b>\n"
                     f"   {escape(venue.address_in(t.lang))}")
        link = _("🗺 Buka peta")
        lines.append(f"   <a href=\"{escape(venue.map_url)}\">{escape(link)}</a>")
        rows.append([button(venue.label(t.lang), cb.VENUE, venue.id)])
    rows.append([button(_("🏠 Menu"), cb.MENU)])
    return Reply(clip_html_lines(lines, "…"), keyboard(rows))


def venue_view(event: Event, venue: Venue, t: Translator) -> Reply:
    _ = t.gettext
    lines = [f"📍 <b>{escape(venue.label(t.lang))}</b>", escape(venue.address_in(t.lang))]
    if venue.aliases:
        lines.append(_("Juga disebut: {names}").format(names=escape(t.join(venue.aliases))))
    if venue.notes:
        lines += ["", escape(venue.notes.get(t.lang))]
    sessions = event.sessions_at_venue(venue.id)
    if sessions:
        lines += ["", _("<b>Acara di sini:</b>")]
        lines += [session_line(event, s, t, with_day=True) for s in sessions]
    rows = [
        [
            button(_("📌 Kirim pin lokasi"), cb.PIN, venue.id),
            InlineKeyboardButton(_("🗺 Buka peta"), url=venue.map_url),
        ],
        [button(_("◀ Semua lokasi"), cb.VENUES), button(_("🏠 Menu"), cb.MENU)],
    ]
    return Reply(clip_html_lines(lines, "…"), keyboard(rows))


def contacts_prompt(event: Event, t: Translator) -> Reply:
    _ = t.gettext
    lines = [
        _("☎️ <b>Kontak</b>"),
        "",
    ]
    region = examples(event, t.lang).region
    lines.append(
        _("Ketik nama daerah atau panitia, misalnya <code>/kontak {region}</code>, "
          "atau pilih di bawah.").format(region=escape(region)) if region
        else _("Ketik nama panitia atau pilih di bawah.")
    )
    regions = sorted({c.region for c in event.contacts})
    rows = [
        [button(r or network_title(event, t), cb.CONTACT_REGION, r or cb.NETWORK)]
        for r in regions
    ]
    rows.append([button(_("🏠 Menu"), cb.MENU)])
    return Reply("\n".join(lines), keyboard(rows))


def no_contacts_in_region(event: Event, t: Translator, region: str) -> Reply:
    """A known region without its own contact: point to the network-wide ones."""
    _ = t.gettext
    intro = _("Belum ada narahubung khusus untuk {region}. Untuk bantuan, hubungi:").format(
        region=escape(region)
    )
    fallback = event.contacts_in([""]) or event.contacts
    return contacts_view(fallback, t, _("Kontak"), intro=intro)


def contacts_view(
    contacts: Sequence[Contact], t: Translator, title: str, intro: str = ""
) -> Reply:
    _ = t.gettext
    lines = [f"☎️ <b>{escape(title)}</b>", ""]
    if intro:
        lines[1:1] = [intro]
    for c in contacts:
        lines.append(f"<b>{escape(c.name)}</b>")
        lines.append(f"{escape(c.role.get(t.lang))} · {escape(c.instansi_in(t.lang))}")
        lines.append(_("📞 {phone}").format(phone=escape(c.phone)))
        if c.email:
            lines.append(_("✉️ {email}").format(email=escape(c.email)))
        lines.append("")
    rows = [[button(_("📇 Kartu kontak: {name}").format(name=c.name), cb.CONTACT_CARD, c.id)]
            for c in contacts]
    rows.append([button(_("◀ Semua kontak"), cb.CONTACTS), button(_("🏠 Menu"), cb.MENU)])
    return Reply(clip_html_lines(lines, "…"), keyboard(rows))


def ambiguous_regions(regions: Sequence[str], t: Translator, query: str) -> Reply:
    _ = t.gettext
    text = _("«{query}» bisa berarti beberapa daerah. Yang mana?").format(query=escape(query))
    rows = [[button(r, cb.CONTACT_REGION, r)] for r in regions]
    return Reply(text, keyboard(rows))


def no_contacts(event: Event, t: Translator, query: str) -> Reply:
    _ = t.gettext
    text = _("Maaf, saya tidak menemukan kontak untuk «{query}». Pilih dari daftar ini:").format(
        query=escape(_clip(query, 60))
    )
    return Reply(text, contacts_prompt(event, t).markup)


def contacts_private_only(t: Translator, bot_username: str) -> Reply:
    _ = t.gettext
    text = _("☎️ Demi privasi, kontak hanya saya kirim lewat chat pribadi.")
    markup = InlineKeyboardMarkup(
        [[InlineKeyboardButton(_("Buka chat pribadi"),
                               url=f"https://t.me/{bot_username}?start=kontak")]]
    )
    return Reply(text, markup)


def faq_list(event: Event, t: Translator) -> Reply:
    """/info: the organizers' practical answers, one button each."""
    _ = t.gettext
    if not event.faq:
        return Reply(_("Panitia belum menulis info praktis untuk acara ini. Tanya lewat "
                       "/kontak."), keyboard([[button(_("🏠 Menu"), cb.MENU)]]))
    rows = [[button(f.question.get(t.lang), cb.FAQ, f.id)] for f in event.faq]
    rows.append([button(_("🏠 Menu"), cb.MENU)])
    return Reply(_("💡 <b>Info praktis</b>\nPilih pertanyaan:"), keyboard(rows))


def faq_view(faq: Faq, t: Translator) -> Reply:
    _ = t.gettext
    text = f"💡 <b>{escape(faq.question.get(t.lang))}</b>\n\n{escape(faq.answer.get(t.lang))}"
    rows = [[button(_("◀ Info lain"), cb.FAQS), button(_("🏠 Menu"), cb.MENU)]]
    return Reply(clip_html_lines(text.split("\n"), "…"), keyboard(rows))


def about_view(event: Event, t: Translator) -> Reply:
    _ = t.gettext
    lines = [
        f"ℹ️ <b>{escape(event.name.get(t.lang))}</b>",
        _("Tema: <i>{theme}</i>").format(theme=escape(event.theme.get(t.lang))),
        _("🗓 {dates}").format(dates=escape(event_dates(event, t))),
        _("📍 {city} · Tuan rumah: {host}").format(
            city=escape(event.city_in(t.lang)), host=escape(event.host_in(t.lang))
        ),
        "",
        escape(event.about.get(t.lang)),
        "",
        t.ngettext("<b>{n} peserta:</b>", "<b>{n} peserta:</b>", event.participants).format(
            n=event.participants
        ),
    ]
    lines += [f"• {escape(g.get(t.lang))}" for g in event.participant_groups]
    if event.goals:
        lines += ["", _("<b>Tujuan:</b>")]
        lines += [f"• {escape(g.get(t.lang))}" for g in event.goals]
    if event.background:
        network = event.network.get(t.lang)
        lines += ["", _("<b>Tentang {network}:</b>").format(network=escape(network))
                  if network else _("<b>Latar belakang:</b>")]
        lines += [escape(p.get(t.lang)) for p in event.background]
    rows = [[button(_("📅 Jadwal"), cb.DAYS), button(_("🏠 Menu"), cb.MENU)]]
    return Reply(clip_html_lines(lines, "…"), keyboard(rows))


def help_view(event: Event, t: Translator) -> Reply:
    """Commands this event has, and example questions built from its own data."""
    _ = t.gettext
    ex = examples(event, t.lang)
    lines = [
        _("❓ <b>Bantuan</b>"),
        "",
        _("<b>Perintah:</b>"),
        _("/jadwal — jadwal per hari"),
        _("/hariini, /besok — jadwal hari ini atau besok"),
        _("/sekarang — yang sedang berlangsung dan berikutnya"),
        _("/pembicara — pembicara dan sesinya"),
        _("/lokasi — tempat acara, alamat dan peta"),
    ]
    if event.has_contacts and ex.region:
        lines.append(_("/kontak [daerah] — kontak panitia dan daerah, mis. /kontak {region}")
                     .format(region=escape(ex.region)))
    elif event.has_contacts:
        lines.append(_("/kontak — kontak panitia"))
    lines += [
        _("/daftar — daftar sebagai peserta; /profil — lihat atau ubah"),
        _("/agendaku — agenda pribadi; /rsvp — kehadiran Anda"),
        _("/pengingat — atur pengingat dan ringkasan pagi"),
    ]
    if event.has_tour:
        lines.append(_("/citytour — titik kumpul, bus, rute dan check-in city tour"))
    lines.append(_("/pengumuman — pengumuman terbaru dari panitia"))
    if event.has_faq:
        lines.append(_("/info — info praktis dari panitia"))
    lines += [
        _("/tentang — tentang acara"),
        _("/bahasa — ganti bahasa (Indonesia/English)"),
        _("/hapusdata — hapus semua data Anda dari bot"),
        "",
        _("<b>Atau tanya langsung, misalnya:</b>"),
        _("• jadwal besok"),
        _("• sekarang ada sesi apa?"),
    ]
    # TRANSLATORS: the {…} values are sessions and regions as delegates name them,
    # taken from the event's data (e.g. "keynote", "jumpa pers", "sidoarjo").
    if ex.speaker_of:
        lines.append(_("• siapa pembicara {session}?").format(session=escape(ex.speaker_of)))
    if ex.where:
        lines.append(_("• di mana {place}?").format(place=escape(ex.where)))
    if ex.tour:
        lines.append(_("• kapan {tour}?").format(tour=escape(ex.tour)))
    if event.has_contacts and ex.region:
        lines.append(_("• minta kontak panitia {region}").format(region=escape(ex.region)))
    lines.append(_("• ingatkan saya 30 menit sebelum sesi"))
    return Reply("\n".join(lines), menu_keyboard(event, t))


def not_understood(event: Event, t: Translator, text: str) -> Reply:
    _ = t.gettext
    topics = [_("jadwal"), _("sesi"), _("pembicara"), _("lokasi")]
    if event.has_contacts:
        topics.append(_("kontak"))
    if event.has_tour:
        topics.append(_("city tour"))
    lines = [
        _("Maaf, saya belum bisa menjawab «{text}».").format(text=escape(_clip(text, 80))),
        # TRANSLATORS: {topics} is a list such as "jadwal, sesi, pembicara, dan lokasi".
        _("Saya bisa membantu soal {topics}. Lihat contoh pertanyaan di /bantuan.").format(
            topics=t.join(topics)),
    ]
    return Reply("\n".join(lines), menu_keyboard(event, t))


#: Parts of the day as delegates use them (see docs on Indonesian: "pagi" lasts until ~11).
PERIODS: dict[str, tuple[int, int]] = {
    "pagi": (5, 11),
    "siang": (11, 15),
    "sore": (15, 18),
    "malam": (18, 24),
}


def at_time_view(
    event: Event,
    day: date,
    t: Translator,
    now: datetime,
    at: time | None = None,
    period: str | None = None,
) -> Reply:
    """Sessions on `day` at a time ("jam 2 siang") or in a part of the day ("sore")."""
    _ = t.gettext
    if event.day_number(day) is None:
        return no_event_on(event, day, t, now)
    sessions = event.sessions_on(day)
    if at is not None:
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
        low, high = PERIODS.get(period or "", (0, 24))
        midnight = datetime.combine(day, time(0), tzinfo=event.timezone)
        window_start = midnight + timedelta(hours=low)
        window_end = midnight + timedelta(hours=high)
        found = [s for s in sessions if s.start < window_end and window_start < s.end]
        header = _("📅 <b>{day}</b>, {period}").format(
            day=escape(t.day(day)), period=escape(period_name(period, t))
        )
        if not found:
            header += "\n" + _("Tidak ada acara pada waktu itu.")
    lines = [header, ""] + [session_line(event, s, t) for s in found]
    rows = session_buttons(found, t)
    rows.append([button(_("📅 Jadwal sehari penuh"), cb.DAY, day.isoformat())])
    return Reply(clip_html_lines(lines, "…"), keyboard(rows))


def period_name(period: str | None, t: Translator) -> str:
    _ = t.gettext
    # TRANSLATORS: parts of the day as in "Rabu, 16 Oktober 2019, pagi": pagi until about
    # 11.00, siang 11-15, sore 15-18, malam after 18.00.
    names = {"pagi": _("pagi"), "siang": _("siang"), "sore": _("sore"), "malam": _("malam")}
    return names.get(period or "", _("sepanjang hari"))


def sessions_choice(event: Event, sessions: Sequence[Session], t: Translator) -> Reply:
    """Several sessions fit a question: list them and let the delegate pick."""
    _ = t.gettext
    lines = [_("Beberapa sesi cocok dengan pertanyaan Anda:"), ""]
    lines += [session_line(event, s, t, with_day=True) for s in sessions]
    return Reply(clip_html_lines(lines, "…"), keyboard(session_buttons(sessions, t, True)))


def thanks_view(event: Event, t: Translator) -> Reply:
    _ = t.gettext
    return Reply(_("Sama-sama! 🙏 Kalau ada yang ingin ditanyakan lagi, tulis saja."),
                 menu_keyboard(event, t))


def too_long(event: Event, t: Translator) -> Reply:
    _ = t.gettext
    return Reply(
        _("Pesan Anda terlalu panjang untuk saya pahami. Tulis pertanyaan singkat, "
          "misalnya <i>jadwal besok</i> atau <i>kontak panitia</i>."),
        menu_keyboard(event, t),
    )


def announcements_view(t: Translator) -> Reply:
    _ = t.gettext
    return Reply(
        _("📢 Jadwal di bot ini selalu yang terbaru dari panitia: setiap perubahan waktu "
          "atau tempat langsung tampil di /jadwal."),
        keyboard([[button(_("📅 Jadwal"), cb.DAYS), button(_("⏱ Sekarang"), cb.NOW)]]),
    )
