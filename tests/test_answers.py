"""Answers to typed questions, as the delegate reads them (issue 11, part B).

Through the real Application and the stand-in: the generated sentence that answers first,
the whole message read (greetings set aside, every question answered, "after X"), typos
towards the event's own words, a question back for an unreadable day word, passages quoted
with their source, and the honest decline. The dev set tests/answers_dev.jsonl is a gate.
"""

from __future__ import annotations

import importlib.util
import sys
import time
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from types import ModuleType

import pytest

from bot.loader import load_event
from bot.model import Event
from bot.offline.protocol import ApiCall
from tests.conftest import KEYNOTE_TIME, WITA
from tests.harness import Harness, buttons, text_of

ROOT = Path(__file__).resolve().parent.parent


def replies(calls: list[ApiCall]) -> list[ApiCall]:
    return [c for c in calls if c.method == "sendMessage"]


def read(calls: list[ApiCall]) -> str:
    """Everything the delegate reads: texts and button labels."""
    parts = []
    for call in replies(calls):
        parts.append(text_of(call))
        parts += [label for label, _ in buttons(call)]
    return "\n".join(parts)


async def read_en(bot: Harness, question: str) -> str:
    """What the delegate reads in English (the language switched, then back)."""
    await bot.say("/bahasa en")
    text = read(await bot.say(question))
    await bot.say("/bahasa id")
    return text


async def first_line(bot: Harness, question: str) -> str:
    calls = replies(await bot.say(question))
    assert calls, question
    return text_of(calls[0]).split("\n", 1)[0]


# -- answer first --------------------------------------------------------------------------
async def test_when_and_how_long_answered_in_one_sentence(bot: Harness) -> None:
    expected = ("Acara ini berlangsung 3 hari, Rabu–Jumat, 16–18 Oktober 2019, "
                "di Kota Kupang, Nusa Tenggara Timur.")
    assert await first_line(bot, "kapan seminarnya?") == expected
    assert await first_line(bot, "seminar berlangsung berapa hari?") == expected
    assert await first_line(bot, "bosong pung acara ni brapa hari?") == expected


async def test_participants_and_who_opens(bot: Harness) -> None:
    assert await first_line(bot, "berapa peserta yang hadir?") == (
        "Acara ini dihadiri 478 peserta: 24 kota/kabupaten anggota Citynet Indonesia, 18 kota "
        "yang dipilih Kementerian Kominfo RI sebagai daerah pengembangan smart city, 22 "
        "pemerintah daerah se-Provinsi Nusa Tenggara Timur, dan Camat dan lurah se-Kota Kupang.")
    line = await first_line(bot, "siapa yang membuka seminar?")
    assert line.startswith("Pembukaan: sambutan Wali Kota Kupang")
    assert "oleh Jefirstson R. Riwu Kore dan H. Saiful Ilah" in line


async def test_facts_come_from_the_event_model(event: Event, tmp_path: Path) -> None:
    """Nothing in the sentence is written for one seminar: another event, other facts."""
    other = replace(event, city="Kota Bogor, Jawa Barat", participants=120, participant_groups=(),
                    start_date=date(2019, 10, 16), end_date=date(2019, 10, 17))
    bot = await Harness(other, KEYNOTE_TIME, tmp_path / "db").start()
    try:
        assert await first_line(bot, "kapan seminarnya?") == (
            "Acara ini berlangsung 2 hari, Rabu–Kamis, 16–17 Oktober 2019, "
            "di Kota Bogor, Jawa Barat.")
        assert await first_line(bot, "jumlah peserta berapa?") == "Acara ini dihadiri 120 peserta."
    finally:
        await bot.stop()


async def test_english_fact_sentence(bot: Harness) -> None:
    await bot.say("/bahasa en")
    assert await first_line(bot, "How many days does the event last?") == (
        "The event runs 3 days, Wednesday–Friday, 16–18 October 2019, "
        "in Kota Kupang, Nusa Tenggara Timur.")


