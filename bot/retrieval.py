"""Grounded retrieval: the piece of event text that answers a question, or nothing.

Pure, no Telegram. The second stage after `bot.understanding`: when the classifier finds no
intent (or a fact the intents do not reach, like "since when is Sidoarjo a member?"), every
piece of the event's own text is ranked against the question: sessions and their
descriptions, speakers, venues and their notes, tour stops, practical questions, the
background, the goals and participant groups, contact roles. A passage answers only when it
covers (nearly) all the question's content words, weighted by how rare each word is in the
event's text; below that the bot declines. It never composes a fact: it quotes a passage and
says where it comes from, so it cannot invent an amount, a hotel or a phone number.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from bot import textnorm
from bot.memo import per_event
from bot.model import Event, Text
from bot.understanding import understander_for
from bot.understanding.lexicon import EVENT_WORDS, GENERAL


class Source(StrEnum):
    SESSION = "session"
    SPEAKER = "speaker"
    VENUE = "venue"
    STOP = "stop"
    FAQ = "faq"
    BACKGROUND = "background"
    ABOUT = "about"
    GOAL = "goal"
    GROUP = "group"
    CONTACT = "contact"


@dataclass(frozen=True, slots=True)
class Passage:
    source: Source
    #: The id of what it belongs to (session, speaker, venue, FAQ entry, stop index), or "".
    ref: str
    text: Text
    words: frozenset[str]
    #: Words it implies: of the same sense as one of `words` (`_SAME_SENSE`), or the event
    #: itself for a passage about it. They count for coverage, not for its length; at equal
    #: coverage a passage saying it in the question's own words is preferred.
    related: frozenset[str] = frozenset()
    #: The words of the name of what it belongs to (its speaker, venue, session or stop).
    owner: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Hit:
    passage: Passage
    #: Share of the question's content (rarity-weighted) the passage contains, 0..1.
    coverage: float
    matched: int


#: Below this coverage a passage is not an answer (measured on tests/answers_dev.jsonl).
THRESHOLD = 0.8

# Words that say what kind of question it is, not what it is about.
_FUNCTION = frozenset(
    """
    apa apakah siapa kapan dimana mana berapa bagaimana kenapa mengapa tahun sejak jadi
    menjadi sudah belum akan bisa boleh mau ingin tanya bertanya menanyakan tahu info
    informasi what who when where how which why is are was were does did can could will
    would since year yang saya kami kita anda ada adalah nya ikut hadir attend
    jumlah jumlahnya total banyak dulu dahulu diadakan dilaksanakan digelar
    sekarang now current currently sampai hingga until many much have has had punya do at
    from in should big maksud maksudnya artinya mean means meant
    """.split()  # noqa: SIM905 - a word list reads better as text
) | textnorm.PARTICLES
#: Words a passage's words imply, so a question in general words finds it (general
#: Indonesian and English, no event's): a city or a regency is a region ("berapa daerah
#: anggota?" is asked of "24 kota/kabupaten anggota"); being a member is having joined
#: ("when did X join?" of "X has been a member since …"); a "periode" is a term of office.
_IMPLIED: tuple[tuple[frozenset[str], frozenset[str]], ...] = (
    (frozenset({"kota", "kabupaten", "kab", "provinsi", "city", "cities", "regency",
                "regencies"}),
     frozenset({"daerah", "wilayah", "region", "regions", "pemda"})),
    (frozenset({"anggota", "member", "members", "keanggotaan", "membership"}),
     frozenset({"join", "joined", "gabung", "bergabung", "masuk"})),
    (frozenset({"periode"}), frozenset({"term", "tenure", "jabatan"})),
    # Local governments are the regencies and cities ("berapa kabupaten/kota dari NTT?" is
    # asked of "22 pemerintah daerah se-Provinsi NTT").
    (frozenset({"governments"}),
     frozenset({"kota", "kabupaten", "kab", "city", "cities", "regency", "regencies",
                "pemkab", "pemkot"})),
)
#: Words a passage need not hold to answer (general language, a day or time said relative to
#: now, a negation asking yes or no): they count when it holds them, never against it.
_SOFT = GENERAL | frozenset(
    """nanti besok lusa tadi kemarin today tomorrow tonight time tidak hubungan hubungannya
    kaitan kaitannya""".split()  # noqa: SIM905 - a word list reads better as text
)
#: Chat's yes-or-no tag at a question's end ("camat ikut ga?", "ada ga sih?"; textnorm reads
#: "ga", "gak", "nggak", "sonde" as "tidak"): it asks whether, it negates nothing.
_TAG = frozenset({"tidak", "not"})


def _without_tag(tokens: Sequence[str]) -> Sequence[str]:
    end = len(tokens)
    while end and tokens[end - 1] in textnorm.PARTICLES:
        end -= 1
    return tokens[:end - 1] if end > 2 and tokens[end - 1] in _TAG else tokens


#: The event's own text, not one of its items'.
_EVENT_TEXT = frozenset({Source.BACKGROUND, Source.ABOUT, Source.GOAL, Source.GROUP})
#: Passages about the event itself (its summary, goals, participant groups).
_OF_THE_EVENT = frozenset({Source.ABOUT, Source.GOAL, Source.GROUP})
#: What a participant group is, without saying it ("camat dan lurah jadi peserta?", "berapa
#: kota yang diundang?"): implied by every group's passage.
_PARTICIPANT_WORDS = frozenset({"peserta", "participants", "participant", "diundang",
                                "undangan", "invited", "undang", "group", "groups",
                                "kelompok", "golongan", "unsur"})
#: Words of one sense, any of which a passage holds when it holds one ("sidoarjo gabung
#: sejak kapan?" is answered by "… menjadi anggota sejak 2009").
_SAME_SENSE = (
    frozenset({"anggota", "member", "members", "gabung", "bergabung", "keanggotaan",
               "membership", "join", "joins", "joined", "joining"}),
    frozenset({"berdiri", "didirikan", "mendirikan", "pendirian", "founded", "established",
               "founding"}),
    frozenset({"koordinator", "koordinasi", "mengkoordinasi", "mengoordinasi", "coordinator",
               "coordination", "coordinating"}),
    # An item named by a paraphrase of its title or description ("sesi perkenalan program",
    # "yg cerita pengalaman kota di korea", "reformasi birokrasi sama duit infrastruktur"):
    # general words of one sense, with their English and chat's slang. Not "uang", "biaya":
    # those are the delegate's own costs (`lexicon.OFF_TOPIC`), no item's subject.
    frozenset({"pengenalan", "perkenalan", "memperkenalkan", "mengenalkan", "sosialisasi",
               "introduction", "introducing", "introductory", "intro", "orientasi",
               "orientation"}),
    frozenset({"berbagi", "membagikan", "sharing", "share", "shares", "cerita", "bercerita",
               "menceritakan", "kisah", "story", "stories"}),
    frozenset({"pengalaman", "experience", "experiences", "cerita", "bercerita",
               "menceritakan", "kisah", "story", "stories"}),
    frozenset({"pembiayaan", "pendanaan", "dana", "anggaran", "duit", "financing",
               "finance", "funds", "budget", "money"}),
    frozenset({"birokrasi", "administrasi", "bureaucracy", "bureaucratic", "administration",
               "administrative"}),
    # Being with someone ("X didampingi Y": who accompanies X).
    frozenset({"didampingi", "mendampingi", "dampingi", "pendamping", "menemani", "ditemani",
               "accompany", "accompanies", "accompanied", "accompanying"}),
    frozenset({"jaringan", "jejaring", "network", "networks", "networking"}),
)
#: Indonesian affixes around a root ("dipilih", "pilihan": pilih; "menjabat", "jabatan":
#: jabat), with the letter a nasal prefix replaced.
_ROOT_SUFFIXES = ("nya", "kan", "an", "i")
_ROOT_PREFIXES = (("memper", ""), ("diper", ""), ("meng", ""), ("meny", "s"), ("mem", "p"),
                  ("mem", ""), ("men", "t"), ("men", ""), ("me", ""), ("ber", ""), ("ter", ""),
                  ("di", ""), ("peng", ""), ("pem", "p"), ("pen", "t"), ("pen", ""),
                  ("per", ""), ("pe", ""), ("ke", ""))
#: Marks a root among a passage's related words, so it matches only another root.
ROOT_MARK = "~"


def roots(word: str) -> frozenset[str]:
    """The possible roots of an affixed word, marked (`ROOT_MARK`); none for a word without
    an affix or a root under four letters. A word of the question the event's text does not
    hold matches a passage through them: "kota pilihan Kominfo" the "18 kota yang dipilih
    Kementerian Kominfo", "menjabat" a term of office ("jabatan")."""
    if not word.isalpha():
        return frozenset()
    bodies = {word} | {word[: -len(s)] for s in _ROOT_SUFFIXES if word.endswith(s)}
    out = set(bodies - {word})
    if word.endswith("tor"):
        # A loanword's "-tor" is who does its "-si" ("koordinator" of the "koordinasi",
        # "fasilitator", "administrator"): the root "-i" leaves of the "-si" noun.
        out.add(word[:-3] + "s")
    for body in bodies:
        out |= {restored + body[len(prefix):] for prefix, restored in _ROOT_PREFIXES
                if body.startswith(prefix)}
    return frozenset(ROOT_MARK + r for r in out if len(r) >= 4)


