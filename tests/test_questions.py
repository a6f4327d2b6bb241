"""Tanya panitia end to end: a declined question goes to the organizers, the answer comes back,
and saved as an FAQ entry the bot answers it itself from then on."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from bot.config import DEFAULT_EVENT_FILE
from bot.features import questions
from bot.loader import load_event
from bot.model import Event
from bot.offline.protocol import ApiCall
from bot.storage import Repo
from handlers import register
from tests.conftest import KEYNOTE_TIME
from tests.harness import USER, Harness, buttons, text_of

ORG, ORG2, OTHER, NEXT = 7001, 7002, 5555, 6002
QUESTION = "Apakah peserta dapat uang harian?"
ANSWER = "Tidak ada uang harian; transport ditanggung daerah masing-masing <sesuai SK> & SPPD."


@pytest.fixture
async def bot(event: Event, tmp_path: Path) -> AsyncIterator[Harness]:
    """The bot with two organizers (BOT_ADMINS) and a copy of the data file it may write."""
    data = tmp_path / "event.toml"
    shutil.copy(DEFAULT_EVENT_FILE, data)
    harness = Harness(load_event(data), KEYNOTE_TIME, tmp_path / "bot.db")
    services = harness.app.bot_data.services
    services.settings = replace(services.settings, admins=frozenset({ORG, ORG2}),
                                event_file=data)
    await harness.start()
    for organizer in (ORG, ORG2):
        await harness.say("/start", user_id=organizer, first_name=f"Panitia{organizer}")
    try:
        yield harness
    finally:
        await harness.stop()


def sent_to(calls: list[ApiCall], chat_id: int, method: str = "sendMessage") -> list[ApiCall]:
    return [c for c in calls if c.method == method and c.params.get("chat_id") == chat_id]


def alerts(calls: list[ApiCall]) -> list[str]:
    return [c.params.get("text", "") for c in calls if c.method == "answerCallbackQuery"]


def mid(call: ApiCall) -> int:
    """The message id of what the bot sent."""
    assert isinstance(call.result, dict)
    return int(call.result["message_id"])


def button_data(call: ApiCall, prefix: str) -> str:
    return next(d for _, d in buttons(call) if d.startswith(prefix))


async def ask_panitia(bot: Harness, text: str = QUESTION) -> list[ApiCall]:
    """A delegate's question the bot declines, then the Tanya panitia button."""
    calls = await bot.say(text)
    decline = sent_to(calls, USER)[-1]
    assert text_of(decline).startswith("Maaf, saya belum bisa menjawab")
    assert buttons(decline)[0][0] == "🙋 Tanya panitia"
    return await bot.press(button_data(decline, "qa:"))


