"""Answer-level accuracy of free-text questions, graded on what the delegate reads.

Run: python bench/bench_answers.py [FILE.jsonl ...] [--show miss,wrong,declined]

Each question goes, as a delegate's private message, through the real application and the
offline Bot API (bot.terminal.OfflineBot) at the row's `now` and language; the reply as the
delegate reads it (texts plus button labels) is graded:

- expect "answer": correct when, for every group of `all_of`, one alternative occurs in the
  reply, and nothing of `none_of` does;
- expect "decline": correct when the reply is an honest decline (see DECLINE_MARKERS) and holds
  nothing of `none_of`.

Every other outcome is one of: "wrong" (a `none_of` string occurs: a wrong fact or an invented
specific), "declined" (an honest decline where an answer was expected: a miss, but a safe one)
or "miss" (some other reply: a loosely related card, the wrong facts in other words…).

The files are blind batches written by people who read only the seed articles, the data file
and the README (see each file's first lines); they are graded as they are, never edited to fit
the bot. Matching is by substring after lowercasing, stripping the HTML (the offline front-end
already does) and reading "08:00" as "08.00", as the batch's writer was told; the question
itself, when the reply quotes it back, is removed first.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bot.clock import Clock  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.loader import load_event  # noqa: E402
from bot.model import Event  # noqa: E402
from bot.terminal import OfflineBot, as_text  # noqa: E402
from handlers import register  # noqa: E402

DATA_PATH = ROOT / "data" / "citynet-kupang-2019.toml"
DEFAULT_FILES = [ROOT / "tests" / "blind_ae.jsonl", ROOT / "tests" / "blind_af.jsonl"]

#: What an honest decline says, in either language (the bot's own words; lower case): that
#: it cannot answer. The "Tanya panitia" button alone does not make a decline: it is also
#: offered under a long message's answer or a contact list, which may be a wrong card. Nor
#: does "not in my data" alone: the how-to about asking the panitia says it too ("if the
#: answer is not in my data, press Tanya panitia"), and is no decline (blind batch h, h005).
DECLINE_MARKERS = (
    "belum bisa menjawab",
    "terlalu panjang untuk saya pahami",
    "too long for me to understand",
    "can't answer",
)


@dataclass(frozen=True, slots=True)
class Row:
    id: str
    lang: str
    category: str
    now: datetime
    text: str
    expect: str
    all_of: list[list[str]]
    none_of: list[str]


def load_rows(path: Path) -> list[Row]:
    rows = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        item = json.loads(raw)
        rows.append(
            Row(
                id=item["id"],
                lang=item.get("lang", "id"),
                category=item.get("category", "?"),
                now=datetime.fromisoformat(item["now"]),
                text=item["text"],
                expect=item["expect"],
                all_of=[[alt.lower() for alt in group] for group in item.get("all_of", [])],
                none_of=[s.lower() for s in item.get("none_of", [])],
            )
        )
    return rows


_CLOCK_TIME = re.compile(r"(\d{1,2}):(\d{2})")


_QUOTED = re.compile(r"“([^”]*)”")


def normalise(text: str) -> str:
    """Lower case, "08:00" read as "08.00", runs of white space as one space.

    A leading or trailing space is kept: the writers use it to mark a word's edge ("rp ").
    """
    lowered = _CLOCK_TIME.sub(r"\1.\2", text.lower())
    edges = (" " if lowered[:1].isspace() else "", " " if lowered[-1:].isspace() else "")
    return edges[0] + " ".join(lowered.split()) + edges[1]


def is_decline(reply: str) -> bool:
    return any(marker in reply for marker in DECLINE_MARKERS)


def grade(row: Row, reply: str) -> str:
    """correct | wrong | declined | miss (see the module's docstring)."""
    # The bot may quote the question back ("I can't answer «…»"): an echo is not a fact.
    question = normalise(row.text).strip()
    text = normalise(reply).replace(question, " ")
    # A decline may quote only part of it (the small talk around the question trimmed, or
    # clipped with "…"), or several parts joined by "; " (the questions of one message the
    # data does not answer): a quoted span whose pieces are the question's is an echo too.
    text = _QUOTED.sub(lambda m: " " if all(
        piece.strip() in question for piece in m[1].rstrip("…").split("; ")) else m[0], text)
    if any(normalise(s) in text for s in row.none_of):
        return "wrong"
    if row.expect == "decline":
        return "correct" if is_decline(text) else "miss"
    if all(any(normalise(alt) in text for alt in group) for group in row.all_of):
        return "correct"
    return "declined" if is_decline(text) else "miss"


async def reply_to(row: Row, settings: Settings, event: Event) -> str:
    clock = Clock(event.timezone, row.now, running=False)
    async with OfflineBot(
        settings, event, clock, row.lang, register, tick_interval=None
    ) as bot:
        return as_text(await bot.say(row.text))


async def run(files: list[Path], show: set[str]) -> dict[str, Counter[str]]:
    event = load_event(DATA_PATH)
    settings = replace(Settings(), database_path=Path(":memory:"))
    totals: dict[str, Counter[str]] = defaultdict(Counter)
    for path in files:
        for row in load_rows(path):
            reply = await reply_to(row, settings, event)
            outcome = grade(row, reply)
            for key in (f"{path.stem} all", f"{path.stem} {row.lang}",
                        f"{path.stem} cat:{row.category}"):
                totals[key][outcome] += 1
            if outcome in show:
                print(f"--- {row.id} [{outcome}] ({row.lang}, {row.category}) {row.text!r}")
                print("    " + reply.replace("\n", "\n    ")[:700])
    return totals


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, default=DEFAULT_FILES)
    parser.add_argument("--show", default="", help="outcomes to print, e.g. miss,wrong")
    args = parser.parse_args()
    totals = asyncio.run(run(args.files, set(filter(None, args.show.split(",")))))
    print(f"{'set':32} {'n':>4} {'correct':>8} {'declined':>9} {'miss':>5} {'wrong':>6}")
    for key in sorted(totals, key=lambda k: (" cat:" in k, k)):
        c = totals[key]
        n = sum(c.values())
        print(f"{key:32} {n:4} {100 * c['correct'] / n:7.1f}% {c['declined']:9} "
              f"{c['miss']:5} {c['wrong']:6}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
