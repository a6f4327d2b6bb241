"""Messages that ask several things: split into questions, each understood in context."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, time
from itertools import pairwise

from bot import textnorm
from bot.model import Event
from bot.understanding.lexicon import (
    CLOCK_ASKED,
    CONTACT_DETAILS,
    COURTESY,
    FIRST_PERSON,
    GENERAL,
    HOSTS,
    ITEM_NOUNS,
    LEXICON,
    NEXT_WORDS,
    OFF_TOPIC,
    ORGANIZERS,
    PROGRAMME_WORDS,
    QUESTION_WORDS,
    RELATIONS,
    ROLES,
    THAT_WORDS,
    word_set,
)
from bot.understanding.result import Intent, Relation, Scope, Understanding
from bot.understanding.understander import (
    PRESENTING,
    REGION_NOUNS,
    Understander,
    scope_item,
    understander_for,
)
from bot.when import when_from_tokens

#: "lalu" after a span of time is "ago/last" ("tahun lalu"), not "then". A full stop after a
#: title or an initial ("Prof. Lee", "Dr. X", "Jefirstson R. Riwu Kore") ends no sentence,
#: nor after a region's or a street's abbreviation ("narahubung Kab. X siapa?", "Jl. Y").
_SPLIT_RE = re.compile(r"[?!;\n]+|(?<!\bprof)(?<!\bdr)(?<!\bdrs)(?<!\bir)(?<!\bbpk)(?<!\bsdr)"
                       r"(?<!\bmr)(?<!\bmrs)(?<!\bms)(?<!\bst)(?<!\bno)(?<!\bhj)(?<!\b[a-z])"
                       r"(?<!\bkab)(?<!\bkec)(?<!\bkel)(?<!\bprov)(?<!\bjl)(?<!\bjln)"
                       r"\.(?:\s+|$)|\s(?:terus|trus|trs|kemudian|and also|also)\s"
                       r"|(?<!tahun)(?<!thn)(?<!bulan)(?<!minggu)(?<!pekan)\slalu\s"
                       # "… masih ada sesi X, dan jika ada, pukul berapa?", "… and if so, where?":
                       # the condition opens a second question about the first one's item.
                       r"|,?\s(?:(?:dan|and|terus|trus|lalu)\s+)?(?:jika|jikalau|kalau|kalo|klo|"
                       r"bila|apabila|if)\s+(?:(?:masih\s+)?ada|iya|ya|bisa|so|yes|any|there\s+is"
                       r"(?:\s+one)?)(?:\s*,\s*|\s+(?=(?:jam|pukul|kapan|di\s?mana|dimana|berapa|"
                       r"siapa|apa|at|what|when|where|who|how|which)\b))",
                       re.IGNORECASE)
# "… dan siapa …", "… and where …": "dan"/"and" followed by a question word starts another one.
_AND_RE = re.compile(
    r"\s(?:dan|and|sama|serta|juga|plus|&)\s+(?=(?:di ?mana|dmn|siapa|kapan|kpn|berapa|brp|"
    r"jam berapa|apa|apakah|gimana|bagaimana|mushola|where|who|when|how|what|is there|is it|"
    r"are they|whether|habis|abis|setelah|sesudah|setelahnya|sesudahnya|sebelum|sebelumnya|"
    r"after|before|then)\b)",
    re.IGNORECASE,
)
#: More questions than this in one message are not answered one by one: the rest go to a
#: person, declined together (bot.answers.read_message), never dropped.
MAX_QUESTIONS = 5


#: A letter's address and opening ("Yth. Panitia Seminar X,", "Dengan hormat,"): they name
#: the event or its organizers to whom it is written, and ask nothing.
#: The address ends at its first full stop too ("Kepada Yth. Panitia Seminar X. Kami mohon …").
_ADDRESS_RE = re.compile(
    r"^\s*(?:good\s+(?:morning|afternoon|evening|day)\s*[,.!]?\s*)?"
    r"(?:kepada\s+)?(?:yth\b\.?|yang terhormat\b|dear\b|respected\b|esteemed\b|"
    r"hono(?:u)?red\b|to whom it may concern\b)[^,:;\n?.]*[,:;\n.]\s*",
    re.IGNORECASE)
_OPENING_RE = re.compile(r"^\s*dengan hormat\b[\s,.:;]*", re.IGNORECASE)
#: A letter's signature ("Hormat kami, Kabag Pemerintahan Kab. X."): the sender, no question.
_SIGNATURE_RE = re.compile(
    r"(?:^|(?<=[.,!?\n]))\s*(?:hormat kami|salam hormat|wassalam\w*|best regards|kind regards|"
    r"(?:warm|warmest|best|kind|kindest|with)\s+regards|"
    r"regards|sincerely|yours faithfully|yours sincerely)\b.*$",
    re.IGNORECASE | re.DOTALL,
)
#: A letter's self-introduction before its question ("Bersama ini kami dari Bagian
#: Pemerintahan Kabupaten X ingin menanyakan, …"): who asks, not what is asked; its place
#: names would be read as the question's.
_INTRO_RE = re.compile(
    r"^\s*(?:(?:bersama|dengan) ini,?\s+|perkenalkan,?\s+)?(?:kami|saya|sy|aku|we|i)\b[^?]*?"
    r"(?:\b(?:ingin|mau|hendak|bermaksud)\s+)?"
    r"(?=\b(?:(?:would like to|want to|wish to)\s+)?"
    r"(?:kindly\s+)?(?:menanyakan|bertanya|tanya|mohon|memohon|minta|ask|enquire|inquire)\b)",
    re.IGNORECASE,
)
#: Reported speech in a letter: who wants to know, then what ("Berhubung beliau belum pernah
#: hadir, beliau menanyakan sejak kapan …", "Pimpinan kami ingin mengetahui apakah …", "My
#: mayor would like to know whether …", "she asked me to check if …"): the asking is the
#: frame; what follows it is the question. Only a statement may stand before it (checked in
#: `_without_intro`); the words asked after it are the part's.
_REPORTED_RE = re.compile(
    r"^[^?]*?\b(?:(?:ingin|mau|pengen|hendak|juga)\s+)*(?:menanyakan|tanyakan|mempertanyakan|"
    r"nanyain|(?:mengetahui|tahu|tau|bertanya|nanya)(?=\s+(?:apakah|apa|siapa|kapan|di\s?mana|"
    r"dimana|berapa|brp|bagaimana|gimana|jam|pukul|sejak|mengenai|tentang|soal|perihal)\b)|"
    r"(?:would\s+like|wants|wanted|wishes|wished|asked|asks|has\s+asked)(?:\s+(?:me|us))?"
    r"\s+to\s+(?:ask|know|find\s+out|enquire|inquire|check|confirm)|"
    r"(?:asks|asked|is\s+asking|was\s+asking|wonders|wondered|is\s+wondering|was\s+wondering)"
    r"(?=\s+(?:whether|if|what|when|where|who|how|which|about)\b))\b"
    r"(?:\s+(?:mengenai|tentang|soal|perihal|about|regarding))?[\s,:]*(?:if\b\s*)?",
    re.IGNORECASE)
#: An English frame around the question ("Good morning, may I ask what time …"): the asking
#: itself, not a subject the answer must hold.
_MAY_I_ASK_RE = re.compile(
    r"(^|,\s*)(?:(?:may|can|could|might)\s+(?:i|we)\s+(?:please\s+|kindly\s+)?"
    r"(?:ask|know|enquire|inquire)|(?:(?:i|we)(?:'d|\s+would)|would)\s+like\s+to\s+(?:kindly\s+)?"
    r"(?:ask|know|enquire|inquire))\b(?:\s+you)?[\s,:]*"
    r"(?=(?:(?:at|in|on|from)\s+)?(?:what|when|where|who|whom|whose|how|which|whether|if|is|"
    r"are|do|does|did|will)\b)",
    re.IGNORECASE,
)
#: An English letter's request frame before what it asks ("I would be most grateful if you
#: could tell me …", "Kindly advise …", "please allow me to ask whether …", "with due
#: respect, may I request …", "I'd be grateful to know …"): courtesy around the question,
#: the twin of the Indonesian "mohon info", "izin bertanya". Set aside, with a "whether"/"if"
#: it leaves (not a condition put to the question).
_POLITELY = r"(?:(?:please|kindly|humbly|respectfully|possibly|perhaps|just)\s+)*"
_TELL_ME = (r"(?:(?:tell|inform|advise|update|let|send|give|show)\s+(?:me|us)(?:\s+know)?|"
            r"advise|confirm|share|explain|clarify)")
_REQUEST_FRAME_RE = re.compile(
    r"^\s*(?:(?:with\s+(?:all\s+)?(?:due\s+)?respect|respectfully|if\s+i\s+may|excuse\s+me|"
    r"sorry\s+to\s+(?:bother|trouble)(?:\s+you)?)[\s,]+)?(?:please[\s,]+)?"
    r"(?:(?:i|we)(?:['’]d|\s+would|\s+should|\s+will)?\s+be\s+(?:most\s+|very\s+|so\s+|really\s+|"
    r"extremely\s+|truly\s+|much\s+)?(?:grateful|thankful|obliged|glad|happy|pleased)\s+"
    r"(?:if\s+(?:you|someone|anyone)\s+(?:could|would|can|might)\s+" + _POLITELY + _TELL_ME
    + r"|to\s+(?:know|learn|hear|be\s+(?:told|informed|advised)))"
    r"|(?:may|can|could|might)\s+(?:i|we)\s+" + _POLITELY
    + r"(?:ask|know|request|enquire|inquire|be\s+(?:told|informed|advised))"
    # "may I have the phone number …" asks for it; "can I get reminders?" asks whether one can.
    r"|(?:may|might)\s+(?:i|we)\s+" + _POLITELY + r"(?:have|get)"
    r"|(?:could|can|would|will)\s+(?:you|someone|anyone)\s+" + _POLITELY + _TELL_ME
    + r"|(?:please\s+|kindly\s+)+" + _TELL_ME
    # A bare imperative asks for what it names ("Send me the map location of the venue").
    + r"|(?:send|give|show)\s+(?:me|us)"
    + r"|(?:please\s+)?(?:allow|permit)\s+(?:me|us)\s+to\s+(?:ask|know|enquire|inquire)"
    r"|(?:(?:i|we)(?:['’]d|\s+would)|would)\s+(?:like|love|want|wish)\s+to\s+" + _POLITELY
    + r"(?:ask|know|request|enquire|inquire|confirm|check|find\s+out|be\s+informed)"
    r"|(?:i|we)\s+(?:am|are)\s+writing\s+to\s+(?:ask|enquire|inquire|request|confirm|check)"
    r"|(?:i|we)\s+" + _POLITELY + r"(?:ask|request|enquire|inquire|wish\s+to\s+(?:ask|know)))"
    r"\b(?:\s+(?:about|regarding|concerning|on|of|for))?[\s,:]*(?:(?:whether|if)\b\s*)?",
    re.IGNORECASE,
)
#: "whether …" left by a frame the self-introduction took ("I would like to enquire whether").
_WHETHER_RE = re.compile(r"^\s*whether\b\s*", re.IGNORECASE)
#: A letter's good wishes ("I hope this message finds you well."): they ask nothing.
_WELL_WISH_RE = re.compile(
    r"\b(?:i|we)\s+hope\s+(?:(?:this|my|our)\s+(?:message|email|e-mail|mail|letter)\s+finds"
    r"\s+you|you\s+are|you're)\s+(?:doing\s+)?well\b[\s.!,]*", re.IGNORECASE)
#: What the asker needs the answer for ("untuk keperluan laporan perjalanan dinas", "untuk
#: kami cantumkan dalam nota dinas", "for our travel report"): not part of the question.
_PURPOSE_RE = re.compile(
    r",?\s*\b(?:untuk|guna|buat|for)\s+(?:keperluan|kepentingan|kebutuhan|bahan|laporan|"
    r"pelaporan|dilaporkan|kami\s+\w+kan|(?:our|my)\s+(?:\w+\s+)?(?:report|records)|"
    r"the purpose)\b[^,.;?!\n]*?"
    r"(?=[,.;?!\n]|$|\s+(?:(?:kami|saya|we|i)\s+)?(?:mohon|minta|ingin|mau|hendak|would)\b)",
    re.IGNORECASE,
)
#: The asker's own plans before the question ("Before we depart on Saturday, may I ask …",
#: "Sebelum kami berangkat hari Sabtu, …"): their day is not the one asked about.
_OWN_PLANS_RE = re.compile(
    r"^\s*(?:before|sebelum)\s+(?:we|i|kami|saya)\s+[^,.;?!\n]*,\s*", re.IGNORECASE)
#: "… dan/serta/and …" between two pieces that each ask ("berapa hari … dan tanggal berapa
#: saja?", "narasumbernya siapa dan berasal dari institusi mana?").
_CONJUNCTION_RE = re.compile(r",?\s(?:dan|serta|and)\s", re.IGNORECASE)
#: A comma piece giving the asker's reason or purpose ("…, karena kami harus menyusun SPT",
#: "…, mengingat sertifikat diperlukan untuk SPJ", "…, agar kami dapat menyesuaikan jadwal
#: keberangkatan"): not asked.
_REASON_WORDS = frozenset({"karena", "karna", "krn", "soalnya", "sebab", "because",
                           "mengingat", "agar", "supaya", "biar", "since"})


def split_questions(text: str) -> list[str]:
    """The questions a message asks, in order (greetings and closings are parts too)."""
    letter = _OPENING_RE.sub("", _ADDRESS_RE.sub("", text, count=1), count=1)
    if letter.strip():
        text = letter
    unsigned = _SIGNATURE_RE.sub("", _WELL_WISH_RE.sub("", text))
    if unsigned.strip():
        text = unsigned
    parts: list[str] = []
    for piece in _SPLIT_RE.split(text):
        for p in _joined_sides(_AND_RE.split(_without_context(_without_intro(piece)))):
            for q in _split_conjunction(p):
                if q and q.strip():
                    q = _without_frame(q)
                    parts.extend(c for p in _split_commas(
                        _MAY_I_ASK_RE.sub(r"\1", q).strip() or q.strip())
                        for c in _split_clock_questions(p))
    # A sentence that only addresses the reader as an English letter does ("Good morning,
    # respected organisers.") asks nothing when another part does.
    asked = [p for p in parts
             if not (_greets_only(p) and set(textnorm.simple_tokens(p)) & _LETTER_ADDRESS)]
    return asked or parts or [text]


def _joined_sides(pieces: list[str]) -> list[str]:
    """The pieces split at "dan"/"and", joined again where the "and" joined the two sides of
    one item ("what's before | after lunch?")."""
    out: list[str] = []
    for piece in pieces:
        if out and _sides(out[-1].split()[-1:] + piece.split()[:1]):
            out[-1] = f"{out[-1]} and {piece}"
        else:
            out.append(piece)
    return out


#: "wifi dan tempat sholat", "jumlah peserta serta asal daerahnya": two things asked at once.
_LIST_RE = re.compile(r"\s(?:dan|serta|and)\s", re.IGNORECASE)


#: The reader, named in what a frame leaves: the question is about them ("can you tell me
#: what you can do?" asks what the bot does), so the frame stays.
_READER = frozenset({"you", "your", "yourself"})


def _without_frame(q: str) -> str:
    """`q` without an English request frame (`_REQUEST_FRAME_RE`) before what it asks."""
    left = _WHETHER_RE.sub("", _REQUEST_FRAME_RE.sub("", q, count=1)).strip()
    if not left or set(textnorm.simple_tokens(left)) & _READER:
        return q
    return left


def _two_answers(understander: Understander, part: str, now: datetime) -> list[str]:
    """"mohon info wifi dan tempat sholat" asks two things, when its two halves reach two
    different practical answers or facts of the event and the part as a whole reaches only
    one of them; "sambutan Wali Kota dan Presiden" (one item) stays one."""
    found = list(_LIST_RE.finditer(part))
    if len(found) != 1:
        return [part]
    left, right = part[:found[0].start()], part[found[0].end():]
    ul, ur = understander.understand(left, now), understander.understand(right, now)
    if not ((ul.faq_id or ul.facts) and (ur.faq_id or ur.facts)):
        return [part]
    if (ul.faq_id, ul.facts) == (ur.faq_id, ur.facts):
        return [part]
    whole = understander.understand(part, now)
    facts = set(ul.facts) | set(ur.facts)
    faqs = {ul.faq_id, ur.faq_id} - {None}
    if facts <= set(whole.facts) and faqs <= {whole.faq_id}:
        return [part]  # the part's own reading answers both
    return [left, right]


def _without_intro(piece: str) -> str:
    """The piece without a self-introduction before its question, when that asks nothing,
    and without the purpose the answer is for."""
    unmeant = _PURPOSE_RE.sub(
        lambda m: m[0] if set(textnorm.DEFAULT.tokens(m[0])) & _ASKING else "", piece)
    if unmeant.strip():
        piece = unmeant
    planned = _OWN_PLANS_RE.sub("", piece, count=1)
    if planned.strip() and planned != piece and set(textnorm.DEFAULT.tokens(planned)) & _ASKING:
        piece = planned
    reported = _REPORTED_RE.match(piece)
    if (reported is not None and piece[reported.end():].strip()
            and not set(textnorm.DEFAULT.tokens(reported[0])) & _ASKING - _FRAME_ASKING
            and _INTRO_RE.match(piece) is None):
        # The frame asks nothing itself: what it reports is asked. The sender's own
        # introduction is read below ("kami dari X ingin menanyakan nomor narahubung kami"
        # asks about X).
        piece = piece[reported.end():]
    m = _INTRO_RE.match(piece)
    if m is None:
        return piece
    tokens = set(textnorm.DEFAULT.tokens(m[0]))
    # Only who is asking ("kami dari Bagian X", "bersama ini kami"): "saya lupa bawa kartu,
    # boleh minta lagi?" says what is asked about before the request.
    who = (_INTRO_OPENING.match(m[0]) is not None or bool(tokens & _SENDER)
           or tokens <= _PREFACE | FIRST_PERSON | {"ingin", "hendak", "bermaksud"})
    if not who or tokens & _ASKING:
        return piece
    if set(textnorm.DEFAULT.tokens(piece[m.end():])) & FIRST_PERSON:
        # "kami dari pemkot Bogor, minta kontak narahubung kami": the asker's own region is
        # what "kami" asks about.
        return piece
    return piece[m.end():]


#: Words of a reported question's frame that are question words elsewhere ("she asked if").
_FRAME_ASKING = word_set("if")
#: Words saying whom the sender speaks for ("Kami rombongan Pemkab X, mohon …").
_SENDER = frozenset({"dari", "from", "rombongan", "delegasi", "perwakilan", "utusan", "staf",
                     "delegation", "representing", "on behalf"})
_INTRO_OPENING = re.compile(r"\s*(?:(?:bersama|dengan) ini|perkenalkan)\b", re.IGNORECASE)


#: "…, namun/tapi …", "…, but …": what the asker states before the contrast is context.
_CONTRAST_RE = re.compile(r",?\s(?:namun|tapi|tetapi|but|however)\s", re.IGNORECASE)


def _without_context(piece: str) -> str:
    """"Kami sudah menerima undangan, namun belum jelas lokasi seminar ini di mana": what
    the asker already has, before a contrast, asks nothing; the question after it does."""
    m = _CONTRAST_RE.search(piece)
    if m is None:
        return piece
    left, right = piece[:m.start()], piece[m.end():]
    return right if _asks_own(right) and not _asks_own(left) else piece


def _split_conjunction(piece: str) -> list[str]:
    """"berapa hari … berlangsung dan tanggal berapa saja": two questions at a "dan", "serta"
    or "and" when the pieces on both sides ask something of their own."""
    for m in _CONJUNCTION_RE.finditer(piece):
        left, right = piece[:m.start()], piece[m.end():]
        if _sides(left.split()[-1:] + right.split()[:1]):
            continue  # "what's before and after lunch?": one item, both its sides
        if _asks_own(left) and _asks_own(right):
            return [left, *_split_conjunction(right)]
    return [piece]


def _asks_own(piece: str) -> bool:
    return bool(set(textnorm.DEFAULT.tokens(piece)) & _ASKING)


#: Words that make a piece of a comma list a question of its own ("brp hari, sapa yg buka?");
#: "mau tanya" and "ada" introduce a question rather than ask one.
_ASKING = QUESTION_WORDS - word_set("tanya bertanya menanyakan ada")


def _split_commas(part: str) -> list[str]:
    """"brp hari seminarnya, sapa yg buka?" is two questions; "Ishoma (istirahat, sholat,
    makan)" and "Selamat pagi, kapan keynote?" are one: a comma splits only between two
    pieces that each ask something."""
    if "," not in part:
        return [part]
    out: list[str] = []
    pieces = [p.strip() for p in part.split(",")]
    while len(pieces) > 1 and (_greets_only(pieces[0]) or _apologises_only(pieces[0])):
        # "Selamat malam Bapak/Ibu panitia, izin bertanya …": the greeting and address ask
        # nothing; kept, "panitia … bertanya" would read as how to ask the organizers.
        pieces.pop(0)
    while len(pieces) > 1 and _lost_only(pieces[0]):
        # "im lost, press conference where?": the asker's plight; the where is asked.
        pieces.pop(0)
    for piece in pieces:
        if not piece:
            continue
        tokens = textnorm.DEFAULT.tokens(piece)
        if out and tokens and (tokens[0] in _REASON_WORDS or tokens[:2] == ("so", "that")) \
                and not set(tokens) & _ASKING:
            continue  # "…, karena kami harus menyusun SPT": why they ask, not a question
        if (out and _asks_itself(out[-1]) and tokens[:1] and tokens[0] in FIRST_PERSON
                and tokens[1:2] and tokens[1] in _HAVE and not set(tokens) & _ASKING):
            # "city tour pulang jam brapa, beta ada pesawat siang": what the asker has on
            # (a flight), why they ask, not a question about it.
            continue
        if out and (_asks_itself(out[-1]) or _names_programme(out[-1])) and _plans_own(tokens):
            # "Jadwal for Friday please, mau book flight pulang": what the asker means to do
            # outside the event with the answer, not a question about it.
            continue
        if out and (_asks_itself(out[-1]) or _names_programme(out[-1])) and (
                _asks_itself(piece) or (_requests(out[-1]) and tokens[0] in _ALSO)):
            # "minta no panitia registrasi, sama email sekretariat": the request goes on to
            # a second thing asked for (the joining word is not part of it).
            out.append(piece.split(None, 1)[1] if tokens[0] in _ALSO and " " in piece
                       else piece)
        elif out:
            out[-1] = f"{out[-1]}, {piece}"
        else:
            out.append(piece)
    return out


#: A greeting and whom it addresses ("Selamat malam Bapak/Ibu panitia", "Good morning, dear
#: committee").
_GREETING = word_set(
    "selamat assalamualaikum shalom salam halo hai hello hi good dear respected esteemed")
_ADDRESSED = _GREETING | word_set(
    """pagi siang sore malam morning afternoon evening bapak ibu bpk bu pak panitia yth yang
    terhormat saya hormati kami committee organizers organisers organizing organising team
    min admin kak mas mbak om sejahtera wr wb sir madam sirs all everyone"""
)


#: How an English letter addresses its reader ("Respected Sir/Madam", "dear committee").
_LETTER_ADDRESS = word_set("dear respected esteemed sir madam sirs")




def _split_clock_questions(part: str) -> list[str]:
    """"hari Kamis mulai jm brp selesai jm brp" is two questions with no separator: after a
    clock time asked, what follows asking a clock time again is a question of its own."""
    words = part.split()
    tokens = [textnorm.DEFAULT.tokens(w) for w in words]
    firsts = [t[0] if len(t) == 1 else "" for t in tokens]
    for i in range(len(words) - 2):
        if (firsts[i], firsts[i + 1]) in CLOCK_ASKED:
            rest = firsts[i + 2:]
            if any(pair in CLOCK_ASKED for pair in pairwise(rest)):
                return [" ".join(words[:i + 2]), *_split_clock_questions(
                    " ".join(words[i + 2:]))]
            break
    return [part]


#: A day's programme asked for by name ("first day agenda dong, mulai jam brp": the agenda,
#: then when it starts); not "acara" nor "hari", which say the day a question is about.
_PROGRAMME_ASKED = word_set("jadwal agenda schedule rundown susunan programme")


def _names_programme(piece: str) -> bool:
    return bool(set(textnorm.DEFAULT.tokens(piece)) & _PROGRAMME_ASKED)


#: Being lost or confused ("saya tersesat", "beta nyasar", "I'm lost").
_LOST = word_set("lost tersesat nyasar kesasar bingung confused")


def _lost_only(piece: str) -> bool:
    tokens = set(textnorm.DEFAULT.tokens(piece))
    return bool(tokens & _LOST) and tokens <= _LOST | FIRST_PERSON | word_set(
        "am is are lagi sedang agak sangat so very totally a bit little")


#: Apologising for writing ("Mohon maaf mengganggu waktunya", "sorry to bother you"): a
#: letter's courtesy before what it asks. Regional courtesies ("ngapunten", "punten", "tabe")
#: reach it as "permisi" (textnorm.REGIONAL).
_APOLOGY = word_set("maaf permisi sorry excuse pardon")
_APOLOGISING = _APOLOGY | _ADDRESSED | word_set(
    "mohon mengganggu ganggu waktu waktunya to for bother trouble disturb disturbing "
    "interrupting you me")


def _apologises_only(piece: str) -> bool:
    tokens = set(textnorm.simple_tokens(piece))
    return bool(tokens & _APOLOGY) and tokens <= _APOLOGISING


def _courtesy_only(part: str) -> bool:
    """"Bapak/Ibu panitia yang terhormat, mohon maaf mengganggu waktunya": address and
    apology, nothing asked."""
    pieces = [p for p in part.split(",") if p.strip()]
    return (any(_apologises_only(p) for p in pieces)
            and all(set(textnorm.simple_tokens(p)) <= _APOLOGISING for p in pieces))


def _greets_only(piece: str) -> bool:
    tokens = set(textnorm.simple_tokens(piece))
    return bool(tokens & _GREETING) and tokens <= _ADDRESSED


def _asks_itself(piece: str) -> bool:
    tokens = textnorm.DEFAULT.tokens(piece)
    # "Tolong info nomor panitia registrasi, sekalian mau tanya …": a request asks too.
    request = bool(tokens) and tokens[0] in _ASKS_FOR and not set(tokens) <= _PREFACE
    return request or bool(set(tokens) & _ASKING) or _anaphoric(tokens) is not None


def _plans_own(tokens: tuple[str, ...]) -> bool:
    """A piece saying what the asker means to do outside the event ("mau book flight
    pulang", "I want to book my flight home", "mau pesan tiket pesawat"): a wanting word
    first (after "saya"/"I"), a word of the off-topic lexicon (flights, hotels) and nothing
    asked."""
    rest = tokens[1:] if tokens[:1] and tokens[0] in FIRST_PERSON else tokens
    return (bool(rest) and rest[0] in _WANT and not set(rest) & _ASKING
            and any(t in OFF_TOPIC for t in rest))


#: Wanting or meaning to ("mau", "ingin" and chat's "pengen": textnorm reads them "mau").
_WANT = word_set("mau hendak akan want wanna plan planning need")


#: Having something on ("saya ada pesawat siang", "I have a flight at noon").
_HAVE = word_set("ada punya have has got")


#: Words opening a request that asks for something as a question would.
_ASKS_FOR = word_set("tolong minta mohon please")
#: "…, sama/dan/juga Y": a comma piece adding one more thing to a request.
_ALSO = word_set("sama dan serta juga sekalian and also")


def _requests(piece: str) -> bool:
    tokens = textnorm.DEFAULT.tokens(piece)
    return bool(tokens) and tokens[0] in _ASKS_FOR and not set(tokens) <= _PREFACE


def _key(u: Understanding) -> tuple[object, ...]:
    # The question words too: "Prof X dari mana? sesinya hari apa?" asks two things of one
    # session (where from, which day); both are answered, not the first twice.
    asks = frozenset(textnorm.simple_tokens(u.question)) & _ASK_WORDS
    if u.intent is Intent.SCHEDULE and u.day is not None and not (u.session_ids or u.scope):
        # "hari ini hari ke berapa? acara apa aja?": the day's programme answers both.
        asks = frozenset()
    # And the place or person named: "alamat kantor X di mana, trus Y di mana?" asks two
    # places the same way; the second is not dropped as the first again.
    return (u.intent, u.session_ids[:1], u.venue_ids[:1], u.speaker_ids[:1], u.facts,
            u.faq_id, u.stops, u.regions, u.day, u.scope, u.until, asks)


#: Question words that say which detail a question asks for.
_ASK_WORDS = word_set(
    """siapa kapan dimana mana berapa kenapa mengapa what who when where how which why
    jam hari"""
)


def understand_all(text: str, event: Event, now: datetime) -> tuple[Understanding, ...]:
    """Every question a message asks, greetings and closings set aside, best first; a day's
    programme asked for several days joined by "and" is one question per day."""
    understander = understander_for(event)
    out: list[Understanding] = []
    for u in _questions(text, event, now):
        days = _days_joined(understander, u.question, now) if (
            u.intent is Intent.SCHEDULE and u.scope not in (Scope.REST, Scope.ALL)
            and u.time is None and not (u.session_ids or u.relation)) else ()
        # "jadwal kamis sama jumat", "Thursday and Friday", "besok dan lusa": each day's
        # programme (when a day starts or ends: each day's start or end).
        out += [replace(u, day=day) for day in days] or _both_sides(understander, u) or [u]
    return tuple(out)  # answers.py answers MAX_QUESTIONS and declines the rest together


def _days_joined(understander: Understander, text: str, now: datetime) -> tuple[date, ...]:
    """The days `text` names one after the other, joined by "dan", "sama", "and" or nothing
    ("tgl 17 & 18"); none unless there are two or more. A bare number after a day named by
    its number ("hari 2 dan 3") is a day named the same way."""
    tokens = understander.normalizer.tokens(text)
    local = understander.event.local(now) if now.tzinfo else now
    days: list[date] = []
    end = -1  # the last token of the day named last
    noun = ""  # "hari" of "hari 2 dan 3"
    while len(days) < MAX_QUESTIONS:
        rest = ["" if i <= end else t for i, t in enumerate(tokens)]
        when = when_from_tokens(rest, local, understander.days)
        used = sorted(i for i in when.used if i > end)
        if when.day is None and noun:
            # "hari 2 dan 3": the noun of the day before with the bare number.
            bare = next((i for i in range(end + 1, len(tokens)) if tokens[i].isdigit()), None)
            if bare is not None:
                when = when_from_tokens([noun, tokens[bare]], local, understander.days)
                used = [bare]
        if when.day is None or when.day in days or not used:
            break
        if days and any(t not in _JOINING | _DAY_NOUNS for t in tokens[end + 1:used[0]]):
            break  # "kalau hari ini penuh, besok jam berapa?": not days asked together
        if not days:
            noun = next((tokens[i] for i in (used[0], used[0] - 1)
                         if i >= 0 and tokens[i] in _DAY_NOUNS), "")
        days.append(when.day)
        end = used[-1]
    return tuple(days) if len(days) > 1 else ()


def _sides(words: list[str]) -> bool:
    """Two words, the relations before and after ("before", "sesudah"), in either order."""
    found = {RELATIONS.get(textnorm.DEFAULT.tokens(w)[0]) for w in words
             if textnorm.DEFAULT.tokens(w)}
    return len(words) == 2 and found == {Relation.BEFORE, Relation.AFTER}


def _both_sides(understander: Understander, u: Understanding) -> list[Understanding]:
    """"sebelum dan sesudah ishoma ada apa?", "what's before and after lunch?": the item
    before the one named and the item after it, two questions; none unless so asked."""
    if u.relation not in (Relation.BEFORE, Relation.AFTER) or u.anchor_id is None:
        return []
    tokens = understander.normalizer.tokens(u.question)
    if not any(_sides([a, c]) and b in _JOINING for a, b, c in zip(tokens, tokens[1:],
                                                                       tokens[2:], strict=False)):
        return []
    return [replace(understander.related(relation, u.anchor_id, u.anchor_stop),
                    confidence=u.confidence, day=u.day, question=u.question)
            for relation in (Relation.BEFORE, Relation.AFTER)]


#: Words that join two days asked ("kamis dan/sama/n jumat", "today or tomorrow").
_JOINING = word_set("sama ama dan serta n and atau or plus juga")
#: Nouns a day is named by its number with ("hari 2", "tanggal 17").
_DAY_NOUNS = word_set("hari tanggal day date")


def _questions(text: str, event: Event, now: datetime) -> tuple[Understanding, ...]:
    """Every question a message asks, greetings and closings set aside, best first.

    A part that names nothing ("jam berapa mulainya?") is read together with the part before
    it, which named what it is about. Without any question, the whole message is understood
    as one (a greeting, a thank-you, an unknown).
    """
    understander = understander_for(event)
    parts = [p for part in split_questions(text) for p in _two_answers(understander, part, now)]
    every = parts
    parts = _without_own_plans(understander, parts, text, now)
    # "I arrive tomorrow around 10. Which sessions will I miss and what is the next one I
    # can join?": the moment the asker's own plan names is when what they ask is measured.
    moment = _planned_moment(understander, [p for p in every if p not in parts], now)
    if moment is not None and not any(
            _from_moment(understander, p, u, moment) is not u
            for part in parts for p in _AND_RE.split(part) if p.strip()
            if not _when_words(understander, p, now)
            and (u := understander.understand(p, now))):
        moment = None  # nothing is missed or joined: the parts are read as ever
    if moment is not None:
        parts = [p for part in parts for p in _AND_RE.split(part) if p.strip()]
    if len(parts) == 1 and moment is None:
        # A letter's frame (address, self-introduction, signature) set aside, the question is
        # read alone: its sender's office and region are not what it asks.
        norm = understander.normalizer
        single = parts[0] if norm.tokens(parts[0]) != norm.tokens(text) else text
        return (_own_talk(understander, _own_contact(
            understander, replace(understander.understand(single, now), question=single),
            text, now), text),)
    found: list[Understanding] = []
    previous = ""
    subject: Understanding | None = None  # the last question that named an item
    for part in parts:
        tokens = understander.normalizer.tokens(part)
        if (tokens and set(tokens) <= _PREFACE) or _courtesy_only(part):
            continue  # "Mohon info:", "Izin bertanya," asks nothing by itself
        u = understander.understand(part, now)
        if moment is not None and not _when_words(understander, part, now) and (
                timed := _from_moment(understander, part, u, moment)) is not u:
            found.append(replace(timed, question=part))
            continue
        said = part  # with what it was read: a later part borrows that subject too
        if (found and u.intent is Intent.ABOUT and not _names(u)
                and {t.removesuffix("nya") for t in tokens} & _TOPIC
                and (found[-1].session_ids or scope_item(understander.event, found[-1]))):
            # "Sesi pertama hari ini jam berapa dan membahas apa?", "… tertinggal sesi
            # sebelum makan siang. Sesi tersebut membahas apa?": the topic of the item just
            # asked, which its card shows; not the event's own background.
            continue
        if (previous and subject is not None and _entities(subject) and not _entities(u)
                and set(tokens) & _BACK_PRONOUNS):
            # "Semarang contact number and what time is their presentation?": "their" is
            # the item the part before named.
            joined = understander.understand(
                f"{understander.named_words(previous)} {part}", now)
            if _entities(joined):
                u = joined
        if (u.day is None and previous and found and found[-1].day is not None
                and (found[-1].scope is not None or u.session_ids)):
            # "Hari Kamis sesi pertama apa, dan sesi terakhir jam berapa selesai?": the
            # second part of a day's programme is of the same day; so is it after any part
            # naming a day ("What time is lunch today, and what is the last session?").
            day = _when_words(understander, previous, now)
            joined = understander.understand(f"{day} {part}", now) if day else u
            if joined.scope is not None:
                u = joined
        relation = _anaphoric(tokens) if subject is not None and not _names(u) else None
        onwards = (_anaphoric(tokens) is Relation.AFTER and bool(previous) and bool(found)
                   and found[-1].until is None and not _names(u) and (
                       joined := understander.understand(f"{previous} {part}", now)
                   ).until is not None)
        if onwards:
            # "kami rapat hingga pukul sepuluh. Setelah itu sesi apa?": "itu" is the time the
            # part before ended on, not an item it named: the day from then on.
            u = Understanding(Intent.SCHEDULE, day=joined.day, time=joined.time,
                              until=joined.until, confidence=0.5, question=part)
            relation = None
            if found[-1].question == previous and not _is_question(previous, text):
                found.pop()  # the busy time told asked nothing of its own
        if (relation is None and subject is not None and not _names(u) and found
                and found[-1].question == previous and _ends(previous) and _asks(part)):
            # "keynote selesai trus apa?": when X is over, then what? The item after X;
            # "X selesai" on its own asked nothing.
            relation = Relation.AFTER
            if not _is_question(previous, text):
                found.pop()
        if (found and not found[-1].session_ids and not _names(u)
                and (item := scope_item(understander.event, found[-1])) is not None
                and (after := _anaphoric(tokens)) is not None):
            # "Sesi pertama besok itu apa, dan sesudahnya apa?": after the day's first item,
            # which the question just before asked for by its place in the day, not by name.
            relation = after
            subject = replace(found[-1], session_ids=(item.id,), anchor_stop=None)
        if subject is not None and relation is not None and u.relation is None:
            # "Sesi Prof Lee jam berapa? Dan sesudahnya ada apa?": after the item named before.
            anchor = subject.anchor_id if subject.anchor_stop is not None or _turns_back(
                subject, relation) else understander.nearest(subject.session_ids, now)
            stop = subject.anchor_stop if subject.anchor_stop is not None else (
                subject.stops[0] if len(subject.stops) == 1 else None)
            if anchor is not None:
                u = replace(understander.related(relation, anchor, stop), confidence=0.5)
        elif (previous and subject is not None and u.facts and not _entities(u)
              and _entities(subject)):
            # "Kapan city tour dan berapa kuota pesertanya?": the count is of the item named
            # before (the tour's seats), not of the event's participants, when the part read
            # with that item asks a fact of it.
            joined = understander.understand(f"{understander.named_words(previous)} {part}",
                                             now)
            if joined.facts and _entities(joined) and joined.intent is subject.intent:
                u = joined
        elif previous and not onwards and not _names(u) and u.intent in _CONTEXTUAL and not (
            u.intent is Intent.UNKNOWN and _unknown_words(understander, part)
        ):
            # "Kapan registrasi? Di mana lokasinya?": the second is about the first's item.
            # First with only what the first part named, so its own question words do not
            # decide ("Kontak Banyuwangi? Bupatinya bicara jam berapa?" asks for a time).
            named = understander.named_words(previous)
            # With the day the part before named too ("besok tour berhenti di mana? selesainya
            # jam berapa?"); that day alone when the part before named only a practical
            # answer ("besok pake baju apa? dan acara mulai jam brp?" asks when tomorrow
            # starts, not about clothes again).
            day = _when_words(understander, previous, now)
            dated = f"{day} {named}".strip() if day else ""
            contexts: tuple[str, ...] = (dated, day, named, previous)
            if _when_words(understander, part, now):
                # "hari ini sesi apa aja, besok apa?": a part naming its own day keeps it;
                # the part before lends only what it named.
                contexts = (named, _without_when(understander, previous, now))
            own = u
            for context in dict.fromkeys(contexts):
                if not context:
                    continue
                joined = understander.understand(f"{context} {part}", now)
                if ((context == dated or set(tokens) & (ITEM_NOUNS | PROGRAMME_WORDS)
                     or own.scope is not None)
                        and subject is not None and joined.faq_id is not None
                        and joined.faq_id == subject.faq_id):
                    # "mushola dmn trs sesi siang jam brp": a part asking about the programme
                    # asks its own question, not the practical answer before again; so does
                    # one asking a part of the day ("dress code besok? trs selesai jm brp?").
                    continue
                if joined.intent is not Intent.UNKNOWN and (
                    u.intent is Intent.UNKNOWN or joined.intent is u.intent
                ):
                    u, said = joined, f"{context} {part}"
                    break
                if (u.intent is Intent.UNKNOWN and joined.faq_id and subject is not None
                        and joined.faq_id == subject.faq_id and not _entities(subject)):
                    # "… belum sempat mengambil kartu peserta. Di mana kami dapat
                    # mengambilnya?": the practical answer of the part before answers it.
                    u = subject
                    break
            if (u is not own and set(tokens) & _ASKING and _asks_more(understander, part, previous)
                    and any(_key(replace(u, question=part)) == _key(f) for f in found)):
                # "siapa yg buka acara dan siapa pembicara kunci?", "brp kota X, dan brp
                # pemda Y?": read with the part before, the part asks that part's question
                # again, yet names words of its own: it asks about another thing, read alone
                # (answered by what it names, or declined), never dropped as a repeat.
                u = own
            if (subject is not None and subject.relation is not None and subject.session_ids
                    and u.session_ids[:1] == (subject.anchor_id,)):
                # "what is after the coffee break and who speaks?": the item after it speaks.
                u = replace(u, session_ids=subject.session_ids[:1])
        # A greeting, a closing or politeness ("mohon maaf mengganggu") asks nothing.
        # A part that ends with a question mark asks something ("Is there an ATM nearby?"):
        # it is declined, not dropped; nor is it a greeting because it starts with one
        # ("Selamat siang, bolehkah … membawa ajudan …?" asks about something the bot
        # does not know).
        asked = f"{part}?" in text
        if asked and u.intent in COURTESY and _unknown_words(understander, part):
            u = replace(u, intent=Intent.UNKNOWN, confidence=0.5)
        courtesy = u.intent in COURTESY or (
            u.intent is Intent.UNKNOWN and not (u.doubts or _asks(part) or asked)
        )
        if courtesy and not (u.faq_id or u.facts):
            continue
        if _names(u) and not _introduces(part, text):
            # "… ingin meliput jumpa pers. Jam berapa dimulai dan di mana tempatnya?": the
            # third borrows the item the second borrowed from the first.
            previous = said
            subject = u
        elif u.day is not None and (u.scope is not None or u.intent is Intent.SCHEDULE):
            # "besok mulai jam brapa, trus kelar jam brapa?", "hari ini hari ke berapa? acara
            # apa aja?": the same day.
            previous = part
        found.append(replace(u, question=part))
    # "Saya dari Pemkab Sikka.", "Kami akan hadir 3 orang.": a statement next to a question
    # does not ask for contacts or a registration.
    if any(_is_question(f.question, text) for f in found):
        found = [f for f in found
                 if _is_question(f.question, text)
                 or (f.intent not in _STATEMENT_OK and not _introduces(f.question, text))
                 or _asks_contact_of(f)]
    if any(not _pleads_only(f) for f in found):
        # "… lokasi seminar di mana? Mohon bantuan.": asking for help with the question
        # asked is no request for the bot's help.
        found = [f for f in found if not _pleads_only(f)]
    unique: list[Understanding] = []
    for f in found:
        if all(_key(f) != _key(g) for g in unique):
            unique.append(f)
    found = unique
    if not found:
        return (replace(understander.understand(text, now), question=text),)
    if len(found) == 1:
        return (_own_talk(understander, _own_contact(understander, found[0], text, now),
                          text),)
    return tuple(found)


def _pleads_only(u: Understanding) -> bool:
    """"Mohon bantuan", "please help": a plea, nothing asked."""
    words = set(textnorm.DEFAULT.tokens(u.question))
    return (u.intent is Intent.HELP and bool(words & _PLEA)
            and words <= _PLEA | _REQUEST_WORDS | textnorm.PARTICLES | _PLEA_COURTESY)


_PLEA = word_set("bantuan bantuannya bantu dibantu help assistance assist")
_PLEA_COURTESY = word_set("kami saya sy us me your kindly atas nya")


#: Asking what something is about ("membahas apa", "temanya apa", "what is it about").
_TOPIC = word_set("bahas membahas dibahas bahasan topik topic tema theme tentang about isi")
#: Intents a part naming nothing may take its subject from the part before.
_CONTEXTUAL = frozenset({Intent.UNKNOWN, Intent.VENUE, Intent.SPEAKER, Intent.SESSION,
                         Intent.SCHEDULE})
#: Intents that would answer a statement with an action card (contacts, registration…).
_STATEMENT_OK = frozenset({Intent.RSVP, Intent.CONTACT, Intent.REMINDER, Intent.ANNOUNCEMENT,
                           Intent.HELP, Intent.UNKNOWN})
_REQUEST_WORDS = word_set(
    """tolong mohon minta please mau ingin bisa boleh ingatkan daftarkan kirim lihat cek
    tampilkan show send tell"""
)


#: Words of a preface that asks nothing by itself ("Mohon info:", "Izin bertanya, Pak").
_PREFACE = word_set(
    """mohon info informasi izin ijin tanya bertanya menanyakan mau saya kami minta permisi
    maaf pak bu bapak ibu kak min admin mas mbak om sedikit dong ya petunjuk arahan"""
)
#: After a relation word, words that point back at what was named before ("abis tu"), or at
#: the person named before ("abis dia sapa lai?": after that speaker's session), or at the
#: item itself ("what comes after it?").
_BACK = THAT_WORDS | {"lagi", "ada", "apa", "acara", "what", "then", "dia", "beliau", "him",
                      "her", "it"}
_THEN = frozenset({"then", "terus", "trus", "lalu", "kemudian"})
#: "trus lanjut apa?", "dilanjutkan dengan apa?": what the programme goes on with.
_ON_WORDS = word_set("lanjut lanjutnya dilanjut dilanjutkan berlanjut")


def _anaphoric(tokens: tuple[str, ...] | list[str]) -> Relation | None:
    """"abis tu apa lai?", "sesudahnya?", "after that?": a relation word pointing back."""
    for i, tok in enumerate(tokens):
        relation = RELATIONS.get(tok)
        if relation is not None and (i + 1 == len(tokens) or tokens[i + 1] in _BACK):
            return relation
    # "Keynote jam berapa? Sesi berikutnya apa?", "next speaker siapa?", "trus lanjut apa?":
    # the item after it.
    if set(tokens) & (NEXT_WORDS | _ON_WORDS):
        return Relation.AFTER
    # "… selesai jam berapa, and then?", "terus?": nothing but "then" asks what follows.
    if tokens and set(tokens) & _THEN and set(tokens) <= _THEN | _BACK | {"dan", "and"}:
        return Relation.AFTER
    return None


#: Words that say an item is over ("keynote selesai, trus apa?").
_OVER = word_set("selesai kelar bubar usai beres rampung berakhir habis over done finished "
                 "ends ended finishes")


def _own_plan(understander: Understander, piece: str, text: str, now: datetime) -> bool:
    """"beta baru tiba bsk pagi": a statement of the asker's own plans with its own day or
    time, asking nothing; it says why they ask and never sets the day of the question beside
    it ("lusa tu acara apa sa? beta baru tiba bsk pagi" asks about the day after tomorrow),
    when it names no item of its own."""
    tokens = understander.normalizer.tokens(piece)
    # "mohon maaf, kami baru tiba kemarin": an apology before it leaves it a statement.
    while tokens and tokens[0] in _APOLOGISING and tokens[0] not in FIRST_PERSON:
        tokens = tokens[1:]
    return (bool(tokens) and tokens[0] in FIRST_PERSON and f"{piece.strip()}?" not in text
            and "?" not in piece and not set(tokens) & (_ASKING | _REQUEST_WORDS | _SENDER)
            and bool(_when_words(understander, piece, now))
            # "kami besok ikut city tour. kumpul di mana?": an item named is the context.
            and not _names(understander.understand(piece, now)))


#: "bos saya tanya", "my boss asks": someone of the asker's relays the question.
_RELAYS = word_set("tanya nanya bertanya menanyakan tanyakan ask asks asked asking")


def _aside(understander: Understander, piece: str, text: str, now: datetime) -> bool:
    """A comma piece beside the question that asks nothing and names nothing of the event:
    who relays it ("beta pung bos tanya, sesi X sampai jam berapa?") or the asker's own
    state ("makan siang jam brp, parut su bunyi")."""
    tokens = understander.normalizer.tokens(piece)
    words = set(tokens)
    relay = bool(words & FIRST_PERSON and words & _RELAYS)
    state = bool(words & _ALREADY_SAID) and not words & _OVER
    return ((relay or state) and "?" not in piece and f"{piece.strip()}?" not in text
            and not words & (_ASKING | _REQUEST_WORDS | _SENDER | OFF_TOPIC)
            and not _names(understander.understand(piece, now)))


#: "sudah", said of the asker's own state ("perut sudah bunyi", "udah laper").
_ALREADY_SAID = word_set("sudah telah")


#: Missing items ("which sessions will I miss?", "sesi apa yang terlewat?") and joining
#: them ("the next one I can join", "bisa ikut sesi apa?").
_MISS = word_set("miss missed terlewat terlewatkan melewatkan kelewatan ketinggalan tertinggal")
_JOIN = word_set("join attend catch ikut ikuti mengikuti gabung bergabung")


def _planned_moment(understander: Understander, plans: list[str], now: datetime
                    ) -> tuple[date, time] | None:
    """The day and clock time the asker's own plan names ("I arrive tomorrow around 10"),
    when one plan names both."""
    found = []
    for plan in plans:
        tokens = understander.normalizer.tokens(plan)
        when = when_from_tokens(tokens, now, understander.event.days)
        if when.day is not None and when.time is not None and understander.event.sessions_on(
                when.day):
            found.append((when.day, when.time))
    return found[0] if len(found) == 1 else None


def _from_moment(understander: Understander, part: str, u: Understanding,
                 moment: tuple[date, time]) -> Understanding:
    """A part naming no time of its own, read from the moment of the asker's plan: what is
    missed before it (that day's programme up to then), what can be joined from it (that
    day's programme from then on); any other question as it is."""
    words = set(understander.normalizer.tokens(part))
    if _entities(u) or not words & (_MISS | _JOIN):
        return u
    day, at = moment
    sessions = understander.event.sessions_on(day)
    first = min(understander.event.local(s.start) for s in sessions).time()
    last = max(understander.event.local(s.end) for s in sessions).time()
    if words & _MISS:
        if first >= at:
            return u
        return Understanding(Intent.SCHEDULE, day=day, time=first, until=at, confidence=0.5)
    if last <= at:
        return u
    return Understanding(Intent.SCHEDULE, day=day, time=at, until=last, confidence=0.5)


def _without_own_plans(understander: Understander, parts: list[str], text: str,
                       now: datetime) -> list[str]:
    """The parts without the asker's own plans (`_own_plan`), whole or a comma piece of a
    part, when something else is asked."""
    kept: list[str] = []
    for part in parts:
        pieces = [p for p in part.split(",") if p.strip()]
        if len(pieces) > 1:
            asked = [p for p in pieces if not (_own_plan(understander, p, text, now)
                                               or _aside(understander, p, text, now))]
            if asked and len(asked) < len(pieces) and any(_asks_itself(p) for p in asked):
                part = ",".join(asked).strip()
        kept.append(part)
    asked = [p for p in kept if not _own_plan(understander, p, text, now)]
    return asked if asked and any(_asks_itself(p) for p in asked) else kept


def _introduces(part: str, text: str) -> bool:
    """"Saya dari Dinas Kominfo Kabupaten X.": who is asking, a statement; what it names is
    not what the next question is about ("siapa saja narasumber … hari kedua?" is not asked of
    the minister's office nor of the asker's region)."""
    tokens = set(textnorm.simple_tokens(part))
    return (bool(tokens & FIRST_PERSON) and bool(tokens & _SENDER)
            and not _is_question(part, text))


def _ends(part: str) -> bool:
    """Whether a part ends by saying its item is over ("keynote selesai")."""
    tokens = textnorm.simple_tokens(part)
    return bool(tokens) and tokens[-1] in _OVER


def _when_words(understander: Understander, text: str, now: datetime) -> str:
    """The words of `text` that say a day or time ("besok pake baju apa? dan acara mulai jam
    brp?": the second question is about tomorrow too)."""
    tokens = understander.normalizer.tokens(text)
    when = when_from_tokens(tokens, now, understander.event.days)
    return " ".join(tokens[i] for i in sorted(when.used))


def _without_when(understander: Understander, text: str, now: datetime) -> str:
    """The words of `text` that do not say a day or time ("hari ini sesi apa aja": "sesi apa
    aja")."""
    tokens = understander.normalizer.tokens(text)
    when = when_from_tokens(tokens, now, understander.event.days)
    return " ".join(t for i, t in enumerate(tokens) if i not in when.used)


def _entities(u: Understanding) -> bool:
    """Whether `u` names an item of the programme (not only a fact of the event)."""
    return bool(u.session_ids or u.speaker_ids or u.venue_ids or u.stops)


def _names(u: Understanding) -> bool:
    return bool(u.session_ids or u.speaker_ids or u.venue_ids or u.stops or u.faq_id
                or u.facts or u.regions)


def _is_question(part: str, text: str) -> bool:
    """A question or a request, not a statement ("Saya dari Pemkab Sikka")."""
    tokens = textnorm.simple_tokens(part)
    # The splitter drops the "?": "… closing, and is there a certificate?" still asks.
    opens = bool(tokens) and tokens[0] in _YES_NO
    # "minta no panitia, sama email sekretariat": what a request goes on to is requested.
    also = _requests(text) and _goes_on_to(part, text)
    # "mohon maaf kami baru tiba tadi malam …" apologises: "mohon" before an apology word
    # requests nothing (the statement's own day or part of the day is not asked about).
    words = {t for i, t in enumerate(tokens)
             if not (t in _REQUEST_WORDS and tokens[i + 1:i + 2] and tokens[i + 1] in _APOLOGY)}
    return ("?" in part or f"{part}?" in text or opens or also
            or bool(words & (QUESTION_WORDS | _REQUEST_WORDS)))


#: ", sama", ", and" with the space after it, at the end: what follows is a request going on.
#: Compiled once; the part it precedes is looked for with `str.find` (`_goes_on_to`).
_GOES_ON_RE = re.compile(r",\s*(?:" + "|".join(sorted(_ALSO)) + r")\s+\Z")


def _goes_on_to(part: str, text: str) -> bool:
    """Whether `part` stands in `text` right after ", sama", ", and" … (one search per place
    `part` starts, the text cut there, instead of a pattern with `part` in it per call)."""
    start = text.find(part)
    while start != -1:
        if _GOES_ON_RE.search(text, 0, start):
            return True
        start = text.find(part, start + 1)
    return False


def _asks_contact_of(u: Understanding) -> bool:
    """"Semarang contact number and what time is their presentation?": a contact detail of
    someone named (a region, a speaker), none given and nobody's own, is asked for ("our
    number is 0812…" is not; "kontak kab." names no one)."""
    tokens = set(textnorm.simple_tokens(u.question))
    return (u.intent is Intent.CONTACT and bool(u.regions or u.speaker_ids)
            and bool(tokens & _CONTACT_DETAILS)
            and not (tokens & FIRST_PERSON or any(t.isdigit() for t in tokens)))


def _own_contact(understander: Understander, u: Understanding, text: str, now: datetime
                 ) -> Understanding:
    """"Kami rombongan dari Kota Bogor, mohon nomor kontak yang bisa dihubungi": a contact
    asked for naming no one (no region, speaker, item, nor the organizers) is the asker's
    own region's, which only the message's introduction (set aside) names."""
    if (u.intent is not Intent.CONTACT or u.question == text
            or u.regions or u.speaker_ids or u.session_ids or u.venue_ids or u.faq_id
            or set(textnorm.simple_tokens(u.question)) & (ORGANIZERS | HOSTS)):
        return u
    whole = understander.understand(text, now)
    if whole.intent is Intent.CONTACT and whole.regions and not whole.speaker_ids:
        return replace(whole, question=text)
    return u


def _own_talk(understander: Understander, u: Understanding, text: str) -> Understanding:
    """"I am a delegate from Semarang … on which day is our city's presentation?", "kapan
    bupati kami presentasi?", "When is our presentation? We are from X.": the talk the
    asker's own region gives (`Understander.presenting`), which only the message's
    introduction names; none, the data has no such talk (declined). "Our presentation" alone
    is asked when (not its slides)."""
    tokens = understander.normalizer.tokens(u.question)
    words = set(tokens)
    pairs = list(pairwise(tokens))
    own = any({a, b} & FIRST_PERSON and {a, b} & (REGION_NOUNS | ROLES) for a, b in pairs) or (
        bool(words & _WHEN_ASKED or set(pairs) & CLOCK_ASKED)
        and any({a, b} & PRESENTING and {a, b} & FIRST_PERSON for a, b in pairs))
    if (u.regions or u.speaker_ids or u.relation is not None or not words & PRESENTING
            or not own):
        return u
    mentions = understander.region_index.mentions(understander.normalizer.tokens(text))
    regions = {r for m in mentions for r in m.regions}
    if len(regions) != 1 or any(m.ambiguous for m in mentions):
        return u
    region = regions.pop()
    talks = understander.presenting.get(region, ())
    if not talks:
        return replace(u, intent=Intent.UNKNOWN, session_ids=(), confidence=0.0, faq_id=None,
                       faq_covers=False)
    return replace(u, intent=Intent.SESSION, session_ids=talks, regions=(region,),
                   confidence=0.5, faq_id=None, faq_covers=False)


#: Asking when ("kapan", "which day", "what time": with CLOCK_ASKED).
_WHEN_ASKED = word_set("kapan when hari day scheduled")


#: English pronouns pointing back to what the part before named.
_BACK_PRONOUNS = word_set("his her their its he she they him them")
#: With "nomor", "number": the intent is a contact already, so a number is the phone's ("nomor
#: Semarang?"). Without the verbs of reaching someone that coverage.CONTACT_WORDS has
#: ("hubungi", "call"): as it always was, a change of reading if added.
_CONTACT_DETAILS = CONTACT_DETAILS | {"nomor", "number"}


#: Words that open a yes/no question ("is there …", "do we …", "boleh …").
_YES_NO = word_set("is are do does did can could will would should may apakah boleh bisa")


def _unknown_words(understander: Understander, part: str) -> bool:
    """Whether `part` has a longer word that is neither general language nor known to the
    bot or the event's data ("bicara" is general; "istri" is not)."""
    vocabulary = understander.normalizer.vocabulary
    return any(len(w) >= 3 and w.isalpha() and w not in vocabulary and w not in GENERAL
               and not (w.endswith("nya") and (w[:-3] in vocabulary or w[:-3] in GENERAL))
               for w in understander.normalizer.tokens(part))


#: Words that name nothing a question is about: asking, pointing back, the day's words.
_NAMES_NOTHING = QUESTION_WORDS | THAT_WORDS | _BACK | _THEN | _ASK_WORDS | FIRST_PERSON | {
    "dan", "and", "serta", "sama", "juga", "also", "yang", "itu", "ini", "saja", "aja"}


def _asks_more(understander: Understander, part: str, previous: str) -> bool:
    """Whether `part` has a word of its own, not in `previous`, that names something: a
    noun asked about ("pemda", "kunci"), not a question word, a particle, a pronoun nor what
    is asked of an item ("selesai", "tempat": the lexicon's words)."""
    norm = understander.normalizer
    before = set(norm.tokens(previous))
    return any(len(w) >= 3 and w.isalpha() and w not in before
               and (w.removesuffix("nya") or w) not in _ASKED_OF_ITEM
               and w not in _ASKED_OF_ITEM for w in norm.tokens(part))


#: Words asking something of an item, or nothing: not the name of another thing asked.
_ASKED_OF_ITEM = _NAMES_NOTHING | textnorm.PARTICLES | GENERAL | frozenset(LEXICON)


def _asks(part: str) -> bool:
    words = set(textnorm.simple_tokens(part))
    return bool(words & (QUESTION_WORDS | set(LEXICON)) - {"saya", "selamat"})


#: The relation that undoes another: the item before the one after X is X itself.
_OPPOSITE = {Relation.AFTER: Relation.BEFORE, Relation.BEFORE: Relation.AFTER}


def _turns_back(subject: Understanding, relation: Relation) -> bool:
    """"What comes before lunch and after it?", "apa sebelum ishoma, dan sesudahnya?": the second
    relation, the opposite of the first, is about the first's anchor; read about the item found
    it would only give the anchor back."""
    return (subject.anchor_id is not None and subject.relation is not None
            and _OPPOSITE.get(subject.relation) is relation)
