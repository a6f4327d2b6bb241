"""Views the same for everyone are rendered once per event, language and day."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

from bot import render
from bot.i18n import I18n
from bot.model import Event

DAY = date(2019, 10, 16)


def test_a_day_view_is_shared_per_language_and_rebuilt_for_a_new_event(event: Event) -> None:
    i18n = I18n()
    now = datetime(2019, 10, 16, 9, 0, tzinfo=event.timezone)
    first = render.day_view(event, DAY, i18n.get("id"), now)
    assert render.day_view(event, DAY, i18n.get("id"), now + timedelta(hours=1)) is first
    english = render.day_view(event, DAY, i18n.get("en"), now)
    assert english is not first and english.text != first.text
    keynote = event.session("keynote")
    assert keynote is not None
    renamed = replace(keynote, title=replace(keynote.title, id="Keynote Baru"))
    reloaded = replace(event, sessions=tuple(renamed if s.id == "keynote" else s
                                             for s in event.sessions), _by_id={})
    again = render.day_view(reloaded, DAY, i18n.get("id"), now)
    assert "Keynote Baru" in again.text and "Keynote Baru" not in first.text


def test_the_overview_follows_today(event: Event) -> None:
    t = I18n().get("id")
    one = render.programme_overview(event, t, DAY)
    assert render.programme_overview(event, t, DAY) is one
    assert render.programme_overview(event, t, DAY + timedelta(days=1)) is not one
