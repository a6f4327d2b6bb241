"""Screens besides the programme: welcome and menu, help, venues, contacts, practical
information (FAQ), the event's background, and the short answers to free text.

Split from bot/render.py (the programme: days, sessions, speakers, now/next), which keeps
the shared pieces (`Reply`, buttons, clipping). Pure functions; all data is HTML-escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from html import escape

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot import callbacks as cb
from bot import commands
from bot.examples import examples
from bot.faq import answer_on
from bot.i18n import Translator
from bot.model import Contact, Event, Faq, Session, Venue
from bot.render import (
    KIND_ICON,
    Reply,
    button,
    clip,
    clip_html_lines,
    deep_link,
    event_dates,
    keyboard,
    per_language,
)


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
        + [_("• 📝 Daftar, pilih sesi (“✅ Hadir”), dan dapat pengingat sebelum sesi")]
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
    # Buttons only for what this event has.
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


@per_language
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


#: A venue card lists this many sessions: with the address and notes it still fits a phone
#: screen; the whole programme is one tap away in /jadwal.
VENUE_SESSIONS = 3


def venue_view(event: Event, venue: Venue, t: Translator, now: datetime,
               asked: Sequence[Session] = ()) -> Reply:
    """A venue: address, notes, and what happens there — the sessions asked about
    ("makan siang dimana?"), or the next few. Aliases are for matching, not for display."""
    _ = t.gettext
    lines = [f"📍 <b>{escape(venue.label(t.lang))}</b>", escape(venue.address_in(t.lang))]
    if venue.notes:
        lines += ["", escape(venue.notes.get(t.lang))]
    # The sessions asked about that are here; else (none, or elsewhere) the venue's own.
    here = [s for s in asked if s.venue_id == venue.id]
    coming = [s for s in here if s.end > now] or here  # asked about past ones: still say
    if not here:
        coming = [s for s in event.sessions_at_venue(venue.id) if s.end > now]
    shown = coming[:VENUE_SESSIONS]
    if shown:
        lines += ["", _("<b>Acara di sini:</b>")]
        for s in shown:
            when = f"{t.day_short(s.start.date())} {t.time_range(s.start, s.end, zone=False)}"
            lines.append(f"{KIND_ICON[s.kind]} <b>{escape(when)}</b> · "
                         f"{escape(s.title.get(t.lang))}")
        more = len(coming) - len(shown)
        if more > 0:
            lines.append(t.ngettext("… dan {n} acara lain di sini (/jadwal)",
                                    "… dan {n} acara lain di sini (/jadwal)", more).format(n=more))
    rows = [
        [
            button(_("📌 Kirim pin lokasi"), cb.PIN, venue.id),
            InlineKeyboardButton(_("🗺 Buka peta"), url=venue.map_url),
        ],
        [button(_("◀ Semua lokasi"), cb.VENUES), button(_("🏠 Menu"), cb.MENU)],
    ]
    return Reply(clip_html_lines(lines, "…"), keyboard(rows))


@per_language
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


def no_contact_of_region(t: Translator, region: str) -> str:
    """One line: a known region has no contact of its own in the data (HTML)."""
    return t.gettext("Belum ada narahubung khusus untuk {region}.").format(
        region=escape(region))


def contacts_question(t: Translator, region: str) -> str:
    """The question a region button stands for, as the panitia read it after Tanya panitia."""
    return t.gettext("Siapa narahubung untuk {region}?").format(region=region)


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
    text = _("“{query}” bisa berarti beberapa daerah. Yang mana?").format(query=escape(query))
    rows = [[button(r, cb.CONTACT_REGION, r)] for r in regions]
    return Reply(text, keyboard(rows))


def no_contacts(event: Event, t: Translator, query: str) -> Reply:
    _ = t.gettext
    text = _("Maaf, saya tidak menemukan kontak untuk “{query}”. Pilih dari daftar ini:").format(
        query=escape(clip(query, 60))
    )
    return Reply(text, contacts_prompt(event, t).markup)


def contacts_private_only(t: Translator, bot_username: str) -> Reply:
    _ = t.gettext
    text = _("☎️ Demi privasi, kontak hanya saya kirim lewat chat pribadi.")
    markup = keyboard(
        [[InlineKeyboardButton(_("Buka chat pribadi"),
                               url=deep_link(bot_username, "kontak"))]]
    )
    return Reply(text, markup)


def personal_private_only(t: Translator, bot_username: str) -> Reply:
    """A delegate's own profile or agenda asked for in a group: shown only in private."""
    _ = t.gettext
    text = _("🔒 Data pribadi Anda (profil, agenda, kehadiran) hanya saya tampilkan di chat "
             "pribadi.")
    markup = keyboard(
        [[InlineKeyboardButton(_("Buka chat pribadi"), url=f"https://t.me/{bot_username}")]]
    )
    return Reply(text, markup)


