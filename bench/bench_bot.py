"""Throughput and latency of the whole bot, through the in-process stand-in Bot API.

    python bench/bench_bot.py [--updates 5000] [--users 200]

Feeds realistic updates (schedule commands, day and session buttons, free-text questions,
contacts) from many delegates through the real Application and prints updates/s, latency
p50/p99 per kind of update, start-up time (in a fresh interpreter) and peak memory.
Telegram's rate limiter is off: this measures the bot, not Telegram's flood limits.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import random
import resource
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SCHEDULE = ["/jadwal", "/hariini", "/besok", "/sekarang"]
BUTTONS = ["day:2019-10-16", "day:2019-10-17", "day:2019-10-18", "s:keynote", "s:city-tour",
           "s:bp-banyuwangi", "spk:rudiantara", "v:suba-suka"]
OTHER = ["/pembicara", "/lokasi", "/tentang", "/bantuan", "/kontak sidoarjo", "/kontak kupang"]
TEXT = ["jadwal besok", "kpn city tour?", "acara jam 2 siang hari kedua apa?",
        "dmn tempat jumpa pers", "minta kontak panitia sidoarjo", "siapa pembicara keynote",
        "sekarang ada apa", "makasih min"]


def startup_child() -> None:
    """Run in a fresh interpreter: time from imports to a started application."""
    began = time.perf_counter()
    from bot.app import build_application, start_app, stop_app
    from bot.clock import Clock
    from bot.config import Settings
    from bot.loader import load_event
    from bot.offline.botapi import StandIn
    from handlers import register

    async def go() -> float:
        event = load_event(Settings().event_file)
        settings = replace(Settings(), database_path=Path(":memory:"))
        app = build_application(settings, event, Clock(event.timezone),
                                register=register, request=StandIn(),
                                rate_limit=False)
        await start_app(app)
        ready = time.perf_counter() - began
        await stop_app(app)
        return ready

    print(json.dumps({"startup_s": asyncio.run(go())}))


def light_standin() -> Any:
    """The stand-in without its Telegram-side HTML entity parsing: that work happens on
    Telegram's servers in production, and here it would be counted as the bot's latency."""
    from bot.offline.botapi import StandIn

    class LightStandIn(StandIn):
        def _text(self, params: dict[str, Any], key: str, entities_key: str) -> Any:
            raw = params.get(key)
            return ("" if raw is None else str(raw)), []

    return LightStandIn()


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def feed(n_updates: int, n_users: int, seed: int, light: bool = True) -> dict[
    str, list[float]
]:
    from bot.app import build_application, start_app, stop_app
    from bot.clock import Clock
    from bot.config import Settings
    from bot.loader import load_event
    from bot.offline.botapi import StandIn
    from handlers import register
    from tests.factory import UpdateFactory

    event = load_event(Settings().event_file)
    clock = Clock(event.timezone, datetime(2019, 10, 16, 10, 0, tzinfo=event.timezone),
                  running=False)
    standin = light_standin() if light else StandIn()
    settings = replace(Settings(), database_path=Path(":memory:"))
    app = build_application(settings, event, clock,
                            register=register, request=standin, rate_limit=False,
                            tick_interval=None)
    await start_app(app)
    factory = UpdateFactory(bot=app.bot, stand_in=standin)
    rng = random.Random(seed)
    kinds = [("schedule", SCHEDULE), ("button", BUTTONS), ("other", OTHER), ("text", TEXT)]
    weights = [4, 4, 2, 3]
    timings: dict[str, list[float]] = defaultdict(list)
    # Warm-up: first calls load Babel locale data and compile regexes.
    for kind, pool in kinds:
        for item in pool:
            await app.process_update(factory.to_update(_update(factory, kind, item, 1)))
    for i in range(n_updates):
        kind, pool = rng.choices(kinds, weights)[0]
        item = rng.choice(pool)
        user = 10_000 + rng.randrange(n_users)
        update = factory.to_update(_update(factory, kind, item, user))
        began = time.perf_counter()
        await app.process_update(update)
        timings[kind].append(time.perf_counter() - began)
        if i % 500 == 0:
            standin.clear()  # keep the recorder from growing for the whole run
    await stop_app(app)
    return timings


def _update(factory: Any, kind: str, item: str, user: int) -> dict[str, Any]:
    if kind == "button":
        return dict(factory.callback(item, user_id=user, chat_id=user))
    if item.startswith("/"):
        command, _, args = item[1:].partition(" ")
        return dict(factory.command(command, args, user_id=user, chat_id=user))
    return dict(factory.message(item, user_id=user, chat_id=user))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--updates", type=int, default=5000)
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--full-standin", action="store_true",
                        help="count the stand-in's own HTML parsing and copying too")
    parser.add_argument("--startup-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.startup_child:
        startup_child()
        return

    startups = []
    for _ in range(3):
        out = subprocess.run([sys.executable, __file__, "--startup-child"], check=True,
                             capture_output=True, text=True, cwd=ROOT).stdout
        startups.append(json.loads(out.strip().splitlines()[-1])["startup_s"])

    gc.collect()
    began = time.perf_counter()
    timings = asyncio.run(feed(args.updates, args.users, args.seed, not args.full_standin))
    elapsed = time.perf_counter() - began
    every = [t for values in timings.values() for t in values]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    mode = "full" if args.full_standin else "light"
    print(f"stand-in: {mode}")
    print(f"updates: {len(every)} from {args.users} users in {elapsed:.2f} s "
          f"-> {len(every) / elapsed:.0f} updates/s")
    print(f"{'kind':<10} {'n':>6} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    for kind in ("schedule", "button", "other", "text"):
        values = timings[kind]
        print(f"{kind:<10} {len(values):>6} {statistics.median(values) * 1e3:>8.2f} "
              f"{percentile(values, 0.99) * 1e3:>8.2f} {max(values) * 1e3:>8.2f}")
    print(f"{'all':<10} {len(every):>6} {statistics.median(every) * 1e3:>8.2f} "
          f"{percentile(every, 0.99) * 1e3:>8.2f} {max(every) * 1e3:>8.2f}")
    runs = ", ".join(f"{s:.2f}" for s in startups)
    print(f"start-up (fresh interpreter, import to ready): median "
          f"{statistics.median(startups):.2f} s (runs: {runs})")
    print(f"peak memory (RSS): {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
