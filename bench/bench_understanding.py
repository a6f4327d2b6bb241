"""Accuracy and latency of free-text understanding over tests/nlu_eval.jsonl.

Run: python bench/bench_understanding.py [--errors] [--heldout-errors]

Prints intent accuracy per split and per intent, slot accuracy per split, and latency
percentiles of `understand()` alone (the per-event index is built once, before timing).
The scoring functions are shared with tests/test_understanding.py.

Issue 11 (answer first, whole message, grounded retrieval), measured 2026-11-30:
- nlu_eval: dev 99.8% intent / 99.8% slots (100% / 99.8% before; the row lost is
  "moderatornya siapa?", now declined: the data names no moderator); held-out a 100% / 100%
  and c 83.8% / 98.8%, unchanged.
- answer level, tests/answers_dev.jsonl (dev, see bench/bench_answers.py): first run 55.6%
  on the first 108 questions, 90.5% on the next 74; now 100% of 216, 0 wrong facts.
- understand_all() + the answer's plan: p99 0.4–0.7 ms on quieter runs, 2–4 ms under load.
Issue 11, second session (2026-11-30), answer level (bench/bench_answers.py):
- blind batch e (tests/blind_e.jsonl, 371 questions written blind before that session's work):
  first run 86.5% (id 86.3%, en 87.3%), final 93.5% (id 94.0%, en 91.5%); 0 wrong facts in
  both; 19 honest declines and 5 other misses left (README, "Benchmarks").
- dev sets now: answers_dev 100%, _a 100%, _b 98.7%, _c 100%, _f 96.9% (first run 81.8%),
  _g 95.6% (first run 90.8%), blind_d (now dev) 98.3%; 0 wrong facts in every one.
Issue 11, batch e tuned on as a dev set, by general cause (tests/test_answers_e.py):
- blind_e 99.5% (2 honest declines, 0 other misses), _f 99.5%, _g 99.4%, blind_d 99.2%,
  _i 92.6% (was 89.9%); answers_dev/_a/_b/_c unchanged; 0 wrong facts in every one.
- nlu_eval: dev 99.8% / 99.8%, held-out 94.3% / 99.5% (c 85.0% / 98.8%, its misses not
  read); understand_all() + plan p99 0.27 ms.
Issue 11, third session (2026-11-30), answer level:
- blind batch h (tests/blind_h.jsonl, 396 questions written blind before that session's
  understanding work, kept out of the repository until its final run): first run 91.9%
  (id 91.4%, en 94.4%), final 94.9% (id 94.8%, en 95.8%); 0 wrong facts caught in both;
  13 honest declines and 7 other misses (README, "Benchmarks").
- dev sets now: answers_dev 100%, _a 100%, _b 98.7%, _c 100%, _f 99.5%, _g 99.4%, _i 100%
  (first run 89.9%), _j 98.3% (95.0%), _k 97.1% (91.6%), blind_d 99.2%, blind_e 99.5%;
  0 wrong facts in every one.
- nlu_eval: dev 99.8% / 99.8%, held-out 94.8% / 99.5% (c 86.2% / 98.8%, its misses not
  read); understand_all() + plan p99 0.68 ms on a machine shared with the test suite.
Issue 11, fourth session (2026-11-30), answer level:
- blind batch m (tests/blind_m.jsonl, 423 questions written blind before that session's
  work, kept out of the repository until its final run): first run 93.4% (id 93.6%, en
  92.4%; 18 declined, 10 other misses), final 96.2% (id 96.8%, en 93.7%; 7 declined, 9 other
  misses); 0 wrong facts caught in both (README, "Benchmarks").
- batch q (tests/blind_q.jsonl, 372 questions written blind after the work, graded once on
  the final code before anyone read it): 97.3% (id 97.3%, en 97.4%), 7 declined, 2 other
  misses, 1 wrong fact (q002).
- dev sets now: n 100% (first run 91.1%), o 98.9% (90.6%), p 98.6% (91.3%), blind_h 98.2%,
  _j 98.5%, _k 98.4%, _b 100%; the rest unchanged; 0 wrong facts in every one.
- nlu_eval: dev 99.8% / 99.8%, held-out 94.8% / 99.5% (c 86.2% / 98.8%, its misses not
  read); understand_all() + plan p99 0.62 ms.
Issue 11, fifth session (2026-12-01), answer level:
- blind batches r and s (tests/blind_r.jsonl, tests/blind_s.jsonl: 726 questions, 281 of
  them English, written blind before that session's work, kept out of the repository until
  their final run): first run 93.4% (id 96.4%, en 88.6%; 39 declined, 9 other misses), final
  97.1% (id 97.3%, en 96.8%; 12 declined, 9 other misses); 0 wrong facts caught in both.
- dev sets now: t (English) 96.2% (first run 81.5%), u 99.2% (95.3%), blind_m 99.8%,
  blind_q 100%, blind_h 100%; no set dropped; 0 wrong facts in every one.
- nlu_eval: dev 99.8% / 99.8%, held-out 94.8% / 99.5% (unchanged); understand_all() + plan
  p99 0.70 ms (quiet machine).
Issue 11, sixth session (2026-12-01), answer level:
- blind batches v and w (tests/blind_v.jsonl, tests/blind_w.jsonl: 690 questions, 249 of
  them English, written blind before that session's work, kept out of the repository until
  their final run): first run 95.1% (v 96.9%, w 93.1%; 15 declined, 18 other misses, 1 wrong
  fact), final 95.8% (id 96.4%, en 94.8%; 12 declined, 16 other misses, 1 wrong fact: the
  asker's own "tiba bsk pagi" set the day of "lusa tu acara apa?"). Not met.
- then tuned on as dev sets: v and w 100%; r 99.7%, s 100%, t 99.7%, u 100%, every other set
  held; 0 wrong facts in every one.
- batch x (tests/blind_x.jsonl, 303 questions written blind after that work, graded once on
  the final code): 97.0% (id 95.9%, en 99.1%), 7 declined, 2 other misses, 0 wrong facts.
- nlu_eval: dev 99.8% / 99.8%, held-out 94.8% / 99.5% (c 86.2%, unchanged); understand_all()
  + plan p99 0.82 ms (machine shared with two tuners).
Issue 11, seventh session (2026-12-01), answer level:
- blind batches y and z (tests/blind_y.jsonl, tests/blind_z.jsonl: 681 questions, 240
  English, written blind before that session's work): first run 94.1% (id 95.0%, en 92.5%;
  21 declined, 15 other misses, 4 graded wrong), final 94.6% (id 95.0%, en 93.8%; 20
  declined, 13 other misses, 4 graded wrong: extra text carrying a forbidden name). Not met.
- blind batches ac and ad (tests/blind_ac.jsonl, tests/blind_ad.jsonl: 698 questions, 219
  English, written blind after the first round and before the second, tuned on y/z): first
  run 94.8% (id 94.4%, en 95.9%; 24 declined, 11 other misses, 1 wrong), final 95.3% (id
  94.8%, en 96.3%; 22 declined, 10 other misses, 1 graded wrong). Not met (Indonesian < 95%,
  misses that are not the decline).
- dev sets now: y 98.2%, z 98.6% (tuned on after their final run); x 99.7% (97.0% at its
  one grading), aa 99.7% (first run 93.0%), ab 100% (96.5%); every other set held; 0 wrong
  facts in every one.
- nlu_eval: dev 99.8% / 99.8%, held-out 95.2% / 99.5% (c 87.5%, its misses not read).
Issue 11, eighth session (2026-12-01), answer level:
- blind batches ae and af (tests/blind_ae.jsonl, tests/blind_af.jsonl: 687 questions, 224
  English, written blind before that session's work): first run 93.4% (id 93.7%, en 92.9%;
  30 declined, 10 other misses, 5 graded wrong), final 94.8% (id 95.0%, en 94.2%; 24
  declined, 9 other misses, 3 graded wrong: the right answer sentence, then a card whose
  extra text names what the row forbids). Not met (English < 95%, misses that are not the
  decline, 3 graded wrong).
- dev sets tuned on in two rounds: ac 97.9% -> 100%, ad 92.1% -> 100%, and three new dev
  batches written blind that session: ag 93.9% -> 100%, ah 96.8% -> 99.7%, ai 94.8% -> 100%;
  every other set held; 0 wrong facts in every one.
- nlu_eval: dev 99.8% / 99.8%, held-out 95.2% / 99.5% (c 87.5%, unchanged); understand_all()
  + plan p99 0.75 ms (quiet machine).
"""