def faq_list(event: Event, t: Translator) -> Reply:
    """/info: the organizers' practical answers, one button each."""
    _ = t.gettext
    if not event.faq:
        # The handler adds the Tanya panitia button: /kontak may not exist for this event.
        return Reply(_("Panitia belum menulis info praktis untuk acara ini. Tanyakan langsung "
                       "kepada panitia."), keyboard([[button(_("🏠 Menu"), cb.MENU)]]))
    rows = [[button(f.question.get(t.lang), cb.FAQ, f.id)] for f in event.faq]
    rows.append([button(_("🏠 Menu"), cb.MENU)])
    return Reply(_("💡 <b>Info praktis</b>\nPilih pertanyaan:"), keyboard(rows))


def faq_question(t: Translator) -> str:
    """The question the /info button stands for, as the panitia read it after Tanya panitia."""
    return t.gettext("Info praktis apa saja yang perlu saya ketahui untuk acara ini?")


def faq_view(faq: Faq, t: Translator, day: date | None = None,
             days: Sequence[date] = ()) -> Reply:
    """A practical answer; with a day asked ("dress code hari jumat?"), that day's part."""
    _ = t.gettext
    answer = answer_on(faq, day, days, t.lang)
    text = f"💡 <b>{escape(faq.question.get(t.lang))}</b>\n\n{escape(answer)}"
    rows = [[button(_("◀ Info lain"), cb.FAQS), button(_("🏠 Menu"), cb.MENU)]]
    return Reply(clip_html_lines(text.split("\n"), "…"), keyboard(rows))


@per_language
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


def help_lines(event: Event, t: Translator) -> list[str]:
    """The commands part of /bantuan, from the command table (bot/commands.py), without the
    commands for features this event does not have; examples come from its own data."""
    missing = commands.missing_for(event)
    region = examples(event, t.lang).region

    def entry(e: commands.HelpEntry) -> str:
        names = ", ".join("/" + commands.shown_name(c, t.lang) for c in e.commands)
        if e.plain and not region:
            return f"{names} — {t.gettext(e.plain)}"
        usage = " " + t.gettext(e.usage) if e.usage else ""
        text = t.gettext(e.text)
        if e.plain:
            text = text.format(region=escape(region or ""))
        return f"{names}{usage} — {text}"

    lines = []
    for line in commands.HELP_LINES:
        shown = [e for e in line if not set(e.commands) <= missing]
        if shown:
            lines.append("; ".join(entry(e) for e in shown))
    return lines


@per_language
def help_view(event: Event, t: Translator) -> Reply:
    """Commands this event has, and example questions built from its own data."""
    _ = t.gettext
    ex = examples(event, t.lang)
    lines = [
        _("❓ <b>Bantuan</b>"),
        "",
        _("<b>Perintah:</b>"),
        *help_lines(event, t),
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
        _("📢 Belum ada pengumuman.\nJadwal di bot ini selalu yang terbaru dari panitia: "
          "setiap perubahan waktu atau tempat langsung tampil di /jadwal."),
        keyboard([[button(_("📅 Jadwal"), cb.DAYS), button(_("⏱ Sekarang"), cb.NOW)]]),
    )
