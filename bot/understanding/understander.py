"""The per-event understander: indexes built once, then `understand` per message."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from itertools import pairwise

from bot import textnorm
from bot.memo import per_event
from bot.model import Event, Session, SessionKind
from bot.regions import (
    KAB_WORDS,
    KOTA_WORDS,
    RegionIndex,
    RegionMatch,
    aliases_from_contacts,
    asker_origin,
    combine,
)
from bot.understanding.classify import Evidence, classify, facts_asked, one_place
from bot.understanding.index import Match, PhraseIndex, network_words, normalizer_for
from bot.understanding.lexicon import (
    ALL_WORDS,
    ASK_HOW_MANY,
    ASK_WHEN,
    ASKS_ITEM,
    CLOCK_ASKED,
    CLOSE_WORDS,
    CONTEXT,
    COURTESY,
    DAY_END_WORDS,
    DAY_START_WORDS,
    DAY_UNITS,
    EVENT_WORDS,
    FACTS_OVER,
    FIRST_PERSON,
    GATHER_WORDS,
    GENERAL,
    HELD_AT,
    ITEM_NOUNS,
    KIND_WORDS,
    LAST_ITEM,
    LAST_WORDS,
    LEXICON,
    LIST_NOUNS,
    NEEDS_NO_SLOTS,
    NEXT_WORDS,
    NOT_SESSIONS,
    NOW_WORDS,
    OFF_TOPIC,
    OFFICE_OF,
    ON_STAGE,
    OPEN_WORDS,
    PEOPLE,
    PROGRAMME_WORDS,
    QUESTION_WORDS,
    RECALL_VERBS,
    RELATIONS,
    REMINDER_WORDS,
    REST_WORDS,
    RESUME,
    ROLES,
    SPEAKING,
    STAGE,
    TERM_OF_OFFICE,
    THERE_IS,
    UNDER_WAY,
    UNTIL_PAIRS,
    WHERE_TO,
    WHO,
    recalls,
)
from bot.understanding.result import Fact, Intent, Relation, Scope, Understanding
from bot.when import (
    MONTHS,
    ORDINALS,
    PERIOD_HOURS,
    PERIOD_WORDS,
    When,
    shift_period,
    when_from_tokens,
)


class Understander:
    """Indexes of one event, built once; `understand` is then cheap per message."""

    def __init__(self, event: Event) -> None:
        self.event = event
        self.days = event.days
        self.index = PhraseIndex(event)
        region_aliases = aliases_from_contacts(event.contacts)
        self.region_index = RegionIndex(event.regions, region_aliases)
        self.order = {s.id: i for i, s in enumerate(event.sessions)}
        self.network_words = network_words(event)
        self.normalizer = normalizer_for(event, self.index, region_aliases, self.network_words)

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

        #: Each speaker's offices (a position's comma-separated parts, both languages) as
        #: sets of words, for an office named in any order ("citynet indonesia periode
        #: presiden", "the Citynet Indonesia president's term"). Short words (of, dan, RI)
        #: say no office.
        self.offices: list[tuple[frozenset[str], str]] = [
            (key, sp.id) for sp in event.speakers.values()
            for text in (sp.position.id, sp.position.en or "") for part in text.split(",")
            if (key := frozenset(t for t in self.normalizer.tokens(part) if len(t) >= 4))
            and key & ROLES and key - ROLES]

        self.tour_ids = frozenset(s.id for s in event.sessions if s.kind == SessionKind.TOUR)
        self.item_words = self._item_words()
        #: The event's own name, as tokens, in each language.
        self.name_tokens = [toks for n in (event.name.id, event.name.en or "") if n
                            if (toks := self.normalizer.tokens(n))]
        self.kinds = self._kinds()
        self.presenting = self._presenting()

    def _presenting(self) -> dict[str, tuple[str, ...]]:
        """The talks a region gives, by region: a talk whose title names a region one of its
        speakers is from ("Sharing Best Practice Kabupaten X" by X's regent), in programme
        order. A ceremony's remarks by the host's mayor, or a tour of the host city, are not
        the city presenting."""
        def regions(text: str) -> set[str]:
            return {r for m in self.region_index.mentions(self.normalizer.tokens(text))
                    if not m.ambiguous for r in m.regions}

        out: dict[str, list[str]] = {}
        for s in self.by_start:
            if s.kind not in (SessionKind.PLENARY, SessionKind.SESSION):
                continue
            titled = regions(f"{s.title.id} {s.title.en or ''}")
            own = {r for sp in s.speaker_ids if (p := self.event.speaker(sp)) is not None
                   for r in regions(f"{p.organization} {p.organization_en}")}
            for region in sorted(titled & own):
                out.setdefault(region, []).append(s.id)
        return {r: tuple(ids) for r, ids in out.items()}

    def presented(self, when: When) -> tuple[str, ...]:
        """The talks regions give (`presenting`) on the day and in the part of the day asked,
        in programme order."""
        low, high = PERIOD_HOURS.get(when.period, (0, 24)) if when.period else (0, 24)
        ids = {sid for ids in self.presenting.values() for sid in ids}
        return tuple(s.id for s in self.by_start if s.id in ids
                     and (when.day is None or self.session_day[s.id] == when.day)
                     and low <= self.event.local(s.start).hour < high)

    def _kinds(self) -> dict[tuple[str, ...], tuple[str, ...]]:
        """Phrases that name a kind of item, and its sessions: the words of a session kind
        ("pleno") and the tags several sessions share that the index leaves out because the
        event's name holds them ("sesi best practice": the best-practice sessions)."""
        out: dict[tuple[str, ...], tuple[str, ...]] = {}
        for word, kind in KIND_WORDS.items():
            ids = tuple(s.id for s in self.by_start if s.kind is kind)
            if ids:
                out[(word,)] = ids
        names = self.name_tokens
        for s in self.by_start:
            for tag in s.tags:
                toks = self.normalizer.tokens(tag)
                if toks and any(textnorm.contains_phrase(n, toks) for n in names):
                    out[toks] = (*out.get(toks, ()), s.id)
        return {k: ids for k, ids in out.items() if len(ids) >= 2 or k[0] in KIND_WORDS}

    def _kind(self, tokens: Sequence[str]) -> tuple[str, ...]:
        """The sessions of the kind a question names with an item noun ("sesi pleno",
        "sesi2 best practice", "plenary sessions"), if any; not within the event's own name
        ("Panitia Seminar dan Sharing Best Practice …" in a letter's address)."""
        for name in self.name_tokens:
            n = len(name)
            tokens = next(([*tokens[:i], *tokens[i + n:]] for i in range(len(tokens) - n + 1)
                           if tuple(tokens[i:i + n]) == tuple(name)), tokens)
        for i in range(len(tokens)):
            for phrase, ids in self.kinds.items():
                end = i + len(phrase)
                # "presentasi best practice", "which best practices will be presented?": a
                # talk is an item too.
                if tuple(tokens[i:end]) == phrase and (
                        set(tokens[max(0, i - 2):i]) & ITEM_NOUNS
                        or (end < len(tokens) and tokens[end] in ITEM_NOUNS)
                        or _presents([*tokens[:i], *tokens[end:]])):
                    return ids
        return ()

    def _asks_presenting(self, tokens: Sequence[str]) -> bool:
        """Whether the question asks which regions present ("which city is presenting?",
        "daerah mana saja yang sharing?"), naming none itself and not what is on now."""
        words = set(tokens)
        return (bool(self.presenting) and bool(words & REGION_NOUNS) and _presents(tokens)
                and bool(words & _WHICH) and not words & (NOW_WORDS | FIRST_PERSON)
                and not self.region_index.mentions(tokens))

    def _item_words(self) -> dict[str, list[str]]:
        """Single words of the items' titles and tags that name few items ("makan" in the
        lunch breaks): "abis makan ada apa?" is after lunch, though "makan" alone is no
        phrase of the index. Words of the bot's own vocabulary and common ones are left out."""
        event = self.event
        # The event's own name, city and host name no single item.
        common = set(self.normalizer.tokens(" ".join(
            [event.name.id, event.city, event.host or ""]))) | _FUNCTION_WORDS
        out: dict[str, list[str]] = {}
        for s in self.event.sessions:
            texts = [s.title.id, *s.tags]
            for word in {w for text in texts for w in self.normalizer.tokens(text)}:
                if (len(word) >= 4 and word.isalpha() and word not in _NOT_ITEM_WORDS
                        and word not in common):
                    out.setdefault(word, []).append(s.id)
        # A word shared by many items names none of them.
        return {w: ids for w, ids in out.items() if len(ids) <= 2}

    def order_key(self, session: Session) -> int:
        return self.order.get(session.id, 0)


    def named_items(self, text: str) -> tuple[str, ...]:
        """The sessions `text` names by their titles, tags or keywords, whatever day it
        asks about (the understanding keeps only those of the day asked, or all of them when
        none is on it)."""
        tokens = self.normalizer.tokens(text)
        return tuple(_Named.of(self.index.matches(tokens)).session_score)

    def understand(self, text: str, now: datetime) -> Understanding:
        tokens = self.normalizer.tokens(text)
        if not tokens:
            return Understanding(Intent.UNKNOWN)
        if recalls(tokens):
            # "tlg ingetin tmpt seminarnya dmn": tell me again where, not a reminder.
            tokens = tuple(t for t in tokens if t not in RECALL_VERBS)
        surface = textnorm.tokenize(text)
        doubts = self.normalizer.doubtful(surface)
        readings = self.normalizer.read_as(surface)
        local_now = self.event.local(now) if now.tzinfo else now
        when = when_from_tokens(_before_reason(tokens), local_now, self.days)
        span = _event_span(tokens, self.days) if when.time is None and when.period is None \
            else None
        if span is not None:
            # "untuk kegiatan tanggal 16 s.d. 18 Oktober, berapa pesertanya?": the event's own
            # dates, first to last, name the event, not a day of it, nor ask its dates.
            start, end = span
            if start and tokens[start - 1] in _DATE_NOUNS:
                start -= 1
            tokens = (*tokens[:start], *tokens[end:])
            when = When()
        if when.unread:
            # "hari ke 7" of a three-day event, "jam 27": no day or time to answer for; the
            # asker is asked, never answered for another day (an empty reading: none fits).
            doubts = (*doubts, *((typed, "") for typed in when.unread))
        matches = _counted_people(tokens, self.index.matches(tokens))
        tokens, matches = self._registration_time(tokens, matches)
        when = _shift_period(tokens, when, matches)
        named = _Named.of(matches)
        faq_id = named.faq_id()
        speakers, venues, stops = named.speakers, named.venues, named.stops
        if not stops and not any(t in RELATIONS for t in tokens):
            # "what's the first stop?" names a stop by its place on the route (after or
            # before one so named is not read here: the relation does not know it).
            named.stops = stops = self._ordinal_stop(tokens)

        words = set(tokens)
        if words & TERM_OF_OFFICE and words & ROLES and not named.speakers:
            # "citynet indonesia periode presiden skrg smp thn brp?": the holder's card (his
            # bio says the period); an office no speaker holds, the decline — never the card
            # of a session whose title names it, nor its length.
            held = tuple(dict.fromkeys(sid for key, sid in self.offices if key <= words))
            if len(held) == 1:
                return Understanding(Intent.SPEAKER, speaker_ids=held, confidence=0.5,
                                     doubts=doubts, readings=readings)
            return Understanding(Intent.UNKNOWN, doubts=doubts, readings=readings)
        if (when.day is not None and when.period is None and self.opening
                and when.day < self.session_day[self.opening]
                and not self.event.sessions_on(when.day)
                and self._opening_asked(words, replace(when, day=None))):
            # "sapa yang buka acara nanti?" on the eve: later is the coming opening, not a
            # day with no programme.
            when = replace(when, day=None)
        has_when = when.day is not None or when.time is not None or when.period is not None
        direct, spoken, sessions = self._sessions(named, tokens, when, has_when, local_now)
        if (when.day in (None, local_now.date()) and when.time is None
                and _asks_time_left(tokens)):
            # "how much longer does the current session run?", "masih lama?", "sesi skrg
            # kapan selesai?": the item on now, whose card says when it ends and how soon
            # ("ishoma masih lama?": the one named that is on now).
            on = [s.id for s in self.by_start if s.start <= local_now < s.end
                  and (not (direct or spoken) or s.id in sessions)]
            if on:
                return Understanding(Intent.SESSION, session_ids=(on[-1],), confidence=0.5,
                                     doubts=doubts, readings=readings)
        if direct and when.day is None and when.time is None and (
                set(pairwise(tokens)) & _IS_THIS
                or (tokens[0] in _NOW_THIS and tokens[1:2] and tokens[1] not in _THIS_TIME
                    and not words & (QUESTION_WORDS | {"jam", "pukul", "time"}))):
            # "is this the keynote?", "ini sesi keynote kah?" asked during another item: what
            # is on now answers it (the item named, if it is the one on now).
            on = [s.id for s in self.by_start if s.start <= local_now < s.end]
            if on and not set(on) & set(sessions):
                return Understanding(Intent.SESSION, session_ids=(on[-1],), confidence=0.5,
                                     doubts=doubts, readings=readings)
        if not (direct or spoken) and (_points_at_this_item(tokens) or any(
                pair == _THIS_SESSION and i > 0 and RELATIONS.get(tokens[i - 1]) in _INVERSE
                for i, pair in enumerate(pairwise(tokens)))):
            # "sesi ini selesai jam berapa?", "what session is this", "when does this one
            # end": the item on now; nothing on, nothing to name.
            on = [s.id for s in self.by_start if s.start <= local_now < s.end]
            this = next((i for i, pair in enumerate(pairwise(tokens))
                         if pair in _THIS_ITEM or pair == _THIS_SESSION),
                        next((i for i, w in enumerate(tokens) if w in _NOW_THIS), 0))
            before = RELATIONS.get(tokens[this - 1]) if this > 0 else None
            if on and before in _INVERSE:
                # "setelah sesi ini ada apa?": the item after the one on now.
                return replace(self.related(before, on[-1]), confidence=0.5, doubts=doubts,
                               readings=readings)
            return Understanding(Intent.SESSION if on else Intent.UNKNOWN,
                                 session_ids=tuple(on[-1:]), confidence=0.5 if on else 0.0,
                                 doubts=doubts, readings=readings)
        if not (direct or spoken or named.speakers) and self._asks_presenting(tokens):
            # "Which cities are presenting their best practices?", "kota mana yang paparan
            # pagi ini?": the talks regions give (that day, that part of it); none then, that
            # day's programme shows what there is.
            presented = self.presented(when)
            if not presented:
                return Understanding(Intent.SCHEDULE, day=when.day, period=when.period,
                                     confidence=0.5, doubts=doubts, readings=readings)
            return Understanding(Intent.SESSION, session_ids=presented, day=when.day,
                                 period=when.period, confidence=0.5, doubts=doubts,
                                 readings=readings)
        kind = () if direct or spoken else self._kind(tokens)
        if kind:
            # "sesi pleno ada berapa?": every session of that kind (of the day asked; none
            # that day, and that day's programme shows what there is).
            on_day = [s for s in kind if when.day is None or self.session_day[s] == when.day]
            if not on_day:
                return Understanding(Intent.SCHEDULE, day=when.day, confidence=0.5,
                                     doubts=doubts, readings=readings)
            return Understanding(Intent.SESSION, session_ids=tuple(on_day), day=when.day,
                                 confidence=0.5, doubts=doubts, readings=readings)
        if one_place(tokens):
            # "the Banyuwangi presentation, is it in the same building as the keynote?":
            # where each item named is held.
            items = list(dict.fromkeys(
                a for m in matches if (a := self._pick(self._session_refs(m), when, local_now))))
            if len(items) >= 2:
                places = tuple(dict.fromkeys(
                    s.venue_id for sid in items[:2] if (s := self.event.session(sid))))
                return Understanding(Intent.VENUE, session_ids=tuple(items[:2]),
                                     venue_ids=places, facts=(Fact.VENUES,), confidence=0.5,
                                     doubts=doubts, readings=readings)
        if when.day is not None and self.event.sessions_on(when.day) and any(
                t in _ONLY and any(m.start == i + 1 and self._session_refs(m) for m in matches)
                for i, t in enumerate(tokens)):
            # "is the programme on friday only city tour?", "besok cuma tour?": whether the
            # day holds anything else, which that day's programme shows.
            return Understanding(Intent.SCHEDULE, day=when.day, confidence=0.5,
                                 doubts=doubts, readings=readings)
        region_match = self._region_match(tokens, matches)

        # "ingatkan sebelum city tour" asks for a reminder, not for what comes before it.
        # Only a question for an item ("ada apa setelah …") is about the item after another;
        # after a tour stop, only the next stop can be meant ("abis nostalgia ke mana?").
        # "siapa pembicara setelah keynote?", "abis coffee break siapa yg ngisi?": who comes
        # after (or before) an item asks for that item too (its speaker).
        asks_who = bool(words & WHO)
        # "after the coffee break?": a question that opens with a relation word and asks
        # nothing else is for the item after (before) the one it names ("sebelum city tour
        # kumpul jam berapa?" asks when to gather).
        named_at = {i for m in matches for i in range(m.start, m.end)}
        # "is there a break after X?" asks for an item as "ada … setelah X?" does.
        asks_item = bool(words & ASKS_ITEM or set(pairwise(tokens)) & THERE_IS) or (
            asks_who and any(RELATIONS.get(t) in _INVERSE for t in tokens)) or (
            "?" in text and RELATIONS.get(tokens[0]) in _INVERSE and bool(named_at) and all(
                # "sesudah rehat kopi besok?": a day word says which one, and asks no more.
                i in named_at or i in when.used or t in _FILLER
                for i, t in enumerate(tokens[1:], start=1))) or (
            # "when do we resume after lunch?", "kapan dilanjutkan setelah ishoma?": the
            # programme going on after an item is the item after it.
            bool(words & RESUME) and any(RELATIONS.get(t) is Relation.AFTER for t in tokens))
        between = self._between(tokens, matches, when, local_now) if (
            not words & REMINDER_WORDS) else None
        if between is not None:
            return replace(self.between(*between), day=when.day, confidence=0.5,
                           doubts=doubts, readings=readings)
        relation, anchor, anchor_stop = (
            self._relation(tokens, matches, when, local_now)
            if (asks_item or stops) and not words & REMINDER_WORDS
            else (None, None, None)
        )
        if relation is None and asks_item and not words & REMINDER_WORDS and when.until is None:
            # "sesi luar negeri besok, sebelumnya ada apa?": before the item named before.
            # Not after a span of time asked ("rapat sampai jam 10, setelah itu?": "itu" is
            # the time, not an item named before it).
            relation, anchor = self._relation_back(surface, tokens, matches, when, local_now)
        if (relation is None and asks_item and words & _OVER
                and (words & _CONTINUE or set(pairwise(tokens)) & _WHAT_ELSE
                     or any(RELATIONS.get(a) is Relation.AFTER and b in _NOW_THIS
                            for a, b in pairwise(tokens)))
                and not words & REMINDER_WORDS):
            # "keynote udah selesai, berikutnya apa?", "slsai city tour lanjut apa?": once X
            # is over, what follows: the item after X ("X udah selesai, abis ini apa?":
            # "ini" is the moment X ended, not the item on now).
            anchor = next((a for m in matches
                           if (a := self._pick(self._session_refs(m), when, local_now))), None)
            relation = Relation.AFTER if anchor is not None else None
        asks = "?" in text or bool(words & QUESTION_WORDS)
        facts = facts_asked(words, tokens, sessions, bool(stops), has_when, self.tour_ids)
        intent, confidence = classify(Evidence(
            _placed(tokens, matches) if venues else tokens, when, direct, spoken, sessions,
            speakers, venues, bool(region_match),
            asks or bool(faq_id) or bool(facts), self.tour_ids, self.network_words,
        ))
        if relation is None and not words & REMINDER_WORDS:
            # "next stop?", "habis ini rombongan ke mana?" while the tour is on: its next stop.
            tour_next = self._tour_next(tokens, local_now)
            if tour_next is not None:
                return replace(tour_next, confidence=0.5, doubts=doubts, readings=readings)
            tour_at = self._tour_at(tokens, when, local_now)
            if tour_at is not None:
                return replace(tour_at, confidence=0.5, doubts=doubts, readings=readings)
        if relation is Relation.DURING and (facts or faq_id):
            # "apa yg harus dibawa pas city tour?": "pas" is when, and a fact of the tour is
            # asked (what to bring), not what else is on during it; so is a practical
            # answer ("pakai baju apa pas city tour?": the dress code).
            relation = anchor = None
        if (relation in (Relation.BEFORE, Relation.AFTER) and anchor is not None
                and words & _IS_IT and anchor_stop is None
                and not (words & _WHAT_ASKED or set(pairwise(tokens)) & THERE_IS)):
            # "is the Banyuwangi session before lunch?", "the X session, is it before or
            # after lunch?": whether X is, which the two items' times say; not the item
            # just before the anchor.
            title = self.event.session(anchor)
            subject = [s for s in direct if (x := self.event.session(s)) is not None
                       and title is not None and x.title != title.title]
            if subject and subject[0] not in self.related(relation, anchor).session_ids:
                # (The item right after/before it is the one named: its card says so.)
                return Understanding(Intent.SESSION, session_ids=(subject[0], anchor),
                                     confidence=0.5, doubts=doubts, readings=readings)
        if relation is not None and anchor is not None:
            related = self.related(relation, anchor, anchor_stop, speaking=asks_who)
            if anchor_stop is None and self._then_after(tokens, matches, relation, related):
                # "ishoma after Prof Lee, then what session?": the item named is said to be
                # the one after the anchor; what follows it is asked.
                related = self.related(relation, related.session_ids[0], speaking=asks_who)
            if anchor_stop is None and related.session_ids:
                # "abis sesi X langsung sosialisasi?", "after X is there a closing today?":
                # another item named is asked about as coming next; what does follow X is
                # the answer, with that item's own time beside it.
                beyond = self._named_beyond(matches, relation, anchor, related.session_ids[0])
                if beyond is not None:
                    related = replace(related, session_ids=(*related.session_ids, beyond))
            found = replace(related, day=when.day,
                            confidence=max(confidence, 0.5), doubts=doubts, readings=readings)
            return found
        intent, confidence = self._reconsider(
            intent, confidence, facts, tokens, bool(direct), bool(sessions), named)
        if (words & _ASKS_WHEN and not words & FIRST_PERSON and (
                (intent is Intent.RSVP and (region_match.regions
                                            or (named.speakers and words & _JOINED)))
                or (words & _JOINED and words & self.network_words))):
            # "When did Sidoarjo join Citynet?", "kapan Banyuwangi bergabung dgn Citynet?":
            # when someone else joined (the event's text may say, else decline), not the
            # asker's own registration nor the card of the region's session.
            intent, confidence = Intent.UNKNOWN, 0.0
        if (intent is Intent.RSVP and words & ITEM_NOUNS and words & _WHICH
                and not words & FIRST_PERSON):
            # "What sessions does the president of X attend?", "gubernur hadir di sesi
            # mana?": someone else's part in the programme, not the asker's registration.
            intent, confidence = Intent.SESSION, max(confidence, 0.5)
        if intent is Intent.RSVP and named.speakers and not words & FIRST_PERSON:
            # "menkominfo hadir hari apa?", "kapan pak menteri datang?": a speaker's coming is
            # their part in the programme (their card says when), not the asker's RSVP.
            intent, confidence = Intent.SPEAKER, max(confidence, 0.5)
        if (intent in (Intent.SPEAKER, Intent.VENUE) and words & NOW_WORDS and not (
                has_when or sessions or named.speakers or named.venues or named.stops)):
            # "narsum yg skrg sapa?", "where is the next session?": the speaker (or place)
            # of what is on now or next, not the list of every speaker of the event.
            intent = Intent.NOW_NEXT
        elif (intent in (Intent.SPEAKER, Intent.UNKNOWN) and words & WHO and _seen_speaking(tokens)
              and not (has_when or sessions or named.speakers or named.venues or named.stops)):
            # "bapa yang bicara di depan tu sapa?", "siapa yang sedang presentasi?": who
            # is seen speaking is who speaks now.
            intent, confidence = Intent.NOW_NEXT, max(confidence, 0.5)
        scope = self._scope(tokens, when, intent, confidence, sessions, named, local_now)
        if scope is None and self._asks_event_end(tokens, when, sessions, named):
            # "kapan seluruh rangkaian acara selesai?", "when does the whole event end?":
            # when its last day ends (not its dates, which say no hour).
            scope, facts = Scope.DAY_END, ()
            when = replace(when, day=self.session_day[self.by_start[-1].id])
        if scope is None and self._asks_today_end(tokens, when, sessions, named, local_now):
            # "acara ko pi jam brp abis?", "what time does the event finish?" on a programme
            # day, no day named: when today's programme ends.
            scope, facts = Scope.DAY_END, ()
            when = replace(when, day=local_now.date())
        if scope is not None:
            intent = Intent.SCHEDULE
        elif named.speakers and _asks_office(tokens):
            # "presiden jaringan X itu bupati mana?", "Prof Y is from which university?": the
            # speaker's card (position, organization), not the card of a session he speaks in.
            intent, confidence = Intent.SPEAKER, max(confidence, 0.5)
        found = Understanding(
            intent, confidence=confidence, facts=facts, stops=tuple(stops), faq_id=faq_id,
            faq_covers=faq_id is not None and named.faq_covers, doubts=doubts,
            readings=readings, scope=scope,
        )
        if intent in NEEDS_NO_SLOTS:
            # "dress code hari jumat?": a practical answer written per day tells that day's.
            return replace(found, day=when.day) if faq_id is not None else found
        found = self._with_slots(found, when, sessions, speakers, venues, region_match)
        if scope is Scope.DAY_START and found.day is None and _asks_arrival(tokens):
            found = replace(found, day=self.arrival_day(local_now))
        if scope in (Scope.REST, Scope.DAY_START, Scope.FIRST) and found.day is None:
            # "sesi pertama ni sapa yang bawa?": today's first item.
            found = replace(found, day=local_now.date())
        return found

    def _asks_event_end(self, tokens: Sequence[str], when: When, sessions: Sequence[str],
                        named: _Named) -> bool:
        """Whether the whole event's end is asked: its programme, all of it, ends when?"""
        words = set(tokens)
        return bool(self.by_start and when.day is None and when.time is None
                    and not (sessions or named.speakers or named.venues or named.stops)
                    and words & ALL_WORDS and words & DAY_END_WORDS
                    and words & (EVENT_WORDS | PROGRAMME_WORDS) and not words & REST_WORDS)

    def _asks_today_end(self, tokens: Sequence[str], when: When, sessions: Sequence[str],
                        named: _Named, now: datetime) -> bool:
        """Whether the clock time the programme ends is asked on one of its days, naming no
        day or item ("acara selesai jam berapa?"), while some of today's is still ahead."""
        words = set(tokens)
        pairs = set(pairwise(tokens))
        today = self.event.sessions_on(now.date())
        return bool(today and when.day is None and when.time is None
                    and not (sessions or named.speakers or named.venues or named.stops)
                    and (words & DAY_END_WORDS or ("berapa", "habis") in pairs)
                    and pairs & CLOCK_ASKED and words & (EVENT_WORDS | PROGRAMME_WORDS)
                    and not words & REST_WORDS and any(s.end > now for s in today))

    def named_words(self, text: str) -> str:
        """Only the words of `text` that name the event's items or a region."""
        tokens = self.normalizer.tokens(text)
        spans = [(m.start, m.end) for m in self.index.matches(tokens)]
        spans += [(r.start, r.end) for r in self.region_index.mentions(tokens)]
        keep = sorted({i for start, end in spans for i in range(start, end)})
        return " ".join(tokens[i] for i in keep)

    def _ordinal_stop(self, tokens: Sequence[str]) -> list[int]:
        """The stop a question names by its place on the route ("what's the first stop?",
        "singgah terakhir", "after the second stop"): its index, if the tour has it."""
        count = len(self.event.tour.stops) if self.event.tour else 0
        for i, token in enumerate(tokens):
            if token not in _STOP_NOUNS:
                continue
            for near in (*tokens[max(0, i - 1):i], *tokens[i + 1:i + 2]):
                place = count if near in LAST_WORDS else ORDINALS.get(near, 0)
                if 1 <= place <= count:
                    return [place - 1]
        return []

    def related(self, relation: Relation, anchor: str, stop: int | None = None,
                speaking: bool = False) -> Understanding:
        """The item after/before/during `anchor` (a session, or a stop of its tour); asked
        who (`speaking`), the nearest one with speakers ("siapa setelah keynote?" is the
        speaker after the lunch break, not the break)."""
        if stop is not None:
            count = len(self.event.tour.stops) if self.event.tour else 0
            target = {Relation.AFTER: stop + 1, Relation.BEFORE: stop - 1}.get(relation, stop)
            # After the last stop or before the first, the tour itself answers (its end, its
            # gathering): no stop is the target then.
            stops = (target,) if 0 <= target < count else ()
            return Understanding(Intent.CITY_TOUR, session_ids=(anchor,), relation=relation,
                                 anchor_id=anchor, anchor_stop=stop, stops=stops)
        # Nothing after the last item: the answer says so, with the item's own card.
        # Nothing with speakers after it: the next item all the same (never "nothing more").
        target_id = (self._related(anchor, relation, speaking)
                     or self._related(anchor, relation) or anchor)
        return Understanding(Intent.SESSION, session_ids=(target_id,), relation=relation,
                             anchor_id=anchor)

    def between(self, first: str, last: str) -> Understanding:
        """The items between two (by time): those that start after `first` ends and end
        before `last` starts; none, and the answer is the gap (or that there is none)."""
        a, b = self.event.session(first), self.event.session(last)
        inside = tuple(s.id for s in self.by_start
                       if a is not None and b is not None and s.id not in (first, last)
                       and s.start >= a.end and s.end <= b.start)
        return Understanding(Intent.SESSION, session_ids=inside or (first, last),
                             relation=Relation.BETWEEN, anchor_id=first, until_id=last)

    def _between(self, tokens: Sequence[str], matches: Sequence[Match], when: When,
                 now: datetime) -> tuple[str, str] | None:
        """"what's between the keynote and lunch?", "abis keynote ada jeda ga sampe makan
        siang?": two items named, with "antara/between", or "after" before the first and
        "before/until" before the second. The second is its occurrence after the first."""
        words = set(tokens)
        firsts = [i for i, t in enumerate(tokens) if RELATIONS.get(t) is Relation.AFTER]
        if words & _BETWEEN:
            start = next(i for i, t in enumerate(tokens) if t in _BETWEEN)
        elif firsts and (words & _GAP or any(RELATIONS.get(t) is Relation.BEFORE or t in _UNTIL
                                             for t in tokens[firsts[0] + 1:])):
            # "jeda setelah keynote berapa lama?": until the item after it.
            start = firsts[0]
        else:
            return None
        named: list[list[str]] = []
        # "any break between X and Y?": the items named after the word, not the break asked.
        for m in sorted((m for m in matches if m.start > start), key=lambda m: m.start):
            ids = self._session_refs(m)
            if ids and not (named and set(ids) & set(named[-1])):
                named.append(ids)
        if len(named) == 1 and words & (NEXT_WORDS | _GAP):
            # "ada jeda antara keynote dan sesi berikutnya?": X and the item after it.
            first = self._pick(named[0], when, now)
            following = self._related(first, Relation.AFTER) if first else None
            return (first, following) if first and following else None
        if len(named) != 2:
            return None
        first = self._pick(named[0], when, now)
        a = self.event.session(first or "")
        if a is None:
            return None
        later = [s for sid in named[1] if (s := self.event.session(sid)) and s.start >= a.end]
        if later:
            return a.id, min(later, key=lambda s: s.start).id
        # "between lunch and the keynote": named in the other order.
        earlier = [s for sid in named[1] if (s := self.event.session(sid)) and s.end <= a.start]
        if earlier:
            return max(earlier, key=lambda s: s.start).id, a.id
        return None

    def _scope(
        self, tokens: Sequence[str], when: When, intent: Intent, confidence: float,
        sessions: Sequence[str], named: _Named, now: datetime,
    ) -> Scope | None:
        """A part of the programme asked for instead of a whole day: the rest of today,
        every day, when a day starts or ends, its first session, its last item (the answer
        finds the item)."""
        words = set(tokens)
        pairs = set(pairwise(tokens))
        arrive = _asks_arrival(tokens)
        # "besok jam berapa harus sudah di balai kota?": the place named is where one must
        # be; when is the day's start all the same.
        if (sessions or named.speakers or (named.venues and not arrive) or named.stops
                or named.faq_score):
            return None
        # "what's still on this afternoon?" reads like "is it still on?" (an announcement).
        still_on = intent is Intent.ANNOUNCEMENT and when.period is not None
        # "pembicara sesi terakhir hari ini siapa?": the last item's speakers.
        # "besok jam brp harus udah di lokasi?": when one must be there is when the day
        # starts (with its gathering time), not where.
        # "what time should I be at the venue?" is asked alike whatever else it was read as.
        item_asked = (intent in (Intent.SPEAKER, Intent.VENUE) and bool(
            words & (LAST_WORDS | DAY_START_WORDS | DAY_END_WORDS))) or arrive
        if intent not in _SCOPED and not ((intent is Intent.UNKNOWN and confidence == 0.0)
                                          or still_on or item_asked):
            return None
        # "acara su abis semua ko?", "is it all over already?": whether the programme is
        # over, which what is left of today says (not every day's programme).
        over = bool((words & _OVER or ("sudah", "habis") in pairs) and words & EVENT_WORDS
                    and (words & _ALREADY or tokens[0] in _IS))
        # "jadwal lengkap dari hari pertama sampai terakhir" names days, but asks for all.
        if not item_asked and not over and words & ALL_WORDS and words & PROGRAMME_WORDS and (
                when.day is None or words & _RANGE_WORDS):
            return Scope.ALL
        if not item_asked and words & PROGRAMME_WORDS and self._all_days(tokens):
            # "apa saja agenda tiga hari ini?", "programme of the 3 days": as many days as
            # the event has is every day ("hari ini" there is not today).
            return Scope.ALL
        if when.day is not None and when.time is None and self.event.sessions_on(when.day):
            if words & DAY_END_WORDS or pairs & UNTIL_PAIRS:
                if when.day == now.date() and all(
                        s.end <= now for s in self.event.sessions_on(when.day)):
                    # "hari ini acara su abis ko?" after the day's last item: that it is
                    # over, when it ended and what is next (the rest of today says all).
                    return Scope.REST
                return Scope.DAY_END
            # "hari terakhir", "the last day" name a day, not its last item.
            if words & LAST_WORDS and not pairs & _LAST_DAY:
                return Scope.LAST
            # "besok apa yang pertama?": the day's first item ("hari pertama" is a day).
            first = bool(words & _FIRST) and not pairs & _FIRST_DAY
            if (words & DAY_START_WORDS or arrive or first) and not words & REST_WORDS:
                return Scope.FIRST if _first_session(pairs) else Scope.DAY_START
        if when.day is None and when.time is None and arrive and not words & WHERE_TO:
            # "I'm at the hotel, what time should I be at the venue?": the start of the next
            # programme day not begun yet (`arrival_day`); where to go, only of a day named.
            return Scope.DAY_START
        if (when.day is None and when.time is None and self.event.sessions_on(now.date())
                and _first_session(pairs)):
            # "sesi pertama ni sapa yang bawa?", "first session?" on a programme day:
            # today's first session (the answer is given the day).
            return Scope.FIRST
        today = now.date()
        if words & REST_WORDS and pairs & _THIS_WEEK and when.day is None:
            # "minggu ini masih ada sesi apa aja?": what is left of the whole event.
            return Scope.ALL
        # "hr ini msh ada acara?": "msh" is "masih" only before "ada" ("msh bs ikut?" asks
        # whether one still can).
        asks_rest = bool(words & REST_WORDS or pairs & _STILL_ANY) or (
            when.day == today and bool(words & _LATER))
        # "acaranya udah selesai ya?", "is the seminar over?", read as nothing else: what is
        # left of today (the answer says when nothing is).
        asks_rest = asks_rest or (over and (intent is Intent.UNKNOWN or bool(words & ALL_WORDS)))
        # "masih ada sesi sore ini?": the rest of today, up to the end of that part of it.
        if (asks_rest and when.day in (None, today) and when.time is None
                and self.event.day_number(today)):
            return Scope.REST
        return None

    def arrival_day(self, now: datetime) -> date:
        """The day one asks when to be there for, naming none: the first programme day
        whose first session proper (or its gathering) is still ahead — today while the
        registration before its opening is on — else today."""
        firsts: dict[date, datetime] = {}
        for s in self.by_start:
            if s.kind not in NOT_SESSIONS:
                firsts.setdefault(self.session_day[s.id], s.arrive_by)
        return next((d for d in sorted(firsts) if firsts[d] > now), now.date())

    def _all_days(self, tokens: Sequence[str]) -> bool:
        """Whether the tokens count the event's days ("3 hari", "tiga hari", "three days")."""
        n = len(self.event.days)
        if n < 2:
            return False
        counts = {str(n), *(words[n] for words in _NUMBER_WORDS if n < len(words))}
        return any(a in counts and b in DAY_UNITS for a, b in pairwise(tokens))

    def _with_slots(
        self, found: Understanding, when: When, sessions: list[str], speakers: list[str],
        venues: list[str], region_match: RegionMatch,
    ) -> Understanding:
        """The intent's slots: when, and what the question names."""
        if found.intent == Intent.CONTACT:
            sessions = []
        if found.intent == Intent.VENUE and not venues:
            for sid in sessions:
                session = self.event.session(sid)
                if session is not None and session.venue_id not in venues:
                    venues.append(session.venue_id)
        return replace(
            found,
            day=when.day,
            time=when.time,
            period=when.period,
            until=when.until,
            session_ids=tuple(sessions),
            speaker_ids=tuple(speakers),
            venue_ids=tuple(venues),
            regions=region_match.regions,
            ambiguous_region=region_match.ambiguous,
        )

    def _opening_asked(self, words: set[str], when: When) -> bool:
        """Whether the opening is asked: an opening word and no day, hour or part of a day
        but its own ("pagi ini" on its day)."""
        opening = self.event.session(self.opening) if self.opening else None
        if opening is None or not words & OPEN_WORDS or when.time is not None:
            return False
        return when.day in (None, self.session_day[opening.id]) and (
            when.period is None or bool(in_period(self.event, [opening], when.period)))

    def _sessions(
        self, named: _Named, tokens: Sequence[str], when: When, has_when: bool, now: datetime
    ) -> tuple[list[str], list[str], list[str]]:
        """The sessions named directly, those of the speakers named, and of both the ones
        the answer is about (best first)."""
        session_score = named.session_score
        words = set(tokens)
        if not session_score and not named.speakers and self._opening_asked(words, when):
            # "Who opened the seminar this morning?", "sapa yg buka acara nanti?": the opening
            # ceremony, asked for its day (or part of it) or none, in any tense.
            session_score[self.opening or ""] = 1.0
        elif not session_score and not named.speakers and not has_when:
            # "who opens the event?", "kapan acara ditutup?": the opening/closing ceremony.
            if words & CLOSE_WORDS and self.closing:
                session_score[self.closing] = 1.0
            elif set(pairwise(t for t in tokens if t not in _DEGREE | _WHICH)) & LAST_ITEM:
                # "acara (paling) terakhir jam berapa?", "acara apa yang paling terakhir?":
                # the last item of the programme.
                session_score[self.by_start[-1].id] = 1.0

        if not session_score and when.period is not None and not named.speakers:
            # "nanti siang makan di mana?": a word of an item's title ("makan") with the
            # part of the day it is held in names it (no item that evening: "makan malam").
            low, high = PERIOD_HOURS.get(when.period, (0, 0))
            day = when.day or now.date()
            held = {s.id for t in tokens for sid in self.item_words.get(t, ())
                    if (s := self.event.session(sid)) is not None
                    and self.session_day[sid] == day
                    and low <= self.event.local(s.start).hour < high}
            if len(held) == 1:
                session_score[held.pop()] = 1.0

        if not session_score and words & GATHER_WORDS and not named.stops:
            # "besok kumpul jam berapa?": the item with a gathering time on the day asked;
            # no day asked ("skrg hrs kumpul dmn?"), today's, unless it is over.
            for s in self.by_start:
                if s.gather is not None and (
                        when.day == self.session_day[s.id] if when.day
                        else self.session_day[s.id] == now.date() and s.end > now):
                    session_score[s.id] = 1.0

        direct = sorted(session_score, key=lambda s: (-session_score[s], self.order[s]))
        if named.stops and self.tour_ids and not direct:
            direct = sorted(self.tour_ids, key=lambda s: self.order[s])
        spoken: list[str] = []
        for sp in named.speakers:
            spoken.extend(s.id for s in self.event.sessions_of_speaker(sp) if s.id not in spoken)
        if direct and spoken:
            both = [s for s in direct if s in spoken]
            # "Is the keynote on the same day as the Semarang session?": an item named by
            # its title and another by its speaker, both asked about ("same day as").
            sessions = both or (direct[:1] + spoken[:1] if words & _COMPARED else direct)
        else:
            sessions = direct or spoken
        if when.day is not None:
            on_day = [s for s in sessions if self.session_day[s] == when.day]
            sessions = on_day or sessions
        if len(sessions) > 1 and words & NEXT_WORDS:
            # "istirahat berikutnya jam berapa?": of the items named, the next one.
            upcoming = [s for s in sessions if (x := self.event.session(s)) and x.end > now]
            sessions = sorted(upcoming, key=lambda s: self.order[s])[:1] or sessions
        elif sessions and not has_when and not spoken:
            sessions = self._the_one_on(sessions, words, now)
        return direct, spoken, sessions

    def _the_one_on(self, sessions: list[str], words: set[str], now: datetime) -> list[str]:
        """Of several items named, the one on now ("how long is the break?" during a break,
        "istirahat sampai jam berapa?"): the one asked about. An item on now that the word
        names too, of the same kind as all named ("break" is a tag of the lunch breaks and
        a word of "Coffee break"), counts; anything else is left as it is."""
        on = [s for s in self.by_start if s.start <= now < s.end]
        if not on:
            return sessions
        item = on[-1]
        named = [x for sid in sessions if (x := self.event.session(sid)) is not None]
        if not named or any(x.kind is not item.kind for x in named) or words & RELATIONS.keys():
            # Two items of other kinds named ("setelah pembukaan langsung keynote kah?") are
            # both asked about, not the one on now.
            return sessions
        if item.id in sessions:
            return [item.id] if len(sessions) > 1 else sessions
        title = {w for text in (item.title.id, item.title.en or "")
                 for w in textnorm.simple_tokens(text) if not textnorm.is_ordinary(w)}
        vocabulary = {w for x in named for text in (*x.tags, x.title.id, x.title.en or "")
                      for w in textnorm.simple_tokens(text) if not textnorm.is_ordinary(w)}
        asked = words & vocabulary
        if asked and asked <= title:
            # Every word naming them names the one on now too ("lunch break" does not).
            return [item.id]
        return sessions

    def nearest(self, ids: Sequence[str], now: datetime) -> str | None:
        """Of the items named, the one a relation is about: the best named, or of one item
        held on several days, today's, else the next one ("Lunch break selesai jam
        berapa? After that session apa?" on Thursday is after Thursday's lunch)."""
        if not ids:
            return None
        titles = {x.title.id for sid in ids if (x := self.event.session(sid)) is not None}
        if len(titles) > 1:
            return ids[0]  # different items: the best named
        local_now = self.event.local(now) if now.tzinfo else now
        return self._pick(ids, When(), local_now)

    def _region_match(self, tokens: Sequence[str], matches: Sequence[Match]) -> RegionMatch:
        """Regions named outside the event's own phrases ("Kupang" in "walikota kupang" is
        the speaker)."""
        mentions = [
            r
            for r in self.region_index.mentions(tokens)
            if not any(
                m.start <= r.start and r.end <= m.end and (m.end - m.start) > (r.end - r.start)
                for m in matches
            ) and not asker_origin(tokens, r)
        ]
        return combine(mentions)

    def _registration_time(
        self, tokens: tuple[str, ...], matches: list[Match]
    ) -> tuple[tuple[str, ...], list[Match]]:
        """"bsk regis jm brp?", "where do I register?", "udh bs regis blm?": asked for a clock
        time, a place or whether it is open yet,
        "daftar" (what "regis" reads as) is the registration desk's item, not the act of
        registering for RSVP, which has neither — when the event has such an item and the
        question names no other (nor a list: "daftar hadir")."""
        registering = [i for i, t in enumerate(tokens) if t in _REGISTERING]
        if not registering or not (set(pairwise(tokens)) & CLOCK_ASKED
                                   or set(tokens) & _WHERE_ASKED or _asks_open(tokens)):
            return tokens, matches
        if any(i + 1 < len(tokens) and tokens[i + 1] in LIST_NOUNS for i in registering):
            return tokens, matches
        if any(ref.kind == "session" for m in matches for ref in m.refs):
            return tokens, matches
        desk = tuple("registrasi" if t in _REGISTERING else t for t in tokens)
        desk_matches = self.index.matches(desk)
        if any(ref.kind == "session" for m in desk_matches for ref in m.refs):
            return desk, desk_matches
        return tokens, matches

    def _reconsider(
        self, intent: Intent, confidence: float, facts: tuple[Fact, ...], tokens: Sequence[str],
        direct: bool, sessions: bool, named: _Named,
    ) -> tuple[Intent, float]:
        """The classifier's choice, corrected by what the question asks for: a fact about
        the event or its tour, or something the data does not know."""
        words = set(tokens)
        # "seminar berlangsung berapa hari?" is not about what is on now ("acara apa yang
        # berlangsung?" is).
        now_words = words & NOW_WORDS
        over = FACTS_OVER | (
            {Intent.NOW_NEXT} if Fact.LENGTH in facts and not now_words else set()
        ) | (
            # "how many participant attend?": the event's participants counted, not the
            # asker's attending (the RSVP of a session named counts it: `direct`).
            {Intent.RSVP} if Fact.PARTICIPANTS in facts else set()
        )
        # "WIB atau WITA?": "wib" leans towards another city, but the zone is the event's.
        off_topic = intent is Intent.UNKNOWN and confidence > 0 and Fact.TIMEZONE not in facts
        if off_topic and direct and Fact.TOUR_BUSES in facts:
            # "city tour itu naik apa?": transport words lean off topic, but the tour's own
            # buses answer how it travels.
            return Intent.CITY_TOUR, confidence
        if intent is Intent.CONTACT and self._names_bus(tokens):
            # "bus 3 leader siapa, no hp?", "phone of the bus 1 leader": a bus of the tour
            # named; its leader (a role, with the number for delegates: the tour's card).
            return Intent.CITY_TOUR, confidence
        if facts and intent in over and not (direct or named.speakers or named.venues
                                             or off_topic):
            intent = Intent.CITY_TOUR if facts[0].startswith("tour") else Intent.ABOUT
        if Fact.NAME in facts and intent is Intent.HELP and words & _LANGUAGE:
            # "what's the English name of this event?": the event's name in a language (the
            # data has it in both), not the bot's /bahasa.
            return Intent.ABOUT, confidence
        if intent is Intent.HELP and words & _LANGUAGE and not words & _BOT_SETTING and (
                words & (CONTEXT | _INTERPRETING) or direct or named.speakers):
            # "seminarnya pake bahasa apa?", "is there translation into English?": the
            # language of the event (the data does not say), not the bot's /bahasa.
            return Intent.UNKNOWN, 0.5
        if ((intent is Intent.VENUE and not (named.venues or sessions)
             and self._unknown_topic(tokens))
                or (intent not in COURTESY and self._asks_existence_of_unknown(tokens))):
            # "ada dokter jaga di lokasi?", "ada penerjemah untuk sesi prof lee?": a question
            # about something the data does not know is not answered with a nearby card.
            intent, confidence = Intent.UNKNOWN, 0.5
        return intent, confidence

    def _names_bus(self, tokens: Sequence[str]) -> bool:
        """Whether the tokens say a bus of the tour by its whole name ("bus 2")."""
        tour = self.event.tour
        return any((name := self.normalizer.tokens(bus.name))
                   and textnorm.contains_phrase(tokens, name)
                   for bus in (tour.buses if tour is not None else ()))

    def _unknown_topic(self, tokens: Sequence[str]) -> bool:
        """Whether the thing asked about ("ada X …?", "dimana X?") is a word neither the bot
        nor the event's data knows (after typo correction)."""
        vocabulary = self.normalizer.vocabulary

        def unknown(i: int) -> bool:
            # General language is no topic: "seminar bertempat di mana?" asks the place,
            # "where exactly" / "dimana persisnya" no thing asked about.
            t = tokens[i] if 0 <= i < len(tokens) else ""
            return len(t) >= 4 and t.isalpha() and t not in vocabulary and t not in GENERAL

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
            # "… jam brp, beta ada urusan": what the asker has, not whether there is one.
            and not (i > 0 and tokens[i - 1] in FIRST_PERSON)
            for i, tok in enumerate(tokens)
        )

    # -- relations -------------------------------------------------------------
    def _relation_back(
        self, surface: Sequence[str], tokens: Sequence[str], matches: Sequence[Match],
        when: When, now: datetime,
    ) -> tuple[Relation | None, str | None]:
        """"X, sebelumnya/sesudahnya ada apa?": a relation word that points back (its "-nya")
        at the last programme item named before it in the same question."""
        back = next((_POINTS_BACK[w] for w in surface if w in _POINTS_BACK), None)
        if back is None:
            # "we're at lunch now, what starts after it?": "after it" points back too.
            back = next((RELATIONS[w] for a, b in pairwise(surface)
                         if RELATIONS.get(w := textnorm.SLANG.get(a, a)) in _INVERSE
                         and b in _IT), None)
        word = next((i for i, t in enumerate(tokens) if RELATIONS.get(t) is back), len(tokens))
        if back is None:
            # "sosialisasi itu sesudah sesi apa?": X comes after which item, so the item
            # before X (and "X sebelum apa?" the item after it).
            word, back = next(((i, _INVERSE[RELATIONS[t]]) for i, t in enumerate(tokens)
                               if RELATIONS.get(t) in _INVERSE
                               and _asks_which(tokens[i + 1:i + 3])), (0, None))
        if back is None:
            return None, None
        for m in sorted((m for m in matches if m.start < word), key=lambda m: -m.start):
            # "sesi Prof Lee sesudahnya apa?": a speaker named stands for their session.
            anchor = self._pick(self._session_refs(m), when, now)
            if anchor is not None:
                return back, anchor
        return None, None

    def _relation(
        self, tokens: Sequence[str], matches: Sequence[Match], when: When, now: datetime
    ) -> tuple[Relation | None, str | None, int | None]:
        """"setelah makan siang": the relation and the programme item it is about (and the
        tour stop, for "abis tenun ikat mampir mana?")."""
        for i, tok in enumerate(tokens):
            relation = RELATIONS.get(tok)
            if relation is None:
                continue
            if tokens[i + 1:i + 2] and tokens[i + 1] in _IT and any(
                    m.end <= i and self._session_refs(m) for m in matches):
                # "sesi semarang, abis itu ada coffee break?": "itu" is the item named
                # before (`_relation_back`), not the one named after.
                continue
            for m in matches:
                if not i < m.start <= i + 3:
                    continue
                ids: list[str] = []
                stop: int | None = None
                for ref in m.refs:
                    if ref.kind == "session":
                        ids.append(ref.id)
                    elif ref.kind == "speaker":
                        ids += [s.id for s in self.event.sessions_of_speaker(ref.id)]
                    elif ref.kind == "stop" and self.event.tour is not None:
                        ids = [self.event.tour.session_id]
                        stop = int(ref.id)
                        break
                anchor = self._pick(ids, when, now)
                if anchor is not None and stop is None and i + 1 < len(tokens) and tokens[
                        i + 1] in _NOW_THIS:
                    # "abis ini rombongan tur mampir ke mana?" during the tour: after the stop
                    # it is at now, not after the whole tour.
                    stop = self._current_stop(anchor, now)
                if anchor is not None:
                    return relation, anchor, stop
            following = tokens[i + 1] if i + 1 < len(tokens) else ""
            anchor = self._pick(self.item_words.get(following, ()), when, now)
            if anchor is not None:
                return relation, anchor, None
        return None, None, None

    def _then_after(self, tokens: Sequence[str], matches: Sequence[Match], relation: Relation,
                    related: Understanding) -> bool:
        """Whether "X after Y, then what?" is said: X, named before the relation word, is
        the item after Y (`related`), and "then" follows."""
        if relation is not Relation.AFTER or not related.session_ids:
            return False
        word = next((i for i, t in enumerate(tokens) if RELATIONS.get(t) is relation), None)
        return word is not None and any(t in _CONTINUE for t in tokens[word + 1:]) and any(
            m.end <= word and related.session_ids[0] in self._session_refs(m) for m in matches)

    def _named_beyond(self, matches: Sequence[Match], relation: Relation, anchor_id: str,
                      target_id: str) -> str | None:
        """An item named beside the anchor that lies on the side the relation asks about
        (after the anchor for "after"), other than the one found there: the first such."""
        anchor, target = self.event.session(anchor_id), self.event.session(target_id)
        if anchor is None or target is None or relation not in (Relation.AFTER, Relation.BEFORE):
            return None
        for m in matches:
            refs = self._session_refs(m)
            if anchor_id in refs or target_id in refs:
                continue
            if len(refs) > 1 and any(s.kind is target.kind for s in map(self.event.session, refs)
                                     if s is not None):
                continue  # "is there a break after X?": a kind of item, the one found is one
            side = [s for s in self.by_start if s.id in refs and (
                s.start >= anchor.end if relation is Relation.AFTER else s.end <= anchor.start)]
            if side:
                return (side[0] if relation is Relation.AFTER else side[-1]).id
        return None

    def _session_refs(self, match: Match) -> list[str]:
        """The sessions a phrase names: its own, or those of the speaker it names."""
        ids = [ref.id for ref in match.refs if ref.kind == "session"]
        for ref in match.refs:
            if ref.kind == "speaker":
                ids += [s.id for s in self.event.sessions_of_speaker(ref.id) if s.id not in ids]
        return ids

    def _tour_next(self, tokens: Sequence[str], now: datetime) -> Understanding | None:
        """While the tour is on, a question for the next place ("next stop?", "habis ini ke
        mana?") is the stop after the one reached last (or the first one)."""
        tour = self.event.tour
        session = self.event.session(tour.session_id) if tour is not None else None
        if tour is None or session is None or not session.start <= now < session.end:
            return None
        words, pairs = set(tokens), set(pairwise(tokens))
        after_this = any(RELATIONS.get(a) is Relation.AFTER and b in _NOW_THIS
                         for a, b in pairs)
        where = bool(words & _STOP_WORDS) or ("ke", "mana") in pairs
        # "where is the next session?" asks for the programme's next item, not a stop.
        if not ((words & NEXT_WORDS or after_this) and where) or words & ITEM_NOUNS:
            return None
        current = self._current_stop(session.id, now)
        if current is None:
            upcoming = [i for i, stop in enumerate(tour.stops) if stop.time > now]
            return Understanding(Intent.CITY_TOUR, session_ids=(session.id,),
                                 stops=tuple(upcoming[:1])) if upcoming else None
        return self.related(Relation.AFTER, session.id, current)

    def _tour_at(self, tokens: Sequence[str], when: When, now: datetime
                 ) -> Understanding | None:
        """A question for the place the tour is at, at a time during it ("which stop is at
        9.10?", "jam 9.10 singgah di mana?"): the stop reached last by then. A time with no
        day is today's on a day of the event ("Where should I be at 9:30?" on the first day
        is not asked of the tour's day)."""
        tour = self.event.tour
        session = self.event.session(tour.session_id) if tour is not None else None
        if (tour is None or session is None or when.time is None or when.until is not None
                or not tour.stops):
            return None
        words = set(tokens)
        if not words & _STOP_WORDS or words & NEXT_WORDS or words & ITEM_NOUNS:
            return None
        start = self.event.local(session.start)
        day = when.day
        if day is None and now.date() in self.days:
            day = now.date()
        if day is not None and day != start.date():
            return None
        at = start.replace(hour=when.time.hour, minute=when.time.minute)
        reached = [i for i, stop in enumerate(tour.stops) if stop.time <= at]
        if not reached or not session.start <= at < session.end:
            return None
        return Understanding(Intent.CITY_TOUR, session_ids=(session.id,),
                             stops=(reached[-1],))

    def _current_stop(self, anchor: str, now: datetime) -> int | None:
        """The tour stop reached last by `now`, while the tour `anchor` is on."""
        tour, session = self.event.tour, self.event.session(anchor)
        if tour is None or tour.session_id != anchor or session is None or not (
                session.start <= now < session.end):
            return None
        reached = [i for i, stop in enumerate(tour.stops) if stop.time <= now]
        return reached[-1] if reached else None

    def _pick(self, ids: Sequence[str], when: When, now: datetime) -> str | None:
        """One of several items sharing a name (two lunch breaks): on the day asked, in the
        part of the day asked, else today's, else the next one, else the first."""
        found = [s for sid in ids if (s := self.event.session(sid)) is not None]
        if not found:
            return None
        if when.day is not None:
            found = [s for s in found if self.session_day[s.id] == when.day] or found
        if when.period is not None:
            low, high = PERIOD_HOURS.get(when.period, (0, 24))
            found = [s for s in found if low <= self.event.local(s.start).hour < high] or found
        today = [s for s in found if self.session_day[s.id] == now.date()]
        upcoming = [s for s in found if s.end > now]
        return (today or upcoming or found)[0].id

    def _related(self, anchor_id: str, relation: Relation, speaking: bool = False
                 ) -> str | None:
        anchor = self.event.session(anchor_id)
        if anchor is None:
            return None
        others = [s for s in self.by_start if s.id != anchor_id
                  and (s.speaker_ids or not speaking or relation is Relation.DURING)]
        if relation is Relation.AFTER:
            later = [s for s in others if s.start >= anchor.end]
            return later[0].id if later else None
        if relation is Relation.BEFORE:
            earlier = [s for s in others if s.end <= anchor.start]
            return earlier[-1].id if earlier else None
        during = [s for s in others if s.overlaps(anchor)]
        return during[0].id if during else anchor_id


