"""Questions of dev set g (issue 11) the bot used to miss, through the real Application and
the stand-in; dev set g is a gate.

Each test is one general cause: "the rest of today" is what is left of it, not a break.
"""

from __future__ import annotations

from tests.harness import Harness
from tests.test_answers import _bench, read

DECLINED = "belum bisa menjawab"


async def test_the_rest_of_today_in_english_is_not_a_break(bot: Harness) -> None:
    """'rest' names the breaks ("rest", "istirahat"), but "the rest of today" is what is left
    of the day: the list after now (10.00 on the first day), not the lunch break's card."""
    for question in ("rest of today apa lagi min", "what's on for the rest of the day?"):
        text = read(await bot.say(question))
        assert text.startswith("📅 Rabu, 16 Oktober 2019 — acara yang masih ada setelah pukul "
                               "10.00:"), text
        assert "Jumpa pers" in text and "Registrasi peserta" not in text


async def test_answer_dev_set_g_gate() -> None:
    """tests/answers_dev_g.jsonl (written blind, tuned on) stays at the level reached, 0 wrong."""
    totals = await _bench().run([_bench().ROOT / "tests" / "answers_dev_g.jsonl"], set())
    counts = totals["answers_dev_g all"]
    n = sum(counts.values())
    assert n >= 300
    assert counts["wrong"] == 0, counts
    assert counts["correct"] / n >= 0.915, counts
