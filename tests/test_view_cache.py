"""Views the same for everyone are rendered once per event, language and day."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

from telegram import CopyTextButton, InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions

from bot import render, render_info
from bot.app import NoLinkPreviews
from bot.i18n import I18n
from bot.model import Event
from tests.harness import Harness, buttons, only_text
from tests.test_organizer import _fast_sender as _fast_sender  # fixture
from tests.test_organizer import org as org  # fixture: USER an organizer, a copy of the data

DAY = date(2019, 10, 16)


def test_a_day_view_is_shared_per_language_and_rebuilt_for_a_new_event(event: Event) -> None:
    i18n = I18n()
    now = datetime(2019, 10, 16, 9, 0, tzinfo=event.timezone)
    first = render.day_view(event, DAY, i18n.get("id"), now)
    assert render.day_view(event, DAY, i18n.get("id"), now + timedelta(hours=1)) is first
    english = render.day_view(event, DAY, i18n.get("en"), now)
    assert english is not first and english.text != first.text
    keynote = event.session("keynote")
    assert keynote is not None
    renamed = replace(keynote, title=replace(keynote.title, id="Keynote Baru"))
    reloaded = replace(event, sessions=tuple(renamed if s.id == "keynote" else s
                                             for s in event.sessions), _by_id={})
    again = render.day_view(reloaded, DAY, i18n.get("id"), now)
    assert "Keynote Baru" in again.text and "Keynote Baru" not in first.text


def test_the_overview_follows_today(event: Event) -> None:
    t = I18n().get("id")
    one = render.programme_overview(event, t, DAY)
    assert render.programme_overview(event, t, DAY) is one
    assert render.programme_overview(event, t, DAY + timedelta(days=1)) is not one


def test_the_now_view_is_shared_within_a_minute_and_exact_at_every_second(event: Event) -> None:
    i18n = I18n()
    for lang in ("id", "en"):
        t = i18n.get(lang)
        at = datetime(2019, 10, 16, 10, 0, 5, tzinfo=event.timezone)
        assert render.now_view(event, t, at) is render.now_view(event, t, at + timedelta(
            seconds=50))
        assert render.now_view(event, t, at + timedelta(minutes=1)) is not render.now_view(
            event, t, at)
        starts = [s.start for s in event.sessions] + [s.end for s in event.sessions]
        moments = [m + timedelta(seconds=d) for m in starts for d in (-31, -1, 0, 1, 29, 59)]
        moments += [datetime(2019, 10, 15, 23, 59, 30, tzinfo=event.timezone),  # before
                    datetime(2019, 10, 19, 8, 0, 1, tzinfo=event.timezone)]  # after
        for moment in moments:
            assert render.now_view(event, t, moment) == render._now_view(event, t, moment), moment


def test_views_of_the_event_alone_are_shared_per_language(event: Event) -> None:
    i18n = I18n()
    views = [render.speakers_view, render_info.venues_view, render_info.contacts_prompt,
             render_info.about_view, render_info.help_view]
    reloaded = replace(event, _by_id={})
    for view in views:
        indonesian, english = view(event, i18n.get("id")), view(event, i18n.get("en"))
        assert view(event, i18n.get("id")) is indonesian and indonesian.text != english.text
        assert view(reloaded, i18n.get("id")) is not indonesian  # a reload renders anew
    speaker = next(iter(event.speakers.values()))
    one = render.speaker_view(event, speaker, i18n.get("id"))
    assert render.speaker_view(event, speaker, i18n.get("id")) is one
    assert render.speaker_view(event, speaker, i18n.get("en")) is not one


def test_a_keyboard_serializes_as_ptb_would(event: Event) -> None:
    """render.Keyboard skips PTB's generic to_dict, not a field of it."""
    t = I18n().get("en")
    now = datetime(2019, 10, 16, 10, 0, tzinfo=event.timezone)
    keynote = event.session("keynote")
    assert keynote is not None
    replies = [render.day_view(event, DAY, t, now), render.now_view(event, t, now),
               render.session_view(event, keynote, t, now), render.speakers_view(event, t),
               render_info.main_menu(event, t, "Budi"),
               render_info.contacts_private_only(t, "citynet_bot")]
    url = InlineKeyboardButton("Buka", url="https://t.me/citynet_bot", api_kwargs={"x": 1})
    odd = render.keyboard([[url, InlineKeyboardButton("Kode", copy_text=CopyTextButton("K-1"))]])
    for markup in [r.markup for r in replies] + [odd]:
        assert isinstance(markup, render.Keyboard)
        assert markup.to_dict() == InlineKeyboardMarkup.to_dict(markup)
        assert markup.to_dict() is not markup.to_dict()  # a fresh dict each time, as PTB's
    preview = NoLinkPreviews(is_disabled=True)
    assert preview.to_dict() == LinkPreviewOptions(is_disabled=True).to_dict()