#: Nouns for a stop of the tour, which an ordinal next to it places on the route.
_STOP_NOUNS = frozenset({"stop", "singgah", "persinggahan", "perhentian", "destinasi",
                         "destination"})


def guessed_places(tokens: Sequence[str]) -> frozenset[int]:
    """Where a word about something else (a hotel) follows "di" / "at" / "in" ("acara di
    balai kota ko di hotel?", "at a hotel or at city hall?"): a place something might be
    held at, beside a venue named."""
    return frozenset(i for i, w in enumerate(tokens) if w in OFF_TOPIC and i and (
        tokens[i - 1] in HELD_AT or (i > 1 and tokens[i - 1] in _ARTICLES
                                      and tokens[i - 2] in HELD_AT)))


_ARTICLES = frozenset({"a", "an", "the", "sebuah"})


def _placed(tokens: tuple[str, ...], matches: Sequence[Match]) -> tuple[str, ...]:
    """The tokens the intent is voted on when a venue is named: a word about something else
    (a hotel) that is part of a venue's name ("How far is Hotel Pantai Losari?") or another
    place the event might be held at beside it (`guessed_places`) names a place asked
    about, not another topic; left blank (indexes kept)."""
    blank = guessed_places(tokens) | {
        i for m in matches if any(r.kind == "venue" for r in m.refs)
        for i in range(m.start, m.end) if tokens[i] in OFF_TOPIC}
    return tuple("" if i in blank else w for i, w in enumerate(tokens))


