"""Every free-text reply of the dev and eval sets, dumped: the gate for speed-only changes.

Run: python bench/dump_replies.py [OUT] (default: stdout)

Each text of tests/answers_dev*.jsonl, tests/blind_d.jsonl and tests/nlu_eval.jsonl goes, as a
delegate's private message at the row's `now` and language, through the real application and
the offline Bot API (as bench/bench_answers.py does). The Bot API calls it makes (method and
parameters, with the reply markup) are written one JSON line per row, in file order. A change
meant to make understanding faster, not different, must leave this output byte-identical:
compare two runs with `cmp`.
"""

from __future__ import annotations

import asyncio
import json
import sys
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bot.clock import Clock  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.loader import load_event  # noqa: E402
from bot.terminal import OfflineBot, as_text  # noqa: E402
from handlers import register  # noqa: E402

DATA_PATH = ROOT / "data" / "citynet-kupang-2019.toml"
FILES = [
    "answers_dev.jsonl", "answers_dev_a.jsonl", "answers_dev_b.jsonl", "answers_dev_c.jsonl",
    "blind_d.jsonl", "nlu_eval.jsonl",
]
#: nlu_eval.jsonl's rows carry no `now`: the time bench/bench_understanding.py reads them at.
DEFAULT_NOW = "2019-10-16T08:00:00+08:00"


def rows(name: str) -> list[dict[str, Any]]:
    out = []
    for raw in (ROOT / "tests" / name).read_text(encoding="utf-8").splitlines():
        if raw.strip() and not raw.lstrip().startswith("#"):
            out.append(json.loads(raw))
    return out


async def dump(out: Any) -> int:
    event = load_event(DATA_PATH)
    settings = replace(Settings(), database_path=Path(":memory:"))
    count = 0
    for name in FILES:
        for number, row in enumerate(rows(name), 1):
            now = datetime.fromisoformat(row.get("now", DEFAULT_NOW))
            clock = Clock(event.timezone, now, running=False)
            async with OfflineBot(settings, event, clock, row.get("lang", "id"), register,
                                  tick_interval=None) as bot:
                first = len(bot.standin.calls)
                reply = as_text(await bot.say(row["text"]))
                calls = [[c.method, c.params] for c in bot.standin.calls[first:]]
            line = {"file": name, "row": row.get("id", number), "text": row["text"],
                    "reply": reply, "calls": calls}
            out.write(json.dumps(line, ensure_ascii=False, sort_keys=True, default=str) + "\n")
            count += 1
    return count


def main() -> int:
    if len(sys.argv) > 1:
        with open(sys.argv[1], "w", encoding="utf-8") as out:
            count = asyncio.run(dump(out))
        print(f"{count} replies -> {sys.argv[1]}", file=sys.stderr)
    else:
        asyncio.run(dump(sys.stdout))
    return 0


if __name__ == "__main__":
    sys.exit(main())
