"""Many delegates at once: the bot as a process, over HTTP, under load.

    python bench/bench_load.py [--users 500] [--messages 10] [--timeout 600]
                               [--log-level INFO]

Starts `python -m bot.cli run` against the HTTP stand-in Bot API (tests/httpstandin.py), then
lets `--users` simulated delegates each ask `--messages` questions, all at the same time.
Each delegate asks the next question as soon as the previous one is answered (a person waits
for the answer), so every delegate always has one message waiting. Prints:

- answered: messages that got their reply, out of all sent; duplicates: extra replies;
- reply latency p50/p99: from the update being available to getUpdates to the reply's
  sendMessage arriving at the stand-in;
- throughput, and its ratio to the honest floor: PTB's AIORateLimiter lets ~30 messages per
  second through overall (Telegram's limit), so N replies take at least N/30 s;
- the bot process's peak RSS (VmHWM from /proc/<pid>/status).

Per-user flood control (bot/flood.py: 20 updates in 10 s) is not hit: one message at a time
per delegate. Exit status 1 if a message went unanswered or was answered twice.
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0"
TELEGRAM_RATE = 30.0  # messages per second overall, as AIORateLimiter paces them
FIRST_USER = 200_000
#: bot/flood.py's DEFAULT_LIMIT: more updates than this from one user within 10 s are dropped.
FLOOD_LIMIT = 20
#: A mix of commands and free text, so the understanding code is part of the load. Most get
#: one sendMessage; how many each gets is counted in-process first (`messages_per_question`).
QUESTIONS = (
    "/start", "/jadwal", "kapan keynote?", "jadwal besok", "siapa pembicara keynote",
    "/sekarang", "acara jam 2 siang hari kedua apa?", "/tentang", "kpn city tour?", "/lokasi",
)  # fmt: skip


def peak_rss_kib(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def messages_per_question() -> dict[str, int]:
    """How many sendMessage calls answer each question, counted in-process the day before the
    event at this time of day, as the process sees it (`--shift-to` tomorrow). "kpn city
    tour?" gets two: the answer's sentence, then the tour's own card."""
    import asyncio
    from datetime import datetime

    from bot.config import Settings
    from bot.loader import load_event
    from tests.harness import Harness

    async def count() -> dict[str, int]:
        event = load_event(Settings().event_file)
        now = datetime.combine(event.days[0] - timedelta(days=1),
                               datetime.now().time().replace(microsecond=0),
                               tzinfo=event.timezone)
        harness = await Harness(event, now).start()
        try:
            return {q: sum(c.method == "sendMessage" for c in await harness.say(q))
                    for q in QUESTIONS}
        finally:
            await harness.stop()

    return asyncio.run(count())


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


