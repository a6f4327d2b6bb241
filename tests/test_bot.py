"""The bot end to end: updates in, Bot API calls out, through the real Application."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from telegram.ext import AIORateLimiter

from bot import render
from bot.app import build_application
from bot.config import Settings
from bot.model import Event
from handlers import register
from tests.conftest import WITA
from tests.harness import USER, Harness, buttons, only_text, text_of, visible


async def test_startup_registers_command_menus_in_both_languages(bot: Harness) -> None:
    menus = bot.standin.calls_to("setMyCommands")
    by_language = {c.params.get("language_code"): c.params["commands"] for c in menus}
    assert set(by_language) == {None, "id", "en"}
    id_names = [c["command"] for c in by_language["id"]]
    en_names = [c["command"] for c in by_language["en"]]
    assert id_names[:2] == ["jadwal", "sekarang"] and "kontak" in id_names
    assert en_names[:2] == ["schedule", "now"] and "contacts" in en_names
    assert by_language["en"][0]["description"] != by_language["id"][0]["description"]


async def test_start_shows_welcome_and_main_menu(bot: Harness) -> None:
    calls = await bot.say("/start")
    text = only_text(calls)
    assert text.startswith("Halo, Budi! 👋")
    assert "Seminar dan Sharing Best Practice Citynet Indonesia 2019" in text
    assert "Rabu, 16 Oktober 2019 – Jumat, 18 Oktober 2019" in text
    assert [label for label, _ in buttons(calls[0])] == [
        "📅 Jadwal", "⏱ Sekarang", "🎤 Pembicara", "📍 Lokasi", "🗓 Agenda saya",
        "🚌 City tour", "☎️ Kontak", "ℹ️ Tentang", "❓ Bantuan", "🌐 English",
    ]


async def test_schedule_day_session_and_pin(bot: Harness) -> None:
    calls = await bot.say("/jadwal")
    assert "Hari 1: Rabu, 16 Oktober 2019 — 6 acara" in only_text(calls)
    assert [data for _, data in buttons(calls[0])] == [
        "day:2019-10-16", "day:2019-10-17", "day:2019-10-18"
    ]

    calls = await bot.press("day:2019-10-16")
    edit = next(c for c in calls if c.method == "editMessageText")
    assert text_of(edit).splitlines()[:6] == [
        "📅 Rabu, 16 Oktober 2019 — hari 1 dari 3",
        "Semua waktu dalam WITA.",
        "",
        "📝 07.30–08.30 · Registrasi peserta",
        "      📍 Kantor Wali Kota Kupang",
        "🎉 08.30–09.30 · Pembukaan: sambutan Wali Kota Kupang dan Presiden Citynet Indonesia",
    ]
    assert "🎤 09.30–11.00 · Keynote: Strategi Pengembangan Smart City" in text_of(edit)
    data = [d for _, d in buttons(edit)]
    assert data[:3] == ["s:registrasi", "s:pembukaan", "s:keynote"]
    assert "day:2019-10-17" in data and "menu" in data

    calls = await bot.press("s:keynote")
    detail = text_of(next(c for c in calls if c.method == "editMessageText"))
    assert "🕘 09.30–11.00 WITA (1 jam 30 menit)" in detail
    assert "🎤 Rudiantara, Menteri Komunikasi dan Informatika" in detail
    assert "🔴 Sedang berlangsung, selesai 11.00." in detail

    calls = await bot.press("pin:balai-kota")
    venue = next(c for c in calls if c.method == "sendVenue")
    assert venue.params["title"] == "Kantor Wali Kota Kupang"
    assert -11 < venue.params["latitude"] < -10


async def test_now_during_before_and_after(bot: Harness, event: Event) -> None:
    text = only_text(await bot.say("/sekarang"))
    assert "Sedang berlangsung:" in text and "Keynote" in text
    assert text.index("Berikutnya:") < text.index("Ishoma")

    bot.clock.set(datetime(2019, 10, 1, 9, 0, tzinfo=WITA))
    text = only_text(await bot.say("/sekarang"))
    assert "belum dimulai" in text and "Rabu, 16 Oktober 2019 – Jumat, 18 Oktober 2019" in text

    bot.clock.set(datetime(2019, 11, 1, 9, 0, tzinfo=WITA))
    text = only_text(await bot.say("/sekarang"))
    assert "sudah selesai" in text


async def test_today_tomorrow_and_a_day_without_event(bot: Harness) -> None:
    assert "Rabu, 16 Oktober 2019" in only_text(await bot.say("/hariini"))
    assert "Kamis, 17 Oktober 2019" in only_text(await bot.say("/besok"))
    bot.clock.set(datetime(2019, 10, 18, 9, 0, tzinfo=WITA))
    text = only_text(await bot.say("/besok"))
    assert text.startswith("Tidak ada acara pada Sabtu, 19 Oktober 2019.")


async def test_speakers_and_venues(bot: Harness) -> None:
    text = only_text(await bot.say("/pembicara"))
    assert "Rudiantara" in text and "Abdullah Azwar Anas" in text and "Keesei Lee" in text
    text = only_text(await bot.press("spk:azwar-anas"))
    assert "Bupati Banyuwangi" in text and "13.00" in text

    text = only_text(await bot.say("/lokasi"))
    assert "Suba Suka Paradise" in text
    calls = await bot.press("v:suba-suka")
    # Aliases are for matching ("sumba suka"), not for display (#13.14).
    assert "📍 Suba Suka Paradise" in only_text(calls)
    assert "Juga disebut" not in only_text(calls)
    assert any(d.startswith("https://www.google.com/maps") for _, d in buttons(calls[-1]))


async def test_contacts_fuzzy_ambiguous_and_card(bot: Harness) -> None:
    for query in ("sidoarjo", "kab. sidoarjo", "Kabupaten Sidoarjo"):
        text = only_text(await bot.say(f"/kontak {query}"))
        assert "Kabupaten Sidoarjo" in text and "+62" in text, query
    text = only_text(await bot.say("/kontak banyuwangie"))
    assert "Banyuwangi" in text

    calls = await bot.say("/kontak kupang")
    assert "bisa berarti beberapa daerah" in only_text(calls)
    assert sorted(d for _, d in buttons(calls[0])) == ["cr:Kabupaten Kupang", "cr:Kota Kupang"]
    text = only_text(await bot.press("cr:Kabupaten Kupang"))
    assert "Kabupaten Kupang" in text

    calls = await bot.say("/kontak sidoarjo")
    card = next(d for _, d in buttons(calls[0]) if d.startswith("card:"))
    calls = await bot.press(card)
    contact = next(c for c in calls if c.method == "sendContact")
    assert contact.params["phone_number"].startswith("+62")

    text = only_text(await bot.say("/kontak atlantis"))
    assert "tidak menemukan kontak untuk “atlantis”" in text


async def test_contacts_never_go_to_groups(bot: Harness) -> None:
    group = bot.updates.group_chat_id
    calls = await bot.say("/kontak sidoarjo", chat_id=group, chat_type="supergroup")
    calls += await bot.press("card:sidoarjo", chat_id=group)
    calls += await bot.press("cr:Kabupaten Sidoarjo", chat_id=group)
    calls += await bot.say("@citynet_bot minta kontak panitia sidoarjo", chat_id=group,
                           chat_type="supergroup")
    sent = [c for c in calls if c.params.get("chat_id") == group]
    assert sent and all("+62" not in str(c.params) for c in sent)
    assert not [c for c in calls if c.method == "sendContact"]
    assert "chat pribadi" in text_of(sent[0])
    assert buttons(sent[0])[0][1] == "https://t.me/citynet_bot?start=kontak"


async def test_about_and_help(bot: Harness) -> None:
    text = only_text(await bot.say("/tentang"))
    assert "478 peserta" in text and "Strategi Pengembangan Smart City" in text
    assert "1987" in text and "Saiful Ilah" in text
    text = only_text(await bot.say("/bantuan"))
    assert "/kontak" in text and "jadwal besok" in text


async def test_language_switch_and_back(bot: Harness) -> None:
    calls = await bot.say("/bahasa")
    assert "Language switched to English" in only_text(calls)
    scoped = [c for c in calls if c.method == "setMyCommands"]
    assert scoped and scoped[0].params["scope"] == {"type": "chat", "chat_id": USER}
    assert scoped[0].params["commands"][0]["command"] == "schedule"
    text = only_text(await bot.press("day:2019-10-17"))
    assert text.startswith("📅 Thursday, 17 October 2019")
    assert "08:30–10:00" in text
    text = only_text(await bot.say("/language"))
    assert "Bahasa diganti ke Bahasa Indonesia" in text
    assert "Rabu, 16 Oktober 2019" in only_text(await bot.say("/hariini"))


async def test_language_survives_restart(event: Event, tmp_path: object) -> None:
    db = f"{tmp_path}/lang.db"
    first = await Harness(event, datetime(2019, 10, 16, 10, 0, tzinfo=WITA), db).start()
    await first.say("/bahasa en")
    await first.stop()
    second = await Harness(event, datetime(2019, 10, 16, 10, 0, tzinfo=WITA), db).start()
    try:
        assert "Wednesday, 16 October 2019" in only_text(await second.say("/today"))
    finally:
        await second.stop()


# -- bad input -----------------------------------------------------------------------------
async def test_unknown_command(bot: Harness) -> None:
    assert only_text(await bot.say("/hapusjadwal")) == (
        "Maaf, perintah /hapusjadwal tidak saya kenal. Lihat /bantuan."
    )


async def test_overlong_emoji_and_html_text(bot: Harness) -> None:
    assert "terlalu panjang" in only_text(await bot.say("jadwal " * 700))
    text = only_text(await bot.say("🙂🙂🙂"))
    assert text.startswith("Maaf, saya belum bisa menjawab")
    calls = await bot.say("<b>tebak</b> & <script>x</script> qwerty zxcv")
    sent = next(c for c in calls if c.method == "sendMessage")
    assert "&lt;script&gt;" in sent.params["text"]  # escaped, so Telegram accepts it


async def test_forged_and_stale_buttons(bot: Harness) -> None:
    for data in ("s:does-not-exist", "day:not-a-date", "spk:ghost", "v:nowhere", "pin:x",
                 "card:nobody", "cr:Atlantis", "zzz", "s:" + "x" * 60):
        calls = await bot.press(data)
        answer = next(c for c in calls if c.method == "answerCallbackQuery")
        assert "sudah tidak berlaku" in answer.params["text"], data
        assert not [c for c in calls if c.method == "sendContact"]


async def test_group_chatter_is_ignored_but_mentions_answered(bot: Harness) -> None:
    group = bot.updates.group_chat_id
    assert visible(await bot.say("selamat pagi semua", chat_id=group, chat_type="supergroup")) == []
    calls = await bot.say("@citynet_bot jadwal hari ini", chat_id=group, chat_type="supergroup")
    assert "Rabu, 16 Oktober 2019" in only_text(calls)
    assert visible(await bot.say("/kontak@otherbot", chat_id=group, chat_type="supergroup")) == []


async def test_edited_message_and_sticker(bot: Harness) -> None:
    calls = await bot.send(bot.updates.edited_message("jadwal besok", 1))
    assert "Kamis, 17 Oktober 2019" in only_text(calls)
    calls = await bot.send(bot.updates.sticker())
    assert "hanya bisa membaca pesan teks" in only_text(calls)


async def test_handler_error_gets_an_apology_and_bot_keeps_running(
    bot: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(render, "now_view", broken)
    await bot.say("/sekarang")
    # PTB runs the error handler as a task: let it finish.
    await bot.app.update_persistence()
    for _ in range(50):
        if any("terjadi kesalahan" in c.params.get("text", "") for c in bot.standin.calls):
            break
        await __import__("asyncio").sleep(0.01)
    assert any("terjadi kesalahan" in c.params.get("text", "") for c in bot.standin.calls)
    monkeypatch.undo()
    assert "Sedang berlangsung" in only_text(await bot.say("/sekarang"))


# -- free text -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("jadwal besok", "Kamis, 17 Oktober 2019"),
        ("acara jam 2 siang hari pertama apa?", "Sharing Best Practice Kabupaten Banyuwangi"),
        ("kpn city tour?", "City Tour Kota Kupang"),
        ("sekarang ada sesi apa", "Sedang berlangsung"),
        ("siapa pembicara keynote", "Rudiantara"),
        ("tentang citynet", "1987"),
        ("makasih ya", "Sama-sama"),
        ("harga tiket pesawat ke bali?", "Maaf, saya belum bisa menjawab"),
    ],
)
async def test_free_text_questions(bot: Harness, question: str, expected: str) -> None:
    calls = await bot.say(question)
    assert expected in " ".join(text_of(c) for c in calls if c.method == "sendMessage")


async def test_where_is_the_press_conference_sends_the_pin(bot: Harness) -> None:
    calls = await bot.say("dmn tempat jumpa pers")
    assert "Suba Suka Paradise" in text_of(calls[0])
    assert any(c.method == "sendVenue" for c in calls)


# -- limits --------------------------------------------------------------------------------
def test_real_application_respects_telegram_rate_limits(event: Event) -> None:
    app = build_application(Settings(), event, register=register)
    assert isinstance(app.bot.rate_limiter, AIORateLimiter)
    limiter = app.bot.rate_limiter
    assert limiter._base_limiter is not None and limiter._base_limiter.max_rate == 30
    assert limiter._group_max_rate == 20 and limiter._group_time_period == 60


async def test_long_lists_stay_under_telegram_limit(bot: Harness, event: Event) -> None:
    """Even a programme of 200 sessions in a day renders under 4096 characters."""
    from dataclasses import replace

    first = event.sessions[2]
    many = tuple(
        replace(first, id=f"x{i}", start=first.start + timedelta(minutes=i),
                end=first.start + timedelta(minutes=i + 1))
        for i in range(200)
    )
    big = replace(event, sessions=many, _by_id={})
    reply = render.day_view(big, first.start.date(), bot.app.bot_data.services.i18n.get("id"),
                            first.start)
    assert len(reply.text) <= 4096
