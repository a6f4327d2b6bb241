"""Per-user flood control: a sliding window of recent updates per user (pure, no Telegram).

A delegate who sends more than `limit` updates within `window` seconds is told once to slow
down and then ignored until `window` seconds have passed since that moment; everyone else
goes on as before, because each user has their own window.

Time is `time.monotonic()` (injectable for tests), not the bot's `Clock`: flooding is about
real seconds of load on the bot and on Telegram's limits, while the bot's clock may be pinned
(`chat --now`, the tests) — a window would then never pass — or sped up (`--speed 60`),
which would turn a normal typing pace into a flood. Monotonic time also ignores NTP jumps.
"""

from __future__ import annotations

import enum
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

#: Updates allowed per user in one window. Twenty in ten seconds is far above anyone
#: reading the answers (a fast button tapper does ~1/s) and well below a script.
DEFAULT_LIMIT = 20
DEFAULT_WINDOW = 10.0
#: Users remembered at most; above this the idle ones are forgotten (memory stays bounded
#: whatever the number of delegates or forged user ids).
MAX_TRACKED = 10_000


class Verdict(enum.Enum):
    PASS = "pass"  # handle the update
    WARN = "warn"  # over the limit just now: tell the user once, then drop
    DROP = "drop"  # still muted: drop silently


@dataclass
class _User:
    seen: deque[float] = field(default_factory=deque)
    muted_until: float = 0.0


class FloodGate:
    """`check(user_id)` for each update, in arrival order; not thread-safe (one event loop)."""

    def __init__(
        self,
        limit: int = DEFAULT_LIMIT,
        window: float = DEFAULT_WINDOW,
        clock: Callable[[], float] = time.monotonic,
        max_tracked: int = MAX_TRACKED,
    ) -> None:
        if limit < 1 or window <= 0:
            raise ValueError("flood limit must be >= 1 and window > 0")
        self.limit = limit
        self.window = window
        self.clock = clock
        self.max_tracked = max_tracked
        self._users: dict[int, _User] = {}

    def check(self, user_id: int) -> Verdict:
        now = self.clock()
        user = self._users.get(user_id)
        if user is None:
            if len(self._users) >= self.max_tracked:
                self._forget_idle(now)
            user = self._users[user_id] = _User()
        if now < user.muted_until:
            return Verdict.DROP
        seen = user.seen
        # At most `limit` entries are kept, so this loop is bounded by `limit`.
        while seen and seen[0] <= now - self.window:
            seen.popleft()
        if len(seen) >= self.limit:
            # Dropped updates are not counted: the mute ends `window` after the warning,
            # not after the user finally stops typing.
            user.muted_until = now + self.window
            seen.clear()
            return Verdict.WARN
        seen.append(now)
        return Verdict.PASS

    def tracked(self) -> int:
        return len(self._users)

    def _forget_idle(self, now: float) -> None:
        idle = [
            uid
            for uid, user in self._users.items()
            if now >= user.muted_until and (not user.seen or user.seen[-1] <= now - self.window)
        ]
        for uid in idle:
            del self._users[uid]
        if len(self._users) >= self.max_tracked:
            # Everyone is active (an attack with forged ids): start over rather than grow.
            self._users.clear()
