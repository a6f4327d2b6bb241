"""The tokenizer's shortcuts (cached, regexes skipped where they cannot match) give exactly
what the plain algorithm gives."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from bot import textnorm

ROOT = Path(__file__).resolve().parent.parent


def reference(text: str) -> list[str]:
    """The tokenizer without shortcuts: every step (textnorm's own patterns) on every text
    and token."""
    text = unicodedata.normalize("NFKC", text)
    text = textnorm._LO_RE.sub(" narahubung ", text)
    text = textnorm._POSSESSIVE_RE.sub("", text.lower()).translate(textnorm._APOSTROPHES)
    text = textnorm._REDUPLICATED_RE.sub(r"\1 \1", text)
    return [textnorm._REPEAT3_RE.sub(r"\1\1", t) for t in textnorm._TOKEN_RE.findall(text)]


TRICKY = [
    "jadwaaal besokkk??", "2pmmm", "LO tour siapa", "lo mau ke mana", "Tomorrow's break",
    "what’s on", "jum'at pagi", "ＪＡＤＷＡＬ　ｂｅｓｏｋ", "ﬁle ﬂow", "Kab. Sidoarjo 17/10",
    "jam 14.00 WITA", "9:30am", "🙏🙏 makasih min", "", "   ", "aaa", "LOL LO. LO?",
    "it's on", "the bus's seats", "sssss", "Café résumé", "oleh2 khas", "hari2 ke-2",
]


def _dev_texts() -> list[str]:
    texts = []
    for name in ("answers_dev.jsonl", "answers_dev_a.jsonl", "nlu_eval.jsonl"):
        for raw in (ROOT / "tests" / name).read_text(encoding="utf-8").splitlines():
            if raw.strip() and not raw.lstrip().startswith("#"):
                texts.append(json.loads(raw)["text"])
    return texts


@pytest.mark.parametrize("text", TRICKY)
def test_tokenize_matches_the_plain_algorithm(text: str) -> None:
    assert textnorm.tokenize(text) == reference(text)
    assert textnorm.tokenize(text) == reference(text)  # from the cache


def test_tokenize_matches_on_every_dev_text() -> None:
    for text in _dev_texts():
        assert textnorm.tokenize(text) == reference(text), text


def test_cached_tokens_are_not_shared_lists() -> None:
    first = textnorm.tokenize("jadwal besok")
    first.append("x")
    assert textnorm.tokenize("jadwal besok") == ["jadwal", "besok"]


def test_normalizer_tokens_same_from_the_cache() -> None:
    normalizer = textnorm.Normalizer(["jadwal", "besok", "kamis", "kami"], ["kamis", "besok"])
    for text in ("jdwl bseok", "kamsi jam 2", "jadwaal besok"):
        once = normalizer.tokens(text)
        assert normalizer.tokens(text) == once
        fresh = textnorm.Normalizer(["jadwal", "besok", "kamis", "kami"], ["kamis", "besok"])
        assert fresh.tokens(text) == once