async def test_question_to_the_panitia_and_the_answer_back_then_the_bot_knows(
    bot: Harness,
) -> None:
    await bot.register("Budi Santoso", "sidoarjo")
    calls = await ask_panitia(bot)
    assert "sudah dikirim ke panitia" in text_of(sent_to(calls, USER, "editMessageText")[0])
    relays = {chat: sent_to(calls, chat)[0] for chat in (ORG, ORG2)}
    for relayed in relays.values():
        text = text_of(relayed)
        assert "Budi Santoso" in text and "Kabupaten Sidoarjo" in text and QUESTION in text
        assert "+62" not in text  # never a phone number
    assert [q.text for q in await bot.repo.open_questions()] == [QUESTION]

    # The first organizer answers by replying to their copy.
    mine = bot.standin.message(ORG, mid(relays[ORG]))
    calls = await bot.say(ANSWER, user_id=ORG, first_name="Ani", reply_to=mine)
    to_delegate = sent_to(calls, USER)
    assert len(to_delegate) == 1
    assert text_of(to_delegate[0]).startswith("💬 Jawaban panitia: " + ANSWER)
    assert "&lt;sesuai SK&gt; &amp; SPPD" in to_delegate[0].params["text"]  # escaped
    other_copy = sent_to(calls, ORG2, "editMessageText")
    assert len(other_copy) == 1 and "sudah dijawab oleh Ani" in text_of(other_copy[0])
    confirmation = sent_to(calls, ORG)[-1]
    assert "terkirim ke Budi Santoso" in text_of(confirmation)
    save = button_data(confirmation, "qs:")
    assert not await bot.repo.open_questions()

    # Someone who is not an organizer cannot save it; nothing is written.
    data_file = bot.app.bot_data.services.settings.event_file
    before = data_file.read_text(encoding="utf-8")
    calls = await bot.press(save, user_id=OTHER, chat_id=ORG)
    assert alerts(calls) == ["Maaf, fitur ini hanya untuk panitia."]
    assert data_file.read_text(encoding="utf-8") == before

    # The organizer saves it: a new [[faq]] entry, comments kept, running at once.
    calls = await bot.press(save, user_id=ORG, message_id=mid(confirmation))
    assert "Tersimpan sebagai FAQ “tanya-1”" in text_of(calls[-1])
    after = data_file.read_text(encoding="utf-8")
    assert 'id = "tanya-1"' in after and after.startswith(before.rstrip("\n").split("\n")[0])
    assert all(line in after for line in before.splitlines() if line.lstrip().startswith("#"))
    assert bot.app.bot_data.services.event.faq[-1].id == "tanya-1"
    calls = await bot.press(save, user_id=ORG, message_id=mid(confirmation))
    assert alerts(calls) == ["Sudah tersimpan sebagai FAQ “tanya-1”."]

    # The next delegate asking the same gets the saved answer from the bot itself.
    calls = await bot.say(QUESTION, user_id=NEXT, first_name="Sari")
    reply = " ".join(text_of(c) for c in sent_to(calls, NEXT))
    assert "Tidak ada uang harian" in reply and "Maaf" not in reply
    assert not sent_to(calls, ORG) and not sent_to(calls, ORG2)
    actions = [(actor, action) for _, actor, action, _ in await bot.repo.audit_log()]
    assert (ORG, "question_answered") in actions and (ORG, "faq_saved") in actions


async def test_a_stale_question_is_raised_once_more_and_listed(bot: Harness) -> None:
    await ask_panitia(bot)
    assert not sent_to(await bot.tick(), ORG)  # not yet 15 minutes
    bot.clock.advance(timedelta(minutes=16))
    calls = await bot.tick()
    for organizer in (ORG, ORG2):
        raised = sent_to(calls, organizer)
        assert len(raised) == 1 and "Belum dijawab lebih dari 15 menit" in text_of(raised[0])
    assert not sent_to(await bot.tick(), ORG)  # once only: the database remembers
    bot.clock.advance(timedelta(hours=1))
    assert not sent_to(await bot.tick(), ORG)

    listing = text_of(sent_to(await bot.say("/pertanyaan", user_id=ORG), ORG)[0])
    assert "1 pertanyaan menunggu jawaban" in listing and "76 menit" in listing
    assert QUESTION in listing
    calls = await bot.say("/pertanyaan ekspor", user_id=ORG)
    document = sent_to(calls, ORG, "sendDocument")[0]
    assert document.params["document"]["filename"] == "pertanyaan-belum-terjawab.csv"
    assert "Budi" not in str(bot.standin.uploads)  # the evaluation set carries no names
    assert alerts(await bot.press("qo", user_id=OTHER)) == ["Maaf, fitur ini hanya untuk panitia."]
    assert "hanya untuk panitia" in text_of(sent_to(await bot.say("/pertanyaan"), USER)[0])

    # A reply to the raised copy answers it like any other.
    copy = bot.standin.last_bot_message(ORG2)
    assert copy is not None
    calls = await bot.say("Tidak ada.", user_id=ORG2, reply_to=copy)
    assert sent_to(calls, USER)


