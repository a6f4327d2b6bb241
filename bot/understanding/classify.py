"""Choosing the intent: a weighted vote of words and entity evidence, then gates.

Question words are priors (di mana -> venue, siapa -> speaker, kapan -> time), action verbs
outweigh topic nouns, and words clearly about something else (cuaca, tiket pesawat) vote for
UNKNOWN. Intents that need an entity (a session, a speaker) are not chosen without one.
Also the facts a question asks for (`facts_asked`), from question words around the event.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from bot import textnorm
from bot.understanding.lexicon import (
    ALL_WORDS,
    ASK_HOW_MANY,
    ASK_WHEN,
    ASK_WHERE,
    ATTENDING,
    BIGRAMS,
    BRING,
    CAPACITY,
    CONTEXT,
    COURTESY,
    DAY_UNITS,
    EVENT_WORDS,
    FIRST_PERSON,
    GREETING_ONLY,
    HOST_WORDS,
    IN_CHARGE,
    ITEM_NOUNS,
    LEXICON,
    LIST_NOUNS,
    MIN_SCORE,
    NOW_ALL,
    OFF_TOPIC_MARGIN,
    PEOPLE,
    PEOPLE_PAIRS,
    REACH_VERBS,
    REACHABLE,
    SPEAKER_WORDS,
    STOPS,
    TOUR_TIMES,
    VENUE_WORDS,
    WHERE_TO,
    WHO,
    has_schedule_word,
)
from bot.understanding.result import Fact, Intent
from bot.when import When

Scores = dict[Intent, float]


@dataclass(frozen=True, slots=True)
class Evidence:
    """What a message names, found before its intent is chosen."""

    tokens: Sequence[str]
    when: When
    #: Sessions named directly (by tag or title), and those of the speakers named.
    direct: Sequence[str]
    spoken: Sequence[str]
    #: The sessions the answer would be about (of `direct` and `spoken`).
    sessions: Sequence[str]
    speakers: Sequence[str]
    venues: Sequence[str]
    has_region: bool
    #: The message asks something (a question mark or word, an FAQ entry, a fact).
    asks: bool
    #: Of the event: its city-tour sessions, and the words naming its network ("citynet").
    tour_ids: frozenset[str]
    network_words: frozenset[str]


def _vote(scores: Scores, pairs: Iterable[tuple[Intent, float]]) -> None:
    for intent, weight in pairs:
        scores[intent] = scores.get(intent, 0.0) + weight


def classify(e: Evidence) -> tuple[Intent, float]:
    """The intent and how sure the choice is (0..1)."""
    content = [t for t in e.tokens if t not in textnorm.PARTICLES]
    if not content:
        return Intent.UNKNOWN, 0.0
    if all(t in GREETING_ONLY for t in content):
        return Intent.GREETING, 1.0
    scores: Scores = {}
    _word_votes(e, content, scores)
    tour = [s for s in e.sessions if s in e.tour_ids]
    _entity_votes(e, content, tour, scores)
    _gate(e, set(content), tour, scores)
    return _decide(scores)


def _lists(after: Sequence[str]) -> bool:
    """Whether "daftar" followed by `after` is "a list of": "daftar (semua) pembicara"."""
    nouns = [t for t in after[:3] if t not in ALL_WORDS]
    return bool(nouns) and nouns[0] in LIST_NOUNS


def _word_votes(e: Evidence, content: Sequence[str], scores: Scores) -> None:
    """The lexicon's weights for each word once, and for bigrams."""
    tokens = e.tokens
    seen: set[str] = set()
    for i, tok in enumerate(tokens):
        if i in e.when.used and tok not in ("jam", "pukul"):
            continue
        if tok == "daftar" and _lists(tokens[i + 1:]):
            continue  # "daftar (semua) pembicara" is a list of speakers, not a registration
        if tok in seen:
            continue
        seen.add(tok)
        _vote(scores, LEXICON.get(tok, ()))
        if tok in e.network_words:
            _vote(scores, [(Intent.ABOUT, 2.0)])
    # Bigrams over adjacent tokens ("habis ini") and over adjacent content words, so a
    # particle in between ("sign me up") does not hide them.
    pairs = set(pairwise(tokens))
    pairs.update(pairwise(content))
    for first, second in pairs:
        _vote(scores, BIGRAMS.get(f"{first} {second}", ()))


