"""The data file: the shipped event loads; every kind of mistake is named precisely."""

from __future__ import annotations

import tomllib
from datetime import date, time, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from bot.cli import main
from bot.config import DEFAULT_EVENT_FILE
from bot.i18n import I18n
from bot.loader import EventDataError, load_event, parse_event
from bot.model import Event, SessionKind


def raw() -> dict[str, Any]:
    return tomllib.loads(DEFAULT_EVENT_FILE.read_text(encoding="utf-8"))


ENGLISH = I18n().get("en")


def problems_of(data: dict[str, Any], lang: str = "en") -> list[str]:
    """The problems as `validate --lang en` (default here) or Indonesian words them."""
    with pytest.raises(EventDataError) as caught:
        parse_event(data, Path("event.toml"))
    assert "event.toml" in str(caught.value)
    if lang == "id":
        return [f"{p.place}: {p.message}" for p in caught.value.problems]
    return [f"{p.place}: {p.text(ENGLISH)}" for p in caught.value.problems]


def test_shipped_event_has_the_facts_of_the_articles(event: Event) -> None:
    assert event.name.id == "Seminar dan Sharing Best Practice Citynet Indonesia 2019"
    assert event.theme.id == "Strategi Pengembangan Smart City"
    assert event.host == "Pemerintah Kota Kupang"
    assert (event.start_date, event.end_date) == (date(2019, 10, 16), date(2019, 10, 18))
    assert event.participants == 478
    assert str(event.timezone) == "Asia/Makassar"
    keynote = event.session("keynote")
    assert keynote is not None and keynote.speaker_ids == ("rudiantara",)
    assert (keynote.start.hour, keynote.start.minute, keynote.end.hour) == (9, 30, 11)
    tour = next(s for s in event.sessions if s.kind is SessionKind.TOUR)
    assert tour.gather is not None and (tour.gather.hour, tour.gather.minute) == (7, 30)
    assert tour.start.date() == date(2019, 10, 18)
    for region in ("Kabupaten Sidoarjo", "Kota Kupang", "Kabupaten Kupang", "Kota Semarang"):
        assert region in event.regions


def test_shipped_contacts_use_fictional_numbers(event: Event) -> None:
    for contact in event.contacts:
        assert "0000" in contact.phone, contact
        assert contact.email.endswith(("example.go.id", "example.org")) or not contact.email


def test_sessions_are_sorted_and_aware(event: Event) -> None:
    starts = [s.start for s in event.sessions]
    assert starts == sorted(starts)
    assert all(s.start.tzinfo is not None for s in event.sessions)


def shift_days(session: dict[str, Any], days: int) -> None:
    session.update(start=session["start"] - timedelta(days=days),
                   end=session["end"] - timedelta(days=days))


S = "sessions"
MISTAKES: list[tuple[Any, str]] = [
    (lambda d: d[S][3].update(venue="nowhere"), "sessions[3].venue: unknown venue id 'nowhere'"),
    (lambda d: d[S][2].update(end=d[S][2]["start"]), "sessions[2].end: end"),
    (lambda d: d[S][1].update(start=d[S][1]["start"].replace(tzinfo=None)),
     "sessions[1].start: naive time"),
    (lambda d: d[S][4].update(id=d[S][0]["id"]), "sessions[4].id: duplicate id"),
    (lambda d: shift_days(d[S][0], 3), "sessions[0].start: 2019-10-13 is outside the event days"),
    (lambda d: d[S][0].update(speakers=["nobody"]), "sessions[0].speakers[0]: unknown speaker"),
    (lambda d: d[S][0].update(kind="party"), "sessions[0].kind: unknown kind 'party'"),
    (lambda d: d[S][0].update(strat="x"),
     "sessions[0].strat: unknown field (did you mean 'start'?)"),
    (lambda d: d[S][0].pop("title"), "sessions[0].title: missing"),
    (lambda d: d[S][0].update(capacity="many"), "sessions[0].capacity: expected an integer"),
    (lambda d: d[S][0].update(id="Keynote Utama!"), "sessions[0].id: bad id"),
    (lambda d: d["venues"][0].update(lat=123.0), "venues[0].lat: latitude 123.0 out of range"),
    (lambda d: d["event"].update(timezone="Asia/Nowhere"), "event.timezone: unknown time zone"),
    (lambda d: d["event"].update(main_venue="x"), "event.main_venue: unknown venue id 'x'"),
    (lambda d: d["event"].update(goals_en=["only one"]), "event.goals_en: has 1 items"),
    (lambda d: d["contacts"][1].update(region="Atlantis"), "contacts[1].region: unknown region"),
    (lambda d: d["contacts"][1].update(phone="call me"), "contacts[1].phone: not a phone number"),
    (lambda d: d.pop("event"), "event: missing [event] table"),
    (lambda d: d["tour"]["stops"][2].update(lat=-100.0),
     "tour.stops[2].lat: coordinates out of range"),
    (lambda d: d["tour"]["buses"][1].update(leader_phone="abc"),
     "tour.buses[1].leader_phone: not a phone number"),
    (lambda d: d["tour"]["buses"][1].update(id=d["tour"]["buses"][0]["id"]),
     "tour.buses[1].id: duplicate id"),
    (lambda d: d["tour"].update(stops="Lasiana"), "tour.stops: expected [[tour.stops]] tables"),
    (lambda d: d["faq"][0].update(keywords=[]), "faq[0].keywords: give at least one word"),
]


