"""Answerable questions the bot used to decline or miss (issue 11, the answer side of dev set
f), through the real Application and the stand-in; dev set f is a gate.

Each test is one general cause: an affixed or chat-spelt general word is general, a speaker
or venue question about a day lists that day, several regions' contacts at once, the
superlative "paling terakhir", "how long is the event", a session's own card before the
event's description.
"""

from __future__ import annotations

from datetime import datetime

from tests.conftest import WITA
from tests.harness import DECLINED, Harness
from tests.test_answers import assert_dev_set, read, replies


async def test_affixed_general_words_do_not_decline(bot: Harness) -> None:
    """'dijadwalkan', 'bertempat', 'ngumpul', 'nyampe': a general word with its affixes (and
    its chat spellings) is still general, so the card that answers is shown."""
    text = read(await bot.say("paparan keynote dijadwalkan pukul berapa?"))
    assert DECLINED not in text and "09.30" in text
    text = read(await bot.say("registrasi ulang dibuka pukul berapa dan bertempat di mana?"))
    assert DECLINED not in text and "07.30" in text and "Kantor Wali Kota Kupang" in text
    text = read(await bot.say("sebelum city tour kita ngumpul dulu jam brp?"))
    assert DECLINED not in text and "07.30" in text
    text = read(await bot.say("jmlh peserta brp sih totalnya"))
    assert "478 peserta" in text


async def test_a_specific_superlative_still_declines(bot: Harness) -> None:
    """'terdekat' is not read as 'dekat': the nearest hospital is not the venue's card."""
    text = read(await bot.say("rumah sakit terdekat dari lokasi seminar apa ya?"))
    assert DECLINED in text and "Kelapa Lima" not in text


async def test_participating_asks_for_the_participants(bot: Harness) -> None:
    await bot.say("/bahasa en")
    text = read(await bot.say("How many member cities of Citynet Indonesia are participating?"))
    assert "478 participants" in text and "24 " in text
    text = read(await bot.say("how many local governments from NTT are taking part?"))
    assert "22 " in text
    text = read(await bot.say("How long is the event?"))
    assert text.startswith("The event runs 3 days")


async def test_speakers_and_venues_of_a_day_not_everyone(bot: Harness) -> None:
    """'besok siapa aja pembicaranya?' lists that day's speakers; a part of the day narrows
    it; 'where will tomorrow's sessions be?' names that day's places only."""
    bot.clock.set(datetime(2019, 10, 15, 10, 0, tzinfo=WITA))
    text = read(await bot.say("besok siapa aja pembicaranya?"))
    assert "Rudiantara" in text and "Azwar Anas" in text and "Keesei" not in text
    text = read(await bot.say("narsum hr kedua sapa aja"))
    assert "Keesei Lee" in text and "Rudiantara" not in text
    await bot.say("/bahasa en")
    text = read(await bot.say("Who's speaking on Wednesday afternoon?"))
    assert "Azwar Anas" in text and "Rudiantara" not in text and "Keesei" not in text
    bot.clock.set(datetime(2019, 10, 16, 18, 0, tzinfo=WITA))
    text = read(await bot.say("Where will tomorrow's sessions be?"))
    assert "Kantor Wali Kota Kupang" in text and "Suba Suka" not in text


async def test_contacts_of_two_regions_and_chat_spellings(bot: Harness) -> None:
    text = read(await bot.say("kontak panitia sidoarjo sama banyuwangi dong"))
    assert "sidoarjo.citynet@" in text and "banyuwangi.citynet@" in text
    text = read(await bot.say("boleh minta kontak panitianya?"))
    assert "registrasi.citynet@" in text and DECLINED not in text
    text = read(await bot.say("kntk panitia tuan rumah brp"))
    assert "citynet.kupang@" in text
    text = read(await bot.say(
        "Kami mohon informasi kontak Sekretariat Citynet Indonesia (nomor telepon dan alamat "
        "email)."))
    assert "sekretariat@citynet-indonesia" in text


async def test_last_item_and_a_sessions_own_card(bot: Harness) -> None:
    text = read(await bot.say("acara paling terakhir di seminar ini apa dan jam berapa?"))
    assert text.startswith("Penutupan — Jumat, 18 Oktober 2019, 11.15")
    calls = replies(await bot.say("sosialisasi program citynet hari apa?"))
    assert "Kamis, 17 Oktober 2019" in read(calls) and "Sumber:" not in read(calls)


async def test_relations_pointing_back_and_the_next_item(bot: Harness) -> None:
    """"X, sebelumnya ada apa?" is before X; "next speaker siapa?" after the item named."""
    bot.clock.set(datetime(2019, 10, 16, 20, 0, tzinfo=WITA))
    text = read(await bot.say("sesi luar negeri besok, sebelumnya ada apa?"))
    assert text.startswith("Sebelum Best Practice Luar Negeri (10.30–12.00): Rehat kopi")
    bot.clock.set(datetime(2019, 10, 17, 10, 20, tzinfo=WITA))
    text = read(await bot.say("coffee break udah mau abis, next speaker siapa?"))
    assert "Setelah Rehat kopi (10.00–10.30): Best Practice Luar Negeri" in text
    assert "Prof. Keesei Lee" in text
    text = read(await bot.say("bupati banyuwangi su omong ko? abis dia sapa lai?"))
    assert "): Jumpa pers — Rabu, 16 Oktober 2019, 15.30" in text


async def test_a_list_of_speakers_and_which_sessions(bot: Harness) -> None:
    text = read(await bot.say("daftar semua narasumber seminar ini"))
    assert text.startswith("🎤 Pembicara") and "Daftar sekarang" not in text
    text = read(await bot.say("Saiful Ilah tampil di sesi mana aja?"))
    assert "Pembukaan" in text and "Sosialisasi Program Citynet Indonesia" in text
    assert "Jumpa pers" in text


async def test_how_to_questions_asked_as_when_or_how_much(bot: Harness) -> None:
    """The feature's line answers when it says when (the evaluation) or the rule asked
    (the certificate's percentage); attendance "tercatat" is the check-in."""
    text = read(await bot.say("evaluasi acara diisinya kapan?"))
    assert "/evaluasi: evaluasi acara, dibuka saat penutupan" in text
    text = read(await bot.say("Harus hadir berapa persen sesi biar dapat sertifikat?"))
    assert "70% sesi pleno" in text and DECLINED not in text
    text = read(await bot.say("Gimana caranya supaya kehadiran saya tercatat tiap hari?"))
    assert "/kartu" in text and DECLINED not in text
    text = read(await bot.say("kak, klo mau sholat dzuhur dmn ya"))
    assert "Mushola" in text and DECLINED not in text


async def test_answer_dev_set_f_gate() -> None:
    """tests/answers_dev_f.jsonl (written blind, tuned on by its answer and decline sides)
    stays at the level reached (81.8% first run, 96.9% after its misses were fixed, 99.3%
    after batch e's causes), 0 wrong. (It was also gated in test_declines.py with the same
    bounds: one run is enough.)"""
    await assert_dev_set("answers_dev_f", 400, 0.98)