async def test_tour_capacity_stops_and_end(bot: Harness) -> None:
    text = read(await bot.say("city tour kapasitasnya berapa orang?"))
    assert "Kapasitas 120 orang." in text
    assert "selesai 11.00 WITA" in read(await bot.say("city tour selesai jam berapa?"))
    text = read(await bot.say("city tour singgah di mana saja?"))
    assert ("Singgah di Taman Nostalgia Kota Kupang (08.20), Sentra Tenun Ikat Kota Kupang "
            "(09.10), dan Pantai Lasiana (10.00).") in text


# -- the whole message ---------------------------------------------------------------------
async def test_formal_letter_gets_the_answer_not_the_welcome(bot: Harness) -> None:
    calls = await bot.say(
        "Selamat sore Bapak/Ibu panitia, mohon maaf mengganggu. Saya ingin menanyakan apakah "
        "peserta akan mendapatkan sertifikat? Terima kasih.")
    text = read(calls)
    assert "Sertifikat peserta dibagikan panitia saat penutupan" in text
    assert "Sama-sama" not in text and "Yang bisa saya bantu" not in text
    assert len(replies(calls)) == 1


async def test_two_questions_in_one_reply(bot: Harness) -> None:
    calls = await bot.say("Berapa jumlah peserta dan siapa yang membuka acara?")
    assert len(replies(calls)) == 1
    text = read(calls)
    assert "Acara ini dihadiri 478 peserta: 24 kota" in text and "Riwu Kore" in text
    text = read(await bot.say("dress code apa? dan mushola ada di mana?"))
    assert "batik" in text and "Mushola ada di lingkungan" in text


async def test_answers_on_top_of_a_long_card_stay_within_telegrams_limit(bot: Harness) -> None:
    calls = await bot.say("kapan seminarnya? berapa pesertanya? siapa tuan rumahnya? apa temanya?")
    sent = replies(calls)
    assert len(sent) == 1
    text = sent[0].params["text"]
    assert len(text) <= 4096
    assert text.startswith("Acara ini berlangsung 3 hari")
    assert "Tuan rumah: Pemerintah Kota Kupang." in text


async def test_after_and_before_an_item(bot: Harness) -> None:
    calls = await bot.say("setelah makan siang ada apa?")
    text = read(calls)
    assert text.startswith("Setelah Ishoma (istirahat, sholat, makan) (12.00–13.00): "
                           "Sharing Best Practice Kabupaten Banyuwangi")
    # The card of the item after lunch, with its Hadir button: not lunch itself.
    assert ("✅ Hadir", "r:bp-banyuwangi") in buttons(replies(calls)[-1])
    assert "Sebelum Keynote" in read(await bot.say("sebelum keynote ada acara apa?"))
    assert "Penutupan" in await first_line(bot, "abis city tour ada apa lagi?")


async def test_one_keyword_does_not_beat_the_sentence(bot: Harness) -> None:
    text = read(await bot.say("daftar pembicara dong"))
    assert "Rudiantara" in text and "daftar dulu" not in text
    assert "Mushola ada di lingkungan" in read(await bot.say("dmn tmpt sholat min"))


async def test_typos_reach_the_events_own_words(bot: Harness) -> None:
    assert "Pantai Lasiana: pukul 10.00." in read(await bot.say("pantai lasiyana jam berapa"))
    assert "Sertifikat peserta" in read(await bot.say("sertifkat ada?"))
    assert "Mushola" in read(await bot.say("dimana mushala"))


async def test_misspelt_day_word_is_read_aloud_or_asked_never_silent(bot: Harness) -> None:
    # Only "besok" is one edit away: read, and the answer says how it was read.
    text = read(await bot.say("bseok ada acara apa?"))
    assert text.startswith("(“bseok” saya baca “besok”.)")
    assert "Kamis, 17 Oktober 2019" in text and "Keynote" not in text
    # "kamis" and the ordinary "kami" are as close: ask, with the days as buttons.
    calls = await bot.say("kamsi ada acara apa?")
    text = read(calls)
    assert "“kamsi”" in text and "“kamis”" in text
    assert "Keynote" not in text and "Semarang" not in text
    assert ("Hari 2 · Kam, 17 Okt", "day:2019-10-17") in buttons(replies(calls)[0])
    # The slang spellings stay plain answers.
    assert "Kamis, 17 Oktober 2019" in read(await bot.say("jadwal bsok"))
    assert "saya baca" not in read(await bot.say("jadwal bsok"))


