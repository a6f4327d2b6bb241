"""The index over one event's data: the phrases that name its items, and its vocabulary.

Entities come from the event data only (session tags and titles, speaker and venue names and
aliases, tour stops, practical-question keywords): nothing about a particular seminar is in
code. Built once per event (see `Understander`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from bot import textnorm
from bot import when as when_words
from bot.model import Event, Session
from bot.understanding.lexicon import (
    ALL_WORDS,
    ASK_WHEN,
    ASK_WHERE,
    BIGRAMS,
    BRING,
    CAPACITY,
    CLOSE_WORDS,
    DAY_END_WORDS,
    DAY_START_WORDS,
    EVENT_WORDS,
    GATHER_WORDS,
    GREETING_ONLY,
    HONORIFICS,
    HOST_WORDS,
    LAST_WORDS,
    LEXICON,
    OPEN_WORDS,
    PEOPLE,
    PLACE_KINDS,
    PLACE_KINDS_GENERIC,
    PLACE_KINDS_VERBS,
    RELATIONS,
    REST_WORDS,
    STOPS,
    TITLE_WORDS,
    TOUR_TIMES,
    word_set,
)


@dataclass(frozen=True, slots=True)
class Ref:
    kind: str  # "session" | "speaker" | "venue" | "stop" | "faq"
    id: str


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    refs: tuple[Ref, ...]


#: Adds one naming phrase for an item to the index being built.
_Add = Callable[[str, Ref], None]


def region_words(event: Event) -> frozenset[str]:
    """The words of the event's region names, without "kota"/"kabupaten"."""
    return frozenset(
        w for r in event.regions for w in textnorm.simple_tokens(r)
    ) - {"kota", "kabupaten", "kab"}


def network_words(event: Event) -> frozenset[str]:
    """The network behind the event ("citynet") comes from the data, not the lexicon:
    naming it asks about the event, and puts a question in the event's frame."""
    return frozenset(
        w for text in (event.network.id, event.network.en or "")
        for w in textnorm.simple_tokens(text) if len(w) >= 4 and not textnorm.is_ordinary(w)
    )


class PhraseIndex:
    """Token phrases that name the event's venues, speakers, sessions, tour stops and FAQ
    entries; `matches` finds them in a message."""

    def __init__(self, event: Event) -> None:
        phrases: dict[tuple[str, ...], list[Ref]] = {}

        def add(text: str, ref: Ref) -> None:
            toks = textnorm.simple_tokens(text)
            if toks and ref not in phrases.setdefault(toks, []):
                phrases[toks].append(ref)

        regions = region_words(event)
        _add_venues_and_speakers(event, add)
        _add_sessions(event, add, regions)
        _add_tour_and_faq(event, add, regions)
        _add_name_words(event, phrases, add, regions)
        _add_position_words(event, phrases, add, regions)
        self.phrases = {k: tuple(v) for k, v in phrases.items()}
        self.first_words = frozenset(k[0] for k in self.phrases)
        self.words = frozenset(w for k in self.phrases for w in k)
        self.max_len = max((len(k) for k in self.phrases), default=1)

    def _singular(self, token: str) -> str:
        """An English plural of a word of the index's phrases is that word ("buses" bus,
        "ceremonies" ceremony), unless the plural is a word of them itself or of the
        lexicon, which gives it its own sense ("participants" are the event's, though
        "participant" names the registration)."""
        if token in self.words or token in LEXICON or len(token) < 4:
            return token
        return next((stem for stem in textnorm.plural_stems(token, 3) if stem in self.words),
                    token)

    def matches(self, tokens: Sequence[str]) -> list[Match]:
        tokens = [self._singular(t) for t in tokens]
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


def _add_venues_and_speakers(event: Event, add: _Add) -> None:
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


def _add_name_words(event: Event, phrases: dict[tuple[str, ...], list[Ref]], add: _Add,
                    regions: frozenset[str]) -> None:
    """One word of a speaker's name names them when nothing else has it ("prof kesei le" is
    Keesei Lee, whatever became of "le"): not an ordinary word, a region, a word of the
    lexicon or of the event's name, nor a word of another item's names ("pemkot")."""
    event_name = {w for text in (event.name.id, event.name.en or "")
                  for w in textnorm.simple_tokens(text)}
    owners: dict[str, set[str]] = {}
    for speaker in event.speakers.values():
        for w in textnorm.simple_tokens(speaker.name):
            owners.setdefault(w, set()).add(speaker.id)
    others = {w for key, refs in phrases.items() for w in key
              if not any(r.kind == "speaker" for r in refs)}
    for w, ids in owners.items():
        if (len(ids) == 1 and len(w) >= 4 and w.isalpha() and not textnorm.is_ordinary(w)
                and w not in regions and w not in LEXICON and w not in event_name
                and w not in HONORIFICS and w not in others):
            add(w, Ref("speaker", next(iter(ids))))


def _add_sessions(event: Event, add: _Add, regions: frozenset[str]) -> None:
    name_tokens = [textnorm.simple_tokens(t) for t in (event.name.id, event.name.en or "")]
    word_titles = _title_words(event, regions, name_tokens)
    for s in event.sessions:
        ref = Ref("session", s.id)
        for tag in s.tags:
            toks = textnorm.simple_tokens(tag)
            if any(textnorm.contains_phrase(n, toks) for n in name_tokens):
                continue  # "best practice", "citynet": the whole event, not one session
            add(tag, ref)
            if len(toks) == 2 and toks[0] in _ENGLISH_FORMS:
                # English puts the modifier first: the tag "program citynet" is "the
                # Citynet programme session", in the English word's spelling (the words
                # reversed alone are Indonesian still: "citynet program utamanya apa?"
                # asks for Citynet's programmes).
                add(f"{toks[1]} {_ENGLISH_FORMS[toks[0]]}", ref)
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