@pytest.mark.parametrize(("mutate", "expected"), MISTAKES)
def test_each_mistake_is_named_with_its_place(mutate: Any, expected: str) -> None:
    data = raw()
    mutate(data)
    assert any(p.startswith(expected) for p in problems_of(data)), problems_of(data)


def test_all_problems_are_reported_at_once() -> None:
    data = raw()
    data["sessions"][0]["venue"] = "nowhere"
    data["sessions"][1]["kind"] = "party"
    assert len(problems_of(data)) == 2


def test_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text('[event]\nname = "unterminated\n', encoding="utf-8")
    with pytest.raises(EventDataError) as caught:
        load_event(path)
    assert str(path) in str(caught.value) and "line 2" in str(caught.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(EventDataError, match="tidak dapat dibaca"):
        load_event(tmp_path / "nope.toml")


def test_validate_command_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(DEFAULT_EVENT_FILE)]) == 0
    assert "ok" in capsys.readouterr().out
    bad = tmp_path / "bad.toml"
    bad.write_text(DEFAULT_EVENT_FILE.read_text(encoding="utf-8").replace(
        '\nvenue = "balai-kota"', '\nvenue = "balaikota"', 1), encoding="utf-8")
    assert main(["validate", str(bad)]) == 2
    err = capsys.readouterr().err
    assert f"{bad}: sessions[0].venue: id tempat 'balaikota' tidak dikenal" in err
    assert main(["validate", "--lang", "en", str(bad)]) == 2
    err = capsys.readouterr().err
    assert f"{bad}: sessions[0].venue: unknown venue id 'balaikota'" in err


def test_shift_moves_every_session(event: Event) -> None:
    moved = event.shifted(timedelta(days=7 * 365 + 7))
    assert moved.start_date == event.start_date + timedelta(days=7 * 365 + 7)
    assert [s.start - timedelta(days=7 * 365 + 7) for s in moved.sessions] == [
        s.start for s in event.sessions
    ]
    assert moved.session("keynote") is not None


# -- a validator organizers can act on ----------------------------------------------------
def test_offset_that_disagrees_with_the_event_zone_is_an_error() -> None:
    data = raw()
    keynote = data["sessions"][2]
    keynote["start"] = keynote["start"].astimezone(timezone(timedelta(hours=7)))  # same instant
    assert problems_of(data, "id") == [
        "sessions[2].start: selisih UTC +07:00 tidak cocok dengan zona waktu acara "
        "Asia/Makassar (+08:00 pada tanggal itu): tulis jam sebagai "
        "`2019-10-16T08:30:00+08:00`"
    ]


