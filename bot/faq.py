"""Matching a free-text question to the organizers' practical answers (pure, no Telegram).

The understanding of questions about the programme lives in bot/understanding/; this is the
other half of "a delegate should never need to ask a person": the everyday things (what to
wear, Wi-Fi, certificates, the prayer room) that the data file answers in `[[faq]]`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from functools import cache

from bot import textnorm, when
from bot.model import Event, Faq


@cache
def _keyword_tokens(event: Event) -> tuple[tuple[Faq, tuple[tuple[str, ...], ...]], ...]:
    """Each entry's keywords as canonical token sequences ("Wi-Fi" and "wifi" alike)."""
    out = []
    for faq in event.faq:
        phrases = []
        for keyword in faq.keywords:
            tokens = tuple(textnorm.DEFAULT.tokens(keyword))
            if tokens:
                phrases.append(tokens)
        out.append((faq, tuple(phrases)))
    return tuple(out)


def match_faq(event: Event, text: str) -> Faq | None:
    """The entry whose keywords the question uses most (longest phrases first), or None."""
    tokens = textnorm.DEFAULT.tokens(text)
    best: tuple[int, int] = (0, 0)
    found: Faq | None = None
    for faq, phrases in _keyword_tokens(event):
        hits = [p for p in phrases if textnorm.contains_phrase(tokens, p)]
        if not hits:
            continue
        score = (max(len(p) for p in hits), len(hits))
        if score > best:
            best, found = score, faq
    return found


#: A sentence of a practical answer (the organizers write one per day: "Rabu dan Kamis: …").
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?")


def _days_named(sentence: str, days: Sequence[date]) -> set[date]:
    """The event days a sentence names by weekday ("Rabu", "Friday") or date ("16 Oktober")."""
    words = [w.replace("'", "") for w in _WORD.findall(sentence.lower())]
    named: set[date] = set()
    for i, w in enumerate(words):
        if len(w) > 3 and w in when.WEEKDAYS:  # "mon", "sat": too short to be sure of
            named.update(d for d in days if d.weekday() == when.WEEKDAYS[w])
        elif w in when.MONTHS:
            doms = {int(v) for v in (words[i - 1:i] + words[i + 1:i + 2]) if v.isdigit()}
            named.update(d for d in days if d.month == when.MONTHS[w] and d.day in doms)
    return named


def answer_on(faq: Faq, day: date | None, days: Sequence[date], lang: str) -> str:
    """The practical answer, or its part about `day` when it is written per day ("dress
    code hari jumat?": Friday's sentence, not Wednesday's batik). Sentences naming no day
    (general notes) stay; an answer not written per day, or silent on that day, is whole."""
    text = faq.answer.get(lang)
    if day is None:
        return text
    sentences = [s for s in _SENTENCE.split(text) if s.strip()]
    named = [_days_named(s, days) for s in sentences]
    if sum(1 for n in named if n) < 2 or not any(day in n for n in named):
        return text
    return " ".join(s for s, n in zip(sentences, named, strict=True) if not n or day in n)
