"""Whether the card about to be shown covers the question (pure, no Telegram).

A card that matches only a generic word of the question ("acara", "tour", "lokasi") while a
specific word ("istri", "ATM", "parkir") is matched by nothing it shows is not an answer:
the bot declines and offers Tanya panitia instead. The specific words are the question's
content words that are neither general language (`GENERAL`, the retrieval's function words,
particles) nor the bot's own vocabulary (its lexicon, the event's names, tags and keywords),
plus the words the lexicon marks as about something else (parkir, honorarium, hotel). A
specific word counts as covered when the text of what the card shows holds it (the session's
description, the speaker's bio, the venue's notes, the tour's stops and what to bring…).

Everything comes from the event model, so this works for any event file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from itertools import pairwise
from typing import ClassVar

from rapidfuzz import process
from rapidfuzz.distance import OSA, DamerauLevenshtein, Levenshtein

from bot import howto, textnorm
from bot.memo import per_event
from bot.model import Event, Faq, SessionKind, Speaker, Text
from bot.retrieval import ROOT_MARK, Source, index_for, roots
from bot.understanding import Fact, Intent, Understanding, understander_for
from bot.understanding.classify import ZONES
from bot.understanding.lexicon import (
    BIGRAMS,
    CONTACT_DETAILS,
    ENQUIRY,
    EVENT_WORDS,
    FIRST_PERSON,
    GENERAL,
    HELD_AT,
    IN_CHARGE,
    LEXICON,
    OFF_TOPIC,
    OTHER_THAN,
    PLACE_KINDS,
    PLACE_KINDS_GENERIC,
    QUESTION_WORDS,
    RELATIONS,
    ROLES,
    THERE_IS,
    VENUE_WORDS,
    WHO,
    word_set,
)
from bot.understanding.understander import guessed_places
from bot.when import when_from_tokens
from bot.zones import INDONESIAN_ZONES

#: The lexicon's off-topic words (`lexicon.OFF_TOPIC`), named by the question, must be in
#: what the card shows ("parkir dekat balai kota" is not answered by the venue's card).

OFF_TOPIC_PAIRS = frozenset(
    w for w, votes in BIGRAMS.items() if any(i is Intent.UNKNOWN for i, _ in votes)
)

#: Ordinary nouns of places and things (typo correction leaves them alone, see
#: textnorm.ORDINARY) that still say what a question is about: "toko", "gereja", "foto" must be
#: in what the answer shows. A practical answer must hold them in its own question or answer,
#: not only in its keywords ("ada gereja dekat lokasi?" is not answered by the prayer room).
THINGS = word_set(
    """toko pasar gereja church masjid mosque pura vihara klenteng restoran restaurant sakit
    hospital
    apotek pharmacy pelabuhan terminal stasiun pesawat kapal mobil motor
    tiket pulsa bensin cuaca hujan bola film lagu foto video photo"""
)

#: Intents whose card is about the event's own items; a question they answer must be covered.
_CHECKED = frozenset({Intent.SESSION, Intent.SPEAKER, Intent.VENUE, Intent.CITY_TOUR,
                      Intent.ABOUT, Intent.SCHEDULE, Intent.NOW_NEXT, Intent.RSVP,
                      Intent.CONTACT, Intent.HELP})
#: Words that ask for someone's contact details: a card about the person or the session is
#: not the answer ("alamat email prof lee?" asks for an e-mail, not for his session).
#: With the verbs of reaching someone ("hubungi", "call") and rarer names ("surel", "fax"); not
#: "nomor", "number", which ask no contact on their own ("nomor kursi", "room number").
CONTACT_WORDS = CONTACT_DETAILS | word_set(
    "contacts hubungi menghubungi dihubungi call surel fax faks telpon telp nelpon")


#: Someone outside the event ("sy bukan peserta, boleh ikut city tour?"): who else may
#: join, which the data does not say (how to join is the delegates' way).
OUTSIDERS = frozenset(
    {("bukan", w) for w in ("peserta", "delegasi", "undangan", "pegawai", "asn")}
    | {("not", w) for w in ("participant", "participating", "registered", "delegate",
                            "invited")}
    | {("non", "peserta"), ("non", "participant"), ("masyarakat", "umum"),
       ("general", "public"), ("tidak", "diundang")}
)


#: Details a question may ask of an item that its card holds only if its text says them:
#: a deadline, a question-and-answer part, a quota by region, whether one fends for oneself.
#: Asked, they must be in what the card shows ("kapan batas akhir pendaftaran?" is not
#: answered by the registration desk's card, "ada sesi tanya jawab di keynote?" by the
#: keynote's).
DETAILS = word_set("deadline vegetarian vegan")
DETAIL_PAIRS = frozenset(
    {("batas", "akhir"), ("batas", "waktu"), ("tanya", "jawab"), ("question", "answer"),
     ("menu", "khusus"), ("cari", "sendiri"), ("beli", "sendiri"), ("bayar", "sendiri"),
     # Being picked up ("can it come back to pick me up?"): "jemput" in English.
     ("pick", "me"), ("pick", "us"), ("picks", "me"), ("picks", "us")}
    | OUTSIDERS
    | {(a, b) for a in ("per", "tiap", "setiap", "each", "every")
       for b in ("daerah", "kota", "kabupaten", "region", "regions", "city", "pemda",
                 "provinsi", "province", "instansi", "delegasi", "delegation")}
)


_SIGN_UP = word_set("pendaftaran daftar mendaftar registrasi registration register signup")
_CLOSES = word_set("ditutup tutup close closes closed closing")


#: Food and drink served: what is served ("snack rehat kopi nanti apa aja?", "what food is
#: served at lunch?") is a menu, which an item's card does not list by naming the snack.
_FOOD = word_set("snack snacks kue makanan minuman konsumsi hidangan food drinks menu catering")
_WHICH_OF = frozenset({("apa", "saja"), ("apa", "aja"), ("apa", "apa"), ("what", "kind"),
                       ("jenis", "apa")})


#: Words that make "menu" the bot's own (its commands), not what is served.
_BOT_MENU = frozenset({"bot", "perintah", "command", "commands", "fitur", "features"})


def _asks_menu(tokens: Sequence[str]) -> bool:
    """Whether the question asks what food or drink is served (the menu)."""
    words = set(tokens)
    if words & _BOT_MENU:  # "menu bot apa aja?": the bot's own menu, not food
        return False
    return bool(words & _FOOD) and bool(
        set(pairwise(tokens)) & _WHICH_OF or "menu" in words
        or any(a in ("what", "which") and b in _FOOD for a, b in pairwise(tokens))
        or any(a in _FOOD and b == "apa" for a, b in pairwise(tokens)))


def details_unsaid(event: Event, q: Understanding) -> list[str]:
    """The details (`DETAILS`, `DETAIL_PAIRS`) the question asks that no text the card
    shows holds (an item's card; a practical answer says whether a thing is provided)."""
    tokens = index_for(event).normalizer.tokens(q.question)
    asked = [f"{a} {b}" for a, b in pairwise(tokens) if (a, b) in DETAIL_PAIRS]
    asked += [w for w in tokens if w in DETAILS]
    if set(tokens) & _SIGN_UP and set(tokens) & _CLOSES and any(
            s is not None and s.kind is SessionKind.TOUR
            for s in map(event.session, q.session_ids)):
        # "pendaftaran city tour ditutup kapan?": the tour's sign-up deadline, not when the
        # registration desk closes (that item's card answers "registrasi ditutup jam brp").
        asked.append("deadline")
    if q.relation is None and _asks_menu(tokens):
        asked.append("menu")
    if not asked:
        return []
    shown = shown_words(event, q)
    if q.faq_id is not None:  # the practical answer joins the card
        shown |= shown_words(event, q, q.faq_id)
    return [w for w in asked if not is_shown(w, shown)]


#: A condition put to the question ("kalau telat kumpul, ditinggal?", "what happens if the
#: tour is full?"): what follows it, to the clause's end, is asked about too.
_IF = word_set("kalau kalo klo klu jika bila apabila seandainya andaikan if")
_CLAUSE_END = re.compile(r"[,;.?!]")


def condition_unsaid(event: Event, q: Understanding) -> list[str]:
    """The words of the question's condition no text the card shows holds: the card of the
    item shows the item, not what happens when one is late or it is full."""
    index = index_for(event)
    shown: set[str] | None = None
    out: list[str] = []
    for clause in _CLAUSE_END.split(q.question):
        tokens = index.normalizer.tokens(clause)
        start = next((i for i, w in enumerate(tokens) if w in _IF), None)
        if start is None:
            continue
        if shown is None:
            shown = shown_words(event, q)
        out += [w for w in index.content(" ".join(tokens[start + 1:]))
                if w.isalpha() and w not in shown and not textnorm.is_ordinary(w)]
    return out


#: Whether there is something ("ada makan siang hari Jumat?", "is there lunch on Friday?",
#: "any keynote tomorrow?", `THERE_IS`); "ada apa …" asks what there is instead.
_ANY = word_set("ada any")
_WHAT = word_set("apa apakah what")


def asks_there_is(event: Event, text: str) -> bool:
    """Whether `text` asks if there is something (not what there is)."""
    tokens = index_for(event).normalizer.tokens(text)
    pairs = set(pairwise(tokens))
    if pairs & THERE_IS:
        return True
    return any(w in _ANY and (i + 1 == len(tokens) or tokens[i + 1] not in _WHAT)
               for i, w in enumerate(tokens))


def off_day(event: Event, q: Understanding) -> bool:
    """Whether the question asks if there is an item on a day the item is not held ("ada
    makan siang hari Jumat?" with lunch breaks only on the other days): the answer is no,
    which no card of the item's other days, nor of the day's other items, says."""
    if q.day is None or not asks_there_is(event, q.question):
        return False
    named = understander_for(event).named_items(q.question)
    titles: dict[str, bool] = {}
    for sid in named:
        session = event.session(sid)
        if session is not None:
            on = event.local(session.start).date() == q.day
            titles[session.title.id] = titles.get(session.title.id, False) or on
    # Only when another named item is held that day (its card would pass for the answer):
    # "ada city tour besok?" the day before it shows the tour's card and its own day.
    return any(titles.values()) and not all(titles.values())


#: Whether someone or something has arrived yet ("pak menteri su datang?", "has the bus
#: arrived?"): a state of the moment, which the programme does not record.
_ALREADY = word_set("sudah udah telah already has have")
_ARRIVE = word_set("datang dateng tiba arrive arrived come")
_YET = word_set("belum yet")


def asks_arrived(event: Event, text: str) -> bool:
    """"udah dateng?", "has the bus arrived?", "datang belum?", "arrived yet?"."""
    tokens = index_for(event).normalizer.tokens(text)
    return any(w in _ARRIVE and (set(tokens[max(0, i - 3):i]) & _ALREADY
                                 or set(tokens[i + 1:i + 2]) & _YET)
               for i, w in enumerate(tokens))


def asks_ordinal(event: Event, text: str) -> bool:
    """"seminar yang ke berapa?", "keberapa kali diadakan?": which edition, a number the
    event's description does not give (not "hari ke berapa", the day of the event)."""
    tokens = ("", *index_for(event).normalizer.tokens(text))
    for i, w in enumerate(tokens):
        if w == "keberapa" and tokens[i - 1] not in _DAY_NOUNS:
            return True
        if (w, tokens[i + 1:i + 2]) == ("ke", ("berapa",)) and tokens[i - 1] not in _DAY_NOUNS:
            return True
    return False


_DAY_NOUNS = word_set("hari day sesi session")


#: Asking what to bring ("perlu bawa apa saat registrasi?"): only a list of things to bring
#: answers it (the tour's), not a session's card. Not "yang bawa materi" (who presents).
_BRING = word_set("bawa dibawa membawa bawain bring brought")
_PRESENTED = word_set("materi paparan presentasi slide slides topik topic tema judul")
#: "sapa yang bawa?", "siapa yang bawain?": who presents, not what to bring.
_WHO_BRINGS = word_set("yang siapa who")


def asks_bring(event: Event, text: str) -> bool:
    """Whether the question asks what to bring ("perlu bawa apa?"), not who presents."""
    tokens = index_for(event).normalizer.tokens(text)
    return any(w in _BRING and not (i + 1 < len(tokens) and tokens[i + 1] in _PRESENTED)
               and not (i > 0 and tokens[i - 1] in _WHO_BRINGS)
               for i, w in enumerate(tokens))


#: Papers one shows ("dokumen apa yang dibawa?", "an assignment letter"): asked about, a
#: practical answer naming a paper to bring says which.
DOCUMENTS = word_set("dokumen documents document berkas surat letter letters papers paperwork")


#: Asking which things ("bawa apa?", "bring anything?").
_WHAT_THINGS = word_set("apa what anything any sesuatu")
#: Asking which kind ("dokumen tertentu?", "other documents?"), not naming one.
_WHICH_KIND = word_set("tertentu certain specific particular lain lainnya other")


def bring_faq(event: Event, q: Understanding) -> Faq | None:
    """The one practical answer that says what to bring to what the question names ("What
    documents should I bring for registration?": the badge's answer, "bring your assignment
    letter"): it names a paper asked about, or a word of the programme item asked about."""
    if not asks_bring(event, q.question):
        return None
    normalizer = index_for(event).normalizer
    asked = set(normalizer.tokens(q.question))
    if not asked & (_WHAT_THINGS | DOCUMENTS):
        return None  # "Can I bring my intern?": whom one may bring, which it does not say
    # The item's own keywords, not a place it shares with the answer ("Kantor Wali Kota").
    places = set(normalizer.tokens(" ".join(
        (event.city, *event.regions, *(v.name for v in event.venues.values())))))
    sessions = [s for sid in q.session_ids if (s := event.session(sid)) is not None]
    named = {w for w in normalizer.tokens(" ".join(tag for s in sessions for tag in s.tags))
             if len(w) >= 4 and w not in GENERAL and w not in _BRING and w not in places}
    found = []
    for faq in event.faq:
        tokens = normalizer.tokens(" ".join((faq.answer.id, faq.answer.en or "")))
        said = set(tokens)
        # "… sebelum pembukaan": an item the answer places another thing before or after is
        # not where that thing is brought.
        at = {w for i, w in enumerate(tokens)
              if not any(b in RELATIONS for b in tokens[max(0, i - 2):i])}  # "before the"
        if said & _BRING and ((asked & DOCUMENTS and said & DOCUMENTS) or at & named):
            found.append(faq)
    if len(found) != 1:
        return None
    # "ada tes PCR / surat sehat yg harus dibawa?": a paper it does not name is not answered
    # (the words beside "surat"/"documents" name which; "dokumen tertentu" asks which).
    tokens = normalizer.tokens(q.question)
    # "registrasi ulang besok pagi, dokumen apa …": a day or a part of it names no paper.
    when = when_from_tokens(tokens, event.sessions[0].start, event.days) if (
        event.sessions) else None
    said_when = when.used if when is not None else frozenset()
    beside = {tokens[j] for i, w in enumerate(tokens) if w in DOCUMENTS
              for j in (i - 1, i + 1) if 0 <= j < len(tokens) and j not in said_when}
    papers = [w for w in beside if len(w) >= 3 and w not in DOCUMENTS and w not in GENERAL
              and w not in _WHAT_THINGS and w not in _WHICH_KIND and w not in _BRING]
    shown = shown_words(event, q, found[0].id)
    if any(not is_shown(w, shown) for w in papers) or things_unsaid(event, q, found[0]):
        return None
    return found[0]


def bring_unsaid(event: Event, q: Understanding) -> bool:
    """"Do I need to bring anything to registration?": what to bring, asked of a card that
    holds no such list (the tour's own list answers it for the tour)."""
    if not asks_bring(event, q.question) or (
            event.tour is not None and event.tour.session_id in q.session_ids):
        return False
    shown = shown_words(event, q)
    if q.faq_id is not None:  # the practical answer joins the card
        shown |= shown_words(event, q, q.faq_id)
    return not _BRING & shown


#: "nomor" before a person or an office asks that one's phone ("nomor koordinator acara?"),
#: not a bus's, a seat's or a delegate's number.
_NUMBER_WORDS = word_set("nomor number")
_PERSONS = word_set(
    """panitia koordinator petugas sekretariat narahubung penanggung pic ketua kepala
    sekretaris direktur coordinator committee officer secretariat organizer organiser""")


def asks_contact(event: Event, text: str) -> bool:
    tokens = index_for(event).normalizer.tokens(text)
    return bool(CONTACT_WORDS & set(tokens)) or any(
        a in _NUMBER_WORDS and b in _PERSONS for a, b in pairwise(tokens))


def asks_count(event: Event, text: str) -> bool:
    """"jumlah …", "berapa banyak …", "how many …": the question asks how many (not
    "tahun berapa", which the description may well say)."""
    tokens = index_for(event).normalizer.tokens(text)
    pairs = set(pairwise(tokens))
    return "jumlah" in tokens or bool(pairs & {("how", "many"), ("berapa", "banyak")})


#: A span of time before or after "tahun" (or an edition) that points to another one
#: ("tahun lalu", "thn depan", "next year", "edisi berikutnya"): the data is about this
#: event only, not its other editions. Chat clips "tahun" ("thn", "taun").
_OTHER_YEAR = frozenset({(y, w) for y in ("tahun", "thn", "taun", "thun", "edisi")
                         for w in ("lalu", "depan", "kemarin", "berikutnya", "sebelumnya",
                                   "besok", "selanjutnya", "mendatang")}
                        | {(w, y) for w in ("last", "next", "previous", "following",
                                            "coming", "upcoming")
                           for y in ("year", "yr", "edition")})
#: The whole event's own nouns (not "acara", "event": "acara berikutnya" is the next item):
#: "the next Citynet seminar", "seminar citynet berikutnya" is another edition.
_EDITION_NOUNS = (EVENT_WORDS - word_set("acara event events kegiatan")) | word_set(
    "edisi edition seminars conferences")
_NEXT_BEFORE = word_set("next previous upcoming")
_NEXT_AFTER = word_set("berikutnya selanjutnya mendatang sebelumnya")
_YEAR_RE = re.compile(r"(?:19|20)\d\d")
#: Words asking for a reason: the event's data gives facts, not why they are so.
_WHY = word_set("kenapa mengapa knp napa why")


def asks_other_year(event: Event, text: str) -> bool:
    """"seminar tahun lalu di mana?", "next year's host?", "kpn seminar citynet di sidoarjo?":
    about another edition (another year's, or one held in another city)."""
    index = index_for(event)
    tokens = index.normalizer.tokens(text)
    if set(pairwise(tokens)) & _OTHER_YEAR:
        return True
    if _next_edition(event, tokens) or _elsewhere(event, tokens):
        return True
    # "seminar citynet 2020 di kota mana?": a year not the event's, which nothing in its
    # text names either (its network's founding year is asked of its background).
    years = range(event.start_date.year, event.end_date.year + 1)
    return any(_YEAR_RE.fullmatch(w) and int(w) not in years and w not in index.by_word
               for w in tokens)


def _elsewhere(event: Event, tokens: Sequence[str]) -> bool:
    """"seminar citynet di sidoarjo kapan?": the event's noun and a region the event is not
    held in right after "di" / "in" — that region's edition, which the data does not hold
    (this edition's dates would be a wrong fact). A bare name shared by the event's city
    ("kupang") is the event's own."""
    if not set(tokens) & _EDITION_NOUNS:
        return False
    city = event.city.lower()
    return any(m.start > 0 and tokens[m.start - 1] in HELD_AT
               and not any(r.lower() in city for r in m.regions)
               for m in understander_for(event).region_index.mentions(tokens))


def _next_edition(event: Event, tokens: Sequence[str]) -> bool:
    """"When will the next Citynet Indonesia seminar take place?", "seminar citynet
    berikutnya kapan?": the event's noun with "next" beside it, only the event's or its
    network's names between ("what's next after the seminar?" is not another edition)."""
    names = set(textnorm.simple_tokens(" ".join(
        (event.name.id, event.name.en or "", event.network.id, event.network.en or ""))))
    for i, w in enumerate(tokens):
        if w not in _EDITION_NOUNS:
            continue
        j = i - 1
        while j >= 0 and (tokens[j] in names or tokens[j] == "the"):
            j -= 1
        k = i + 1
        while k < len(tokens) and tokens[k] in names:
            k += 1
        if (j >= 0 and tokens[j] in _NEXT_BEFORE) or (k < len(tokens)
                                                      and tokens[k] in _NEXT_AFTER):
            return True
    return False


def asks_why(event: Event, text: str) -> bool:
    return bool(_WHY & set(index_for(event).normalizer.tokens(text)))


#: Asking when: the answer must hold a time, a date or a day.
_WHEN = word_set("kapan when")
_WHEN_PAIRS = frozenset({("jam", "berapa"), ("pukul", "berapa"), ("hari", "apa"),
                         ("tanggal", "berapa"), ("what", "time"), ("what", "day"),
                         ("which", "day"), ("tahun", "berapa"), ("what", "year")})
#: Asking how many: the answer must hold a number.
_HOW_MANY = frozenset({("how", "many"), ("how", "much")})
#: A year, a clock time, a date or a day's name: not any number ("18 kota" is no "when").
_DAY_RE = re.compile(
    r"\b\d{4}\b|\b\d{1,2}[.:]\d{2}\b|\b\d{1,2}(?:[–-]\d{1,2})?\s+(?:jan|feb|mar|apr|mei|may|"
    r"jun|jul|agu|aug|sep|okt|oct|nov|des|dec)|"
    r"\b(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday)\b", re.IGNORECASE)
_NUMBER_RE = re.compile(
    r"\d|\b(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|puluh|"
    r"ratus|ribu|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|hundred|"
    r"thousand)\b", re.IGNORECASE)


def asks_who(event: Event, text: str) -> bool:
    return bool(WHO & set(index_for(event).normalizer.tokens(text)))


def role_unsaid(event: Event, q: Understanding) -> bool:
    """"siapa kepala dinas kominfo?", "sambutan gubernur jam berapa?": an office (`ROLES`)
    asked for that no text the card shows names (the people it shows hold other offices: a
    "Menteri …" found through a word of the office's name, an item whose speakers are the
    mayor and another)."""
    words = index_for(event).normalizer.tokens(q.question)
    tokens = set(words)
    if not tokens & WHO:
        if q.relation is not None:
            return False  # "setelah keynote menteri ada apa?": the office names the anchor
        # "Bupati kami hanya ikut penutupan": the asker's own office, not one asked for.
        tokens -= _own_words(words)
    roles = tokens & ROLES
    if roles and q.relation is not None and q.anchor_id is not None:
        # "sesudah pak menteri, siapa yg ngisi?": the office names the anchor, whose card
        # says it, and the one after it is asked for.
        roles -= shown_words(event, replace(q, session_ids=(q.anchor_id,), relation=None))
    return bool(roles) and (not roles <= shown_words(event, q) or (
        q.intent in (Intent.SESSION, Intent.SPEAKER) and _office_unheld(event, words)))


#: Words between "saya"/"I" and the office the asker introduces themselves with ("saya ini
#: lurah", "beta ni camat", "I am the mayor of …", "kami selaku panitia").
_INTRODUCING = word_set("ini adalah am is the a an sebagai selaku")


def _own_words(words: Sequence[str]) -> set[str]:
    """The words next to "saya"/"I" and the office the asker introduces themselves with:
    what they are, not what they ask."""
    return {w for i, w in enumerate(words)
            if set(words[max(0, i - 1):i + 2]) & FIRST_PERSON or _introduced(words, i)}


def _introduced(words: Sequence[str], i: int) -> bool:
    """Whether words[i] follows a first-person word through introducing words and the
    office's other words only ("saya selaku kepala dinas")."""
    j = i - 1
    while j >= 0 and (words[j] in _INTRODUCING or words[j] in ROLES):
        j -= 1
    return j >= 0 and j < i - 1 and words[j] in FIRST_PERSON


#: "kami dari …", "we are from …": the asker's origin follows, to the clause's end.
_FROM = word_set("dari from")
#: At most this many words after "dari" name the origin ("Bappeda Kabupaten Sikka").
_ORIGIN_WORDS = 3


def _origin_words(event: Event, text: str) -> set[str]:
    """The words naming where the asker comes from ("kami dari Bappeda Kabupaten Sikka
    ingin …", "we are from Dinas X"): who they are, not what they ask."""
    out: set[str] = set()
    normalizer = index_for(event).normalizer
    tokens = normalizer.tokens(text)
    for clause in _CLAUSE_END.split(text):
        words = normalizer.tokens(clause)
        for i, w in enumerate(words[:-1]):
            j = i + 1
            while j < len(words) and words[j] in _INTRODUCING:
                j += 1  # "we are from", "kami adalah dari"
            if w in FIRST_PERSON and j < len(words) and words[j] in _FROM:
                out.update(t for t in words[j + 1:j + 1 + _ORIGIN_WORDS]
                           if t not in QUESTION_WORDS)
    # "beta dari tts, nomor panitia tts ada ko": said again, it is asked about too.
    return {w for w in out if tokens.count(w) == 1}


#: Words between an office and its region ("Mayor of X", "Wali Kota X").
_OF = word_set("of the")


def _office_unheld(event: Event, words: tuple[str, ...]) -> bool:
    """"walikota semarang jam berapa?", "Wakil Wali Kota X ngisi sesi apa?": an office of a
    region (the office's words right before the region's name) that no speaker holds; a card
    of the office of another region (or of the office without "wakil") is a wrong fact."""
    understander = understander_for(event)
    for mention in understander.region_index.mentions(words):
        i = mention.start
        while i > 0 and words[i - 1] in _OF:
            i -= 1
        office: list[str] = []
        while i > 0 and words[i - 1] in ROLES:
            i -= 1
            office.insert(0, words[i])
        if office and not any(_holds(event, sp, office, mention.regions)
                              for sp in event.speakers.values()):
            return True
    return False


def _holds(event: Event, speaker: Speaker, office: list[str], regions: tuple[str, ...]) -> bool:
    understander = understander_for(event)
    norm = understander.normalizer
    position = [*norm.tokens(speaker.position.id), *norm.tokens(speaker.position.en or "")]
    if not set(office) <= set(position):
        return False
    own = norm.tokens(" ".join([speaker.position.id, speaker.position.en or "",
                                speaker.organization, speaker.organization_en]))
    return any(set(m.regions) & set(regions) for m in understander.region_index.mentions(own))


def asks_when(event: Event, text: str) -> bool:
    """"kapan …", "jam berapa …", "what time …"."""
    tokens = index_for(event).normalizer.tokens(text)
    return bool(_WHEN & set(tokens) or set(pairwise(tokens)) & _WHEN_PAIRS)


def asks_number(event: Event, text: str) -> bool:
    """"berapa …", "how many/much …", "jumlah …" but not "jam/hari/tanggal berapa"."""
    tokens = index_for(event).normalizer.tokens(text)
    pairs = set(pairwise(tokens))
    if _WHEN & set(tokens) or pairs & _WHEN_PAIRS:
        return False
    return bool(pairs & _HOW_MANY) or "berapa" in tokens or "jumlah" in tokens


#: Asking how far, or how long the way takes: the answer must say it (a venue card does not).
_DISTANCE = word_set("jauh jarak far distance km kilometer")


def distance_unsaid(event: Event, q: Understanding) -> bool:
    """"dari A ke B jauh ga?", "how far is …": no text the card shows says how far."""
    asked = _DISTANCE & set(index_for(event).normalizer.tokens(q.question))
    return bool(asked) and not asked & shown_words(event, q)


#: Near ("lokasi acara deket bandara?", "is the venue near the airport?"): a distance asked
#: only when what comes before it is the venue ("ada ATM dekat balai kota?" asks for an ATM).
_NEAR = word_set("dekat deket near close nearby")
#: Late ("beta talat", "if I am late for the bus", "ditinggal ga?"): the gathering and
#: departure are what the data says; whether anyone waits it does not.
_LATE = word_set("telat terlambat late latecomer latecomers ditinggal")


def asks_distance(event: Event, q: Understanding) -> bool:
    """"dari A ke B jauh ga?", "how far is …", "lokasi acara deket bandara gk?"."""
    tokens = index_for(event).normalizer.tokens(q.question)
    if _DISTANCE & set(tokens):
        return True
    near = next((i for i, w in enumerate(tokens) if w in _NEAR), None)
    if near is None:
        return False
    venue = VENUE_WORDS | EVENT_WORDS | venue_words(event)
    before = tokens[:near]
    return any(w in venue for w in before) and all(
        w in venue or w in QUESTION_WORDS or textnorm.is_ordinary(w) for w in before)


#: Missing the bus ("ketinggalan bus", "what if I miss the bus?"; not "hp sy ketinggalan di
#: bus", a thing left behind).
_MISSED = frozenset((a, b) for a in ("ketinggalan", "tertinggal", "miss", "missed")
                    for b in ("bus", "bis", "rombongan", "the", "tour"))


def asks_late(event: Event, q: Understanding) -> bool:
    """Whether the asker is (or fears being) late ("klo telat kumpul tour gmn?")."""
    tokens = index_for(event).normalizer.tokens(q.question)
    return bool(_LATE & set(tokens) or set(pairwise(tokens)) & _MISSED)


@per_event(4)
def venue_words(event: Event) -> frozenset[str]:
    """The words of the venues' names and aliases ("balai", "kota", "suba", "suka")."""
    normalizer = index_for(event).normalizer
    return frozenset(w for v in event.venues.values()
                     for name in (v.name, v.name_en or "", *v.aliases)
                     for w in normalizer.tokens(name))


def number_unsaid(event: Event, q: Understanding) -> list[str]:
    """For a question asking how many about a venue ("berapa kapasitas ruang utama?"): its
    content words — the bot's own vocabulary included — the venue's text does not hold
    (the card shows no such number)."""
    index = index_for(event)
    shown = shown_words(event, q)
    return [w for w in index.content(q.question)
            if w not in shown and w not in GENERAL and w.isalpha() and len(w) >= 3
            and not textnorm.is_ordinary(w)]


def fills_slot(event: Event, question: str, passage: Text, timed: bool = False) -> bool:
    """Whether a passage can answer a question asking when or how many: it must hold a
    day, a date or a time, or a number ("sosialisasi hari apa?" is not answered by the
    event's summary that names the session without its day). A `timed` passage (a tour
    stop's notes: the stop has its time, said with the source) answers when."""
    tokens = index_for(event).normalizer.tokens(question)
    pairs = set(pairwise(tokens))
    texts = (passage.get("id"), passage.get("en"))
    if _WHEN & set(tokens) or pairs & _WHEN_PAIRS:
        return timed or any(_DAY_RE.search(t) for t in texts)
    if pairs & _HOW_MANY or "berapa" in tokens:
        return any(_NUMBER_RE.search(t) for t in texts)
    return True


def _acronyms(text: str) -> list[str]:
    """Short words written in capitals ("AC", "BNI"): names of things, however short (as
    typed: "LO" is read as a liaison officer)."""
    return _ACRONYM_RE.findall(text)


_ACRONYM_RE = re.compile(r"\b[A-Z]{2,4}\b")

_TRAVEL = "naik apa kendaraan transport transportasi vehicle vehicles walk walking"
_FULL = "penuh full waiting tunggu waitlist daftar list"
_LEAD = ("dipimpin memimpin pemimpin pimpinan leader leaders led leads coordinator coordinators"
         " koordinator")


def _tour_capacity(event: Event) -> int | None:
    tour = event.tour
    session = event.session(tour.session_id) if tour is not None else None
    return session.capacity if session is not None else None

#: Items run side by side, or one moves between places: what a programme, or the list of
#: the places it uses, shows without saying the word.
_PARALLEL = "paralel parallel bersamaan barengan concurrent concurrently"
_PLACE = "pindah berpindah pindahan move moving building buildings gedung"
#: What a place's address is called: shown by a venue card that gives one.
_ADDRESS = "alamat address street jalan jl road"


@per_event(4)
def _read_words(event: Event) -> dict[str, frozenset[str]]:
    """The word lists above (`_LEAD`, `_PARALLEL`, `_PLACE`) read as questions are."""
    normalizer = index_for(event).normalizer
    return {text: frozenset(normalizer.tokens(text)) for text in (_LEAD, _PARALLEL, _PLACE)}


@per_event(4)
def _item_words(event: Event) -> dict[tuple[Source, str], frozenset[str]]:
    """The words of every passage of the event's text, by what it belongs to."""
    out: dict[tuple[Source, str], set[str]] = {}
    for p in index_for(event).passages:
        out.setdefault((p.source, p.ref), set()).update(p.words | p.related)
    normalizer = index_for(event).normalizer
    if event.tour is not None:
        tour = event.tour
        extra = " ".join([*(f"{b.id} {b.en or ''}" for b in tour.bring),
                          *(f"{bus.name} {bus.leader}" for bus in tour.buses),
                          # Its buses are how it travels ("city tour naik apa?").
                          _TRAVEL if tour.buses else "",
                          # Its seats are limited: the waiting list answers "full".
                          _FULL if _tour_capacity(event) else "",
                          # Each bus has a leader ("bus 3 dipimpin siapa?").
                          _LEAD if any(bus.leader for bus in tour.buses) else ""])
        out.setdefault((Source.STOP, ""), set()).update(normalizer.tokens(extra))
    for venue in event.venues.values():
        if venue.address:  # its card gives the address ("street name?", "alamat jalannya?")
            out.setdefault((Source.VENUE, venue.id), set()).update(normalizer.tokens(_ADDRESS))
    return {k: frozenset(v) for k, v in out.items()}


def _union(words: dict[tuple[Source, str], frozenset[str]],
           keys: Iterable[tuple[Source, str]]) -> set[str]:
    out: set[str] = set()
    for key in keys:
        out |= words.get(key, frozenset())
    return out


def _sources(words: dict[tuple[Source, str], frozenset[str]], *sources: Source) -> set[str]:
    return _union(words, (k for k in words if k[0] in sources))


def shown_words(event: Event, q: Understanding, faq_id: str | None = None) -> set[str]:
    """The words of what the answer to `q` shows (its sessions, speakers, venues, the tour,
    the event's description, or the practical answer `faq_id`)."""
    words = _item_words(event)
    if faq_id is not None:
        return _union(words, [(Source.FAQ, faq_id)])
    keys: list[tuple[Source, str]] = []
    for sid in q.session_ids:
        session = event.session(sid)
        if session is None:
            continue
        keys.append((Source.SESSION, sid))
        keys.append((Source.VENUE, session.venue_id))
        keys += [(Source.SPEAKER, sp) for sp in session.speaker_ids]
    keys += [(Source.SPEAKER, sp) for sp in q.speaker_ids]
    keys += [(Source.VENUE, v) for v in q.venue_ids]
    out = _union(words, keys)
    if any((s := event.session(sid)) is not None and s.speaker_ids for sid in q.session_ids):
        # Its speakers lead it ("who leads the X session?", "sesi X dipimpin siapa?").
        out |= _read_words(event)[_LEAD]
    intent = q.intent
    tour_named = event.tour is not None and event.tour.session_id in q.session_ids
    if intent is Intent.CITY_TOUR or q.stops or tour_named:
        out |= _sources(words, Source.STOP)
        tour = event.tour
        if tour is not None:
            out |= _union(words, [(Source.SESSION, tour.session_id),
                                  (Source.VENUE, tour.meeting_venue_id)])
    if Fact.VENUES in q.facts:
        # The places an event uses say whether one moves between them, and which building.
        out |= _read_words(event)[_PLACE]
    if intent is Intent.SCHEDULE:
        # A programme shows by its times whether items run side by side ("ada sesi paralel
        # hari ini?").
        out |= _read_words(event)[_PARALLEL]
    if intent is Intent.ABOUT:
        out |= _sources(words, Source.ABOUT, Source.BACKGROUND, Source.GOAL, Source.GROUP)
    if intent is Intent.SPEAKER and not q.speaker_ids and not q.session_ids:
        out |= _sources(words, Source.SPEAKER)
    if intent is Intent.VENUE and not q.venue_ids:
        out |= _sources(words, Source.VENUE)
    if intent is Intent.CONTACT:
        # "siapa penanggung jawab registrasi?": the contact is the one in charge there.
        out |= _sources(words, Source.CONTACT) | CONTACT_WORDS | IN_CHARGE | ENQUIRY
    return out


def venue_saying(event: Event, text: str) -> str | None:
    """The one venue whose text holds every word of the question that is neither general
    language nor the bot's own ("ruang garuda", "rapat persiapan" in a venue's notes)."""
    words = [w for w in index_for(event).content(text) if w not in GENERAL and w not in LEXICON]
    if not words:
        return None
    items = _item_words(event)
    venues = [ref for (source, ref), held in items.items()
              if source is Source.VENUE and all(w in held for w in words)]
    return venues[0] if len(venues) == 1 else None


def specific_words(event: Event, text: str) -> list[str]:
    """The words of `text` that say what it is about and that the bot's own vocabulary does
    not know (or knows as being about something else)."""
    index = index_for(event)
    normalizer = index.normalizer
    vocabulary = normalizer.vocabulary
    out = [a.lower() for a in _acronyms(text)
           if not all(w in vocabulary or w in GENERAL for w in normalizer.tokens(a))]
    tokens = normalizer.tokens(text)
    # Two words the lexicon marks as about something else together ("oleh oleh", "uang saku").
    out += [f"{a} {b}" for a, b in pairwise(tokens) if f"{a} {b}" in OFF_TOPIC_PAIRS]
    misspelt = _phrase_typos(event, tokens)
    for w in index.content(text):
        if w in misspelt:
            continue  # "luar nergi", "best practis": a word of the item's name, misspelt
        if w in GENERAL and w not in OFF_TOPIC and w not in THINGS:
            continue  # "sebaiknya" is general as written, whatever "-nya" leaves
        stem = _stem(w, vocabulary)
        stem = _english_stem(stem) or stem
        if stem in OFF_TOPIC:
            out.append(stem)
            continue
        if stem in THINGS:
            out.append(stem)
            continue
        if (len(stem) < 3 or not stem.isalpha() or stem in GENERAL or stem in vocabulary
                or textnorm.is_ordinary(stem) or _typo_of_known(normalizer, stem)):
            continue
        out.append(stem)
    return list(dict.fromkeys(out))


def _phrase_typos(event: Event, tokens: tuple[str, ...]) -> set[str]:
    """Words that, next to a word of an item's two-word name, are a misspelling of that
    name's other word ("luar nergi" luar negeri, "best practis" best practice): they name
    the item the answer shows, two edits away, beyond what typo correction dares alone."""
    follows, precedes = _name_pairs(event)
    out: set[str] = set()
    for i, word in enumerate(tokens):
        if len(word) < 5 or not word.isalpha():
            continue
        before = tokens[i - 1] if i > 0 else ""
        after = tokens[i + 1] if i + 1 < len(tokens) else ""
        near = [*follows.get(before, ()), *precedes.get(after, ())]
        if any(k[:1] == word[:1] and DamerauLevenshtein.distance(word, k, score_cutoff=2) <= 2
               for k in near if len(k) >= 5):
            out.add(word)
    return out


@per_event(4)
def _name_pairs(event: Event) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """For each word of an item's name (its title or tag, a speaker's or venue's name), the
    words that follow it there, and those that precede it: every pair of neighbours in every
    name, where the Normalizer's (`textnorm.partners`) has only the two-word names it knows."""
    return textnorm.partners(
        pair for phrase in understander_for(event).index.phrases for pair in pairwise(phrase))


#: Suffixes a known word may carry ("namanya", "jumatan", "bisakah", "dibagiin").
_SUFFIXES = ("nya", "kan", "kah", "lah", "an", "in", "i")
#: Prefixes a known word may carry, each with the letter a nasal prefix replaced
#: ("dijadwalkan" is jadwal, "bertempat" tempat, "ngumpul" kumpul, "nyampe" sampe, "memakai"
#: pakai): Indonesian builds its verbs this way, so an affixed general word stays general.
#: Not "ter-": the superlative says what is asked ("rumah sakit *terdekat*" is not the venue).
_PREFIXES: tuple[tuple[str, str], ...] = (
    ("di", ""), ("ber", ""), ("be", ""), ("ke", ""), ("per", ""),
    ("meng", "k"), ("meng", ""), ("meny", "s"), ("mem", "p"), ("mem", ""), ("men", "t"),
    ("men", ""), ("me", ""), ("nge", ""), ("ng", "k"), ("ng", ""), ("ny", "s"),
)


#: English plurals of a known word ("buses", "cities") are that word.
_PLURALS = (("ies", "y"), ("es", ""), ("s", ""))
#: English past tenses of a general word ("what happened before X", "buses prepared") are
#: that word; of a word about something ("how many attended?") they ask what the data does
#: not hold (a count of the past), so they stay specific.
_PAST = (("ied", "y"), ("ed", ""), ("ed", "e"))


def _stem(word: str, vocabulary: frozenset[str]) -> str:
    if word in vocabulary:
        return word
    for suffix in _SUFFIXES[:5]:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= 3 and (stem in vocabulary or stem in GENERAL):
            return stem
    root = _root(word, vocabulary)
    if root is not None:
        return root
    for ending, restored in _PLURALS:
        # English plurals of a known word ("buses", "cities") are that word.
        stem = word[: -len(ending)] + restored
        if word.endswith(ending) and len(stem) >= 3 and (stem in vocabulary or stem in GENERAL):
            return stem
    for ending, restored in _PAST:
        stem = word[: -len(ending)] + restored
        if word.endswith(ending) and len(stem) >= 3 and stem in GENERAL:
            return stem
    return word[:-3] if word.endswith("nya") and len(word) > 5 else word  # "umurnya"


#: English endings of a word the lexicon marks as about something else ("rains", "raining",
#: "hotels"): inflected, it is still about that, not a typo of a word the bot knows.
_ENGLISH_ENDINGS = ("ing", "es", "s", "y")


def _english_stem(word: str) -> str | None:
    """The off-topic word under an English inflection of it, or None."""
    if word in OFF_TOPIC:
        return None
    for ending in _ENGLISH_ENDINGS:
        if word.endswith(ending) and word[: -len(ending)] in OFF_TOPIC:
            return word[: -len(ending)]
    return None


def _root(word: str, vocabulary: frozenset[str]) -> str | None:
    """The known word under an affixed one ("dijadwalkan" -> jadwal, "nyampe" -> sampai),
    or None. A root of fewer than four letters is not trusted ("diam" is not "am")."""
    bodies = [word] + [word[: -len(s)] for s in _SUFFIXES if word.endswith(s)]
    if word.endswith("nya"):
        bodies += [b[: -len(s)] for b in [word[:-3]] for s in _SUFFIXES[1:] if b.endswith(s)]
    for body in bodies:
        for prefix, restored in ("", ""), *_PREFIXES:
            if not body.startswith(prefix) or (prefix == "" and body == word):
                continue
            root = restored + body[len(prefix):]
            if len(root) < 4:
                continue
            root = textnorm.SLANG.get(root, root)
            if root in vocabulary or root in GENERAL or root in OFF_TOPIC:
                return root
    return None


def _typo_of_known(normalizer: textnorm.Normalizer, word: str) -> bool:
    """A misspelling of a word the bot knows ("titk", "citi", "kumpl") that typo correction
    left alone, not a new subject. A short word only counts when it lacks one letter of the
    known one, swaps two or writes "i" for "y" ("umur" is not "umum", nor "anak" "enak")."""
    known = _Known.of(normalizer)
    typo = known.memo.get(word)
    if typo is None:
        if len(known.memo) > _MEMO_MAX:  # words people type: bounded over a long run
            known.memo.clear()
        typo = known.memo[word] = known.typo(word)
    return typo


_MEMO_MAX = 20_000


class _Known:
    """The bot's vocabulary and general language, by first letter, built once per event;
    with the words already judged (a message costs microseconds, see the bench)."""

    _cache: ClassVar[list[tuple[textnorm.Normalizer, _Known]]] = []

    def __init__(self, normalizer: textnorm.Normalizer) -> None:
        self.words = normalizer.vocabulary | GENERAL
        buckets: dict[str, list[str]] = {}
        for w in self.words:
            buckets.setdefault(w[:1], []).append(w)
        self.buckets = {k: tuple(v) for k, v in buckets.items()}
        self.memo: dict[str, bool] = {}

    @classmethod
    def of(cls, normalizer: textnorm.Normalizer) -> _Known:
        for cached, known in cls._cache:
            if cached is normalizer:
                return known
        known = cls(normalizer)
        cls._cache.insert(0, (normalizer, known))
        del cls._cache[4:]
        return known

    def typo(self, word: str) -> bool:
        # Typos rarely hit the first letter (as in textnorm's correction).
        if len(word) >= 4 and sum(c in "aeiou" for c in word) <= 1 and any(
                k[-1] == word[-1] and len(k) > len(word) and textnorm.vowels_left_out(word, k)
                for k in self.buckets.get(word[:1], ())):
            return True  # written without its vowels, as chat abbreviates: "dwnld" download
        near = [k for k in self.buckets.get(word[:1], ()) if abs(len(k) - len(word)) <= 1]
        if len(word) >= 5:
            return process.extractOne(word, near, scorer=OSA.distance,
                                      score_cutoff=1) is not None
        swaps = ("i", "y"), ("y", "i")
        if any(word[:i] + b + word[i + 1:] in self.words
               for i, c in enumerate(word) for a, b in swaps if c == a):
            return True
        return any(len(k) == len(word) + 1 or Levenshtein.distance(word, k) == 2
                   for k, _, _ in process.extract(word, near, scorer=OSA.distance,
                                                  score_cutoff=1, limit=None))


_ZONE_WORDS = word_set("zona zone timezone")
#: Words that introduce the topic one will raise with a contact ("… soal X", "about X").
_ABOUT = word_set("soal tentang terkait mengenai perihal about regarding concerning")


def _raised_topic(event: Event, text: str) -> set[str]:
    """The words after the first "soal/tentang/about …" of a message."""
    tokens = index_for(event).normalizer.tokens(text)
    start = next((i for i, t in enumerate(tokens) if t in _ABOUT), len(tokens))
    return set(tokens[start + 1:])


#: Why a formal letter asks ("… untuk laporan kepada pimpinan", "untuk kami cantumkan dalam
#: nota dinas", "for my report to my superior"): after "untuk/for", these say what the
#: delegate will do with the answer, not what is asked. Before it they are asked about
#: ("batas waktu laporan perjalanan dinas?" stays specific).
_PURPOSE = word_set(
    """laporan lapor melapor melaporkan dilaporkan pelaporan pimpinan atasan nota memo
    cantumkan dicantumkan mencantumkan arsip diarsipkan report reports reporting superior
    superiors supervisor boss records""")
_FOR = word_set("untuk buat guna for")
#: A clause opening with these gives the reason one asks ("sehubungan dengan …, apakah …");
#: not "terkait/regarding …", which names what is asked about.
_WITH_REGARD = word_set("sehubungan berhubung berkenaan")


#: "… agar kami dapat menyesuaikan", "so that we can plan": what the asker will do with the
#: answer, said after the question in a clause of its own whose subject is the asker.
_SO_THAT = word_set("agar supaya biar sehingga so")


def _purpose_words(event: Event, text: str) -> set[str]:
    """The purpose words (`_PURPOSE`) after the first "untuk/for" of a message, and every
    word of a clause "agar kami …" ("so that we …"): the asker's own purpose."""
    normalizer = index_for(event).normalizer
    tokens = normalizer.tokens(text)
    start = next((i for i, t in enumerate(tokens) if t in _FOR), len(tokens))
    out = {t for t in tokens[start + 1:] if t in _PURPOSE}
    for clause in _CLAUSE.findall(text):
        words = normalizer.tokens(clause)
        if (words[:1] and words[0] in _WITH_REGARD and clause.rstrip().endswith(",")
                and not set(words) & QUESTION_WORDS):
            # "Sehubungan dengan pertanggungjawaban perjalanan dinas, apakah …": the reason
            # the asker gives, a clause of its own before the question.
            out |= set(words)
            continue
        at = next((i for i, t in enumerate(words[:-1])
                   if t in _SO_THAT and (words[i + 1] in FIRST_PERSON or (
                       words[i + 1] == "that" and words[i + 2:i + 3]
                       and words[i + 2] in FIRST_PERSON))), None)
        if at is not None and not set(words[at:]) & QUESTION_WORDS:
            out |= set(words[at:])
    return out


#: The asker's own plan said beside the question ("beta mau pulang cepat, penutupan jam
#: berapa?", "abis makan siang ada apa, saya mau ke hotel dulu"): a clause of its own that
#: opens with "saya/kami mau/akan …" and asks nothing says why one asks, not what; unless
#: the question asks whether it may be done ("kami mau bawa istri, boleh ikut tour?").
_PLAN = word_set("mau akan want will going plan planning")
#: Where the asker is now ("saya masih di hotel", "I'm at the hotel"): their own situation
#: too, not what they ask about.
_WHEREABOUTS = word_set("di at msh masih still lagi sedang")
_MAY = word_set("boleh bisa can may could allowed izin ijin")
#: Something of the asker's run out or dead ("pulsa abis", "hp lowbat"): their situation.
_RAN_OUT = word_set("habis lowbat lobet mati")
_RAN_OUT_EN = frozenset({("ran", "out"), ("run", "out"), ("is", "dead"), ("is", "empty")})
_CLAUSE = re.compile(r"[^,;.?!]+[,;.?!]*")


def _plan_words(event: Event, text: str) -> set[str]:
    """The words of the asker's own plan (`_PLAN`) or whereabouts, when another clause asks
    the question."""
    normalizer = index_for(event).normalizer
    clauses = [c for c in _CLAUSE.findall(text) if c.strip(" ,;.?!")]
    if len(clauses) < 2:
        return set()
    out: set[str] = set()
    for clause in clauses:
        tokens = normalizer.tokens(clause)
        if (len(tokens) >= 3 and tokens[0] in FIRST_PERSON
                and set(tokens[1:3]) & (_PLAN | _WHEREABOUTS)
                and "?" not in clause and not set(tokens) & QUESTION_WORDS):
            out |= set(tokens)
        elif (len(tokens) >= 2 and (tokens[-1] in _RAN_OUT or tuple(tokens[-2:]) in _RAN_OUT_EN)
              and "?" not in clause
              and not set(tokens) & QUESTION_WORDS):
            # "ada wifi ko sonde, pulsa abis": what ran out is why one asks.
            out |= set(tokens)
        elif set(tokens) & _MAY:
            return set()
    return out


def uncovered(event: Event, q: Understanding, faq_id: str | None = None) -> list[str]:
    """The question's specific words the answer would not show (empty: it is covered)."""
    if faq_id is None and q.intent not in _CHECKED:
        return []
    specific = specific_words(event, q.question)
    if specific:
        purpose = _purpose_words(event, q.question)
        specific = [w for w in specific if w not in purpose]
    if specific:
        plan = _plan_words(event, q.question)
        specific = [w for w in specific if w not in plan]
    if specific and q.intent is Intent.CONTACT:
        # "kalau ada kendala di lapangan, hubungi siapa?": the trouble put as a condition is
        # what the contact will hear of, not something the bot is asked.
        trouble: set[str] = set()
        for clause in _CLAUSE_END.split(q.question):
            words = index_for(event).normalizer.tokens(clause)
            start = next((i for i, w in enumerate(words) if w in _IF), len(words))
            if set(words[start + 1:]) & PROBLEM:
                trouble.update(words[start + 1:])
        specific = [w for w in specific if w not in trouble]
    if q.intent is Intent.CONTACT and (q.regions or q.speaker_ids):
        # "kontak Banyuwangi, mau follow up soal smart kampung": what the delegate will
        # raise with that contact is not asked of the bot.
        raised = _raised_topic(event, q.question)
        specific = [w for w in specific if w not in raised]
    if Fact.TIMEZONE in q.facts or (len(q.session_ids) == 1 and any(
            w in INDONESIAN_ZONES for w in specific)):
        # "WIB atau WITA?": the zone's sentence answers the zones asked about; "keynote jam
        # berapa WIB?": the item's times converted to that zone (render_answers.zone_sentence).
        specific = [w for w in specific if w not in ZONES | _ZONE_WORDS]
    if q.intent is Intent.VENUE and q.venue_ids:
        # "acara di balai kota ko di hotel?": another place the asker guesses it is held at
        # (off topic on its own) is answered by the card that says where it is.
        tokens = index_for(event).normalizer.tokens(q.question)
        guessed = {tokens[i] for i in guessed_places(tokens)}
        # "selain balai kota ada acara di mana?": the other places' cards answer it.
        specific = [w for w in specific if w not in guessed and w not in OTHER_THAN]
    if q.intent is Intent.CITY_TOUR and not q.stops:
        # "city tour ada ke pulau X?", "do we visit a museum?": a kind of place no stop is
        # (a stop of that kind would be named by it): the card's route does not answer it.
        specific += [w for w in index_for(event).normalizer.tokens(q.question)
                     if w in _PLACE_KIND_WORDS and w not in specific]
    if specific:
        # "kami dari Bappeda Kabupaten X, …": the office the asker comes from.
        origin = _origin_words(event, q.question)
        specific = [w for w in specific if w not in origin]
    if specific and set(specific) & ROLES:
        # "saya ini wakil bupati, penutupan jam berapa?": the asker's own office.
        own = _own_words(index_for(event).normalizer.tokens(q.question)) & ROLES
        specific = [w for w in specific if w not in own]
    if not specific:
        return []
    shown = shown_words(event, q, faq_id)
    if howto.proves_attendance(q.question) and shown & howto.CERTIFICATE_WORDS:
        # "bukti kehadiran", "surat keterangan hadir": the certificate of attendance, which
        # an answer about the certificate shows.
        specific = [w for w in specific if w not in howto.PROOF_WORDS]
    if _NEAREST & set(specific):
        # "mushola terdekat dari ruang seminar": the nearest of a thing the answer shows is
        # that thing; "rumah sakit terdekat" stays unanswered by what does not show one.
        tokens = index_for(event).normalizer.tokens(q.question)
        # The thing may be the practical answer's, which joins the card ("musala near X").
        joined = shown | (shown_words(event, q, q.faq_id) if q.faq_id and faq_id is None
                          else set())
        near = {b for a, b in pairwise(tokens) if b in _NEAREST and is_shown(a, joined)}
        specific = [w for w in specific if w not in near]
    return [w for w in specific if not is_shown(w, shown)]


_NEAREST = word_set("terdekat nearest closest near nearby")
#: Trouble in general, put as the condition of whom to contact ("kalau ada kendala, …").
PROBLEM = word_set(
    "kendala masalah problem problems issue issues trouble kesulitan hambatan darurat emergency")
#: Kinds of place, Indonesian and English, that name a place on their own ("pulau", "beach";
#: not "sentra", "centre", which need the word that says which, nor "air").
_PLACE_KIND_WORDS = frozenset(
    {k for k in PLACE_KINDS if k not in PLACE_KINDS_GENERIC and PLACE_KINDS[k]}
    | {e for k, v in PLACE_KINDS.items() if k not in PLACE_KINDS_GENERIC for e in v})


def unsaid_in(event: Event, q: Understanding, text: str) -> list[str]:
    """The question's words about something else (`OFF_TOPIC`, `THINGS`) that `text`, an
    answer about to be shown (a how-to line), does not hold, nor the card's words."""
    specific = [w for w in specific_words(event, q.question)
                if w in OFF_TOPIC or w in THINGS or w in OFF_TOPIC_PAIRS]
    if not specific:
        return []
    said = _said(event, text) | shown_words(event, q)
    return [w for w in specific if not is_shown(w, said)]


def unsaid_in_line(event: Event, words: list[str], text: str) -> list[str]:
    """Those of `words` that `text` (an answer's HTML line) does not say."""
    if not words:
        return []
    said = _said(event, text)
    return [w for w in words if not is_shown(w, said)]


def _said(event: Event, html: str) -> set[str]:
    """The words an answer's HTML line says, read as questions are."""
    return set(index_for(event).normalizer.tokens(re.sub(r"<[^>]+>", " ", html)))


#: Something handed out to the participants ("kaos yang dibagikan panitia?", "are T-shirts
#: handed out?"): only an answer that says so answers it (the dress code says what to wear),
#: in those words or the receiving side's ("mendapat", "mengambil").
_HANDED_OUT = word_set("""dibagikan dibagi bagikan membagikan dikasih diberi diberikan handed
                          distributed distribute""")
_HANDOUT_SAID = _HANDED_OUT | word_set("""mendapat dapat mengambil ambil diambil share shared
                                          receive received""")
_INTO = frozenset({("jadi",), ("menjadi",), ("dalam",), ("into",), ("per",)})


def handout_unsaid(event: Event, q: Understanding) -> bool:
    """Whether the question asks if something is handed out, which the card (and the
    practical answer joined to it) does not say of anything."""
    tokens = index_for(event).normalizer.tokens(q.question)
    # "dibagi jadi berapa bus?": divided into, not handed out.
    if not any(w in _HANDED_OUT and tokens[i + 1:i + 2] not in _INTO
               for i, w in enumerate(tokens)):
        return False
    said = shown_words(event, q) if q.faq_id is None else (
        shown_words(event, q) | shown_words(event, q, q.faq_id))
    return not any(is_shown(w, said) for w in _HANDOUT_SAID)


def things_unsaid(event: Event, q: Understanding, faq: Faq) -> list[str]:
    """The nouns of things (`THINGS`) the question names that the practical answer's own
    question and answer do not (its keywords alone route, they do not answer)."""
    things = [w for w in specific_words(event, q.question) if w in THINGS]
    if things:
        # "…, pulsa abis": the asker's own situation, not a thing asked about.
        plan = _plan_words(event, q.question)
        things = [w for w in things if w not in plan]
    if not things:
        return []
    normalizer = index_for(event).normalizer
    said = set(normalizer.tokens(" ".join((faq.question.id, faq.question.en or "",
                                           faq.answer.id, faq.answer.en or ""))))
    return [w for w in things if w not in said]


def is_shown(word: str, shown: set[str] | frozenset[str]) -> bool:
    # "menjabat" is shown by a term of office ("jabatan"): another form of the same root;
    # "sandi" by "kata sandinya": the root itself, affixed in the answer.
    # "experiences" by "experience": an English plural of a word shown.
    return all(w in shown or roots(w) & shown or ROOT_MARK + w in shown
               or (w.endswith("s") and w[:-1] in shown) for w in word.split())


#: A problem with something the bot does ("kartu saya hilang", "nama di sertifikat salah"),
#: or doing it for someone else ("bisa titip absen?"): how to use the feature does not
#: answer it; only the organizers' word can.
TROUBLE = word_set(
    """hilang kehilangan ilang rusak lupa ketinggalan tertinggal salah keliru cetak dicetak
    print reprint lost lose broken damaged forgot forgotten wrong misspelled
    titip nitip dititip titipkan diwakilkan wakilkan diwakili mewakili proxy behalf"""
)


def uncovered_howto(event: Event, q: Understanding, faq_id: str | None) -> list[str]:
    """The problem words of a how-to question neither the how-to answer nor the practical
    answer `faq_id` speak of ("kartu peserta hilang, bisa cetak ulang?" is not answered by
    how to show the card)."""
    tokens = index_for(event).normalizer.tokens(q.question)
    trouble = [w for w in tokens if w in TROUBLE]
    trouble += [f"{a} {b}" for a, b in pairwise(tokens) if (a, b) in OUTSIDERS]
    if not trouble:
        return []
    shown = shown_words(event, q, faq_id) if faq_id is not None else set()
    return [w for w in trouble if not is_shown(w, shown)]
