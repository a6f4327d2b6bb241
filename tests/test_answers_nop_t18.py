"""English questions about places, contacts and the event that were declined although the
data answers them (issue 11, foreign delegates), through the real Application and the
stand-in, by general cause:

- English words typo correction took for others ("being" is no "bring", "Madam" no "malam");
- a letter's English frame ("Respected Sir/Madam, I would be most grateful if you could tell
  me …", "I hope this message finds you well.", "Kindly advise …", "Warm regards, …") and
  its courtesy words, which ask nothing;
- English morphology: plurals of the bot's words ("venues", "buses"), Indonesian loanwords
  spelt the English way ("socialization" is "sosialisasi");
- English words for what the bot knows by another word (a delegate is a participant, what a
  session "covers" is what it discusses, "wrap up" is an end, a role is an office held);
- reaching someone ("how can I reach the committee?") asks for a contact, reaching a place
  does not;
- "how many people are coming" counts the event's participants.

A question the data cannot answer in those words is still declined, and everything comes from
the event model: the second sample event answers from its own contacts and venues.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime
from pathlib import Path

import pytest

from tests.conftest import WITA
from tests.harness import Harness, makassar_bot
from tests.test_answers import read, read_en

DECLINED = "can't answer"



async def test_english_words_are_not_corrected_into_others(bot: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 15, 9, 5, tzinfo=WITA))
    en = await read_en(bot, "Where is the seminar being held?")
    assert "Kantor Wali Kota Kupang" in en and DECLINED not in en
    en = await read_en(bot, "Where is the press conference being held?")
    assert "Suba Suka" in en and DECLINED not in en
    # "Madam" is no evening, and the address asks nothing.
    en = await read_en(bot, "Dear Sir/Madam, please allow me to ask whether there is a "
                            "prayer room at the venue. Thank you and regards.")
    assert "prayer room" in en and DECLINED not in en


async def test_a_letters_english_frame_asks_nothing(bot: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 16, 17, 30, tzinfo=WITA))
    en = await read_en(bot, "Respected Sir/Madam, I would be most grateful if you could tell "
                            "me the time of the Semarang presentation tomorrow. Thank you in "
                            "advance.")
    assert "08:30" in en and DECLINED not in en
    en = await read_en(bot, "Dear panitia, I hope this message finds you well. Please kindly "
                            "inform me the meeting point and gathering time for the city "
                            "tour. Warm regards, Mr. Tran")
    assert "07:30" in en and "Kantor Wali Kota Kupang" in en and DECLINED not in en
    en = await read_en(bot, "Good afternoon. Kindly advise how many participants are "
                            "expected at this seminar. Thank you, regards from Penang.")
    assert "478" in en and DECLINED not in en
    en = await read_en(bot, "Good morning, respected organisers. I humbly ask what attire is "
                            "appropriate for today's sessions. Many thanks.")
    assert "batik" in en and DECLINED not in en


async def test_contacts_reached_inread_en(bot: Harness) -> None:
    en = await read_en(bot, "How can I reach the organizing committee?")
    assert "0000-0201" in en and DECLINED not in en
    en = await read_en(bot, "How do I reach the Citynet secretariat?")
    assert "0000-0100" in en
    en = await read_en(bot, "Who handles registration issues?")
    assert "0000-0202" in en
    # Reaching a place asks the way, not a phone number.
    en = await read_en(bot, "How do I reach the venue?")
    assert "Kantor Wali Kota Kupang" in en and "0000-0201" not in en
    # A contact detail of a region named, beside another question, is asked for too.
    bot.clock.set(datetime(2019, 10, 16, 17, 20, tzinfo=WITA))
    en = await read_en(bot, "Semarang contact number and what time is their presentation "
                            "tomorrow?")
    assert "0000-0105" in en and "08:30" in en
    # A region's short form ends no sentence: "Kab. Ende" is one name, whose contact the
    # data does not have, not "kab" (every regency's contacts) and "Ende".
    text = read(await bot.say("kontak kab. ende ada?"))
    assert "0000-0101" not in text and "0000-0104" not in text
    text = read(await bot.say("narahubung Kab. Kupang siapa?"))
    assert "0000-0106" in text and "0000-0101" not in text


async def test_english_morphology(bot: Harness) -> None:
    en = await read_en(bot, "What venues are used for the event?")
    assert "Kantor Wali Kota Kupang" in en and "Suba Suka" in en
    en = await read_en(bot, "When does the Citynet programme socialization start and end?")
    assert "13:00" in en and "15:00" in en and DECLINED not in en
    en = await read_en(bot, "How many buses and how many seats each?")
    assert "3 buses" in en and "40 seats" in en


async def test_english_words_for_what_the_bot_knows(bot: Harness) -> None:
    en = await read_en(bot, "what does the Semarang session cover?")
    assert "infrastructure financing" in en and DECLINED not in en
    en = await read_en(bot, "when does the keynote wrap up")
    assert "11:00" in en and DECLINED not in en
    en = await read_en(bot, "Saiful Ilah — what is his role?")
    assert "President of Citynet Indonesia" in en and DECLINED not in en
    en = await read_en(bot, "Where's the venue and how many people are coming?")
    assert "478" in en and "Kantor Wali Kota Kupang" in en


async def test_what_the_data_does_not_say_is_still_declined(bot: Harness) -> None:
    for question in ("Does the committee cover transport costs?",
                     "Is there a gym near the venue?",
                     "How do I get hold of the minister's personal phone number?"):
        en = await read_en(bot, question)
        assert DECLINED in en, question


@pytest.fixture
async def makassar(tmp_path: Path) -> AsyncIterator[Harness]:
    async with makassar_bot(tmp_path / "bot.db") as bot:
        yield bot


async def test_any_event_file(makassar: Harness) -> None:
    en = await read_en(makassar, "How can I reach the organizing committee?")
    assert "rakor@example.go.id" in en and DECLINED not in en
    en = await read_en(makassar, "What venues are used for the event?")
    assert "Makassar" in en and DECLINED not in en
