"""The answer to a question about using the bot ("gimana cara absen?"): one sentence naming
the command and what it does, written from the event's configuration (its certificate rule,
its evaluation, whether sessions take a check-in), and the button where one exists.

Command names come from the command table (English shows the English alias), and the
button labels named in a sentence are the buttons' own msgids, so both always match what the
delegate sees.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from html import escape

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot import callbacks as cb
from bot import commands
from bot.features import evaluation
from bot.features.certificates import plenaries
from bot.howto import Feature
from bot.i18n import Translator
from bot.model import Event
from bot.planning import BRIEF_AT, LEAD_CHOICES
from bot.render import button, keyboard
from bot.tour import CHECKIN_OPENS


def _cmd(command: commands.Command, t: Translator) -> str:
    return "/" + commands.shown_name(command, t.lang)


def line(feature: Feature, event: Event, t: Translator) -> str:
    """The sentence that answers "how do I …" for `feature` (HTML)."""
    _ = t.gettext
    cmd = {c.name: _cmd(c, t) for c in (*commands.MENU, commands.CHECKIN, commands.VERIFY)}
    if feature is Feature.REGISTER:
        return _("📝 Untuk mendaftar, kirim {register}: nama, instansi dan peran, tiga langkah "
                 "singkat. Setelah itu Anda bisa memilih sesi ({attend}) dan mendapat "
                 "pengingat.").format(register=cmd["daftar"], attend=escape(_("✅ Hadir")))
    if feature is Feature.RSVP:
        return _("✅ Untuk mengikuti sesi, buka sesinya di {schedule} dan tekan {attend} "
                 "(perlu terdaftar: {register}); {rsvp} menampilkan semua sesi pilihan "
                 "Anda.").format(schedule=cmd["jadwal"], attend=escape(_("✅ Hadir")),
                                 register=cmd["daftar"], rsvp=cmd["rsvp"])
    if feature is Feature.AGENDA:
        return _("🗓 {agenda} menampilkan agenda pribadi Anda (sesi yang Anda pilih) per hari; "
                 "tombol {calendar} mengirim berkas .ics untuk kalender di HP Anda.").format(
                     agenda=cmd["agendaku"], calendar=escape(_("📅 Tambah ke kalender")))
    if feature is Feature.REMINDERS:
        brief = datetime.combine(event.start_date, BRIEF_AT, tzinfo=event.timezone)
        return _("⏰ Dengan {reminders} Anda mengatur pengingat {leads} menit sebelum sesi yang "
                 "Anda pilih, atau mematikannya, juga ringkasan pagi pukul {brief}.").format(
                     reminders=cmd["pengingat"], leads="/".join(map(str, LEAD_CHOICES)),
                     brief=t.time(brief))
    if feature is Feature.CHECKIN:
        rules = event.attendance
        line = _("✍️ Untuk absen di sesi, selama sesi berlangsung ketik {checkin} KODE (atau "
                 "kodenya saja) dengan kode yang tampil di layar sesi. Di meja registrasi, "
                 "tunjukkan kartu peserta Anda ({card}).").format(checkin=cmd["hadir"],
                                                                  card=cmd["kartu"])
        # How long a code lives and how late one may check in ("sesi yg udah lewat masih bisa
        # absen?"): why a code is refused.
        period = int(rules.code_period.total_seconds() // 60)
        grace = int(rules.grace.total_seconds() // 60)
        if grace > 0:
            line += " " + _("Kode di layar berganti tiap {period} menit; absen masih bisa sampai "
                            "{grace} menit setelah sesi selesai.").format(period=period,
                                                                         grace=grace)
        else:
            line += " " + _("Kode di layar berganti tiap {period} menit; setelah sesi selesai, "
                            "absen tidak bisa lagi.").format(period=period)
        return line
    if feature is Feature.CARD:
        return _("🪪 {card} mengirim kartu peserta Anda (gambar dengan kode QR, di chat "
                 "pribadi); tunjukkan di meja registrasi setiap hari agar kehadiran Anda "
                 "tercatat.").format(card=cmd["kartu"])
    if feature is Feature.CERTIFICATE:
        return _certificate(event, t, cmd["sertifikat"], cmd["evaluasi"])
    if feature is Feature.SIGNATORIES:
        signatories = event.certificate.signatories if event.certificate else ()
        return _("✍️ Sertifikat ditandatangani {names}.").format(names=escape(t.join(
            f"{s.name} ({s.position.get(t.lang)})" for s in signatories)))
    if feature is Feature.VERIFY:
        return _("🔎 Siapa pun bisa memeriksa keaslian sertifikat dengan {verify} KODE (kode "
                 "verifikasi yang tertulis di sertifikat).").format(verify=cmd["cek"])
    if feature is Feature.MATERIALS:
        return _("📎 {materials} menampilkan materi sesi begitu dirilis; kartu sesi juga punya "
                 "tombol Materi.").format(materials=cmd["materi"])
    if feature is Feature.FEEDBACK:
        if event.has_session_checkin:
            after = _("Setelah sesi yang Anda ikuti (absen dengan {checkin} KODE)").format(
                checkin=cmd["hadir"])
        else:
            after = _("Setelah sesi yang Anda pilih ({attend})").format(
                attend=escape(_("✅ Hadir")))
        return _("⭐ {after}, bot bertanya sekali: tekan 1–5 bintang, lalu balas (reply) pesan "
                 "terima kasihnya bila ingin menambah komentar.").format(after=after)
    if feature is Feature.EVALUATION:
        text = _("📝 {evaluation}: evaluasi acara, dibuka saat penutupan ({when}); pertanyaannya "
                 "dijawab satu per satu.").format(
                     evaluation=cmd["evaluasi"], when=escape(t.moment(
                         event.local(evaluation.opens_at(event)))))
        if event.has_certificate:
            text += " " + _("Evaluasi ini syarat sertifikat.")
        return text
    if feature is Feature.PROFILE:
        return _("👤 Nama, instansi atau peran salah? {profile} menampilkan profil Anda; tekan "
                 "{edit} untuk mengisinya lagi.").format(
                     profile=_cmd(commands.PROFILE, t), edit=escape(_("✏️ Ubah profil")))
    if feature is Feature.LANGUAGE:
        return _("🌐 {language} mengganti bahasa bot: Indonesia ⇄ English.").format(
            language=cmd["bahasa"])
    if feature is Feature.ERASE:
        return _("🗑 {erase} menampilkan data Anda yang disimpan bot dan, setelah Anda "
                 "konfirmasi, menghapus semuanya.").format(erase=cmd["hapusdata"])
    if feature is Feature.ASK:
        text = _("🙋 Tulis saja pertanyaan Anda di sini. Bila jawabannya tidak ada dalam data "
                 "saya, tekan {ask}: pertanyaan Anda dikirim ke panitia (dengan nama dan "
                 "instansi, tanpa nomor HP) dan jawabannya saya teruskan ke sini.").format(
                     ask=escape(_("🙋 Tanya panitia")))
        if event.has_contacts:
            text += " " + _("Kontak panitia: {contacts}.").format(contacts=cmd["kontak"])
        return text
    if feature is Feature.TOUR_CHECKIN:
        tour = event.tour
        radius = tour.checkin_radius_m if tour is not None else 0
        text = _("🙋 Saat tiba di titik kumpul city tour, buka {tour} dan tekan {here}, atau "
                 "{location} (hadir jika dalam {radius} m dari titik kumpul); perlu terdaftar "
                 "ikut city tour.").format(
                     tour=cmd["citytour"], here=escape(_("🙋 Saya sudah di titik kumpul")),
                     location=escape(_("📡 Konfirmasi dengan lokasi")), radius=radius)
        session = event.session(tour.session_id) if tour is not None else None
        if session is not None:
            # "check-in city tour bisa dari jam berapa?": when the button starts to count.
            text += " " + _("Check-in dibuka pukul {opens} ({before} sebelum kumpul) sampai "
                            "tur selesai ({end}).").format(
                opens=t.time(session.arrive_by - CHECKIN_OPENS),
                before=escape(t.duration(CHECKIN_OPENS)), end=t.time(session.end))
        return text
    # Feature.TOUR
    text = _("🚌 Buka {tour} dan tekan {join} (perlu terdaftar: {register}).").format(
        tour=cmd["citytour"], join=escape(_("✅ Ikut city tour")), register=cmd["daftar"])
    if event.tour is not None and event.tour.buses:
        text += " " + _("Kursi bus dipilihkan otomatis.")
    session = event.session(event.tour.session_id) if event.tour is not None else None
    if session is not None and session.capacity:
        # What happens when it is full: the bot keeps a waiting list of a tour with a
        # capacity and gives a seat given up to the next one on it (bot/features/rsvp.py).
        text += " " + _("Bila kursi penuh, Anda masuk daftar tunggu dan mendapat kursi bila "
                        "ada yang batal.")
    return text


def _certificate(event: Event, t: Translator, certificate: str, evaluate: str) -> str:
    """The certificate rule of the data file, as the bot applies it."""
    _ = t.gettext
    rules = event.certificate
    ways = []
    if rules is not None and rules.all_days:
        ways.append(_("hadir di meja registrasi setiap hari"))
    if rules is not None and rules.min_plenary_percent is not None and plenaries(event):
        ways.append(_("absen di sekurang-kurangnya {percent}% sesi pleno").format(
            percent=rules.min_plenary_percent))
    rule = _(" atau ").join(ways) or _("syarat kehadiran terpenuhi")
    text = _("🎓 Setelah acara selesai, kirim {certificate}: bot mengirim sertifikat (PDF) bila "
             "Anda {rule}").format(certificate=certificate, rule=rule)
    if event.has_evaluation:
        text += _(", dan sudah mengisi evaluasi acara ({evaluation})").format(
            evaluation=evaluate)
    return text + "."


def markup(features: Sequence[Feature], event: Event, t: Translator, faq: bool = False
           ) -> InlineKeyboardMarkup | None:
    """The buttons that do it, where the bot has them (the other features are commands);
    with an organizers' practical answer shown too (`faq`), the way back to the others."""
    _ = t.gettext
    rows = [_buttons(f, event, t) for f in features]
    back = [button(_("◀ Info lain"), cb.FAQS)] if faq else []
    return keyboard([*rows, [*back, button(_("🏠 Menu"), cb.MENU)]])


