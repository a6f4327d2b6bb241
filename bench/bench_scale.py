"""The bot at 500, 5,000 and 50,000 delegates: start-up, per-delegate work, a programme
change, reminders due at one instant, and a broadcast.

    python bench/bench_scale.py [--sizes 500,5000,50000] [--due-at-once 300] [--broadcast 478]

For each size a database is filled directly (users, profiles, 4 RSVPs and 7 planned
deliveries per delegate: 3 sessions everyone attends and one of 10 parallel workshops), then
a fresh process (so its peak RSS is the bot's own) starts the real application on it over
the in-process stand-in Bot API, which enforces Telegram's limits (tests/limits.py) and
answers after 50 ms, and measures:

- start-up: time to a running application (reconciling every RSVP with the data file) and
  peak RSS (goal < 80 MB at 50,000);
- one delegate's RSVP and re-plan (mean of 50);
- a programme change touching 10%: one workshop moved by 30 min (goal < 5 s at 50,000);
- N reminders due at one instant, sent by the real JobQueue tick and real clock: how late
  the last one is against its due time (goal: none later than 1 s; the sending itself takes
  N/28 s, so the scheduler must start that early);
- (once) a broadcast to `--broadcast` delegates: bench/bench_broadcast.py's figures.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PTB_TIMEDELTA", "1")  # PTB 22 warns about RetryAfter otherwise

from bot.config import DEFAULT_EVENT_FILE, Settings  # noqa: E402
from bot.loader import load_event  # noqa: E402
from bot.model import Event  # noqa: E402

WORKSHOPS = 10
EVERYONE = ("keynote", "bp-banyuwangi", "bp-semarang")
#: The bot's clock during the run: the evening before the event (nothing else falls due).
START = datetime(2019, 10, 15, 20, 0)


def event_with_workshops() -> Event:
    """The shipped programme plus 10 parallel workshops on day 2 (10% of delegates each)."""
    event = load_event(DEFAULT_EVENT_FILE)
    base = event.session("sosialisasi")
    assert base is not None
    extra = [replace(base, id=f"workshop-{i}", capacity=None) for i in range(WORKSHOPS)]
    sessions = tuple(sorted((*event.sessions, *extra), key=lambda s: s.start))
    return replace(event, sessions=sessions, _by_id={})


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def fill(db: Path, size: int, event: Event) -> None:
    """Users, profiles, RSVPs (seen as the data file says) and their planned deliveries."""
    from bot.planning import plan_for_user
    from bot.storage.delegates import Preferences, Rsvp

    async def schema() -> None:
        from bot.storage import Repo

        repo = await Repo.open(db)
        await repo.close()

    asyncio.run(schema())
    now = iso(datetime.now(UTC))
    prefs = Preferences(15, True)
    con = sqlite3.connect(db)
    users, profiles, rsvps, deliveries = [], [], [], []
    for user in range(1, size + 1):
        users.append((user, f"D{user}", now, now))
        profiles.append((user, f"Delegasi {user}", "Kota Kupang", "delegasi", now, now))
        mine = [*EVERYONE, f"workshop-{user % WORKSHOPS}"]
        told = []
        for session_id in mine:
            session = event.session(session_id)
            assert session is not None
            rsvps.append((user, session_id, "going", iso(session.arrive_by), session.venue_id,
                          now))
            told.append(Rsvp(user, session_id, "going", None, None))
        for p in plan_for_user(event, user, prefs, told, True):
            deliveries.append((user, str(p.kind), p.ref, iso(p.due_at), iso(p.expires_at), now))
    with con:
        con.executemany("INSERT INTO users (id, first_name, created_at, last_seen) "
                        "VALUES (?, ?, ?, ?)", users)
        con.executemany("INSERT INTO profiles (user_id, name, instansi, role, registered_at, "
                        "updated_at) VALUES (?, ?, ?, ?, ?, ?)", profiles)
        con.executemany("INSERT INTO rsvps (user_id, session_id, status, seen_start, "
                        "seen_venue, created_at) VALUES (?, ?, ?, ?, ?, ?)", rsvps)
        con.executemany("INSERT INTO deliveries (user_id, kind, ref, due_at, expires_at, "
                        "updated_at) VALUES (?, ?, ?, ?, ?, ?)", deliveries)
    con.close()


def rss_mb() -> float:
    """Peak RSS of this process. VmHWM, not getrusage: ru_maxrss survives fork and exec, so
    the child would report the parent's peak (the filling)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def measure(db: Path, size: int, due_at_once: int) -> dict[str, Any]:
    """In a fresh process: everything but the filling."""
    from bot import outbox, scheduler
    from bot.app import build_application, start_app, stop_app
    from bot.clock import Clock
    from bot.offline.botapi import StandIn
    from bot.storage.delegates import DeliveryKind, PlannedDelivery
    from handlers import register
    from tests.limits import TelegramLimits

    event = event_with_workshops()
    clock = Clock(event.timezone, START.replace(tzinfo=event.timezone))
    limits = TelegramLimits(outbox.Timer())
    standin = StandIn(fault=limits, delay=0.05)
    arrived: dict[int, float] = {}
    original = standin.do_request

    async def recording(url: str, method: str, request_data: Any = None, **kw: Any) -> Any:
        if url.endswith("/sendMessage") and request_data is not None:
            arrived.setdefault(int(request_data.parameters["chat_id"]), time.perf_counter())
        return await original(url, method, request_data, **kw)

    standin.do_request = recording  # type: ignore[method-assign,assignment]
    settings = replace(Settings(), database_path=db)
    out: dict[str, Any] = {"size": size}

    began = time.perf_counter()
    app = build_application(settings, event, clock, register=register, request=standin,
                            rate_limit=True, tick_interval=1.0)
    await start_app(app)
    out["startup_s"] = time.perf_counter() - began
    out["startup_rss_mb"] = rss_mb()
    repo = app.bot_data.services.repo
    assert repo is not None

    # One delegate's RSVP and re-plan.
    timings = []
    for user in range(1, 51):
        began = time.perf_counter()
        await repo.rsvp(user, "bp-luar-negeri", None)
        await scheduler.replan_user(app, user)
        timings.append(time.perf_counter() - began)
    out["rsvp_replan_ms"] = sum(timings) / len(timings) * 1e3

    # A programme change touching 10%: workshop-0 moves by 30 minutes.
    moved = event.session("workshop-0")
    assert moved is not None
    later = replace(moved, start=moved.start + timedelta(minutes=30),
                    end=moved.end + timedelta(minutes=30))
    new = replace(event, sessions=tuple(later if s.id == moved.id else s
                                        for s in event.sessions), _by_id={})
    app.bot_data.services.event = new
    began = time.perf_counter()
    notices = await scheduler.apply_event_change(app, event, new)
    out["change_s"] = time.perf_counter() - began
    out["change_notices"] = notices
    # Those notices would now go out; they are not what is measured next.
    await repo.execute("UPDATE deliveries SET state = 'dropped' WHERE kind = 'change'")

    # N reminders due at one instant, through the real tick.
    keynote = new.session("keynote")
    assert keynote is not None
    first = 10_000_000
    for user in range(first, first + due_at_once):
        await repo.touch_user(user, "x", None)
        await repo.rsvp(user, keynote.id, None, iso(keynote.arrive_by), keynote.venue_id)
    lead = due_at_once / 28 + 3.0
    due = clock.now() + timedelta(seconds=lead)
    due_wall = time.perf_counter() + lead
    await repo.save_deliveries(
        PlannedDelivery(u, DeliveryKind.REMINDER, keynote.id, due, keynote.start)
        for u in range(first, first + due_at_once))
    deadline = due_wall + 30
    while time.perf_counter() < deadline:
        if sum(1 for u in arrived if u >= first) >= due_at_once:
            break
        await asyncio.sleep(0.05)
    late = [arrived[u] - due_wall for u in range(first, first + due_at_once) if u in arrived]
    out["due_at_once"] = due_at_once
    out["reminders_sent"] = len(late)
    out["first_sent_s"] = min(late) if late else None
    out["last_late_s"] = max(late) if late else None
    out["too_many"] = limits.too_many
    out["peak_rss_mb"] = rss_mb()
    await stop_app(app)
    return out


