"""Understanding of free text: what a delegate asks, as an intent with slots.

Pure: no Telegram, no I/O. `understand()` is the seam the free-text handler calls; the handler
turns the result into the same replies the commands give.

How it works (not dateparser: see bot/when.py; not stemming: Sastrawi turns "kedua" into "dua"
and "14.00" into "14 00"; not an NLP package: nlp-id is a 391 MB install that downloads a model
at run time and drops kapan/siapa as stopwords):
1. `bot.textnorm` turns the message into canonical tokens ("jdwl bsk??" -> jadwal besok),
   correcting typos only towards words the bot knows (its lexicon and the event's own words).
2. `bot.when` reads days and times against `now` and the event's days.
3. Entities come from the event data only: session tags and titles, speaker and venue names
   and aliases, region names (`bot.regions`). Nothing about a particular seminar is in code.
4. A weighted lexicon plus entity evidence scores each intent; question words are priors
   (di mana -> venue, siapa -> speaker, kapan -> time), action verbs outweigh topic nouns,
   and words that are clearly about something else (cuaca, tiket pesawat) vote for UNKNOWN.
   Intents that need an entity (a session, a speaker) are not chosen without one, so an
   unrelated question is never answered with a guessed session.

Per-event indexes are built once (`Understander`) and cached, so a message costs tens of
microseconds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from enum import StrEnum
from itertools import pairwise

from bot import textnorm
from bot import when as when_words
from bot.model import Event, Session, SessionKind
from bot.regions import RegionIndex, aliases_from_contacts, combine
from bot.when import When, when_from_tokens


def _words(text: str) -> frozenset[str]:
    """A word set written as one string: easier to read and to extend than a list."""
    return frozenset(text.split())


class Intent(StrEnum):
    SCHEDULE = "schedule"  # programme of a day and/or a time
    NOW_NEXT = "now_next"  # what is on now / next
    SESSION = "session"  # a specific session (by topic, region or speaker)
    SPEAKER = "speaker"  # who speaks / speakers list
    VENUE = "venue"  # where, address, map
    CITY_TOUR = "city_tour"  # the city tour, its meeting point and time
    CONTACT = "contact"  # contacts of a region or the committee
    RSVP = "rsvp"  # registration / attending
    REMINDER = "reminder"  # reminders
    ANNOUNCEMENT = "announcement"  # announcements and programme changes
    ABOUT = "about"  # the event and Citynet
    HELP = "help"
    GREETING = "greeting"
    THANKS = "thanks"
    UNKNOWN = "unknown"


class Fact(StrEnum):
    """A fact about the event or its city tour that a question asks for, answered in one
    sentence generated from the event model (see bot/render_answers.py)."""

    DATES = "dates"  # when the event is
    LENGTH = "length"  # how many days
    PLACE = "place"  # in which city / where
    PARTICIPANTS = "participants"  # how many take part
    THEME = "theme"
    HOST = "host"
    TOUR_CAPACITY = "tour_capacity"
    TOUR_STOPS = "tour_stops"
    TOUR_TIMES = "tour_times"  # gathering, departure and end
    TOUR_BRING = "tour_bring"
    TOUR_BUSES = "tour_buses"


class Relation(StrEnum):
    """A question about the programme item after/before/during a named one."""

    AFTER = "after"
    BEFORE = "before"
    DURING = "during"


@dataclass(frozen=True, slots=True)
class Understanding:
    intent: Intent
    #: An event day the question is about (resolved against `now`), if any.
    day: date | None = None
    #: A time of day (e.g. "jam 2 siang" -> 14:00), if any.
    time: time | None = None
    #: A part of the day ("pagi", "siang", "sore", "malam") when no exact time was given.
    period: str | None = None
    #: Sessions the question names (by topic, region or speaker), best first.
    session_ids: tuple[str, ...] = ()
    speaker_ids: tuple[str, ...] = ()
    venue_ids: tuple[str, ...] = ()
    #: Canonical region names mentioned ("Kabupaten Sidoarjo"). More than one for one
    #: mention means the mention was ambiguous (Kota vs Kabupaten Kupang): ask, don't guess.
    regions: tuple[str, ...] = ()
    #: True when `regions` are alternatives for one ambiguous mention.
    ambiguous_region: bool = False
    #: How sure the classifier is, 0..1 (winning score against the runner-up and a ceiling).
    confidence: float = 0.0
    #: Facts asked for (answered with one generated sentence before the card).
    facts: tuple[Fact, ...] = ()
    #: "after X": `session_ids` then hold the item after X, `anchor_id` is X.
    relation: Relation | None = None
    anchor_id: str | None = None
    #: Tour stops named (indexes into event.tour.stops).
    stops: tuple[int, ...] = ()
    #: The practical-question entry ([[faq]]) whose keywords the question uses, if any, and
    #: whether every programme item named was named only through those keywords
    #: ("tempat sholat" names the prayer-room entry, not the lunch break tagged "sholat").
    faq_id: str | None = None
    faq_covers: bool = False
    #: Words that look like a day or time word but are not one ("bseok" ~ "besok"): the
    #: answer would depend on them, so the bot asks instead of guessing.
    doubts: tuple[tuple[str, str], ...] = ()
    #: Misspelt day or time words that were read ("bseok" as "besok"): the answer says so.
    readings: tuple[tuple[str, str], ...] = ()
    #: The part of the message this is the understanding of (one question of several).
    question: str = ""


# -- lexicon ----------------------------------------------------------------------------------
# Weights are on canonical tokens (after textnorm). Question words are mild priors; action
# verbs and change words are strong because they decide what the user wants done.
_LEXICON_SPEC: Mapping[Intent, str] = {
    Intent.SCHEDULE: """jadwal:3 susunan:2 acara:1 kegiatan:1 program:0.5 schedule:3
        programme:2.5 happening:1 happens:1.5 happen:1.5 events:1 sesi:0.5 session:0.5
        sessions:0.5 lineup:2 anything:1""",
    Intent.NOW_NEXT: """sekarang:3 now:3 berlangsung:3 selanjutnya:3 berikutnya:3 next:3
        currently:3 current:2 upcoming:2 berikut:2.5""",
    Intent.SESSION: """kapan:1.5 when:1.5 mulai:1 dimulai:1 start:1 starts:1 presentasi:1.5
        paparan:1.5 materi:1 sesi:0.5 session:0.5 ngisi:0.5 selesai:1 berakhir:1""",
    Intent.SPEAKER: """siapa:2.5 who:2.5 pembicara:3 narasumber:3 speaker:3 speakers:3
        pemateri:3 profil:3 profile:3 jabatan:3 bio:3 biodata:3 ngisi:1
        mengisi:1 membawakan:1 sambutan:1 speaks:2 speaking:2""",
    Intent.VENUE: """dimana:3 where:3 lokasi:3 location:3 alamat:3 address:3 tempat:2
        gedung:2.5 ruang:1.5 ruangan:2 lantai:2 maps:3 map:3 peta:3 venue:3 arah:1.5
        directions:3 mana:1 gmaps:3""",
    Intent.CITY_TOUR: """titikkumpul:4 kumpul:2 berkumpul:2 rute:2 route:2 kemana:1.5
        berangkat:1 gather:2""",
    Intent.CONTACT: """kontak:4 contact:4 nomor:3 number:1.5 telepon:3 phone:4 whatsapp:3
        narahubung:4 hubungi:4 menghubungi:4 email:4 surel:4 call:2 panitia:1 committee:1
        delegasi:0.5 perwakilan:0.5 delegation:0.5 liaison:4""",
    Intent.RSVP: """daftar:5 mendaftar:5 rsvp:6 hadir:3 kehadiran:3 konfirmasi:2 register:5
        registrasi:2 registration:2 ikut:1.5 join:2 attend:3 attending:3 sign:2 batal:1
        saya:1""",
    Intent.REMINDER: """ingatkan:5 pengingat:5 ingat:2 alarm:5 notifikasi:3 notif:3
        notification:3 kabari:3 kabarin:3 saya:0.5""",
    Intent.ANNOUNCEMENT: """pengumuman:6 diundur:6 dimajukan:6 ditunda:6 perubahan:5
        berubah:5 ubah:3 diubah:5 batal:3 dibatalkan:6 update:4 updates:4 terbaru:3
        terkini:3 announcement:6 announcements:6 changes:5 changed:5 change:4 postponed:6
        cancelled:6 canceled:6 news:3 mundur:4 dipindah:5 penting:2 latest:3 kabar:2.5""",
    Intent.ABOUT: """tentang:3 about:3 tema:4 theme:4 tujuan:4 purpose:3 goal:3
        goals:3 penyelenggara:4 organizer:4 organiser:4 tuanrumah:4 host:3 jumlah:1.5
        peserta:1.5 participants:2 latar:3 background:3 seminar:0.5 event:0.5 info:0.5""",
    Intent.HELP: """bantuan:5 help:5 menu:4 fitur:4 perintah:3 command:3 commands:3 bot:1
        pakai:1.5 cara:1 bantu:2 panduan:4 guide:3 bingung:2
        menggunakan:1.5 petunjuk:4 penggunaan:2 bahasa:2.5 language:3 inggris:2 english:2
        hapus:2.5 menghapus:2.5 delete:2.5""",
    Intent.GREETING: """halo:3 assalamualaikum:4 selamat:1""",
    Intent.THANKS: """makasih:4 appreciate:3 sampaijumpa:3 bye:3 dadah:3""",
    Intent.UNKNOWN: """jakarta:2 wib:2 cuaca:5 weather:5 harga:3 price:3 tiket:3 ticket:3
        pesawat:4 flight:4
        hotel:3 penginapan:3 bola:4 football:4 pulsa:5 bensin:5 kuliner:4 rekomendasi:3
        recommend:3 enak:2 panas:3 hujan:4 rain:4 exchange:4 dollar:4 dollars:4 kurs:4
        murah:3 cheap:3 jual:3 beli:3 buy:3 sell:3 skor:4 pertandingan:4 film:3 lagu:3
        politik:4 saham:4 resep:4 halal:3 warung:3 parkir:5 parking:5 honorarium:6
        honor:5 uang:4 biaya:4 bayar:2 fee:4 fees:4 cost:4 transport:3
        transportasi:3 akomodasi:5 accommodation:5 bandara:2 airport:2 shuttle:5 jemput:5
        laundry:5 taksi:4 taxi:4 ojek:4 rental:4 sewa:4 souvenir:4
        penginapannya:3 allowance:5 reimburse:5 spj:5 kuitansi:5 gala:4 dinner:4
        moderator:5 moderators:5""",
}

_BIGRAM_SPEC: Mapping[Intent, str] = {
    Intent.SCHEDULE: "ada_apa:1.5 apa_saja:0.5 whats_on:2 what_on:2",
    Intent.NOW_NEXT: """habis_ini:3 setelah_ini:3 after_this:3 right_now:1 lagi_berlangsung:1
        sudah_mulai:2.5 started_yet:3""",
    Intent.SESSION: "jam_berapa:1.5 pukul_berapa:1.5 what_time:1.5 hari_apa:1",
    Intent.ABOUT: """apa_itu:1.5 what_is:1 acara_tentang:1 berapa_banyak:2 berapa_peserta:3
        how_many:2""",
    Intent.HELP: """bisa_apa:4 cara_pakai:4 can_you:3 bisa_bantu:2 how_to:1 bagaimana_pakai:3
        bisa_ditanyakan:4 bisa_tanya:3 bot_work:3 bot_ini:1.5 this_bot:1.5 use_this:3""",
    Intent.GREETING: "selamat_pagi:3 selamat_siang:3 selamat_sore:3 selamat_malam:3 apa_kabar:4",
    Intent.RSVP: """sign_up:3 tidak_jadi:1.5 daftar_ulang:-4 sudah_daftar:-5 mau_ikut:4 saya_ikut:3
        cara_daftar:4 cara_registrasi:4 registrasi_online:4 daftar_online:4 mau_gabung:4
        ikut_sesi:4 gabung_sesi:4""",
    Intent.UNKNOWN: """tempat_makan:4 rumah_makan:4 berapa_sekarang:1.5 makan_malam:4
        uang_saku:4 uang_harian:4 oleh_oleh:4 antar_jemput:3 naik_apa:4""",
    Intent.ANNOUNCEMENT: """info_terbaru:3 info_penting:3 dari_panitia:1.5 kabar_terbaru:3
        news_from:2 jadi_tidak:4 still_on:3""",
}


def _parse_spec(spec: Mapping[Intent, str]) -> dict[str, tuple[tuple[Intent, float], ...]]:
    out: dict[str, list[tuple[Intent, float]]] = {}
    for intent, text in spec.items():
        for item in text.split():
            word, weight = item.rsplit(":", 1)
            out.setdefault(word.replace("_", " "), []).append((intent, float(weight)))
    return {k: tuple(v) for k, v in out.items()}


LEXICON = _parse_spec(_LEXICON_SPEC)
BIGRAMS = _parse_spec(_BIGRAM_SPEC)

# Words that put a question in the event's frame ("acara", "sesi"), so a bare "dimana" or a
# day is about the event and not about anything else.
_CONTEXT = _words(
    """
    acara seminar kegiatan event sesi session sessions programme program
    """
)
# Nouns after "daftar" that make it "a list of", not "register".
_LIST_NOUNS = _words(
    """
    pembicara narasumber speaker speakers acara sesi peserta kontak pemateri hadir
    """
)
_GREETING_ONLY = _words(
    """
    halo assalamualaikum selamat pagi siang sore malam p salam semua everyone all there
    morning afternoon evening waalaikumsalam shalom
    """
)
_QUESTION_ONLY = frozenset({"siapa", "who", "dimana", "where", "mana", "kapan", "when"})
# Honorifics dropped from speaker names so "Saiful Ilah" matches "H. Saiful Ilah".
_HONORIFICS = _words(
    """
    h hj dr prof ir drs dra st se mm msi mt phd sh mh
    """
)
_NEEDS_NO_SLOTS = frozenset(
    {Intent.GREETING, Intent.THANKS, Intent.HELP, Intent.ABOUT, Intent.UNKNOWN}
)
MIN_SCORE = 2.0
OFF_TOPIC_MARGIN = 2.5

# -- facts, relations, courtesy ---------------------------------------------------------------
# Words that put the *whole event* in focus ("kapan seminarnya?").
_EVENT_WORDS = _words("seminar acara event kegiatan conference konferensi")
_ASK_WHEN = _words("kapan when tanggal date dates dilaksanakan diadakan digelar")
_ASK_WHERE = _words("dimana where lokasi location kota city")
_ASK_HOW_MANY = _words("berapa jumlah many banyak")
_PEOPLE = _words("peserta participants participant attendees")
_DAY_UNITS = _words("hari days day")
_CAPACITY = _words("kapasitas capacity seats kursi muat kuota quota")
_STOPS = _words(
    """singgah stops stop mampir kemana dikunjungi kunjungi mengunjungi visit visits tujuan
    rute route destinasi destinations itinerary"""
)
_TOUR_TIMES = _words(
    """selesai berakhir pulang end ends finish finishes kembali berangkat depart departs
    leave leaves return returns"""
)
_BRING = _words("bawa dibawa membawa bring")
_OPEN_WORDS = _words("membuka buka dibuka opens open opening pembukaan")
_CLOSE_WORDS = _words("menutup tutup ditutup closes close closing penutupan")
_RELATIONS: Mapping[str, Relation] = {
    "setelah": Relation.AFTER, "habis": Relation.AFTER, "after": Relation.AFTER,
    "sebelum": Relation.BEFORE, "before": Relation.BEFORE,
    "selama": Relation.DURING, "during": Relation.DURING,
}
# A question asks something: these words (or a question mark) make a greeting or a thank-you
# the frame of a question, not the message itself.
_QUESTION_WORDS = _words(
    """apa apakah siapa kapan dimana mana berapa bagaimana gimana kenapa mengapa ada
    what who when where how which why tanya bertanya menanyakan"""
)
_COURTESY = frozenset({Intent.GREETING, Intent.THANKS})
_LAST_ITEM = frozenset(
    {("acara", "terakhir"), ("sesi", "terakhir"), ("last", "session"), ("last", "item")}
)
_NEXT_WORDS = _words("berikutnya selanjutnya next upcoming")
_HOST_WORDS = _words(
    """tuanrumah host hosts hosting hosted penyelenggara organizer organiser organizers
    organisers organized organised menyelenggarakan diselenggarakan"""
)
_ASKS_ITEM = _words(
    "apa what which ada happens happen lagi next acara sesi kegiatan session event kalau"
)
_REMINDER_WORDS = _words("ingatkan pengingat ingat remind alarm notifikasi notif kabari")
# Intents a fact question overrides when it names nothing else. A where-question keeps the
# venue card, a contact question ("kontak penyelenggara") the contacts.
_FACTS_OVER = frozenset({Intent.UNKNOWN, Intent.GREETING, Intent.THANKS})


def _words_of(intent: Intent) -> frozenset[str]:
    return frozenset(w for w, pairs in LEXICON.items() if any(i == intent for i, _ in pairs))


# Topic words of an intent, without the bare question words (which are only priors).
_SPEAKER_WORDS = _words_of(Intent.SPEAKER) - _QUESTION_ONLY
_VENUE_WORDS = _words_of(Intent.VENUE) - _QUESTION_ONLY
# Words that ask what is on now ("berlangsung" alone also says how long something lasts).
_NOW_ALL = _words_of(Intent.NOW_NEXT)
_NOW_WORDS = _NOW_ALL - {"berlangsung"}


@dataclass(frozen=True, slots=True)
class _Ref:
    kind: str  # "session" | "speaker" | "venue"
    id: str


@dataclass(frozen=True, slots=True)
class _Match:
    start: int
    end: int
    refs: tuple[_Ref, ...]


class Understander:
    """Indexes of one event, built once; `understand` is then cheap per message."""

    def __init__(self, event: Event) -> None:
        self.event = event
        self.days = event.days
        name_tokens = [textnorm.simple_tokens(t) for t in (event.name.id, event.name.en or "")]
        region_words = {w for r in event.regions for w in textnorm.simple_tokens(r)} - {
            "kota",
            "kabupaten",
            "kab",
        }

        phrases: dict[tuple[str, ...], list[_Ref]] = {}

        def add(text: str, ref: _Ref) -> None:
            toks = textnorm.simple_tokens(text)
            if toks and ref not in phrases.setdefault(toks, []):
                phrases[toks].append(ref)

        for venue in event.venues.values():
            for text in (venue.name, *venue.aliases):
                add(text, _Ref("venue", venue.id))
        for speaker in event.speakers.values():
            ref = _Ref("speaker", speaker.id)
            for text in (speaker.name, *speaker.aliases):
                add(text, ref)
                bare = [t for t in textnorm.simple_tokens(text) if t not in _HONORIFICS]
                if len(bare) > 1 or (bare and len(bare[0]) >= 4):
                    add(" ".join(bare), ref)

        # Title words that name exactly one programme item (sessions sharing a title, like
        # the two lunch breaks, count as one item).
        by_title: dict[str, list[Session]] = {}
        for s in event.sessions:
            by_title.setdefault(s.title.id, []).append(s)
        word_titles: dict[str, set[str]] = {}
        for title, group in by_title.items():
            s = group[0]
            for text in (title, s.title.en or ""):
                for w in textnorm.simple_tokens(text):
                    if (
                        len(w) >= 4
                        and w.isalpha()
                        and not textnorm.is_ordinary(w)
                        and w not in region_words
                        and w not in LEXICON
                        and not any(w in n for n in name_tokens)
                    ):
                        word_titles.setdefault(w, set()).add(title)
        for s in event.sessions:
            ref = _Ref("session", s.id)
            for tag in s.tags:
                toks = textnorm.simple_tokens(tag)
                if any(textnorm.contains_phrase(n, toks) for n in name_tokens):
                    continue  # "best practice", "citynet": the whole event, not one session
                add(tag, ref)
            for title in (s.title.id, s.title.en or ""):
                if title:
                    add(title, ref)
                    head = title.split(":", 1)[0]
                    if head != title:
                        add(head, ref)
            for text in (s.title.id, s.title.en or ""):
                for w in textnorm.simple_tokens(text):
                    if word_titles.get(w) == {s.title.id}:
                        add(w, ref)

        tour = event.tour
        if tour is not None:
            for index, stop in enumerate(tour.stops):
                ref = _Ref("stop", str(index))
                for text in (stop.name.id, stop.name.en or ""):
                    kept = [t for t in textnorm.simple_tokens(text) if t not in region_words
                            and t not in ("kota", "kabupaten", "city")]
                    if kept:
                        add(" ".join(kept), ref)
                    for w in kept:
                        if len(w) >= 4 and w.isalpha() and not textnorm.is_ordinary(w):
                            add(w, ref)
        for faq in event.faq:
            for keyword in faq.keywords:
                add(keyword, _Ref("faq", faq.id))

        self.phrases = {k: tuple(v) for k, v in phrases.items()}
        self.first_words = frozenset(k[0] for k in self.phrases)
        self.max_len = max((len(k) for k in self.phrases), default=1)

        region_aliases = aliases_from_contacts(event.contacts)
        self.region_index = RegionIndex(event.regions, region_aliases)
        self.order = {s.id: i for i, s in enumerate(event.sessions)}

        vocab: set[str] = set(LEXICON) | set(_GREETING_ONLY)
        for key in self.phrases:
            vocab.update(key)
        for bigram in BIGRAMS:
            vocab.update(bigram.split())
        vocab.update(region_words)
        for alias in region_aliases:
            vocab.update(textnorm.simple_tokens(alias))
        for table in (
            when_words.NUMBER_WORDS,
            when_words.ORDINALS,
            when_words.WEEKDAYS,
            when_words.MONTHS,
            when_words.PERIOD_WORDS,
        ):
            vocab.update(table)
        vocab.update(when_words.LAST_WORDS)
        for words in (_EVENT_WORDS, _HOST_WORDS, _ASK_WHEN, _ASK_WHERE, _PEOPLE, _CAPACITY, _STOPS,
                      _TOUR_TIMES, _BRING, _OPEN_WORDS, _CLOSE_WORDS, frozenset(_RELATIONS)):
            vocab.update(words)
        vocab.update(
            _words(
                """besok lusa kemarin nanti hari ini today tomorrow tonight yesterday later
                tanggal setengah lewat kurang seperempat noon"""
            )
        )
        guarded = set(when_words.WEEKDAYS) | set(when_words.PERIOD_WORDS) | set(
            _words("besok lusa kemarin sekarang nanti today tomorrow tonight yesterday")
        )
        # The network behind the event ("citynet") comes from the data, not the lexicon:
        # naming it asks about the event, and puts a question in the event's frame.
        self.network_words = frozenset(
            w for text in (event.network.id, event.network.en or "")
            for w in textnorm.simple_tokens(text) if len(w) >= 4 and not textnorm.is_ordinary(w)
        )
        vocab.update(self.network_words)
        # Places written short ("ntt" for the province in the event's city line).
        places = [event.city, *(v.address for v in event.venues.values())]
        self.normalizer = textnorm.Normalizer(vocab, guarded, textnorm.initialisms(places))

        self.by_start = sorted(event.sessions, key=lambda s: (s.start, self.order_key(s)))
        self.session_day = {s.id: event.local(s.start).date() for s in event.sessions}
        ceremonies = [s for s in self.by_start if s.kind == SessionKind.CEREMONY]
        days = [self.session_day[s.id] for s in self.by_start]
        #: The opening and closing ceremonies (a ceremony on the first / last programme day),
        #: for "who opens the event?", "when does it close?".
        opening = [s.id for s in ceremonies if days and self.session_day[s.id] == days[0]]
        closing = [s.id for s in ceremonies if days and self.session_day[s.id] == days[-1]]
        self.opening = opening[0] if opening else None
        self.closing = closing[-1] if closing else None

        self.tour_ids = frozenset(s.id for s in event.sessions if s.kind == SessionKind.TOUR)

    def order_key(self, session: Session) -> int:
        return self.order.get(session.id, 0)

    # -- entities ------------------------------------------------------------------------
    def _matches(self, tokens: Sequence[str]) -> list[_Match]:
        found: list[_Match] = []
        n = len(tokens)
        for i in range(n):
            if tokens[i] not in self.first_words:
                continue
            for length in range(min(self.max_len, n - i), 0, -1):
                refs = self.phrases.get(tuple(tokens[i : i + length]))
                if refs:
                    found.append(_Match(i, i + length, refs))
        # A phrase inside a longer one is part of it: "break" in "coffee break", the tag
        # "walikota" in the speaker alias "walikota kupang".
        kept = [
            m
            for m in found
            if not any(
                o.start <= m.start and m.end <= o.end and (o.end - o.start) > (m.end - m.start)
                for o in found
            )
        ]
        # A session tag that is a speaker's name as well names the speaker; the speaker's
        # sessions follow from it.
        out: list[_Match] = []
        for m in kept:
            kinds = {r.kind for r in m.refs}
            if "speaker" in kinds and "session" in kinds:
                m = replace(m, refs=tuple(r for r in m.refs if r.kind != "session"))
            out.append(m)
        return out

    def understand(self, text: str, now: datetime) -> Understanding:
        tokens = self.normalizer.tokens(text)
        if not tokens:
            return Understanding(Intent.UNKNOWN)
        surface = textnorm.tokenize(text)
        doubts = self.normalizer.doubtful(surface)
        readings = self.normalizer.read_as(surface)
        local_now = self.event.local(now) if now.tzinfo else now
        when = when_from_tokens(tokens, local_now, self.days)
        matches = self._matches(tokens)

        session_score: dict[str, float] = {}
        speakers: list[str] = []
        venues: list[str] = []
        stops: list[int] = []
        faq_score: dict[str, tuple[int, int]] = {}
        covered: set[int] = set()
        faq_covers = True
        for m in matches:
            covered.update(range(m.start, m.end))
            kinds = {r.kind for r in m.refs}
            if kinds - {"faq", "stop"} and "faq" not in kinds:
                faq_covers = False
            for ref in m.refs:
                if ref.kind == "session":
                    session_score[ref.id] = session_score.get(ref.id, 0.0) + (m.end - m.start)
                elif ref.kind == "speaker" and ref.id not in speakers:
                    speakers.append(ref.id)
                elif ref.kind == "venue" and ref.id not in venues:
                    venues.append(ref.id)
                elif ref.kind == "stop" and int(ref.id) not in stops:
                    stops.append(int(ref.id))
                elif ref.kind == "faq":
                    longest, hits = faq_score.get(ref.id, (0, 0))
                    faq_score[ref.id] = (max(longest, m.end - m.start), hits + 1)
        faq_id = max(faq_score, key=lambda f: faq_score[f]) if faq_score else None

        words = set(tokens)
        has_when = when.day is not None or when.time is not None or when.period is not None
        if not session_score and not speakers and not has_when:
            # "who opens the event?", "kapan acara ditutup?": the opening/closing ceremony.
            if words & _OPEN_WORDS and self.opening:
                session_score[self.opening] = 1.0
            elif words & _CLOSE_WORDS and self.closing:
                session_score[self.closing] = 1.0
            elif set(pairwise(tokens)) & _LAST_ITEM:
                # "acara terakhir jam berapa?": the last item of the programme.
                session_score[self.by_start[-1].id] = 1.0

        direct = sorted(session_score, key=lambda s: (-session_score[s], self.order[s]))
        if stops and self.tour_ids and not direct:
            direct = sorted(self.tour_ids, key=lambda s: self.order[s])
        spoken: list[str] = []
        for sp in speakers:
            spoken.extend(s.id for s in self.event.sessions_of_speaker(sp) if s.id not in spoken)
        if direct and spoken:
            both = [s for s in direct if s in spoken]
            sessions = both or direct
        else:
            sessions = direct or spoken
        if when.day is not None:
            on_day = [s for s in sessions if self.session_day[s] == when.day]
            sessions = on_day or sessions
        if len(sessions) > 1 and words & _NEXT_WORDS:
            # "istirahat berikutnya jam berapa?": of the items named, the next one.
            upcoming = [s for s in sessions if (x := self.event.session(s)) and x.end > local_now]
            sessions = sorted(upcoming, key=lambda s: self.order[s])[:1] or sessions

        mentions = [
            r
            for r in self.region_index.mentions(tokens)
            if not any(
                m.start <= r.start and r.end <= m.end and (m.end - m.start) > (r.end - r.start)
                for m in matches
            )
        ]
        region_match = combine(mentions)

        # "ingatkan sebelum city tour" asks for a reminder, not for what comes before it.
        # Only a question for an item ("ada apa setelah …") is about the item after another.
        relation, anchor = (
            self._relation(tokens, matches, when, local_now)
            if words & _ASKS_ITEM and not words & _REMINDER_WORDS
            else (None, None)
        )
        asks = "?" in text or bool(words & _QUESTION_WORDS)
        facts = self._facts(words, tokens, sessions, bool(stops), has_when)
        intent, confidence = self._classify(
            tokens, when, direct, spoken, sessions, speakers, venues, bool(region_match),
            asks or bool(faq_id) or bool(facts),
        )
        if relation is not None and anchor is not None:
            # Nothing after the last item: the answer says so, with the item's own card.
            target = self._related(anchor, relation) or anchor
            return Understanding(
                Intent.SESSION, day=when.day, session_ids=(target,), relation=relation,
                anchor_id=anchor, confidence=max(confidence, 0.5), doubts=doubts,
                readings=readings,
            )
        # "seminar berlangsung berapa hari?" is not about what is on now ("acara apa yang
        # berlangsung?" is).
        now_words = words & _NOW_WORDS
        over = _FACTS_OVER | (
            {Intent.NOW_NEXT} if Fact.LENGTH in facts and not now_words else set()
        )
        off_topic = intent is Intent.UNKNOWN and confidence > 0
        if facts and intent in over and not (direct or speakers or venues or off_topic):
            intent = Intent.CITY_TOUR if facts[0].startswith("tour") else Intent.ABOUT
        if ((intent is Intent.VENUE and not (venues or sessions) and self._unknown_topic(tokens))
                or (intent not in _COURTESY and self._asks_existence_of_unknown(tokens))):
            # "ada dokter jaga di lokasi?", "ada penerjemah untuk sesi prof lee?": a question
            # about something the data does not know is not answered with a nearby card.
            intent, confidence = Intent.UNKNOWN, 0.5
        found = Understanding(
            intent, confidence=confidence, facts=facts, stops=tuple(stops), faq_id=faq_id,
            faq_covers=faq_id is not None and faq_covers, doubts=doubts, readings=readings,
        )
        if intent in _NEEDS_NO_SLOTS:
            return found
        if intent == Intent.CONTACT:
            sessions = []
        if intent == Intent.VENUE and not venues:
            for sid in sessions:
                session = self.event.session(sid)
                if session is not None and session.venue_id not in venues:
                    venues.append(session.venue_id)
        return replace(
            found,
            day=when.day,
            time=when.time,
            period=when.period,
            session_ids=tuple(sessions),
            speaker_ids=tuple(speakers),
            venue_ids=tuple(venues),
            regions=region_match.regions,
            ambiguous_region=region_match.ambiguous,
        )

    def _unknown_topic(self, tokens: Sequence[str]) -> bool:
        """Whether the thing asked about ("ada X …?", "dimana X?") is a word neither the bot
        nor the event's data knows (after typo correction)."""
        vocabulary = self.normalizer.vocabulary

        def unknown(i: int) -> bool:
            t = tokens[i] if 0 <= i < len(tokens) else ""
            return len(t) >= 4 and t.isalpha() and t not in vocabulary

        for i, tok in enumerate(tokens):
            if tok == "ada" and unknown(i + 1):
                return True
            if tok in ("dimana", "where") and (unknown(i + 1) or unknown(i - 1)):
                return True
        return False

    def _asks_existence_of_unknown(self, tokens: Sequence[str]) -> bool:
        """"(apakah) ada X …?" where X is a longer word neither the bot nor the data knows."""
        vocabulary = self.normalizer.vocabulary
        return any(
            tok == "ada" and i + 1 < len(tokens) and len(tokens[i + 1]) >= 5
            and tokens[i + 1].isalpha() and tokens[i + 1] not in vocabulary
            for i, tok in enumerate(tokens)
        )

    # -- facts and relations -------------------------------------------------------------
    def _facts(
        self,
        words: set[str],
        tokens: Sequence[str],
        sessions: Sequence[str],
        stops: bool,
        has_when: bool,
    ) -> tuple[Fact, ...]:
        """Facts the question asks for, from question words around the event or its tour."""
        out: list[Fact] = []
        pairs = set(pairwise(tokens))
        tour = stops or any(s in self.tour_ids for s in sessions)
        if tour:
            asks_count = bool(words & _ASK_HOW_MANY) or ("how", "many") in pairs
            if words & _CAPACITY or (asks_count and words & (_PEOPLE | {"orang", "people"})):
                out.append(Fact.TOUR_CAPACITY)
            if words & _STOPS or pairs & {("ke", "mana"), ("pergi", "mana"), ("where", "to")}:
                out.append(Fact.TOUR_STOPS)
            if words & _TOUR_TIMES:
                out.append(Fact.TOUR_TIMES)
            if words & _BRING:
                out.append(Fact.TOUR_BRING)
            if asks_count and words & {"bus", "buses"}:
                out.append(Fact.TOUR_BUSES)
            return tuple(out)
        if sessions or has_when:
            return ()
        event_word = bool(words & _EVENT_WORDS)
        if "lagi" not in words and (
            ("berapa", "hari") in pairs or ("many", "days") in pairs
            or ("berapa", "days") in pairs or (("berapa", "lama") in pairs and event_word)
        ):
            out.append(Fact.LENGTH)  # not "berapa hari lagi" (how long until)
        if event_word and (words & _ASK_WHEN or ("hari", "apa") in pairs):
            out.append(Fact.DATES)
        if event_word and words & _ASK_WHERE and not words & _VENUE_WORDS - {"lokasi"}:
            out.append(Fact.PLACE)
        asks_count = bool(words & _ASK_HOW_MANY) or ("how", "many") in pairs
        asks_who = ("dari", "mana") in pairs or ("siapa", "saja") in pairs or bool(
            words & {"asal", "who", "which"})
        if (asks_count or asks_who) and (
            words & _PEOPLE or (("berapa", "orang") in pairs and event_word)
        ):
            out.append(Fact.PARTICIPANTS)
        if words & {"tema", "theme"}:
            out.append(Fact.THEME)
        if words & _HOST_WORDS:
            out.append(Fact.HOST)
        return tuple(out)

    def _relation(
        self, tokens: Sequence[str], matches: Sequence[_Match], when: When, now: datetime
    ) -> tuple[Relation | None, str | None]:
        """"setelah makan siang": the relation and the programme item it is about."""
        for i, tok in enumerate(tokens):
            relation = _RELATIONS.get(tok)
            if relation is None:
                continue
            for m in matches:
                if not i < m.start <= i + 3:
                    continue
                ids: list[str] = []
                for ref in m.refs:
                    if ref.kind == "session":
                        ids.append(ref.id)
                    elif ref.kind == "speaker":
                        ids += [s.id for s in self.event.sessions_of_speaker(ref.id)]
                    elif ref.kind == "stop":
                        ids += sorted(self.tour_ids)
                anchor = self._pick(ids, when, now)
                if anchor is not None:
                    return relation, anchor
        return None, None

    def _pick(self, ids: Sequence[str], when: When, now: datetime) -> str | None:
        """One of several items sharing a name (two lunch breaks): on the day asked, in the
        part of the day asked, else today's, else the next one, else the first."""
        found = [s for sid in ids if (s := self.event.session(sid)) is not None]
        if not found:
            return None
        if when.day is not None:
            found = [s for s in found if self.session_day[s.id] == when.day] or found
        if when.period is not None:
            low, high = _PERIOD_HOURS.get(when.period, (0, 24))
            found = [s for s in found if low <= self.event.local(s.start).hour < high] or found
        today = [s for s in found if self.session_day[s.id] == now.date()]
        upcoming = [s for s in found if s.end > now]
        return (today or upcoming or found)[0].id

    def _related(self, anchor_id: str, relation: Relation) -> str | None:
        anchor = self.event.session(anchor_id)
        if anchor is None:
            return None
        others = [s for s in self.by_start if s.id != anchor_id]
        if relation is Relation.AFTER:
            later = [s for s in others if s.start >= anchor.end]
            return later[0].id if later else None
        if relation is Relation.BEFORE:
            earlier = [s for s in others if s.end <= anchor.start]
            return earlier[-1].id if earlier else None
        during = [s for s in others if s.overlaps(anchor)]
        return during[0].id if during else anchor_id

    # -- intent --------------------------------------------------------------------------
    def _classify(
        self,
        tokens: Sequence[str],
        when: When,
        direct: Sequence[str],
        spoken: Sequence[str],
        sessions: Sequence[str],
        speakers: Sequence[str],
        venues: Sequence[str],
        has_region: bool,
        asks: bool = False,
    ) -> tuple[Intent, float]:
        content = [t for t in tokens if t not in textnorm.PARTICLES]
        if not content:
            return Intent.UNKNOWN, 0.0
        if all(t in _GREETING_ONLY for t in content):
            return Intent.GREETING, 1.0

        scores: dict[Intent, float] = {}

        def vote(pairs: Iterable[tuple[Intent, float]]) -> None:
            for intent, weight in pairs:
                scores[intent] = scores.get(intent, 0.0) + weight

        seen: set[str] = set()
        for i, tok in enumerate(tokens):
            if i in when.used and tok not in ("jam", "pukul"):
                continue
            if tok == "daftar" and i + 1 < len(tokens) and tokens[i + 1] in _LIST_NOUNS:
                continue  # "daftar pembicara" is a list of speakers, not a registration
            if tok in seen:
                continue
            seen.add(tok)
            vote(LEXICON.get(tok, ()))
            if tok in self.network_words:
                vote([(Intent.ABOUT, 2.0)])
        # Bigrams over adjacent tokens ("habis ini") and over adjacent content words, so a
        # particle in between ("sign me up") does not hide them.
        pairs = set(pairwise(tokens))
        pairs.update(pairwise(content))
        for first, second in pairs:
            vote(BIGRAMS.get(f"{first} {second}", ()))

        tour = [s for s in sessions if s in self.tour_ids]
        other = [s for s in direct if s not in self.tour_ids]
        if tour and len(tour) == len(sessions):
            vote([(Intent.CITY_TOUR, 4.5)])
        if other:
            # A named session turns "jadwal X" / "kapan X" into a question about X.
            vote([(Intent.SESSION, 3.0 + scores.get(Intent.SCHEDULE, 0.0) * 0.5)])
        elif spoken and not tour:
            vote([(Intent.SESSION, 2.0)])
        if speakers:
            vote([(Intent.SPEAKER, 1.5)])
        if venues:
            vote([(Intent.VENUE, 2.0)])
        if has_region:
            vote([(Intent.CONTACT, 0.5)])
        if when.day is not None or when.time is not None or when.period is not None:
            vote([(Intent.SCHEDULE, 1.5 + (0.5 if when.time is not None else 0.0))])
        words = set(content)
        asks_who = any(t in ("siapa", "who") for t in tokens)
        asks_where = any(t in ("dimana", "where") for t in tokens)
        if asks_who and (sessions or when.day is not None):
            vote([(Intent.SPEAKER, 1.0)])
        # "di restoran mana", "di gedung mana": a where-question split around a noun.
        split_where = any(
            t == "mana" and "di" in tokens[max(0, i - 3) : i] for i, t in enumerate(tokens)
        )
        if split_where and not asks_where:
            vote([(Intent.VENUE, 2.0)])
        if (asks_where or split_where or words & _VENUE_WORDS) and sessions and not tour:
            vote([(Intent.VENUE, 1.5)])

        # Gates: intents that need evidence beyond a question word.
        context = bool(words & (_CONTEXT | self.network_words))
        has_when = when.day is not None or when.time is not None or when.period is not None
        if has_when and not (direct or spoken) and Intent.SESSION in scores:
            # "besok mulai jam berapa?": a when-question about a day, no session named: it
            # asks for that day's programme.
            vote([(Intent.SCHEDULE, 0.5 * scores[Intent.SESSION])])
        if words & {"about", "tentang"} and Intent.ABOUT in scores and (any(
            score >= 3 for intent, score in scores.items() if intent is not Intent.ABOUT
        ) or speakers or direct):
            # "about"/"tentang" is a preposition: "tell me about the speakers" is about the
            # speakers, "Bupati Banyuwangi bicara tentang apa?" about his session.
            scores[Intent.ABOUT] -= 3
        if not (speakers or sessions or when.day or (words & _SPEAKER_WORDS)):
            scores.pop(Intent.SPEAKER, None)
        if not (venues or sessions or context or (words & _VENUE_WORDS)):
            scores.pop(Intent.VENUE, None)
        if not (direct or spoken) or (tour and len(tour) == len(sessions)):
            scores.pop(Intent.SESSION, None)
        if not (has_when or context or (Intent.SCHEDULE in scores and _has_schedule_word(words))):
            scores.pop(Intent.SCHEDULE, None)

        if asks and any(
            score >= 3.0 for intent, score in scores.items() if intent not in _COURTESY
        ):
            # "Selamat sore, … sertifikat? Terima kasih": the greeting and the thanks frame a
            # question; they are not what it asks.
            for intent in _COURTESY:
                scores.pop(intent, None)
        now_evidence = words & _NOW_ALL
        if Intent.NOW_NEXT in scores and now_evidence <= {"sekarang", "now"} and (
            scores.get(Intent.UNKNOWN, 0.0) > 0 or has_region
            or any(scores.get(i, 0.0) >= 3 for i in (Intent.RSVP, Intent.CONTACT,
                                                      Intent.REMINDER))
        ):
            # "sekarang saya di bandara, …": "now" inside a question about something else
            # is not a question about what is on now.
            scores.pop(Intent.NOW_NEXT)
        ranked = sorted(scores.items(), key=lambda kv: -kv[1])
        if not ranked or ranked[0][1] < MIN_SCORE:
            return Intent.UNKNOWN, 0.0
        # Words clearly about something else (weather, prices, flights) win unless the event
        # evidence is much stronger: the bot must not answer them with a guessed session.
        off_topic = scores.get(Intent.UNKNOWN, 0.0)
        winner, top = ranked[0]
        if off_topic >= 3.0 and winner != Intent.UNKNOWN and top < off_topic + OFF_TOPIC_MARGIN:
            return Intent.UNKNOWN, round(min(1.0, off_topic / 6.0), 3)
        runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
        confidence = min(1.0, top / 6.0) * (top - max(runner_up, 0.0)) / top
        return winner, round(max(confidence, 0.0), 3)