@dataclass(slots=True)
class _Named:
    """The event's items a message names, from its phrase matches."""

    session_score: dict[str, float] = field(default_factory=dict)
    speakers: list[str] = field(default_factory=list)
    venues: list[str] = field(default_factory=list)
    stops: list[int] = field(default_factory=list)
    #: FAQ entry -> (its longest phrase matched, how many phrases matched).
    faq_score: dict[str, tuple[int, int]] = field(default_factory=dict)
    #: Whether every item named was named only through FAQ keywords (or tour stops).
    faq_covers: bool = True

    @classmethod
    def of(cls, matches: Sequence[Match]) -> _Named:
        named = cls()
        for m in matches:
            kinds = {r.kind for r in m.refs}
            if kinds - {"faq", "stop"} and "faq" not in kinds:
                named.faq_covers = False
            for ref in m.refs:
                named.add(ref.kind, ref.id, m.end - m.start)
        return named

    def add(self, kind: str, item: str, length: int) -> None:
        if kind == "session":
            self.session_score[item] = self.session_score.get(item, 0.0) + length
        elif kind == "speaker" and item not in self.speakers:
            self.speakers.append(item)
        elif kind == "venue" and item not in self.venues:
            self.venues.append(item)
        elif kind == "stop" and int(item) not in self.stops:
            self.stops.append(int(item))
        elif kind == "faq":
            longest, hits = self.faq_score.get(item, (0, 0))
            self.faq_score[item] = (max(longest, length), hits + 1)

    def faq_id(self) -> str | None:
        score = self.faq_score
        return max(score, key=lambda f: score[f]) if score else None