def test_a_zone_that_disagrees_with_every_offset_is_caught() -> None:
    data = raw()
    data["event"]["timezone"] = "Asia/Jakarta"  # WIB, +07:00; the file says +08:00
    times = 2 * len(data["sessions"]) + 1 + len(data["tour"]["stops"])  # + the tour's gather
    assert problems_of(data, "id") == [
        f"event.timezone: zona waktu Asia/Jakarta (+07:00) tidak cocok dengan selisih +08:00 "
        f"di {times} jam dalam berkas: maksudnya Asia/Makassar (WITA)? Atau tulis setiap jam "
        "dengan +07:00."
    ]


def test_one_bad_value_does_not_cascade_into_unknown_fields() -> None:
    data = raw()
    data["sessions"][2]["start"] = time(9, 30)  # `start = 09:30:00`: a TOML local time
    assert problems_of(data, "id") == [
        "sessions[2].start: harus tanggal dan jam dengan selisih UTC: tulis jam sebagai "
        "`2019-10-16T09:30:00+08:00`"
    ]
    data = raw()
    data["sessions"][2]["start"] = data["sessions"][2]["start"].replace(tzinfo=None)
    assert problems_of(data, "id") == [
        "sessions[2].start: jam tanpa selisih UTC: tulis jam sebagai "
        "`2019-10-16T09:30:00+08:00`"
    ]


def test_unquoted_time_gets_a_hint_in_the_events_own_date_and_zone(tmp_path: Path) -> None:
    path = tmp_path / "event.toml"
    text = DEFAULT_EVENT_FILE.read_text(encoding="utf-8")
    path.write_text(text.replace("start = 2019-10-16T09:30:00+08:00", "start = 09.30", 1),
                    encoding="utf-8")
    with pytest.raises(EventDataError) as caught:
        load_event(path)
    [found] = caught.value.problems
    line = text[: text.index("start = 2019-10-16T09:30:00+08:00")].count("\n") + 1
    assert found.place == f"(baris {line})"
    assert found.message.startswith(
        "start = 09.30: tulis jam sebagai `2019-10-16T09:30:00+08:00`")
    assert found.text(ENGLISH).startswith(
        "start = 09.30: write the time as `2019-10-16T09:30:00+08:00`")


def test_venue_english_twins_are_accepted_and_shown_in_english() -> None:
    data = raw()
    data["venues"][0].update(name_en="Mayor's Office", address_en="Jl. S.K. Lerik (English)")
    event = parse_event(data, Path("event.toml"))
    venue = event.venues[data["venues"][0]["id"]]
    assert (venue.label("en"), venue.address_in("en")) == (
        "Mayor's Office", "Jl. S.K. Lerik (English)")
    assert venue.label("id") == data["venues"][0]["name"]
    data["venues"][0]["name_en"] = 5
    assert problems_of(data) == ["venues[0].name_en: expected a string, got an integer"]


def test_messages_are_indonesian_by_default() -> None:
    data = raw()
    data["sessions"][0]["strat"] = "x"
    data["sessions"][1].pop("title")
    assert problems_of(data, "id") == [
        "sessions[0].strat: kolom tidak dikenal (maksudnya 'start'?)",
        "sessions[1].title: tidak ada (wajib diisi)",
    ]


def test_english_twins_of_plain_texts_are_accepted_and_others_explained() -> None:
    data = raw()
    data["event"].update(host_en="Kupang City Government", city_en="Kupang, East Nusa Tenggara")
    data["speakers"][0]["organization_en"] = "Ministry of Communication"
    data["contacts"][0]["instansi_en"] = "Regency Government"
    event = parse_event(data, Path("event.toml"))
    assert (event.host_in("en"), event.city_in("en")) == (
        "Kupang City Government", "Kupang, East Nusa Tenggara")
    assert event.host_in("id") == data["event"]["host"]
    speaker = event.speakers[data["speakers"][0]["id"]]
    assert speaker.organization_in("en") == "Ministry of Communication"
    assert event.contacts[0].instansi_in("en") == "Regency Government"
    data["contacts"][0]["phone_en"] = "+62 812"
    assert problems_of(data, "id") == [
        "contacts[0].phone_en: phone tidak punya versi bahasa Inggris; hapus baris ini"]
