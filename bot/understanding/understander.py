"""The per-event understander: indexes built once, then `understand` per message."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from itertools import pairwise

from bot import textnorm
from bot import when as when_words
from bot.model import Event, Session, SessionKind
from bot.regions import RegionIndex, aliases_from_contacts, combine
from bot.understanding.lexicon import (
    ASK_HOW_MANY,
    ASK_WHEN,
    ASK_WHERE,
    ASKS_ITEM,
    BIGRAMS,
    BRING,
    CAPACITY,
    CLOSE_WORDS,
    CONTEXT,
    COURTESY,
    EVENT_WORDS,
    FACTS_OVER,
    GREETING_ONLY,
    HONORIFICS,
    HOST_WORDS,
    LAST_ITEM,
    LEXICON,
    LIST_NOUNS,
    MIN_SCORE,
    NEEDS_NO_SLOTS,
    NEXT_WORDS,
    NOW_ALL,
    NOW_WORDS,
    OFF_TOPIC_MARGIN,
    OPEN_WORDS,
    PEOPLE,
    QUESTION_WORDS,
    RELATIONS,
    REMINDER_WORDS,
    SPEAKER_WORDS,
    STOPS,
    TOUR_TIMES,
    VENUE_WORDS,
    has_schedule_word,
    word_set,
)
from bot.understanding.result import Fact, Intent, Relation, Understanding
from bot.when import When, when_from_tokens


@dataclass(frozen=True, slots=True)
class Ref:
    kind: str  # "session" | "speaker" | "venue"
    id: str


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    refs: tuple[Ref, ...]


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

        phrases: dict[tuple[str, ...], list[Ref]] = {}

        def add(text: str, ref: Ref) -> None:
            toks = textnorm.simple_tokens(text)
            if toks and ref not in phrases.setdefault(toks, []):
                phrases[toks].append(ref)

        for venue in event.venues.values():
            for text in (venue.name, *venue.aliases):
                add(text, Ref("venue", venue.id))
        for speaker in event.speakers.values():
            ref = Ref("speaker", speaker.id)
            for text in (speaker.name, *speaker.aliases):
                add(text, ref)
                bare = [t for t in textnorm.simple_tokens(text) if t not in HONORIFICS]
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
            ref = Ref("session", s.id)
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
                ref = Ref("stop", str(index))
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
                add(keyword, Ref("faq", faq.id))

        self.phrases = {k: tuple(v) for k, v in phrases.items()}
        self.first_words = frozenset(k[0] for k in self.phrases)
        self.max_len = max((len(k) for k in self.phrases), default=1)

        region_aliases = aliases_from_contacts(event.contacts)
        self.region_index = RegionIndex(event.regions, region_aliases)
        self.order = {s.id: i for i, s in enumerate(event.sessions)}

        vocab: set[str] = set(LEXICON) | set(GREETING_ONLY)
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
        for words in (EVENT_WORDS, HOST_WORDS, ASK_WHEN, ASK_WHERE, PEOPLE, CAPACITY, STOPS,
                      TOUR_TIMES, BRING, OPEN_WORDS, CLOSE_WORDS, frozenset(RELATIONS)):
            vocab.update(words)
        vocab.update(
            word_set(
                """besok lusa kemarin nanti hari ini today tomorrow tonight yesterday later
                tanggal setengah lewat kurang seperempat noon"""
            )
        )
        guarded = set(when_words.WEEKDAYS) | set(when_words.PERIOD_WORDS) | set(
            word_set("besok lusa kemarin sekarang nanti today tomorrow tonight yesterday")
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
    def _matches(self, tokens: Sequence[str]) -> list[Match]:
        found: list[Match] = []
        n = len(tokens)
        for i in range(n):
            if tokens[i] not in self.first_words:
                continue
            for length in range(min(self.max_len, n - i), 0, -1):
                refs = self.phrases.get(tuple(tokens[i : i + length]))
                if refs:
                    found.append(Match(i, i + length, refs))
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
        out: list[Match] = []
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
            if words & OPEN_WORDS and self.opening:
                session_score[self.opening] = 1.0
            elif words & CLOSE_WORDS and self.closing:
                session_score[self.closing] = 1.0
            elif set(pairwise(tokens)) & LAST_ITEM:
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
        if len(sessions) > 1 and words & NEXT_WORDS:
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
            if words & ASKS_ITEM and not words & REMINDER_WORDS
            else (None, None)
        )
        asks = "?" in text or bool(words & QUESTION_WORDS)
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
        now_words = words & NOW_WORDS
        over = FACTS_OVER | (
            {Intent.NOW_NEXT} if Fact.LENGTH in facts and not now_words else set()
        )
        off_topic = intent is Intent.UNKNOWN and confidence > 0
        if facts and intent in over and not (direct or speakers or venues or off_topic):
            intent = Intent.CITY_TOUR if facts[0].startswith("tour") else Intent.ABOUT
        if ((intent is Intent.VENUE and not (venues or sessions) and self._unknown_topic(tokens))
                or (intent not in COURTESY and self._asks_existence_of_unknown(tokens))):
            # "ada dokter jaga di lokasi?", "ada penerjemah untuk sesi prof lee?": a question
            # about something the data does not know is not answered with a nearby card.
            intent, confidence = Intent.UNKNOWN, 0.5
        found = Understanding(
            intent, confidence=confidence, facts=facts, stops=tuple(stops), faq_id=faq_id,
            faq_covers=faq_id is not None and faq_covers, doubts=doubts, readings=readings,
        )
        if intent in NEEDS_NO_SLOTS:
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
            asks_count = bool(words & ASK_HOW_MANY) or ("how", "many") in pairs
            if words & CAPACITY or (asks_count and words & (PEOPLE | {"orang", "people"})):
                out.append(Fact.TOUR_CAPACITY)
            if words & STOPS or pairs & {("ke", "mana"), ("pergi", "mana"), ("where", "to")}:
                out.append(Fact.TOUR_STOPS)
            if words & TOUR_TIMES:
                out.append(Fact.TOUR_TIMES)
            if words & BRING:
                out.append(Fact.TOUR_BRING)
            if asks_count and words & {"bus", "buses"}:
                out.append(Fact.TOUR_BUSES)
            return tuple(out)
        if sessions or has_when:
            return ()
        event_word = bool(words & EVENT_WORDS)
        if "lagi" not in words and (
            ("berapa", "hari") in pairs or ("many", "days") in pairs
            or ("berapa", "days") in pairs or (("berapa", "lama") in pairs and event_word)
        ):
            out.append(Fact.LENGTH)  # not "berapa hari lagi" (how long until)
        if event_word and (words & ASK_WHEN or ("hari", "apa") in pairs):
            out.append(Fact.DATES)
        if event_word and words & ASK_WHERE and not words & VENUE_WORDS - {"lokasi"}:
            out.append(Fact.PLACE)
        asks_count = bool(words & ASK_HOW_MANY) or ("how", "many") in pairs
        asks_who = ("dari", "mana") in pairs or ("siapa", "saja") in pairs or bool(
            words & {"asal", "who", "which"})
        if (asks_count or asks_who) and (
            words & PEOPLE or (("berapa", "orang") in pairs and event_word)
        ):
            out.append(Fact.PARTICIPANTS)
        if words & {"tema", "theme"}:
            out.append(Fact.THEME)
        if words & HOST_WORDS:
            out.append(Fact.HOST)
        return tuple(out)

    def _relation(
        self, tokens: Sequence[str], matches: Sequence[Match], when: When, now: datetime
    ) -> tuple[Relation | None, str | None]:
        """"setelah makan siang": the relation and the programme item it is about."""
        for i, tok in enumerate(tokens):
            relation = RELATIONS.get(tok)
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
        if all(t in GREETING_ONLY for t in content):
            return Intent.GREETING, 1.0

        scores: dict[Intent, float] = {}

        def vote(pairs: Iterable[tuple[Intent, float]]) -> None:
            for intent, weight in pairs:
                scores[intent] = scores.get(intent, 0.0) + weight

        seen: set[str] = set()
        for i, tok in enumerate(tokens):
            if i in when.used and tok not in ("jam", "pukul"):
                continue
            if tok == "daftar" and i + 1 < len(tokens) and tokens[i + 1] in LIST_NOUNS:
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
        if (asks_where or split_where or words & VENUE_WORDS) and sessions and not tour:
            vote([(Intent.VENUE, 1.5)])

        # Gates: intents that need evidence beyond a question word.
        context = bool(words & (CONTEXT | self.network_words))
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
        if not (speakers or sessions or when.day or (words & SPEAKER_WORDS)):
            scores.pop(Intent.SPEAKER, None)
        if not (venues or sessions or context or (words & VENUE_WORDS)):
            scores.pop(Intent.VENUE, None)
        if not (direct or spoken) or (tour and len(tour) == len(sessions)):
            scores.pop(Intent.SESSION, None)
        if not (has_when or context or (Intent.SCHEDULE in scores and has_schedule_word(words))):
            scores.pop(Intent.SCHEDULE, None)

        if asks and any(
            score >= 3.0 for intent, score in scores.items() if intent not in COURTESY
        ):
            # "Selamat sore, … sertifikat? Terima kasih": the greeting and the thanks frame a
            # question; they are not what it asks.
            for intent in COURTESY:
                scores.pop(intent, None)
        now_evidence = words & NOW_ALL
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
