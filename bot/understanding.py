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
        pemateri:3 profil:3 profile:3 jabatan:3 bio:3 biodata:3 moderator:2 ngisi:1
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
        menggunakan:1.5 petunjuk:4 penggunaan:2""",
    Intent.GREETING: """halo:3 assalamualaikum:4 selamat:1""",
    Intent.THANKS: """makasih:4 appreciate:3""",
    Intent.UNKNOWN: """jakarta:2 wib:2 cuaca:5 weather:5 harga:3 price:3 tiket:3 ticket:3
        pesawat:4 flight:4
        hotel:3 penginapan:3 bola:4 football:4 pulsa:5 bensin:5 kuliner:4 rekomendasi:3
        recommend:3 enak:2 panas:3 hujan:4 rain:4 exchange:4 dollar:4 dollars:4 kurs:4
        murah:3 cheap:3 jual:3 beli:3 buy:3 sell:3 skor:4 pertandingan:4 film:3 lagu:3
        politik:4 saham:4 resep:4 halal:3 warung:3""",
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
    Intent.RSVP: """sign_up:3 tidak_jadi:1.5 daftar_ulang:-4 mau_ikut:4 saya_ikut:3
        cara_daftar:4 cara_registrasi:4 registrasi_online:4 daftar_online:4 mau_gabung:4
        ikut_sesi:4 gabung_sesi:4""",
    Intent.UNKNOWN: "tempat_makan:4 rumah_makan:4 berapa_sekarang:1.5",
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


def _words_of(intent: Intent) -> frozenset[str]:
    return frozenset(w for w, pairs in LEXICON.items() if any(i == intent for i, _ in pairs))


# Topic words of an intent, without the bare question words (which are only priors).
_SPEAKER_WORDS = _words_of(Intent.SPEAKER) - _QUESTION_ONLY
_VENUE_WORDS = _words_of(Intent.VENUE) - _QUESTION_ONLY


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

        self.phrases = {k: tuple(v) for k, v in phrases.items()}
        self.first_words = frozenset(k[0] for k in self.phrases)
        self.max_len = max((len(k) for k in self.phrases), default=1)

        region_aliases = aliases_from_contacts(event.contacts)
        self.region_index = RegionIndex(event.regions, region_aliases)

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
        vocab.update(
            _words(
                """besok lusa kemarin nanti hari ini today tomorrow tonight yesterday later
                tanggal setengah lewat kurang seperempat noon"""
            )
        )
        # The network behind the event ("citynet") comes from the data, not the lexicon:
        # naming it asks about the event, and puts a question in the event's frame.
        self.network_words = frozenset(
            w for text in (event.network.id, event.network.en or "")
            for w in textnorm.simple_tokens(text) if len(w) >= 4 and not textnorm.is_ordinary(w)
        )
        vocab.update(self.network_words)
        self.normalizer = textnorm.Normalizer(vocab)

        self.tour_ids = frozenset(s.id for s in event.sessions if s.kind == SessionKind.TOUR)
        self.order = {s.id: i for i, s in enumerate(event.sessions)}
        self.session_day = {s.id: event.local(s.start).date() for s in event.sessions}

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
        local_now = self.event.local(now) if now.tzinfo else now
        when = when_from_tokens(tokens, local_now, self.days)
        matches = self._matches(tokens)

        session_score: dict[str, float] = {}
        speakers: list[str] = []
        venues: list[str] = []
        covered: set[int] = set()
        for m in matches:
            covered.update(range(m.start, m.end))
            for ref in m.refs:
                if ref.kind == "session":
                    session_score[ref.id] = session_score.get(ref.id, 0.0) + (m.end - m.start)
                elif ref.kind == "speaker" and ref.id not in speakers:
                    speakers.append(ref.id)
                elif ref.kind == "venue" and ref.id not in venues:
                    venues.append(ref.id)

        direct = sorted(session_score, key=lambda s: (-session_score[s], self.order[s]))
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

        mentions = [
            r
            for r in self.region_index.mentions(tokens)
            if not any(
                m.start <= r.start and r.end <= m.end and (m.end - m.start) > (r.end - r.start)
                for m in matches
            )
        ]
        region_match = combine(mentions)

        intent, confidence = self._classify(
            tokens, when, direct, spoken, sessions, speakers, venues, bool(region_match)
        )
        if intent in _NEEDS_NO_SLOTS:
            return Understanding(intent, confidence=confidence)
        if intent == Intent.CONTACT:
            sessions = []
        if intent == Intent.VENUE and not venues:
            for sid in sessions:
                session = self.event.session(sid)
                if session is not None and session.venue_id not in venues:
                    venues.append(session.venue_id)
        return Understanding(
            intent,
            day=when.day,
            time=when.time,
            period=when.period,
            session_ids=tuple(sessions),
            speaker_ids=tuple(speakers),
            venue_ids=tuple(venues),
            regions=region_match.regions,
            ambiguous_region=region_match.ambiguous,
            confidence=confidence,
        )

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
        if words & {"about", "tentang"} and Intent.ABOUT in scores and any(
            score >= 3 for intent, score in scores.items() if intent is not Intent.ABOUT
        ):
            # "about"/"tentang" is a preposition: "tell me about the speakers" is about the
            # speakers, not about the event.
            scores[Intent.ABOUT] -= 3
        if not (speakers or sessions or when.day or (words & _SPEAKER_WORDS)):
            scores.pop(Intent.SPEAKER, None)
        if not (venues or sessions or context or (words & _VENUE_WORDS)):
            scores.pop(Intent.VENUE, None)
        if not (direct or spoken) or (tour and len(tour) == len(sessions)):
            scores.pop(Intent.SESSION, None)
        if not (has_when or context or (Intent.SCHEDULE in scores and _has_schedule_word(words))):
            scores.pop(Intent.SCHEDULE, None)

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


def understand(text: str, event: Event, now: datetime) -> Understanding:
    """Classify `text` and fill slots from the event data.

    `now` may be in any time zone (it is read in the event's). There is no language
    parameter: Indonesian, English and a mix of both are understood whatever language the
    user chose, because delegates mix them.
    """
    return understander_for(event).understand(text, now)