# -- every question of a message (issue 11, part A) -------------------------------------------
async def test_every_question_of_a_message_is_answered(bot: Harness) -> None:
    calls = await bot.say("brp hari seminarnya, sapa yg buka?")
    assert len(replies(calls)) == 1
    text = read(calls)
    assert text.startswith("Acara ini berlangsung 3 hari") and "Riwu Kore" in text
    # A preface asks nothing; three questions on three lines, all answered.
    text = read(await bot.say("Mohon info:\nkapan registrasi?\ndi mana tempat sholat?\n"
                              "ada wifi?"))
    assert "Registrasi peserta — Rabu, 16 Oktober 2019, 07.30–08.30 WITA" in text
    assert "Mushola ada di lingkungan" in text and "Ada Wi-Fi" in text
    assert "belum bisa menjawab" not in text
    # A later question under a contact card is answered, not dropped.
    text = read(await bot.say("Kontak Banyuwangi berapa? Bupatinya tadi bicara jam berapa?"))
    assert "+62 812-0000-0104" in text
    assert "Sharing Best Practice Kabupaten Banyuwangi" in text and "13.00–14.30" in text
    await bot.say("/bahasa en")
    text = read(await bot.say("When is the closing, and is there a certificate?"))
    assert "Closing — Friday, 18 October 2019, 11:15–11:45" in text
    assert "Participant certificates are handed out" in text


@pytest.mark.parametrize("question", [
    "sesi strategi pembiayaan infrastruktur dan reformasi administrasi jam berapa?",
    "Sharing best practice semarang, strategi pembiayaan infrastruktur, jam berapa?",
])
async def test_a_title_with_dan_or_commas_stays_one_question(bot: Harness, question: str
                                                             ) -> None:
    calls = replies(await bot.say(question))
    assert len(calls) == 1
    assert text_of(calls[0]).startswith(
        "Sharing Best Practice Kota Semarang: strategi pembiayaan infrastruktur dan reformasi "
        "administrasi — Kamis, 17 Oktober 2019, 08.30–10.00 WITA")


async def test_after_that_refers_to_the_item_named_before(bot: Harness) -> None:
    text = read(await bot.say("Sesi Prof Lee jam berapa? Dan sesudahnya ada apa?"))
    assert "Best Practice Luar Negeri — Kamis, 17 Oktober 2019, 10.30–12.00" in text
    assert "Setelah Best Practice Luar Negeri (10.30–12.00): Ishoma" in text
    text = read(await bot.say("city tour selesai jam berapa dan habis itu apa?"))
    assert "selesai 11.00 WITA (3 jam)" in text
    assert "Setelah City Tour Kota Kupang (08.00–11.00): Penutupan" in text
    assert "Setelah City Tour Kota Kupang (08.00–11.00): Penutupan" in read(
        await bot.say("city tour selesai jam brapa, terus?"))
    # One day asked about twice: its start and its end.
    text = read(await bot.say("besok jam brapa mulai, trus kelar jam brapa?"))
    assert "Acara Kamis, 17 Oktober 2019 dimulai pukul 08.30 WITA" in text
    assert "Acara Kamis, 17 Oktober 2019 selesai pukul 15.00 WITA" in text
    await bot.say("/bahasa en")
    assert "After Kupang City Tour (08:00–11:00): Closing" in read(
        await bot.say("the tour ends when and then?"))
    # "who speaks?" after "what is after X?" is about the item after X, said once.
    calls = replies(await bot.say("what is after the coffee break and who speaks?"))
    assert text_of(calls[0]).split("\n")[0] == (
        "After Coffee break (10:00–10:30): International Best Practice — Thursday, 17 October "
        "2019, 10:30–12:00 WITA, at Kantor Wali Kota Kupang; by Prof. Keesei Lee.")
    assert text_of(calls[0]).split("\n")[1] == ""


