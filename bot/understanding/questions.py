"""Messages that ask several things: split into questions, each understood in context."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

from bot import textnorm
from bot.model import Event
from bot.understanding.lexicon import COURTESY, LEXICON, QUESTION_WORDS, word_set
from bot.understanding.result import Intent, Understanding
from bot.understanding.understander import Understander, understander_for

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
        if previous and not _names(u) and u.intent in _CONTEXTUAL and not (
            u.intent is Intent.UNKNOWN and _unknown_words(understander, part)
        ):
            # "Kapan registrasi? Di mana lokasinya?": the second is about the first's item.
            joined = understander.understand(f"{previous} {part}", now)
            if joined.intent is not Intent.UNKNOWN and (
                u.intent is Intent.UNKNOWN or joined.intent is u.intent
            ):
                u = joined
        # A greeting, a closing or politeness ("mohon maaf mengganggu") asks nothing.
        # A part that ends with a question mark asks something ("Is there an ATM nearby?"):
        # it is declined, not dropped; nor is it a greeting because it starts with one
        # ("Selamat siang, bolehkah … membawa ajudan …?" asks about something the bot
        # does not know).
        asked = f"{part}?" in text
        if asked and u.intent in COURTESY and _unknown_words(understander, part):
            u = replace(u, intent=Intent.UNKNOWN, confidence=0.5)
        courtesy = u.intent in COURTESY or (
            u.intent is Intent.UNKNOWN and not (u.doubts or _asks(part) or asked)
        )
        if courtesy and not (u.faq_id or u.facts):
            continue
        if _names(u):
            previous = part
        found.append(replace(u, question=part))
    # "Saya dari Pemkab Sikka.", "Kami akan hadir 3 orang.": a statement next to a question
    # does not ask for contacts or a registration.
    if any(_is_question(f.question, text) for f in found):
        found = [f for f in found
                 if _is_question(f.question, text) or f.intent not in _STATEMENT_OK]
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
_REQUEST_WORDS = word_set(
    """tolong mohon minta please mau ingin bisa boleh ingatkan daftarkan kirim lihat cek
    tampilkan show send tell"""
)


def _names(u: Understanding) -> bool:
    return bool(u.session_ids or u.speaker_ids or u.venue_ids or u.stops or u.faq_id
                or u.facts or u.regions)


def _is_question(part: str, text: str) -> bool:
    """A question or a request, not a statement ("Saya dari Pemkab Sikka")."""
    words = set(textnorm.simple_tokens(part))
    return "?" in part or f"{part}?" in text or bool(words & (QUESTION_WORDS | _REQUEST_WORDS))


def _unknown_words(understander: Understander, part: str) -> bool:
    """Whether `part` has a longer word neither the bot nor the event's data knows."""
    vocabulary = understander.normalizer.vocabulary
    return any(len(w) >= 3 and w.isalpha() and w not in vocabulary
               and not (w.endswith("nya") and w[:-3] in vocabulary)  # "bupatinya"
               for w in understander.normalizer.tokens(part))


def _asks(part: str) -> bool:
    words = set(textnorm.simple_tokens(part))
    return bool(words & (QUESTION_WORDS | set(LEXICON)) - {"saya", "selamat"})