def _entity_votes(e: Evidence, content: Sequence[str], tour: Sequence[str],
                  scores: Scores) -> None:
    """Votes from what the message names: sessions, speakers, venues, regions, a time."""
    other = [s for s in e.direct if s not in e.tour_ids]
    if tour and len(tour) == len(e.sessions):
        _vote(scores, [(Intent.CITY_TOUR, 4.5)])
    if other:
        # A named session turns "jadwal X" / "kapan X" into a question about X.
        _vote(scores, [(Intent.SESSION, 3.0 + scores.get(Intent.SCHEDULE, 0.0) * 0.5)])
    elif e.spoken and not tour:
        _vote(scores, [(Intent.SESSION, 2.0)])
    if e.speakers:
        _vote(scores, [(Intent.SPEAKER, 1.5)])
        if not other and set(content) & _NAME_WORDS and not any(
                i is not Intent.SPEAKER for w in content for i, _ in LEXICON.get(w, ())):
            # "Mayor of Kupang name?", "nama wali kota kupang?": a speaker named by their
            # office, their name asked, nothing else ("nama sesi pak X"): the speaker, not
            # their sessions.
            _vote(scores, [(Intent.SPEAKER, 2.5)])
    if e.venues:
        _vote(scores, [(Intent.VENUE, 2.0)])
    if e.has_region:
        _vote(scores, [(Intent.CONTACT, 0.5)])
    when = e.when
    if when.day is not None or when.time is not None or when.period is not None:
        _vote(scores, [(Intent.SCHEDULE, 1.5 + (0.5 if when.time is not None else 0.0))])
        if all(i in when.used for i, t in enumerate(e.tokens)
               if t not in textnorm.PARTICLES and t not in _WHAT):
            # "besok?", "hari ini", "jumat pagi", "what's this afternoon?": a day (or part
            # of it) and nothing else asks for its programme.
            _vote(scores, [(Intent.SCHEDULE, 1.0)])
    words = set(content)
    tokens = e.tokens
    asks_who = any(t in WHO for t in tokens)
    asks_where = any(t in ("dimana", "where") for t in tokens)
    if asks_who and (e.sessions or when.day is not None):
        _vote(scores, [(Intent.SPEAKER, 1.0)])
    if asks_who and (_asks_whom_to_ask(tokens) or (not tour and _contact_before_who(tokens))):
        # "deng sapa beta bisa tanya kalo ada masalah registrasi?", "who can I ask about
        # the certificate?": whom to ask is a contact, not a speaker of the item named.
        _vote(scores, [(Intent.CONTACT, 4.0)])
    if words & REACH_VERBS and words & REACHABLE:
        # "how can I reach the organizing committee?": the committee's contacts.
        _vote(scores, [(Intent.CONTACT, 4.0)])
    # "di restoran mana", "di gedung mana": a where-question split around a noun.
    split_where = any(
        t == "mana" and "di" in tokens[max(0, i - 3) : i] for i, t in enumerate(tokens)
    )
    if split_where and not asks_where:
        _vote(scores, [(Intent.VENUE, 2.0)])
    if (asks_where or split_where or words & VENUE_WORDS) and e.sessions and not tour:
        _vote(scores, [(Intent.VENUE, 1.5)])


#: "What" alone beside a day asks nothing else than the day's programme.
#: Asking what a day holds: "what do we have on the 18th?", "what are we doing tomorrow?",
#: "what have we got on friday?" (with PARTICLES).
_WHAT = frozenset({"what", "apa", "have", "got", "doing", "on", "planned"})


