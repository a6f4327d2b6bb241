"""Free-text understanding (bot.understanding): unit cases and the evaluation set.

The evaluation set (tests/nlu_eval.jsonl) has a dev part, used while building the classifier,
and a held-out part that was never tuned against; both are checked against the targets of
issue #5. `python bench/bench_understanding.py` prints the same numbers per intent.
"""

from __future__ import annotations

import importlib.util
import statistics
import sys
import time as clock
from datetime import date, datetime, time
from pathlib import Path
from types import ModuleType
from zoneinfo import ZoneInfo

import pytest

from bot.loader import load_event
from bot.model import Contact, Event, Session, SessionKind, Speaker, Text, Venue
from bot.understanding import Intent, Understander, Understanding, understand, understander_for

ROOT = Path(__file__).resolve().parent.parent
WITA = ZoneInfo("Asia/Makassar")
NOW = datetime(2019, 10, 16, 8, 0, tzinfo=WITA)


def _bench() -> ModuleType:
    """bench/bench_understanding.py holds the scoring shared by the bench and this test."""
    if "bench_understanding" in sys.modules:
        return sys.modules["bench_understanding"]
    spec = importlib.util.spec_from_file_location(
        "bench_understanding", ROOT / "bench" / "bench_understanding.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_understanding"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def event() -> Event:
    return load_event(ROOT / "data" / "citynet-kupang-2019.toml")


def ask(event: Event, text: str, now: datetime = NOW) -> Understanding:
    return understand(text, event, now)


# -- examples from the issue ------------------------------------------------------------------
def test_issue_examples(event: Event) -> None:
    u = ask(event, "kpn city tour?")
    assert u.intent == Intent.CITY_TOUR and u.session_ids == ("city-tour",)

    u = ask(event, "jdwl bsk")
    assert u.intent == Intent.SCHEDULE and u.day == date(2019, 10, 17)

    u = ask(event, "minta kontak panitia sidoarjo")
    assert u.intent == Intent.CONTACT and u.regions == ("Kabupaten Sidoarjo",)
    assert not u.ambiguous_region

    u = ask(event, "acara jam 2 siang hari kedua apa?")
    assert u.intent == Intent.SCHEDULE
    assert (u.day, u.time, u.period) == (date(2019, 10, 17), time(14, 0), None)

    u = ask(event, "dmn tempat jumpa pers")
    assert u.intent == Intent.VENUE
    assert u.session_ids == ("jumpa-pers",) and u.venue_ids == ("suba-suka",)


def test_session_by_region_topic_and_speaker(event: Event) -> None:
    assert ask(event, "kapan sesi banyuwangi?").session_ids == ("bp-banyuwangi",)
    assert ask(event, "materi pembiayaan infrastruktur kapan").session_ids == ("bp-semarang",)
    u = ask(event, "sesi prof lee kapan")
    assert u.intent == Intent.SESSION
    assert u.session_ids == ("bp-luar-negeri",) and u.speaker_ids == ("keesei-lee",)


def test_day_narrows_sessions_sharing_a_tag(event: Event) -> None:
    assert ask(event, "ishoma hari kedua jam brp").session_ids == ("ishoma-2",)
    assert set(ask(event, "ishoma jam brp").session_ids) == {"ishoma-1", "ishoma-2"}


def test_ambiguous_kupang_asks(event: Event) -> None:
    u = ask(event, "kontak kupang")
    assert u.intent == Intent.CONTACT
    assert u.regions == ("Kota Kupang", "Kabupaten Kupang") and u.ambiguous_region
    u = ask(event, "kontak kab kupang")
    assert u.regions == ("Kabupaten Kupang",) and not u.ambiguous_region


@pytest.mark.parametrize(
    "text",
    [
        "harga tiket pesawat ke bali?",
        "cuaca besok?",
        "🙂",
        "asdfgh",
        "",
        "   ",
        "???",
        "siapa presiden amerika?",
        "ok",
        "wkwkwk",
        "jadwal pesawat ke jakarta",
    ],
)
def test_unrelated_is_unknown_without_slots(event: Event, text: str) -> None:
    assert ask(event, text) == Understanding(Intent.UNKNOWN, confidence=ask(event, text).confidence)


def test_sekarang_is_not_semarang(event: Event) -> None:
    u = ask(event, "sekarang acara apa?")
    assert u.intent == Intent.NOW_NEXT and u.regions == () and u.session_ids == ()


def test_daftar_pembicara_is_a_list_not_registration(event: Event) -> None:
    assert ask(event, "daftar pembicara seminar").intent == Intent.SPEAKER
    assert ask(event, "mau daftar").intent == Intent.RSVP


def test_change_words_mean_announcements(event: Event) -> None:
    for text in ("keynote diundur?", "city tour ditunda?", "ada perubahan jadwal?"):
        assert ask(event, text).intent == Intent.ANNOUNCEMENT, text


def test_action_verbs_outweigh_topics(event: Event) -> None:
    u = ask(event, "ingetin sy sebelum keynote ya")
    assert u.intent == Intent.REMINDER and u.session_ids == ("keynote",)
    u = ask(event, "daftar city tour")
    assert u.intent == Intent.RSVP and u.session_ids == ("city-tour",)


def test_informal_spellings_caps_emoji_repeats(event: Event) -> None:
    for text in ("JADWAL BESOKKK", "jadwaaal besok 🙏🙏", "jdwl bsk!!!", "Jadwal besok."):
        u = ask(event, text)
        assert (u.intent, u.day) == (Intent.SCHEDULE, date(2019, 10, 17)), text


def test_english(event: Event) -> None:
    u = ask(event, "When is the keynote?")
    assert u.intent == Intent.SESSION and u.session_ids == ("keynote",)
    u = ask(event, "what's on at 2pm tomorrow")
    assert (u.intent, u.day, u.time) == (Intent.SCHEDULE, date(2019, 10, 17), time(14, 0))


def test_social_intents_have_no_slots(event: Event) -> None:
    for text, intent in (
        ("halo min", Intent.GREETING),
        ("makasih banyak", Intent.THANKS),
        ("bantuan", Intent.HELP),
        ("apa itu citynet?", Intent.ABOUT),
    ):
        u = ask(event, text)
        assert u.intent == intent
        assert u == Understanding(intent, confidence=u.confidence)


def test_confidence_is_between_0_and_1(event: Event) -> None:
    for text in ("jadwal besok", "kpn city tour", "xyz", "halo"):
        assert 0.0 <= ask(event, text).confidence <= 1.0


def test_now_is_converted_to_event_time(event: Event) -> None:
    # 23:30 UTC on the 16th is already the 17th in Kupang (UTC+8).
    utc_now = datetime(2019, 10, 16, 23, 30, tzinfo=ZoneInfo("UTC"))
    assert ask(event, "jadwal hari ini", now=utc_now).day == date(2019, 10, 17)


def test_index_is_built_once_per_event(event: Event) -> None:
    assert understander_for(event) is understander_for(event)


# -- another seminar is just another data file ------------------------------------------------
def _other_event() -> Event:
    tz = ZoneInfo("Asia/Jakarta")
    at = lambda d, h, m=0: datetime(2020, 3, d, h, m, tzinfo=tz)  # noqa: E731
    venue = Venue(
        "iicc",
        "IPB International Convention Center",
        "Jl. Pajajaran, Bogor",
        -6.6,
        106.8,
        aliases=("iicc",),
    )
    speaker = Speaker("bima", "Dr. Bima Arya", Text("Wali Kota Bogor"), aliases=("kang bima",))
    sessions = (
        Session(
            "farming",
            Text("Urban Farming di Kota Hijau"),
            at(10, 9),
            at(10, 11),
            "iicc",
            speaker_ids=("bima",),
            tags=("urban farming", "pertanian kota"),
        ),
        Session(
            "kebun",
            Text("Kunjungan Kebun Raya"),
            at(11, 8),
            at(11, 12),
            "iicc",
            kind=SessionKind.TOUR,
            tags=("kebun raya",),
        ),
    )
    contacts = (
        Contact(
            "kota", "Panitia Kota Bogor", Text("Panitia"), "Pemkot Bogor", "Kota Bogor", "+62 800"
        ),
    )
    return Event(
        id="kota-hijau",
        name=Text("Forum Kota Hijau 2020"),
        theme=Text("Kota hijau"),
        host="Pemerintah Kota Bogor",
        city="Kota Bogor",
        timezone=tz,
        start_date=date(2020, 3, 10),
        end_date=date(2020, 3, 11),
        participants=100,
        participant_groups=(),
        goals=(),
        about=Text("Forum"),
        background=(),
        main_venue_id="iicc",
        venues={"iicc": venue},
        speakers={"bima": speaker},
        sessions=sessions,
        contacts=contacts,
        regions=("Kota Bogor", "Kabupaten Bogor"),
    )


def test_other_event_is_understood_from_its_data() -> None:
    other = _other_event()
    now = datetime(2020, 3, 10, 7, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
    u = understand("kapan urban farming?", other, now)
    assert (u.intent, u.session_ids) == (Intent.SESSION, ("farming",))
    u = understand("kunjungan kebun raya kumpul dimana", other, now)
    assert (u.intent, u.session_ids) == (Intent.CITY_TOUR, ("kebun",))
    u = understand("dmn iicc", other, now)
    assert (u.intent, u.venue_ids) == (Intent.VENUE, ("iicc",))
    u = understand("siapa kang bima", other, now)
    assert (u.intent, u.speaker_ids) == (Intent.SPEAKER, ("bima",))
    u = understand("kontak bogor", other, now)
    assert u.regions == ("Kota Bogor", "Kabupaten Bogor") and u.ambiguous_region
    assert understand("besok ada apa", other, now).day == date(2020, 3, 11)
    # Kupang's words mean nothing here.
    assert understand("kapan sesi banyuwangi?", other, now).session_ids == ()


def test_understander_can_be_used_directly() -> None:
    other = _other_event()
    understander = Understander(other)
    now = datetime(2020, 3, 10, 7, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
    assert understander.understand("jadwal besok", now).intent == Intent.SCHEDULE


# -- the evaluation set -----------------------------------------------------------------------
TARGETS = {"dev": 0.95, "heldout": 0.90}


def test_evaluation_set_size() -> None:
    rows = _bench().load_rows()
    assert len(rows) >= 220
    assert sum(r.split == "heldout" for r in rows) >= 80
    assert {r.split for r in rows} == {"dev", "heldout"}
    assert any(r.lang == "en" for r in rows)


@pytest.mark.parametrize("split", sorted(TARGETS))
def test_evaluation_accuracy(event: Event, split: str) -> None:
    bench = _bench()
    rows = [r for r in bench.load_rows() if r.split == split]
    scores, misses = bench.evaluate(event, rows)
    score = scores[split]
    report = "\n".join(misses)
    assert score.intent_accuracy >= TARGETS[split], report
    assert score.slot_accuracy >= TARGETS[split], report


def test_latency_p99_under_5ms(event: Event) -> None:
    bench = _bench()
    rows = bench.load_rows()
    understander_for(event)
    samples = []
    # The thread's CPU time: the gate is about what the code costs, and wall time on a
    # machine shared with other jobs failed it now and then with the code unchanged.
    for _ in range(3):
        for row in rows:
            start = clock.thread_time_ns()
            understand(row.text, event, row.now)
            samples.append((clock.thread_time_ns() - start) / 1e6)
    samples.sort()
    p99 = samples[int(0.99 * len(samples))]
    assert p99 < 5.0, f"p99 {p99:.2f} ms, median {statistics.median(samples):.3f} ms"