async def test_after_and_before_a_part_of_the_day(bot: Harness) -> None:
    text = read(await bot.say("abis siang ini ada apa?"))
    assert text.startswith("📅 Rabu, 16 Oktober 2019, sore") and "Jumpa pers" in text
    text = read(await bot.say("sebelum sore ada acara apa?"))
    assert text.startswith("📅 Rabu, 16 Oktober 2019, siang") and "Banyuwangi" in text
    assert "Jumpa pers" not in text
    # "setelah makan siang" is after the lunch break, not after "siang".
    assert read(await bot.say("setelah makan siang ada apa?")).startswith("Setelah Ishoma")


# -- the specific detail asked -------------------------------------------------------------
async def test_the_rest_of_today_not_the_whole_day(bot: Harness) -> None:
    # 10.00 on the first day: the keynote is on, the registration and opening are over.
    for question in ("masih ada acara apa lagi hari ini?", "sebentar masih ada acara ka sonde?"):
        text = read(await bot.say(question))
        assert text.startswith("📅 Rabu, 16 Oktober 2019 — acara yang masih ada setelah pukul "
                               "10.00:")
        assert "Keynote" in text and "Jumpa pers" in text
        assert "Registrasi peserta" not in text and "Pembukaan" not in text
    # In a part of the day: what is left of it.
    text = read(await bot.say("sore ini masih ada acara?"))
    assert "Jumpa pers" in text and "Keynote" not in text
    # Nothing left: said, with what comes next.
    bot.clock.set(datetime(2019, 10, 16, 17, 0, tzinfo=WITA))
    text = read(await bot.say("masih ada acara lagi gak hari ini?"))
    assert text.startswith("Acara Rabu, 16 Oktober 2019 sudah selesai; tidak ada acara lagi "
                           "hari ini.")
    assert "Berikutnya:" in text and "Sharing Best Practice Kota Semarang" in text
    assert "Keynote" not in text


async def test_the_full_programme_of_every_day(bot: Harness) -> None:
    for question in ("jadwal lengkap semua hari dong",
                     "susunan acara lengkap dari hari pertama sampai terakhir"):
        calls = replies(await bot.say(question))
        assert len(calls) == 1
        text = text_of(calls[0])
        assert text.startswith("📅 Jadwal lengkap Seminar dan Sharing Best Practice")
        for day in ("Hari 1 · Rabu, 16 Oktober 2019", "Hari 2 · Kamis, 17 Oktober 2019",
                    "Hari 3 · Jumat, 18 Oktober 2019"):
            assert day in text
        assert "Keynote" in text and "Sosialisasi" in text and "Penutupan" in text