#: Asking when (with the asker speaking of themselves, `FIRST_PERSON`, a registration is
#: theirs).
_ASKS_WHEN = frozenset({"kapan", "when", "sejak", "since"})
_JOINED = frozenset({"joined", "join", "gabung", "bergabung"})

#: Words naming a language, and what the event's (not the bot's) language is asked with.
_LANGUAGE = frozenset({"bahasa", "language", "languages", "inggris", "english"})
_INTERPRETING = frozenset({"terjemahan", "penerjemah", "penerjemahan", "diterjemahkan",
                           "translation", "translator", "interpreter", "interpretation",
                           "simultaneous", "simultan", "subtitle", "subtitles"})
#: Words that make a language question one about the bot's setting ("ganti bahasa bot").
_BOT_SETTING = frozenset({"bot", "ganti", "ubah", "switch", "change", "setting", "pengaturan",
                          "settings", "set", "pilih", "choose"})

#: Words of titles and tags that say what kind of thing an item is, not which one.
_NOT_ITEM_WORDS = frozenset(LEXICON) | QUESTION_WORDS | CONTEXT | EVENT_WORDS | frozenset(
    RELATIONS) | frozenset(PERIOD_WORDS)

_FUNCTION_WORDS = frozenset({"yang", "untuk", "dengan", "dari", "pada", "dalam", "oleh",
                             "the", "with", "from", "and", "kabupaten", "pemerintah",
                             "informasi", "akhir"})

