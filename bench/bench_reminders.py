"""Reminders at scale: planning, re-arming at start-up, and the lag of sending.

    python bench/bench_reminders.py [--delegates 500] [--lag-reminders 300]

1. Planning: 500 delegates each RSVP to 12 sessions; time to plan all their reminders and
   briefs (storage included).
2. Re-arming: time for a restarted bot to be ready with those rows in the database
   (start-up reconciliation; the tick then needs no per-reminder jobs).
3. Lag: reminders due over ~15 s of real time, sent by the real JobQueue tick through the
   stand-in with Telegram's rate limiter on; the lag between each reminder's due time and its
   send, median and max (target under 1 s).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.app import build_application, start_app, stop_app  # noqa: E402
from bot.clock import Clock  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.loader import load_event  # noqa: E402
from bot.model import Event, Session  # noqa: E402
from bot.offline.botapi import StandIn  # noqa: E402
from bot.storage.delegates import iso  # noqa: E402
from handlers import register  # noqa: E402

SESSIONS_EACH = 12


def many_sessions(event: Event, count: int) -> Event:
    """The shipped programme padded to `count` sessions (the real one has 13)."""
    base = list(event.sessions)
    extra = []
    for i in range(max(0, count - len(base))):
        template = base[i % len(base)]
        extra.append(replace(template, id=f"extra-{i}", capacity=None))
    return replace(event, sessions=tuple(sorted(base + extra, key=lambda s: s.start)), _by_id={})


async def plan_and_rearm(delegates: int, db: Path) -> tuple[float, float, int]:
    from bot import scheduler

    event = many_sessions(load_event(Settings().event_file), SESSIONS_EACH)
    clock = Clock(event.timezone, datetime(2019, 10, 15, 20, 0, tzinfo=event.timezone),
                  running=False)
    settings = replace(Settings(), database_path=db)
    app = build_application(settings, event, clock,
                            register=register, request=StandIn(), rate_limit=False,
                            tick_interval=None)
    await start_app(app)
    repo = app.bot_data.services.repo
    sessions: list[Session] = [s for s in event.sessions if s.capacity is None][:SESSIONS_EACH]
    began = time.perf_counter()
    for user in range(1, delegates + 1):
        await repo.touch_user(user, f"D{user}", None)
        await repo.save_profile(user, f"Delegasi {user}", "Kota Kupang", "Kota Kupang", "delegasi")
        for session in sessions:
            await repo.rsvp(user, session.id, session.capacity, iso(session.start),
                            session.venue_id)
        await scheduler.replan_user(app, user)
    planned = time.perf_counter() - began
    rows = sum((await repo.delivery_counts()).values())
    await stop_app(app)

    began = time.perf_counter()
    app = build_application(settings, event, clock,
                            register=register, request=StandIn(), rate_limit=False,
                            tick_interval=None)
    await start_app(app)
    rearmed = time.perf_counter() - began
    await stop_app(app)
    return planned, rearmed, rows


async def lag(count: int, spread_s: float, db: Path) -> list[float]:
    """Send `count` reminders due evenly over `spread_s` seconds from now (real time)."""
    event = load_event(Settings().event_file)
    keynote = event.session("keynote")
    assert keynote is not None
    # Real-time clock anchored so that the keynote reminders start falling due in 2 s.
    first_due = keynote.start - timedelta(minutes=15)
    clock = Clock(event.timezone, first_due - timedelta(seconds=2))
    standin = StandIn()
    sent_at: dict[int, float] = {}
    all_sent = asyncio.Event()
    original = standin.do_request

    async def recording(url: str, method: str, request_data: Any = None, **kw: Any) -> Any:
        answer = await original(url, method, request_data, **kw)
        if url.endswith("/sendMessage") and request_data is not None:
            sent_at[int(request_data.parameters["chat_id"])] = time.perf_counter()
            if len(sent_at) >= count:
                all_sent.set()
        return answer

    standin.do_request = recording  # type: ignore[method-assign,assignment]
    settings = replace(Settings(), database_path=db)
    app = build_application(settings, event, clock,
                            register=register, request=standin, rate_limit=True,
                            tick_interval=0.25)
    await start_app(app)
    repo = app.bot_data.services.repo
    from bot.storage.delegates import PlannedDelivery

    t0_wall = time.perf_counter()
    t0_clock = clock.now()
    planned = []
    due_wall: dict[int, float] = {}
    for i in range(count):
        user = 100_000 + i
        await repo.touch_user(user, "x", None)
        await repo.rsvp(user, "keynote", None, iso(keynote.start), keynote.venue_id)
        offset = 2 + spread_s * i / count
        due = t0_clock + timedelta(seconds=offset)
        due_wall[user] = t0_wall + offset
        planned.append(PlannedDelivery(user, "reminder", "keynote", due, keynote.start))
    await repo.save_deliveries(planned)
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(all_sent.wait(), timeout=spread_s + 15)
    await stop_app(app)
    return [max(0.0, sent_at[u] - due_wall[u]) for u in due_wall if u in sent_at]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--delegates", type=int, default=500)
    parser.add_argument("--lag-reminders", type=int, default=300)
    parser.add_argument("--spread", type=float, default=15.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        planned, rearmed, rows = asyncio.run(plan_and_rearm(args.delegates, Path(tmp) / "a.db"))
        lags = asyncio.run(lag(args.lag_reminders, args.spread, Path(tmp) / "b.db"))
    print(f"planning: {args.delegates} delegates x {SESSIONS_EACH} sessions -> {rows} "
          f"deliveries in {planned:.2f} s ({planned / args.delegates * 1e3:.1f} ms per delegate,"
          " RSVPs included)")
    print(f"re-arming at start-up with {rows} rows: ready in {rearmed:.2f} s")
    print(f"lag due->sent over {len(lags)}/{args.lag_reminders} reminders in {args.spread:.0f} s "
          f"(rate limiter on, tick 0.25 s): median {statistics.median(lags) * 1e3:.0f} ms, "
          f"max {max(lags) * 1e3:.0f} ms")


if __name__ == "__main__":
    main()
