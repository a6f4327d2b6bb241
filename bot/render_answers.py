"""Answer first: one short sentence that answers a typed question, before its card.

Every sentence is generated from the event model (dates, places, sessions, the tour, the
background text), so it works for any event file; nothing here is about one seminar. The
cards and buttons that follow come from bot/render.py and the feature handlers.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta
from html import escape
from itertools import pairwise

from bot import callbacks as cb
from bot import planning, textnorm, zones
from bot.i18n import Translator
from bot.model import Bus, Event, Session, SessionKind
from bot.render import (
    Reply,
    button,
    clip_html_lines,
    days_keyboard,
    keyboard,
    period_name,
    session_buttons,
    session_line,
)
from bot.retrieval import Hit, Source
from bot.understanding import Fact, Intent, Relation, Scope, Understanding
from bot.understanding.lexicon import GENERAL, NEXT_WORDS, RELATIONS, WHERE_TO
from bot.understanding.understander import in_period, scope_item
from bot.when import PERIOD_HOURS


def unique_lines(lines: list[str]) -> list[str]:
    """Each answer once: two questions answered by one sentence, or one sentence that holds
    another ("Setelah Rehat kopi: Best Practice … — Kamis …" holds "Best Practice … —
    Kamis …", the answer to "and who speaks?")."""
    distinct = list(dict.fromkeys(lines))
    return [line for line in distinct
            if not any(line != other and line in other for other in distinct)]


def with_lead(lead: list[str], reply: Reply) -> Reply:
    """`reply` with the answer sentences on top (a card's buttons stay with it)."""
    lines = unique_lines(lead)
    if not lines:
        return reply
    # The card's own lines are whole HTML lines (its renderer clipped them that way), so
    # the 4096-character cap drops its last lines, never the answer on top.
    return Reply(clip_html_lines([*lines, "", *reply.text.split("\n")], "…"), reply.markup,
                 reply.request)


def session_sentence(event: Event, session: Session, t: Translator) -> str:
    """'<b>Keynote: …</b> — Rabu, 16 Oktober 2019, 09.30–11.00 WITA, di Kantor Wali Kota
    Kupang; oleh Rudiantara.'"""
    _ = t.gettext
    venue = event.venue(session.venue_id)
    text = _("<b>{title}</b> — {day}, {range}").format(
        title=escape(session.title.get(t.lang)),
        day=escape(t.day(event.local(session.start).date())),
        range=escape(t.time_range(session.start, session.end)),
    )
    if venue is not None:
        text += _(", di {venue}").format(venue=escape(venue.name))
    names = [escape(s.name) for sid in session.speaker_ids if (s := event.speaker(sid))]
    if names:
        text += _("; oleh {names}").format(names=t.join(names))
    return text + "."


def _item_text(session: Session, t: Translator) -> str:
    """'Keynote: … (09.30–11.00)': an item named in a sentence, with its times."""
    title = escape(session.title.get(t.lang))
    return f"{title} ({escape(t.time_range(session.start, session.end, zone=False))})"


def between_sentence(event: Event, u: Understanding, t: Translator) -> str | None:
    """"what's between the keynote and lunch?": the items between two, or the gap."""
    _ = t.gettext
    first, last = event.session(u.anchor_id or ""), event.session(u.until_id or "")
    if first is None or last is None:
        return None
    inside = [s for sid in u.session_ids if (s := event.session(sid)) and s not in (first, last)]
    items = {"first": _item_text(first, t), "last": _item_text(last, t)}
    if len(inside) == 1:
        return _("Antara {first} dan {last}: {item}").format(
            item=session_sentence(event, inside[0], t), **items)
    if inside:
        return t.ngettext("Antara {first} dan {last} ada {n} acara:",
                          "Antara {first} dan {last} ada {n} acara:", len(inside)).format(
            n=len(inside), **items)
    if last.start <= first.end:
        return _("{last} dimulai begitu {first} selesai, pukul {time}: tidak ada jeda.").format(
            time=escape(t.time(first.end)), **items)
    return _("Antara {first} dan {last} tidak ada acara: jeda {length}, {range}.").format(
        length=escape(t.duration(last.start - first.end)),
        range=escape(t.time_range(first.end, last.start)), **items)


def relation_sentence(event: Event, u: Understanding, t: Translator) -> str | None:
    _ = t.gettext
    if u.relation is Relation.BETWEEN:
        return between_sentence(event, u, t)
    anchor = event.session(u.anchor_id or "")
    target = event.session(u.session_ids[0]) if u.session_ids else None
    if anchor is None or target is None:
        return None
    anchor_text = _item_text(anchor, t)
    if target.id == anchor.id:
        if u.relation is Relation.AFTER:
            return _("Setelah {item} tidak ada acara lagi.").format(item=anchor_text)
        if u.relation is Relation.BEFORE:
            return _("Sebelum {item} tidak ada acara.").format(item=anchor_text)
        return _("Selama {item} tidak ada acara lain.").format(item=anchor_text)
    other_day = event.local(target.start).date() != event.local(anchor.start).date()
    if u.relation is Relation.AFTER and other_day:
        # "anything else today after the press conference?": nothing more that day is the
        # answer; the next item, on another day, follows it.
        head = _("Setelah {item} tidak ada acara lagi hari itu. Berikutnya:").format(
            item=anchor_text)
    elif u.relation is Relation.AFTER:
        head = _("Setelah {item}:").format(item=anchor_text)
    elif u.relation is Relation.BEFORE and other_day:
        head = _("Sebelum {item} tidak ada acara hari itu. Sebelumnya:").format(
            item=anchor_text)
    elif u.relation is Relation.BEFORE:
        head = _("Sebelum {item}:").format(item=anchor_text)
    else:
        head = _("Bersamaan dengan {item}:").format(item=anchor_text)
    return f"{head} {session_sentence(event, target, t)}"


def event_sentences(event: Event, facts: tuple[Fact, ...], t: Translator) -> list[str]:
    _ = t.gettext
    out: list[str] = []
    if {Fact.DATES, Fact.LENGTH, Fact.PLACE} & set(facts):
        n = len(event.days)
        days = t.ngettext("{n} hari", "{n} hari", n).format(n=n)
        weekdays = t.weekday(event.start_date)
        if event.end_date != event.start_date:
            weekdays += "–" + t.weekday(event.end_date)
        out.append(_("Acara ini berlangsung {days}, {weekdays}, {dates}, di {city}.").format(
            days=days, weekdays=escape(weekdays),
            dates=escape(t.date_range(event.start_date, event.end_date)),
            city=escape(event.city),
        ))
    if Fact.PARTICIPANTS in facts and event.participants:
        text = t.ngettext("Acara ini dihadiri {n} peserta.", "Acara ini dihadiri {n} peserta.",
                          event.participants).format(n=event.participants)
        if event.participant_groups:
            text = text[:-1] + _(": {groups}.").format(
                groups=escape(t.join(g.get(t.lang) for g in event.participant_groups)))
        out.append(text)
    if Fact.NAME in facts:
        name = event.name.get(t.lang)
        other = event.name.get("en" if t.lang == "id" else "id")
        if other != name:
            # "what's the English name of this event?": the name in the other language too.
            # Translators: {other} is the name in the other language (English in the
            # Indonesian text, Indonesian in the English one).
            out.append(_("Nama resmi acara: <b>{name}</b> (dalam bahasa Inggris: "
                         "<b>{other}</b>).").format(name=escape(name), other=escape(other)))
        else:
            out.append(_("Nama resmi acara: <b>{name}</b>.").format(name=escape(name)))
    if Fact.THEME in facts and event.theme:
        out.append(_("Tema acara: <i>{theme}</i>.").format(theme=escape(event.theme.get(t.lang))))
    if Fact.HOST in facts and event.host:
        out.append(_("Tuan rumah: {host}.").format(host=escape(event.host)))
    if Fact.VENUES in facts and event.venues:
        n = len(event.venues)
        out.append(t.ngettext("Acara ini memakai {n} tempat: {names}.",
                              "Acara ini memakai {n} tempat: {names}.", n).format(
            n=n, names=escape(t.join(v.name for v in event.venues.values()))))
    if Fact.TIMEZONE in facts and event.sessions:
        moment = event.local(event.sessions[0].start)
        offset = moment.utcoffset() or timedelta(0)
        minutes = int(offset.total_seconds()) // 60
        sign = "+" if minutes >= 0 else "-"
        out.append(_("Semua jam acara ini dalam waktu setempat, {zone} (UTC{offset}).").format(
            zone=escape(t.zone(moment)),
            offset=f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"))
    return out


def tour_sentences(event: Event, u: Understanding, t: Translator) -> list[str]:
    """The tour's times always; its stops, capacity and what to bring when asked."""
    _ = t.gettext
    session = next((s for s in event.sessions if s.kind is SessionKind.TOUR), None)
    if session is None:
        return []
    tour = event.tour
    venue = event.venue(tour.meeting_venue_id if tour else session.venue_id)
    out = []
    times = _("<b>{title}</b> — {day}, berangkat {start}, selesai {end} {zone} ({length})"
              ).format(
        title=escape(session.title.get(t.lang)),
        day=escape(t.day(event.local(session.start).date())),
        start=t.time(session.start), end=t.time(session.end), zone=t.zone(session.end),
        length=escape(t.duration(session.end - session.start)),
    )
    if session.gather is not None:
        times += _("; kumpul pukul {time}").format(time=t.time(session.gather))
        if venue is not None:
            times += _(" di {venue}").format(venue=escape(venue.name))
    out.append(times + ".")
    back = event.venue(tour.return_venue_id) if tour is not None else None
    if (Fact.TOUR_TIMES in u.facts and back is not None
            and set(textnorm.DEFAULT.tokens(u.question)) & WHERE_TO):
        # "where does the bus drop us at the end?": where it ends, which the times do not say
        # (the gathering place is where it starts).
        out.append(_("Kembali ke {venue}.").format(venue=escape(back.name)))
    if u.intent is Intent.REMINDER:
        # "pengingat city tour dikirim kapan?": the tour's own messages to those going.
        evening, soon = (event.local(d.due_at) for d in planning.tour_plan(event, 0, session))
        out.append(_("Peserta city tour mendapat pesan {evening} dan pukul {soon} ({lead} "
                     "sebelum kumpul).").format(
            evening=escape(t.moment(evening)), soon=t.time(soon),
            lead=escape(t.duration(session.arrive_by - soon))))
    stops = tour.stops if tour is not None else ()
    named = [stops[i] for i in u.stops if i < len(stops)]
    tokens = textnorm.DEFAULT.tokens(u.question)
    asked = set(tokens)
    what_there = bool(asked & _WHAT_THERE or ("ada", "apa") in set(pairwise(tokens)))
    for stop in named:
        out.append(_("{stop}: pukul {time}.").format(
            stop=escape(stop.name.get(t.lang)), time=t.time(stop.time)))
        said = set(textnorm.DEFAULT.tokens(f"{stop.notes.id} {stop.notes.en or ''}"))
        if what_there or (asked & said) - set(textnorm.DEFAULT.tokens(stop.name.id)) - GENERAL:
            # "di sentra tenun motif khas apa?", "di pantai lasiana ada apa?": what is asked
            # is in the stop's notes.
            out.append(escape(stop.notes.get(t.lang)))
    if Fact.TOUR_STOPS in u.facts and stops and not named:
        out.append(_("Singgah di {stops}.").format(stops=t.join(
            f"{escape(s.name.get(t.lang))} ({t.time(s.time)})" for s in stops)))
    if Fact.TOUR_CAPACITY in u.facts:
        seats = session.capacity or sum(b.capacity for b in (tour.buses if tour else ()))
        if seats:
            out.append(t.ngettext("Kapasitas {n} orang.", "Kapasitas {n} orang.", seats).format(
                n=seats))
    if Fact.TOUR_BUSES in u.facts and tour is not None and tour.buses:
        out.append(t.ngettext("{n} bus: {buses}.", "{n} bus: {buses}.", len(tour.buses)).format(
            n=len(tour.buses), buses=t.join(
                t.ngettext("{bus} ({n} kursi)", "{bus} ({n} kursi)", b.capacity).format(
                    bus=escape(b.name), n=b.capacity) for b in tour.buses)))
    words = set(textnorm.DEFAULT.tokens(u.question))
    if tour is not None and words & _LEADER_WORDS:
        # "koordinator bus 1 nomornya brp": the leader of the bus named (a role, never a
        # private person), with the number to call; "ketinggalan bus, hubungi siapa?": of
        # every bus, when none is named and a number is asked for.
        buses = _buses_named(tour.buses, u.question) or (
            list(tour.buses) if words & _BUS_WORDS and words & _CALL_WORDS else [])
        for bus in buses:
            leader = bus.leader if bus.name in bus.leader else f"{bus.name} — {bus.leader}"
            out.append(_("{leader}: {phone}.").format(
                leader=escape(leader), phone=escape(bus.leader_phone)))
    if Fact.TOUR_BRING in u.facts and tour is not None and tour.bring:
        out.append(_("Yang perlu dibawa: {items}.").format(
            items=escape(t.join(b.get(t.lang) for b in tour.bring))))
    return out


#: Asking what one does at a place ("di pantai ada apa?", "ngapain di sana?").
_WHAT_THERE = frozenset({"ngapain", "kegiatan", "activity", "activities", "do"})
#: Words asking who leads a bus or how to reach them.
_LEADER_WORDS = frozenset({"koordinator", "koordinatornya", "coordinator", "pimpinan", "pemimpin",
                           "leader",
                           "dipimpin", "memimpin", "led",
                           "leads", "pj", "siapa", "who", "kontak", "contact", "nomor",
                           "number", "hp", "telepon", "telp", "phone", "wa", "whatsapp"})


#: Words asking for someone to call (not "siapa" alone: "who leads the tour" names a role).
_CALL_WORDS = frozenset({"hubungi", "dihubungi", "menghubungi", "kontak", "contact", "nomor",
                         "number", "hp", "telepon", "telp", "phone", "wa", "whatsapp", "call"})
_BUS_WORDS = frozenset({"bus", "buses", "bis", "rombongan"})


def late_lines(event: Event, u: Understanding, t: Translator) -> list[str]:
    """"kalau telat kumpul tour, ditinggal?": when to gather and when the bus leaves, and
    whom to call when late — never whether the bus waits, which the data does not say
    (the decline these lines go with says so)."""
    _ = t.gettext
    out = tour_sentences(event, replace(u, facts=()), t)
    tour = event.tour
    leaders = [bus for bus in (tour.buses if tour is not None else ()) if bus.leader_phone]
    if out and leaders:
        out.append(_("Kalau terlambat, segera hubungi koordinator bus:"))
        for bus in leaders:
            leader = bus.leader if bus.name in bus.leader else f"{bus.name} — {bus.leader}"
            out.append(_("{leader}: {phone}.").format(
                leader=escape(leader), phone=escape(bus.leader_phone)))
    return out


def venue_lines(event: Event, venue_ids: tuple[str, ...], t: Translator) -> list[str]:
    """Where each venue is, its address and map: what the data says when a question asks
    how far one place is from another (no distance is in it)."""
    _ = t.gettext
    out = []
    for venue in filter(None, map(event.venue, venue_ids)):
        out.append(f"📍 <b>{escape(venue.label(t.lang))}</b>: {escape(venue.address_in(t.lang))}"
                   f" · <a href=\"{escape(venue.map_url)}\">{escape(_('🗺 Buka peta'))}</a>")
    return out


def _buses_named(buses: tuple[Bus, ...], question: str) -> list[Bus]:
    """The buses whose whole name the question says ("bus 2", "Bus 1")."""
    tokens = textnorm.DEFAULT.tokens(question)
    return [bus for bus in buses if (name := textnorm.DEFAULT.tokens(bus.name))
            and textnorm.contains_phrase(tokens, name)]


def stop_relation_sentences(event: Event, u: Understanding, t: Translator) -> list[str]:
    """"abis tenun ikat ke mana?": the next stop, or after the last one the tour's end and
    what follows it; before the first one, the gathering and the departure."""
    _ = t.gettext
    tour = event.tour
    session = event.session(u.anchor_id or "")
    if tour is None or session is None or u.anchor_stop is None:
        return []
    anchor = tour.stops[u.anchor_stop]
    anchor_text = f"{escape(anchor.name.get(t.lang))} ({t.time(anchor.time)})"
    if u.stops:
        target = tour.stops[u.stops[0]]
        target_text = _("{stop}, pukul {time}.").format(
            stop=f"<b>{escape(target.name.get(t.lang))}</b>", time=t.time(target.time))
        if u.relation is Relation.AFTER:
            return [_("Setelah {item}: {target}").format(item=anchor_text, target=target_text)]
        if u.relation is Relation.BEFORE:
            return [_("Sebelum {item}: {target}").format(item=anchor_text, target=target_text)]
        return [target_text]
    title = escape(session.title.get(t.lang))
    if u.relation is Relation.BEFORE:
        venue = event.venue(tour.meeting_venue_id)
        text = _("Sebelum {item}: {tour} berangkat pukul {start}").format(
            item=anchor_text, tour=f"<b>{title}</b>", start=t.time(session.start))
        if session.gather is not None:
            text += _("; kumpul pukul {time}").format(time=t.time(session.gather))
            if venue is not None:
                text += _(" di {venue}").format(venue=escape(venue.name))
        return [text + "."]
    venue = event.venue(tour.return_venue_id)
    text = _("{item} adalah persinggahan terakhir: {tour} selesai pukul {end} {zone}").format(
        item=anchor_text, tour=f"<b>{title}</b>", end=t.time(session.end),
        zone=t.zone(session.end))
    if venue is not None:
        text += _(", kembali ke {venue}").format(venue=escape(venue.name))
    out = [text + "."]
    later = [s for s in event.sessions if s.start >= session.end]
    if later:
        following = min(later, key=lambda s: s.start)
        out.append(_("Setelah itu: {item}").format(item=session_sentence(event, following, t)))
    return out


def scope_sentence(event: Event, u: Understanding, t: Translator) -> str | None:
    """When a day starts or ends, or its last item (the item's card follows)."""
    _ = t.gettext
    session = scope_item(event, u)
    if session is None:
        return None
    day = escape(t.day(event.local(session.start).date()))
    # "besok siang sesi pertama?": the first of that part of the day, said to be its.
    in_part = u.scope in (Scope.DAY_START, Scope.FIRST) and bool(
        in_period(event, [session], u.period))
    if in_part:
        day = f"{day}, {escape(period_name(u.period, t))}"
    title = f"<b>{escape(session.title.get(t.lang))}</b>"
    if u.scope is Scope.DAY_END:
        return _("Acara {day} selesai pukul {time} {zone}, dengan {item} "
                 "({range}) sebagai acara terakhir.").format(
            day=day, time=t.time(session.end), zone=t.zone(session.end), item=title,
            range=escape(t.time_range(session.start, session.end, zone=False)))
    if u.scope is Scope.DAY_START:
        text = _("Acara {day} dimulai pukul {time} {zone} dengan {item}").format(
            day=day, time=t.time(session.start), zone=t.zone(session.start), item=title)
        if session.gather is not None:
            text += _(" (kumpul pukul {time})").format(time=t.time(session.gather))
        return text + "."
    if u.scope is Scope.FIRST:
        text = _("Sesi pertama {day}: {item}, mulai pukul {time} {zone}").format(
            day=day, item=title, time=t.time(session.start), zone=t.zone(session.start))
        if session.gather is not None:
            text += _(" (kumpul pukul {time})").format(time=t.time(session.gather))
        text += "."
        before = [s for s in event.sessions_on(event.local(session.start).date())
                  if s.start < session.start
                  and (not in_part or in_period(event, [s], u.period))]
        if before:
            # The delegate must be there for what comes before it (registration) too.
            first = min(before, key=lambda s: s.start)
            text += " " + _("Sebelumnya: {item} mulai pukul {time}.").format(
                item=escape(first.title.get(t.lang)), time=t.time(first.arrive_by))
        return text
    if u.scope is Scope.LAST:
        return _("Acara terakhir {day}: {item}").format(
            day=day, item=session_sentence(event, session, t))
    return None


def rest_of_day_view(event: Event, day: date, t: Translator, now: datetime,
                     period: str | None = None) -> Reply:
    """What is still on today after `now` (what is on now included), up to the end of
    `period` ("sore ini") if one was asked; when nothing is, say so and name what is next."""
    _ = t.gettext
    low, high = PERIOD_HOURS.get(period or "", (0, 24))
    midnight = datetime.combine(day, time(0), tzinfo=now.tzinfo)
    start, end = midnight + timedelta(hours=low), midnight + timedelta(hours=high)
    # "masih ada sesi sore ini?" at 14.30: a part of the day about to begin counts from now
    # (the borders of "sore" are loose); asked at 10.00 it counts from its start.
    start = now if start - now <= timedelta(hours=1) else start
    left = [s for s in event.sessions_on(day) if s.end > start and s.start < end]
    rows = session_buttons(left, t)
    if left:
        head = _("📅 <b>{day}</b> — acara yang masih ada setelah pukul {time}:").format(
            day=escape(t.day(day)), time=t.time(now)) if period is None else _(
            "📅 <b>{day}</b>, {period} — acara yang masih ada:").format(
            day=escape(t.day(day)), period=escape(period_name(period, t)))
        lines = [head, ""]
        lines += [session_line(event, s, t) for s in left]
    else:
        lines = [_("Acara {day} sudah selesai; tidak ada acara lagi hari ini.").format(
            day=escape(t.day(day))) if period is None else
            _("Tidak ada acara lagi {day}, {period}.").format(
                day=escape(t.day(day)), period=escape(period_name(period, t)))]
        held = event.sessions_on(day)
        if period is None and held:
            # "Is the event over?": when it ended, the day's last item's end.
            last = max(held, key=lambda s: s.end)
            lines.append(_("Acara terakhir, {title}, selesai pukul {time}.").format(
                title=escape(last.title.get(t.lang)), time=t.time(last.end)))
        later = sorted((s for s in event.sessions if s.start > now), key=lambda s: s.start)
        if later:
            lines += ["", _("Berikutnya:"), session_line(event, later[0], t, with_day=True)]
            rows = session_buttons(later[:1], t, with_day=True)
    rows.append([button(_("📅 Jadwal sehari penuh"), cb.DAY, day.isoformat()),
                 button(_("🏠 Menu"), cb.MENU)])
    return Reply(clip_html_lines(lines, "…"), keyboard(rows))


def full_programme_view(event: Event, t: Translator, today: date) -> Reply:
    """Every day's programme in one message ("jadwal lengkap semua hari")."""
    _ = t.gettext
    lines = [_("📅 <b>Jadwal lengkap {event}</b>").format(event=escape(event.name.get(t.lang)))]
    for number, day in enumerate(event.days, start=1):
        lines += ["", _("<b>Hari {n} · {day}</b>").format(n=number, day=escape(t.day(day)))]
        lines += [session_line(event, s, t) for s in event.sessions_on(day)]
    rows = days_keyboard(event, t, today)
    rows.append([button(_("🏠 Menu"), cb.MENU)])
    return Reply(clip_html_lines(lines, "…"), keyboard(rows))


def lead(event: Event, u: Understanding, t: Translator) -> list[str]:
    """The sentences that answer `u` before its card (none when the card is the answer)."""
    _ = t.gettext
    if u.anchor_stop is not None:
        return stop_relation_sentences(event, u, t)
    if u.scope is not None:
        sentence = scope_sentence(event, u, t)
        return [sentence] if sentence else []
    if u.relation is not None:
        sentence = relation_sentence(event, u, t)
        return [sentence] if sentence else []
    tour_ids = {s.id for s in event.sessions if s.kind is SessionKind.TOUR}
    if u.stops or any(f.startswith("tour") for f in u.facts) or (
        u.session_ids and u.session_ids[0] in tour_ids
    ):
        return tour_sentences(event, u, t)
    if u.facts and not u.session_ids:
        return event_sentences(event, u.facts, t)
    if Fact.VENUES in u.facts and len(u.session_ids) > 1:
        # "is X in the same building as Y?": each item with its place.
        return [session_sentence(event, s, t)
                for sid in u.session_ids if (s := event.session(sid)) is not None]
    if u.intent is Intent.SPEAKER and u.speaker_ids:
        speaker = event.speaker(u.speaker_ids[0])
        if speaker is not None:
            return [_("<b>{name}</b> — {position}.").format(
                name=escape(speaker.name), position=escape(speaker.position.get(t.lang)))]
    if Fact.LENGTH in u.facts and len(u.session_ids) > 1:
        # "berapa lama istirahat makan siang?" names every lunch break: each one's length
        # (the same item on several days, the same times: once).
        lines: dict[str, None] = {}
        for sid in u.session_ids:
            if (s := event.session(sid)) is not None:
                line = _("{item}: {range} {zone}, lamanya {length}.").format(
                    item=f"<b>{escape(s.title.get(t.lang))}</b>",
                    range=escape(t.time_range(s.start, s.end, zone=False)),
                    zone=t.zone(s.start), length=escape(t.duration(s.end - s.start)))
                lines[line] = None
        return list(lines)
    if len(u.session_ids) == 1 and u.intent.value in ("session", "speaker", "venue"):
        session = event.session(u.session_ids[0])
        if session is None:
            return []
        out = [session_sentence(event, session, t)]
        if u.day is not None and event.local(session.start).date() != u.day:
            # "besok ada jumpa pers lagi?": not on the day asked; its own day follows.
            out = [_("Tidak ada {item} pada {day}; jadwalnya: {sentence}").format(
                item=f"<b>{escape(session.title.get(t.lang))}</b>",
                day=escape(t.day(u.day)), sentence=out[0])]
        converted = zone_sentence(event, session, u.question, t)
        if converted:
            out.append(converted)
        if Fact.LENGTH in u.facts:
            out.append(_("Lamanya {length}.").format(
                length=escape(t.duration(session.end - session.start))))
        own = session.description.get(t.lang)
        if u.intent is Intent.VENUE and own and not any(
                s.id != session.id and s.description.get(t.lang) == own for s in event.sessions):
            # "registrasi di mana?": the item's own text may say where exactly (the lobby);
            # not a text several items share (both lunch breaks'), which says nothing of it.
            out.append(escape(own))
        return out
    return []


def zone_sentence(event: Event, session: Session, question: str, t: Translator) -> str | None:
    """"keynote jam berapa WIB?": the item's times in the Indonesian zone the question names,
    when that is not the event's ("Dalam WIB: mulai 08.30 WIB, selesai 10.00 WIB.")."""
    start, end = event.local(session.start), event.local(session.end)
    own = t.zone(start)
    zone = zones.asked_zone(question, own)
    if zone is None:
        return None
    target = zones.INDONESIAN_ZONES[zone]
    offset = (target.utcoffset(None) - (start.utcoffset() or timedelta(0)))
    hours = int(offset.total_seconds()) // 3600
    _ = t.gettext
    return _("Dalam {zone}: mulai {start} {zone}, selesai {end} {zone} ({zone} = {own} {diff} "
             "jam).").format(zone=zone.upper(), own=escape(own),
                            start=t.time(start.astimezone(target)),
                            end=t.time(end.astimezone(target)),
                            diff=f"{'+' if hours >= 0 else '−'} {abs(hours)}")


def source_label(event: Event, hit: Hit, t: Translator) -> str:
    _ = t.gettext
    p = hit.passage
    if p.source is Source.SESSION and (s := event.session(p.ref)):
        return s.title.get(t.lang)
    if p.source is Source.SPEAKER and (sp := event.speaker(p.ref)):
        return sp.name
    if p.source is Source.VENUE and (v := event.venue(p.ref)):
        return v.name
    if p.source is Source.STOP and event.tour and p.ref.isdigit():
        # A stop's notes hold no time or day: its place in the tour says them ("kapan
        # foto bersama?").
        stop = event.tour.stops[int(p.ref)]
        tour = event.session(event.tour.session_id)
        return _("{stop} ({tour}, {day}, pukul {time})").format(
            stop=stop.name.get(t.lang), tour=tour.title.get(t.lang) if tour else "",
            day=t.day(event.local(stop.time).date()), time=t.time(stop.time))
    if p.source is Source.FAQ:
        faq = next((f for f in event.faq if f.id == p.ref), None)
        if faq is not None:
            return faq.question.get(t.lang)
    if p.source is Source.CONTACT and (c := event.contact(p.ref)):
        return c.name
    labels = {
        Source.BACKGROUND: _("Latar belakang acara"),
        Source.ABOUT: _("Tentang acara"),
        Source.GOAL: _("Tujuan acara"),
        Source.GROUP: _("Peserta acara"),
    }
    return labels.get(p.source, event.name.get(t.lang))


def passage_lines(event: Event, hit: Hit, t: Translator) -> list[str]:
    """A quoted passage and where it comes from: never a composed fact."""
    _ = t.gettext
    return [
        escape(hit.passage.text.get(t.lang)),
        _("<i>Sumber: {source}</i>").format(source=escape(source_label(event, hit, t))),
    ]


def passage_view(event: Event, hit: Hit, t: Translator) -> Reply:
    _ = t.gettext
    p = hit.passage
    rows = []
    if p.source is Source.SESSION:
        rows.append([button(_("📄 Detail sesi"), cb.SESSION, p.ref)])
    elif p.source is Source.SPEAKER:
        rows.append([button(_("🎤 Profil"), cb.SPEAKER, p.ref)])
    elif p.source is Source.VENUE:
        rows.append([button(_("📍 Lokasi"), cb.PIN, p.ref)])
    elif p.source is Source.FAQ:
        rows.append([button(_("◀ Info lain"), cb.FAQS)])
    else:
        rows.append([button(_("ℹ️ Tentang"), cb.ABOUT)])
    rows.append([button(_("🏠 Menu"), cb.MENU)])
    return Reply("\n".join(passage_lines(event, hit, t)), keyboard(rows))


def readings_line(readings: tuple[tuple[str, str], ...], t: Translator) -> str:
    """'(“bseok” saya baca “besok”.)': a misspelt day word is never read silently."""
    _ = t.gettext
    return t.join(
        _("(“{typed}” saya baca “{meant}”.)").format(typed=escape(typed), meant=escape(meant))
        for typed, meant in readings
    )


def doubt_view(event: Event, typed: str, meant: str, t: Translator,
               now: datetime) -> Reply:
    """A day or time word that could not be read: ask, never answer another day."""
    _ = t.gettext
    if not meant:
        # No day or time of the event fits ("hari ke 7" of a three-day event, "jam 27").
        text = _("Maaf, “{typed}” tidak bisa saya baca sebagai hari atau jam acara ini. "
                 "Pilih harinya:").format(typed=escape(typed))
    else:
        text = _("Maaf, saya kurang yakin membaca “{typed}”. Maksudnya “{meant}”? "
                 "Pilih harinya:").format(typed=escape(typed), meant=escape(meant))
    rows = days_keyboard(event, t, now.date())
    rows.append([button(_("⏱ Sekarang"), cb.NOW), button(_("🏠 Menu"), cb.MENU)])
    return Reply(text, keyboard(rows))


def asks_now_only(question: str) -> bool:
    """"skrg lg acara apa?" asks what is on now, not what follows: its answer names the item
    after it, not the rest of the day (those are not what was asked)."""
    tokens = set(textnorm.DEFAULT.tokens(question))
    return bool(tokens & _NOW) and not tokens & (NEXT_WORDS | set(RELATIONS) | _LATER)


_NOW = frozenset({"sekarang", "now", "berlangsung"})
#: Words asking for more than what is on now ("what's on now and after?").
_LATER = frozenset({"nanti", "later", "habis", "abis", "setelah", "sesudah", "after"})
