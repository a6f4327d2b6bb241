"""Callback data: what a button asks for, in at most 64 bytes.

Every button's data is `<action>` or `<action>:<argument>`. Arguments are event ids (at
most 24 characters, checked by the loader), ISO dates or region names, so they always fit;
`encode` still refuses anything longer than Telegram accepts rather than let a send fail.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_BYTES = 64
#: SQLite stores integers in 64 bits: a larger id cannot be in the database at all.
MAX_NUMBER = 2**63 - 1

MENU = "menu"
DAYS = "days"
DAY = "day"  # day:2019-10-16
SESSION = "s"  # s:<session id>
PIN = "pin"  # pin:<venue id> -> a Telegram venue pin
VENUE = "v"  # v:<venue id>
VENUES = "locs"
SPEAKER = "spk"  # spk:<speaker id>
SPEAKERS = "spks"
CONTACTS = "cts"
CONTACT_REGION = "cr"  # cr:<region name>, or cr:- for network-wide contacts
NETWORK = "-"
CONTACT_CARD = "card"  # card:<contact id>
NOW = "now"
ABOUT = "about"
FORGET_SURE = "fgy"  # erase my data, confirmed
FAQS = "faqs"  # the list of practical questions
FAQ = "faq"  # faq:<faq id>
HELP = "help"
LANGUAGE = "lang"  # lang:<code>
REGISTER = "reg"  # start (or redo) the registration
REG_INSTANSI = "rgi"  # rgi:<index of a suggested region>, or rgi:- for "use my text"
REG_ROLE = "rgr"  # rgr:<role>
RSVP = "r"  # r:<session id> (or r:_event)
RSVP_FORCE = "rf"  # rf:<session id>: attend despite an overlap
RSVP_CANCEL = "rx"  # rx:<session id>
RSVP_CANCEL_SURE = "rxy"  # rxy:<session id>: cancel confirmed (a seat is at stake)
RSVPS = "rl"  # the /rsvp overview
AGENDA = "ag"
ICS = "ics"  # ics:<session id>, or ics:* for the whole personal agenda
ALL = "*"
PREFS = "pg"
PREFS_LEAD = "pgl"  # pgl:<minutes>, 0 = off
PREFS_BRIEF = "pgb"  # toggle the morning brief
TOUR = "tour"  # the city tour plan
TOUR_CHECKIN = "tc"  # "I'm at the meeting point"
TOUR_LOCATION = "tl"  # ask for a location to confirm presence
TOUR_ROLL = "trc"  # trc:<bus id>: roll call
TOUR_ASSIGN = "tba"  # assign buses automatically
TOUR_SAY = "tsay"  # tsay:<bus id or *>:<wait|5|go|back>
TOUR_MARK = "tm"  # tm:<bus id>:<user id>: a bus leader marks someone present
TOUR_UNMARK = "tu"  # tu:<bus id>:<user id>: ... and undoes it
TOUR_PHONE = "tph"  # offer to share one's phone number with the bus leader
ATTEND_CODE = "abs"  # abs:<session id>: show the current check-in code of a session
FEEDBACK = "fb"  # fb:<session id>:<1-5 stars>
FEEDBACK_OFF = "fbx"  # no more feedback questions
MATERIALS = "mt"  # mt:<session id>: the session's materials
EVALUATION = "ev"  # ev:<question id>:<1-5, a choice's index, or - to skip>
ASK_PANITIA = "qa"  # qa:<key of the declined question kept for the delegate>: Tanya panitia
QUESTION_SAVE = "qs"  # qs:<question id>: save the answered question as an FAQ entry
QUESTIONS = "qo"  # the open questions (/pertanyaan); also marks a relayed question

# The organizer tools: "o" + one letter, and no other action starts with "o" (an unknown
# "o…" button is refused to non-organizers like any organizer button, handlers/fallback.py).
# Only ORG_READ is for everyone.
ORGANIZER_NAMESPACE = "o"
ORG_AUDIENCE = "oa"  # oa:<announcement>:<all|tour|org|grp|sess|reg|menu>, oa:<a>:s:<session>
ORG_URGENT = "ou"  # ou:<announcement>: toggle the "Sudah dibaca" button
ORG_SEND = "os"  # os:<announcement>: confirm
ORG_DISCARD = "ox"  # ox:<announcement>: cancel the draft
ORG_READ = "or"  # or:<announcement>: a recipient confirms reading
ORG_REPORT = "op"  # op:<announcement>: refresh the delivery report
ORG_RELOAD = "ol"  # ol:<digest of the data file>: apply /muatulang
ORG_EDIT_SESSION = "oe"  # oe:<session>: what to change
ORG_EDIT_MOVE = "om"  # om:<session>:<new start, unix time>: preview a move
ORG_EDIT_VENUE = "ov"  # ov:<session>:<venue>: preview a venue change
ORG_EDIT_APPLY = "oy"  # oy:<session>:t:<unix> or oy:<session>:v:<venue>
ORG_DISMISS = "oq"  # close a preview without doing anything

#: Argument values, not actions (they never start a button's data).
_ARGUMENTS = frozenset({"NETWORK", "ALL"})


def actions() -> dict[str, str]:
    """Every callback action of the bot, by constant name (for the uniqueness test)."""
    return {name: value for name, value in globals().items()
            if name.isupper() and isinstance(value, str) and name not in _ARGUMENTS
            and name != "ORGANIZER_NAMESPACE"}


def is_organizer_action(action: str) -> bool:
    return action.startswith(ORGANIZER_NAMESPACE)


@dataclass(frozen=True, slots=True)
class Callback:
    action: str
    arg: str = ""


def encode(action: str, arg: str = "") -> str:
    data = f"{action}:{arg}" if arg else action
    if len(data.encode("utf-8")) > MAX_BYTES:
        raise ValueError(f"callback data over {MAX_BYTES} bytes: {data!r}")
    return data


def decode(data: str | None) -> Callback:
    action, _, arg = (data or "").partition(":")
    return Callback(action, arg)


def number(text: str) -> int | None:
    """A non-negative integer argument (an id, an index, minutes), or None.

    Only ASCII digits count: `str.isdigit` also accepts "²" or "١", which `int` then refuses
    or reads as a number nobody typed on purpose. Values SQLite cannot store are None too, so
    forged button data or a mistyped command argument never reaches a query as an overflow.
    """
    if not text or not text.isascii() or not text.isdigit() or len(text) > 19:
        return None
    value = int(text)
    return value if value <= MAX_NUMBER else None