_INVERSE = {Relation.AFTER: Relation.BEFORE, Relation.BEFORE: Relation.AFTER}
_WHICH = frozenset({"apa", "what", "which", "mana"})
#: A region as the noun of a question ("kota mana", "which cities", "daerah apa"): the words
#: of a region's kind (bot/regions.py) and the general ones.
REGION_NOUNS = KAB_WORDS | KOTA_WORDS | frozenset(
    {"daerah", "wilayah", "region", "regions", "regencies", "cities", "municipality"})
#: What a region does in its talk ("presentasi", read "paparan"; "sharing best practice").
#: Not "present": "which cities are present?" asks who attends.
PRESENTING = frozenset({"presenting", "presents", "presented", "presentation", "presentations",
                        "paparan", "memaparkan", "sharing", "share", "shares", "berbagi",
                        "membagikan", "tampil"})
_ITEM_NOUNS = frozenset({"sesi", "acara", "session", "kegiatan"})


#: "Which cities are present?" asks who attends; "which regency presents?" (textnorm reads
#: "presents" as "present") who gives a talk.
_BE = frozenset({"is", "are", "be", "was", "were", "been"})


def _presents(tokens: Sequence[str]) -> bool:
    """Whether the question speaks of giving a talk (`PRESENTING`, or "present" as a verb)."""
    return bool(set(tokens) & PRESENTING) or any(
        t == "present" and (i == 0 or tokens[i - 1] not in _BE) for i, t in enumerate(tokens))


