"""Issue 11, part B: every miss is an honest decline with the Tanya panitia button.

Through the real Application and the stand-in: a card that would match only a generic word
of the question (the tour for "may my wife join the tour?", the venue for "an ATM near the
city hall?") gives way to the one decline; a question the card does cover is still
answered; a contact the data cannot give (a private number, a region without one) is
declined rather than answered with other people's numbers; a message too long to read ends
with the button too. The dev set tests/answers_dev_b.jsonl is a gate.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.features.questions import MAX_QUESTION
from bot.loader import load_event
from bot.offline.protocol import ApiCall
from tests.harness import Harness, buttons, text_of
from tests.test_answers import assert_dev_set, read, replies
from tests.test_events import MAKASSAR_FILE, _during

ASK = "🙋 Tanya panitia"
DECLINED = "Maaf, saya belum bisa menjawab"


async def declined_with_button(bot: Harness, question: str) -> ApiCall:
    """The one reply to `question`: the decline, with Tanya panitia as its first button."""
    calls = replies(await bot.say(question))
    assert len(calls) == 1, [text_of(c) for c in calls]
    assert text_of(calls[0]).startswith(DECLINED), text_of(calls[0])
    assert buttons(calls[0])[0][0] == ASK
    return calls[0]


@pytest.mark.parametrize(("question", "not_shown"), [
    ("boleh bawa istri ikut city tour?", "Kumpul"),  # the tour card
    ("boleh ajak suami ikut city tour?", "Kumpul"),
    ("ada ATM dekat kantor wali kota?", "Jl. S.K. Lerik"),  # the venue card
    ("parkiran mobil dinas di balai kota ada ko?", "Jl. S.K. Lerik"),
    ("visa untuk prof lee diurus siapa?", "Seoul"),  # the speaker card
    ("Wali Kota Kupang umurnya berapa?", "Pembukaan"),  # a session card
    ("bisa bawa keluarga ke acara penutupan?", "11.15"),
    ("ruang laktasi ada di balai kota?", "Jl. S.K. Lerik"),
])
async def test_a_card_about_a_generic_word_gives_way_to_the_decline(
        bot: Harness, question: str, not_shown: str) -> None:
    message = await declined_with_button(bot, question)
    assert not_shown not in text_of(message)


async def test_in_english_the_decline_is_the_same(bot: Harness) -> None:
    await bot.say("/language en")
    for question, not_shown in (("How much is the per diem for participants?", "478"),
                                ("Can my husband join the city tour?", "Gather"),
                                ("Where is the nearest ATM to the venue?", "Jl. S.K. Lerik")):
        calls = replies(await bot.say(question))
        assert len(calls) == 1, question
        assert text_of(calls[0]).startswith("Sorry, I can't answer"), text_of(calls[0])
        assert not_shown not in text_of(calls[0])
        assert buttons(calls[0])[0][0] == "🙋 Ask the organizers"


@pytest.mark.parametrize(("question", "answer"), [
    ("boleh bawa payung ke city tour?", "payung"),  # the tour's list of what to bring
    ("penduduk kota kupang berapa?", "550"),  # the mayor's bio
    ("Prof Lee dari universitas mana?", "Seoul"),
    ("kapasitas bus city tour berapa?", "40"),
    ("Where do I pick up my badge?", "lobi"),
    ("materi keynote bisa didownload?", "materi paparan"),  # general words, not a subject
    ("Is lunch provided?", "Ishoma"),
    ("How long is the city tour?", "11.00"),
])
async def test_a_question_the_card_covers_is_still_answered(
        bot: Harness, question: str, answer: str) -> None:
    text = read(await bot.say(question))
    assert answer in text and DECLINED not in text and ASK not in text


async def test_one_part_answered_the_other_declined(bot: Harness) -> None:
    *answered, declined = replies(await bot.say("City tour kumpul jam berapa? Boleh bawa istri?"))
    assert "07.30" in text_of(answered[0])
    assert all(ASK not in [label for label, _ in buttons(c)] for c in answered)
    assert text_of(declined).startswith(f"{DECLINED} “Boleh bawa istri”")
    assert buttons(declined)[0][0] == ASK


async def test_a_question_after_another_is_not_dropped(bot: Harness) -> None:
    """"Is there an ATM nearby?" names nothing of the programme: it is declined on its
    own, not read as a question about the opening before it, nor dropped."""
    await bot.say("/language en")
    *answered, declined = replies(
        await bot.say("Where is the opening held? Is there an ATM nearby?"))
    assert answered and "Kantor Wali Kota Kupang" in text_of(answered[0])
    assert text_of(declined).startswith("Sorry, I can't answer “Is there an ATM nearby”")


async def test_a_greeting_does_not_take_over_an_unknown_question(bot: Harness) -> None:
    message = await declined_with_button(
        bot, "Selamat siang, bolehkah peserta membawa ajudan ke ruang seminar? Terima kasih.")
    assert "Halo" not in text_of(message)


@pytest.mark.parametrize("question", [
    "minta no hp pribadi pak wali kota",
    "nomor wa pak rudiantara ada?",
    "alamat email prof lee?",
    "kontak pemkab ende ada?",  # a region without a contact of its own
    "kontak delegasi Kota Malang",  # a city the data does not know
    "no rekening panitia utk transfer kontribusi?",
    "Could I have the minister's personal mobile number?",
])
async def test_a_contact_the_data_cannot_give_is_declined(bot: Harness, question: str) -> None:
    calls = replies(await bot.say(question))
    assert len(calls) == 1, question
    assert "+62" not in text_of(calls[0]) and "@" not in text_of(calls[0]), question
    assert buttons(calls[0])[0][0] in (ASK, "🙋 Ask the organizers"), question
    assert not any(d.startswith(("card:", "cr:")) for _, d in buttons(calls[0])), question


@pytest.mark.parametrize(("question", "answer"), [
    ("alamat email sekretariat citynet indonesia?", "sekretariat@citynet-indonesia"),
    ("Dengan hormat, bolehkah saya meminta nomor kontak Sekretariat Citynet Indonesia? "
     "Terima kasih banyak.", "+62 812-0000-0100"),
    ("Can I get the organizers' phone number?", "+62 812-0000-0202"),
    ("email delegasi kota bogor", "bogor.citynet@"),
])
async def test_a_contact_the_data_holds_is_found(bot: Harness, question: str, answer: str
                                                 ) -> None:
    text = read(await bot.say(question))
    assert answer in text and DECLINED not in text


LONG = ("Yth. Bapak/Ibu Panitia, dengan hormat, sehubungan dengan undangan yang kami terima, "
        "bersama ini kami sampaikan bahwa delegasi kami terdiri dari lima orang. " * 14
        + "Mohon penjelasan apakah tersedia tempat parkir untuk kendaraan dinas?")


async def test_a_message_too_long_to_read_offers_the_panitia(bot: Harness) -> None:
    assert len(LONG) > MAX_QUESTION
    calls = replies(await bot.say(LONG))
    assert len(calls) == 1
    assert text_of(calls[0]).startswith("Pesan Anda terlalu panjang")
    label, data = buttons(calls[0])[0]
    assert label == ASK and data.startswith("qa:")
    await bot.press(data)
    questions = await bot.app.bot_data.services.repo.open_questions()
    assert len(questions) == 1 and questions[0].text.startswith("Yth. Bapak/Ibu Panitia")


async def test_a_long_message_in_a_group_leads_to_the_private_chat(bot: Harness) -> None:
    group = bot.updates.group_chat_id
    calls = replies(await bot.say(f"@citynet_bot {LONG}", chat_type="supergroup",
                                  chat_id=group))
    assert len(calls) == 1
    label, url = buttons(calls[0])[0]
    assert label == "🙋 Tanya panitia (chat pribadi)"
    assert url.startswith("https://t.me/citynet_bot?start=tanya_")


async def test_any_event_file(tmp_path: Path) -> None:
    """Nothing of this is written for the shipped seminar: the second sample event's cards
    give way the same way, and what its data holds is still answered."""
    event = load_event(MAKASSAR_FILE)
    bot = await Harness(event, _during(event), tmp_path / "bot.db").start()
    try:
        for question in ("boleh bawa istri ke diskusi kelompok?",
                         "ada ATM dekat Balai Kota Makassar?"):
            await declined_with_button(bot, question)
        text = read(await bot.say("paparan rencana smart city jam berapa?"))
        assert "09.00" in text and DECLINED not in text
    finally:
        await bot.stop()


async def test_dev_set_b_gate() -> None:
    """tests/answers_dev_b.jsonl (a dev set for the decline side: tuned on) stays >= 97%
    correct with 0 wrong facts."""
    await assert_dev_set("answers_dev_b", 60, 0.97)


async def test_a_contact_request_naming_nobody_gets_the_list(bot: Harness) -> None:
    """"minta kontak" asks for the contacts in general: the list to choose from, not a
    decline."""
    for question in ("minta kontak", "contact person?"):
        calls = replies(await bot.say(question))
        assert len(calls) == 1, question
        assert text_of(calls[0]).startswith("☎️ Kontak"), question
        assert any(d.startswith("cr:") for _, d in buttons(calls[0])), question
        assert ASK not in [label for label, _ in buttons(calls[0])], question


@pytest.mark.parametrize(("question", "not_shown"), [
    # Another edition of the event: the data is about this one only.
    ("acara ini tahun lalu diadakan di mana?", "Rabu–Jumat"),
    ("Where will the seminar be held next year?", "16–18"),
    # Why a fact is so: the data holds the fact, never the reason.
    ("mengapa pemkot kupang jadi tuan rumahnya?", "Tuan rumah"),
    # A how-to answer that leaves what is asked aside (a lost card, a reprint).
    ("kalau sertifikat saya hilang bisa dicetak ulang?", "/sertifikat"),
    # After/during an item: a word of the question nothing shown holds.
    ("waktu pembukaan ada pembagian doorprize?", "08.30"),
    # Two words that together are about something else ("oleh2", the lunch's menu).
    ("dimana beli oleh2 yang dekat?", "Jl. S.K. Lerik"),
    ("menu makanan ishoma besok apa?", "Ishoma"),
    # "diunduh" (downloaded) is not "diundur" (postponed).
    ("rekaman video acara bisa diunduh di mana?", "pengumuman"),
    # A practical answer reached only by its keyword for another thing (the prayer room).
    ("gereja terdekat dari lokasi di mana ya?", "Mushola"),
    # A count the venue's card does not give.
    ("berapa kapasitas aula kantor wali kota?", "Jl. S.K. Lerik"),
    # When, answered by a passage with no day or time in it.
    ("kapan tepatnya peserta dari daerah pengembangan smart city diundang?", "Sumber"),
    # "Who" answered by a session without speakers; "what time" by the list of venues.
    ("rehat kopi nanti siapa yang isi?", "10.00"),
    # A card of the event's own days for a day the event does not have.
    ("sentra tenun ikat buka jam berapa hari minggu?", "09.10"),
])
async def test_what_the_data_does_not_hold_is_declined(
        bot: Harness, question: str, not_shown: str) -> None:
    message = await declined_with_button(bot, question)
    assert not_shown not in text_of(message).split("”", 1)[-1]


@pytest.mark.parametrize(("question", "answer"), [
    ("acara ini tahun ini berlangsung berapa hari?", "3 hari"),  # this year: the event
    ("siapa tuan rumah seminar ini?", "Tuan rumah"),
    ("Bagaimana cara mengecek keaslian sertifikat?", "/cek"),  # a how-to it covers
    ("setelah pembukaan ada acara apa?", "Keynote"),  # after an item, nothing else asked
    ("sebelum taman nostalgia ngapain?", "kumpul"),
    ("Prof Lee dari kampus mana?", "Seoul"),
    ("kapan ke suba suka?", "15.30"),  # one venue's card lists its sessions
    ("siapa pembicara keynote?", "Rudiantara"),
    ("city tour hari jumat jam berapa?", "08.00"),  # an event day
    # When to be there is the next day's start (today's is past), not the venues' list.
    ("jam brp harus udah di lokasi?", "Acara Kamis, 17 Oktober 2019 dimulai pukul 08.30"),
])
async def test_a_question_the_data_answers_is_not_declined(
        bot: Harness, question: str, answer: str) -> None:
    text = read(await bot.say(question))
    assert answer in text and DECLINED not in text, text


@pytest.mark.parametrize(("question", "said", "not_said"), [
    # That day's programme names its speakers and venues; the list of all would not.
    ("besok siapa aja pembicaranya?", "Keesei Lee", "Rudiantara"),
    ("narsum hari kedua sapa aja?", "Keesei Lee", "Azwar Anas"),
    ("Where are the sessions on Thursday?", "Kantor Wali Kota Kupang", "Suba Suka"),
    ("Who is speaking on Wednesday afternoon?", "Azwar Anas", "Keesei"),
])
async def test_speakers_or_venues_of_a_day_are_that_days_programme(
        bot: Harness, question: str, said: str, not_said: str) -> None:
    text = read(await bot.say(question))
    assert DECLINED not in text, text
    assert said in text and not_said not in text, text


async def test_another_year_and_why_are_declined_for_any_event(tmp_path: Path) -> None:
    event = load_event(MAKASSAR_FILE)
    bot = await Harness(event, _during(event), tmp_path / "bot.db").start()
    try:
        for question in ("rakor tahun lalu diadakan di kota mana?",
                         "kenapa makassar yang jadi tuan rumah?"):
            await declined_with_button(bot, question)
    finally:
        await bot.stop()