# Parts of the day, as in the rendering of "jam 2 siang" answers (pagi lasts until ~11).
_PERIOD_HOURS: Mapping[str, tuple[int, int]] = {
    "pagi": (5, 11), "siang": (11, 15), "sore": (15, 18), "malam": (18, 24),
}


def _has_schedule_word(words: set[str]) -> bool:
    return any(any(i == Intent.SCHEDULE and w > 1 for i, w in LEXICON.get(t, ())) for t in words)


# A few events at most are alive at once (the real one, a shifted rehearsal copy).
_CACHE: list[tuple[Event, Understander]] = []
_CACHE_SIZE = 4


def understander_for(event: Event) -> Understander:
    for cached_event, understander in _CACHE:
        if cached_event is event:
            return understander
    understander = Understander(event)
    _CACHE.insert(0, (event, understander))
    del _CACHE[_CACHE_SIZE:]
    return understander


# Where one question ends and the next begins: sentence ends, and "terus"/"lalu"/"and also".
_SPLIT_RE = re.compile(r"[?!;\n]+|\.(?:\s+|$)|\s(?:terus|trus|lalu|kemudian|and also|also)\s",
                       re.IGNORECASE)
# "… dan siapa …", "… and where …": "dan"/"and" followed by a question word starts another one.
_AND_RE = re.compile(
    r"\s(?:dan|and|sama|serta)\s+(?=(?:di ?mana|dmn|siapa|kapan|kpn|berapa|brp|jam berapa|"
    r"apa|apakah|gimana|bagaimana|mushola|where|who|when|how|what|is there)\b)",
    re.IGNORECASE,
)
#: More questions than this in one message are not answered one by one (a pasted text).
MAX_QUESTIONS = 3