#: Asking where one is from ("dari mana", "asal mana", "from where").
_FROM_WHERE = frozenset({("dari", "mana"), ("asal", "mana"), ("asalnya", "mana"),
                         ("from", "where")})


def _asks_office(tokens: Sequence[str]) -> bool:
    """Whether the question asks which office a person holds or where he is from ("bupati
    mana?", "menteri apa?", "which university?", "dari mana?", "where is he from?"), and not
    when he speaks."""
    pairs = set(pairwise(tokens))
    asked = (pairs & _FROM_WHERE or (tokens[-1:] == ("from",) and "where" in tokens)
             or any(a in OFFICE_OF and b in ("mana", "apa") for a, b in pairs)
             or any(a in ("which", "what") and b in OFFICE_OF for a, b in pairs))
    return bool(asked) and not (set(tokens) & _ASKS_WHEN or pairs & CLOCK_ASKED)


def _asks_which(after: Sequence[str]) -> bool:
    """"… sesudah (sesi) apa?": the relation word is followed by "which (item)", not by
    "itu/ini" ("setelah itu apa?" is after X)."""
    return bool(after) and (after[0] in _WHICH or (
        after[0] in _ITEM_NOUNS and len(after) > 1 and after[1] in _WHICH))

_MUST = frozenset({"harus", "wajib", "musti", "mesti", "sebaiknya", "perlu", "must", "should",
                   "need", "have", "supposed"})