async def test_in_a_group_the_button_leads_to_the_private_chat(bot: Harness) -> None:
    group = bot.updates.group_chat_id
    calls = await bot.say(f"@citynet_bot {QUESTION}", chat_type="supergroup", chat_id=group)
    decline = sent_to(calls, group)[0]
    label, link = buttons(decline)[0]
    assert label.startswith("🙋 Tanya panitia") and link.startswith(
        "https://t.me/citynet_bot?start=tanya_")
    assert not sent_to(calls, ORG)  # nothing sent from the group itself
    key = link.rpartition("=")[2]
    calls = await bot.say(f"/start {key}")
    confirm = sent_to(calls, USER)[0]
    assert QUESTION in text_of(confirm)
    calls = await bot.press(button_data(confirm, "qa:"))
    assert sent_to(calls, ORG) and sent_to(calls, ORG2)
    # A second tap does not send it twice.
    calls = await bot.press(button_data(confirm, "qa:"))
    assert not sent_to(calls, ORG)


async def test_panitia_group_gets_the_questions_and_only_organizers_answer(bot: Harness) -> None:
    panitia = -100777
    calls = await bot.say("/pertanyaan disini", user_id=ORG, chat_type="supergroup",
                          chat_id=panitia)
    assert "grup ini" in text_of(sent_to(calls, panitia)[0])
    calls = await ask_panitia(bot)
    assert sent_to(calls, panitia) and not sent_to(calls, ORG) and not sent_to(calls, ORG2)
    relayed = bot.standin.message(panitia, mid(sent_to(calls, panitia)[0]))
    calls = await bot.say("saya tidak tahu", user_id=OTHER, chat_type="supergroup",
                          chat_id=panitia, reply_to=relayed)
    assert "Hanya panitia" in text_of(sent_to(calls, panitia)[0]) and not sent_to(calls, USER)
    calls = await bot.say("Tidak ada.", user_id=ORG2, chat_type="supergroup", chat_id=panitia,
                          reply_to=relayed)
    assert text_of(sent_to(calls, USER)[0]).startswith("💬 Jawaban panitia: Tidak ada.")

    # The list names delegates: in the panitia group yes, in the event's group no.
    await ask_panitia(bot, "Apakah ada laundry di hotel?")
    calls = await bot.say("/pertanyaan", user_id=ORG, chat_type="supergroup", chat_id=panitia)
    assert "laundry" in text_of(sent_to(calls, panitia)[0])
    group = bot.updates.group_chat_id
    calls = await bot.say("/pertanyaan", user_id=ORG, chat_type="supergroup", chat_id=group)
    shown = text_of(sent_to(calls, group)[0])
    assert "chat pribadi" in shown and "laundry" not in shown and "Budi" not in shown
    # Its button pressed there (found by the property test): the same answer, as the
    # button's alert; nothing is posted to the group.
    calls = await bot.press("qo", user_id=ORG, chat_id=group)
    assert [c.method for c in calls] == ["answerCallbackQuery"], calls
    assert calls[0].params.get("show_alert") and "chat pribadi" in calls[0].params["text"]

    calls = await bot.say("/pertanyaan lepas", user_id=ORG, chat_type="supergroup",
                          chat_id=panitia)
    assert "tidak lagi menerima" in text_of(sent_to(calls, panitia)[0])
    calls = await ask_panitia(bot, "Apakah boleh membawa anak?")
    assert sent_to(calls, ORG) and sent_to(calls, ORG2) and not sent_to(calls, panitia)


async def test_erasing_my_data_removes_my_questions(bot: Harness) -> None:
    await ask_panitia(bot)
    repo = bot.repo
    assert await repo.open_questions()
    await bot.say("/hapusdata")
    await bot.press("fgy")
    assert not await repo.open_questions()
    assert await repo.relays(1) == []
    relayed = bot.standin.last_bot_message(ORG)
    assert relayed is not None
    calls = await bot.say("Jawaban", user_id=ORG, reply_to=relayed)
    assert "sudah tidak ada" in text_of(sent_to(calls, ORG)[0]) and not sent_to(calls, USER)


def test_saved_keywords_are_the_question_and_its_uncommon_words() -> None:
    assert questions.faq_keywords("Apakah ada tempat PARKIR untuk mobil dinas?") == [
        "apakah ada tempat parkir untuk mobil dinas", "parkir"]
    assert questions.faq_keywords("   ") == []


