"""The bot's commands: names (Indonesian first, English aliases), menu descriptions, and
the lines of /bantuan.

One table, used to register the handlers, to fill Telegram's command menu in each language
(bot/menus.py) and to write the help (`render_info.help_view`), so neither can list a
command the bot does not answer, or name it differently.
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
# Attendance (handlers/attendance.py).
CARD = Command("kartu", "badge", N_("Kartu peserta dengan kode QR untuk meja registrasi"))
CHECKIN = Command("hadir", "checkin", N_("Absen sesi dengan kode di layar"))
MATERIALS = Command("materi", "materials", N_("Materi sesi"))
CERTIFICATE = Command("sertifikat", "certificate", N_("Sertifikat kehadiran"))
# Not in the menu (anyone may verify, few need to): named here so answers can name it.
VERIFY = Command("cek", "verify", N_("Periksa keaslian sertifikat"))
EVALUATION = Command("evaluasi", "evaluation", N_("Evaluasi acara"))

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
    CARD,
    CHECKIN,
    MATERIALS,
    CERTIFICATE,
    EVALUATION,
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


def missing_for(event: Event) -> frozenset[Command]:
    """Commands for features this event does not have (no tour, no contacts, no FAQ, no
    session check-in, materials, certificate or evaluation)."""
    missing = set()
    if not event.has_tour:
        missing.add(TOUR)
    if not event.has_contacts:
        missing.add(CONTACTS)
    if not event.has_faq:
        missing.add(FAQ)
    if not event.has_session_checkin:
        missing.add(CHECKIN)
    if not event.has_materials:
        missing.add(MATERIALS)
    if not event.has_certificate:
        missing.add(CERTIFICATE)
    if not event.has_evaluation:
        missing.add(EVALUATION)
    return frozenset(missing)


def menu_for(event: Event) -> tuple[Command, ...]:
    """The menu without the commands for features this event does not have."""
    missing = missing_for(event)
    return tuple(c for c in MENU if c not in missing)


def names(command: Command) -> list[str]:
    return [command.name] if command.alias == command.name else [command.name, command.alias]


@dataclass(frozen=True, slots=True)
class HelpEntry:
    """Commands explained together in /bantuan: "/hariini, /besok — <text>"."""

    commands: tuple[Command, ...]
    text: str  # msgid
    usage: str = ""  # msgid of the arguments shown after the commands ("[daerah]")
    #: msgid used instead of `text` when the event has no region to put in its `{region}`.
    plain: str = ""


#: /bantuan, one tuple per line (entries of a line are joined with "; "), in this order.
HELP_LINES: tuple[tuple[HelpEntry, ...], ...] = (
    (HelpEntry((SCHEDULE,), N_("jadwal per hari")),),
    (HelpEntry((TODAY, TOMORROW), N_("jadwal hari ini atau besok")),),
    (HelpEntry((NOW,), N_("yang sedang berlangsung dan berikutnya")),),
    (HelpEntry((SPEAKERS,), N_("pembicara dan sesinya")),),
    (HelpEntry((VENUES,), N_("tempat acara, alamat dan peta")),),
    # TRANSLATORS: {region} is a region from the event's data, as delegates type it.
    (HelpEntry((CONTACTS,), N_("kontak panitia dan daerah, mis. /kontak {region}"),
               N_("[daerah]"), plain=N_("kontak panitia")),),
    (HelpEntry((REGISTER,), N_("daftar sebagai peserta")),
     HelpEntry((PROFILE,), N_("lihat atau ubah"))),
    (HelpEntry((AGENDA,), N_("agenda pribadi")), HelpEntry((RSVPS,), N_("kehadiran Anda"))),
    (HelpEntry((REMINDERS,), N_("atur pengingat dan ringkasan pagi")),),
    (HelpEntry((TOUR,), N_("titik kumpul, bus, rute dan check-in city tour")),),
    (HelpEntry((ANNOUNCEMENTS,), N_("pengumuman terbaru dari panitia")),),
    (HelpEntry((FAQ,), N_("info praktis dari panitia")),),
    (HelpEntry((CARD,), N_("kartu peserta")),
     HelpEntry((CHECKIN,), N_("absen sesi"), N_("KODE")),
     HelpEntry((MATERIALS,), N_("materi sesi"))),
    (HelpEntry((CERTIFICATE,), N_("sertifikat kehadiran")),
     HelpEntry((EVALUATION,), N_("evaluasi acara"))),
    (HelpEntry((ABOUT,), N_("tentang acara")),),
    (HelpEntry((LANGUAGE,), N_("ganti bahasa (Indonesia/English)")),),
    (HelpEntry((MYDATA,), N_("hapus semua data Anda dari bot")),),
)


def shown_name(command: Command, lang: str) -> str:
    """The name a menu or help in `lang` shows (English shows the English alias)."""
    return command.alias if lang == "en" else command.name