def split_questions(text: str) -> list[str]:
    """The questions a message asks, in order (greetings and closings are parts too)."""
    parts: list[str] = []
    for piece in _SPLIT_RE.split(text):
        parts.extend(p.strip() for p in _AND_RE.split(piece) if p and p.strip())
    return parts or [text]


def _key(u: Understanding) -> tuple[object, ...]:
    return (u.intent, u.session_ids[:1], u.facts, u.faq_id, u.stops, u.regions, u.day)


def understand_all(text: str, event: Event, now: datetime) -> tuple[Understanding, ...]:
    """Every question a message asks, greetings and closings set aside, best first.

    A part that names nothing ("jam berapa mulainya?") is read together with the part before
    it, which named what it is about. Without any question, the whole message is understood
    as one (a greeting, a thank-you, an unknown).
    """
    understander = understander_for(event)
    parts = split_questions(text)
    if len(parts) == 1:
        return (replace(understander.understand(text, now), question=text),)
    found: list[Understanding] = []
    previous = ""
    for part in parts:
        u = understander.understand(part, now)
        if previous and not _names(u) and u.intent in _CONTEXTUAL:
            # "Kapan registrasi? Di mana lokasinya?": the second is about the first's item.
            joined = understander.understand(f"{previous} {part}", now)
            if joined.intent is not Intent.UNKNOWN and (
                u.intent is Intent.UNKNOWN or joined.intent is u.intent
            ):
                u = joined
        # A greeting, a closing or politeness ("mohon maaf mengganggu") asks nothing.
        courtesy = u.intent in _COURTESY or (
            u.intent is Intent.UNKNOWN and not (u.doubts or _asks(part))
        )
        if courtesy and not (u.faq_id or u.facts):
            continue
        if _names(u):
            previous = part
        found.append(replace(u, question=part))
    # "Saya dari Pemkab Sikka.", "Kami akan hadir 3 orang.": a statement next to a question
    # does not ask for contacts or a registration.
    if any(_is_question(f.question) for f in found):
        found = [f for f in found if _is_question(f.question) or f.intent not in _STATEMENT_OK]
    unique: list[Understanding] = []
    for f in found:
        if all(_key(f) != _key(g) for g in unique):
            unique.append(f)
    found = unique
    if not found:
        return (replace(understander.understand(text, now), question=text),)
    return tuple(found[:MAX_QUESTIONS])


