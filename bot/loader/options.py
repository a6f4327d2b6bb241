"""The optional tables of a data file: [tour], [attendance], [evaluation], [certificate]."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from bot.i18n import N_
from bot.loader.reader import Reader, check_unique, items, phone_number
from bot.model import (
    AttendanceRules,
    Bus,
    CertificateRules,
    Question,
    QuestionKind,
    Session,
    SessionKind,
    Signatory,
    Text,
    Tour,
    TourStop,
    Venue,
)


def read_tour(
    r: Reader, venues: dict[str, Venue], sessions: list[Session], tz: ZoneInfo | None,
    declared: set[str],
) -> Tour | None:
    """`declared`: every session id in the file, including sessions with a bad value (their
    own problem is reported; the tour naming them is not a second one)."""
    session_id = r.string("session")
    session = next((s for s in sessions if s.id == session_id), None)
    if session_id and session is None and session_id not in declared:
        r.problem("session", N_("id sesi {value} tidak dikenal"), value=repr(session_id))
    elif session is not None and session.kind is not SessionKind.TOUR:
        r.problem("session", N_("sesi {value} berjenis {kind}, bukan 'tour'"),
                  value=repr(session_id), kind=repr(session.kind.value))
    meeting, back = r.string("meeting_point"), r.string("return_point")
    for key, venue_id in (("meeting_point", meeting), ("return_point", back)):
        if venue_id and venue_id not in venues:
            r.problem(key, N_("id tempat {value} tidak dikenal"), value=repr(venue_id))
    if session is not None and meeting and session.venue_id != meeting:
        r.problem("meeting_point", N_("berbeda dengan tempat sesi tur {value}"),
                  value=repr(session.venue_id))
    radius = r.integer("checkin_radius_m") or 0
    if not 10 <= radius <= 5000:
        r.problem("checkin_radius_m", N_("{n} m: harus 10 sampai 5000"), n=radius)
    bring = r.texts("bring") if "bring" in r.table else ()
    stops = _stops(r, session, tz)
    buses: list[Bus] = []
    bus_readers = items(r, "buses")
    bus_ids = [b.ident() for b in bus_readers]
    check_unique(bus_readers, bus_ids)
    for b, bus_id in zip(bus_readers, bus_ids, strict=True):
        capacity = b.integer("capacity") or 0
        if capacity < 1:
            b.problem("capacity", N_("paling sedikit 1"))
        phone = phone_number(b, "leader_phone")
        buses.append(Bus(bus_id, b.string("name"), capacity, b.string("leader"), phone))
        b.finish()
    if not buses:
        r.problem("buses", N_("tidak ada [[tour.buses]]: tambahkan paling sedikit satu bus"))
    seats = sum(bus.capacity for bus in buses)
    if session is not None and session.capacity and seats < session.capacity:
        r.problem("buses", N_("{seats} kursi bus untuk kapasitas tur {capacity}"), seats=seats,
                  capacity=session.capacity)
    r.finish()
    if not r.ok or session is None:
        return None
    return Tour(session_id, meeting, back, radius, bring, tuple(stops), tuple(buses))



def _stops(r: Reader, session: Session | None, tz: ZoneInfo | None) -> list[TourStop]:
    stops: list[TourStop] = []
    for s in items(r, "stops"):
        moment = s.moment("time", tz=tz)
        lat, lon = s.number("lat"), s.number("lon")
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            s.problem("lat", N_("koordinat di luar jangkauan"))
        if moment and session and not session.start <= moment <= session.end:
            s.problem("time", N_("{time} di luar waktu tur {start}..{end}"),
                      time=moment.isoformat(), start=session.start.isoformat(),
                      end=session.end.isoformat())
        if moment and stops and moment < stops[-1].time:
            s.problem("time", N_("perhentian harus urut waktu"))
        name, notes = s.text("name"), s.text("notes", required=False)
        s.finish()
        if moment:
            stops.append(TourStop(name, moment.astimezone(tz) if tz else moment, lat, lon, notes))
    return stops


def read_attendance(r: Reader) -> AttendanceRules:
    defaults = AttendanceRules()
    grace = r.integer("grace_minutes", required=False)
    period = r.integer("code_minutes", required=False)
    checkin = r.flag("session_checkin")
    if grace is not None and grace > 240:
        r.problem("grace_minutes", N_("{value}: harus 0 sampai 240 menit setelah sesi selesai"),
                  value=grace)
    if period is not None and not 1 <= period <= 60:
        r.problem("code_minutes", N_("{value}: harus 1 sampai 60 menit"), value=period)
    r.finish()
    return AttendanceRules(
        grace=timedelta(minutes=grace) if grace is not None else defaults.grace,
        code_period=timedelta(minutes=period) if period else defaults.code_period,
        session_checkin=defaults.session_checkin if checkin is None else bool(checkin),
    )


def read_evaluation(r: Reader) -> tuple[Question, ...]:
    questions: list[Question] = []
    readers = items(r, "questions")
    ids = [q.ident() for q in readers]
    check_unique(readers, ids)
    for q, qid in zip(readers, ids, strict=True):
        text = q.text("text")
        kind_name = q.string("kind", required=False) or QuestionKind.SCALE.value
        if kind_name not in {k.value for k in QuestionKind}:
            q.problem("kind", N_("{value}: harus scale, choice atau text"), value=repr(kind_name))
            kind_name = QuestionKind.SCALE.value
        kind = QuestionKind(kind_name)
        choices: tuple[Text, ...] = ()
        if kind is QuestionKind.CHOICE:
            choices = q.texts("choices")
            if not 2 <= len(choices) <= 8:
                q.problem("choices", N_("{n} pilihan: harus 2 sampai 8"), n=len(choices))
        q.finish()
        questions.append(Question(qid, text, kind, choices))
    if not questions:
        r.problem("questions", N_("tambahkan paling sedikit satu [[evaluation.questions]]"))
    elif len(questions) > 20:
        r.problem("questions", N_("{n} pertanyaan: paling banyak 20"), n=len(questions))
    r.finish()
    return tuple(questions)


def read_certificate(r: Reader, *, has_plenary: bool) -> CertificateRules | None:
    all_days = r.flag("all_days")
    percent = r.integer("min_plenary_percent", required=False)
    if percent is not None and not 1 <= percent <= 100:
        r.problem("min_plenary_percent", N_("{value}: harus 1 sampai 100"), value=percent)
    if not all_days and percent is None:
        r.problem("", N_("tidak ada aturan: isi all_days = true dan/atau min_plenary_percent"))
    if percent is not None and not has_plenary:
        r.problem("min_plenary_percent", N_("jadwal tidak punya sesi berjenis 'plenary'"))
    title, statement = r.text("title"), r.text("statement")
    signatories: list[Signatory] = []
    for s in items(r, "signatories"):
        signatories.append(Signatory(s.string("name"), s.text("position")))
        s.finish()
    if not signatories:
        r.problem("signatories", N_("tambahkan paling sedikit satu [[certificate.signatories]]"))
    elif len(signatories) > 3:
        r.problem("signatories", N_("{n}: paling banyak 3 muat di sertifikat"),
                  n=len(signatories))
    r.finish()
    if not r.ok:
        return None
    return CertificateRules(title, statement, tuple(signatories), bool(all_days), percent)