async def test_when_a_day_starts_and_ends_and_its_last_item(bot: Harness) -> None:
    assert await first_line(bot, "hari ini selesai jam berapa?") == (
        "Acara Rabu, 16 Oktober 2019 selesai pukul 16.30 WITA, dengan Jumpa pers (15.30–16.30) "
        "sebagai acara terakhir.")
    assert await first_line(bot, "acara bubar jam brapa hari ini?") == await first_line(
        bot, "hari ini kelar jam berapa?")
    calls = replies(await bot.say("besok mulai jam berapa?"))
    assert text_of(calls[0]).startswith(
        "Acara Kamis, 17 Oktober 2019 dimulai pukul 08.30 WITA dengan Sharing Best Practice "
        "Kota Semarang")
    # The first item's card, with its Hadir button: not the whole day.
    assert ("✅ Hadir", "r:bp-semarang") in buttons(calls[-1])
    assert "Rehat kopi" not in read(calls)
    assert await first_line(bot, "jumat mulai jam brapa?") == (
        "Acara Jumat, 18 Oktober 2019 dimulai pukul 08.00 WITA dengan City Tour Kota Kupang "
        "(kumpul pukul 07.30).")
    line = await first_line(bot, "acara terakhir hari ini apa?")
    assert line.startswith("Acara terakhir Rabu, 16 Oktober 2019: Jumpa pers — ")
    # The last item's speakers; when the day ends, however it is said.
    line = await first_line(bot, "pembicara sesi terakhir hari ini sapa?")
    assert line.endswith("oleh H. Saiful Ilah dan Jefirstson R. Riwu Kore.")
    for question in ("jam brapa katong pulang hari ini?", "hari ini acara sampai jam berapa?"):
        assert (await first_line(bot, question)).startswith(
            "Acara Rabu, 16 Oktober 2019 selesai pukul 16.30 WITA")
    # "the last day" is a day, not the last item.
    assert "Acara terakhir" not in read(await bot.say("jadwal hari terakhir"))
    await bot.say("/bahasa en")
    assert await first_line(bot, "when does day 2 end?") == (
        "The programme on Thursday, 17 October 2019 ends at 15:00 WITA; the last item is "
        "Introduction to Citynet Indonesia's programmes (13:00–15:00).")


async def test_how_long_and_where_exactly(bot: Harness) -> None:
    assert "selesai 11.00 WITA (3 jam)" in read(await bot.say("city tour lamanya brp jam?"))
    text = read(await bot.say("keynote berapa lama?"))
    assert text.split("\n")[1] == "Lamanya 1 jam 30 menit."
    assert "Lamanya" not in read(await bot.say("keynote jam berapa?"))
    # The session's own text says where exactly: the lobby.
    text = read(await bot.say("beta su di balai kota, registrasi di mana ko?"))
    assert "Pendaftaran ulang peserta dan pengambilan tanda pengenal di lobi" in text
    # The gathering time of the day asked for.
    bot.clock.set(datetime(2019, 10, 17, 16, 0, tzinfo=WITA))
    text = read(await bot.say("besok kumpul jam berapa?"))
    assert "kumpul pukul 07.30 di Kantor Wali Kota Kupang" in text
    assert "Penutupan" not in text


# -- after / before a tour stop, the tour, a meal --------------------------------------------
async def test_after_and_before_a_tour_stop(bot: Harness) -> None:
    assert await first_line(bot, "abis tenun ikat mampir mana lagi?") == (
        "Setelah Sentra Tenun Ikat Kota Kupang (09.10): Pantai Lasiana, pukul 10.00.")
    assert await first_line(bot, "abis dari taman nostalgia ke mana?") == (
        "Setelah Taman Nostalgia Kota Kupang (08.20): Sentra Tenun Ikat Kota Kupang, pukul 09.10.")
    assert await first_line(bot, "sebelum taman nostalgia ngapain?") == (
        "Sebelum Taman Nostalgia Kota Kupang (08.20): City Tour Kota Kupang berangkat pukul "
        "08.00; kumpul pukul 07.30 di Kantor Wali Kota Kupang.")
    text = read(await bot.say("abis pantai lasiana ke mana?"))
    assert text.startswith("Pantai Lasiana (10.00) adalah persinggahan terakhir: City Tour Kota "
                           "Kupang selesai pukul 11.00 WITA, kembali ke Kantor Wali Kota Kupang.")
    assert "Setelah itu: Penutupan — Jumat, 18 Oktober 2019, 11.15–11.45" in text
    # "Kupang Malay: the tour's end, then what follows the whole tour.
    text = read(await bot.say("city tour su habis ko? abis tu apa lai?"))
    assert "Setelah City Tour Kota Kupang (08.00–11.00): Penutupan" in text


