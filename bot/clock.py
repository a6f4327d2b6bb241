"""The one clock of the program.

Every "now" in the bot comes from a `Clock`, so tests, demos and rehearsals can pin it
(`--now`), let it run from a chosen start (optionally faster), or use the real time.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta, tzinfo


class Clock:
    """Wall-clock time, optionally anchored at a chosen moment and sped up.

    - `Clock(tz)`: the real time.
    - `Clock(tz, start=dt, running=False)`: pinned at `dt` until `set()`/`advance()`.
    - `Clock(tz, start=dt, running=True, speed=60)`: starts at `dt` and runs 60x faster.
    """

    def __init__(
        self,
        tz: tzinfo,
        start: datetime | None = None,
        *,
        running: bool = True,
        speed: float = 1.0,
    ) -> None:
        if start is not None and start.tzinfo is None:
            raise ValueError("clock start must be timezone-aware")
        if speed <= 0:
            raise ValueError("clock speed must be positive")
        self.tz = tz
        self.speed = speed
        self.running = running
        self._anchor = start
        self._anchored_at = time.monotonic()

    @property
    def is_real(self) -> bool:
        return self._anchor is None

    def now(self) -> datetime:
        if self._anchor is None:
            return datetime.now(self.tz)
        if not self.running:
            return self._anchor.astimezone(self.tz)
        elapsed = (time.monotonic() - self._anchored_at) * self.speed
        return (self._anchor + timedelta(seconds=elapsed)).astimezone(self.tz)

    def set(self, moment: datetime) -> None:
        """Move the clock to `moment` (it keeps running if it was)."""
        if moment.tzinfo is None:
            raise ValueError("clock time must be timezone-aware")
        self._anchor = moment
        self._anchored_at = time.monotonic()

    def advance(self, delta: timedelta) -> None:
        self.set(self.now() + delta)
