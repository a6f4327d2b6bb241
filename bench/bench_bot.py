"""Throughput and latency of the whole bot, through the in-process stand-in Bot API.

    python bench/bench_bot.py [--updates 5000] [--users 200] [--vs-bare]

Feeds realistic updates (schedule commands, day and session buttons, free-text questions,
contacts) from many delegates through the real Application and prints updates/s, latency
p50/p99 per kind of update, start-up time (in a fresh interpreter) and peak memory.
Telegram's rate limiter is off: this measures the bot, not Telegram's flood limits.

`--vs-bare` also replays, per update, exactly the Bot API calls the bot made (recorded by the
stand-in) through a bare PTB `Application` (same stand-in class, same defaults, same rate
limiter setting, one handler that makes those calls) and prints both per kind and their
difference: the bot's own logic per update. Compare figures only within one run.
"""

from __future__ import annotations

import argparse
import asyncio
import copy
import gc
import json
import random
import re
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


def distinct_texts() -> list[str]:
    """Every distinct question of the dev and eval sets, in file order (`--distinct-texts`):
    a per-text cache cannot help the text row when no text comes twice."""
    seen: dict[str, None] = {}
    for name in ("answers_dev.jsonl", "answers_dev_a.jsonl", "answers_dev_b.jsonl",
                 "answers_dev_c.jsonl", "blind_d.jsonl", "nlu_eval.jsonl"):
        for raw in (ROOT / "tests" / name).read_text(encoding="utf-8").splitlines():
            if raw.strip() and not raw.lstrip().startswith("#"):
                text = json.loads(raw)["text"]
                if not text.startswith("/"):
                    seen.setdefault(text, None)
    return list(seen)


async def feed(n_updates: int, n_users: int, seed: int, light: bool = True,
               bare: BareReplay | None = None,
               texts: list[str] | None = None) -> dict[str, list[float]]:
    """Time each update through the bot; with `bare`, replay its calls there right after.
    With `texts`, free-text updates take those in turn instead of the TEXT pool.

    Interleaving update by update keeps both columns under the same load of a shared machine.
    """
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
    if bare is not None:
        await bare.start()
    factory = UpdateFactory(bot=app.bot, stand_in=standin)
    rng = random.Random(seed)
    kinds = [("schedule", SCHEDULE), ("button", BUTTONS), ("other", OTHER), ("text", TEXT)]
    weights = [4, 4, 2, 3]
    timings: dict[str, list[float]] = defaultdict(list)
    # Warm-up: first calls load Babel locale data and compile regexes.
    for kind, pool in kinds:
        for item in pool:
            data = _update(factory, kind, item, 1)
            standin.clear()
            await app.process_update(factory.to_update(data))
            if bare is not None:
                await bare.replay(kind, data, standin.calls, timed=False)
    next_text = 0
    for _ in range(n_updates):
        kind, pool = rng.choices(kinds, weights)[0]
        item = rng.choice(pool)
        if kind == "text" and texts:
            item, next_text = texts[next_text % len(texts)], next_text + 1
        user = 10_000 + rng.randrange(n_users)
        data = _update(factory, kind, item, user)
        update = factory.to_update(data)
        standin.clear()  # keep the recorder to this update's calls
        began = time.perf_counter()
        await app.process_update(update)
        timings[kind].append(time.perf_counter() - began)
        if bare is not None:
            await bare.replay(kind, data, standin.calls)
    if bare is not None:
        await bare.stop()
    await stop_app(app)
    return timings


