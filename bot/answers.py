"""How a typed question is answered: a practical answer, a quoted passage, an intent's card
with a generated sentence on top, or the honest decline (pure, no Telegram).

The free-text handler sends what the plan says; the bench times understanding plus this.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from html import escape

from bot import coverage, howto, render_answers, render_howto, textnorm, zones
from bot.faq import answer_on
from bot.i18n import Translator
from bot.memo import per_event
from bot.model import Event, Faq, SessionKind, Text
from bot.regions import asker_origin
from bot.retrieval import Hit, Source, answer_passage, index_for, unseen_words
from bot.understanding import (
    MAX_QUESTIONS,
    Fact,
    Intent,
    Relation,
    Understanding,
    understand_all,
    understander_for,
)
from bot.understanding.lexicon import (
    ASK_HOW_MANY,
    BETWEEN_WORDS,
    BRING,
    COMPANIONS,
    CONTEXT,
    EVENT_WORDS,
    FIRST_PERSON,
    GATHER_WORDS,
    GENERAL,
    GOING_HOME,
    IN_CHARGE,
    ITEM_NOUNS,
    KIND_WORDS,
    LEXICON,
    ORGANIZERS,
    OTHER_PEOPLE,
    OTHER_THAN,
    PERSONAL_DETAILS,
    PROGRAMME_WORDS,
    QUESTION_WORDS,
    REACH_VERBS,
    REGISTERED,
    RELATIONS,
    RESUME,
    SPEAKER_WORDS,
    STATUS_ASKED,
    TITLE_WORDS,
    TOUR_TIMES,
    VENUE_WORDS,
    WHO,
)
from bot.when import when_from_tokens


class PlanKind(StrEnum):
    FAQ = "faq"  # the organizers' practical answer
    PASSAGE = "passage"  # a quoted piece of the event's text, with its source
    INTENT = "intent"  # the card of what was understood, a generated sentence on top
    DECLINE = "decline"  # not in the data: say so
    HOWTO = "howto"  # how to do something with the bot: the command, and its button


@dataclass(frozen=True, slots=True)
class Plan:
    """How one question is answered: a practical answer, a quoted passage, an intent's card,
    or the decline."""

    kind: PlanKind
    question: Understanding
    lead: list[str]
    faq: Faq | None = None
    hit: Hit | None = None
    #: The bot's features a how-to question asks about (`PlanKind.HOWTO`).
    features: tuple[howto.Feature, ...] = ()


def plan_answer(event: Event, q: Understanding, t: Translator) -> Plan:
    """How to answer one understood question; a misspelt day word that was read is said."""
    words = set(textnorm.simple_tokens(q.question))
    if _asks_others_data(textnorm.simple_tokens(q.question)):
        return Plan(PlanKind.DECLINE, q, [])
    if words & _TERM and q.speaker_ids:
        # "how long is X's term as president?": the span of an office, which the speaker's
        # own text says with its years ("… for 2017–2021"), not the session's length.
        hit = _term_passage(event, q)
        if hit is not None:
            return Plan(PlanKind.PASSAGE, q, render_answers.passage_lines(event, hit, t),
                        hit=hit)
        q = replace(q, facts=tuple(f for f in q.facts if f is not Fact.LENGTH))
    if (q.intent is Intent.RSVP and _names_desk(event, q)
            and not _SIGN_UP & set(howto.asked(event, q.question))):
        # "gmn cara daftar ulang bsk?", "re-registration tomorrow?": re-registering on arrival
        # is the registration desk's item (its time and place), not signing up with the bot.
        q = replace(q, intent=Intent.SESSION)
    if q.intent in _PARAPHRASED and not (q.session_ids or q.speaker_ids or q.venue_ids
                                         or q.stops or q.faq_id):
        item = _item_paraphrased(event, q)
        if item is not None:
            # "sesi pengenalan program jaringan X hari apa?": no title or tag is said, but one
            # item's own text (description, speakers) says every word asked, in those words
            # or others of the same sense: that item, not the event's card.
            q = replace(q, intent=Intent.SESSION, session_ids=(item,), confidence=0.5)
    if q.faq_id is None and howto.proves_attendance(q.question) and (
            faq := next((f for f in event.faq
                         if set(f.keywords) & howto.CERTIFICATE_WORDS), None)) is not None:
        # "ada surat keterangan hadir?", "proof of attendance?": the certificate of
        # attendance, which the organizers' practical answer about certificates says.
        q = replace(q, faq_id=faq.id)
    others = _companions(event, q) if q.intent is Intent.SPEAKER else ()
    if others:
        # "who accompanies the president at the press conference?": the item's other
        # speakers, not the one named (by name, or by an office of their position).
        q = replace(q, speaker_ids=others)
    if q.intent is Intent.REMINDER and (q.day or q.session_ids) and _asks_told(event, q):
        # "tlg ingetin jdwl hr ke-2", "ingetin dong sosialisasi jm brp": "ingetin" asks to be
        # told that day's programme or the session's time; how to get reminders is one line.
        told = _plan(event, replace(q, intent=Intent.SESSION if q.session_ids
                                    else Intent.SCHEDULE), t)
        if told.kind is PlanKind.INTENT:
            return replace(told, lead=[
                *told.lead, render_howto.line(howto.Feature.REMINDERS, event, t)])
    tour_id = event.tour.session_id if event.tour is not None else None
    if not (q.intent is Intent.CITY_TOUR or q.stops or tour_id in q.session_ids
            or _asks_bring(event, q)) and (faq := coverage.bring_faq(event, q)) is not None:
        # "What documents should I bring for registration?": the organizers' practical
        # answer that says what to bring there (the desk's card has no such list).
        q = replace(q, faq_id=faq.id)
        return Plan(PlanKind.FAQ, q, [_faq_line(faq, t, event, q)], faq=faq)
    if _asks_bring(event, q):
        # "perlu bawa payung ga bsk?": a thing on the tour's list of what to bring.
        tour = event.tour
        assert tour is not None
        q = replace(q, intent=Intent.CITY_TOUR, facts=(Fact.TOUR_BRING,),
                    session_ids=(tour.session_id,))
    if (q.intent is Intent.VENUE and not (q.venue_ids or q.session_ids or q.stops or q.day
                                          or q.period or q.time)
            and Fact.VENUES not in q.facts
            and not set(textnorm.simple_tokens(q.question)) & _EVERY
            and (main := event.main_venue()) is not None):
        # "seminarnya diselenggarakan di gedung mana?", "where is the venue pls": one place
        # asked for, no item named, is the event's main venue, not every place it uses (a
        # dinner's, the tour's), which the delegate might go to instead; "which sessions are
        # not at the main venue?", "acara di tempat lain?": the places other than it, whose
        # cards list their items.
        others = tuple(v for v in event.venues if v != main)
        q = replace(q, venue_ids=others if others and _asks_others(event, q) else (main,))
    elif (q.intent is Intent.VENUE and q.venue_ids and not (q.session_ids or q.stops)
            and (others := tuple(v for v in event.venues if v not in q.venue_ids))
            and _asks_others(event, q)):
        # "acara apa aja yg ga di balai kota?", "selain balai kota ada tempat lain?": the
        # places other than the one named, whose cards list their items.
        q = replace(q, venue_ids=others)
    if q.intent is Intent.VENUE and q.session_ids and q.venue_ids:
        at = {s.venue_id for sid in q.session_ids if (s := event.session(sid)) is not None}
        if at and not at & set(q.venue_ids):
            # "press conference where, is it in city hall?": the item is elsewhere; its own
            # venue's card, not the card of the place the asker guessed.
            q = replace(q, venue_ids=tuple(sorted(at)))
    plan = _plan(event, q, t)
    if (plan.kind is PlanKind.INTENT and q.intent not in _OWN_CONTACTS and q.relation is None
            and not _converts_zone(plan) and coverage.asks_contact(event, q.question)):
        # "alamat email pak menteri?", "nomor kontak sekretariat": the contacts answer
        # it (or decline it), not the card of the session or venue the words also name.
        q = replace(q, intent=Intent.CONTACT, session_ids=(), venue_ids=())
        plan = Plan(PlanKind.INTENT, q, [])
    if (plan.kind is PlanKind.INTENT and q.intent is Intent.SPEAKER and q.speaker_ids
            and all(_contact_of(event, sp) for sp in q.speaker_ids)
            and set(understander_for(event).normalizer.tokens(q.question))
            & (IN_CHARGE | REACH_VERBS)):
        # "Who is in charge at the secretariat?": an office that is one of the contacts
        # too; the person to reach there is its contact, not its card as a speaker.
        q = replace(q, intent=Intent.CONTACT, session_ids=(), venue_ids=())
        plan = Plan(PlanKind.INTENT, q, [])
    if plan.kind is PlanKind.INTENT and q.intent is Intent.CONTACT and q.regions:
        asked = _without_own_region(event, q.question)
        if asked is not None:
            # "Kami rombongan Pemkab Banyuwangi, mohon nomor panitia tuan rumah": the
            # delegation's own region introduces the asker; the organizers are asked for.
            q = replace(q, question=asked, regions=())
            plan = Plan(PlanKind.INTENT, q, [])
    if (plan.kind is PlanKind.INTENT and q.intent is Intent.HELP and _names_event_text(event, q)
            and not _names_an_item(event, q)):
        # "Can you tell me about Citynet Indonesia?": what the event's text says about it,
        # not the bot's help.
        q = replace(q, intent=Intent.ABOUT)
        plan = _plan(event, q, t)
    if (plan.kind is PlanKind.PASSAGE and plan.hit is not None
            and plan.hit.passage.source is Source.GROUP
            and q.facts in ((), (Fact.PARTICIPANTS,))
            and set(textnorm.simple_tokens(q.question)) & _WHICH):
        # "Which regions were invited?", "daerah mana saja yang diundang?", "participants
        # from which groups?": every group of participants, not the one sentence that best
        # matches.
        q = replace(q, intent=Intent.ABOUT, facts=(Fact.PARTICIPANTS,))
        plan = Plan(PlanKind.INTENT, q, render_answers.lead(event, q, t))
    if (plan.kind is PlanKind.INTENT and q.intent is Intent.VENUE
            and not (q.venue_ids or q.session_ids)):
        venue = coverage.venue_saying(event, q.question)
        if venue is not None:
            # "rapat persiapan dulu diadakan di mana?": the one venue whose text says it
            # (its notes), not the list of venues, which does not show their notes.
            q = replace(q, venue_ids=(venue,), facts=())
            plan = Plan(PlanKind.INTENT, q, render_answers.lead(event, q, t))
    if _every_one(plan) and (q.day or q.period or q.time):
        # "besok siapa aja pembicaranya?", "where are tomorrow's sessions?": that day's (or
        # part of the day's) programme names its speakers and venues; the list of all of
        # them would not.
        q = replace(q, intent=Intent.SCHEDULE)
        plan = Plan(PlanKind.INTENT, q, [])
    uncovered = _uncovered(event, replace(plan, question=replace(
        q, question=_ACCOMPANYING_RE.sub("", q.question))) if others else plan)
    if uncovered or _off_data(event, plan):
        # A card about a generic word of the question, not about what it asks: decline,
        # with what the data does say around it (the venues' addresses for how far they
        # are, the tour's times and whom to call for one who is late).
        plan = Plan(PlanKind.DECLINE, q, _said_around(event, q, t) if uncovered else [])
        reason = _reason_passage(event, q) if coverage.asks_why(event, q.question) else None
        if reason is not None:
            # "kenapa daerah perlu gabung citynet?": the event's text gives the reason ("…
            # salah satu cara mempercepat …"); quoted, with its source.
            plan = Plan(PlanKind.PASSAGE, q, render_answers.passage_lines(event, reason, t),
                        hit=reason)
    # A span of a day asked ("… tiba jam 10: sesi mana yang masih bisa saya ikuti?") is
    # answered by the programme of that span, not by how to join a session.
    features = howto.asked(event, q.question) if q.until is None else ()
    if q.intent is Intent.NOW_NEXT and _names_desk(event, q):
        # "skrg udh bs regis blm?": whether the registration desk is open now; registering
        # with the bot has no hours.
        features = tuple(f for f in features if f is not howto.Feature.REGISTER)
    if howto.Feature.LANGUAGE in features and _names_speaker(event, q):
        # "Prof Lee bisa bahasa Indonesia?": the speaker's languages, not the bot's /bahasa;
        # the data does not say them.
        return Plan(PlanKind.DECLINE, q, [])
    if features:
        plan = _howto(event, q, plan, features, t)
        if plan.kind is PlanKind.HOWTO and coverage.unsaid_in_line(
                event, coverage.uncovered_howto(event, q, plan.faq.id if plan.faq else None),
                " ".join(plan.lead)):
            # "kartu hilang, bisa cetak ulang?": a problem the line does not speak of ("nama
            # salah?" the profile's line does).
            plan = Plan(PlanKind.DECLINE, q, [])
        elif (uncovered and plan.kind is PlanKind.HOWTO
              and coverage.unsaid_in(event, q, " ".join(plan.lead))):
            # "kalau sakit, bisa refund transport city tour?": the card was declined for
            # what the question is about (money, a thing: `coverage.OFF_TOPIC`, `THINGS`),
            # which the how-to line (joining the tour) does not speak of either.
            plan = Plan(PlanKind.DECLINE, q, [])
    if q.readings and plan.kind is not PlanKind.DECLINE:
        plan = replace(plan, lead=[render_answers.readings_line(q.readings, t), *plan.lead])
    return plan


def _said_around(event: Event, q: Understanding, t: Translator) -> list[str]:
    """What the data says next to a question it cannot answer: how far places are (the
    venues' addresses and maps: the one named, the main one when "the venue" is meant), or
    what happens to one late for the tour (its gathering and departure, the bus leaders)."""
    tour_id = event.tour.session_id if event.tour is not None else None
    if (q.intent is Intent.CITY_TOUR or tour_id in q.session_ids) and coverage.asks_late(
            event, q):
        return render_answers.late_lines(event, q, t)
    if q.intent is not Intent.VENUE or q.session_ids or not coverage.asks_distance(event, q):
        return []
    venues = q.venue_ids
    main = event.main_venue()
    words = set(understander_for(event).normalizer.tokens(q.question))
    if main is not None and main not in venues and (not venues or words & _MAIN):
        venues = (*venues, main)
    return render_answers.venue_lines(event, venues, t)


#: "bus skrg di mana?": where the tour is now, which its route at the minute says.
_WHERE_NOW = frozenset({"mana", "dimana", "where"})
#: "the main venue", "gedung utama": the event's main venue.
_MAIN = frozenset({"main", "utama"})


@dataclass(frozen=True, slots=True)
class Reading:
    """What a whole message asks and how each question is answered: the questions, best
    first; a day word that could not be read (then nothing is planned: the bot asks back);
    the plans, one per question."""

    questions: tuple[Understanding, ...]
    doubt: tuple[str, str] | None
    plans: tuple[Plan, ...]


def read_message(text: str, event: Event, now: datetime, t: Translator) -> Reading:
    """Understand a message and plan every answer, as of `now`'s minute.

    A pure function of the text, the event, the minute and the language (nothing of the
    delegate's own), so it is memoised: delegates send the same questions ("jadwal besok",
    "wifi?") many times a minute, and understanding is most of free text's cost. Event times
    have minutes at most, so reading at the minute's start changes no answer; every reading
    uses it, memoised or not, so both give the same reply.
    """
    minute = now.replace(second=0, microsecond=0)
    memo = _memo_for(event)
    key = (text, minute, t.lang)
    found = memo.get(key)
    if found is not None:
        memo.move_to_end(key)
        return found
    questions = understand_all(text, event, minute)
    doubt = next((d for q in questions[:MAX_QUESTIONS] for d in q.doubts), None)
    planned: list[Plan] = []
    for i, q in enumerate(questions if doubt is None else ()):
        if i >= MAX_QUESTIONS:
            # A letter asking five things: the first ones answered, the rest declined
            # together (the Tanya panitia button carries them), not left out in silence.
            planned.append(Plan(PlanKind.DECLINE, q, []))
            continue
        planned.append(_in_context(event, questions, i, plan_answer(event, q, t), planned,
                                   minute, t))
    if len({q.day for q in questions if q.day is not None}) > 1:
        # "dress code kamis apa, trus jumat apa?": days asked in turn; the practical answer
        # whole says each day's part (one day's part would leave the other unanswered).
        planned = [_whole_faq(event, p, t) for p in planned]
    plans = tuple(planned)
    found = Reading(questions, doubt, plans)
    memo[key] = found
    if len(memo) > _MEMO_SIZE:
        memo.popitem(last=False)
    return found


def _asks_others_data(tokens: Sequence[str]) -> bool:
    """Other delegates' personal data, which the bot never gives (the panitia decide): their
    names, phones, e-mails ("minta daftar nama dan no hp semua peserta dari X", "participant
    names and emails": not the registration how-to "daftar" nor a region's contact card), or
    whether one of them registered ("teman saya sudah daftar ko belum?", "has my colleague
    registered yet?": not the asker's own registration). The asker's own details ("nama
    kami belum tercantum", "my name") are theirs, not others' data."""
    words = set(tokens)
    others = {w for i, w in enumerate(tokens) if w in PERSONAL_DETAILS
              and not (i + 1 < len(tokens) and tokens[i + 1] in FIRST_PERSON)
              and not (i and tokens[i - 1] in FIRST_PERSON)}
    return bool((words & OTHER_PEOPLE and others and not words & ORGANIZERS)
                or (words & COMPANIONS and words & REGISTERED and words & STATUS_ASKED))


def _whole_faq(event: Event, plan: Plan, t: Translator) -> Plan:
    if plan.kind is not PlanKind.FAQ or plan.faq is None or plan.question.day is None:
        return plan
    q = replace(plan.question, day=None)
    return replace(plan, question=q, lead=[_faq_line(plan.faq, t, event, q)])


def _in_context(event: Event, questions: tuple[Understanding, ...], i: int, plan: Plan,
                before_plans: list[Plan], now: datetime, t: Translator) -> Plan:
    """A later question read with what the one before named, when only then a passage of the
    event's text answers it ("siapa presiden jaringan X? sejak kapan kabupaten Y jadi
    anggota?": a member of the network named before, not the session on membership); a part
    that would be declined may also take a card covering all of its words then."""
    q = questions[i]
    if (i > 0 and plan.kind is not PlanKind.DECLINE
            and coverage.asks_other_year(event, questions[i - 1].question)
            and not _names_own(q)):
        # "kapan seminar tahun depan dan di kota mana?": the place asked is that other
        # edition's too, which the data does not hold (this edition's city would be wrong).
        return Plan(PlanKind.DECLINE, q, [])
    if i == 0 or plan.kind not in (PlanKind.INTENT, PlanKind.DECLINE) or q.relation is not None:
        return plan
    if plan.kind is PlanKind.INTENT and q.facts:
        return plan
    understander = understander_for(event)
    before = questions[i - 1].question
    named = understander.named_words(before)
    contexts = [named] if named and not set(named.split()) <= set(
        understander.normalizer.tokens(q.question)) else []
    if plan.kind is PlanKind.DECLINE:
        # "X berdiri tahun berapa dan programnya apa aja?": "-nya" is the network's;
        # one passage of its text answers the whole sentence.
        contexts.append(before)
    for context in contexts:
        joined = f"{context} {q.question}"
        found = plan_answer(event, replace(understander.understand(joined, now),
                                           question=joined), t)
        if found.kind is PlanKind.PASSAGE or (
                plan.kind is PlanKind.DECLINE and found.kind is PlanKind.INTENT
                and _card(found) != _card(before_plans[-1])):
            # A card is taken only for a part that would be declined: the joined question's
            # words, this part's among them, are all on it (`_uncovered`); never the card of
            # the part before again, which would leave this part unanswered in silence.
            return found
    return plan


def _asks_told(event: Event, q: Understanding) -> bool:
    """Whether a reminder's words ask to be told now: a question or the programme asked
    for ("ingetin jadwal besok", "remind me what time …"), not a time before something
    ("ingatkan saya 30 menit sebelum keynote")."""
    words = set(understander_for(event).normalizer.tokens(q.question))
    # "pengingat city tour dikirim kapan?", "when are the reminders sent?": the reminders
    # themselves are asked about (the normalizer reads "reminder(s)" as the noun).
    about = "pengingat" in words and "ingatkan" not in words
    return bool(words & _TOLD and not words & _AHEAD) and not about


#: Asking something, or for the programme: what a reminder's words ask to be told.
_TOLD = (QUESTION_WORDS - {"ada", "tanya", "bertanya", "menanyakan"}) | (
    PROGRAMME_WORDS - {"hari", "days"})
#: A reminder set ahead of something: the request is the reminder itself.
_AHEAD = frozenset({"sebelum", "before", "menit", "minutes", "mins"})


def _names_own(q: Understanding) -> bool:
    """Whether a question names something of its own: a day or time, an item, a region."""
    return bool(q.day or q.period or q.time or q.session_ids or q.speaker_ids or q.venue_ids
                or q.regions or q.stops or q.faq_id or q.relation)


def _card(plan: Plan) -> tuple[object, ...]:
    """What a plan shows: its kind, and the card's intent and items (and the span of the
    day it lists: "sampai jam 10. setelah itu?" is the day from 10, not the items at 10)."""
    q = plan.question
    return (plan.kind, q.intent, q.session_ids, q.speaker_ids, q.venue_ids, q.facts, q.faq_id,
            q.until)


#: Messages remembered per event: a few minutes of a busy event's questions; the oldest go.
_MEMO_SIZE = 2048


@per_event(2)  # a reloaded event file is a new Event, with a new memo
def _memo_for(event: Event) -> OrderedDict[tuple[str, datetime, str], Reading]:
    return OrderedDict()


#: Intents whose card holds contacts of its own (the tour card: the delegate's bus leader).
_OWN_CONTACTS = frozenset({Intent.CONTACT, Intent.CITY_TOUR})


def _asks_bring(event: Event, q: Understanding) -> bool:
    """Whether a question nothing else reads asks about bringing a thing the tour's list
    of what to bring names ("perlu bawa payung?")."""
    tour = event.tour
    if tour is None or not tour.bring or q.intent is not Intent.UNKNOWN or q.faq_id:
        return False
    normalizer = understander_for(event).normalizer
    words = set(normalizer.tokens(q.question))
    if not words & BRING:
        return False
    listed = {w for item in tour.bring for lang in ("id", "en")
              for w in normalizer.tokens(item.get(lang))} - GENERAL - BRING
    return bool(words & listed - textnorm.PARTICLES)


#: Words that give a reason or a purpose ("agar", "sehingga", "salah satu cara …", "so
#: that"): a passage saying one answers "why"; without one, a fact is no reason.
_REASON_RE = re.compile(r"\b(?:agar|supaya|sehingga|karena|demi|cara|manfaat|bermanfaat|"
                        r"so that|because|in order to|a way to|benefits?)\b", re.IGNORECASE)


def _reason_passage(event: Event, q: Understanding) -> Hit | None:
    """The passage of the event's text (not a practical answer: its own rule) that covers a
    "why" question and says a reason, or None."""
    def fits(text: Text) -> bool:
        return any(_REASON_RE.search(x) for x in (text.get("id"), text.get("en")) if x)

    hit = answer_passage(event, q.question, fits=fits)
    return hit if hit is not None and hit.passage.source is not Source.FAQ else None


def _off_data(event: Event, plan: Plan) -> bool:
    """What the data cannot say, whatever card the words reach: another edition of the event
    ("tahun lalu", "next year"), or why a fact is so ("kenapa X tuan rumah?") when only the
    fact would be shown."""
    if plan.kind is PlanKind.DECLINE:
        return False
    q = plan.question
    if coverage.asks_other_year(event, q.question):
        return True
    return (plan.kind is PlanKind.INTENT and q.intent in _NO_REASONS and q.faq_id is None
            and coverage.asks_why(event, q.question))


#: Intents whose answer is a fact or a card, never the reason for it.
_NO_REASONS = frozenset({Intent.ABOUT, Intent.VENUE, Intent.SPEAKER, Intent.CONTACT,
                         Intent.CITY_TOUR, Intent.SCHEDULE, Intent.SESSION, Intent.NOW_NEXT,
                         Intent.RSVP, Intent.HELP})


#: Intents whose card, naming nothing, lists every one of its kind, whatever day is asked.
_EVERY_ONE = frozenset({Intent.SPEAKER, Intent.VENUE})


#: Intents whose card is an item on its own day (the schedule says a day is empty itself).
_ON_ITS_DAY = frozenset({Intent.SESSION, Intent.SPEAKER, Intent.CITY_TOUR, Intent.VENUE})


def _every_one(plan: Plan) -> bool:
    """Whether the plan's card would list every speaker or venue of the event."""
    q = plan.question
    return (plan.kind is PlanKind.INTENT and q.intent in _EVERY_ONE and not plan.lead
            and not (q.facts or q.session_ids or q.speaker_ids or q.venue_ids or q.relation))


def _converts_zone(plan: Plan) -> bool:
    """Whether the plan's lead gives an item's times in another zone ("kalau jam HP saya
    WIB, keynote jam berapa WIB?": the phone is a clock there, not a number asked for)."""
    return len(plan.question.session_ids) == 1 and any(
        w in zones.INDONESIAN_ZONES for w in textnorm.simple_tokens(plan.question.question))


def _region_unsaid(event: Event, question: str) -> bool:
    """Whether the question names a region the participant groups do not name."""
    understander = understander_for(event)
    tokens = understander.normalizer.tokens(question)
    groups = " ".join(g.get(lang).lower() for g in event.participant_groups
                      for lang in ("id", "en"))
    return any(all(region.lower() not in groups for region in mention.regions)
               for mention in understander.region_index.mentions(tokens))


def _names_another_item(event: Event, q: Understanding) -> bool:
    """Whether the question names a kind of programme item other than its anchor and the
    item related to it ("makan" names the lunch breaks)."""
    understander = understander_for(event)
    return any(q.anchor_id not in ids and not set(q.session_ids).intersection(ids)
               for w in understander.normalizer.tokens(q.question)
               if (ids := understander.item_words.get(w)))


def _names_an_item(event: Event, q: Understanding) -> bool:
    """Whether a word of the question names a kind of programme item ("makan")."""
    understander = understander_for(event)
    return any(w in understander.item_words for w in understander.normalizer.tokens(q.question))


def _uncovered(event: Event, plan: Plan) -> bool:
    """Whether the plan's card leaves a specific word of the question unanswered
    (bot/coverage.py): "boleh bawa istri ikut city tour?" is not answered by the tour card."""
    q = plan.question
    if plan.kind is PlanKind.FAQ and plan.faq is not None:
        return bool(coverage.uncovered(event, q, plan.faq.id)
                    or coverage.things_unsaid(event, q, plan.faq)
                    or coverage.handout_unsaid(event, replace(q, faq_id=plan.faq.id)))
    if plan.kind is not PlanKind.INTENT:
        return False
    if q.intent in _ITEM_CARDS and coverage.handout_unsaid(event, q):
        # "Ada kaos city tour yang dibagikan panitia?": the tour's card (and the dress code
        # joined to it) says nothing is handed out.
        return True
    if q.relation is Relation.BETWEEN:
        # "ada jeda antara X dan Y?": the sentence says what is between, or the gap.
        return any(w not in BETWEEN_WORDS for w in coverage.uncovered(event, q))
    if q.intent is Intent.HELP and _names_an_item(event, q):
        # "makan siangnya menu apa?": the lunch's menu, not the bot's; the programme does
        # not say what is served.
        return True
    if q.intent is Intent.ABOUT and not (q.facts or plan.lead) and coverage.asks_count(
            event, q.question):
        # "berapa jumlah anggota se-asia pasifik?": the description has no such number.
        return True
    if q.intent is Intent.ABOUT and not q.facts and coverage.asks_ordinal(event, q.question):
        # "ini seminar citynet yg ke berapa?": the description does not number the editions.
        return True
    if q.intent is Intent.VENUE and not plan.lead and coverage.distance_unsaid(event, q):
        # "dari balai kota ke restoran jauh ga?": the venues' cards hold no distances.
        return True
    if q.intent is Intent.RSVP and q.regions and coverage.asks_number(event, q.question):
        # "peserta dari Kab. Ende yg hadir brp org?": the delegate's own attendance is not
        # a region's count, which the data does not hold.
        return True
    if Fact.PARTICIPANTS in q.facts and _region_unsaid(event, q.question):
        # "berapa peserta dari kabupaten X?": the data counts the whole event's participants
        # (and the groups it names), not each region's.
        return True
    if (q.intent in (Intent.SESSION, Intent.SPEAKER) and q.session_ids and not q.speaker_ids
            and q.relation is None and coverage.asks_who(event, q.question)
            and not any(s.speaker_ids for s in map(event.session, q.session_ids) if s)):
        # "next speaker siapa?" read as the coffee break: a card naming nobody for "who".
        return True
    if q.scope is not None and coverage.asks_who(event, q.question) and (
            item := render_answers.scope_item(event, q)) is not None and not item.speaker_ids:
        # "sesi pertama siapa yang bawa?" on a day that opens with registration: the first
        # item has no one to name.
        return True
    if q.relation in (Relation.AFTER, Relation.BEFORE) and _names_another_item(event, q):
        # "setelah penutupan ada makan siang bersama?": nothing follows in the programme,
        # but whether that meal is held the programme does not say; "ada makan siang abis
        # tour?": the closing follows, which is not the meal asked about.
        return True
    if (q.intent in (Intent.SESSION, Intent.SPEAKER, Intent.ABOUT)
            and coverage.role_unsaid(event, q)):
        # "siapa kepala dinas kominfo?" reaches the keynote through "kominfo": its speaker
        # holds another office.
        return True
    if (q.intent is Intent.VENUE and not (q.session_ids or q.venue_ids or q.facts or plan.lead)
            and coverage.asks_when(event, q.question)):
        # "jam brp harus udah di lokasi?": the list of venues has no time in it.
        return True
    if (q.day is not None and q.intent in _ON_ITS_DAY and q.day not in event.days
            and not q.facts):
        # "sentra tenun buka jam berapa hari minggu?": a card of the event's own days for a
        # day the event does not have.
        return True
    if _every_one(plan) and (q.time or any(
            RELATIONS.get(w) in (Relation.AFTER, Relation.BEFORE)
            for w in understander_for(event).normalizer.tokens(q.question))):
        # "siapa pembicara jam 2?": the list of every speaker (or venue) of the event is
        # not that hour's; naming the others would be a wrong fact. Nor is it who comes
        # after (before) an item not found ("sesudah pak bupati siapa yg ngisi?": which one).
        return True
    if (q.intent is Intent.VENUE and not (q.facts or plan.lead or q.session_ids)
            and coverage.asks_number(event, q.question)
            and coverage.number_unsaid(event, q)):
        # "berapa kapasitas ruang utama?": a venue card with no number in it.
        return True
    if q.intent is Intent.CONTACT and q.speaker_ids and not q.regions and not any(
            _contact_of(event, sp) for sp in q.speaker_ids):
        # "minta nmr hp pak wali kota": a speaker's own number, which no contact is.
        return True
    if (q.intent in _ITEM_CARDS and not _converts_zone(plan)
            and coverage.condition_unsaid(event, q)):
        # "kalo sy telat kumpul tour, ditinggal ga?": the tour's card says when to gather,
        # not what happens to one who is late ("kalau jam HP saya WIB, …" is a clock in
        # another zone, which the lead converts to).
        return True
    if (q.intent is Intent.CITY_TOUR and not (q.facts or q.stops)
            and coverage.asks_late(event, q) and not coverage.asks_when(event, q.question)
            and not _WHERE_NOW & set(understander_for(event).normalizer.tokens(q.question))):
        # "beta talat ni, bus su jalan ko?", "I'm late, has the bus gone?": whether it waits
        # or has left is not in the data; the decline says when it gathers and leaves and
        # whom to call (`_said_around`).
        return True
    if q.intent in _ITEM_CARDS and coverage.asks_arrived(event, q.question):
        # "pak menteri su datang ko?": whether he has arrived is not in the programme.
        return True
    if q.intent in _BRING_CARDS and coverage.bring_unsaid(event, q):
        # "perlu bawa apa saat registrasi?": the desk's card has no list of things to bring.
        return True
    if (q.intent in _ITEM_CARDS and not (q.relation is not None and len(q.session_ids) > 1)
            and coverage.off_day(event, q)):
        # "ada makan siang hari Jumat?": lunch is on the other days, none on Friday. (After
        # an item, the item asked about is shown with its own day beside what does follow:
        # "after X is there a closing today?" is told the closing's day.)
        return True
    if coverage.details_unsaid(event, q):
        # "kapan batas akhir pendaftaran?": the registration desk's card has no deadline.
        return True
    missing = [w for w in coverage.uncovered(event, q) if not _kind_shown(event, q, w)
               and not (q.until is not None and w in BETWEEN_WORDS)  # "between 10 and 12"
               and not (q.relation is Relation.AFTER and (w in GOING_HOME or w in RESUME))]
    if missing and q.faq_id is not None:  # the practical answer joins the card
        shown = coverage.shown_words(event, q, q.faq_id)
        faq = next((f for f in event.faq if f.id == q.faq_id), None)
        # Its keywords route, they do not answer: "masjid" is not the prayer room.
        unsaid = set(coverage.things_unsaid(event, q, faq)) if faq is not None else set()
        missing = [w for w in missing if not coverage.is_shown(w, shown) or w in unsaid]
    return bool(missing)


def _without_own_region(event: Event, question: str) -> str | None:
    """The question without the region its asker introduces himself with, when what it asks
    for is the organizers ("kami dari delegasi Kota Bogor mohon narahubung panitia tuan
    rumah" asks for the panitia); None when no such introduction."""
    understander = understander_for(event)
    tokens = understander.normalizer.tokens(question)
    mentions = understander.region_index.mentions(tokens)
    if len(mentions) != 1:
        return None  # "beta pung tamang dari Alor …, kontak panitia Alor?": Alor is asked
    mention = mentions[0]
    if not asker_origin(tokens, mention):
        return None
    start = next(i for i in range(max(0, mention.start - 4), mention.start)
                 if tokens[i] in FIRST_PERSON)
    return " ".join([*tokens[:start], *tokens[mention.end:]])


#: Intents whose card shows one item of the event (or the event): what it is, not what
#: happens under a condition.
_ITEM_CARDS = frozenset({Intent.SESSION, Intent.SPEAKER, Intent.VENUE, Intent.CITY_TOUR,
                         Intent.ABOUT})


#: An office's span of time ("masa jabatan", "term"): not a session's length.
_TERM = frozenset({"term", "tenure", "jabatan", "menjabat", "jabatannya", "periode",
                   "periodenya"})
_YEARS = re.compile(r"\b(?:19|20)\d\d\s*[–-]\s*(?:19|20)\d\d\b")


def _term_passage(event: Event, q: Understanding) -> Hit | None:
    """The named speaker's sentence that holds a span of years, when there is one."""
    words = set(index_for(event).content(q.question))
    for p in index_for(event).passages:
        if (p.source is Source.SPEAKER and p.ref in q.speaker_ids
                and _YEARS.search(p.text.get("id"))):
            return Hit(p, 1.0, len(words & (p.words | p.related)))
    return None


#: Asking which ones (a list, not one of them). Chat's "sapa" and "aja" are read as "siapa"
#: and "saja" by textnorm (`SLANG`) before this set sees them.
_WHICH = frozenset({"which", "mana", "siapa", "who", "saja", "apa", "what"})


def _names_event_text(event: Event, q: Understanding) -> bool:
    """Whether the question names something of the event's own text (not general language,
    nor the bot's words: "citynet", a member's name)."""
    index = index_for(event)
    vocabulary = index.normalizer.vocabulary
    return any(w in index.by_word and w in vocabulary and w not in GENERAL and w not in LEXICON
               for w in index.content(q.question))


def _names_speaker(event: Event, q: Understanding) -> bool:
    """Whether the question names a speaker (understood, or a word of a name or alias)."""
    if q.speaker_ids:
        return True
    return bool(set(textnorm.simple_tokens(q.question)) & _name_words(event, aliases=True))


def _name_words(event: Event, aliases: bool) -> set[str]:
    """The words of the speakers' names (and aliases): only people's names, not an office, a
    place or the event's own name ("Perwakilan Pemerintah Kota Semarang", "Sekretariat
    Citynet Indonesia")."""
    places = set(textnorm.simple_tokens(" ".join(
        (*event.regions, event.name.get("id"), event.name.get("en"), event.city))))
    return {w for sp in event.speakers.values()
            for w in textnorm.simple_tokens(" ".join((sp.name, *(sp.aliases if aliases else ()))))
            if len(w) >= 4 and w.isalpha() and w not in GENERAL and w not in LEXICON
            and w not in places}


#: Intents whose card has no list of things to bring (the tour's has its own).
_BRING_CARDS = frozenset({Intent.SESSION, Intent.VENUE, Intent.SCHEDULE, Intent.ABOUT})


def _contact_of(event: Event, speaker_id: str) -> bool:
    """Whether one of the event's contacts is that speaker (by name)."""
    speaker = event.speaker(speaker_id)
    if speaker is None:
        return False
    name = speaker.name.lower()
    return any(name in c.name.lower() or c.name.lower() in name for c in event.contacts)


def _kind_shown(event: Event, q: Understanding, word: str) -> bool:
    """Whether `word` names the kind of every session the card shows ("sesi pleno": the
    plenary sessions), or of none on the day whose programme is shown ("hari ini ada sesi
    pleno?" on a day without one: the programme shows there is none)."""
    kind = KIND_WORDS.get(word)
    if kind is None:
        return False
    sessions = [s for sid in q.session_ids if (s := event.session(sid))]
    if sessions:
        return all(s.kind is kind for s in sessions)
    return q.intent is Intent.SCHEDULE and q.day is not None and not any(
        s.kind is kind for s in event.sessions_on(q.day))


def _plan(event: Event, q: Understanding, t: Translator) -> Plan:
    faq = next((f for f in event.faq if f.id == q.faq_id), None) if _faq_first(event, q) else None
    if faq is not None:
        return Plan(PlanKind.FAQ, q, [_faq_line(faq, t, event, q)], faq=faq)
    lead = render_answers.lead(event, q, t)

    index = index_for(event)

    def fits(text: Text) -> bool:
        return (text not in index.shared
                and coverage.fills_slot(event, q.question, text, text in index.timed))

    def elsewhere(hit: Hit) -> bool:
        # "Wali Kota Kupang siapa namanya?" names the speaker; a practical answer that
        # holds the same words only in the venue's name ("Wi-Fi di Kantor Wali Kota
        # Kupang") is not about them: the named item's card shows every word asked.
        if _about_named(q, hit):
            return False
        if (q.intent is Intent.VENUE and len(q.venue_ids) == 1
                and set(textnorm.simple_tokens(q.question)) & _WHERE_WORDS):
            # "Where is the Kupang Mayor's Office?": the venue named; its card has the
            # address, a session leaving from it does not.
            return True
        return hit.passage.source in _ELSEWHERE and _card_says_it(event, q)

    if q.relation is None:
        # Words no intent or entity knows ("siapa *wakil* wali kota?", "*penduduk* kupang"):
        # a passage holding all of them is more to the point than the intent's card.
        rest = unseen_words(event, q.question)
        # Every word counts here (not `lenient`): the intent's card is set aside only for a
        # passage that says the whole question.
        hit = (answer_passage(event, q.question, threshold=0.99, fits=fits, lenient=False)
               if rest else None)
        if (hit is not None and not elsewhere(hit) and not _names_no_one(event, q, hit)
                and all(w in hit.passage.words or w in hit.passage.related for w in rest)
                and fits(hit.passage.text)):
            return Plan(PlanKind.PASSAGE, q, render_answers.passage_lines(event, hit, t), hit=hit)
    if not (q.facts or q.relation or q.stops):
        # Second stage: a passage of the event's text that covers the question (what the
        # intents do not reach, like the background), quoted with its source.
        hit = answer_passage(event, q.question, fits=fits)
        if (hit is not None and not elsewhere(hit) and _passage_first(event, q, hit)
                and not _names_no_one(event, q, hit) and fits(hit.passage.text)):
            if q.intent is Intent.ABOUT and (
                    hit.passage.source in _EVENT_TEXT
                    or not (coverage.asks_when(event, q.question)
                            or coverage.asks_number(event, q.question))):
                return Plan(PlanKind.INTENT, q, render_answers.passage_lines(event, hit, t))
            # One detail (a year, a number) from a speaker's, session's or venue's own text
            # ("Sidoarjo gabung sejak 2009" from a speaker's profile): under it, that
            # source's card (its button), not the event's about card, whose own facts
            # (another year) the question did not ask.
            return Plan(PlanKind.PASSAGE, q, render_answers.passage_lines(event, hit, t), hit=hit)
    if q.intent is Intent.UNKNOWN:
        return Plan(PlanKind.DECLINE, q, [])
    faq = None if _who_then(event, q) else next((f for f in event.faq if f.id == q.faq_id), None)
    if faq is not None:
        # "dress code for the city tour?": the practical answer, then the tour's card.
        lead = [*lead, _faq_line(faq, t, event, q)]
    return Plan(PlanKind.INTENT, q, lead)


def route_asked(event: Event, q: Understanding) -> bool:
    """Whether the tour card's route (every stop) belongs under the answer: not when the
    question asks one detail the answer above it gives, where or when to gather, leave or
    get back ("tmpt kumpul tur dmn", "pulang city tour turun di mana", "what time does the
    bus leave?"), or another of the tour's facts (what to bring, the seats, the buses, a
    practical answer); the card's buttons (join, check in, the meeting point) stay."""
    if q.stops or Fact.TOUR_STOPS in q.facts:
        return True
    if q.facts or q.faq_id is not None:
        return False
    tokens = set(index_for(event).normalizer.tokens(q.question))
    return not (tokens & (GATHER_WORDS | TOUR_TIMES) or coverage.asks_when(event, q.question))


#: Being with someone at an item ("didampingi", "accompanied by"), in any form.
_ACCOMPANYING = frozenset(
    """didampingi mendampingi dampingi pendamping pendampingnya mendampinginya menemani
    ditemani temani accompany accompanies accompanied accompanying escort escorts escorted
    alongside""".split())  # noqa: SIM905 - a word list reads better as text


#: The words of being with someone: once the answer is the one with them, they are
#: answered; whether the card covers the rest of the question is checked without them.
_ACCOMPANYING_RE = re.compile(r"\b(?:" + "|".join(sorted(_ACCOMPANYING)) + r")\b", re.I)


def _companions(event: Event, q: Understanding) -> tuple[str, ...]:
    """The other speakers of the items named, when the question asks who is with one of
    them there; empty when it does not, or when an item has no one named among its speakers."""
    normalizer = index_for(event).normalizer
    tokens = set(normalizer.tokens(q.question))
    if not (tokens & WHO and tokens & _ACCOMPANYING):
        return ()

    def named(speaker_id: str) -> bool:
        speaker = event.speaker(speaker_id)
        if speaker_id in q.speaker_ids or speaker is None:
            return speaker is not None
        office = normalizer.tokens(f"{speaker.position.id} {speaker.position.en or ''}")
        return bool(set(office) & tokens & TITLE_WORDS)

    others: list[str] = []
    for sid in q.session_ids:
        session = event.session(sid)
        if session is None or not any(named(sp) for sp in session.speaker_ids):
            return ()
        others += [sp for sp in session.speaker_ids if not named(sp)]
    return tuple(dict.fromkeys(others))


#: Intents a question naming an item by a paraphrase of its text may be read as instead.
_PARAPHRASED = frozenset({Intent.ABOUT, Intent.UNKNOWN})


def _item_paraphrased(event: Event, q: Understanding) -> str | None:
    """The one session whose own text (what its card shows) says every content word of a
    question that asks for an item ("sesi …", "yang … itu"), or None."""
    index = index_for(event)
    tokens = index.normalizer.tokens(q.question)
    # "sesi …", or a clause standing for the item ("yg pengenalan program … itu hari apa?").
    if not (set(tokens) & ITEM_NOUNS or tokens[:1] == ("yang",)):
        return None
    # The bot's own words ("selesai", "mulai": "sesi ini selesai jam berapa?") ask about an
    # item; they do not say which.
    words = [w for w in index.content(q.question)
             if w not in GENERAL and w not in ITEM_NOUNS and w not in LEXICON]
    if not words:
        return None
    found = {s.title.id: s.id for s in event.sessions
             if all(coverage.is_shown(w, coverage.shown_words(
                 event, Understanding(Intent.SESSION, session_ids=(s.id,))))
                 for w in words)}
    return next(iter(found.values())) if len(found) == 1 else None


#: Signing up with the bot or for its sessions (not the desk's re-registration).
_SIGN_UP = frozenset({howto.Feature.REGISTER, howto.Feature.RSVP})


def _names_desk(event: Event, q: Understanding) -> bool:
    """Whether the question names only the registration desk's item(s)."""
    sessions = [s for sid in q.session_ids if (s := event.session(sid))]
    return bool(sessions) and all(s.kind is SessionKind.REGISTRATION for s in sessions)


def _names_no_one(event: Event, q: Understanding, hit: Hit) -> bool:
    """"Indonesia presidennya siapa?": a session's title or description that names an office
    but no one holding it does not answer who; its card (or the decline) does."""
    if hit.passage.source is not Source.SESSION:
        return False
    if not set(textnorm.simple_tokens(q.question)) & WHO:
        return False
    # A name's own words (not an alias like "presiden citynet", which is the office).
    words = set(textnorm.simple_tokens(
        " ".join((hit.passage.text.get("id"), hit.passage.text.get("en")))))
    return not words & _name_words(event, aliases=False)


#: Asking for every one ("tempat apa aja yang dipakai?"), not the one.
_EVERY = frozenset({"saja", "aja", "sj", "semua", "all", "daftar", "list", "places", "venues",
                    "locations", "lokasi2", "tempat2"})


def _asks_others(event: Event, q: Understanding) -> bool:
    """Whether the places other than a venue are asked for: "not at the main venue", "ga di
    balai kota", "selain balai kota", "tempat lain", "other venue" — the negation before
    the place ("balai kota itu bukan di pusat kota?" says something of the place itself)."""
    tokens = understander_for(event).normalizer.tokens(q.question)
    places = VENUE_WORDS | EVENT_WORDS | coverage.venue_words(event) | _MAIN
    for i, w in enumerate(tokens):
        if (w in _OTHER_AFTER and i and tokens[i - 1] in VENUE_WORDS) or (
                w in _OTHER_BEFORE and tokens[i + 1:i + 2] and tokens[i + 1] in VENUE_WORDS):
            return True  # "tempat lain", "other venue"
        if w in OTHER_THAN or tuple(tokens[i:i + 2]) in _NOT_AT:
            rest = [x for x in tokens[i + 1:i + 5] if x not in _BEFORE_PLACE]
            if rest and rest[0] in places:
                return True
    return False


#: Asking for the places other than one ("tempat lain", "other venue"; "not at the main
#: venue", "sesi apa yg ga di tempat utama?", "selain balai kota").
_OTHER_AFTER = frozenset({"lain", "lainnya"})
_OTHER_BEFORE = frozenset({"other", "another"})
_NOT_AT = frozenset({("tidak", "di"), ("bukan", "di"), ("not", "at"), ("not", "in")})
#: Words between "not" and the place ("not at the main venue", "selain di balai kota").
_BEFORE_PLACE = frozenset({"di", "at", "in", "the", "a", "tidak", "not"})


#: Passages that may hold a named item's words only in passing (a practical answer naming
#: the venue, a tour stop); the event's own text has its own rule (`_passage_first`).
_ELSEWHERE = frozenset({Source.FAQ, Source.STOP})


#: Asking where a place is.
_WHERE_WORDS = frozenset({"dimana", "where", "mana", "alamat", "address"})


def _card_says_it(event: Event, q: Understanding) -> bool:
    """Whether the question names a session, speaker or venue whose card shows every word
    it asks (not a count: a number is a passage's to give)."""
    if not (q.speaker_ids or q.venue_ids or q.session_ids):
        return False
    index = index_for(event)
    tokens = index.normalizer.tokens(q.question)
    if set(tokens) & ASK_HOW_MANY:
        return False
    # The day asked ("jam registrasi pada hari pertama") is the card's own day: its words
    # are not missing from the card.
    when = when_from_tokens(tokens, event.sessions[0].start, event.days) if (
        q.day is not None and event.sessions) else None
    day_words = {tokens[i] for i in when.used} if when is not None else set()
    return set(index.content(q.question)) - GENERAL - day_words <= coverage.shown_words(event, q)


def _about_named(q: Understanding, hit: Hit) -> bool:
    """Whether the passage is the text of a session, speaker or venue the question names."""
    source, ref = hit.passage.source, hit.passage.ref
    return ((source is Source.SPEAKER and ref in q.speaker_ids)
            or (source is Source.VENUE and ref in q.venue_ids)
            or (source is Source.SESSION and ref in q.session_ids))


def _howto(event: Event, q: Understanding, plan: Plan, features: tuple[howto.Feature, ...],
           t: Translator) -> Plan:
    """"gimana cara absen?": the command that does it, first. A practical answer of the
    organizers that also matches is kept below it (their word; the bot's way is added), and
    a session named keeps its own card ("cara ikut sesi keynote?": its Hadir button)."""
    if (plan.kind is PlanKind.INTENT and q.intent in _DOES_IT
            and set(features) & _DOES_IT[q.intent] and howto.only_requests(q.question)):
        return plan  # "tolong ingatkan saya …", "mau ikut city tour": the screen that does it
    lines = [render_howto.line(f, event, t) for f in features]
    if (q.session_ids and plan.kind is PlanKind.INTENT and q.intent in _SESSION_CARD
            and howto.Feature.TOUR not in features):  # the tour's own screen has its button
        return replace(plan, question=replace(q, intent=Intent.SESSION),
                       lead=[*lines, *plan.lead])
    if plan.kind is PlanKind.INTENT and q.intent is Intent.CITY_TOUR and q.facts:
        # "how many seats on the tour, is it full?": the facts asked (its capacity), then
        # what joining does when it is full.
        lines = [*plan.lead, *lines]
    faq = plan.faq or next((f for f in event.faq if f.id == q.faq_id), None)
    lead = [*lines, _faq_line(faq, t, event, q)] if faq is not None else lines
    return Plan(PlanKind.HOWTO, q, lead, faq=faq, features=features)


#: Intents answered with the feature's own screen (reminder settings, the RSVP overview with
#: its sign-up button, the tour with its join button).
#: Only for the features that screen does: "hadir 2 hari, dapat sertifikat?" reads as an RSVP
#: but asks about the certificate.
_DOES_IT: dict[Intent, frozenset[howto.Feature]] = {
    Intent.RSVP: frozenset({howto.Feature.RSVP, howto.Feature.REGISTER,
                            howto.Feature.AGENDA}),
    Intent.REMINDER: frozenset({howto.Feature.REMINDERS}),
    Intent.CITY_TOUR: frozenset({howto.Feature.TOUR}),
}
#: Intents whose question, naming a session, is answered with that session's card.
_SESSION_CARD = frozenset({Intent.SESSION, Intent.RSVP, Intent.SCHEDULE, Intent.SPEAKER})


def _faq_line(faq: Faq, t: Translator, event: Event, q: Understanding) -> str:
    answer = answer_on(faq, q.day, event.days, t.lang)  # a day asked: that day's part
    return f"💡 <b>{escape(faq.question.get(t.lang))}</b> {escape(answer)}"


#: Passages about the event as a whole, not about one of its items.
_EVENT_TEXT = frozenset({Source.ABOUT, Source.BACKGROUND, Source.GOAL, Source.GROUP})
#: Intents a passage may take over when it covers the whole question and the intent has no
#: entity of its own to show (a background fact asked with a member's name in it).
_PASSAGE_OVER = frozenset({Intent.UNKNOWN, Intent.ABOUT, Intent.SESSION, Intent.SPEAKER,
                           Intent.CONTACT, Intent.VENUE})


def _passage_first(event: Event, q: Understanding, hit: Hit) -> bool:
    if q.intent is Intent.UNKNOWN:
        return q.confidence == 0.0  # words clearly about something else are declined
    if q.intent not in _PASSAGE_OVER or hit.coverage < 1.0:
        return False
    if hit.passage.source in (Source.SESSION, Source.VENUE, Source.CONTACT):
        return False  # the intent's own card says it better
    index = index_for(event)
    if (set(index.normalizer.tokens(q.question)) & _SINCE
            and any(_SINCE_YEAR.search(hit.passage.text.get(lang)) for lang in ("id", "en"))):
        # "sidoarjo jd anggota sejak kpn": since when is a year in the past, which the
        # passage says ("… sejak 2009"); a session's card (its date) does not answer it.
        return True
    if _says_count(event, q, hit):
        return True
    if _speaker_line_shown(event, q, hit):
        return False
    words = set(index.content(q.question))
    asked = index.normalizer.tokens(q.question)
    # "X itu hari berapa?" asks which day (a date), not how many: "berapa" after a word of
    # the calendar or the clock counts nothing.
    counts = any(w in ASK_HOW_MANY and not (i and asked[i - 1] in _WHICH_DATE)
                 for i, w in enumerate(asked))
    if ((q.session_ids or q.speaker_ids or q.venue_ids) and hit.passage.source in _EVENT_TEXT
            and not counts
            and words - GENERAL <= coverage.shown_words(event, q)):
        # "sosialisasi program citynet hari apa?": the event's description names the session
        # too, but when every word asked is on the session's own card, the card answers it
        # (not a number: "berapa kota anggota citynet?" is in the description).
        return False
    return q.intent is Intent.ABOUT or hit.matched >= 3


def _speaker_line_shown(event: Event, q: Understanding, hit: Hit) -> bool:
    """"Is Bupati Anas from Banyuwangi presenting now?": the passage is a named speaker's
    own line (name and position), which the card of the speaker or their session shows too,
    with what the line does not say (the time)."""
    speaker = event.speaker(hit.passage.ref) if hit.passage.source is Source.SPEAKER else None
    if speaker is None or hit.passage.text.id != f"{speaker.name}, {speaker.position.id}":
        return False
    # One session's card shows its speakers' lines; a list of sessions does not ("Saiful
    # Ilah itu bupati mana?" lists his three: the line answers it).
    session = event.session(q.session_ids[0]) if len(q.session_ids) == 1 else None
    shown = q.speaker_ids if q.intent is Intent.SPEAKER else (
        session.speaker_ids if session is not None else ())
    return speaker.id in shown


def _says_count(event: Event, q: Understanding, hit: Hit) -> bool:
    """"18 kota dari Kominfo itu maksudnya apa?": a count the question quotes, which the
    passage says and the card of the item its other words reach (the keynote) does not."""
    if q.day or q.time or q.period:
        return False  # "acara 16 oktober di mana?" counts nothing
    tokens = understander_for(event).normalizer.tokens
    numbers = {w for w in tokens(q.question) if w.isdigit() and len(w) < 4}
    said = set(tokens(" ".join(x for x in (hit.passage.text.id, hit.passage.text.en) if x)))
    return bool(numbers) and numbers <= said and not numbers <= coverage.shown_words(event, q)


#: Words "berapa" asks a date or a time of ("hari berapa", "day berapa", "jam berapa").
_WHICH_DATE = frozenset({"hari", "day", "tanggal", "date", "jam", "pukul"})
#: "Since when": the answer is a year the event's text gives after the same word.
_SINCE = frozenset({"sejak", "semenjak", "since"})
_SINCE_YEAR = re.compile(r"\b(?:sejak|semenjak|since)\s+(?:tahun\s+)?(?:19|20)\d\d\b",
                         re.IGNORECASE)


#: Intents a practical answer may take over when the question names nothing of the programme
#: ("dimana mushola?" reads as a venue question, "wifi hari ini?" as a schedule one).
_FAQ_OVER = frozenset({Intent.UNKNOWN, Intent.ABOUT, Intent.HELP, Intent.VENUE, Intent.SCHEDULE,
                       Intent.NOW_NEXT, Intent.SESSION, Intent.GREETING, Intent.THANKS})


def _who_then(event: Event, q: Understanding) -> bool:
    """"sesi pagi ni sapa yang bawa materi?": who speaks in a session at a time — the
    programme of then answers it, not the practical answer about the slides its words also
    reach ("hari ini siapa yang bagi sertifikat?" keeps the certificate's answer)."""
    if not (q.day or q.period or q.time or q.intent is Intent.NOW_NEXT):
        # "sapa yang bawa materi sekarang?": now is a time too.
        return False
    words = set(understander_for(event).normalizer.tokens(q.question))
    return bool(words & WHO
                and words & (CONTEXT | SPEAKER_WORDS | _PRESENTS))


#: Presenting ("yang bawa materi", "yang ngisi"): who speaks, not the slides.
_PRESENTS = frozenset({"bawa", "bawakan", "membawa", "membawakan", "ngisi", "mengisi",
                       "menyampaikan", "presenting", "presents"})


#: Nouns of the programme's items: asked with a day, the question is about that day's items.
_ITEM_NOUNS = frozenset({"sesi", "session", "sessions", "acara", "kegiatan"})


def _faq_first(event: Event, found: Understanding) -> bool:
    if found.faq_id is None:
        return False
    if found.intent is Intent.SPEAKER and not found.speaker_ids:
        # "apakah materi narasumber dibagikan?" is about the slides, not about who speaks.
        asks_who = WHO & set(textnorm.simple_tokens(found.question))
        return not asks_who and not found.session_ids
    if found.intent is Intent.CONTACT and not found.regions:
        return True  # "sertifikat dikirim via email?" asks about certificates
    if (found.intent is Intent.RSVP and not (found.session_ids or found.speaker_ids)
            and howto.proves_attendance(found.question)):
        # "apakah panitia memberikan sertifikat atau bukti kehadiran?": a paper proving one
        # attended is the certificate, which the practical answer says; not one's RSVP.
        return True
    if found.intent not in _FAQ_OVER:
        return False
    if _who_then(event, found) or (
            found.intent is Intent.SCHEDULE and found.day is not None
            and set(textnorm.simple_tokens(found.question)) & _ITEM_NOUNS):
        # "sesi pagi ni sapa yang bawa materi?" (who speaks then), "hari ketiga ada sesi
        # materi lagi?" (that day's sessions): the programme answers it; the practical
        # answer ("materi") joins the day's programme below its sentence.
        return False
    names_something = found.session_ids or found.speaker_ids or found.venue_ids or found.regions
    # "tempat sholat" names the lunch break only through the prayer-room entry's keyword.
    return not names_something or found.faq_covers
