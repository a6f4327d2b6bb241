"""Normalisation of what delegates type, before any understanding.

Pure and fast: lowercasing, emoji and punctuation stripping, repeated letters ("jadwaaal"),
the informal spellings delegates use (`SLANG` below: "jdwl bsk" -> "jadwal besok"), the
"-nya"/"-kah" suffixes, and a bounded spelling correction against a vocabulary (the event's
own words plus the bot's lexicon).

We deliberately do not stem: a stemmer turns "kedua" into "dua" and "peserta" into "serta",
which are exactly the words the bot needs.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence

from rapidfuzz import process
from rapidfuzz.distance import OSA


def _words(text: str) -> frozenset[str]:
    """A word set written as one string: easier to read and to extend than a list."""
    return frozenset(text.split())


# -- regional words ----------------------------------------------------------------------------
# Delegates come from all over the country and write the question words and particles of
# their own language or regional Malay: one table, word -> the standard Indonesian word (a
# particle or courtesy -> "ya", which carries no meaning, as `PARTICLES`). Only words that
# are no common Indonesian word of their own ("kapa" is left out: "kapal"'s slip too), nor
# a place's name: region names are read through this table too (bot/regions.py), so Javanese
# "karo" ("with") would make every "dengan" Kabupaten Karo.
# Glued particles ("dimanami", "sesine") are `CLITICS`; two-word ones ("kek mana",
# "nyuwun sewu") are `PHRASES`.
# fmt: off
REGIONAL: Mapping[str, str] = {
    # Javanese (ngoko and krama): question words, "di"/"ke", politeness
    "piro": "berapa", "pira": "berapa", "pinten": "berapa", "sepiro": "berapa",
    "ndi": "mana", "endi": "mana", "ngendi": "mana", "nandi": "mana", "pundi": "mana",
    "sopo": "siapa", "sinten": "siapa", "opo": "apa", "nopo": "apa", "menopo": "apa",
    "piye": "bagaimana", "kepiye": "bagaimana", "kepriye": "bagaimana",
    "pripun": "bagaimana", "kapam": "kapan",
    "ning": "di", "neng": "di", "nang": "di", "wonten": "ada",
    "saking": "dari", "wae": "saja", "mawon": "saja",
    "iki": "ini", "niki": "ini", "kuwi": "itu", "niku": "itu", "sing": "yang",
    "mboten": "tidak", "ora": "tidak", "ndak": "tidak", "nda": "tidak", "endak": "tidak",
    "sampun": "sudah", "dereng": "belum",
    "sesuk": "besok", "benjing": "besok", "mengko": "nanti", "saiki": "sekarang",
    "sakniki": "sekarang", "wingi": "kemarin", "dino": "hari", "dinten": "hari",
    "isuk": "pagi", "esuk": "pagi", "bengi": "malam", "dalu": "malam",
    "nggih": "ya", "njih": "ya", "ngih": "ya", "inggih": "ya", "yo": "ya",
    "ngapunten": "permisi", "monggo": "ya", "nyuwun": "mohon", "pirsa": "tanya",
    "kula": "saya", "kulo": "saya", "panjenengan": "anda", "njenengan": "anda",
    "sampeyan": "anda", "badhe": "mau", "bade": "mau", "tanglet": "tanya", "takon": "tanya",
    "menawi": "kalau", "rawuh": "datang", "mantuk": "pulang", "saged": "bisa", "saget": "bisa",
    # Sundanese
    "sabaraha": "berapa", "iraha": "kapan", "saha": "siapa", "naon": "apa",
    "kumaha": "bagaimana", "ayeuna": "sekarang", "teu": "tidak", "jeung": "dengan",
    "nu": "yang", "abdi": "saya", "hoyong": "mau", "tiasa": "bisa", "aya": "ada",
    "punten": "permisi", "atuh": "ya", "euy": "ya", "mah": "ya",
    # Makassar and Bugis Malay: particles (glued ones are `CLITICS`), courtesy
    "mi": "ya", "ji": "ya", "ki": "ya", "iye": "ya", "tabe": "permisi", "kodong": "ya",
    # Betawi and Jakarta slang
    "kagak": "tidak", "kaga": "tidak", "dimane": "dimana", "kemane": "kemana",
    "berape": "berapa", "siape": "siapa", "gimane": "bagaimana", "udeh": "sudah",
    "aje": "saja", "kenape": "kenapa", "kite": "kita", "ente": "anda", "nyang": "yang",
    # Medan, Palembang and other Sumatran Malay
    "dimano": "dimana", "kemano": "kemana", "berapo": "berapa", "siapo": "siapa",
    "bah": "ya", "kelen": "kalian", "nian": "sangat", "nak": "mau",
    # Manado Malay
    "torang": "kita", "ngana": "kamu", "kiapa": "kenapa", "pigi": "pergi",
    # Kupang Malay (Melayu Kupang), as delegates from NTT write it
    "beta": "saya", "bosong": "kalian", "kotong": "kita", "katong": "kita", "botong": "kami",
    "bagemana": "bagaimana", "parlu": "perlu", "sampe": "sampai", "deng": "dengan",
    "sonde": "tidak", "son": "tidak", "tra": "tidak", "trada": "tidak",
    "balom": "belum", "dolo": "dulu", "barapa": "berapa", "karmana": "bagaimana",
    "kermana": "bagaimana", "pung": "punya", "lai": "lagi", "su": "sudah", "ju": "juga",
    "sa": "saja", "pi": "pergi", "ais": "lalu", "talat": "telat", "sadiki": "sedikit",
}
# fmt: on

#: Particles glued to the word before them: Makassar and Bugis "-mi", "-ji", "-ki", "-pi"
#: ("dimanami", "adaji"), Javanese "-ne", Sundanese "-na" and Betawi "-nye" for "-nya"
#: ("sesine", "jadwalna", "acaranye"). Taken off like "-nya" (see `Normalizer._fix`), only
#: from a known word of the letters given or more: Makassar's particles follow any word
#: ("adaji" ada), the "-nya"s a noun ("arena" is no "are" + "-na").
CLITICS: Mapping[str, int] = {"mi": 3, "ji": 3, "ki": 3, "pi": 3, "nye": 4, "ne": 4, "na": 4}

# -- informal spellings -----------------------------------------------------------------------
# Token -> canonical form (may be several words). Sources: the measured list in the design
# notes plus common chat spellings. Targets are the words the lexicon is written in.
# fmt: off
SLANG: Mapping[str, str] = {
    # question words
    "gmn": "bagaimana", "gimana": "bagaimana", "bgmn": "bagaimana", "gmna": "bagaimana",
    "dmn": "dimana", "dmna": "dimana", "dmana": "dimana", "knp": "kenapa", "tny": "tanya",
    "gmana": "bagaimana", "blh": "boleh", "lsa": "lusa", "skrng": "sekarang",
    "dimn": "dimana", "mana": "mana",
    "kpn": "kapan", "kapn": "kapan", "brp": "berapa", "brpa": "berapa", "brapa": "berapa",
    "berapaan": "berapa", "bpa": "berapa",
    "berpa": "berapa", "jml": "jumlah", "jmlh": "jumlah", "sebenernya": "sebenarnya",
    "sapa": "siapa", "syp": "siapa", "spa": "siapa", "apaan": "apa",
    "sp": "siapa",
    # time words
    "bsk": "besok", "besuk": "besok", "besog": "besok", "bsok": "besok",
    "skrg": "sekarang", "skr": "sekarang", "skrang": "sekarang", "skarang": "sekarang",
    # "smp jam brp" until when: chat drops the vowels of "sampai"
    "smp": "sampai",
    "ntar": "nanti", "nnti": "nanti", "nti": "nanti", "entar": "nanti", "ntr": "nanti",
    "wkt": "waktu", "tgl": "tanggal", "tggl": "tanggal", "jm": "jam", "pkl": "pukul", "hr": "hari",
    "mlm": "malam", "pg": "pagi", "hri": "hari", "kmrn": "kemarin", "kmarin": "kemarin",
    "okt": "oktober", "oct": "october", "jmt": "jumat", "jum": "jumat",
    "sj": "saja", "sja": "saja",
    "pgi": "pagi", "mnt": "menit", "sblum": "sebelum", "stelah": "setelah",
    # clipped "maksimal"/"minimal" of chat ("brp org max?"); not "min", which is "admin"
    "max": "maksimal", "maks": "maksimal",
    # "sejam lagi" is "satu jam lagi" (an hour from now, bot.when)
    "sejam": "satu jam",
    # people
    "sy": "saya", "aku": "saya", "gw": "saya", "gue": "saya", "gua": "saya", "ane": "saya",
    "pnt": "panitia", "panit": "panitia", "cp": "narahubung", "pic": "narahubung",
    "narsum": "narasumber",
    # verbs
    "mo": "mau", "mw": "mau", "pengen": "mau", "pgn": "mau", "pingin": "mau", "ingin": "mau",
    "tlg": "tolong", "pls": "tolong", "plis": "tolong", "please": "tolong",
    "regis": "daftar", "regist": "daftar", "daptar": "daftar", "dftr": "daftar",
    "ingetin": "ingatkan", "ingatin": "ingatkan", "ingetkan": "ingatkan", "inget": "ingat",
    "reminder": "pengingat", "remainder": "pengingat", "remind": "ingatkan",
    "brngkat": "berangkat", "brangkat": "berangkat", "brkt": "berangkat",
    "slsai": "selesai", "slese": "selesai", "selese": "selesai", "omong": "ngomong",
    "abis": "habis", "hbs": "habis", "kasi": "kasih", "ampe": "sampai", "nyampe": "sampai",
    "nympe": "sampai", "smpe": "sampai", "smpai": "sampai", "dtg": "datang", "dtng": "datang",
    "kmn": "kemana", "jln": "jalan", "plg": "pulang", "mkn": "makan", "maem": "makan",
    "jd": "jadi", "lgsg": "langsung", "lgsng": "langsung", "lsg": "langsung", "lngsg": "langsung",
    # contact
    "kntk": "kontak", "kontk": "kontak", "hub": "kontak",
    "no": "nomor", "nmr": "nomor", "nomer": "nomor", "nmor": "nomor", "num": "nomor",
    "hp": "telepon", "telp": "telepon", "tlp": "telepon", "telfon": "telepon",
    "tlpn": "telepon", "telpon": "telepon", "telephone": "telepon",
    "wa": "whatsapp", "wasap": "whatsapp", "whatsap": "whatsapp", "watsap": "whatsapp",
    # schedule and places
    "jdwl": "jadwal", "jadwl": "jadwal", "jdwal": "jadwal", "rundown": "jadwal",
    "agenda": "jadwal", "skedul": "jadwal", "sked": "jadwal", "jadual": "jadwal",
    "wfi": "wifi",
    "ad": "ada", "disni": "disini", "dsini": "disini", "dsni": "disini",
    "acr": "acara", "mepo": "titikkumpul", "tmpt": "tempat", "tmp": "tempat",
    "lok": "lokasi", "loc": "lokasi", "sharelok": "lokasi", "shareloc": "lokasi",
    # "bis" is how Indonesian spells a bus ("bis nya ada brp?").
    "bis": "bus", "citytour": "city tour", "pemda": "pemerintah daerah", "kab": "kabupaten",
    # What to wear is asked by the garment ("boleh pake kaos?"): the dress code answers it.
    "kaos": "pakaian", "kaus": "pakaian", "kemeja": "pakaian", "celana": "pakaian",
    "jeans": "pakaian", "tshirt": "pakaian", "jaket": "pakaian", "blazer": "pakaian",
    "sendal": "pakaian", "sandal": "pakaian", "sandals": "pakaian", "sepatu": "pakaian",
    "attire": "pakaian", "clothes": "pakaian", "clothing": "pakaian", "suit": "pakaian",
    "shirt": "pakaian",
    # Other names of things a list may hold, and a common clipping of a place's name.
    "sunblock": "tabir surya", "sunblok": "tabir surya", "balkot": "balai kota",
    # A talk's material: "bahan presentasi" is "bahan paparan" (the data's usual word).
    "presentasi": "paparan",
    # English's word for a talk's material is the Indonesian word's ("materi").
    "material": "materi", "materials": "materi",
    # What a sharing session shares: "Semarang's experience" is its "pengalaman".
    "experience": "pengalaman", "experiences": "pengalaman",
    # function words
    "yg": "yang", "dgn": "dengan", "utk": "untuk", "untk": "untuk", "buat": "untuk",
    "bwt": "untuk", "krn": "karena", "tdk": "tidak", "gak": "tidak", "ga": "tidak",
    "nggak": "tidak", "ngga": "tidak", "enggak": "tidak", "gk": "tidak", "engga": "tidak",
    "blm": "belum", "sdh": "sudah", "udah": "sudah", "udh": "sudah", "dah": "sudah",
    "bs": "bisa", "bsa": "bisa", "aja": "saja", "kalo": "kalau", "klo": "kalau",
    "hrs": "harus", "bbrp": "beberapa", "dpt": "dapat", "bnyk": "banyak",
    "sdg": "sedang", "lbh": "lebih", "krg": "kurang", "dri": "dari", "trus": "terus",
    "lom": "belum", "blom": "belum", "blum": "belum", "belom": "belum", "bkn": "bukan",
    "dikit": "sedikit", "musti": "harus", "mesti": "harus", "bgt": "banget",
    "bngt": "banget",
    # clipped and vowel-less nouns of chat ("sertif dpt ga?", "bjunya pake apa?"), and
    # "ngopi" (having coffee) for the coffee
    # Government dress: "PDH" is the official day wear the dress code names in full.
    "pdh": "pakaian dinas harian",
    "dkt": "dekat", "dket": "dekat",
    "sertif": "sertifikat", "serti": "sertifikat", "bju": "baju", "ngopi": "kopi",
    "ngumpul": "kumpul", "ngumpulnya": "kumpul",
    "jg": "juga", "lg": "lagi", "dr": "dari", "ttg": "tentang", "sblm": "sebelum",
    "stlh": "setelah", "sesudah": "setelah", "dlm": "dalam", "sm": "sama",
    # thanks and greetings
    "org": "orang", "kaka": "kakak", "ni": "ini",
    # praying, in the general word for any faith: the practical answers' "ibadah"
    "sembahyang": "ibadah", "sembayang": "ibadah", "beribadah": "ibadah",
    "brapa2": "berapa", "bera": "berapa", "kasitau": "kasih tahu", "tau": "tahu",
    # English short forms
    "conf": "conference", "kickoff": "start",
    # English chat's days, times and programme words (more below, with the question words)
    # ("tmr", "2day": SHORT_DAYS, read and said)
    "2moro": "tomorrow", "2morrow": "tomorrow", "tomoz": "tomorrow", "2nite": "tonight",
    "prog": "programme",
    "past": "past",  # "half past 2", not "pasti" with its last vowel left off
    # English words for what the lexicon knows by another word: a role or position is an
    # office held, "back" is returning (attire and materials: above).
    "role": "jabatan", "roles": "jabatan", "position": "jabatan", "designation": "jabatan",
    "back": "kembali",
    # What an event aims at is its goal ("what is the seminar trying to achieve?").
    "achieve": "goal", "aim": "goal", "aims": "goals", "objective": "goal",
    "objectives": "goals",
    # What a talk covers is what it discusses ("what does the X session cover?").
    "cover": "discuss", "covers": "discuss", "covered": "discussed", "covering": "discuss",
    # English contractions delegates type without the apostrophe
    "whats": "what is", "wheres": "where is", "whos": "who is", "whens": "when is",
    "dont": "do not", "doesnt": "does not", "didnt": "did not", "isnt": "is not",
    "arent": "are not", "wasnt": "was not", "werent": "were not", "cant": "can not",
    "cannot": "can not", "couldnt": "could not", "wont": "will not", "wouldnt": "would not",
    "shouldnt": "should not", "havent": "have not", "hasnt": "has not", "im": "i am",
    "ive": "i have", "youre": "you are", "theyre": "they are",
    # English chat's vowel-less question words (three letters fit too many words to be
    # read by rule, see `Normalizer._left_out`)
    "whr": "where", "wht": "what", "whn": "when",
    # English chat's short forms and by-ear spellings of its question words (too short to
    # be read by rule: "wat" is no known word's typo the bucket could tell)
    "wat": "what", "wut": "what", "wot": "what", "wich": "which", "whch": "which",
    "wen": "when", "hw": "how",
    "tmrw": "tomorrow", "tmrow": "tomorrow", "tmw": "tomorrow", "tmorrow": "tomorrow",
    "tmoro": "tomorrow", "tomoro": "tomorrow", "tmrrw": "tomorrow", "tdy": "today",
    "tommorow": "tomorrow",  # two letters doubled the wrong way: two edits, past the rule
    "afer": "after", "aftr": "after",
    "tonite": "tonight", "nite": "night",
    "sched": "schedule", "skd": "schedule", "sesh": "session", "sessh": "session",
    "pax": "participants", "til": "until", "till": "until", "untill": "until",
    "presscon": "press conference", "preskon": "press conference",
    "konpers": "press conference",
    "cert": "certificate", "certs": "certificate", "pickup": "pick up",
    "addr": "address", "plz": "tolong", "abt": "about", "nxt": "next",
    "mins": "minutes", "approx": "approximately", "intl": "international",
    # Funding something is financing it ("infrastructure financing"), in either language.
    "funding": "financing", "pendanaan": "pembiayaan", "pembiayaannya": "pembiayaan",
    # Introducing something is its introduction ("sesi yg ngenalin X", "the session
    # introducing X"); not "memperkenalkan/introduce", a letter's "let me introduce myself".
    "ngenalin": "pengenalan", "ngenalkan": "pengenalan", "mengenalkan": "pengenalan",
    "introducing": "introduction", "introduces": "introduction",
    # Other countries are abroad: the data's word for it ("best practice luar negeri").
    "abroad": "luar negeri", "overseas": "luar negeri", "mancanegara": "luar negeri",
    "foreign": "luar negeri",
    # Integrated is "terintegrasi" as the titles say it; "terpadu" is its Indonesian twin.
    "terpadu": "terintegrasi",
    "mister": "mr", "persconference": "press conference",
    "pressconference": "press conference", "presconference": "press conference",
    "makasi": "makasih", "mksh": "makasih", "mks": "makasih", "trims": "makasih",
    "trimakasih": "makasih", "terimakasih": "makasih", "thx": "makasih", "thanks": "makasih",
    "tq": "makasih", "ty": "makasih", "nuhun": "makasih", "suwun": "makasih",
    "nuwun": "makasih", "matursuwun": "makasih", "maturnuwun": "makasih",
    "tengkyu": "makasih", "thank": "makasih", "tks": "makasih", "tx": "makasih",
    "hallo": "halo", "hello": "halo", "helo": "halo", "hai": "halo", "hi": "halo",
    "hey": "halo", "hy": "halo", "hei": "halo", "hallo2": "halo",
    "ass": "assalamualaikum", "aslmkm": "assalamualaikum", "asw": "assalamualaikum",
    "assalamualaikum": "assalamualaikum", "assalamu": "assalamualaikum",
    "salam": "assalamualaikum", "met": "selamat", "slmt": "selamat",
    **REGIONAL,
}
# fmt: on

#: Chat's short forms of a day word that could be another word too ("tmr" is tomorrow, or
#: "timur" in an address): read as the day word and said in the answer, never silently
#: (see `Normalizer.readings`).
SHORT_DAYS: Mapping[str, str] = {"tmr": "tomorrow", "tmro": "tomorrow", "2day": "today"}

# Multi-word expressions folded into one token, so the lexicon and the entity phrases see the
# same thing whatever spelling was used. Applied after SLANG, longest first.
PHRASES: Mapping[tuple[str, ...], str] = {
    ("di", "mana"): "dimana",
    ("terima", "kasih"): "makasih",
    ("makasih", "kasih"): "makasih",
    ("makasih", "you"): "makasih",
    ("matur", "makasih"): "makasih",
    ("hatur", "makasih"): "makasih",
    # Regional two-word question words and courtesies (the one-word ones: `REGIONAL`).
    ("kek", "mana"): "bagaimana",
    ("cak", "mano"): "bagaimana",
    ("macam", "mana"): "bagaimana",
    ("mohon", "sewu"): "permisi",  # Javanese "nyuwun sewu", read "mohon" first
    ("meeting", "point"): "titikkumpul",
    ("titik", "kumpul"): "titikkumpul",
    ("tempat", "kumpul"): "titikkumpul",
    ("titik", "temu"): "titikkumpul",
    ("assembly", "point"): "titikkumpul",
    ("meeting", "place"): "titikkumpul",
    ("meeting", "spot"): "titikkumpul",
    ("share", "lokasi"): "lokasi",
    ("share", "location"): "lokasi",
    ("contact", "person"): "narahubung",
    ("focal", "point"): "narahubung",
    # "e-mail", "e mail": the one word the contact questions know.
    ("e", "mail"): "email",
    ("tuan", "rumah"): "tuanrumah",
    ("wali", "kota"): "walikota",
    ("good", "morning"): "selamat pagi",
    ("good", "afternoon"): "selamat siang",
    ("good", "evening"): "selamat malam",
    # Farewells: "sampai jumpa" is not the press conference ("jumpa pers").
    ("sampai", "jumpa"): "sampaijumpa",
    ("see", "you"): "sampaijumpa",
    # "the rest of today" is what is left of it, not a break ("rest" names the breaks).
    ("rest", "of"): "sisa",
    # The item running now: "sesi yang lagi jalan", "this session".
    ("lagi", "jalan"): "berlangsung",
    ("sedang", "jalan"): "berlangsung",
    ("this", "session"): "session sekarang",
    # English phrasal verbs for when a day (or an item) starts and ends.
    ("kick", "off"): "start",
    ("kicks", "off"): "starts",
    ("kicking", "off"): "start",
    ("wrap", "up"): "end",
    ("wraps", "up"): "ends",
    ("wrapping", "up"): "end",
    # A title's words in other words: a smart city is a "kota pintar/cerdas", "admin"
    # reform is administrative. (Not "paying for" financing: a phrase's words join the
    # vocabulary, and "payung" would be read as "paying".)
    ("kota", "pintar"): "smart city",
    ("kota", "cerdas"): "smart city",
    ("intelligent", "city"): "smart city",
    ("admin", "reform"): "administrative reform",
    ("reformasi", "admin"): "reformasi administrasi",
    # Coming to the venue: "what time should I show up / turn up?" is arriving.
    ("show", "up"): "arrive",
    ("shows", "up"): "arrive",
    ("turn", "up"): "arrive",
    ("rock", "up"): "arrive",
    # "acara paling akhir", "sesi paling awal": the superlative said with "paling".
    ("paling", "akhir"): "terakhir",
    ("paling", "awal"): "pertama",
    # "who's on stage now?": who is speaking.
    ("on", "stage"): "speaking",
    # Reaching someone: "get in touch with the committee", "who is in charge of X".
    ("in", "touch"): "contact",
    ("in", "charge"): "responsible",
    # "other countries", "negara lain": abroad, as the data says it ("luar negeri").
    ("other", "countries"): "luar negeri",
    ("other", "country"): "luar negeri",
    ("foreign", "countries"): "luar negeri",
    ("pers", "conference"): "press conference",
    # The key speaker, speech or talk ("pembicara kunci") is Indonesian for the keynote.
    ("pembicara", "kunci"): "pembicara keynote",
    ("pidato", "kunci"): "pidato keynote",
    ("paparan", "kunci"): "paparan keynote",
    # Speeding something up is accelerating it, as a title says it.
    ("speed", "up"): "accelerate",
    ("speeds", "up"): "accelerates",
    ("speeding", "up"): "accelerate",
    ("negara", "lain"): "luar negeri",
    ("negara", "negara", "lain"): "luar negeri",
}

# Two words read as others, like PHRASES, whose words alone stay unknown to the bot: "masuk"
# or "bebas" on their own still say what a question is about ("masih boleh masuk?").
READ_AS: Mapping[tuple[str, ...], str] = {
    # "X masuk provinsi apa?": belongs to, is in (not joining anything).
    ("masuk", "provinsi"): "di provinsi",
    ("masuk", "wilayah"): "di wilayah",
    ("termasuk", "provinsi"): "di provinsi",
    ("termasuk", "wilayah"): "di wilayah",
    # "pa wali ngisi kapan": "pa" before an office is "pak" ("skrg ada pa?" is "apa").
    **{("pa", office): f"pak {office}" for office in (
        "wali", "walikota", "wakil", "bupati", "menteri", "gubernur", "presiden", "camat",
        "lurah", "kadis", "kepala", "sekda", "ketua", "prof", "profesor", "dr")},
    # "skrg su masuk sesi apa?", "abis rehat masuk acara apa": the programme moves on to an
    # item (not entering a place, "tiket masuk", nor being let in, "masih boleh masuk?").
    **{(verb, noun): noun for verb in ("masuk", "msk")
       for noun in ("sesi", "session", "acara", "agenda", "materi")},
    # "baju bebas" is casual wear, as a dress code says it ("pakaian santai").
    ("baju", "bebas"): "pakaian santai",
    ("pakaian", "bebas"): "pakaian santai",
}

# Words that carry no meaning for the bot (particles, address terms, fillers).
PARTICLES: frozenset[str] = _words(
    """
    dong deh sih ya yah yaa nih kok kak kakak kk min admin mimin mas mbak mba pak bu
    bapak ibu bang gan sis bro om permisi nya tuh lah kah dan atau the a an is are of
    for to me my i we you it this that there do does did be please ok oke okay sip mohon
    he she his her him us our your they their its sir madam mr mrs ms
    minta tolong ini itu yang ada saja juga lagi dari di ke pada untuk dengan sama kalau
    apakah gitu gt kah toh kan dgn pun aja loh lho ko ni
    """
)

# Ordinary words: used to keep fuzzy matching honest ("sekarang" must never become
# "semarang", "lembaga" never "lembata"). The lexicon's own words are added by whoever
# builds a vocabulary; this list covers what people type around them.
ORDINARY: frozenset[str] = _words(
    """
    ada adalah agar akan aku anda apa apakah atas atau bagaimana bagi bahwa baik banyak
    baru bawa begitu belum benar berapa besar besok biasa bila bisa boleh buat bukan
    cara cuma dalam dan dapat dari datang dekat dengan depan di dia dimana dong dulu
    ganti gimana hal hampir hanya harus hari harga hingga ini itu jadi jalan jam jauh jelas
    juga kalau kami kamu kan kapan karena kasih kata ke kecil kembali kemana kemarin
    kenapa kepada kita kok kota kabupaten kurang lagi lain lalu lama lambat lebih lewat
    lima mana masih mau melalui memang mereka minggu misal mulai mungkin namun nanti
    oleh orang pada pagi paling panas pasti per pergi perlu pernah pukul pula punya saat
    saja salah sama sambil sampai sangat satu saya sebelum sedang sekali sekarang selalu selaku
    semua sendiri seperti serta sesudah setelah siang siapa sini situ sore suda sudah
    supaya tadi tahu tahun tak tanpa tapi telah tempat tentang tetapi tiap tidak tiga
    dua empat enam tujuh delapan sembilan sepuluh tinggal turun untuk waktu wah ya yaitu
    yang lembaga lembar pemerintah presiden menteri bupati wali walikota gubernur camat
    lurah kepala dinas kantor badan bagian program strategi pengembangan pembangunan
    kerja sama kerjasama negara dunia daerah wilayah pusat provinsi regency city town
    district region capital seminar acara kegiatan sesi peserta panitia registrasi
    pendaftaran sekretariat rumah tuan tuanrumah makan minum enak murah mahal baik bagus
    indah ramai sepi rapat kumpul pulang berangkat tiba sampai mulai selesai berakhir
    dibuka ditutup buka tutup pembukaan penutupan sambutan materi paparan diskusi tanya
    jawab foto video media berita info informasi kabar sekarang semalam selamat semangat
    unduh diunduh mengunduh bahas tetap kotak presensi absen absensi petugas
    batas batasan maksimal maksimum minimal minimum limit
    sedang sehat segar sejarah seluruh sumbang sumber barat timur utara selatan tengah
    daya raya besar baru lama pantai laut gunung pasar toko hotel restoran bandara
    pelabuhan terminal stasiun sekolah kampus rumah sakit masjid gereja pesawat kapal
    bus mobil motor tiket pulsa bensin cuaca hujan bola main film lagu the and what when
    where who how which why can will would should could have has had been about with
    from into this that these those here there now today tomorrow yesterday morning
    afternoon evening night day week time please thanks thank hello good
    were well sir madam dear respect respected grateful kindly regards
    being too also not add form officer officers soon them
    """
)

_TOKEN_RE = re.compile(
    r"\d{1,2}[.:]\d{2}(?!\d)"  # clock times: 14.00, 9:30
    r"|\d{1,2}/\d{1,2}(?:/\d{2,4})?"  # dates: 17/10, 17/10/2019
    r"|\d+(?:st|nd|rd|th|am|pm)?"  # numbers, 17th, 2pm
    r"|[a-z]+"
)
_REPEAT3_RE = re.compile(r"([a-z])\1{2,}")
_REDUPLICATED_RE = re.compile(r"\b([a-z]{3,})2\b")
_REPEAT2_RE = re.compile(r"([a-z])\1")
_APOSTROPHES = str.maketrans("", "", "'’‘`´")
_POSSESSIVE_RE = re.compile(r"(?<=[a-z]{3})['’]s\b(?!\s+(?:on|up|the|a|an|it|this|next)\b)")
# "LO" in capitals is a liaison officer; lower-case "lo" is "you" and must stay meaningless.
_LO_RE = re.compile(r"\bLO\b")


def tokenize(text: str) -> list[str]:
    """Surface tokens: lowercase, no punctuation/emoji, 3+ repeated letters cut to two."""
    return list(_tokenize(text))


@functools.lru_cache(maxsize=1024)
def _tokenize(text: str) -> tuple[str, ...]:
    # Cached: one message is read by the understanding, the coverage check, the retrieval and
    # the how-to reading, each tokenizing the same text (a pure function of it).
    if not text.isascii():  # ASCII is its own NFKC form
        text = unicodedata.normalize("NFKC", text)
    if "LO" in text:
        text = _LO_RE.sub(" narahubung ", text)
    # An English possessive goes ("tomorrow's break" -> "tomorrow break"); other apostrophes
    # are removed, not split on, which keeps "jum'at" and "what's" whole.
    text = text.lower()
    if "'" in text or "’" in text:
        text = _POSSESSIVE_RE.sub("", text)
    text = text.translate(_APOSTROPHES)
    if "2" in text:  # "oleh2" is "oleh-oleh", as chat writes a reduplicated word
        text = _REDUPLICATED_RE.sub(r"\1 \1", text)
    tokens = _TOKEN_RE.findall(text)
    if _REPEAT3_RE.search(text) is None:  # no token can hold a run of three letters
        return tuple(tokens)
    return tuple(_REPEAT3_RE.sub(r"\1\1", t) for t in tokens)


def similarity(a: str, b: str) -> float:
    """1.0 for equal strings, 0.0 for nothing in common: rapidfuzz's optimal-string-alignment
    distance (a swap of two letters, "kapna" -> "kapan", is one edit) over the longer length."""
    return float(OSA.normalized_similarity(a, b))


def is_ordinary(word: str) -> bool:
    return word in ORDINARY or word in PARTICLES or word in SLANG


def _apply_phrases(tokens: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(tokens):
        pair = tuple(tokens[i : i + 2])
        if len(pair) == 2 and (pair in PHRASES or pair in READ_AS):
            out.extend((PHRASES.get(pair) or READ_AS[pair]).split())
            i += 2
            continue
        out.append(tokens[i])
        i += 1
    return out


def initialisms(texts: Iterable[str]) -> dict[str, str]:
    """Short forms of the data's own multi-word names, as people write them: each
    comma-separated part of three or more words gives its initials ("Nusa Tenggara Timur"
    -> "ntt"), unless the initials are a word already."""
    found: dict[str, str] = {}
    for text in texts:
        for part in text.split(","):
            words = [w for w in tokenize(part) if w.isalpha() and len(w) >= 3]
            short = "".join(w[0] for w in words)
            if len(words) >= 3 and not is_ordinary(short):
                found.setdefault(short, " ".join(words))
    return found


#: Two letters that are words or times of their own: never read as a name's initials.
_TWO_LETTER_WORDS = _words(
    """am pm an as at be by do go he if in is it me my no of on or so to up us we id ok
    rp km kg cm mm ml mr ms dr st sr jr""")


def short_forms(item_names: Iterable[str], names: Iterable[str]) -> dict[str, str]:
    """Short forms chat makes of the data's own names, as a rule and not word by word:
    the initials of a programme item's two-word short name, its tag ("city tour" -> "ct",
    as "ntt" in `initialisms`), and the syllable clipping Indonesian builds its acronyms
    with, the first three letters of two words next to each other in any name
    ("balai kota" -> "balkot",
    "wali kota" -> "walkot", "menteri kominfo" -> "menkom"). A form two names share is
    nobody's; one that is a word already is left to be that word."""
    found: dict[str, set[str]] = {}
    for text in item_names:
        words = [w for w in simple_tokens(text) if w.isalpha()]
        if len(words) == 2 and all(len(w) >= 3 for w in words):
            found.setdefault(words[0][0] + words[1][0], set()).add(" ".join(words))
    for text in names:
        # As typed, before "wali kota" is joined into "walikota": chat clips each word.
        words = [w for w in tokenize(text) if w.isalpha()]
        for a, b in itertools.pairwise(words):
            if len(a) >= 4 and len(b) >= 4:
                found.setdefault(a[:3] + b[:3], set()).add(f"{a} {b}")
    return {short: next(iter(targets)) for short, targets in found.items()
            if len(targets) == 1 and short not in _TWO_LETTER_WORDS and not is_ordinary(short)}