from __future__ import annotations

import json
import statistics
import sys
import time as clock
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bot.answers import plan_answer  # noqa: E402
from bot.i18n import I18n  # noqa: E402
from bot.loader import load_event  # noqa: E402
from bot.model import Event  # noqa: E402
from bot.retrieval import index_for  # noqa: E402
from bot.understanding import (  # noqa: E402
    Understanding,
    understand,
    understand_all,
    understander_for,
)

EVAL_PATH = ROOT / "tests" / "nlu_eval.jsonl"
DATA_PATH = ROOT / "data" / "citynet-kupang-2019.toml"
DEFAULT_NOW = "2019-10-16T08:00:00+08:00"


@dataclass(frozen=True, slots=True)
class Row:
    line: int
    split: str
    #: "a": written before the classifier; "b": written after its first version, before it
    #: was run on them. Both are held out (never tuned against).
    batch: str
    lang: str
    now: datetime
    text: str
    intent: str
    expected: dict[str, Any]


def load_rows(path: Path = EVAL_PATH) -> list[Row]:
    rows = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        item = json.loads(raw)
        rows.append(
            Row(
                line=number,
                split=item.pop("split"),
                batch=item.pop("batch", "a"),
                lang=item.pop("lang", "id"),
                now=datetime.fromisoformat(item.pop("now", DEFAULT_NOW)),
                text=item.pop("text"),
                intent=item.pop("intent"),
                expected=item,
            )
        )
    return rows