async def test_kupang_malay_after_a_meal_and_abis_as_ends(bot: Harness) -> None:
    # "abis makan" is after lunch although "makan" alone names no item.
    assert (await first_line(bot, "abis makan ni, katong ada acara apa lai?")).startswith(
        "Setelah Ishoma (istirahat, sholat, makan) (12.00–13.00): Sharing Best Practice "
        "Kabupaten Banyuwangi")
    # "sesi … abis jam brapa?" asks when it ends, not what comes after it.
    line = await first_line(bot, "sesi prof lee abis jam brapa?")
    assert line.startswith("Best Practice Luar Negeri — Kamis, 17 Oktober 2019, 10.30–12.00")


async def test_detail_answers_work_for_another_event(tmp_path: Path) -> None:
    """Generated from the event model: the second example event gets its own answers."""
    event = load_event(ROOT / "data" / "examples" / "rakor-makassar.toml")
    first = event.sessions_on(event.start_date)
    bot = await Harness(event, first[0].start, tmp_path / "db").start()
    try:
        line = await first_line(bot, "hari ini selesai jam berapa?")
        last = max(first, key=lambda s: s.end)
        assert line.startswith("Acara ")
        assert f"selesai pukul {event.local(last.end).strftime('%H.%M')} WITA" in line
        assert last.title.id in line
        text = read(await bot.say("jadwal lengkap semua hari"))
        assert all(s.title.id in text for s in event.sessions)
    finally:
        await bot.stop()


# -- the card of a session reached by typing -----------------------------------------------
async def test_typed_session_card_is_the_schedule_card(bot: Harness) -> None:
    await bot.register()
    await bot.press("r:keynote")
    calls = await bot.say("keynote jam berapa?")
    card = replies(calls)[-1]
    assert "✅ Anda terdaftar hadir." in text_of(card)
    assert text_of(card).startswith("Keynote: Strategi Pengembangan Smart City — Rabu")
    data = [d for _, d in buttons(card)]
    assert "rx:keynote" in data and "ics:keynote" in data


# -- passages and declines -----------------------------------------------------------------
async def test_background_fact_quoted_with_its_source(bot: Harness) -> None:
    text = read(await bot.say("sejak kapan sidoarjo jadi anggota citynet?"))
    assert "Kabupaten Sidoarjo menjadi anggota Citynet sejak 2009" in text
    assert "Sumber: H. Saiful Ilah" in text
    text = read(await bot.say("berapa kota anggota citynet indonesia?"))
    assert "24 kota/kabupaten anggota Citynet Indonesia" in text
    assert "Sumber: Peserta acara" in text


@pytest.mark.parametrize("question", [
    "parkir mobil di mana ya?",
    "berapa honorarium narasumber?",
    "uang harian peserta berapa?",
    "hotel yang dekat lokasi apa ya?",
    "ada dokter jaga di lokasi?",
    "siapa moderator sesi keynote?",
    "ada penerjemah untuk sesi prof lee?",
    "sekarang saya di bandara, ke lokasi naik apa?",
])
async def test_out_of_scope_is_declined_honestly(bot: Harness, question: str) -> None:
    calls = await bot.say(question)
    assert len(replies(calls)) == 1
    text = read(calls)
    assert text.startswith("Maaf, saya belum bisa menjawab")
    assert "jawabannya tidak ada dalam data saya" in text
    assert "Rp" not in text and "Rudiantara" not in text and "478" not in text
    assert "Keesei Lee" not in text and "Sedang berlangsung" not in text


async def test_a_declined_part_of_a_message_offers_tanya_panitia(bot: Harness) -> None:
    """The part the data does not answer is declined on its own, with the hand-off button;
    the part it answers is answered."""
    calls = replies(await bot.say("Berapa jumlah peserta? Berapa honorarium narasumber?"))
    assert len(calls) == 2
    assert "478 peserta" in text_of(calls[0])
    assert "Tanya panitia" not in [label for label, _ in buttons(calls[0])]
    declined = calls[1]
    assert text_of(declined).startswith(
        "Maaf, saya belum bisa menjawab “Berapa honorarium narasumber”: jawabannya tidak ada")
    assert buttons(declined)[0][0] == "🙋 Tanya panitia"
    assert buttons(declined)[0][1].startswith("qa:")