class Delegates:
    """Feeds each delegate's next question when their previous one is answered; runs in the
    stand-in's thread (HttpStandIn.on_record), so nothing polls."""

    def __init__(self, server: Any, users: int, messages: int, parts: dict[str, int]) -> None:
        self.server = server
        self.messages = messages
        self.parts = parts  # sendMessage calls that make up each question's answer
        self.users = list(range(FIRST_USER, FIRST_USER + users))
        self.sent: Counter[int] = Counter()  # questions fed, per user
        self.replies: Counter[int] = Counter()  # sendMessage calls received, per user
        self.waiting_since: dict[int, float] = {}  # user -> when their question was fed
        self.waiting_for: dict[int, int] = {}  # user -> messages of the answer still to come
        self.latencies: list[float] = []
        self.duplicates = 0
        self.first_fed = 0.0
        self.last_reply = 0.0
        self.done = threading.Event()
        self.answered_users = 0
        from tests.factory import UpdateFactory

        # Used in the stand-in's thread only: ids come from the stand-in's sequences.
        self._factory = UpdateFactory(stand_in=server.standin)

    def _feed(self, user_id: int) -> None:
        factory = self._factory
        text = QUESTIONS[self.sent[user_id] % len(QUESTIONS)]
        if text.startswith("/"):
            update = factory.command(text[1:], user_id=user_id, first_name="Peserta")
        else:
            update = factory.message(text, user_id=user_id, first_name="Peserta")
        self.sent[user_id] += 1
        self.waiting_since[user_id] = time.monotonic()
        self.waiting_for[user_id] = self.parts[text]
        self.server.standin.feed(update)

    def start(self) -> None:
        def first_round() -> None:
            self.first_fed = time.monotonic()
            for user_id in self.users:
                self._feed(user_id)

        self.server.on_record = self.on_record
        self.server.in_loop(first_round)

    def on_record(self, received: Any) -> None:
        call = received.call
        if call.method != "sendMessage" or not call.ok:
            return
        user_id = call.params.get("chat_id")
        if user_id not in self.sent:
            return
        self.replies[user_id] += 1
        if user_id not in self.waiting_since:
            self.duplicates += 1  # a reply with no question waiting
            return
        self.waiting_for[user_id] -= 1
        if self.waiting_for[user_id] > 0:
            return  # the answer's first part (a sentence before a card): more to come
        since = self.waiting_since.pop(user_id)
        self.latencies.append(received.arrived - since)
        self.last_reply = received.arrived
        if self.sent[user_id] < self.messages:
            self._feed(user_id)
        else:
            self.answered_users += 1
            if self.answered_users == len(self.users):
                self.done.set()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=500)
    parser.add_argument("--messages", type=int, default=10)
    parser.add_argument("--timeout", type=float, default=900.0, help="give up after (s)")
    parser.add_argument("--log-level", default="INFO", help="the bot's LOG_LEVEL")
    args = parser.parse_args()
    if args.messages > FLOOD_LIMIT:
        # A fast delegate would be muted by bot/flood.py and wait forever for an answer.
        parser.error(f"--messages above {FLOOD_LIMIT}: flood control (20 updates in 10 s per "
                     "user) would mute the delegates; use more --users instead")

    from tests.httpstandin import HttpStandIn

    parts = messages_per_question()
    total = args.users * args.messages
    # Every delegate asks the questions in order: the replies' messages set the floor.
    per_user = sum(parts[QUESTIONS[i % len(QUESTIONS)]] for i in range(args.messages))
    floor = args.users * per_user / TELEGRAM_RATE
    shift = (date.today() + timedelta(days=1)).isoformat()
    with tempfile.TemporaryDirectory() as tmp, HttpStandIn(token=TOKEN) as server:
        env = {
            "PATH": os.environ.get("PATH", ""),
            "HOME": tmp,
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_BASE_URL": server.base_url,
            "DATABASE_PATH": str(Path(tmp) / "load.db"),
            "LOG_LEVEL": args.log_level,
        }
        with (Path(tmp) / "bot.err").open("wb") as err:
            bot = subprocess.Popen(
                [sys.executable, "-m", "bot.cli", "run", "--shift-to", shift],
                env=env, cwd=tmp, stdout=subprocess.DEVNULL, stderr=err,
            )
        try:
            server.wait_in_flight("getUpdates", 30)
            delegates = Delegates(server, args.users, args.messages, parts)
            print(f"{args.users} delegates x {args.messages} messages = {total} messages, "
                  f"answered in {args.users * per_user} replies; floor at "
                  f"{TELEGRAM_RATE:.0f} msg/s: {floor:.0f} s", flush=True)
            delegates.start()
            finished = delegates.done.wait(args.timeout)
            rss = peak_rss_kib(bot.pid)
            # Late duplicates would arrive right after the last answer.
            server.quiet(2.0, ignore=frozenset({"getUpdates", "setMyCommands",
                                                "sendChatAction"}))
        finally:
            bot.send_signal(signal.SIGTERM)
            try:
                code = bot.wait(30)
            except subprocess.TimeoutExpired:
                bot.kill()
                code = bot.wait(10)
        problems = server.problems()
        errors = (Path(tmp) / "bot.err").read_text(errors="replace")

    answered = len(delegates.latencies)
    extra = sum(max(0, n - sum(parts[QUESTIONS[i % len(QUESTIONS)]]
                               for i in range(delegates.sent[u])))
                for u, n in delegates.replies.items())
    elapsed = (delegates.last_reply or time.monotonic()) - delegates.first_fed
    print(f"answered:    {answered} of {total}{'' if finished else ' (timed out)'}")
    print(f"duplicates:  {max(extra, delegates.duplicates)}")
    if delegates.latencies:
        ms = [x * 1000 for x in delegates.latencies]
        print(f"latency:     p50 {percentile(ms, 0.50):.0f} ms, p99 {percentile(ms, 0.99):.0f} ms,"
              f" max {max(ms):.0f} ms, mean {statistics.fmean(ms):.0f} ms")
        # Every delegate always has one question waiting, so once the rate limit binds each
        # waits for everyone else's reply: users / 30 s (Little's law), whatever the bot does.
        queued = args.users / TELEGRAM_RATE
        print(f"             (at the rate limit a reply waits ~{queued * 1000:.0f} ms behind "
              f"the other delegates' replies: users / {TELEGRAM_RATE:.0f} msg/s)")
    replies = sum(delegates.replies.values())
    print(f"elapsed:     {elapsed:.1f} s, throughput {replies / elapsed:.1f} replies/s, "
          f"{elapsed / floor:.2f}x the {floor:.0f} s floor")
    print(f"peak RSS:    {rss / 1024:.1f} MiB" if rss else "peak RSS:    n/a (no /proc)")
    print(f"bot exit:    {code}; spec problems: {len(problems)}; "
          f"tracebacks in its log: {errors.count('Traceback')}")
    ok = finished and answered == total and extra == 0 and delegates.duplicates == 0
    return 0 if ok and code == 0 and not problems else 1


if __name__ == "__main__":
    sys.exit(main())