@functools.lru_cache(maxsize=1024)
def simple_tokens(text: str) -> tuple[str, ...]:
    """Tokens with informal spellings replaced, but no spelling correction.

    Used for data phrases (tags, aliases) and where no vocabulary is at hand. Cached, like
    `tokenize`: several readers of one message ask for it.
    """
    out: list[str] = []
    for tok in _tokenize(text):
        out.extend(SLANG.get(tok, tok).split())
    return tuple(_apply_phrases(out))


def partners(pairs: Iterable[tuple[str, str]]) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Words of names, each by its neighbour: for each first word of a pair the words after
    it, for each second word the words before it (the Normalizer's two-word names, and the
    coverage check's pairs of neighbours in the event's names)."""
    after: dict[str, set[str]] = {}
    before: dict[str, set[str]] = {}
    for first, second in pairs:
        after.setdefault(first, set()).add(second)
        before.setdefault(second, set()).add(first)
    return after, before


class Normalizer:
    """Turns a message into canonical tokens against a known vocabulary.

    The vocabulary decides when to undo doubled letters, strip "-nya" and correct typos, so an
    unknown word is only changed into a *known* one, never into something invented.

    `guarded` words (days and times) change the answer when misread, so a misspelt one is
    never corrected silently: when only it is one edit away it is read and reported
    (`readings`, for the answer to say "“bseok” read as “besok”"); when another word is as
    close it is reported as a doubt ("kamsi": kamis or kami?) for the caller to ask about.
    """

    def __init__(
        self, vocabulary: Iterable[str] = (), guarded: Iterable[str] = (),
        expansions: Mapping[str, str] | None = None,
        pairs: Iterable[tuple[str, str]] = (),
    ) -> None:
        #: The event's own short forms (`initialisms`: a province written "ntt"), read like SLANG.
        self.expansions: Mapping[str, str] = dict(expansions or {})
        vocab = set(vocabulary) | ORDINARY | PARTICLES
        for target in self.expansions.values():
            vocab.update(target.split())
        for target in SLANG.values():
            vocab.update(target.split())
        for phrase, target in PHRASES.items():
            vocab.update(phrase)
            vocab.update(target.split())
        self.vocabulary: frozenset[str] = frozenset(vocab)
        self.guarded: frozenset[str] = frozenset(w for w in guarded if len(w) >= 4)
        # Spelling candidates bucketed by first letter: typos rarely hit the first letter, and
        # the bucket keeps correction within the latency budget.
        buckets: dict[str, list[str]] = {}
        # Chat spellings of six letters or more are corrected towards too ("citytuor" is
        # "citytour", which is "city tour").
        spellings = {w for w in SLANG if len(w) >= 6}
        for word in self.vocabulary | self.guarded | spellings:
            if len(word) >= 4 and word.isalpha():
                buckets.setdefault(word[0], []).append(word)
        self._buckets = {k: tuple(sorted(v)) for k, v in buckets.items()}
        # English words of the vocabulary as Indonesians spell them, when that spelling is
        # no word of its own and no other word is spelt so.
        spelt: dict[str, set[str]] = {}
        for word in self.vocabulary:
            local = indonesian_spelling(word)
            if local != word and len(local) >= 4 and local not in self.vocabulary:
                spelt.setdefault(local, set()).add(word)
        self._english = {k: next(iter(v)) for k, v in spelt.items() if len(v) == 1}
        # The two words of the known two-word names ("city tour", "coffee break"), each by
        # the other: a misspelt word next to its partner is read in that context.
        self._after, self._before = partners(
            (first, second) for first, second in pairs
            if first in self.vocabulary and second in self.vocabulary and (
                first not in self.guarded and second not in self.guarded))
        self._memo: dict[str, tuple[str, ...]] = {}
        self._texts: dict[str, tuple[str, ...]] = {}
        self._near: dict[tuple[str, int], list[str]] = {}
        #: Surface token -> the guarded word it may mean, when another word is as close.
        self.doubts: dict[str, str] = {}
        #: Surface token -> the guarded word it was read as (told to the user).
        self.readings: dict[str, str] = {}

    def _known(self, tok: str) -> bool:
        return tok in self.vocabulary or tok in SLANG or tok in self.expansions

    def _candidates(self, tok: str) -> list[str]:
        # The same filtered bucket (in the same order) for every word of this first letter
        # and length, so computed once.
        key = (tok[0], len(tok))
        found = self._near.get(key)
        if found is None:
            found = self._near[key] = [c for c in self._buckets.get(tok[0], ())
                                       if abs(len(c) - len(tok)) <= 2]
        return found

    def _closest(self, tok: str) -> tuple[str, float]:
        bucket = self._candidates(tok)
        found = process.extractOne(tok, bucket, scorer=OSA.normalized_similarity)
        return (found[0], float(found[1])) if found else ("", 0.0)

    def _closest_guarded(self, tok: str) -> tuple[str, float]:
        found = process.extractOne(tok, self.guarded, scorer=OSA.normalized_similarity)
        return (found[0], float(found[1])) if found else ("", 0.0)

    def _fix(self, tok: str, whole: bool = True) -> tuple[str, ...]:
        if tok in self.expansions:
            return tuple(self.expansions[tok].split())
        if tok in SLANG:
            return tuple(SLANG[tok].split())
        if tok in SHORT_DAYS and SHORT_DAYS[tok] in self.guarded:
            self.readings[tok] = SHORT_DAYS[tok]
            return (SHORT_DAYS[tok],)
        if tok in self.vocabulary or not tok.isalpha():
            return (tok,)
        if len(tok) >= 4 and tok.endswith("z") and self._known(tok[:-1] + "s"):
            return self._fix(tok[:-1] + "s")  # chat's "z" for a final "s": "abiz", "gratiz"
        single = _REPEAT2_RE.sub(r"\1", tok)  # "jadwaal" -> "jadwal", "besokk" -> "besok"
        if single != tok and self._known(single):
            # Unless two letters swapped make a word: "theem" is "theme", not "them".
            swapped = next((w for i in range(len(tok) - 1)
                            if (w := tok[:i] + tok[i + 1] + tok[i] + tok[i + 2:]) != tok
                            and len(w) >= 5 and w in self.vocabulary), None)
            return self._fix(swapped or single)
        plural = self._plural_of(tok)
        if plural is not None:
            return (plural,)
        if len(tok) > 5 and tok[-3:] != "nya" and sorted(tok[-3:]) == ["a", "n", "y"]:
            # "acaranay", "jadwalnay": "-nya" with two letters swapped.
            fixed = self._fix(tok[:-3] + "nya")
            if fixed != (tok[:-3] + "nya",):
                return fixed
        for suffix in ("nya", "kah", "lah", *CLITICS):
            if tok.endswith(suffix) and len(tok) > len(suffix) + 2:
                base = tok[: -len(suffix)]
                if suffix in CLITICS and (len(base) < CLITICS[suffix]
                                          or not self._known(base)):
                    continue
                for cand in (base, _REPEAT2_RE.sub(r"\1", base)):
                    if self._known(cand):
                        return self._fix(cand)
                if suffix == "nya" and self._known(base + "a"):
                    # "temnya", "acarnya": the word's last "a" run into "-nya"'s.
                    return self._fix(base + "a")
                if len(base) >= 4:
                    # "acranya": the suffix off, then the typo ("acra" -> "acara"); not a
                    # skipped letter ("bertanya" is no "berita" + "-nya").
                    fixed = self._fix(base, whole=False)
                    if fixed != (base,):
                        return fixed
        spoken = self._spoken(tok) or self._left_out(tok, whole)
        if spoken is not None:
            return self._fix(spoken)
        local = self._local_spelling(tok) if whole else None
        if local is not None:
            return (local,)
        if len(tok) >= 4:
            best, sim = self._closest(tok)
            day_word, day_sim = self._closest_guarded(tok)
            if day_sim >= 0.79 and day_sim >= sim:
                # A day or time word one edit away. Read it when nothing else is as close
                # ("bseok", "kmis"), and say so in the answer; ask when another word is
                # ("kamsi": kamis or kami?).
                # A chat spelling of that same word is no rival ("tomorow", "tommorow").
                rivals = [c for c in self._candidates(tok) if SLANG.get(c, c) != day_word
                          and float(OSA.normalized_similarity(tok, c)) >= day_sim]
                if rivals:
                    self.doubts[tok] = day_word
                    return (tok,)
                self.readings[tok] = day_word
                return (day_word,)
            if (len(tok) >= 5 and sim >= 0.85) or (
                    len(tok) >= 9 and sim >= 0.75 and sorted(tok) == sorted(best)):
                # A letter typed out of its place in a long word ("regristasi"): its own
                # letters, moved, not another word's ("dibayarkan" is no "dibatalkan").
                return tuple(SLANG[best].split()) if best in SLANG else (best,)
            if len(tok) == 4 and sim >= 0.75 and sorted(tok) == sorted(best):
                return (best,)  # two letters swapped in a short word: "tuor" -> "tour"
            swapped = self._swapped(tok) if sim >= 0.75 else None
            if swapped is not None:
                # Two letters next to each other swapped ("brign" bring, "tiem" time): one
                # known word with the same letters, when the closest word is another.
                return tuple(SLANG[swapped].split()) if swapped in SLANG else (swapped,)
            slipped = self._slipped_key(tok) if whole else None
            if slipped is not None:
                return tuple(SLANG[slipped].split()) if slipped in SLANG else (slipped,)
            heard = self._heard(tok) if whole else None
            # Chat spellings among the words found are read as what they spell
            # ("sitytour" is "citytour", which is "city tour").
            found = heard or (self._cut_short(tok) if whole else None)
            if found is not None:
                return tuple(SLANG[found].split()) if found in SLANG else (found,)
        return (tok,)

    def _cut_short(self, tok: str) -> str | None:
        """The one known word a short word (four letters) is with its last letter left off,
        the slip of a quick thumb in English chat ("wher" where, "lunc" lunch): the letter
        after a final consonant, so an Indonesian word and its ending ("bahas", "bahasa")
        is never read as the other, and only when one known word fits. Never a day or time
        word."""
        if len(tok) != 4 or tok[-1] in _VOWELS:
            return None
        fits = [c for c in self._candidates(tok)
                if len(c) == 5 and c.startswith(tok) and c not in self.guarded]
        return fits[0] if len(fits) == 1 else None

    def _heard(self, tok: str) -> str | None:
        """The known English word `tok` spells by ear with a slip besides: a soft "c"
        written "s" or a hard one "k" at the start ("sertifcate" certificate, "kalender"
        calendar), a final "-ce"/"-se" written "-s" ("practis" practice). Five letters at
        least; never a day or time word."""
        if len(tok) < 5:
            return None
        found = None
        if tok[-1] == "s":
            found = next((w for w in (tok[:-1] + "ce", tok[:-1] + "se")
                          if w in self.vocabulary), None)
        if found is None and ((tok[0] == "s" and tok[1] in "eiy")
                              or (tok[0] == "k" and tok[1] not in "eiy")):
            spelt = "c" + tok[1:]
            near = process.extractOne(spelt, self._candidates(spelt),
                                      scorer=OSA.normalized_similarity, score_cutoff=0.85)
            found = near[0] if near else None
        return None if found is None or found in self.guarded else found

    def _local_spelling(self, tok: str) -> str | None:
        """The known word `tok` writes as Indonesians say or spell it: an English word
        spelt the Indonesian way ("dres kode" dress code, "sitinet" citynet: see
        `indonesian_spelling`), Kupang Malay's "ta-"/"ba-" prefixes, a final glottal "k"
        of colloquial speech ("bukak" buka, "mintak" minta), or the final vowel left off
        ("acar" acara, "venu" venue) when only one vowel makes a known word. Never a day or
        time word."""
        found = self._english.get(tok) or self._loanword(tok) or self._other_spelling(tok)
        if (found is None and len(tok) >= 6 and tok[:2] in ("ta", "ba")
                and tok[2:] in self.vocabulary):
            # Kupang Malay's "ta-"/"ba-" for "ter-"/"ber-": "talambat" terlambat,
            # "bakumpul" berkumpul.
            found = ("ter" if tok[0] == "t" else "ber") + tok[2:]
        if found is None and len(tok) >= 5 and tok[-1] == "k" and tok[-2] in _VOWELS:
            found = tok[:-1] if tok[:-1] in self.vocabulary else None
        if found is None and len(tok) >= 5 and "th" in tok:
            # The old Dutch-era "th" for "t" ("thema" tema, "methode" metode).
            plain = tok.replace("th", "t")
            found = plain if plain in self.vocabulary else None
        if found is None and len(tok) >= 4:
            fits = [tok + v for v in "aeiou" if tok + v in self.vocabulary]
            found = fits[0] if len(fits) == 1 else None
        return None if found is None or found in self.guarded else found

    def _swapped(self, tok: str) -> str | None:
        """The one known word `tok` is with two neighbouring letters swapped; never a day
        or time word (those are read and said, or asked about)."""
        letters = sorted(tok)
        fits = [c for c in self._candidates(tok) if len(c) == len(tok)
                and sorted(c) == letters and OSA.distance(tok, c) == 1]
        if len(fits) != 1 or fits[0] in self.guarded:
            return None
        return fits[0]

    def _plural_of(self, tok: str) -> str | None:
        """The known word an English plural is of ("venues" venue, "ceremonies" ceremony),
        when the plural itself is no word the bot knows. Five letters at least ("was" is
        no plural of "wa"), never a day or time word."""
        if len(tok) < 5:
            return None
        return next((stem for stem in plural_stems(tok, 4)
                     if stem in self.vocabulary and stem not in self.guarded), None)

    def _other_spelling(self, tok: str) -> str | None:
        """The known word a British or American spelling writes the other way ("centre"
        center, "organise" organize, "colour" color, "programme" program, and back)."""
        for a, b in _SPELLINGS:
            for old, new in ((a, b), (b, a)):
                i = tok.rfind(old)
                if i > 1:
                    cand = tok[:i] + new + tok[i + len(old):]
                    if cand in self.vocabulary:
                        return cand
        return None

    def _loanword(self, tok: str) -> str | None:
        """The known Indonesian word an English one was borrowed as, by the endings
        Indonesian gives its loanwords ("socialization" sosialisasi, "coordination"
        koordinasi, "university" universitas, "electronic" elektronik), with the English
        spelling read the Indonesian way (`indonesian_spelling`) or kept."""
        for ending, local in _LOAN_ENDINGS:
            if tok.endswith(ending) and len(tok) > len(ending) + 2:
                word = tok[: -len(ending)] + local
                for cand in (word, indonesian_spelling(word), _SOFT_C_RE.sub("s", word)
                             .replace("c", "k")):
                    if cand in self.vocabulary:
                        return cand
                return None
        return None

    def _slipped_key(self, tok: str) -> str | None:
        """The one known word `tok` is with one letter replaced by a key next to it on the
        keyboard ("jadwak" -> jadwal, "bwsok" besok is a day word: read and said, above):
        a finger landing one key off is as common a slip as a skipped key, and a
        neighbouring key leaves little doubt when only one word fits. Five letters at
        least, never a day or time word."""
        if len(tok) < 5:
            return None
        fits = [c for c in self._candidates(tok) if len(c) == len(tok)
                and _one_neighbour_off(tok, c)]
        if len(fits) != 1 or fits[0] in self.guarded:
            return None
        return fits[0]

    def _spoken(self, tok: str) -> str | None:
        """The known word a chat spelling writes as it is spoken: "ai" said "e" ("pakean" ->
        pakaian, "rame" -> ramai), "au" said "o" at the end ("pulo" -> pulau). Day and time
        words are not read this way: a misread one changes the answer (see `guarded`)."""
        if len(tok) < 3:
            return None
        for i, c in enumerate(tok):
            if c == "e" and i > 0:
                said = tok[:i] + "ai" + tok[i + 1:]
                if said in self.vocabulary and said not in self.guarded:
                    return said
        if tok.endswith("o") and tok[:-1] + "au" in self.vocabulary:
            return tok[:-1] + "au"
        return None

    def _left_out(self, tok: str, whole: bool = True) -> str | None:
        """The one known word `tok` is with letters left out: its vowels, as chat
        abbreviates ("brpa" -> berapa, "pesrta" -> peserta; written with no vowel at all,
        the word's last vowel may go too), or a skipped key, the commonest slip ("jadal" ->
        jadwal; two in a word of seven letters: "ruditara" -> rudiantara). The letters
        typed, in order, leave little doubt when only one word fits, with the same last
        letter (a word with an ending added is another word: "bahas" is not "bahasa").
        Never a day or time word (those are read and said, or asked about: see `guarded`).
        Not three letters: "bgt", "tmn" fit too many words ("banget"/"begitu",
        "teman"/"taman"). Under a suffix (`whole` false) only a word written without its
        vowels ("psrtanya" peserta): "bertanya" is no "berita" + "-nya"."""
        vowels = sum(c in _VOWELS for c in tok)
        if (not whole and vowels > 1) or len(tok) < 4 or not tok.isalpha():
            return None
        bare = vowels == 0
        # A key skipped: five letters at least, typed whole.
        skips = (0 if not whole or len(tok) < 5 else 1 if len(tok) < 7 else 2)
        # Only vowels left out is the likelier reading ("smposim" is simposium, not
        # symposium): the words that fit so first, then those with any key skipped.
        vowel_fits: set[str] = set()
        skip_fits: set[str] = set()
        for c in self._buckets.get(tok[0], ()):
            extra = len(c) - len(tok)
            if not 0 < extra <= 4:
                continue
            # A chat spelling in the bucket counts as the word it spells ("barapa" is
            # berapa, "jadual" jadwal).
            if ((c[-1] == tok[-1] or (bare and c[-1] in _VOWELS and c[-2] == tok[-1]))
                    and c not in self.guarded and vowels_left_out(tok, c)):
                vowel_fits.add(SLANG.get(c, c))
            elif c[-1] == tok[-1] and extra <= skips and _typed_in_order(tok, c):
                # A day or time word with a key skipped is read and said, or asked about
                # (`guarded`), not read here: it makes this reading no one's.
                skip_fits.add(c if c in self.guarded else SLANG.get(c, c))
        found = vowel_fits or (skip_fits if not skip_fits & self.guarded else set())
        word = found.pop() if len(found) == 1 else None
        return word if word is not None and " " not in word else None

    def fix(self, tok: str) -> tuple[str, ...]:
        """One surface token -> canonical token(s); memoised, messages repeat a lot."""
        hit = self._memo.get(tok)
        if hit is None:
            hit = self._fix(tok)
            if len(self._memo) < 20000:
                self._memo[tok] = hit
        return hit

    def tokens(self, text: str) -> tuple[str, ...]:
        # Memoised by text: the readers of one message (understanding, coverage, retrieval)
        # each ask for its tokens; bounded like the words' memo.
        hit = self._texts.get(text)
        if hit is None:
            out: list[str] = []
            for tok in _tokenize(text):
                out.extend(self.fix(tok))
            if self._after:
                self._partners(out)
            hit = tuple(_apply_phrases(out))
            if len(self._texts) >= 4096:
                self._texts.clear()
            self._texts[text] = hit
        return hit

    def _partners(self, out: list[str]) -> None:
        """A word left unknown next to a word of a known two-word name, one edit from that
        name's other word, is that word ("city tou", "city tor" city tour; "pres
        conference" press conference): too short to be corrected alone ("tou" is one edit
        from several words), its neighbour leaves no doubt."""
        for i, tok in enumerate(out):
            if len(tok) < 3 or tok in self.vocabulary or not tok.isalpha():
                continue
            partners: set[str] = set()
            if i > 0:
                partners |= self._after.get(out[i - 1], set())
            if i + 1 < len(out):
                partners |= self._before.get(out[i + 1], set())
            # Letters missing or mistyped, not added: "ikuti" next to "saya" is no "ikut".
            fits = [w for w in partners if len(w) >= len(tok) and OSA.distance(tok, w) == 1]
            if len(fits) == 1:
                out[i] = fits[0]

    def doubtful(self, tokens: Iterable[str]) -> tuple[tuple[str, str], ...]:
        """(typed, meant) for tokens that look like a guarded word but are not one."""
        return tuple((t, self.doubts[t]) for t in tokens if t in self.doubts)

    def read_as(self, tokens: Iterable[str]) -> tuple[tuple[str, str], ...]:
        """(typed, read as) for misspelt guarded words that were read."""
        return tuple((t, self.readings[t]) for t in tokens if t in self.readings)


_VOWELS = frozenset("aeiou")

#: British and American spellings of one word's part ("centre"/"center").
_SPELLINGS = (("isation", "ization"), ("ise", "ize"), ("ising", "izing"), ("ised", "ized"),
              ("our", "or"), ("tre", "ter"), ("gramme", "gram"), ("lled", "led"),
              ("lling", "ling"), ("ogue", "og"))

#: English endings and the Indonesian ones their loanwords take, longest first.
_LOAN_ENDINGS = (("isation", "isasi"), ("ization", "isasi"), ("sation", "sasi"),
                 ("zation", "sasi"), ("tional", "sional"), ("tions", "si"), ("tion", "si"),
                 ("sion", "si"), ("ical", "is"), ("ity", "itas"), ("ics", "ika"), ("ic", "ik"),
                 ("ive", "if"))

_SOFT_C_RE = re.compile(r"c(?=[eiy])")


def indonesian_spelling(word: str) -> str:
    """An English word as an Indonesian writes it by ear: "c" is "s" before e, i, y and "k"
    elsewhere, "q" "k", "ph" "f", "y" "i", "x" "ks", no doubled letter ("dress code" ->
    "dres kode", "citynet" -> "sitinet", "coffee" -> "kofe")."""
    out = _SOFT_C_RE.sub("s", word).replace("ph", "f")
    out = out.replace("c", "k").replace("q", "k").replace("y", "i").replace("x", "ks")
    return _REPEAT2_RE.sub(r"\1", out)


_KEY_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_KEY_AT = {c: (r, i) for r, row in enumerate(_KEY_ROWS) for i, c in enumerate(row)}


def _neighbours(a: str, b: str) -> bool:
    """Whether two letters are next to each other on a QWERTY keyboard (the rows are
    staggered by about half a key: "k" touches "l", "i", "o", "m")."""
    ra, ia = _KEY_AT.get(a, (-9, 0))
    rb, ib = _KEY_AT.get(b, (-9, 0))
    if ra == rb:
        return abs(ia - ib) == 1
    if abs(ra - rb) != 1:
        return False
    upper = ia if ra < rb else ib  # the index on the upper row
    lower = ib if ra < rb else ia
    return lower in (upper - 1, upper)


def _one_neighbour_off(typed: str, word: str) -> bool:
    """Whether `typed` is `word` with exactly one letter replaced by a neighbouring key."""
    diffs = [(a, b) for a, b in zip(typed, word, strict=True) if a != b]
    return len(diffs) == 1 and _neighbours(*diffs[0])


def _typed_in_order(short: str, word: str) -> bool:
    """Whether `short` is `word` with some of its letters left out."""
    rest = iter(word)
    return all(c in rest for c in short)


def plural_stems(word: str, shortest: int) -> list[str]:
    """The words an English plural `word` may be of, most specific ending first ("ceremonies"
    ceremony, "buses" bus, "venues" venue), each at least `shortest` letters. None after
    "a", "i" or "u": Indonesian words end so ("kamis" is no plural of "kami", nor "harus"
    of "haru"); English plurals seldom do."""
    if len(word) < 2 or word[-1] != "s" or word[-2] in "aiu":
        return []
    stems = (word[: -len(ending)] + restored for ending, restored in _PLURAL_ENDINGS
             if word.endswith(ending))
    return [stem for stem in stems if len(stem) >= shortest]


#: English plural endings, and what each leaves of the singular.
_PLURAL_ENDINGS = (("ies", "y"), ("es", ""), ("s", ""))


def vowels_left_out(short: str, word: str) -> bool:
    """Whether `short` is `word` with only some of its vowels left out ("brpa", berapa), the
    "ng" written "g" as chat abbreviations do ("yg", "brgkt" berangkat)."""
    i = 0
    for j, c in enumerate(word):
        if i < len(short) and short[i] == c:
            i += 1
        elif c not in _VOWELS and not (c == "n" and word[j + 1:j + 2] == "g"):
            return False
    return i == len(short)


def contains_phrase(tokens: Sequence[str], phrase: Sequence[str]) -> bool:
    n = len(phrase)
    return any(tuple(tokens[i : i + n]) == tuple(phrase) for i in range(len(tokens) - n + 1))


DEFAULT = Normalizer()


def normalize(text: str) -> str:
    """The canonical form of `text` as one string ("JDWL BSK??" -> "jadwal besok")."""
    return " ".join(DEFAULT.tokens(text))
