"""City tour logic, pure: distances, bus assignment, when check-in is open."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta

from bot.model import Bus, Session

EARTH_RADIUS_M = 6_371_000
#: Check-in opens this long before gathering (people arrive early; the bus waits for no one).
CHECKIN_OPENS = timedelta(hours=2)


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres (haversine; plenty for "is this person at the bus")."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(a))


def checkin_open(session: Session, now: datetime) -> bool:
    return session.arrive_by - CHECKIN_OPENS <= now < session.end


def auto_assign(
    members: Sequence[tuple[int, str | None]],
    buses: Sequence[Bus],
    current: Mapping[int, str],
) -> dict[int, str]:
    """Seats for everyone not yet on a bus, keeping delegates of one region together.

    `members` are (user id, region or instansi) in RSVP order; `current` are assignments
    already made (kept: an organizer may have placed someone by hand). Regions are placed
    largest first, each on the bus with the most free seats, and split across buses only
    when no bus can take the whole group. Returns the new assignments only.
    """
    free = {bus.id: bus.capacity for bus in buses}
    for bus_id in current.values():
        if bus_id in free:
            free[bus_id] -= 1
    groups: dict[str, list[int]] = defaultdict(list)
    for user_id, region in members:
        if user_id not in current:
            groups[region or ""].append(user_id)
    # Delegates of a region already seated pull the rest of their region to that bus.
    seated_region_bus: dict[str, str] = {}
    region_of = dict(members)
    for user_id, bus_id in current.items():
        seated_region_bus.setdefault(region_of.get(user_id) or "", bus_id)
    assigned: dict[int, str] = {}
    order = sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))
    for region, users in order:
        queue = list(users)
        preferred = seated_region_bus.get(region) if region else None
        while queue:
            candidates = [b for b in free if free[b] > 0]
            if not candidates:
                return assigned  # more people than seats: the rest stay unassigned
            fits = [b for b in candidates if free[b] >= len(queue)]
            if preferred in fits:
                bus_id = preferred
            elif fits:
                # The fullest bus that still fits the whole group keeps large gaps for
                # large groups that come later.
                bus_id = min(fits, key=lambda b: (free[b], b))
            else:
                bus_id = max(candidates, key=lambda b: (free[b], b))
            take = min(free[bus_id], len(queue))
            for user_id in queue[:take]:
                assigned[user_id] = bus_id
            free[bus_id] -= take
            queue = queue[take:]
    return assigned