def _buttons(feature: Feature, event: Event, t: Translator) -> list[InlineKeyboardButton]:
    _ = t.gettext
    if feature is Feature.REGISTER:
        return [button(_("📝 Daftar sekarang"), cb.REGISTER)]
    if feature is Feature.PROFILE:
        return [button(_("✏️ Ubah profil"), cb.REGISTER)]
    if feature is Feature.RSVP:
        return [button(_("📅 Jadwal"), cb.DAYS), button(_("🗓 Agenda saya"), cb.AGENDA)]
    if feature is Feature.AGENDA:
        return [button(_("🗓 Agenda saya"), cb.AGENDA)]
    if feature is Feature.REMINDERS:
        return [button(_("⏰ Pengingat"), cb.PREFS)]
    if feature in (Feature.TOUR, Feature.TOUR_CHECKIN):
        return [button(_("🚌 City tour"), cb.TOUR)]
    if feature is Feature.LANGUAGE:
        return [button(_("🌐 English"), cb.LANGUAGE, "en" if t.lang == "id" else "id")]
    if feature is Feature.ASK and event.has_contacts:
        return [button(_("☎️ Kontak"), cb.CONTACTS)]
    if feature is Feature.CHECKIN:
        return [button(_("⏱ Sekarang"), cb.NOW)]  # the session running now, to check in to
    return []
