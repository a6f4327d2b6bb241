"""A stand-in `fault` that enforces Telegram's flood limits, blocked users and flaky networks.

Give it to `StandIn(fault=...)`. Every Bot API call that addresses a chat counts:

- more than `per_second` calls in any `1 s` window, a second call to one chat within
  `chat_interval`, or more than `group_max` calls to a group in `group_period`: HTTP 429 with
  `retry_after` (what PTB raises as `RetryAfter`);
- sending to a user in `blocked`: HTTP 403 "bot was blocked by the user";
- with probability `transient`, a 502 Bad Gateway or a connect timeout (`TimedOut`, raised
  before the call reaches the stand-in), drawn from a seeded generator: reproducible.

Time comes from a `bot.outbox.Timer`, so a test can run the same limits 20x faster.
Rejected calls do not count towards the windows (Telegram does not deliver them either).
"""

from __future__ import annotations

import math
import random
from collections import deque
from collections.abc import Iterable
from typing import Any

from telegram.error import TimedOut

from bot.offline.protocol import ApiCall, blocked_by_user, error_body, retry_after
from bot.outbox import Timer

SENDS = frozenset({"sendMessage", "sendPhoto", "sendDocument", "copyMessage", "forwardMessage"})


class TelegramLimits:
    def __init__(
        self,
        timer: Timer,
        *,
        per_second: int = 30,
        chat_interval: float = 1.0,
        chat_jitter: float = 0.0,
        group_max: int = 20,
        group_period: float = 60.0,
        blocked: Iterable[int] = (),
        transient: float = 0.0,
        seed: int = 1,
    ) -> None:
        self.timer = timer
        self.per_second = per_second
        self.chat_interval = chat_interval
        # Arrival jitter forgiven per chat: the pacer spaces calls at their start, and a busy
        # event loop delays one call's arrival more than the next one's.
        self.chat_jitter = chat_jitter
        self.group_max = group_max
        self.group_period = group_period
        self.blocked = set(blocked)
        self.transient = transient
        self.random = random.Random(seed)
        self._overall: deque[float] = deque()
        self._chat_last: dict[int, float] = {}
        self._groups: dict[int, deque[float]] = {}
        self.too_many = 0  # 429 answers given
        self.flaky = 0  # transient failures injected
        self.log: list[tuple[str, int, float, int]] = []  # the 429s: method, chat, when

    def __call__(self, call: ApiCall) -> tuple[int, dict[str, Any]] | None:
        chat_id = call.params.get("chat_id")
        if not isinstance(chat_id, int):
            return None
        if self.transient and self.random.random() < self.transient:
            self.flaky += 1
            if self.random.random() < 0.5:
                raise TimedOut("stand-in: connect timeout")
            return 502, error_body(502, "Bad Gateway")
        now = self.timer.now()
        while self._overall and self._overall[0] <= now - 1.0:
            self._overall.popleft()
        wait = 0.0
        if len(self._overall) >= self.per_second:
            wait = self._overall[0] + 1.0 - now
        last = self._chat_last.get(chat_id)
        if last is not None and now - last < self.chat_interval - self.chat_jitter:
            wait = max(wait, last + self.chat_interval - now)
        if chat_id < 0:
            group = self._groups.setdefault(chat_id, deque())
            while group and group[0] <= now - self.group_period:
                group.popleft()
            if len(group) >= self.group_max:
                wait = max(wait, group[0] + self.group_period - now)
        if wait > 0:
            self.too_many += 1
            self.log.append((call.method, chat_id, now, len(self._overall)))
            return retry_after(max(1, math.ceil(wait)))
        self._overall.append(now)
        self._chat_last[chat_id] = now
        if chat_id < 0:
            self._groups[chat_id].append(now)
        if chat_id in self.blocked and call.method in SENDS:
            return blocked_by_user()
        return None