async def test_offline_chat_organizer_answers_with_balas(event: Event, tmp_path: Path) -> None:
    """`citynet-bot chat --organizer`: the relayed question shows with how to answer it, and
    `!balas N text` (OfflineBot.answer_question) works as a Telegram reply does."""
    from bot.clock import Clock
    from bot.config import Settings
    from bot.terminal import USER_ID, OfflineBot

    data = tmp_path / "event.toml"
    shutil.copy(DEFAULT_EVENT_FILE, data)
    settings = replace(Settings(), database_path=tmp_path / "chat.db", event_file=data,
                       admins=frozenset({USER_ID}))
    clock = Clock(event.timezone, KEYNOTE_TIME, running=False)
    async with OfflineBot(settings, load_event(data), clock, "id", register,
                          tick_interval=None) as chat:
        outputs = await chat.say(QUESTION)
        ask = next(b for out in outputs for row in out.buttons for b in row
                   if b.callback_data and b.callback_data.startswith("qa:"))
        shown = "\n".join(out.text for out in await chat.press(ask))
        assert "Pertanyaan #1 dari peserta" in shown and "!balas" in shown
        assert await chat.answer_question(2, "salah nomor") is None
        outputs = await chat.answer_question(1, "Tidak ada uang harian.")
        assert outputs is not None
        shown = "\n".join(out.text for out in outputs)
        assert "💬 Jawaban panitia: Tidak ada uang harian." in shown
        save = next(b for out in outputs for row in out.buttons for b in row
                    if b.callback_data and b.callback_data.startswith("qs:"))
        assert "Tersimpan sebagai FAQ" in "\n".join(o.text for o in await chat.press(save))
    assert 'id = "tanya-1"' in data.read_text(encoding="utf-8")


async def test_the_use_case_without_telegram(event: Event, tmp_path: Path) -> None:
    """bot/features/questions.py on its own: plain values in, results out."""
    from bot.features.questions import AnswerStatus, AskStatus, SaveStatus

    data = tmp_path / "event.toml"
    shutil.copy(DEFAULT_EVENT_FILE, data)
    repo = await Repo.open(tmp_path / "q.db")
    try:
        await repo.touch_user(USER, "Budi", None)
        handoff = await questions.hand_over(repo, {ORG}, USER, f"  {QUESTION}\n ", KEYNOTE_TIME)
        assert handoff.question is not None and handoff.question.text == QUESTION
        assert handoff.asker is not None and not handoff.asker.registered
        assert handoff.recipients == (ORG,)
        empty = await questions.hand_over(repo, {ORG}, USER, " \n", KEYNOTE_TIME)
        assert empty.status is AskStatus.EMPTY and empty.question is None
        await repo.add_relay(handoff.question.id, ORG, 10)
        for n in range(questions.MAX_OPEN - 1):
            assert (await questions.hand_over(repo, {ORG}, USER, f"q{n}", KEYNOTE_TIME)).status \
                is AskStatus.SENT
        assert (await questions.hand_over(repo, {ORG}, USER, "lagi", KEYNOTE_TIME)).status is (
            AskStatus.TOO_MANY)

        saved = await questions.save_as_faq(repo, {ORG}, ORG, handoff.question.id, data, event)
        assert saved.status is SaveStatus.NOT_ANSWERED
        assert (await questions.answer(repo, {ORG}, OTHER, "X", ORG, 10, "hi")).status is (
            AnswerStatus.NOT_ORGANIZER)
        assert (await questions.answer(repo, {ORG}, ORG, "Ani", ORG, 11, "hi")).status is (
            AnswerStatus.GONE)
        assert (await questions.answer(repo, {ORG}, ORG, "Ani", ORG, 10, "  ")).status is (
            AnswerStatus.EMPTY)
        done = await questions.answer(repo, {ORG}, ORG, "Ani", ORG, 10, "Tidak ada.")
        assert done.status is AnswerStatus.SENT and not done.again
        assert [(c.chat_id, c.message_id) for c in done.copies] == [(ORG, 10)]
        again = await questions.answer(repo, {ORG}, ORG, "Ani", ORG, 10, "Tidak ada sama sekali.")
        assert again.again

        # Unreviewed session edits in the file: saving would publish them, so it waits.
        original = data.read_text(encoding="utf-8")
        data.write_text(original.replace("2019-10-16T08:30:00+08:00",
                                         "2019-10-16T08:45:00+08:00", 1), encoding="utf-8")
        saved = await questions.save_as_faq(repo, {ORG}, ORG, handoff.question.id, data, event)
        assert saved.status is SaveStatus.FILE_DIFFERS
        data.write_text(original, encoding="utf-8")
        saved = await questions.save_as_faq(repo, {ORG}, ORG, handoff.question.id, data, event)
        assert saved.status is SaveStatus.SAVED and saved.event is not None
        assert saved.event.faq[-1].answer.get("id") == "Tidak ada sama sekali."
        stored = await repo.get_question(handoff.question.id)
        assert stored is not None and stored.state == "saved"
        assert len(await repo.open_questions()) == questions.MAX_OPEN - 1
    finally:
        await repo.close()