# -- end to end: cached views never show stale or someone else's state ----------------------
async def test_a_programme_change_shows_in_every_view_at_once(org: Harness) -> None:
    before = only_text(await org.say("/hariini"))
    assert "🎤 09.30–11.00 · Keynote" in before
    assert "Keynote" in only_text(await org.say("/sekarang"))
    calls = await org.say("/ubah keynote 14.30")
    await org.press(next(d for _, d in buttons(calls[-1]) if d.startswith("oy:")))
    after = only_text(await org.say("/hariini"))
    assert "🎤 14.30–16.00 · Keynote" in after and "09.30–11.00 · Keynote" not in after
    assert "Keynote" not in only_text(await org.say("/sekarang")).split("Berikutnya")[0]
    pressed = only_text(await org.press("day:2019-10-16"))
    assert "14.30–16.00 · Keynote" in pressed

    # A reload of the data file: the new title at once, in both languages.
    data_file = org.app.bot_data.services.settings.event_file
    data_file.write_text(data_file.read_text().replace(
        "Keynote: Strategi Pengembangan Smart City", "Keynote: Kota Cerdas 2020", 1))
    calls = await org.say("/muatulang")
    await org.press(next(d for _, d in buttons(calls[-1]) if d.startswith("ol:")))
    assert "Keynote: Kota Cerdas 2020" in only_text(await org.say("/hariini"))
    assert "Keynote: Kota Cerdas 2020" in only_text(await org.press("s:keynote"))


async def test_a_language_switch_shows_the_same_views_in_the_new_language(bot: Harness) -> None:
    assert "Rabu, 16 Oktober 2019" in only_text(await bot.say("/hariini"))
    assert "Sedang berlangsung" in only_text(await bot.say("/sekarang"))
    await bot.say("/bahasa en")
    assert "Wednesday, 16 October 2019" in only_text(await bot.say("/today"))
    assert "On now:" in only_text(await bot.say("/now"))
    assert "Wednesday, 16 October 2019" in only_text(await bot.press("day:2019-10-16"))
    # Someone else, still in Indonesian, gets the Indonesian views.
    other = {"user_id": 6002, "chat_id": 6002}
    assert "Rabu, 16 Oktober 2019" in only_text(await bot.say("/hariini", **other))
    assert "Sedang berlangsung" in only_text(await bot.say("/sekarang", **other))


async def test_attending_marks_are_never_shared_between_delegates(bot: Harness) -> None:
    ani, budi = {"user_id": 6001, "chat_id": 6001}, {"user_id": 6002, "chat_id": 6002}
    for who in (ani, budi):  # both have seen the card, so any shared copy is warm
        assert "Anda terdaftar hadir" not in only_text(await bot.press("s:bp-banyuwangi", **who))
    await bot.register("Ani Lestari", **ani)
    await bot.press("r:bp-banyuwangi", **ani)
    card = await bot.say("/jadwal bp-banyuwangi", **ani)
    assert "✅ Anda terdaftar hadir." in only_text(card)
    assert ("✅ Hadir", "r:bp-banyuwangi") not in buttons(card[-1])
    await bot.press("day:2019-10-16", **budi)  # away from the card, to press it again
    for other in (await bot.press("s:bp-banyuwangi", **budi),
                  await bot.say("/jadwal bp-banyuwangi", **budi)):
        assert "Anda terdaftar hadir" not in only_text(other)
        assert ("✅ Hadir", "r:bp-banyuwangi") in buttons(other[-1])
    # And typed: the answer card carries the asker's own mark only.
    assert "Anda terdaftar hadir" not in only_text(await bot.say("sharing banyuwangi kapan?",
                                                                 **budi))
    assert "Anda terdaftar hadir" in only_text(await bot.say("sharing banyuwangi kapan?", **ani))


def test_a_message_is_read_once_per_minute_and_language_and_as_at_its_exact_second(
        event: Event) -> None:
    """The free-text memo gives, at any second, what reading the message then would."""
    from bot.answers import plan_answer, read_message
    from bot.understanding import understand_all

    i18n = I18n()
    texts = ["sekarang ada apa", "abis ini acara apa?", "sisa acara hari ini apa aja",
             "keynote mulai jam berapa? berapa lama lagi?", "what's next", "jadwal bsok"]
    starts = [s.start for s in event.sessions] + [s.end for s in event.sessions]
    moments = [m + timedelta(seconds=d) for m in starts[::3] for d in (-31, -1, 0, 1, 59)]
    for lang in ("id", "en"):
        t = i18n.get(lang)
        for text in texts:
            at = datetime(2019, 10, 16, 10, 0, 5, tzinfo=event.timezone)
            first = read_message(text, event, at, t)
            assert read_message(text, event, at + timedelta(seconds=50), t) is first
            assert read_message(text, event, at + timedelta(minutes=1), t) is not first
            for moment in moments:
                reading = read_message(text, event, moment, t)
                exact = understand_all(text, event, moment)
                assert [p.kind for p in reading.plans] == [
                    plan_answer(event, q, t).kind for q in exact], (text, moment)
                assert [p.lead for p in reading.plans] == [
                    plan_answer(event, q, t).lead for q in exact], (text, moment)
                assert [replace(q, question="") for q in reading.questions] == [
                    replace(q, question="") for q in exact], (text, moment)
    english = read_message("jadwal besok", event, datetime(2019, 10, 16, 9, 0,
                                                           tzinfo=event.timezone), i18n.get("en"))
    assert english is not read_message("jadwal besok", event, datetime(
        2019, 10, 16, 9, 0, tzinfo=event.timezone), i18n.get("id"))
