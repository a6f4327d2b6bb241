"""Questions about using the bot itself (issue 11, part C): "gimana cara absen di sesi?",
"how do I get my certificate?" get one sentence naming the command and what it does, written
from the event's configuration, with the button where one exists; a matching FAQ entry stays
below it; a feature the event does not enable is never offered.

Through the real Application and the stand-in, as the delegate reads it. The dev set
tests/answers_dev_c.jsonl is a gate.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from bot import howto
from bot.howto import Feature
from bot.loader import load_event
from bot.model import Event, Material
from bot.offline.protocol import ApiCall
from tests.conftest import KEYNOTE_TIME
from tests.harness import Harness, buttons, text_of
from tests.test_answers import assert_dev_set, read, replies
from tests.test_events import MAKASSAR_FILE, _during


def first(calls: list[ApiCall]) -> str:
    sent = replies(calls)
    assert sent
    return text_of(sent[0])


def all_buttons(calls: list[ApiCall]) -> list[tuple[str, str]]:
    return [b for call in replies(calls) for b in buttons(call)]


async def _other(event: Event, tmp_path: Path) -> Harness:
    return await Harness(event, KEYNOTE_TIME, tmp_path / "other.db").start()


# -- check-in, card, stars -----------------------------------------------------------------
async def test_how_to_check_in_names_the_command_and_the_card(bot: Harness) -> None:
    calls = await bot.say("gimana cara absen di sesi?")
    text = first(calls)
    assert text.startswith("✍️ Untuk absen di sesi, selama sesi berlangsung ketik /hadir KODE")
    assert "(/kartu)" in text and "Tanya panitia" not in read(calls)
    assert ("⏱ Sekarang", "now") in all_buttons(calls)  # the session running now


async def test_the_desk_is_the_card(bot: Harness) -> None:
    for question in ("mau lihat kartu peserta saya", "absen di meja registrasi caranya gmn"):
        calls = await bot.say(question)
        assert first(calls).startswith("🪪 /kartu mengirim kartu peserta Anda"), question
    # The organizers' own answer about the card stays, below the bot's way.
    text = read(await bot.say("mau lihat kartu peserta saya"))
    assert text.index("/kartu mengirim") < text.index("Di mana mengambil kartu peserta?")


async def test_stars_follow_the_events_check_in(bot: Harness, event: Event,
                                                tmp_path: Path) -> None:
    text = first(await bot.say("saya mau kasih nilai untuk sesi tadi, caranya?"))
    assert text.startswith("⭐ Setelah sesi yang Anda ikuti (absen dengan /hadir KODE), bot "
                           "bertanya sekali: tekan 1–5 bintang")
    # Without session check-in the stars go to those who chose the session.
    other = await _other(replace(event, attendance=replace(event.attendance,
                                                           session_checkin=False)), tmp_path)
    try:
        text = first(await other.say("gimana cara kasih rating sesi?"))
        assert text.startswith("⭐ Setelah sesi yang Anda pilih (✅ Hadir)")
        assert "/hadir" not in text
        # ...and there is no session check-in to explain.
        assert "/hadir" not in read(await other.say("gimana cara absen di sesi?"))
    finally:
        await other.stop()


# -- certificates -------------------------------------------------------------------------
async def test_certificate_rule_comes_from_the_data_file_and_the_faq_stays(
        bot: Harness) -> None:
    calls = await bot.say("cara dapat sertifikat gimana min")
    assert len(replies(calls)) == 1
    text = read(calls)
    assert text.startswith(
        "🎓 Setelah acara selesai, kirim /sertifikat: bot mengirim sertifikat (PDF) bila Anda "
        "hadir di meja registrasi setiap hari atau absen di sekurang-kurangnya 70% sesi pleno, "
        "dan sudah mengisi evaluasi acara (/evaluasi).")
    assert "Sertifikat peserta dibagikan panitia saat penutupan" in text  # the FAQ entry
    assert ("◀ Info lain", "faqs") in all_buttons(calls)
    assert "/cek KODE" in read(await bot.say("cara cek keaslian sertifikat gimana?"))


async def test_another_certificate_rule_another_sentence(event: Event, tmp_path: Path) -> None:
    assert event.certificate is not None
    rules = replace(event.certificate, all_days=False, min_plenary_percent=50)
    other = await _other(replace(event, certificate=rules, evaluation=(), faq=()), tmp_path)
    try:
        text = read(await other.say("bagaimana cara memperoleh sertifikat?"))
        assert text.startswith("🎓 Setelah acara selesai, kirim /sertifikat: bot mengirim "
                               "sertifikat (PDF) bila Anda absen di sekurang-kurangnya 50% "
                               "sesi pleno.")
        assert "meja registrasi" not in text and "/evaluasi" not in text
        assert "Acara ini tidak punya evaluasi" not in text
        # No evaluation in the data: none is offered.
        assert "/evaluasi" not in read(await other.say("cara isi evaluasi acara gimana?"))
    finally:
        await other.stop()


async def test_english_answers_name_the_english_commands(bot: Harness) -> None:
    await bot.say("/bahasa en")
    text = read(await bot.say("how do I get my certificate?"))
    assert text.startswith("🎓 After the event, send /certificate: the bot sends your "
                           "certificate (PDF) if you are present at the registration desk "
                           "every day or check in to at least 70% of the plenary sessions, "
                           "and have filled in the event evaluation (/evaluation).")
    assert "/checkin CODE" in read(await bot.say("how do I check in to a session?"))


# -- materials: only when the event has them ------------------------------------------------
async def test_materials_only_when_the_event_has_them(bot: Harness, event: Event,
                                                      tmp_path: Path) -> None:
    question = "di mana saya bisa unduh materi presentasi?"
    text = read(await bot.say(question))
    assert "Apakah materi paparan dibagikan?" in text  # the FAQ, as before
    assert "/materi" not in text  # the shipped event has no materials
    keynote = next(s for s in event.sessions if s.id == "keynote")
    slides = Material(title=keynote.title, url="https://example.org/slides.pdf")
    sessions = tuple(replace(s, materials=(slides,)) if s is keynote else s
                     for s in event.sessions)
    other = await _other(replace(event, sessions=sessions), tmp_path)
    try:
        text = read(await other.say(question))
        assert text.startswith("📎 /materi menampilkan materi sesi begitu dirilis")
        assert "Apakah materi paparan dibagikan?" in text
    finally:
        await other.stop()


# -- the other features, each with its button ----------------------------------------------
@pytest.mark.parametrize(("question", "command", "button"), [
    ("gimana cara daftar jadi peserta?", "/daftar", ("📝 Daftar sekarang", "reg")),
    ("gimana cara konfirmasi kehadiran di sesi?", "/rsvp", ("📅 Jadwal", "days")),
    ("cara lihat agenda saya gimana?", "/agendaku", ("🗓 Agenda saya", "ag")),
    ("bisa masukin jadwal ke kalender hp?", "/agendaku", ("🗓 Agenda saya", "ag")),
    ("gimana cara atur pengingat?", "/pengingat", ("⏰ Pengingat", "pg")),
    ("gimana cara ganti bahasa ke inggris?", "/bahasa", ("🌐 English", "lang:en")),
    ("beta mau iko city tour, karmana daftar?", "/citytour", ("🚌 City tour", "tour")),
    ("bisa tanya langsung ke panitia lewat bot?", "Tanya panitia", ("☎️ Kontak", "cts")),
])
async def test_each_feature_gets_its_command_and_button(
        bot: Harness, question: str, command: str, button: tuple[str, str]) -> None:
    calls = await bot.say(question)
    assert command in first(calls), question
    assert button in all_buttons(calls), question
    assert "belum bisa menjawab" not in read(calls)


async def test_the_button_does_what_the_sentence_says(bot: Harness) -> None:
    calls = await bot.say("gimana cara atur pengingat?")
    assert "10/15/30/60 menit" in first(calls) and "06.30" in first(calls)
    await bot.register()
    # The button opens the same screen as /pengingat (as an edit of the message).
    pressed = [text_of(c) for c in await bot.press("pg") if "text" in c.params]
    command = [text_of(c) for c in await bot.say("/pengingat") if "text" in c.params]
    assert pressed and command and pressed[-1] == command[-1]
    assert "10 menit" in "".join(command) or "15 menit" in "".join(command)


async def test_erasing_data_is_explained_not_done(bot: Harness) -> None:
    calls = await bot.say("gimana cara hapus data saya dari bot?")
    assert first(calls).startswith("🗑 /hapusdata menampilkan data Anda")
    assert not any(data.startswith("fgy") for _, data in all_buttons(calls))


# -- not a how-to question ------------------------------------------------------------------
async def test_other_questions_are_not_taken_over(bot: Harness) -> None:
    text = read(await bot.say("city tour kapasitasnya berapa orang?"))
    assert "Kapasitas 120 orang." in text and "/citytour dan tekan" not in text
    text = read(await bot.say("daftar pembicara dong"))
    assert "Rudiantara" in text and "/daftar" not in text
    text = read(await bot.say("gimana cara ke bandara dari hotel?"))
    assert "Tanya panitia" in text and "/" not in first(await bot.say("gimana cara ke bandara?"))


def test_how_to_words(event: Event) -> None:
    asked = [howto.asked(event, q) for q in (
        "mau tanya, sertifikat dibagikan kapan?",  # a preface, then a question about when
        "How many people can join the city tour?",
        "sertifikat",  # a topic alone asks no way
        "gmn cara dpt sertifkat?",
        "how can I verify a certificate is genuine?",
        "beta mau dapa sertifikat, bagemana?",
    )]
    assert asked == [(), (), (), (Feature.CERTIFICATE,), (Feature.VERIFY,),
                     (Feature.CERTIFICATE,)]


# -- another event: never a feature it lacks ------------------------------------------------
async def test_a_feature_the_event_lacks_is_never_offered(tmp_path: Path) -> None:
    event = load_event(MAKASSAR_FILE)  # no certificate, evaluation, materials, tour or FAQ
    for feature in (Feature.CERTIFICATE, Feature.VERIFY, Feature.EVALUATION,
                    Feature.MATERIALS, Feature.TOUR):
        assert not howto.available(feature, event)
    other = await Harness(event, _during(event), tmp_path / "m.db").start()
    try:
        for question, command in (("cara dapat sertifikat gimana?", "/sertifikat"),
                                  ("cara cek keaslian sertifikat", "/cek"),
                                  ("cara isi evaluasi?", "/evaluasi"),
                                  ("cara unduh materi?", "/materi"),
                                  ("gimana cara daftar city tour?", "/citytour")):
            text = read(await other.say(question))
            assert command not in text, question
        # What it has is explained from its own data.
        assert "/hadir KODE" in read(await other.say("gimana cara absen di sesi?"))
    finally:
        await other.stop()


# -- the dev set ----------------------------------------------------------------------------
async def test_howto_dev_set_gate() -> None:
    """tests/answers_dev_c.jsonl (a dev set: tuned on) stays >= 97% correct, 0 wrong."""
    await assert_dev_set("answers_dev_c", 60, 0.97)


async def test_a_session_named_keeps_its_card_with_the_way_on_top(bot: Harness) -> None:
    calls = await bot.say("cara ikut sesi keynote gimana?")
    assert first(calls).startswith("✅ Untuk mengikuti sesi, buka sesinya di /jadwal")
    assert ("✅ Hadir", "r:keynote") in all_buttons(calls)


async def test_two_features_in_one_question(bot: Harness) -> None:
    calls = await bot.say("gimana cara absen dan dapat sertifikat?")
    assert len(replies(calls)) == 1
    text = read(calls)
    assert "/hadir KODE" in text and "kirim /sertifikat" in text
    assert text.index("/hadir KODE") < text.index("kirim /sertifikat")  # in the order asked
    text = read(await bot.say("cara isi evaluasi dan kasih bintang sesi?"))
    assert "/evaluasi: evaluasi acara" in text and "tekan 1–5 bintang" in text


async def test_a_request_gets_the_screen_that_does_it(bot: Harness) -> None:
    """"tolong ingatkan saya …" asks for the thing, not how: the feature's own screen."""
    await bot.register()
    calls = await bot.say("tolong ingatkan saya 30 menit sebelum sesi")
    assert "Dengan /pengingat Anda mengatur" not in read(calls)
    command = [text_of(c) for c in await bot.say("/pengingat")]
    assert text_of(replies(calls)[-1]) == command[-1]
    # Asked how, the same feature is explained.
    assert "Dengan /pengingat Anda mengatur" in read(await bot.say("gimana cara atur pengingat?"))