_BE_THERE = frozenset({"di", "sampai", "tiba", "datang", "hadir", "there", "arrive", "be"})

#: Words that say an item is over, and words asking what follows ("X udah selesai,
#: berikutnya apa?", "slsai city tour lanjut apa?").
_OVER = frozenset({"selesai", "kelar", "bubar", "usai", "beres", "berakhir", "over", "done",
                   "finished", "ends", "ended", "pulang"})
_CONTINUE = frozenset({"berikutnya", "selanjutnya", "lanjut", "next", "terus", "then"})
#: "su pulang dari tur, sekarang apa lai?": back from an item, what now is what follows it
#: ("balik ke balai kota lagi?" is "again", no question for what follows).
_WHAT_ELSE = frozenset({("apa", "lagi"), ("ngapain", "lagi"), ("acara", "lagi")})

#: Words that ask nothing on their own ("after the coffee break ya?").
_FILLER = frozenset({"the", "a", "an", "ya", "yah", "dong", "sih", "nih", "kak", "min", "pak",
                     "bu", "then", "so",
                     # "abis X langsung Y?", "right after X straight to Y?": what follows X.
                     "langsung", "straight", "directly", "immediately", "right", "away"})

#: "antara X dan Y", "between X and Y"; "abis X … sampai Y": until the second item.
_BETWEEN = frozenset({"antara", "between"})
_UNTIL = frozenset({"sampai", "hingga", "until", "till"})
_GAP = frozenset({"jeda", "gap", "kosong", "free"})

#: Words asking for a place the tour goes to ("next stop?", "habis ini kemana?"): the nouns
#: for a stop and the words asking where. Not "persinggahan" (it never was: adding it would
#: change what "persinggahan berikutnya?" is read as).
_STOP_WORDS = (_STOP_NOUNS - {"persinggahan"}) | frozenset(
    {"stops", "kemana", "where", "mampir", "tujuan"})

#: After a relation word, "now": "abis ini" is after what is on now.
_NOW_THIS = frozenset({"ini", "this"})

#: "after it", "sesudah itu": the item named before the relation word.
_IT = frozenset({"it", "itu", "tu", "tuh"})
#: Relation words that point back at the item named before them.
_POINTS_BACK = {"sebelumnya": Relation.BEFORE, "sesudahnya": Relation.AFTER,
                "setelahnya": Relation.AFTER}
_LAST_DAY = frozenset({("hari", "terakhir"), ("last", "day")})
_FIRST = frozenset({"pertama", "first"})
#: "sesi ini", "this session": the item on now ("acara ini" is the event itself).
_THIS_ITEM = frozenset({("sesi", "ini"), ("session", "ini"), ("this", "session")})
#: "this session" as textnorm reads it (the item on now, "session sekarang"): the item on
#: now when a relation word is before it ("What was before this session?").
_THIS_SESSION = ("session", "sekarang")
#: "is X before Y?", "apakah X sebelum Y?": whether an item named is.
_IS_IT = frozenset({"is", "was", "apakah"})
#: Asking for an item, not whether one named is ("what is before lunch?").
_WHAT_ASKED = frozenset({"what", "which", "apa", "ada", "anything", "who", "siapa"})
#: "is this (the) X?", "apakah ini X?": whether the item on now is the one named.
_IS_THIS = frozenset({("is", "this"), ("apakah", "ini"), ("apa", "ini")})
#: Words that may stand between an item noun and "this" pointing at the item on now:
#: "what session is this", "sesi apa ini", "ini sesi apa".
_THIS_BETWEEN = frozenset({"apa", "what", "which", "is", "the", "yang"})
#: What "this" points at in the room: the item ("what's this talk about?", "ini presentasi
#: apa?") or whoever gives it ("who is this speaker?", "pembicara ini siapa?").
_THIS_NOUNS = ITEM_NOUNS | frozenset({"talk", "presentation", "presentasi", "paparan", "panel",
                                      "speaker", "pembicara", "narasumber", "pemateri"})
#: Speaking now: "ini yang ngomong di depan siapa?" asks about the item on now.
_SPEAKING = frozenset({"bicara", "berbicara", "ngomong", "speaking", "talking",
                       "presenting", "tampil"})
#: Nouns with "this"/"ini" that make it a day or a stretch of time, not the item on now.
_THIS_TIME = frozenset({"hari", "day", "week", "minggu", "pekan", "bulan", "month", "year",
                        "tahun", "time", "kali"}) | frozenset(PERIOD_WORDS)


