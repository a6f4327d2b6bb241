"""Matching a free-text question to the organizers' practical answers (pure, no Telegram).

The understanding of questions about the programme lives in bot/understanding/; this is the
other half of "a delegate should never need to ask a person": the everyday things (what to
wear, Wi-Fi, certificates, the prayer room) that the data file answers in `[[faq]]`.
"""

from __future__ import annotations

from functools import cache

from bot import textnorm
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