#: Asking someone: "tanya" after "siapa" ("siapa yang bisa saya tanya"), or "tanya
#: ke/dengan siapa"; not "mau tanya, siapa pembicaranya?", where "tanya" frames the question.
_ASK_VERBS = frozenset({"tanya", "bertanya", "ditanya", "tanyakan", "ditanyakan", "ask",
                        "asked", "contact", "kontak", "hubungi", "dihubungi"}) | IN_CHARGE
_TO_WHOM = frozenset({"ke", "kepada", "dengan", "sama", "pada"})
#: Verbs of contacting right before "siapa" ("hubungi siapa?", "contact who?"):
#: whom to contact.
_CONTACT_VERBS = frozenset({"hubungi", "kontak", "contact"})


def _asks_whom_to_ask(tokens: Sequence[str]) -> bool:
    who = next((i for i, t in enumerate(tokens) if t in WHO), None)
    if who is None:
        return False
    if any(t in _ASK_VERBS for t in tokens[who + 1:]):
        return True
    return who >= 2 and tokens[who - 1] in _TO_WHOM and tokens[who - 2] in _ASK_VERBS


def _contact_before_who(tokens: Sequence[str]) -> bool:
    """"soal registrasi, kontak siapa?": whom to contact (the tour's own question, "bus
    ketinggalan, hubungi siapa?", is its bus leaders')."""
    who = next((i for i, t in enumerate(tokens) if t in WHO), None)
    return who is not None and who >= 1 and tokens[who - 1] in _CONTACT_VERBS


def _gate(e: Evidence, words: set[str], tour: Sequence[str], scores: Scores) -> None:
    """Gates: intents that need evidence beyond a question word."""
    when, direct, spoken = e.when, e.direct, e.spoken
    context = bool(words & (CONTEXT | e.network_words))
    has_when = when.day is not None or when.time is not None or when.period is not None
    if has_when and not (direct or spoken) and Intent.SESSION in scores:
        # "besok mulai jam berapa?": a when-question about a day, no session named: it
        # asks for that day's programme.
        _vote(scores, [(Intent.SCHEDULE, 0.5 * scores[Intent.SESSION])])
    if words & _ABOUT_WORDS and Intent.ABOUT in scores and (any(
        score >= 3 for intent, score in scores.items() if intent is not Intent.ABOUT
    ) or e.speakers or direct or has_when):
        # "about"/"tentang" is a preposition: "tell me about the speakers" is about the
        # speakers, "Bupati Banyuwangi bicara tentang apa?" about his session, "besok
        # bahas apa aja?" about tomorrow's programme.
        scores[Intent.ABOUT] -= 3
    if not (e.speakers or e.sessions or when.day or (words & SPEAKER_WORDS)):
        scores.pop(Intent.SPEAKER, None)
    # "besok pagi beta pi mana?", "besok pagi kita ke mana?", "tomorrow morning where?": a
    # day's where-question, nothing named, asks where that day's programme is.
    day_where = has_when and not (e.sessions or tour) and _asks_where_to(e.tokens) and all(
        i in when.used or t in _WHERE_ALONE or t in textnorm.PARTICLES
        for i, t in enumerate(e.tokens))
    if day_where:
        _vote(scores, [(Intent.VENUE, 2.0)])
    if not (e.venues or e.sessions or context or (words & VENUE_WORDS) or day_where):
        scores.pop(Intent.VENUE, None)
    if not (direct or spoken) or (tour and len(tour) == len(e.sessions)):
        scores.pop(Intent.SESSION, None)
    if not (has_when or context or (Intent.SCHEDULE in scores and has_schedule_word(words))):
        scores.pop(Intent.SCHEDULE, None)

    if e.asks and any(
        score >= 3.0 for intent, score in scores.items() if intent not in COURTESY
    ):
        # "Selamat sore, … sertifikat? Terima kasih": the greeting and the thanks frame a
        # question; they are not what it asks.
        for intent in COURTESY:
            scores.pop(intent, None)
    now_evidence = words & NOW_ALL
    if Intent.NOW_NEXT in scores and now_evidence <= {"sekarang", "now"} and (
        scores.get(Intent.UNKNOWN, 0.0) > 0 or e.has_region
        or any(scores.get(i, 0.0) >= 3 for i in (Intent.RSVP, Intent.CONTACT,
                                                  Intent.REMINDER))
    ):
        # "sekarang saya di bandara, …": "now" inside a question about something else
        # is not a question about what is on now.
        scores.pop(Intent.NOW_NEXT)


