"""Time to deliver one announcement to 478 delegates under Telegram's enforced flood limits.

    python bench/bench_broadcast.py [--recipients 478] [--latency 0.05] [--transient 0.0]
                                    [--blocked 0] [--scale 1]

Runs the real application and outbox sender over the in-process stand-in Bot API, which
enforces Telegram's limits (tests/limits.py: 30 calls per sliding second overall, 1 per second
per chat, 20 per minute per group; 429 with retry_after beyond them) and answers each call
after `--latency` seconds, like a network. Prints the delivery time as a ratio to the floor
of recipients/30 s (goal: within 10%), the 429s received, and checks that every reachable
recipient got the announcement exactly once (no duplicates, no losses).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PTB_TIMEDELTA", "1")  # PTB 22 warns about RetryAfter otherwise


async def run(args: argparse.Namespace) -> int:
    from bot import outbox
    from bot.app import build_application, start_app, stop_app
    from bot.clock import Clock
    from bot.config import DEFAULT_EVENT_FILE, Settings
    from bot.loader import load_event
    from bot.offline.botapi import StandIn
    from handlers import register
    from tests.limits import TelegramLimits

    outbox.TIMER_SCALE = args.scale
    event = load_event(DEFAULT_EVENT_FILE)
    organizer = 4242
    first = 100_000
    ids = list(range(first, first + args.recipients))
    step = max(1, len(ids) // args.blocked) if args.blocked else 1
    blocked = set(ids[::step][: args.blocked]) if args.blocked else set()
    limits = TelegramLimits(outbox.Timer(args.scale), blocked=blocked,
                            transient=args.transient, seed=1)
    standin = StandIn(fault=limits, delay=args.latency / args.scale)
    with tempfile.TemporaryDirectory() as tmp:
        settings = replace(Settings(), database_path=Path(tmp) / "bench.db",
                           admins=frozenset({organizer}))
        app = build_application(settings, event, Clock(event.timezone),
                                register=register, request=standin,
                                rate_limit=True, tick_interval=None)
        await start_app(app)
        repo = app.bot_data.services.repo
        for user_id in ids:
            await repo.touch_user(user_id, f"Peserta {user_id}", None)
            await repo.save_profile(user_id, f"Peserta {user_id}", "Kota Kupang", "Kota Kupang",
                                    "delegasi")
        progress = await app.bot.send_message(organizer, "⏳")
        announcement = await repo.create_announcement(
            organizer, "Bus city tour berangkat 07.30 dari Kantor Wali Kota.", None, None)
        await repo.update_draft(announcement, audience="all")
        standin.clear()
        await asyncio.sleep(1.1)  # let the progress message's per-chat second pass
        started = time.perf_counter()
        await repo.queue_announcement(announcement, ids, organizer, progress.message_id)
        outbox.wake(app)
        while True:
            found = await repo.get_announcement(announcement)
            if found is not None and found.status == "done":
                break
            await asyncio.sleep(0.01)
        elapsed = (time.perf_counter() - started) * args.scale
        report = await repo.delivery_report(announcement)
        await stop_app(app)

    delivered = Counter(c.params["chat_id"] for c in standin.calls
                        if c.method == "sendMessage" and c.ok
                        and c.params.get("chat_id") != organizer)
    reachable = set(ids) - blocked
    duplicates = sum(n - 1 for n in delivered.values() if n > 1)
    losses = len(reachable - set(delivered))
    floor = args.recipients / 30
    ratio = elapsed / floor
    print(f"recipients            {args.recipients} ({len(blocked)} blocked the bot)")
    print(f"network latency       {args.latency * 1000:.0f} ms per call"
          f"{f', time scale x{args.scale:g}' if args.scale != 1 else ''}")
    print(f"delivered             {sum(delivered.values())} (report: sent {report.sent}, "
          f"blocked {report.blocked}, failed {report.failed})")
    print(f"time                  {elapsed:.2f} s")
    print(f"floor ({args.recipients}/30 s)       {floor:.2f} s")
    print(f"ratio to floor        {ratio:.3f}  (goal ≤ 1.10)")
    examples = f" e.g. {limits.log[:3]}" if limits.log else ""
    print(f"429 answers           {limits.too_many}{examples}")
    print(f"transient failures    {limits.flaky} (retried)")
    print(f"duplicates            {duplicates}")
    print(f"losses                {losses}")
    ok = duplicates == 0 and losses == 0 and ratio <= 1.10
    print("OK" if ok else "NOT OK")
    return 0 if ok else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--recipients", type=int, default=478)
    parser.add_argument("--latency", type=float, default=0.05, help="seconds per Bot API call")
    parser.add_argument("--transient", type=float, default=0.0,
                        help="probability of a 502/timeout per call")
    parser.add_argument("--blocked", type=int, default=0, help="recipients who blocked the bot")
    parser.add_argument("--scale", type=float, default=1.0,
                        help="run the clocks this much faster (quick checks)")
    return asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    sys.exit(main())
