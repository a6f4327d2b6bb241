"""Pacing Bot API calls within Telegram's flood limits: about 30 messages a second overall,
1 a second per chat, 20 a minute per group (why the outbox paces itself rather than rely on
PTB's AIORateLimiter: see bot/outbox.py)."""

from __future__ import annotations

import asyncio
import time
from collections import deque
from dataclasses import dataclass


class Timer:
    """Monotonic time and sleep, optionally sped up by `scale` (tests run the real pacing
    logic 20x faster: a 16-second broadcast takes under a second)."""

    def __init__(self, scale: float | None = None) -> None:
        self.scale = 1.0 if scale is None else scale

    def now(self) -> float:
        return time.monotonic() * self.scale

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(max(0.0, seconds) / self.scale)


@dataclass(frozen=True, slots=True)
class Limits:
    """Telegram's flood limits as the pacer applies them."""

    per_second: float = 30.0
    #: Part of `per_second` left for interactive replies during a broadcast and as a margin
    #: for network jitter, which bunches evenly spaced calls on arrival. Each 429 costs a
    #: pause of a whole second or more, so two calls a second of margin pay for themselves:
    #: measured with 50 ms ± jitter latency, 0.5 still drew a 429 in about half the runs.
    headroom: float = 2.0
    #: Telegram's 1 s per chat and 60 s window per group, plus the same kind of margin.
    chat_interval: float = 1.1
    group_max: int = 20
    group_period: float = 61.0

    @property
    def interval(self) -> float:
        return 1.0 / (self.per_second - self.headroom)


#: Telegram's paid broadcast (`allow_paid_broadcast`): up to 1000 messages per second for
#: 0.1 Star each; the per-chat second still holds. The same kind of margin as for 30/s.
PAID_LIMITS = Limits(per_second=1000.0, headroom=100.0)


class Pacer:
    """Start times for Bot API calls: evenly spaced overall, ≥ 1 s apart per chat, ≤ 20 per
    minute per group, and nothing while a RetryAfter pause runs.

    Slots are reserved synchronously (no await between reading and writing the state), so
    concurrent senders get distinct slots in the order they asked.
    """

    def __init__(self, timer: Timer | None = None, limits: Limits | None = None) -> None:
        self.timer = timer or Timer()
        self.limits = limits or Limits()
        self._next = 0.0
        self._paused_until = 0.0
        self._chat_next: dict[int, float] = {}
        self._group_log: dict[int, deque[float]] = {}
        self._started: deque[float] = deque()
        self._window_max = max(1, int(self.limits.per_second - self.limits.headroom))

    @property
    def rate(self) -> float:
        """Calls per second the pacer plans for overall (the limit less the headroom)."""
        return 1.0 / self.limits.interval

    def _chat_ready(self, chat_id: int) -> float:
        """When this chat may get its next call (per chat, and per group per minute)."""
        ready = self._chat_next.get(chat_id, 0.0)
        sent = self._group_log.get(chat_id)
        if sent is not None and len(sent) >= self.limits.group_max:
            ready = max(ready, sent[-self.limits.group_max] + self.limits.group_period)
        return ready

    def _reserve(self, chat_id: int) -> float:
        """The next overall slot, for a chat that is ready now."""
        now = self.timer.now()
        at = max(now, self._next, self._paused_until)
        self._next = at + self.limits.interval
        self._chat_next[chat_id] = at + self.limits.chat_interval
        if chat_id < 0:
            sent = self._group_log.setdefault(chat_id, deque())
            sent.append(at)
            while len(sent) > self.limits.group_max:
                sent.popleft()
        if len(self._chat_next) > 5000:
            # Forget chats whose next slot is long past (a broadcast reaches each chat once).
            self._chat_next = {c: t for c, t in self._chat_next.items() if t > now}
        return at

    async def acquire(self, chat_id: int) -> float:
        """Wait for this chat's next planned slot; returns it (give it to `admit`)."""
        while True:
            # A chat that must wait (a retry, a group's minute) waits *before* taking an
            # overall slot, so it never holds up the calls to other chats queued behind it.
            ready = self._chat_ready(chat_id)
            if ready > self.timer.now():
                await self.timer.sleep(ready - self.timer.now())
                continue
            at = self._reserve(chat_id)
            await self.timer.sleep(at - self.timer.now())
            if self._paused_until <= at:
                return at
            # A RetryAfter arrived while we waited: line up again behind the pause.

    async def admit(self, chat_id: int, planned: float) -> None:
        """Immediately before the call: slots are planned evenly, but a busy event loop (or
        the database write between slot and call) delays calls unevenly and bunches them;
        counting the calls actually started in the last second keeps a bunch in the limit."""
        while True:
            now = self.timer.now()
            while self._started and self._started[0] <= now - 1.0:
                self._started.popleft()
            if len(self._started) < self._window_max and now >= self._paused_until:
                self._started.append(now)
                self._started_late(chat_id, planned, now)
                self._chat_next[chat_id] = max(self._chat_next.get(chat_id, 0.0),
                                               now + self.limits.chat_interval)
                return
            wait = max(self._started[0] + 1.0 - now if self._started else 0.0,
                       self._paused_until - now)
            # At least a millisecond: float rounding must not spin on a zero wait.
            await self.timer.sleep(max(1e-3, wait))

    async def slot(self, chat_id: int) -> None:
        """`acquire` and `admit` together, for calls with nothing to do in between."""
        await self.admit(chat_id, await self.acquire(chat_id))

    def _started_late(self, chat_id: int, planned: float, actual: float) -> None:
        """A group's minute window counts from when its calls really started."""
        sent = self._group_log.get(chat_id)
        if sent is not None and actual > planned and planned in sent:
            sent[sent.index(planned)] = actual

    def pause(self, seconds: float) -> None:
        """Telegram said RetryAfter: no call starts before it has passed."""
        self._paused_until = max(self._paused_until, self.timer.now() + seconds)