def _asks_where_to(tokens: Sequence[str]) -> bool:
    """Where, or where to: "dimana", "kemana", "where", and "mana" after "ke" or a verb of
    going ("ke mana", Kupang Malay's "pi mana": textnorm reads "pi" as "pergi")."""
    return any(t in _WHERE_TO or (t == "mana" and i > 0 and tokens[i - 1] in _GOING)
               for i, t in enumerate(tokens))


#: "mana" alone is where only after a verb of going ("ke mana", not "bupati mana").
_WHERE_TO = WHERE_TO - {"mana"}
_GOING = frozenset({"ke", "pergi", "go", "to"})
#: The words of a day's where-question that name nothing asked about ("besok pagi kita harus
#: ke mana?"): "nanti malam makan di mana?" asks where a meal is, which is another question.
_WHERE_ALONE = _WHERE_TO | _GOING | FIRST_PERSON | frozenset(
    {"mana", "harus", "perlu", "mau", "should", "must", "need", "kalian", "you"})


#: "about", and "discuss": "Bupati Banyuwangi bahas apa?" is about his session.
_ABOUT_WORDS = frozenset({"about", "tentang", "bahas", "membahas", "dibahas", "discuss",
                          "discussed"})


def _decide(scores: Scores) -> tuple[Intent, float]:
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


# -- facts ------------------------------------------------------------------------------------
def facts_asked(
    words: set[str],
    tokens: Sequence[str],
    sessions: Sequence[str],
    stops: bool,
    has_when: bool,
    tour_ids: frozenset[str],
) -> tuple[Fact, ...]:
    """Facts the question asks for, from question words around the event or its tour."""
    pairs = set(pairwise(tokens))
    if stops or any(s in tour_ids for s in sessions):
        return _tour_facts(words, pairs)
    if sessions:
        # "keynote berapa lama?": how long the session lasts.
        return (Fact.LENGTH,) if words & _LENGTH_WORDS or pairs & _LENGTH_PAIRS else ()
    if has_when:
        return ()
    return _event_facts(words, pairs, tokens)


_LENGTH_WORDS = frozenset({"lamanya", "durasi", "durasinya", "duration"})
#: "lamanya berapa" ("-nya" read off), "lama gak?" (is it long?) too.
_LENGTH_PAIRS = frozenset({("berapa", "lama"), ("how", "long"), ("berapa", "jam"),
                           ("berapa", "menit"), ("lama", "berapa"), ("lama", "tidak")})


#: Room on the tour, asked as still there ("masih ada tempat?", "still room?", "space left?").
_ROOM = frozenset({"tempat", "room", "space", "spot", "spots"})
#: Chat's "msh", "masi" too (textnorm leaves "msh" as it is: `understander._STILL_ANY`).
_STILL = frozenset({"masih", "msh", "msih", "masi", "still", "left", "sisa", "tersisa", "lagi"})
#: "tour udh penuh?", "is the tour full?": whether seats are left, which the capacity says
#: with the delegate's own place on it (the tour card).
_FULL = frozenset({"penuh", "full"})