def test_the_use_case_imports_no_telegram() -> None:
    import subprocess
    import sys

    probe = "import sys, bot.features.questions; print(any(m.startswith('telegram') " \
            "for m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "False"


async def test_a_question_waiting_through_a_restart_is_still_raised_once(
    event: Event, tmp_path: Path,
) -> None:
    db = tmp_path / "bot.db"
    first = Harness(event, KEYNOTE_TIME, db, admins=frozenset({ORG}))
    await first.start()
    await first.say("/start", user_id=ORG)
    await ask_panitia(first)
    await first.stop()

    later = Harness(event, KEYNOTE_TIME + timedelta(minutes=20), db, admins=frozenset({ORG}))
    await later.start()
    try:
        await later.say("/start", user_id=ORG)
        raised = sent_to(await later.tick(), ORG)
        assert len(raised) == 1 and "pertanyaan #1" in text_of(raised[0])
        assert not sent_to(await later.tick(), ORG)
        # The raised copy is a relay like the first: a reply to it answers.
        copy = later.standin.message(ORG, mid(raised[0]))
        calls = await later.say("Tidak ada.", user_id=ORG, reply_to=copy)
        assert text_of(sent_to(calls, USER)[0]).startswith("💬 Jawaban panitia: Tidak ada.")
    finally:
        await later.stop()


async def test_each_side_reads_in_their_own_language(bot: Harness) -> None:
    """An English-speaking delegate asks; the organizer reads Indonesian; the answer arrives
    in English."""
    await bot.press("lang:en")
    calls = await bot.say("Can I bring my children?")
    decline = sent_to(calls, USER)[-1]
    assert buttons(decline)[0][0] == "🙋 Ask the organizers"
    calls = await bot.press(button_data(decline, "qa:"))
    assert "has been sent to the organizers" in text_of(sent_to(calls, USER, "editMessageText")[0])
    relayed = sent_to(calls, ORG)[0]
    assert "dari peserta" in text_of(relayed)
    calls = await bot.say("No.", user_id=ORG, reply_to=bot.standin.message(ORG, mid(relayed)))
    assert text_of(sent_to(calls, USER)[0]).startswith("💬 The organizers' answer: No.")
    assert "terkirim ke" in text_of(sent_to(calls, ORG)[-1])


async def test_two_questions_the_data_does_not_answer_are_one_decline_and_one_question(
    bot: Harness,
) -> None:
    """"Kapan seminar tahun depan dan di kota mana?": both parts are declined together, one
    reply and one button, and the panitia receive both parts as one question."""
    calls = await bot.say("Berapa uang harian peserta? Boleh bawa ajudan ke ruang seminar?")
    to_user = sent_to(calls, USER)
    assert len(to_user) == 1, [text_of(c) for c in to_user]
    assert text_of(to_user[0]).startswith(
        "Maaf, saya belum bisa menjawab “Berapa uang harian peserta; Boleh bawa ajudan ke ruang "
        "seminar”")
    calls = await bot.press(button_data(to_user[0], "qa:"))
    assert "Boleh bawa ajudan" in text_of(sent_to(calls, ORG)[0])
    assert [q.text for q in await bot.repo.open_questions()] == [
        "Berapa uang harian peserta; Boleh bawa ajudan ke ruang seminar"]