# A sentence ends at a full stop after a word, not after an initial ("H. Saiful Ilah").
_SENTENCE_RE = re.compile(r"(?<=[a-z0-9)]{2}\.)\s+(?=[A-Z])")


def _sentences(text: Text) -> list[Text]:
    """A paragraph's sentences, paired across languages when both split alike."""
    ids = _SENTENCE_RE.split(text.id)
    ens = _SENTENCE_RE.split(text.en) if text.en else []
    if len(ens) == len(ids):
        return [Text(i, e) for i, e in zip(ids, ens, strict=True)]
    return [Text(i, None) for i in ids]


class Index:
    def __init__(self, event: Event) -> None:
        normalizer = understander_for(event).normalizer
        self.normalizer = normalizer
        items: list[tuple[Source, str, Text, str]] = []

        def add(source: Source, ref: str, text: Text, extra: str = "") -> None:
            if text:
                items.append((source, ref, text, extra))

        def add_all(source: Source, ref: str, text: Text, context: str = "") -> None:
            """Each sentence of `text` is a passage; `context` (the owner's name) counts
            towards matching it but is not quoted."""
            for sentence in _sentences(text):
                add(source, ref, sentence, context)

        for s in event.sessions:
            add(Source.SESSION, s.id, s.title, " ".join(s.tags))
            add_all(Source.SESSION, s.id, s.description, s.title.id)
        for sp in event.speakers.values():
            context = " ".join((sp.name, *sp.aliases))
            add(Source.SPEAKER, sp.id, Text(f"{sp.name}, {sp.position.id}",
                f"{sp.name}, {sp.position.en}" if sp.position.en else None), context)
            add_all(Source.SPEAKER, sp.id, sp.bio, context)
        for v in event.venues.values():
            context = " ".join((v.name, *v.aliases))
            add(Source.VENUE, v.id, Text(f"{v.name}, {v.address}"), context)
            add_all(Source.VENUE, v.id, v.notes, context)
        if event.tour is not None:
            for i, stop in enumerate(event.tour.stops):
                add(Source.STOP, str(i), stop.name)
                add_all(Source.STOP, str(i), stop.notes, stop.name.id)
        for f in event.faq:
            add(Source.FAQ, f.id, f.answer, " ".join((f.question.id, f.question.en or "",
                " ".join(f.keywords))))
        for paragraph in event.background:
            add_all(Source.BACKGROUND, "", paragraph)
        add_all(Source.ABOUT, "", event.about)
        for goal in event.goals:
            add(Source.GOAL, "", goal)
        for group in event.participant_groups:
            # A group is of the event's participants: asked about as such (`_PARTICIPANT_WORDS`).
            add(Source.GROUP, "", group)
        for c in event.contacts:
            add(Source.CONTACT, c.id, Text(c.role.id, c.role.en), c.name + " " + c.instansi)

        def owner(source: Source, ref: str) -> str:
            """The name of what a passage belongs to (not its aliases: "presiden citynet"
            does not make every question naming the network about one speaker)."""
            if source is Source.SPEAKER and (sp := event.speaker(ref)):
                return sp.name
            if source is Source.VENUE and (v := event.venue(ref)):
                return v.name
            if source is Source.SESSION and (s := event.session(ref)):
                return s.title.id
            if source is Source.STOP and event.tour is not None and ref.isdigit():
                return event.tour.stops[int(ref)].name.id
            return ""

        main_venue = event.main_venue()
        passages = []
        for source, ref, text, extra in items:
            words = set(normalizer.tokens(f"{text.id} {text.en or ''} {extra}"))
            related = {w for sense in _SAME_SENSE if words & sense for w in sense}
            if source in _OF_THE_EVENT:
                # "camat lurah juga ikut seminar?": a participant group, a goal or the
                # summary is about the event without naming it.
                related |= EVENT_WORDS
            elif source is Source.VENUE and ref == main_venue:
                # "rapat persiapan seminar ini dulu kapan?": the notes of the place holding
                # the event are about the event too ("ruang … dikonfirmasi panitia").
                related |= EVENT_WORDS
            if source is Source.GROUP:
                # "… juga jadi peserta?", "… diundang?": a group is of the participants.
                related |= _PARTICIPANT_WORDS
            for said, implied in _IMPLIED:
                if words & said:
                    related |= implied
            related |= {r for w in words | related for r in roots(w)}
            related -= words
            passages.append(Passage(source, ref, text, frozenset(words - _FUNCTION),
                                    frozenset(related - _FUNCTION),
                                    frozenset(normalizer.tokens(owner(source, ref)))
                                    - _FUNCTION - GENERAL))
        self.passages = tuple(passages)
        #: Texts said at a time of their own: a tour stop's (its time is in the source line).
        self.timed = frozenset(p.text for p in passages if p.source is Source.STOP)
        owners: dict[Text, set[tuple[Source, str]]] = {}
        for p in passages:
            owners.setdefault(p.text, set()).add((p.source, p.ref))
        #: Texts several items say alike (two lunch breaks "Istirahat, sholat dan makan
        #: siang."): quoted, they would not tell which item, on which day, is meant.
        self.shared = frozenset(text for text, refs in owners.items() if len(refs) > 1)
        by_word: dict[str, list[int]] = {}
        for i, p in enumerate(passages):
            for w in p.words | p.related:
                by_word.setdefault(w, []).append(i)
        #: Word -> the passages that contain it, so a question is scored only against those.
        self.by_word = {w: tuple(ids) for w, ids in by_word.items()}
        df = Counter(w for p in passages for w in p.words)
        n = len(passages)
        self.idf = {w: math.log(1 + n / c) for w, c in df.items()}
        self.unknown_idf = math.log(1 + n)
        self._searched: dict[tuple[str, tuple[Source, ...], bool], Hit | None] = {}

    def content(self, text: str) -> list[str]:
        words = (self._base(w) for w in _without_tag(self.normalizer.tokens(text)))
        return [w for w in dict.fromkeys(words)
                if (w not in _FUNCTION and not w.isdigit()) or (w.isdigit() and len(w) == 4)]

    def _base(self, word: str) -> str:
        """"penduduknya" is "penduduk" when only that is in the event's text (the
        normalizer strips "-nya" only from words of its vocabulary); not a general word
        ("namanya" asks for a name, not for the Wi-Fi network's "nama")."""
        if (word.endswith("nya") and word not in self.by_word and word[:-3] in self.by_word
                and word not in GENERAL and word[:-3] not in GENERAL):
            return word[:-3]
        return word

    def search(self, text: str, sources: Sequence[Source] = (), lenient: bool = True
               ) -> Hit | None:
        """The best passage for `text` (None when the question has no content words)."""
        # Memoised: a pure function of the text, and one question is searched twice (for a
        # passage holding its unseen words, then for one covering it).
        key = (text, tuple(sources), lenient)
        if key in self._searched:
            return self._searched[key]
        if len(self._searched) >= 4096:
            self._searched.clear()
        hit = self._searched[key] = self._search(text, sources, lenient=lenient)
        return hit

    def _search(self, text: str, sources: Sequence[Source],
                keep: Callable[[Text], bool] | None = None, lenient: bool = True
                ) -> Hit | None:
        words = self.content(text)
        if not words:
            return None
        weight = {w: self.idf.get(w, self.unknown_idf) for w in words}
        # A word of general language no passage holds ("nanti", "perlu", "time") does not
        # count against a passage: "foto bersama nanti di mana?" is answered by the stop with
        # the group photo, which does not say "nanti". One that some passage holds or
        # implies ("gabung": a member) still tells passages apart.
        soft = {w for w in words if lenient and w in _SOFT and w not in self.by_word}
        total = sum(v for w, v in weight.items() if w not in soft)
        if not total:
            return None  # only general words: nothing a passage could be about
        best: Hit | None = None
        best_key: tuple[float, float, int, int] = (0.0, 0.0, 0, 0)
        asked = set(words)
        # A word no passage holds may be another form of one a passage holds (`roots`).
        rooted = {w: found for w in words if w not in self.by_word
                  and (found := roots(w) & self.by_word.keys())}
        candidates = sorted({i for w in words for i in self.by_word.get(w, ())}
                            | {i for r in rooted.values() for x in r for i in self.by_word[x]})
        for p in (self.passages[i] for i in candidates):
            if sources and p.source not in sources:
                continue
            if keep is not None and not keep(p.text):
                continue
            hit_words = [w for w in words if w in p.words or w in p.related
                         or (w in rooted and rooted[w] & p.related)]
            if all(w in _SOFT or (w in EVENT_WORDS and w not in p.words) for w in hit_words):
                # A passage sharing only general words, or only the event it is about
                # without saying so ("Where is the seminar held?" is not answered by a note
                # of its venue that says "held"), is about nothing asked.
                continue
            coverage = sum(weight[w] for w in hit_words) / total
            # Equal coverage: the passage that says more of it in the question's own words,
            # then the shorter one (it says it more directly).
            own = sum(weight[w] for w in hit_words if w in p.words)
            # Still equal: the text of an item the question names, then the event's own
            # text (its background), before an item's that says the same in passing.
            rank = 2 if p.owner & asked else 1 if p.source in _EVENT_TEXT else 0
            key = (coverage, own, rank, -len(p.words))
            if best is None or key > best_key:
                best = Hit(p, coverage, len(hit_words))
                best_key = key
        return best


@per_event(4)
def index_for(event: Event) -> Index:
    return Index(event)


def unseen_words(event: Event, text: str) -> list[str]:
    """Content words of `text` that neither the bot's lexicon nor the event's names, tags
    and keywords contain: only a passage of the event's text can answer about them."""
    index = index_for(event)
    vocabulary = index.normalizer.vocabulary
    return [w for w in index.content(text) if w.isalpha() and w not in vocabulary]


def answer_passage(event: Event, text: str, threshold: float = THRESHOLD,
                   fits: Callable[[Text], bool] | None = None, lenient: bool = True
                   ) -> Hit | None:
    """The passage that answers `text`, or None: below the threshold the bot declines.

    With `fits` (the passage holds what is asked: a year for "when", a number for "how
    many"), the best passage that fits: "When did Sidoarjo join Citynet?" is answered by the
    sentence with the year, not by the one that only names both. Not `lenient`, every word
    counts, general ones no passage holds too."""
    index = index_for(event)
    hit = index.search(text, lenient=lenient)
    if hit is not None and fits is not None and not fits(hit.passage.text):
        hit = index._search(text, (), fits, lenient=lenient)
    if hit is None or hit.coverage < threshold or hit.matched < 2:
        return None
    return hit
