"""CPU time of free text's understanding and answer planning, per message.

Run: python bench/bench_freetext.py [--profile] [--rounds N]

Every distinct text of tests/answers_dev*.jsonl and tests/nlu_eval.jsonl (at its row's `now`
and language) goes through what the free-text handler computes before any Telegram call:
`understand_all` and, for each question, `plan_answer` (which runs the coverage check, the
retrieval and the how-to reading). CPU time of this thread, per message:

- "distinct": each text once, in file order, in a fresh process (the per-event indexes are
  built before timing; the per-word memos fill up as the texts go by, as in a real run);
- "repeated": the same texts again, `--rounds` times (what a bench repeating its texts sees).

`--profile` adds cProfile's top functions over the distinct pass.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bot.answers import plan_answer  # noqa: E402
from bot.i18n import I18n, Translator  # noqa: E402
from bot.loader import load_event  # noqa: E402
from bot.model import Event  # noqa: E402
from bot.retrieval import index_for  # noqa: E402
from bot.understanding import understand_all, understander_for  # noqa: E402

DATA_PATH = ROOT / "data" / "citynet-kupang-2019.toml"
FILES = ["answers_dev.jsonl", "answers_dev_a.jsonl", "answers_dev_b.jsonl",
         "answers_dev_c.jsonl", "nlu_eval.jsonl"]
DEFAULT_NOW = "2019-10-16T08:00:00+08:00"

Row = tuple[str, datetime, str]  # text, now, lang


def load() -> list[Row]:
    seen: set[str] = set()
    out: list[Row] = []
    for name in FILES:
        for raw in (ROOT / "tests" / name).read_text(encoding="utf-8").splitlines():
            if not raw.strip() or raw.lstrip().startswith("#"):
                continue
            item = json.loads(raw)
            if item["text"] in seen:
                continue
            seen.add(item["text"])
            out.append((item["text"], datetime.fromisoformat(item.get("now", DEFAULT_NOW)),
                        item.get("lang", "id")))
    return out


def one(event: Event, row: Row, t: Translator) -> None:
    text, now, _lang = row
    for question in understand_all(text, event, now):
        plan_answer(event, question, t)


def timed(event: Event, rows: list[Row], i18n: I18n) -> list[float]:
    samples = []
    for row in rows:
        t = i18n.get(row[2])
        start = time.thread_time_ns()
        one(event, row, t)
        samples.append((time.thread_time_ns() - start) / 1000)
    return samples


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _line(label: str, samples: list[float]) -> str:
    return (f"{label:<9} n={len(samples):5}  p50 {statistics.median(samples):6.0f} µs  "
            f"p90 {_pct(samples, 0.9):6.0f}  p99 {_pct(samples, 0.99):6.0f}  "
            f"mean {statistics.fmean(samples):6.0f}  max {max(samples):6.0f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    event = load_event(DATA_PATH)
    rows = load()
    i18n = I18n()
    understander_for(event)
    index_for(event)
    for lang in ("id", "en"):
        i18n.get(lang)
    if args.profile:
        profile = cProfile.Profile()
        profile.enable()
        distinct = timed(event, rows, i18n)
        profile.disable()
    else:
        distinct = timed(event, rows, i18n)
    repeated = [s for _ in range(args.rounds) for s in timed(event, rows, i18n)]
    print("understand_all + plan_answer, CPU time per message:")
    print(_line("distinct", distinct))
    print(_line("repeated", repeated))
    if args.profile:
        pstats.Stats(profile).sort_stats("tottime").print_stats(30)
        pstats.Stats(profile).sort_stats("cumulative").print_stats(45)
    return 0


if __name__ == "__main__":
    sys.exit(main())
