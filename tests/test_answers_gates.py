"""Gates of the dev sets of issue 11 since its fourth session: n, o and p (written blind to tune on)
and the blind batches h and m, read by hand after their final runs and dev sets since.

Each stays at or just under the level reached, with 0 wrong facts; batch q (written blind after
that work and graded once: 97.3%, 1 wrong fact) too, since its wrong fact (q002) was fixed.
"""

from __future__ import annotations

from tests.test_answers import assert_dev_set


async def test_dev_set_n_gate() -> None:
    """tests/answers_dev_n.jsonl stays >= 99% correct (100% reached; first run 91.1%)."""
    await assert_dev_set("answers_dev_n", 420, 0.99)


async def test_dev_set_o_gate() -> None:
    """tests/answers_dev_o.jsonl stays >= 98% correct (98.9% reached; first run 90.6%)."""
    await assert_dev_set("answers_dev_o", 440, 0.98)


async def test_dev_set_p_gate() -> None:
    """tests/answers_dev_p.jsonl stays >= 98% correct (98.6% reached; first run 91.3%)."""
    await assert_dev_set("answers_dev_p", 500, 0.98)


async def test_blind_h_gate() -> None:
    """tests/blind_h.jsonl (blind batch h, read: dev) stays >= 97.5% (98.2% reached)."""
    await assert_dev_set("blind_h", 390, 0.975)


async def test_blind_m_gate() -> None:
    """tests/blind_m.jsonl (blind batch m, read after its final run: dev) stays >= 96%
    (96.2% at its final run, the figure issue 11 reports; 96.5% once m165 was fixed)."""
    await assert_dev_set("blind_m", 420, 0.96)


async def test_blind_q_gate() -> None:
    """tests/blind_q.jsonl (batch q, read after its one run: dev) stays >= 97% (97.6% once
    q002, "diselenggarakan di gedung mana?", gets the main venue), 0 wrong."""
    await assert_dev_set("blind_q", 365, 0.97)


async def test_dev_set_t_gate() -> None:
    """tests/answers_dev_t.jsonl (372 English questions of foreign delegates, written blind
    in the fifth session to tune on) stays >= 95% (96.2% reached; first run 81.5%), 0 wrong."""
    await assert_dev_set("answers_dev_t", 370, 0.95)


async def test_dev_set_u_gate() -> None:
    """tests/answers_dev_u.jsonl (361 questions on the programme in time, 165 English)
    stays >= 98% (99.2% reached; first run 95.3%), 0 wrong."""
    await assert_dev_set("answers_dev_u", 360, 0.98)


async def test_blind_r_and_s_gates() -> None:
    """tests/blind_r.jsonl and tests/blind_s.jsonl (the fifth session's blind batches, read
    after their final run, 97.3% and 96.9% then: dev) stay >= 98.5% (99.7% and 100% reached)."""
    await assert_dev_set("blind_r", 365, 0.985)
    await assert_dev_set("blind_s", 355, 0.985)


async def test_blind_v_and_w_gates() -> None:
    """tests/blind_v.jsonl and tests/blind_w.jsonl (the sixth session's blind batches, 97.5%
    and 94.0% at their final run, read after it: dev) stay >= 98.5% (100% reached), 0 wrong."""
    await assert_dev_set("blind_v", 350, 0.985)
    await assert_dev_set("blind_w", 330, 0.985)


async def test_blind_x_aa_and_ab_gates() -> None:
    """tests/blind_x.jsonl (written blind after the sixth session's work, 97.0% at its one
    grading), blind_aa and blind_ab (written blind for the seventh session as dev sets, 93.0%
    and 96.5% at their first run) stay >= 98.5% (99.7%, 99.7% and 100% reached), 0 wrong."""
    await assert_dev_set("blind_x", 300, 0.985)
    await assert_dev_set("blind_aa", 355, 0.985)
    await assert_dev_set("blind_ab", 280, 0.985)


async def test_blind_y_and_z_gates() -> None:
    """tests/blind_y.jsonl and tests/blind_z.jsonl (the seventh session's first blind batches,
    95.5% and 93.7% at their final run, read after it: dev) stay >= 97.5% (98.2% and 98.6%
    reached), 0 wrong."""
    await assert_dev_set("blind_y", 330, 0.975)
    await assert_dev_set("blind_z", 340, 0.975)


async def test_blind_ac_ad_and_ag_gates() -> None:
    """tests/blind_ac.jsonl and tests/blind_ad.jsonl (the seventh session's second blind
    batches, 97.9% and 92.1% at their final run, read after it: dev) and blind_ag (written
    blind for the eighth session as a dev set, 93.9% at its first run) stay >= 98.5% (100%
    reached in all three), 0 wrong."""
    await assert_dev_set("blind_ac", 380, 0.985)
    await assert_dev_set("blind_ad", 315, 0.985)
    await assert_dev_set("blind_ag", 390, 0.985)


async def test_blind_ah_and_ai_gates() -> None:
    """tests/blind_ah.jsonl and tests/blind_ai.jsonl (written blind for the eighth session's
    second round as dev sets, 96.8% and 94.8% at their first run) stay >= 98.5% (99.7% and
    100% reached), 0 wrong."""
    await assert_dev_set("blind_ah", 340, 0.985)
    await assert_dev_set("blind_ai", 360, 0.985)