#: Intents a part naming nothing may take its subject from the part before.
_CONTEXTUAL = frozenset({Intent.UNKNOWN, Intent.VENUE, Intent.SPEAKER, Intent.SESSION,
                         Intent.SCHEDULE})
#: Intents that would answer a statement with an action card (contacts, registration…).
_STATEMENT_OK = frozenset({Intent.RSVP, Intent.CONTACT, Intent.REMINDER, Intent.ANNOUNCEMENT,
                           Intent.HELP, Intent.UNKNOWN})
_REQUEST_WORDS = _words(
    """tolong mohon minta please mau ingin bisa boleh ingatkan daftarkan kirim lihat cek
    tampilkan show send tell"""
)


def _names(u: Understanding) -> bool:
    return bool(u.session_ids or u.speaker_ids or u.venue_ids or u.stops or u.faq_id
                or u.facts or u.regions)


def _is_question(part: str) -> bool:
    """A question or a request, not a statement ("Saya dari Pemkab Sikka")."""
    words = set(textnorm.simple_tokens(part))
    return "?" in part or bool(words & (_QUESTION_WORDS | _REQUEST_WORDS))


def _asks(part: str) -> bool:
    words = set(textnorm.simple_tokens(part))
    return bool(words & (_QUESTION_WORDS | set(LEXICON)) - {"saya", "selamat"})


def understand(text: str, event: Event, now: datetime) -> Understanding:
    """Classify `text` and fill slots from the event data.

    `now` may be in any time zone (it is read in the event's). There is no language
    parameter: Indonesian, English and a mix of both are understood whatever language the
    user chose, because delegates mix them.
    """
    return understander_for(event).understand(text, now)