#: The labels name a part of the day by its Indonesian word (written before the English parts
#: had hours of their own, bot.when.PERIOD_HOURS): an English part is the word it translates
#: ("this afternoon" is labelled "siang"); still not "sore" nor "malam".
_LABELLED_PERIOD = {"morning": "pagi", "afternoon": "siang"}


def _actual_slots(u: Understanding) -> dict[str, Any]:
    return {
        "day": u.day.isoformat() if isinstance(u.day, date) else None,
        "time": u.time.strftime("%H:%M") if isinstance(u.time, time) else None,
        "period": _LABELLED_PERIOD.get(u.period or "", u.period),
        "sessions": set(u.session_ids),
        "speakers": set(u.speaker_ids),
        "venues": set(u.venue_ids),
        "regions": set(u.regions),
        "ambiguous": u.ambiguous_region,
    }


# Slots always checked (absent in the row = must be empty); the others only when listed.
ALWAYS = ("day", "time", "period", "sessions", "regions", "ambiguous")
WHEN_LISTED = ("speakers", "venues")
_EMPTY: dict[str, Any] = {
    "day": None,
    "time": None,
    "period": None,
    "sessions": set(),
    "regions": set(),
    "ambiguous": False,
}


def slot_diffs(row: Row, u: Understanding) -> list[str]:
    actual = _actual_slots(u)
    diffs = []
    for key in ALWAYS + WHEN_LISTED:
        if key not in row.expected and key not in ALWAYS:
            continue
        want = row.expected.get(key, _EMPTY.get(key))
        if isinstance(want, list):
            want = set(want)
        if actual[key] != want:
            diffs.append(f"{key}: want {want!r} got {actual[key]!r}")
    return diffs


@dataclass(frozen=True, slots=True)
class Score:
    rows: int
    intent_ok: int
    slot_ok: int

    @property
    def intent_accuracy(self) -> float:
        return self.intent_ok / self.rows if self.rows else 0.0

    @property
    def slot_accuracy(self) -> float:
        return self.slot_ok / self.rows if self.rows else 0.0