def run_size(size: int, due_at_once: int) -> dict[str, Any]:
    event = event_with_workshops()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "scale.db"
        began = time.perf_counter()
        fill(db, size, event)
        filled = time.perf_counter() - began
        child = subprocess.run(
            [sys.executable, __file__, "--measure", str(db), "--sizes", str(size),
             "--due-at-once", str(due_at_once)],
            capture_output=True, text=True, check=False, cwd=ROOT,
        )
    if child.returncode != 0:
        raise SystemExit(f"size {size}: measuring failed:\n{child.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(child.stdout.strip().splitlines()[-1])
    result["fill_s"] = filled
    return result


def report(r: dict[str, Any]) -> None:
    n = r["due_at_once"]
    print(f"\n{r['size']:,} delegates (database filled in {r['fill_s']:.1f} s)")
    print(f"  start-up              {r['startup_s']:.2f} s, RSS {r['startup_rss_mb']:.0f} MB "
          f"(peak over the whole run {r['peak_rss_mb']:.0f} MB; goal < 80 MB)")
    print(f"  RSVP + re-plan        {r['rsvp_replan_ms']:.1f} ms per delegate")
    print(f"  change touching 10%   {r['change_s']:.2f} s, {r['change_notices']} notices "
          "(goal < 5 s at 50,000)")
    first, last = r["first_sent_s"], r["last_late_s"]
    print(f"  {n} reminders due at once: {r['reminders_sent']} sent, first {first:+.2f} s, "
          f"last {last:+.2f} s from the due time (sending takes {n}/28 = {n / 28:.1f} s; "
          f"goal: last ≤ +1 s); 429s: {r['too_many']}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="500,5000,50000")
    parser.add_argument("--due-at-once", type=int, default=300)
    parser.add_argument("--broadcast", type=int, default=478, help="0: skip")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        result = asyncio.run(measure(Path(args.measure), int(args.sizes), args.due_at_once))
        print(json.dumps(result))
        return 0
    for size in (int(s) for s in args.sizes.split(",")):
        report(run_size(size, args.due_at_once))
    if args.broadcast:
        print(f"\nbroadcast to {args.broadcast} (bench/bench_broadcast.py):", flush=True)
        return subprocess.run([sys.executable, str(ROOT / "bench" / "bench_broadcast.py"),
                               "--recipients", str(args.broadcast)], check=False).returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
