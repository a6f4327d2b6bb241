"""English messages read before they are understood (dev set t, issue 11), through the real
Application and the stand-in.

Each test is one general cause of a decline: a formal English letter's frame (its address,
its request frame "I would be most grateful if you could tell me …", "Kindly advise …",
"please allow me to ask whether …", its closing "Thank you, regards from X"), English chat's
short forms ("sched", "tmrw", "sesh", "til", "cert"), and English typos corrected towards the
bot's English vocabulary ("sertifcate", "theem", "practis", "city tou"). A short form that
could be another word ("tmr") is read as the day word and said, never silently.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from bot import textnorm
from bot.loader import load_event
from bot.resources import CHECKOUT_ROOT
from bot.understanding.questions import split_questions
from tests.conftest import WITA
from tests.harness import Harness, makassar_bot
from tests.test_answers import read

DECLINED = "can't answer"


@pytest.fixture
async def makassar(tmp_path: Path) -> AsyncIterator[Harness]:
    async with makassar_bot(tmp_path / "bot.db", organizer=True, before=timedelta(days=1)) as bot:
        await bot.say("/bahasa en")
        yield bot


async def test_an_english_letter_frame_is_set_aside(bot: Harness) -> None:
    """The address ("Respected Sir/Madam,"), the request frame and the closing ask nothing:
    the question inside is answered, not declined for "grateful" or "respected"."""
    bot.clock.set(datetime(2019, 10, 16, 9, 0, tzinfo=WITA))
    await bot.say("/bahasa en")
    text = read(await bot.say(
        "Respected Sir/Madam, I would be most grateful if you could tell me the time of the "
        "Semarang presentation tomorrow. Thank you in advance."))
    assert "Semarang" in text and "08:30" in text and DECLINED not in text, text
    assert "malam" not in text, text  # "Madam" is no misspelt "malam"
    text = read(await bot.say(
        "Good afternoon. Kindly advise how many participants are expected at this seminar. "
        "Thank you, regards from Penang."))
    assert "478 participants" in text and DECLINED not in text, text
    assert "petang" not in text, text
    text = read(await bot.say(
        "Dear Sir/Madam, please allow me to ask whether there is a prayer room at the venue. "
        "Thank you and regards."))
    assert "prayer" in text.lower() and DECLINED not in text, text
    text = read(await bot.say(
        "Good morning, respected organisers. I humbly ask what attire is appropriate for "
        "today's sessions. Many thanks."))
    assert "batik" in text and DECLINED not in text, text
    assert "host" not in text.lower(), text  # "respected organisers" asks nothing
    text = read(await bot.say(
        "Dear Bapak/Ibu, with due respect, may I request the contact number of the Citynet "
        "Indonesia secretariat? Best regards."))
    assert "Sekretariat" in text and DECLINED not in text, text


def test_the_request_frame_is_courtesy_not_the_question() -> None:
    """What the frame leaves is the question, with a "whether" it left; a condition ("if I
    am late, …"), a question asking whether one can ("can I get reminders?") and one about
    the reader ("can you tell me what you can do?") stay whole."""
    assert split_questions(
        "Good evening Bapak/Ibu. I'd be grateful to know the theme of the seminar. Thank you."
    ) == ["Good evening Bapak/Ibu", "the theme of the seminar", "Thank you"]
    assert split_questions("Could someone tell me where tomorrow's sessions take place?") == [
        "where tomorrow's sessions take place"]
    assert split_questions(
        "Dear committee, I would like to enquire whether the materials will be shared.") == [
        "the materials will be shared"]
    assert split_questions("Can I get reminders before sessions?") == [
        "Can I get reminders before sessions"]
    assert split_questions("If I am late, will the bus wait?") == [
        "If I am late, will the bus wait"]
    # What is left asks about the reader: the frame is part of the question.
    assert split_questions("can you tell me what you can do?") == [
        "can you tell me what you can do"]


async def test_english_chat_short_forms(bot: Harness) -> None:
    """"sched today?", "tmrw first sesh?", "keynote til?", "presscon where", "cert how":
    English chat's short forms are the words the bot knows."""
    bot.clock.set(datetime(2019, 10, 16, 7, 30, tzinfo=WITA))
    await bot.say("/bahasa en")
    text = read(await bot.say("sched today?"))
    assert "Opening" in text and "Keynote" in text and DECLINED not in text, text
    text = read(await bot.say("keynote til?"))
    assert "11:00" in text and DECLINED not in text, text
    text = read(await bot.say("presscon where"))
    assert "Press conference" in text and DECLINED not in text, text
    text = read(await bot.say("cert how"))
    assert "certificate" in text.lower() and DECLINED not in text, text
    text = read(await bot.say("tmrw first sesh?"))
    assert "Thursday" in text and DECLINED not in text, text


async def test_a_short_form_that_could_be_another_word_is_said(bot: Harness) -> None:
    """"tmr" is tomorrow, or "timur" in an address: read as tomorrow, and the answer says
    so; "tmrw" leaves no doubt and is read silently."""
    bot.clock.set(datetime(2019, 10, 17, 20, 0, tzinfo=WITA))
    await bot.say("/bahasa en")
    text = read(await bot.say("tour tmr what time"))
    assert text.startswith("(I read “tmr” as “tomorrow”.)"), text
    assert "08:00" in text and DECLINED not in text, text
    text = read(await bot.say("dress code tmrw?"))
    assert "“tmrw”" not in text and "comfortable shoes" in text, text


async def test_english_typos_towards_the_english_vocabulary(bot: Harness) -> None:
    """An English word spelt by ear ("sertifcate", "practis"), two letters swapped
    ("theem"), a short word next to its name's other word ("city tou", "city tor")."""
    bot.clock.set(datetime(2019, 10, 16, 7, 30, tzinfo=WITA))
    await bot.say("/bahasa en")
    text = read(await bot.say("sertifcate how to get"))
    assert "certificate" in text.lower() and DECLINED not in text, text
    text = read(await bot.say("whats the theem of seminer"))
    assert "Theme" in text or "theme" in text, text
    assert DECLINED not in text, text
    text = read(await bot.say("city tor end tiem?"))
    assert "11:00" in text and DECLINED not in text, text
    text = read(await bot.say("wat to brign for city tou"))
    assert "hat" in text and DECLINED not in text, text
    text = read(await bot.say("intrnational best practis what tiem"))
    assert "Prof" in text and DECLINED not in text, text


def test_english_words_are_not_corrected_into_others() -> None:
    """Ordinary English words are left alone ("were" is no "where", "madam" no "malam"), a
    word is not shortened into another ("ikuti" next to "saya" stays), and a day word is
    never reached by a correction unsaid."""
    from bot.understanding.understander import understander_for

    event = load_event(CHECKOUT_ROOT / "data" / "citynet-kupang-2019.toml")
    norm = understander_for(event).normalizer
    assert norm.tokens("which regions were invited") == (
        "which", "region", "were", "invited")
    assert "malam" not in norm.tokens("Dear Sir/Madam")
    assert "sehat" not in norm.tokens("city tour capacity berapa seat")
    assert "ikuti" in norm.tokens("sesi yang mau saya ikuti")
    assert "well" in norm.tokens("I hope this message finds you well")
    assert textnorm.DEFAULT.tokens("tmr") == ("tmr",)  # no day words known: left alone


async def test_another_event_english_letter_and_typo(makassar: Harness) -> None:
    """The same on another event file: its own two-word names read a short misspelt word
    ("satu dta"), a letter's frame set aside."""
    text = read(await makassar.say(
        "Respected Sir/Madam, I would be most grateful if you could tell me when the group "
        "discussion starts. Thank you in advance."))
    assert "13:00" in text and DECLINED not in text, text
    text = read(await makassar.say("satu dta session what time"))
    assert "13:00" in text and DECLINED not in text, text
