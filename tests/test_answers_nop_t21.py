"""One word set, one mechanism per concept (issue 11), through the real Application and the
stand-in where behaviour is concerned.

Each test is one consolidation: the asker's own region is found by `regions.asker_origin`
alone, with the lexicon's one first-person set (chat's and Kupang Malay's forms read by
textnorm first, "my" as well as "kami"); "what if the tour is full?" has one answer, the
tour's how-to, which names the waiting list only when the tour has a capacity (the bot keeps
a waiting list for no other); letters left out of a word are read by one rule.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from bot import textnorm
from bot.loader import load_event
from bot.resources import CHECKOUT_ROOT
from bot.understanding import understander_for
from tests.conftest import WITA
from tests.harness import Harness, organizer_bot
from tests.test_answers import read, read_en

KUPANG_FILE = CHECKOUT_ROOT / "data" / "citynet-kupang-2019.toml"
HOST_PHONE = "0201"  # the host committee's number in the data file
BOGOR_PHONE = "0102"  # Kota Bogor's delegation contact


async def test_the_askers_own_region_in_any_first_person_form(bot: Harness) -> None:
    """A region introduced as the asker's own is not the contact asked for, whatever the
    first person: Kupang Malay's "beta"/"katong", and "my delegation" (which the answer's
    own word list lacked: Bogor's contact was given)."""
    bot.clock.set(datetime(2019, 10, 15, 10, 0, tzinfo=WITA))
    for question in ("beta dari Kota Bogor, minta nomor panitia tuan rumah",
                     "katong dari kota bogor, minta kontak narahubung panitia"):
        text = read(await bot.say(question))
        assert HOST_PHONE in text and BOGOR_PHONE not in text, text
    text = await read_en(
        bot, "My delegation is from Kota Bogor, what is the organizers' phone number?")
    assert HOST_PHONE in text and BOGOR_PHONE not in text, text
    # A region asked for keeps its own contact.
    text = read(await bot.say("kontak delegasi kota bogor"))
    assert BOGOR_PHONE in text, text


async def test_what_if_the_tour_is_full_has_one_answer(bot: Harness) -> None:
    """Asked as a condition or as a state, in either language, the tour being full gets the
    tour's how-to: join it, and the waiting list; never the tour's card with a second
    wording of the same rule."""
    bot.clock.set(datetime(2019, 10, 17, 14, 45, tzinfo=WITA))
    for question in ("kalau kursi bus penuh gimana?", "city tour sudah penuh?"):
        text = read(await bot.say(question))
        assert "/citytour" in text and "daftar tunggu" in text, text
        assert "pendaftar berikutnya" not in text and "Rute:" not in text, text
    for question in ("What happens if the tour is full?", "is the tour full?"):
        text = await read_en(bot, question)
        assert "waiting list" in text and "Route:" not in text, text
    # "full" said of the programme is not about seats.
    text = await read_en(bot, "full programme for all three days please")
    assert "waiting list" not in text, text


async def test_a_tour_without_capacity_has_no_waiting_list(tmp_path: Path) -> None:
    """The same question about a tour with no capacity in its data file: the bot keeps no
    waiting list for it (bot/features/rsvp.py), so its how-to does not name one."""
    source = KUPANG_FILE.read_text(encoding="utf-8")
    tour_capacity = "capacity = 120                      # SAMPLE: bus seats\n"
    assert source.count(tour_capacity) == 1
    path = tmp_path / "event.toml"
    path.write_text(source.replace(tour_capacity, ""), encoding="utf-8")
    event = load_event(path)
    now = event.sessions[0].start - timedelta(days=1)
    async with organizer_bot(event, now, tmp_path / "bot.db") as bot:
        text = read(await bot.say("kalau city tour penuh gimana?"))
    assert "/citytour" in text, text
    assert "daftar tunggu" not in text, text


def test_letters_left_out_are_one_reading() -> None:
    """Vowels left out ("pesrta"), a key skipped ("jadal"), two in a long word ("ruditara"):
    one rule reads them all, the word with only vowels left out first ("smposim" is
    simposium, not symposium with two keys skipped), and never a day word ("slasa" is read
    and said by the day reading, not silently here)."""
    assert textnorm.DEFAULT.tokens("pesrta") == ("peserta",)
    assert textnorm.DEFAULT.tokens("jadal besok") == ("jadwal", "besok")
    normalizer = understander_for(load_event(KUPANG_FILE)).normalizer
    assert normalizer.tokens("ruditara") == ("rudiantara",)
    assert normalizer.tokens("smposim") == ("simposium",)
    assert normalizer.tokens("slasa") == ("selasa",)
    assert normalizer.read_as(["slasa"]) == (("slasa", "selasa"),)