class BareReplay:
    """A bare PTB Application that makes exactly the Bot API calls the bot made, per update,
    through PTB's typed methods (`bot.send_message(...)`) with their markup objects built
    beforehand, as any PTB bot makes them (or through `Bot._post` with `raw`).

    The same stand-in class, defaults and (absent) rate limiter as the bot; no persistence,
    no gates, no storage, one handler: what is left is PTB's own cost of dispatching the
    update and making those calls, which the bot cannot go below.
    """

    def __init__(self, light: bool = True, raw: bool = False) -> None:
        from telegram import LinkPreviewOptions, Update
        from telegram.ext import ApplicationBuilder, Defaults, TypeHandler

        from bot.app import OFFLINE_TOKEN
        from bot.config import Settings
        from bot.loader import load_event
        from bot.offline.botapi import StandIn

        settings = Settings()
        event = load_event(settings.event_file)
        self.standin = light_standin() if light else StandIn()
        self.app = (
            ApplicationBuilder().token(OFFLINE_TOKEN).base_url(settings.api_base_url)
            .defaults(Defaults(link_preview_options=LinkPreviewOptions(is_disabled=True),
                               tzinfo=event.timezone))
            .concurrent_updates(True).request(self.standin).get_updates_request(self.standin)
            .build()
        )
        self.app.add_handler(TypeHandler(Update, self._replay))
        #: Replay through Bot._post (PTB's floor) instead of the typed methods a bot calls.
        self.raw = raw
        self._pending: list[Any] = []
        self.timings: dict[str, list[float]] = defaultdict(list)
        self.calls: dict[str, list[int]] = defaultdict(list)

    async def start(self) -> None:
        await self.app.initialize()
        await self.app.start()

    async def stop(self) -> None:
        await self.app.stop()
        await self.app.shutdown()

    async def _replay(self, update: Any, context: Any) -> None:
        from telegram import Message

        for call, typed in self._pending:
            try:
                if typed is not None:
                    # As a PTB bot writes it: bot.send_message(chat_id=..., text=..., ...).
                    await getattr(context.bot, typed[0])(**typed[1])
                    continue
                # Bot._post is where bot.send_message and the like end (do_api_request would
                # add a warning per call): defaults inserted, request made, JSON decoded; a
                # Message comes back as a Message, as for the bot.
                result = await context.bot._post(call.method, dict(call.params))
                if isinstance(result, dict) and "message_id" in result:
                    Message.de_json(result, context.bot)
            except Exception:  # the bot met the same refusal (recorded ok=False) and went on
                if call.ok:
                    raise

    def _typed(self, call: Any) -> tuple[str, dict[str, Any]] | None:
        """The bot method and its arguments for a recorded call, objects built beforehand
        (outside the timing, as a bot keeps its keyboards); None: replay it raw."""
        from telegram import (
            InlineKeyboardMarkup,
            LinkPreviewOptions,
            ReplyKeyboardMarkup,
            ReplyKeyboardRemove,
        )

        if self.raw:
            return None
        name = re.sub(r"(?<!^)(?=[A-Z])", "_", call.method).lower()
        kwargs = dict(call.params)
        preview = kwargs.pop("link_preview_options", None)
        if preview is not None and preview != {"is_disabled": True}:  # else: the Defaults'
            kwargs["link_preview_options"] = LinkPreviewOptions.de_json(preview, self.app.bot)
        markup = kwargs.get("reply_markup")
        if isinstance(markup, dict):
            kind = (InlineKeyboardMarkup if "inline_keyboard" in markup
                    else ReplyKeyboardMarkup if "keyboard" in markup else ReplyKeyboardRemove)
            kwargs["reply_markup"] = kind.de_json(markup, self.app.bot)
        if not hasattr(self.app.bot, name) or any(
            isinstance(v, dict | list) for k, v in kwargs.items() if k != "reply_markup"
        ):
            return None
        return name, kwargs

    async def replay(self, kind: str, data: dict[str, Any], calls: list[Any],
                     timed: bool = True) -> None:
        from telegram import Update

        # What the update factory did for the bot: this stand-in knows the chat and the
        # incoming message, so message ids and edits line up with the recorded calls.
        for key in ("message", "edited_message"):
            if key in data:
                self.standin.remember_chat(data[key]["chat"])
                self.standin.remember_message(data[key])
        if "callback_query" in data:
            self.standin.remember_chat(data["callback_query"]["message"]["chat"])
        update = Update.de_json(copy.deepcopy(data), self.app.bot)
        self._pending = [(call, self._typed(call)) for call in calls]
        self.standin.clear()
        began = time.perf_counter()
        await self.app.process_update(update)
        elapsed = time.perf_counter() - began
        made = [(c.method, c.ok) for c in self.standin.calls]
        wanted = [(c.method, c.ok) for c in calls]
        if made != wanted:
            raise AssertionError(f"the replay differs: {made} instead of {wanted} for {data}")
        if timed:
            self.timings[kind].append(elapsed)
            self.calls[kind].append(len(calls))


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
    parser.add_argument("--vs-bare", action="store_true",
                        help="also replay the same Bot API calls through a bare PTB "
                             "Application and print the bot's own time per update")
    parser.add_argument("--bare-raw", action="store_true",
                        help="replay through Bot._post, below PTB's typed methods")
    parser.add_argument("--no-startup", action="store_true", help="skip the start-up runs")
    parser.add_argument("--distinct-texts", action="store_true",
                        help="free text from the dev and eval sets, no text twice (as real "
                             "traffic), instead of a pool of 8 repeated questions")
    parser.add_argument("--startup-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.startup_child:
        startup_child()
        return

    startups = []
    for _ in range(0 if args.no_startup else 3):
        out = subprocess.run([sys.executable, __file__, "--startup-child"], check=True,
                             capture_output=True, text=True, cwd=ROOT).stdout
        startups.append(json.loads(out.strip().splitlines()[-1])["startup_s"])

    gc.collect()
    began = time.perf_counter()
    bare = BareReplay(not args.full_standin, args.bare_raw) if args.vs_bare else None
    texts = distinct_texts() if args.distinct_texts else None
    timings = asyncio.run(feed(args.updates, args.users, args.seed, not args.full_standin,
                               bare, texts))
    elapsed = time.perf_counter() - began
    every = [t for values in timings.values() for t in values]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    mode = "full" if args.full_standin else "light"
    print(f"stand-in: {mode}" + (f"; free text: {len(texts)} distinct questions in turn"
                                  if texts else ""))
    replays = " (and their bare replays)" if bare is not None else ""
    print(f"updates: {len(every)}{replays} from {args.users} users in {elapsed:.2f} s "
          f"-> {len(every) / elapsed:.0f} updates/s")
    print(f"{'kind':<10} {'n':>6} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    for kind in ("schedule", "button", "other", "text"):
        values = timings[kind]
        print(f"{kind:<10} {len(values):>6} {statistics.median(values) * 1e3:>8.2f} "
              f"{percentile(values, 0.99) * 1e3:>8.2f} {max(values) * 1e3:>8.2f}")
    print(f"{'all':<10} {len(every):>6} {statistics.median(every) * 1e3:>8.2f} "
          f"{percentile(every, 0.99) * 1e3:>8.2f} {max(every) * 1e3:>8.2f}")
    if bare is not None:
        print_vs_bare(timings, bare)
    if startups:
        runs = ", ".join(f"{s:.2f}" for s in startups)
        print(f"start-up (fresh interpreter, import to ready): median "
              f"{statistics.median(startups):.2f} s (runs: {runs})")
    print(f"peak memory (RSS): {peak_mb:.0f} MB")


def print_vs_bare(bot: dict[str, list[float]], replay: BareReplay) -> None:
    bare, calls = replay.timings, replay.calls
    print("per update, ms: through the bot | bare PTB making the same calls | bot logic")
    print(f"{'kind':<10} {'calls':>5} {'bot p50':>8} {'mean':>7} {'bare p50':>9} {'mean':>7} "
          f"{'logic p50':>10} {'mean':>7}")
    rows = [(kind, bot[kind], bare[kind], calls[kind])
            for kind in ("schedule", "button", "text", "other")]
    rows.append(("all", [t for k in bot for t in bot[k]], [t for k in bare for t in bare[k]],
                 [n for k in calls for n in calls[k]]))
    for kind, ours, theirs, n in rows:
        p50, mean = statistics.median(ours) * 1e3, statistics.fmean(ours) * 1e3
        b50, bmean = statistics.median(theirs) * 1e3, statistics.fmean(theirs) * 1e3
        print(f"{kind:<10} {statistics.fmean(n):>5.2f} {p50:>8.3f} {mean:>7.3f} {b50:>9.3f} "
              f"{bmean:>7.3f} {p50 - b50:>10.3f} {mean - bmean:>7.3f}")


if __name__ == "__main__":
    main()