def evaluate(event: Event, rows: list[Row]) -> tuple[dict[str, Score], list[str]]:
    """Scores per split (and "all"), plus a description of every miss."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    misses = []
    for row in rows:
        u = understand(row.text, event, row.now)
        intent_ok = u.intent.value == row.intent
        diffs = slot_diffs(row, u)
        groups = [row.split, "all"]
        if row.split == "heldout":
            groups.append(f"heldout-{row.batch}")
        for split in groups:
            c = counts[split]
            c[0] += 1
            c[1] += intent_ok
            c[2] += not diffs
        if not intent_ok or diffs:
            what = [] if intent_ok else [f"intent: want {row.intent} got {u.intent.value}"]
            misses.append(f"[{row.split}] line {row.line} {row.text!r}: " + "; ".join(what + diffs))
    return {k: Score(*v) for k, v in counts.items()}, misses


def per_intent(event: Event, rows: list[Row]) -> dict[tuple[str, str], tuple[int, int]]:
    out: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for row in rows:
        ok = understand(row.text, event, row.now).intent.value == row.intent
        for split in (row.split, "all"):
            c = out[(split, row.intent)]
            c[0] += 1
            c[1] += ok
    return {k: (v[0], v[1]) for k, v in out.items()}


def latency_us(event: Event, rows: list[Row], rounds: int = 20) -> list[float]:
    understander_for(event)  # the per-event index is built once per process, not per message
    samples = []
    for _ in range(rounds):
        for row in rows:
            start = clock.perf_counter_ns()
            understand(row.text, event, row.now)
            samples.append((clock.perf_counter_ns() - start) / 1000)
    return samples


def latency_answer_us(event: Event, rows: list[Row], rounds: int = 20,
                      timer: Callable[[], int] = clock.perf_counter_ns) -> list[float]:
    """understand_all() plus the answer's plan (FAQ, passage, generated sentence, decline):
    everything the free-text handler computes before Telegram, per message. `timer` is wall
    time for the bench; the test gate passes the thread's CPU time, which other processes on
    a loaded machine cannot inflate."""
    understander_for(event)
    index_for(event)
    translators = I18n()
    samples = []
    for _ in range(rounds):
        for row in rows:
            t = translators.get(row.lang)
            start = timer()
            for question in understand_all(row.text, event, row.now):
                plan_answer(event, question, t)
            samples.append((timer() - start) / 1000)
    return samples


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main(argv: list[str]) -> int:
    event = load_event(DATA_PATH)
    rows = load_rows()
    build_start = clock.perf_counter()
    understander_for(event)
    build_ms = (clock.perf_counter() - build_start) * 1000

    scores, misses = evaluate(event, rows)
    print(f"evaluation set: {EVAL_PATH.relative_to(ROOT)} ({len(rows)} questions)\n")
    print(f"{'split':<9} {'n':>4} {'intent':>8} {'slots':>8}")
    for split in ("dev", "heldout", "heldout-a", "heldout-c", "all"):
        s = scores.get(split)
        if s:
            print(f"{split:<9} {s.rows:>4} {s.intent_accuracy:>8.1%} {s.slot_accuracy:>8.1%}")

    table = per_intent(event, rows)
    intents = sorted({intent for _, intent in table})
    print(f"\n{'intent':<13} {'dev':>12} {'heldout':>12} {'all':>12}")
    for intent in intents:
        cells = []
        for split in ("dev", "heldout", "all"):
            n, ok = table.get((split, intent), (0, 0))
            cells.append(f"{ok}/{n} {ok / n:>4.0%}" if n else "-")
        print(f"{intent:<13} " + " ".join(f"{c:>12}" for c in cells))

    samples = latency_us(event, rows)
    print(
        f"\nlatency of understand() over {len(samples)} calls: "
        f"p50 {statistics.median(samples):.0f} µs, p90 {_percentile(samples, 0.90):.0f} µs, "
        f"p99 {_percentile(samples, 0.99):.0f} µs, max {max(samples):.0f} µs "
        f"(index build once: {build_ms:.1f} ms)"
    )
    samples = latency_answer_us(event, rows)
    print(
        f"latency of understand_all() + the answer's plan over {len(samples)} calls: "
        f"p50 {statistics.median(samples):.0f} µs, p90 {_percentile(samples, 0.90):.0f} µs, "
        f"p99 {_percentile(samples, 0.99):.0f} µs, max {max(samples):.0f} µs"
    )
    # Held-out misses are shown only on request: tuning must not look at them one by one.
    shown = [m for m in misses if "--heldout-errors" in argv or m.startswith("[dev]")]
    if "--errors" in argv and shown:
        print("\nmisses:")
        for miss in shown:
            print("  " + miss)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
