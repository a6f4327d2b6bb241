"""Issue 11: every reply that says "not found" offers Tanya panitia, the same way a declined
question does, and keeps what it had to offer (the list to choose from)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from bot.model import Event
from bot.offline.protocol import ApiCall
from tests.conftest import KEYNOTE_TIME
from tests.harness import USER, Harness, buttons, only_text, text_of

ASK = "🙋 Tanya panitia"


def reply_to(calls: list[ApiCall], chat_id: int = USER) -> ApiCall:
    """The one message the bot sent (or edited) in `chat_id`."""
    sent = [c for c in calls if c.method in ("sendMessage", "editMessageText")
            and c.params.get("chat_id") == chat_id]
    assert len(sent) == 1, [c.method for c in calls]
    return sent[0]


async def asked_panitia(bot: Harness, message: ApiCall, label: str = ASK) -> str:
    """Press the message's Tanya panitia button; the question that reached the panitia."""
    assert buttons(message)[0][0] == label
    data = buttons(message)[0][1]
    assert data.startswith("qa:")
    await bot.press(data)
    questions = await bot.app.bot_data.services.repo.open_questions()
    assert len(questions) == 1
    return questions[0].text


async def test_contacts_not_found_keeps_the_list_and_offers_the_panitia(bot: Harness) -> None:
    message = reply_to(await bot.say("/kontak atlantis"))
    assert "tidak menemukan kontak untuk “atlantis”" in text_of(message)
    data = [d for _, d in buttons(message)]
    assert "cr:Kabupaten Sidoarjo" in data and "menu" in data  # the list to choose from, kept
    assert await asked_panitia(bot, message) == "/kontak atlantis"


async def test_contacts_not_found_by_free_text(bot: Harness) -> None:
    # Typed, a contact the data does not hold gets the one decline, not a list of others.
    message = reply_to(await bot.say("kontak atlantis"))
    assert text_of(message).startswith("Maaf, saya belum bisa menjawab “kontak atlantis”")
    assert "+62" not in text_of(message)
    assert not any(d.startswith(("cr:", "card:")) for _, d in buttons(message))
    assert await asked_panitia(bot, message) == "kontak atlantis"


async def test_a_region_without_its_own_contact(bot: Harness) -> None:
    message = reply_to(await bot.say("/kontak kabupaten belu"))
    text = text_of(message)
    assert "Belum ada narahubung khusus untuk Kabupaten Belu" in text and "+62" in text
    assert buttons(message)[0][0] == ASK
    assert any(d.startswith("card:") for _, d in buttons(message))  # the network's contacts

    # The same region from a button: the question names it.
    message = reply_to(await bot.press("cr:Kabupaten Belu"))
    assert "Belum ada narahubung khusus" in text_of(message)
    assert await asked_panitia(bot, message) == "Siapa narahubung untuk Kabupaten Belu?"


async def test_an_unknown_speaker_venue_or_session_after_a_command(bot: Harness) -> None:
    for command, listed in (("/pembicara xyz", "Rudiantara"), ("/lokasi xyz", "Suba Suka"),
                            ("/jadwal xyz", "Rabu")):
        message = reply_to(await bot.say(command))
        assert text_of(message).startswith("Maaf, saya tidak menemukan “xyz”."), command
        assert listed in text_of(message), command  # the list is kept
        assert buttons(message)[0][0] == ASK, command
    assert await asked_panitia(bot, message) == "/jadwal xyz"


async def test_a_known_name_after_a_command_is_answered(bot: Harness) -> None:
    text = only_text(await bot.say("/pembicara rudiantara"))
    assert "Rudiantara" in text and "Abdullah Azwar Anas" not in text
    calls = await bot.say("/lokasi suba suka")
    assert "📍 Suba Suka Paradise" in text_of(reply_to(calls))
    assert [c for c in calls if c.method == "sendVenue"]
    text = only_text(await bot.say("/jadwal besok"))
    assert text.startswith("📅 Kamis, 17 Oktober 2019")
    # A misspelt day word: said how it was read, or asked about; never a silent guess.
    text = only_text(await bot.say("/jadwal bseok"))
    assert text.startswith("(“bseok” saya baca “besok”.)") and "Kamis, 17 Oktober" in text
    text = only_text(await bot.say("/jadwal kamsi"))
    assert "kamsi" in text and "Kamis, 17 Oktober" not in text
    calls = await bot.say("/jadwal keynote")
    assert any(d.startswith("r:keynote") for _, d in buttons(reply_to(calls)))  # Hadir
    for command in ("/pembicara rudiantara", "/lokasi suba suka", "/jadwal besok"):
        assert ASK not in str((await bot.say(command))[-1].params), command


async def test_no_faq_written_offers_the_panitia(event: Event, tmp_path: Path) -> None:
    bot = await Harness(replace(event, faq=()), KEYNOTE_TIME, tmp_path / "bot.db").start()
    try:
        message = reply_to(await bot.say("/info"))
        assert "belum menulis info praktis" in text_of(message)
        assert "/kontak" not in text_of(message)
        assert await asked_panitia(bot, message) == "/info"
    finally:
        await bot.stop()


async def test_an_unknown_command_offers_the_panitia(bot: Harness) -> None:
    message = reply_to(await bot.say("/parkir dimana?"))
    assert text_of(message) == "Maaf, perintah /parkir tidak saya kenal. Lihat /bantuan."
    assert await asked_panitia(bot, message) == "/parkir dimana?"


async def test_in_a_group_the_button_is_the_private_chat_link(bot: Harness) -> None:
    group = bot.updates.group_chat_id
    for command in ("/parkir@citynet_bot", "/pembicara@citynet_bot xyz"):
        message = reply_to(await bot.say(command, chat_id=group, chat_type="supergroup"), group)
        label, link = buttons(message)[0]
        assert label.startswith(ASK) and link.startswith("https://t.me/citynet_bot?start=tanya_")
    # The link's question continues in private, as after any decline.
    key = link.rpartition("=")[2]
    assert "/pembicara@citynet_bot xyz" in only_text(await bot.say(f"/start {key}"))


async def test_in_english_too(bot: Harness) -> None:
    await bot.say("/language en")
    message = reply_to(await bot.say("/speakers xyz"))
    assert buttons(message)[0][0] == "🙋 Ask the organizers"
    message = reply_to(await bot.press("cr:Kabupaten Belu"))
    assert await asked_panitia(bot, message, "🙋 Ask the organizers") == (
        "Who is the contact person for Kabupaten Belu?")


async def test_materials_of_an_unknown_session_or_none_offer_the_panitia(bot: Harness) -> None:
    message = reply_to(await bot.say("/materi xyz"))
    assert text_of(message).startswith("Sesi itu tidak ada.")
    assert buttons(message)[0][0] == ASK
    message = reply_to(await bot.say("/materi keynote"))  # the shipped data has no slides
    assert "tidak punya materi" in text_of(message)
    assert await asked_panitia(bot, message) == "/materi keynote"


async def test_no_city_tour_offers_the_panitia(event: Event, tmp_path: Path) -> None:
    bot = await Harness(replace(event, tour=None), KEYNOTE_TIME, tmp_path / "bot.db").start()
    try:
        message = reply_to(await bot.say("/citytour"))
        assert text_of(message) == "Acara ini tidak punya city tour."
        assert await asked_panitia(bot, message) == "/citytour"
    finally:
        await bot.stop()