#: Indonesian words of tags whose English form is spelt otherwise.
_ENGLISH_FORMS = {"program": "programme"}


def _title_words(
    event: Event, regions: frozenset[str], name_tokens: Sequence[tuple[str, ...]]
) -> dict[str, set[str]]:
    """Title words and the titles they occur in, to find the words that name exactly one
    programme item (sessions sharing a title, like the two lunch breaks, count as one)."""
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
                    and w not in regions
                    and w not in LEXICON
                    and not any(w in n for n in name_tokens)
                ):
                    word_titles.setdefault(w, set()).add(title)
    return word_titles


def _add_tour_and_faq(event: Event, add: _Add, regions: frozenset[str]) -> None:
    tour = event.tour
    if tour is not None:
        for index, stop in enumerate(tour.stops):
            ref = Ref("stop", str(index))
            for text in (stop.name.id, stop.name.en or ""):
                kept = [t for t in textnorm.simple_tokens(text) if t not in regions
                        and t not in ("kota", "kabupaten", "city")]
                if kept:
                    add(" ".join(kept), ref)
                for w in kept:
                    if len(w) >= 4 and w.isalpha() and not textnorm.is_ordinary(w):
                        add(w, ref)
            _add_place_kinds(textnorm.simple_tokens(stop.name.id), ref, add)
    for faq in event.faq:
        for keyword in faq.keywords:
            add(keyword, Ref("faq", faq.id))


def _add_position_words(event: Event, phrases: dict[tuple[str, ...], list[Ref]], add: _Add,
                        regions: frozenset[str]) -> None:
    """A speaker is named by a title in their position that no other speaker's has ("is the
    minister speaking now?", "the Korean professor"). A title the index or a session's title
    already uses keeps that sense."""
    taken = {w for key in phrases for w in key}
    titled = {w for s in event.sessions for text in (s.title.id, s.title.en or "")
              for w in textnorm.simple_tokens(text)}
    owners: dict[str, set[str]] = {}
    for speaker in event.speakers.values():
        for text in (speaker.position.id, speaker.position.en or ""):
            for w in textnorm.simple_tokens(text):
                if w in TITLE_WORDS and w not in taken and w not in titled:
                    owners.setdefault(w, set()).add(speaker.id)
    for word, ids in owners.items():
        if len(ids) == 1:
            ref = Ref("speaker", next(iter(ids)))
            add(word, ref)
    # A whole office ("Mayor of Kupang", "Bupati Sidoarjo": one part of a position, between
    # commas) names the one speaker holding it, though its title word alone is a session's
    # ("mayor" in the opening's title): someone asked by their position is its holder.
    holders: dict[tuple[str, ...], set[str]] = {}
    for speaker in event.speakers.values():
        for text in (speaker.position.id, speaker.position.en or ""):
            for part in text.split(","):
                toks = textnorm.simple_tokens(part)
                if len(toks) > 1 and any(w in TITLE_WORDS for w in toks):
                    holders.setdefault(toks, set()).add(speaker.id)
    for toks, ids in holders.items():
        if len(ids) == 1 and toks not in phrases:
            add(" ".join(toks), Ref("speaker", next(iter(ids))))


def _add_place_kinds(tokens: Sequence[str], ref: Ref, add: _Add) -> None:
    """A stop is named by the English kinds its Indonesian name says ("Pantai X": "beach";
    "Sentra Tenun X": "weaving", "weaving centre"). Indonesian puts the head first, English
    last, so a kind and the word after it are said the other way round."""
    for i, word in enumerate(tokens):
        kinds = PLACE_KINDS.get(word, ())
        if word not in PLACE_KINDS_GENERIC:
            for kind in kinds:
                for said in (("the", "a") if kind in PLACE_KINDS_VERBS else ("",)):
                    add(f"{said} {kind}".strip(), ref)
        after = PLACE_KINDS.get(tokens[i + 1], ()) if i + 1 < len(tokens) else ()
        for kind in kinds:
            for modifier in after:
                add(f"{modifier} {kind}", ref)


def normalizer_for(
    event: Event, index: PhraseIndex, region_aliases: Iterable[str], network: frozenset[str]
) -> textnorm.Normalizer:
    """Typo correction towards the words the bot knows: its lexicon and the event's own."""
    vocab: set[str] = set(LEXICON) | set(GREETING_ONLY)
    for key in index.phrases:
        vocab.update(key)
    for bigram in BIGRAMS:
        vocab.update(bigram.split())
    vocab.update(region_words(event))
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
                  TOUR_TIMES, BRING, OPEN_WORDS, CLOSE_WORDS, frozenset(RELATIONS), REST_WORDS,
                  ALL_WORDS, DAY_END_WORDS, DAY_START_WORDS, LAST_WORDS, GATHER_WORDS):
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
    vocab.update(network)
    # Places written short ("ntt" for the province in the event's city line).
    places = [event.city, *(v.address for v in event.venues.values())]
    expansions = textnorm.initialisms(places)
    # Chat's short forms of the programme's items and of the names of venues, speakers and
    # tags ("ct" city tour, "balkot" balai kota), unless the form is a word the bot knows.
    items = [t for s in event.sessions for t in s.tags]
    names = [*items, *(t for v in event.venues.values() for t in (v.name, *v.aliases)),
             *(t for p in event.speakers.values() for t in (p.name, *p.aliases))]
    for short, target in textnorm.short_forms(items, names).items():
        if short not in vocab and short not in guarded:
            expansions.setdefault(short, target)
    # The event's own two-word names ("city tour", "press conference"), read by each other.
    pairs = [key for key in index.phrases if len(key) == 2]
    return textnorm.Normalizer(vocab, guarded, expansions, pairs)
