"""Questions about using the bot itself ("gimana cara absen di sesi?", "how do I get my
certificate?", "mau lihat kartu peserta saya"): which of the bot's features is asked about.

Pure, no Telegram. A how-to question needs two things: a way of asking how, where or whether
one can (cara, gimana, bisa, mau lihat, how, can I, where do I …) and the words of one of the
bot's features (absen, sertifikat, kartu peserta …). Only the features this event enables are
found (`commands.missing_for`), so the answer (bot/render_howto.py, generated from the event's
configuration) never offers what the event lacks. Nothing here is about one seminar: the words
are general Indonesian, Kupang Malay and English.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from enum import StrEnum
from itertools import pairwise

from bot import commands, textnorm
from bot.model import Event
from bot.understanding.lexicon import LIST_NOUNS, ORGANIZERS, recalls, word_set


class Feature(StrEnum):
    REGISTER = "register"
    RSVP = "rsvp"
    AGENDA = "agenda"
    REMINDERS = "reminders"
    CHECKIN = "checkin"  # a session's check-in with the code on its screen
    CARD = "card"  # the delegate card, shown at the registration desk
    CERTIFICATE = "certificate"
    VERIFY = "verify"  # is a certificate genuine
    SIGNATORIES = "signatories"  # who signs the certificate
    MATERIALS = "materials"
    FEEDBACK = "feedback"  # the stars asked after a session
    EVALUATION = "evaluation"
    LANGUAGE = "language"
    ERASE = "erase"  # /hapusdata
    ASK = "ask"  # a question to the panitia
    TOUR = "tour"  # joining the city tour
    TOUR_CHECKIN = "tour_checkin"  # being counted present at the tour's meeting point
    PROFILE = "profile"  # the name, institution and role given at registration, changed


#: The command whose presence in the event decides whether a feature exists (None: always).
_NEEDS: dict[Feature, commands.Command | None] = {
    Feature.CHECKIN: commands.CHECKIN,
    Feature.CERTIFICATE: commands.CERTIFICATE,
    Feature.VERIFY: commands.CERTIFICATE,
    Feature.SIGNATORIES: commands.CERTIFICATE,
    Feature.MATERIALS: commands.MATERIALS,
    Feature.EVALUATION: commands.EVALUATION,
    Feature.TOUR: commands.TOUR,
    Feature.TOUR_CHECKIN: commands.TOUR,
}


def available(feature: Feature, event: Event) -> bool:
    """Whether the event has this feature (a missing one is never offered)."""
    needs = _NEEDS.get(feature)
    if feature is Feature.SIGNATORIES and not (event.certificate and event.certificate.signatories):
        return False
    return needs is None or needs not in commands.missing_for(event)


# -- the words --------------------------------------------------------------------------------
# Canonical tokens (after bot.textnorm: "gimana"/"karmana" are "bagaimana", "pengen" is "mau").
#: Asking how: enough on its own.
_HOW = word_set("cara bagaimana how langkah prosedur petunjuk tutorial syarat syaratnya "
                "requirements requirement way")
#: Asking whether one can, or where, or wanting to: enough with a feature's words.
_CAN = word_set("bisa boleh can could dimana where kemana mana mau want minta tolong perlu "
                "harus need should link tautan form formulir")
_HOW_MUCH = frozenset({("how", "many"), ("how", "much"), ("how", "long"), ("how", "far")})
#: "mau tanya …", "boleh nanya": a preface to a question, not a wish to do something.
_ASKING = word_set("tanya bertanya menanyakan nanya ask")
#: "pakai apa", "untuk apa", "lewat apa": how, in other words.
_HOW_PAIRS = frozenset({("pakai", "apa"), ("untuk", "apa"), ("lewat", "apa"),
                        ("dengan", "apa"), ("di", "mana"), ("do", "with")})

_CHECKIN = word_set("absen absensi presensi checkin attendance tercatat dicatat")
_CHECKIN_PAIRS = frozenset({("check", "in"), ("cek", "in"), ("sign", "in"), ("daftar", "hadir"),
                            ("konfirmasi", "kehadiran"), ("confirm", "attendance"),
                            # "bagaimana cara mencatat kehadiran?": recording one's presence
                            ("mencatat", "kehadiran"), ("catat", "kehadiran"),
                            ("mencatatkan", "kehadiran")})
#: "sy sdh di titik kumpul, gmn …": at the tour's meeting point, being there is the check-in.
_MEETING_POINT = word_set("titikkumpul")
_MEETING_PAIRS = frozenset({("meeting", "point"), ("titik", "kumpul")})
_SESSION_CODE = word_set("layar screen sesi session")
_DESK = word_set("meja desk harian lobi lobby")
_CARD = word_set("kartu badge nametag qr")
_CARD_PAIRS = frozenset({("id", "card"), ("name", "tag")})
CERTIFICATE_WORDS = word_set("sertifikat sertipikat certificate certificates piagam")
#: A paper that proves something ("surat keterangan", "letter of …", "bukti …"), and having
#: attended: together the certificate of attendance.
PROOF_WORDS = word_set("surat keterangan bukti letter proof")
_ATTENDED = word_set("hadir kehadiran attendance attended")
#: Signing a certificate: "siapa yang tanda tangan sertifikat?", "sertifikatnya
#: ditandatangani siapa?", "who signs it?".
_SIGN = word_set("ttd tandatangan ditandatangani menandatangani penandatangan sign signs signed "
                 "signing signature signatures signatory signatories")
_SIGN_PAIRS = frozenset({("tanda", "tangan"), ("tanda", "tangannya")})
_GENUINE = word_set("keaslian asli verifikasi memverifikasi verify verification genuine "
                    "authentic palsu keabsahan sah valid")
_MATERIALS = word_set("materi slide slides ppt paparan makalah bahan presentation materials "
                      "presentasi")
_FEEDBACK = word_set("nilai menilai penilaian rating rate bintang stars star feedback masukan "
                     "ulasan review")
_STARS = word_set("bintang stars star rating rate")
_EVALUATION = word_set("evaluasi evaluation survei survey kuesioner kuisioner quisioner "
                       "questionnaire questioner kepuasan saran kritik suggestion suggestions")
_REGISTER = word_set("daftar mendaftar pendaftaran register registrasi signup daftarnya")
_REGISTER_PAIRS = frozenset({("sign", "up")})
#: After "daftar": a list ("daftar pembicara"), or the desk's re-registration ("daftar ulang").
_NOT_REGISTERING = (LIST_NOUNS - {"peserta"}) | word_set("ulang")
_DAILY = word_set("setiap tiap every daily harian")
_AGAIN = word_set("ulang again")
_WHERE_WHEN = word_set("dimana where kapan when jam")
_WHERE = word_set("dimana where kemana")
_DONE = word_set("sudah telah already udah")
#: Being somewhere now ("I'm at the meeting point", "sudah sampai di titik kumpul").
_ARRIVED = _DONE | word_set("sampai tiba arrived here sini am")
#: Asking what to do next ("musti buat apa?", "hrs ngapain?", "what do I do?", "trus gimana?").
_WHAT_TO_DO = word_set("ngapain bagaimana")
_WHAT_TO_DO_PAIRS = frozenset({("untuk", "apa"), ("what", "do"), ("what", "now"),
                               ("lalu", "apa"), ("terus", "apa"), ("what", "next")})
_ABLE = word_set("bisa boleh can could")
_JOIN = word_set("ikut iko ikuti mengikuti gabung join pilih memilih konfirmasi reservasi "
                 "booking book attend daftar mendaftar register")
_SESSIONS = word_set("sesi session sessions kehadiran hadir")
_TOUR = word_set("tour tur wisata")
#: The tour full ("kalau kursi bus penuh gimana?", "is the tour full?", "ada daftar
#: tunggu?"): joining it then puts one on a waiting list. "full" only as said of the seats
#: (after "is", or with a condition), not "the full programme".
_FULL = word_set("penuh waitlist")
_FULL_PAIRS = frozenset({("daftar", "tunggu"), ("waiting", "list")})
_FULL_AFTER = word_set("is are get gets")
_BUS = word_set("bus bis buses")
_OTHERS = word_set("bawa membawa bring ajak mengajak istri suami keluarga anak family wife "
                   "husband spouse pasangan partner children child kids son daughter")
_AGENDA = word_set("agendaku myagenda kalender calendar ics")
_MINE = word_set("saya pribadi ku my personal")
_PLAN = word_set("jadwal schedule")
_REMINDERS = word_set("pengingat ingatkan diingatkan diingetin notifikasi notif alarm "
                      "notification notifications reminders")
_LANGUAGE = word_set("bahasa language")
_SWITCH = word_set("ganti ubah switch change")
_LANGUAGES = word_set("inggris english indonesia indonesian")
_ERASE = word_set("hapusdata deletemydata")
_DELETE = word_set("hapus menghapus dihapus delete erase remove hilangkan")
_DATA = word_set("data")
#: What registration records of the delegate, and changing it ("salah ketik nama waktu
#: daftar, gmn ubahnya?"): /profil shows it, its button fills it in again.
_PROFILE = word_set("profil profile nama name instansi institution jabatan peran role")
_FIX = word_set("ubah mengubah diubah ganti mengganti diganti edit koreksi perbaiki "
                "memperbaiki betulkan ralat change correct fix update")
_WHOM_TO_CALL = word_set("hubungi dihubungi menghubungi kontak contact narahubung")
#: Not "penyelenggara": it names the body that holds the event ("siapa penyelenggaranya?", a
#: question about the event), more than the committee a delegate puts questions to.
_ORGANIZERS = ORGANIZERS - {"penyelenggara"}

#: Kupang Malay and chat spellings of the words above that textnorm does not know.
_SPELLINGS = {"dapa": "dapat", "liat": "lihat", "pake": "pakai", "iko": "ikut",
              "dpt": "dapat", "masukin": "masukkan", "absenn": "absen", "checkin": "checkin"}

_VOCABULARY = (
    _HOW | _CAN | _ASKING | _CHECKIN | _SESSION_CODE | _DESK | _CARD | CERTIFICATE_WORDS | _GENUINE
    | _MATERIALS | _FEEDBACK | _EVALUATION | _REGISTER | _JOIN | _SESSIONS | _TOUR | _AGENDA
    | _MINE | _REMINDERS | _LANGUAGE | _ERASE | _DELETE | _DATA | _ORGANIZERS
    | _SWITCH | _LANGUAGES | _SIGN | _PROFILE | _FIX
    | word_set("kode code dapat lihat ambil unduh download isi kasih masukkan")
)
#: Typos are corrected towards these words only ("sertifkat" -> "sertifikat").
_NORMALIZER = textnorm.Normalizer(_VOCABULARY)


@functools.lru_cache(maxsize=1024)
def tokens_of(text: str) -> tuple[str, ...]:
    """Canonical tokens, the spellings above read first (so no typo correction turns
    "masukin" into "masukan"). Cached: a pure function of the text, asked twice per question."""
    out: list[str] = []
    for tok in textnorm.tokenize(text):
        out.extend(_NORMALIZER.fix(_SPELLINGS.get(tok, tok)))
    return tuple(out)


#: The words that name each feature, to answer several in the order they were asked.
_TOPIC: dict[Feature, frozenset[str]] = {
    Feature.CERTIFICATE: CERTIFICATE_WORDS,
    Feature.VERIFY: CERTIFICATE_WORDS | _GENUINE,
    Feature.SIGNATORIES: CERTIFICATE_WORDS | _SIGN,
    Feature.TOUR: _TOUR,
    Feature.TOUR_CHECKIN: _TOUR | _CHECKIN,
    Feature.ERASE: _ERASE | _DELETE,
    Feature.LANGUAGE: _LANGUAGE | _LANGUAGES,
    Feature.EVALUATION: _EVALUATION,
    Feature.ASK: _ASKING | _ORGANIZERS,
    Feature.CHECKIN: _CHECKIN | word_set("check cek kode code daftar"),
    Feature.CARD: _CARD | _CHECKIN | word_set("id name"),
    Feature.FEEDBACK: _FEEDBACK,
    Feature.MATERIALS: _MATERIALS,
    Feature.REMINDERS: _REMINDERS,
    Feature.AGENDA: _AGENDA | _PLAN,
    Feature.RSVP: _JOIN | word_set("rsvp"),
    Feature.REGISTER: _REGISTER | word_set("sign"),
    Feature.PROFILE: _PROFILE | _FIX,
}
#: At most this many features are explained in one answer ("cara absen dan dapat sertifikat?").
MAX_FEATURES = 2


def asked(event: Event, text: str) -> tuple[Feature, ...]:
    """The features of the bot a how-to question asks about that the event has, in the
    order of `_features` (the most specific first); empty when it is no such question."""
    tokens = tokens_of(text)
    found = [f for f in _features(tokens) if available(f, event) and _asks_how(tokens, f)]
    if Feature.PROFILE in found:
        # "nama salah waktu daftar": registered already; the profile, not registering again.
        found = [f for f in found if f is not Feature.REGISTER]
    if len(found) > 1:
        # Answered in the order asked ("cara absen dan dapat sertifikat?": check-in first).
        found.sort(key=lambda f: next(
            (i for i, t in enumerate(tokens) if t in _TOPIC[f]), len(tokens)))
    return tuple(found[:MAX_FEATURES])


def proves_attendance(text: str) -> bool:
    """Whether the message names a paper proving one attended ("bukti kehadiran", "surat
    keterangan hadir", "proof of attendance"): the certificate of attendance."""
    words = set(tokens_of(text))
    return bool(words & PROOF_WORDS and words & _ATTENDED)


def only_requests(text: str) -> bool:
    """"tolong ingatkan saya", "mau daftar": a request, not "how", "where" or "can I" (the
    feature's own screen, where the question reaches one, does what is asked), nor what
    happens when the seats are taken."""
    tokens = tokens_of(text)
    words = set(tokens)
    return not (words & (_HOW | _WHERE | _ABLE) or set(pairwise(tokens)) & _HOW_PAIRS
                or asks_full(tokens))


def asks_full(tokens: Sequence[str]) -> bool:
    """Whether the seats being taken are asked about ("kalau kursi penuh?", "if the tour is
    full", "ada waiting list?")."""
    words = set(tokens)
    pairs = set(pairwise(tokens))
    return bool(words & _FULL or pairs & _FULL_PAIRS) or ("full" in words and (
        tokens[-1] == "full" or bool(words & _ONLY_IF)
        or any(b == "full" and a in _FULL_AFTER for a, b in pairs)))


_SHARE = word_set("persen percent persentase percentage")
#: Asking which one ("kodenya apa?", "what's the code?").
_WHICH = word_set("apa apaan what which mana")
#: A feature asked for in its digital form is the bot's ("kartu peserta digital ada ga?").
_DIGITAL = word_set("digital online elektronik electronic softcopy pdf aplikasi app")
_WHY = word_set("kenapa mengapa why")
#: What the bot did to an attempt: refused, failed.
_REFUSED = word_set("ditolak tolak gagal rejected refused failed fails invalid")
#: Something of the bot's not working ("code not working", "kodenya tidak bisa").
_FAILS = frozenset({("not", "working"), ("not", "work"), ("tidak", "bisa"),
                    ("tidak", "berhasil"), ("tidak", "jalan"), ("tidak", "diterima")})
_CODE = word_set("kode code")
#: A condition put to a rule: "kalau/cuma/hanya …", "if I only …".
_ONLY_IF = word_set("kalau jika bila apabila cuma hanya if only")
#: Features whose answer says how long (a session's check-in: how late one may check in).
_SAYS_HOW_LONG = frozenset({Feature.CHECKIN})
#: Features whose answer says when (the evaluation opens at the closing; a session's
#: check-in lasts until its grace ends, the tour's opens before the gathering).
_SAYS_WHEN = frozenset({Feature.EVALUATION, Feature.CHECKIN, Feature.TOUR_CHECKIN})
#: Features whose answer gives the data file's numbers (how often the code changes, how
#: late one may check in, how near the meeting point counts): "berapa" asks for them.
_SAYS_NUMBERS = frozenset({Feature.CHECKIN, Feature.TOUR_CHECKIN})
#: Asking whether a feature exists ("ada evaluasi ga?"): its line says it and how.
_EXISTS = word_set("ada adakah")
#: Features asked for by whether they exist (not the certificate or the materials: the
#: organizers' practical answers say those).
_SAYS_EXISTS = frozenset({Feature.EVALUATION})


def _asks_how(tokens: Sequence[str], feature: Feature) -> bool:
    pairs = set(pairwise(tokens))
    if feature is Feature.TOUR and asks_full(tokens):
        return True  # "what happens if the tour is full?": its line says (the waiting list)
    if feature is Feature.SIGNATORIES:
        return True  # who signs it is asked by naming the signing ("ditandatangani siapa?")
    if feature is Feature.CERTIFICATE and set(tokens) & (_SHARE | _ONLY_IF):
        # "hadir berapa persen biar dapat sertifikat?", "kalau cuma hadir 2 hari, dapat
        # sertifikat?": whether one qualifies; its line says the rule.
        return True
    if feature in _SAYS_HOW_LONG and pairs & {("berapa", "lama"), ("how", "long")}:
        return True  # "absen masih bisa berapa lama?": its line says how late one may
    words = set(tokens)
    if feature in _SAYS_NUMBERS and ("berapa" in words or ("how", "many") in pairs):
        # "kode absen berganti tiap berapa menit?", "radius check-in berapa meter?": the
        # feature's line gives the data file's numbers.
        return True
    # "how many can join?", "berapa orang bisa ikut?" ask for a number, not for a way.
    if pairs & _HOW_MUCH or "berapa" in tokens:
        return False
    if words & _DIGITAL:
        return True  # "kartu peserta digital ada?", "sertifikat online?": the bot's own way
    if words & _WHOM_TO_CALL:
        # "siapa yg bisa dihubungi kalau ada masalah pendaftaran?" asks for a person to
        # call about the feature, not how to use it.
        return False
    if words & _HOW or pairs & _HOW_PAIRS:
        return True
    if words & _WHY and words & _REFUSED:
        return True  # "kode absen saya ditolak terus, kenapa?": how it works says why
    if feature is Feature.CHECKIN and words & _CODE and (words & _REFUSED or pairs & _FAILS):
        # "attendance code not working": how the code works says why (it changes, it is
        # only taken while the session runs).
        return True

    if feature is Feature.CHECKIN and words & _CODE and words & _WHICH:
        # "kode absen sesi ini apa?", "what's the check-in code?": the bot does not send the
        # code; its line says where it is (the session's screen).
        return True
    if feature is Feature.TOUR_CHECKIN and (words & _WHAT_TO_DO or pairs & _WHAT_TO_DO_PAIRS):
        return True  # "sudah di titik kumpul, harus ngapain?": what to do there
    if feature in _SAYS_WHEN and words & {"kapan", "when"}:
        return True  # "evaluasi diisinya kapan?": its line says when it opens
    if feature in _SAYS_EXISTS and words & _EXISTS:
        return True  # "ada evaluasi acara ga?": the line says there is one, and when
    if feature is Feature.ASK:
        # "bisa tanya ke panitia?" asks whether one can; "mau tanya panitia, …" is a preface.
        return bool(words & _CAN - {"mau", "want"})
    # "mau tanya …", "boleh nanya": only the preface of another question.
    return any(
        t in _CAN and not (i + 1 < len(tokens) and tokens[i + 1] in _ASKING)
        for i, t in enumerate(tokens)
    )


def _features(tokens: Sequence[str]) -> list[Feature]:
    """Every feature whose words the message uses; of two readings of one word, the more
    specific (the desk's check-in is the card, a certificate's genuineness is /cek)."""
    words = set(tokens)
    pairs = set(pairwise(tokens))
    found: list[Feature] = []
    if words & CERTIFICATE_WORDS and (words & _SIGN or pairs & _SIGN_PAIRS):
        found.append(Feature.SIGNATORIES)
    elif words & CERTIFICATE_WORDS:
        found.append(Feature.VERIFY if words & _GENUINE else Feature.CERTIFICATE)
    elif words & PROOF_WORDS and words & _ATTENDED:
        # "letter of attendance for my office", "surat keterangan hadir": a paper saying
        # one attended is the certificate of attendance, not checking in.
        found.append(Feature.CERTIFICATE)
    tour = bool((words & _TOUR and (words & (_JOIN | _REGISTER) or pairs & _REGISTER_PAIRS))
                or (asks_full(tokens) and bool(words & (_TOUR | _BUS))))
    checkin = bool(words & _CHECKIN or pairs & _CHECKIN_PAIRS) and not (
        words & PROOF_WORDS and words & _ATTENDED)
    at_meeting = bool(words & _MEETING_POINT or pairs & _MEETING_PAIRS) and bool(words & _DONE)
    meeting_point = bool(words & _MEETING_POINT or pairs & _MEETING_PAIRS)
    there = meeting_point and bool(words & _ARRIVED) and bool(
        words & _WHAT_TO_DO or pairs & _WHAT_TO_DO_PAIRS)
    if (words & _TOUR and (checkin or at_meeting)) or (checkin and meeting_point) or there:
        # "gmn cara absen city tour": present at the meeting point, not a session's code;
        # "su di titik kumpul, musti buat apa?": what to do there is being counted present.
        found.append(Feature.TOUR_CHECKIN)
        return found
    if tour and not words & _OTHERS:
        # Not "boleh bawa istri ikut city tour?": that asks about someone else.
        found.append(Feature.TOUR)
    if words & _ERASE or (words & _DELETE and words & _DATA):
        found.append(Feature.ERASE)
    if words & _LANGUAGE or (words & _SWITCH and words & _LANGUAGES):
        found.append(Feature.LANGUAGE)
    if words & _EVALUATION:
        found.append(Feature.EVALUATION)
    if words & _ORGANIZERS and words & _ASKING and _asks_organizers(tokens):
        found.append(Feature.ASK)
    if (checkin and not words & _DESK) or (
            ("kode" in words or "code" in words) and words & _SESSION_CODE):
        found.append(Feature.CHECKIN)
    # "perlu daftar ulang setiap hari?": the desk's daily check-in is done with the card.
    # "do we need to register again today at the desk?": the same, asked at the desk.
    again = any(a in _REGISTER and b in _AGAIN for a, b in pairs)
    daily = again and bool(words & (_DAILY | _DESK))
    if words & _CARD or pairs & _CARD_PAIRS or (checkin and words & _DESK) or daily:
        found.append(Feature.CARD)
    # "penilaian/masukan" beside "evaluasi" is the evaluation; stars are always the sessions'.
    if words & _STARS or (words & _FEEDBACK and not words & _EVALUATION):
        found.append(Feature.FEEDBACK)
    if words & _MATERIALS:
        found.append(Feature.MATERIALS)
    if words & _REMINDERS and not recalls(tokens):
        found.append(Feature.REMINDERS)
    if words & _AGENDA or any((a == "jadwal" and b in _MINE) or (a in _MINE and b in _PLAN)
                              for a, b in pairs):
        found.append(Feature.AGENDA)
    if words & _PROFILE and words & _FIX and not words & (CERTIFICATE_WORDS | _LANGUAGE | _CARD):
        # "salah ketik nama waktu daftar, gmn ubahnya?": the profile, filled in again.
        found.insert(0, Feature.PROFILE)
    if tour or ("daftar", "hadir") in pairs:
        # "daftar city tour" is joining the tour, "daftar hadir" the attendance list.
        return found
    if "rsvp" in words or (words & _JOIN and words & _SESSIONS and not _which_session(pairs)):
        found.append(Feature.RSVP)
    elif (words & _REGISTER or pairs & _REGISTER_PAIRS) and _registers(tokens):
        found.append(Feature.REGISTER)
    return found


#: Session nouns a choice is asked of: "sesi mana yang cocok kami ikuti?", "which session
#: should we attend?" ask for a session (its topic finds it), not how to join one.
_SESSION_NOUNS = word_set("sesi session sessions acara materi topik topic")


def _which_session(pairs: set[tuple[str, str]]) -> bool:
    return any((a in _SESSION_NOUNS and b in _WHICH - {"what", "which"})
               or (a in _WHICH - {"apa", "apaan", "mana"} and b in _SESSION_NOUNS)
               for a, b in pairs)


def _registers(tokens: Sequence[str]) -> bool:
    """"cara daftar?" asks how to register with the bot; "registrasi di mana?" (the desk),
    "daftar ulang" (at the desk), "daftar pembicara" (a list) do not."""
    words = set(tokens)
    registering = [i for i, t in enumerate(tokens) if t in _REGISTER]
    if registering and all(i + 1 < len(tokens) and tokens[i + 1] in _NOT_REGISTERING
                           for i in registering):
        return False
    if words & (_DESK | _WHERE_WHEN) or ("di", "mana") in set(pairwise(tokens)):
        return False
    if any(i > 0 and tokens[i - 1] in _DONE for i in registering):
        return False  # "beta su daftar, …": already registered, asking something else
    # "registrasi" is as often the desk as the act: only "how" makes it the act.
    return bool(words & (_REGISTER - {"registrasi"}) or words & _HOW)


def _asks_organizers(tokens: Sequence[str]) -> bool:
    """"cara bertanya ke panitia", "can I ask the organizers": asking them is the topic
    ("mau tanya panitia, hotelnya di mana?" asks about something else)."""
    if any(t in _HOW for t in tokens):
        return True
    # "izin bertanya untuk kegiatan city tour …", "mau tanya …": a preface to a question
    # about something else (the asking word after a wish or a leave, or before its topic).
    return not any(t in _PREFACE or (t in _ASKING and i > 0 and tokens[i - 1] in _PREFACE)
                   or (t in _ASKING and i + 1 < len(tokens) and tokens[i + 1] in _TOPIC_OF)
                   for i, t in enumerate(tokens))


#: Words that make "tanya" a preface: a wish or a leave to ask.
_PREFACE = word_set("mau want izin ijin permisi")
#: Words after "tanya" that introduce what is asked about.
_TOPIC_OF = word_set("untuk tentang soal mengenai terkait perihal about regarding")