async def test_a_decline_in_a_group_leads_to_the_private_chat(bot: Harness) -> None:
    group = bot.updates.group_chat_id
    calls = replies(await bot.say("@citynet_bot berapa honorarium narasumber?",
                                  chat_type="supergroup", chat_id=group))
    assert len(calls) == 1
    assert "jawabannya tidak ada dalam data saya" in text_of(calls[0])
    label, url = buttons(calls[0])[0]
    assert label == "🙋 Tanya panitia (chat pribadi)"
    assert url.startswith("https://t.me/citynet_bot?start=tanya_")


# -- the dev set -----------------------------------------------------------------------------
def _bench() -> ModuleType:
    if "bench_answers" in sys.modules:
        return sys.modules["bench_answers"]
    spec = importlib.util.spec_from_file_location(
        "bench_answers", ROOT / "bench" / "bench_answers.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_answers"] = module
    spec.loader.exec_module(module)
    return module


async def assert_dev_set(name: str, min_rows: int, floor: float) -> None:
    """A dev set's gate: at least `min_rows` questions graded, 0 wrong facts, and at least
    `floor` of them correct (tests/<name>.jsonl, through bench/bench_answers.py)."""
    totals = await _bench().run([ROOT / "tests" / f"{name}.jsonl"], set())
    counts = totals[f"{name} all"]
    n = sum(counts.values())
    assert n >= min_rows
    assert counts["wrong"] == 0, counts
    assert counts["correct"] / n >= floor, counts


async def test_answer_dev_set_gate() -> None:
    """tests/answers_dev.jsonl (a dev set: tuned on) stays >= 97% correct, 0 wrong."""
    await assert_dev_set("answers_dev", 180, 0.97)


async def test_answer_dev_set_a_gate() -> None:
    """tests/answers_dev_a.jsonl (a dev set of part A: every question of a message, the
    specific detail asked; tuned on) stays >= 97% correct, 0 wrong."""
    await assert_dev_set("answers_dev_a", 100, 0.97)


def test_understanding_plus_answer_p99_under_5ms(event: Event) -> None:
    """understand_all() and the answer's plan, per message, over the nlu_eval questions."""
    spec = importlib.util.spec_from_file_location(
        "bench_understanding", ROOT / "bench" / "bench_understanding.py")
    assert spec is not None and spec.loader is not None
    module = sys.modules.get("bench_understanding") or importlib.util.module_from_spec(spec)
    if "bench_understanding" not in sys.modules:
        sys.modules["bench_understanding"] = module
        spec.loader.exec_module(module)
    # The thread's CPU time: the gate is about what the code costs, and wall time on a
    # machine shared with other jobs failed it now and then with the code unchanged.
    samples = sorted(module.latency_answer_us(event, module.load_rows(), rounds=3,
                                              timer=time.thread_time_ns))
    p99 = samples[int(0.99 * len(samples))] / 1000
    assert p99 < 5.0, f"p99 {p99:.2f} ms"


def test_the_grader_reads_a_quoted_question_as_an_echo_not_a_fact() -> None:
    """bench_answers: the question quoted back by a decline, whole, in part or as several
    parts joined by "; ", is not a fact the reply states; anything else quoted is."""
    bench = _bench()
    row = bench.Row("x", "id", "out_of_scope", datetime(2019, 10, 16, tzinfo=WITA),
                    "uang transport lokal diganti ga min? brp?", "decline", [], ["rp"])
    decline = "Maaf, saya belum bisa menjawab “{}”: jawabannya tidak ada dalam data saya."
    for quoted in ("uang transport lokal diganti ga min? brp?", "uang transport lokal diganti "
                   "ga min; brp", "uang transport lokal…"):
        assert bench.grade(row, decline.format(quoted)) == "correct", quoted
    assert bench.grade(row, decline.format("transport; Rp 50.000")) == "wrong"