def _points_at_this_item(tokens: Sequence[str]) -> bool:
    """Whether "this"/"ini" points at the item on now: "sesi ini", "this one", an item noun
    and "this" with only question words between ("what session is this", "sesi apa ini"),
    or the one speaking ("ini yang ngomong siapa?")."""
    pairs = set(pairwise(tokens))
    if pairs & _THIS_ITEM or ("this", "one") in pairs:
        return True
    for i, w in enumerate(tokens):
        if w not in _NOW_THIS or (i + 1 < len(tokens) and tokens[i + 1] in _THIS_TIME) or (
                i > 0 and (tokens[i - 1] in _THIS_TIME or tokens[i - 1] in RELATIONS)):
            # "this afternoon", "hari ini sesi apa aja": a day, not the item on; "abis ini
            # sesi apa": after now, what is next.
            continue
        if tuple(tokens[i + 1:i + 3]) in {("yang", s) for s in _SPEAKING}:
            return True
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(tokens) and tokens[j] in _THIS_BETWEEN:
                j += step
            if 0 <= j < len(tokens) and tokens[j] in _THIS_NOUNS:
                return True
    return False


#: Words comparing two items named ("the same day as", "hari yang sama dengan", "bareng").
_COMPARED = frozenset({"same", "sama", "bareng", "barengan", "bersamaan"})
_ALREADY = frozenset({"sudah", "already"})
#: "cuma/hanya X?": whether there is only X (on a day).
_ONLY = frozenset({"cuma", "hanya", "only"})
_STILL_ANY = frozenset({("msh", "ada"), ("msih", "ada")})
_THIS_WEEK = frozenset({("minggu", "ini"), ("pekan", "ini"), ("this", "week")})
_IS = frozenset({"is", "has", "apakah"})
_FIRST_DAY = frozenset({("hari", "pertama"), ("first", "day")})
#: "hari ini ada apa lagi?", "anything later today?", "anything more today?": what is left
#: of today.
_LATER = frozenset({"lagi", "later", "more"})
_RANGE_WORDS = frozenset({"sampai", "hingga", "until", "through", "thru"})
#: Numbers of days as words, by value.
_NUMBER_WORDS = (("", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh"),
                 ("", "one", "two", "three", "four", "five", "six", "seven"))

#: Intents a question for a part of the programme may have been read as.
_SCOPED = frozenset({Intent.SCHEDULE, Intent.NOW_NEXT, Intent.SESSION})


#: Words of degree between a noun and its adjective ("acara *paling* terakhir").
_DEGREE = frozenset({"paling", "yang", "very"})


def _shift_period(tokens: Sequence[str], when: When, matches: Sequence[Match]) -> When:
    """"abis siang ini ada apa?" asks about the part of the day after "siang", "sebelum
    sore" about the one before it (a relation word right before a part-of-day word that is
    no item's name, unlike "setelah makan siang")."""
    if when.period is None or when.time is not None:
        return when
    for i, tok in enumerate(tokens[:-1]):
        relation = RELATIONS.get(tok)
        nxt = PERIOD_WORDS.get(tokens[i + 1])
        if relation is None or nxt != when.period or any(
                m.start <= i + 1 < m.end for m in matches):
            continue
        step = {Relation.AFTER: 1, Relation.BEFORE: -1}.get(relation, 0)
        if not step:
            return when
        shifted = shift_period(nxt, step)
        if shifted is not None:
            return replace(when, period=shifted)
    return when


#: Asked where: registering with the bot has no place, the registration desk has.
_WHERE_ASKED = frozenset({"dimana", "where"})
def _counted_people(tokens: Sequence[str], matches: list[Match]) -> list[Match]:
    """"how many participant attend?": people counted are the event's participants, not
    the item a word of whose title names them ("Participant registration")."""
    if not (set(tokens) & ASK_HOW_MANY or ("how", "many") in set(pairwise(tokens))):
        return matches
    return [m for m in matches if not (
        m.end - m.start == 1 and tokens[m.start] in PEOPLE
        and all(r.kind == "session" for r in m.refs))]


#: Asked whether it is open yet: registering with the bot always is, the desk opens.
_YET_ASKED = frozenset({"sudah", "belum"})


def _first_session(pairs: set[tuple[str, str]]) -> bool:
    """"sesi pertama", "first session": the first session proper, not the day's start."""
    return any({a, b} & _FIRST and {a, b} & ITEM_NOUNS for a, b in pairs)


#: Words between a span's first and last day ("16 s.d. 18", "16 sampai 18", "16 to 18").
_SPAN = frozenset({"s", "d", "sd", "sampai", "hingga", "sampe", "smp", "to", "until", "till",
                   "through", "thru"})


_DATE_NOUNS = frozenset({"tanggal", "tgl", "date", "dates", "on"})


def _event_span(tokens: Sequence[str], days: Sequence[date]) -> tuple[int, int] | None:
    """Where the message says the event's dates as a span, its first day to its last (the
    month after them too), or None."""
    if len(days) < 2 or days[0].month != days[-1].month:
        return None
    first, last = str(days[0].day), str(days[-1].day)
    for i, word in enumerate(tokens):
        if word != first:
            continue
        j = next((j for j in range(i + 1, min(i + 4, len(tokens))) if tokens[j] not in _SPAN),
                 None)
        if j is not None and tokens[j] == last:
            end = j + 1
            if end < len(tokens) and MONTHS.get(tokens[end]) == days[0].month:
                end += 1
            return i, end
    return None


def _asks_arrival(tokens: Sequence[str]) -> bool:
    """"jam berapa harus sudah di lokasi?", "what time should I be at the venue?", "kapan
    saya harus datang?": when one must be there; "besok saya harus ke mana?", "where
    should I be tomorrow?": where (the day's first item says both)."""
    words = set(tokens)
    if (words & FIRST_PERSON and words & WHERE_TO and words & (_MUST | _GO)
            and not words & NOW_WORDS):  # "beta pi mana sekarang?": what is on now
        return True
    return bool((set(pairwise(tokens)) & CLOCK_ASKED or words & _ASKS_WHEN)
                and words & _MUST and words & _BE_THERE)


_GO = frozenset({"pergi", "go"})


def _asks_time_left(tokens: Sequence[str]) -> bool:
    """Whether the tokens ask how much is left of what is on ("masih lama?", "berapa lama
    lagi?", "how much longer?", "sisa waktunya?") or when the item on now ends ("sesi
    sekarang kapan selesai?", "when does the current session end?")."""
    words = set(tokens)
    pairs = set(pairwise(tokens))
    if pairs & _TIME_LEFT or "longer" in words or (words & _LEFT and words & _TIME):
        return True
    if not words & DAY_END_WORDS:
        return False
    # "how long until it ends?", naming nothing.
    return bool(("how", "long") in pairs and words & _UNTIL) or bool(
        words & _ON_NOW and words & (ITEM_NOUNS | {"acara"})
        and (words & (ASK_WHEN | _ALMOST) or pairs & CLOCK_ASKED))


#: "masih lama", "berapa lama lagi"; "how much time is left", "sisa waktunya".
_TIME_LEFT = frozenset({("masih", "lama"), ("msh", "lama"), ("lama", "lagi")})
_LEFT = frozenset({"left", "remaining", "sisa", "tersisa"})
_TIME = frozenset({"time", "waktu", "waktunya"})
#: The moment asked about is now ("sesi sekarang", "the current session").
_ON_NOW = frozenset({"sekarang", "now", "current", "currently"})
_ALMOST = frozenset({"almost", "nearly", "hampir"})


def _asks_open(tokens: Sequence[str]) -> bool:
    """"udh bs regis blm?", "registration open?": whether the desk is open (yet)."""
    return set(tokens) >= _YET_ASKED or bool(set(tokens) & (OPEN_WORDS - {"opening",
                                                                           "pembukaan"}))


#: Registering, in either language ("regis" reads as "daftar").
_REGISTERING = frozenset({"daftar", "register"})

#: Words that start the reason for asking ("… karena kami baru tiba malam ini"): a day or
#: time after them tells when the asker arrived or is busy, not what is asked about.
_REASON_WORDS = frozenset({"karena", "karna", "krn", "soalnya", "sebab", "because", "since"})


def _before_reason(tokens: Sequence[str]) -> Sequence[str]:
    """The tokens before a reason clause, when the question comes first."""
    for i, token in enumerate(tokens):
        if token in _REASON_WORDS and i > 0:
            return tokens[:i]
    return tokens


@per_event(4)
def understander_for(event: Event) -> Understander:
    return Understander(event)



def understand(text: str, event: Event, now: datetime) -> Understanding:
    """Classify `text` and fill slots from the event data.

    `now` may be in any time zone (it is read in the event's). There is no language
    parameter: Indonesian, English and a mix of both are understood whatever language the
    user chose, because delegates mix them.
    """
    return understander_for(event).understand(text, now)


def scope_item(event: Event, u: Understanding) -> Session | None:
    """The item a day-start, first-session, day-end or last-item question is about: the
    day's first item, its first session proper, or its last item."""
    if u.day is None or u.scope not in (Scope.DAY_START, Scope.FIRST, Scope.DAY_END,
                                        Scope.LAST):
        return None
    items = sorted(event.sessions_on(u.day), key=lambda s: s.start)
    if not items:
        return None
    if u.scope is Scope.FIRST:
        # "sesi pertama jam berapa?": the first session proper, not the registration desk
        # or a break before it (in the part of the day asked, if any).
        part = in_period(event, items, u.period) or items
        return next((s for s in part if s.kind not in NOT_SESSIONS), part[0])
    if u.scope is Scope.DAY_START:
        # "sesi siang ini mulai jam brp?": the first item of that part of the day that is
        # not a break (the lunch break is not the afternoon's session).
        part = in_period(event, items, u.period)
        return next((s for s in part if s.kind is not SessionKind.BREAK),
                    part[0] if part else items[0])
    return max(items, key=lambda s: s.end)


def in_period(event: Event, items: list[Session], period: str | None) -> list[Session]:
    """The items starting in that part of the day ("pagi", "siang"…); none without one."""
    if period not in PERIOD_HOURS:
        return []
    low, high = PERIOD_HOURS[period or ""]
    return [s for s in items if low <= event.local(s.start).hour < high]


def _seen_speaking(tokens: Sequence[str]) -> bool:
    """On the stage, or speaking at the front or under way ("bicara di depan", "lagi
    ngomong")."""
    words = set(tokens)
    return bool(words & STAGE) or (bool(words & SPEAKING) and bool(words & ON_STAGE or any(
        a in UNDER_WAY and b in SPEAKING for a, b in pairwise(tokens))))
