"""The bot's commands: names (Indonesian first, English aliases) and menu descriptions.

One table, used both to register the handlers and to fill Telegram's command menu in each
language, so the menu can never list a command the bot does not answer.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.i18n import N_
from bot.model import Event


@dataclass(frozen=True, slots=True)
class Command:
    name: str  # shown in the Indonesian menu
    alias: str  # shown in the English menu; both always work
    description: str  # msgid; translated per menu language


START = Command("start", "start", N_("Mulai dan menu utama"))
SCHEDULE = Command("jadwal", "schedule", N_("Jadwal acara per hari"))
TODAY = Command("hariini", "today", N_("Jadwal hari ini"))
TOMORROW = Command("besok", "tomorrow", N_("Jadwal besok"))
NOW = Command("sekarang", "now", N_("Yang sedang berlangsung dan berikutnya"))
SPEAKERS = Command("pembicara", "speakers", N_("Pembicara dan sesinya"))
VENUES = Command("lokasi", "venues", N_("Tempat acara, alamat dan peta"))
CONTACTS = Command("kontak", "contacts", N_("Kontak panitia dan daerah"))
ABOUT = Command("tentang", "about", N_("Tentang acara"))
HELP = Command("bantuan", "help", N_("Bantuan dan contoh pertanyaan"))
LANGUAGE = Command("bahasa", "language", N_("Ganti bahasa: Indonesia/English"))
REGISTER = Command("daftar", "register", N_("Daftar sebagai peserta (untuk RSVP)"))
PROFILE = Command("profil", "profile", N_("Profil Anda"))
RSVPS = Command("rsvp", "rsvp", N_("Kehadiran Anda di acara dan sesi"))
AGENDA = Command("agendaku", "myagenda", N_("Agenda pribadi Anda"))
REMINDERS = Command("pengingat", "reminders", N_("Atur pengingat sebelum sesi"))
CANCEL = Command("batal", "cancel", N_("Batalkan pengisian"))
TOUR = Command("citytour", "tour", N_("City tour: titik kumpul, bus, rute"))
BUS = Command("bus", "bus", N_("Bus city tour dan absen (panitia, pemimpin bus)"))
MYDATA = Command("hapusdata", "deletemydata", N_("Hapus semua data Anda dari bot"))
FAQ = Command("info", "faq", N_("Info praktis dari panitia"))
ANNOUNCEMENTS = Command("pengumuman", "announcements", N_("Pengumuman terbaru dari panitia"))

#: In menu order.
MENU: tuple[Command, ...] = (
    SCHEDULE,
    NOW,
    TODAY,
    TOMORROW,
    SPEAKERS,
    VENUES,
    CONTACTS,
    ANNOUNCEMENTS,
    FAQ,
    TOUR,
    AGENDA,
    RSVPS,
    REMINDERS,
    REGISTER,
    PROFILE,
    ABOUT,
    HELP,
    LANGUAGE,
    MYDATA,
    START,
)


def menu_for(event: Event) -> tuple[Command, ...]:
    """The menu without the commands for features this event does not have."""
    missing = set()
    if not event.has_tour:
        missing.add(TOUR)
    if not event.has_contacts:
        missing.add(CONTACTS)
    if not event.has_faq:
        missing.add(FAQ)
    return tuple(c for c in MENU if c not in missing)


def names(command: Command) -> list[str]:
    return [command.name] if command.alias == command.name else [command.name, command.alias]