def _tour_facts(words: set[str], pairs: set[tuple[str, str]]) -> tuple[Fact, ...]:
    out: list[Fact] = []
    asks_count = bool(words & ASK_HOW_MANY) or ("how", "many") in pairs
    if words & CAPACITY or (asks_count and words & (PEOPLE | {"orang", "people"})) or (
            words & _ROOM and words & _STILL) or words & _FULL:
        # "masih ada tempat untuk ikut city tour?", "any room left on the tour?": seats.
        out.append(Fact.TOUR_CAPACITY)
    where_to = words & _GOES_WHERE or pairs & {("ke", "mana"), ("pergi", "mana"), ("where", "to")}
    if words & (STOPS - _GOES_WHERE) or (where_to and not words & _GOING_BACK):
        # "balik ke mana habis tour?": where it ends (its return), not where it stops.
        out.append(Fact.TOUR_STOPS)
    if words & TOUR_TIMES:
        out.append(Fact.TOUR_TIMES)
    if words & BRING:
        out.append(Fact.TOUR_BRING)
    if (asks_count and words & {"bus", "buses"}) or words & _TRAVEL or pairs & _TRAVEL_PAIRS or (
            words & {"bus", "bis"} and ("yang", "mana") in pairs):  # "naik bus yg mana?"
        out.append(Fact.TOUR_BUSES)  # "city tour naik apa?": its buses are how it travels
    return tuple(out)


#: Where the tour goes ("kemana"), unless asked with going back ("pulang kemana?").
_GOES_WHERE = frozenset({"kemana"})
_GOING_BACK = frozenset({"pulang", "kembali", "balik", "return", "returns"})


#: "hari apa", and "tahun berapa" (which year: the dates say it).
_WHICH_DAY = frozenset({("hari", "apa"), ("tahun", "berapa"), ("what", "year"),
                        ("which", "year")})
_TRAVEL = frozenset({"kendaraan", "transportasi", "transport", "vehicle", "vehicles"})
_TRAVEL_PAIRS = frozenset({("naik", "apa"), ("pakai", "apa"), ("get", "around"),
                           ("travel", "by"), ("by", "bus"),
                           # "naik bus apa/mana?", "which bus do we take?": the buses, each
                           # named (a seat on one is assigned on joining).
                           ("bus", "apa"), ("bus", "mana"), ("bis", "apa"), ("bis", "mana"),
                           ("which", "bus"), ("what", "bus")})

_WHICH_PLACE = frozenset({("ruang", "apa"), ("ruangan", "apa"), ("tempat", "apa"),
                          ("gedung", "apa"), ("which", "room"), ("what", "room")})


def _event_facts(words: set[str], pairs: set[tuple[str, str]], tokens: Sequence[str] = ()
                 ) -> tuple[Fact, ...]:
    out: list[Fact] = []
    event_word = bool(words & EVENT_WORDS)
    if "lagi" not in words and (
        # "berapa hari", "how many days", terse English's "how many day"
        any(a in ("berapa", "many") and b in DAY_UNITS for a, b in pairs)
        or (pairs & {("berapa", "lama"), ("how", "long")} and event_word)
    ):
        out.append(Fact.LENGTH)  # not "berapa hari lagi" (how long until)
    # "… diadakan di ruang apa?" asks where, not when, whatever its verb.
    asks_place = bool(words & {"dimana", "where"}) or bool(pairs & _WHICH_PLACE)
    # "… diadakan oleh siapa?" asks by whom, not when, whatever its verb.
    held_by = any(a in _HELD and b in _OLEH for a, b in pairs)
    if event_word and (words & ASK_WHEN or pairs & _WHICH_DAY) and not (
            asks_place and not words & {"kapan", "when", "tanggal", "date"}) and not (
            held_by and not words & {"kapan", "when", "tanggal", "date"}):
        out.append(Fact.DATES)
    if event_word and words & ASK_WHERE and not words & VENUE_WORDS - {"lokasi"}:
        out.append(Fact.PLACE)
    asks_count = bool(words & ASK_HOW_MANY) or ("how", "many") in pairs
    # "dari mana", "dari daerah/kota mana", "mana saja": where they come from, who takes part.
    from_where = any(t == "mana" and "dari" in tokens[max(0, i - 2):i]
                     for i, t in enumerate(tokens))
    asks_who = from_where or bool(pairs & {("dari", "mana"), ("siapa", "saja"), ("mana", "saja"),
                                           ("daerah", "mana")}) or bool(
        words & {"asal", "who", "which"})
    if (asks_count or asks_who) and (
        words & PEOPLE or pairs & PEOPLE_PAIRS or (("berapa", "orang") in pairs and event_word)
        # "how many people are coming?": counted people, no item named, are the event's.
        or (asks_count and "people" in words)
        # "Sidoarjo gabung citynet tahun brp?" asks a year (of membership), not a count.
        or (asks_count and words & ATTENDING and not words & (FIRST_PERSON | ITEM_NOUNS)
            and not words & {"tahun", "thn", "year", "sejak", "since"})
    ):
        out.append(Fact.PARTICIPANTS)
    if event_word and words & _NAME_WORDS:
        out.append(Fact.NAME)  # "nama resmi acaranya apa?", "what is the event called?"
    if words & {"tema", "theme"}:
        out.append(Fact.THEME)
    if (words & HOST_WORDS and not _held_at(tokens)) or held_by:
        # "acara ini diadakan oleh siapa?", "held by whom?": who holds it, its host.
        out.append(Fact.HOST)
    elif event_word and _held_at(tokens) and Fact.PLACE not in out:
        out.append(Fact.PLACE)  # "acara ini diselenggarakan di provinsi apa?"
    if asks_zone(words, pairs):
        out.append(Fact.TIMEZONE)
    if any((a in _COUNTS and b in _PLACES) or (a in _PLACES and b == "berapa")
           for a, b in pairs) and not words & CAPACITY:
        out.append(Fact.VENUES)  # "tempat acaranya ada berapa lokasi?" (not a room's seats)
    elif one_place(tokens):
        out.append(Fact.VENUES)  # "semua sesi di satu tempat?": the places it uses answer
    return tuple(out)


def one_place(tokens: Sequence[str]) -> bool:
    """Whether one place (or the same place) is asked about: "di satu tempat atau
    pindah-pindah?", "tempat yang sama?", "in the same building as the keynote?"."""
    near = [*pairwise(tokens), *zip(tokens, tokens[2:], strict=False)]
    return any((a in _ONE and b in _PLACES) or (a in _PLACES and b in _ONE) for a, b in near)


#: Asking what something is called.
_NAME_WORDS = frozenset({"nama", "namanya", "name", "called", "judul", "judulnya"})
#: Words for the event's places, counted ("berapa lokasi", "how many venues").
_PLACES = frozenset({"lokasi", "tempat", "venue", "venues", "locations", "location", "places",
                     "gedung", "building", "buildings", "place"})
#: One place, or the same ("satu tempat", "tempat yang sama", "the same building").
_ONE = frozenset({"satu", "sama", "same", "single"})
_COUNTS = frozenset({"berapa", "jumlah", "many"})
#: With a zone's name, words that make it a question about the programme's times
#: ("jadwalnya pakai WIB?", "is the schedule in WITA?").
_ZONE_CONTEXT = frozenset({"atau", "or", "zona", "zone", "jadwal", "schedule", "waktu", "jam",
                           "time", "times", "pukul"})
#: Names of time zones people compare the programme's times with.
ZONES = frozenset({"wib", "wita", "wit", "gmt", "utc"})
_ZONE_PAIRS = frozenset({("zona", "waktu"), ("time", "zone"), ("zona", "wib"),
                         ("zona", "wita"), ("zona", "wit")})


def asks_zone(words: set[str], pairs: set[tuple[str, str]]) -> bool:
    """"jam di jadwal itu WIB atau WITA?", "what time zone are the times in?"."""
    return bool(pairs & _ZONE_PAIRS or "timezone" in words or len(words & ZONES) >= 2
                or (words & ZONES and words & _ZONE_CONTEXT))


#: "diselenggarakan di gedung mana?", "held at": where the event is held, not who hosts it.
_AT = frozenset({"di", "at", "in"})
_BY = frozenset({"oleh", "by", "siapa", "who"})
_OLEH = frozenset({"oleh", "by"})
#: Holding an event, said without a word of hosting ("diadakan oleh", "held by").
_HELD = frozenset({"diadakan", "dilaksanakan", "digelar", "held", "run"})


def _held_at(tokens: Sequence[str]) -> bool:
    return not set(tokens) & _BY and any(
        a in HOST_WORDS and b in _AT for a, b in pairwise(tokens))
