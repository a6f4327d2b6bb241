"""Region names as delegates type them: "kab. sidoarjo", "pemkab sidoarjo", "banyuwangie", "smg".

Measured with rapidfuzz: scoring whole names picks *Kota* Kupang for "kab kupang", so we strip
the kab/kota prefix to a core, match the core (exactly, then with a bounded edit distance), and
take kab/kota only from an adjacent word. A bare core shared by a Kota and a
Kabupaten ("kupang") is reported as ambiguous so the bot can ask instead of guessing. Ordinary
words are never fuzzy-matched ("sekarang" is not "semarang").

Used by free-text understanding and by the /kontak command.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from bot import textnorm
from bot.model import Contact

KAB_WORDS = frozenset({"kab", "kabupaten", "pemkab", "regency", "kabupatennya"})
KOTA_WORDS = frozenset({"kota", "pemkot", "kodya", "kotamadya", "city"})
# English puts the kind after the name ("Kupang Regency", "Kupang City").
_AFTER_WORDS = frozenset({"regency", "city"})
FUZZY_CUTOFF = 0.85
QUERY_CUTOFF = 0.75


@dataclass(frozen=True, slots=True)
class RegionMatch:
    #: Canonical region names, best first.
    regions: tuple[str, ...] = ()
    #: True when one mention fits several regions equally (bare "kupang").
    ambiguous: bool = False

    def __bool__(self) -> bool:
        return bool(self.regions)


@dataclass(frozen=True, slots=True)
class RegionMention:
    """One mention in a token sequence: tokens [start, end) named `regions`."""

    start: int
    end: int
    regions: tuple[str, ...]
    ambiguous: bool


def _kind(word: str) -> str | None:
    if word in KAB_WORDS:
        return "kab"
    if word in KOTA_WORDS:
        return "kota"
    return None


def _split(region: str) -> tuple[str | None, tuple[str, ...]]:
    """'Kabupaten Timor Tengah Selatan' -> ('kab', ('timor', 'tengah', 'selatan'))."""
    toks = textnorm.simple_tokens(region)
    if toks and _kind(toks[0]):
        return _kind(toks[0]), toks[1:]
    return None, toks


class RegionIndex:
    """Precomputed lookups for one list of regions (and optional aliases)."""

    def __init__(self, regions: Sequence[str], aliases: Mapping[str, str] | None = None) -> None:
        self.regions = tuple(regions)
        self.kind: dict[str, str | None] = {}
        self.cores: dict[tuple[str, ...], list[str]] = {}
        for region in self.regions:
            kind, core = _split(region)
            if core:
                self.kind[region] = kind
                self.cores.setdefault(core, []).append(region)
        # First words of multi-word cores: "sumba" alone hints at the four Sumba regencies.
        self.heads: dict[str, list[str]] = {}
        for core, names in self.cores.items():
            if len(core) > 1 and not textnorm.is_ordinary(core[0]):
                self.heads.setdefault(core[0], []).extend(names)
        self.aliases: dict[tuple[str, ...], str] = {}
        for alias, region in (aliases or {}).items():
            toks = textnorm.simple_tokens(alias)
            if toks and region in self.kind:
                self.aliases[toks] = region
        self.single_cores = tuple(c[0] for c in self.cores if len(c) == 1)
        self.max_len = max([len(c) for c in self.cores] + [len(a) for a in self.aliases] + [1])
        # First words of aliases and cores: most tokens start neither, and are passed at once.
        self._alias_heads = frozenset(a[0] for a in self.aliases)
        self._core_heads = frozenset(c[0] for c in self.cores)
        #: (word, cutoff) -> its fuzzy core: a pure function of them, asked for every message.
        self._fuzzy: dict[tuple[str, float], tuple[str, ...] | None] = {}

    # -- token level ---------------------------------------------------------------------
    def _with_kind(self, names: list[str], kind: str | None) -> tuple[tuple[str, ...], bool]:
        if kind is not None:
            picked = [n for n in names if self.kind[n] == kind]
            if picked:
                return tuple(picked), len(picked) > 1
        # A kab/kota word that fits none of them (there is only a Kota Semarang): the name
        # still says which region is meant.
        ordered = sorted(names, key=lambda n: self.kind[n] != "kota")
        return tuple(ordered), len(ordered) > 1

    def _fuzzy_core(self, tok: str, cutoff: float) -> tuple[str, ...] | None:
        key = (tok, cutoff)
        if key in self._fuzzy:
            return self._fuzzy[key]
        if len(self._fuzzy) >= 20_000:  # words people type: bounded over a long run
            self._fuzzy.clear()
        found = self._fuzzy[key] = self._closest_core(tok, cutoff)
        return found

    def _closest_core(self, tok: str, cutoff: float) -> tuple[str, ...] | None:
        best: tuple[str, ...] | None = None
        best_sim = cutoff
        for core in self.single_cores:
            if core[0] != tok[0] or abs(len(core) - len(tok)) > 2:
                continue
            sim = textnorm.similarity(tok, core)
            if sim >= best_sim:
                best, best_sim = (core,), sim
        return best

    def mentions(self, tokens: Sequence[str]) -> list[RegionMention]:
        """Every region mention in canonical tokens, left to right."""
        out: list[RegionMention] = []
        n = len(tokens)
        i = 0
        while i < n:
            found = self._mention_at(tokens, i, FUZZY_CUTOFF)
            if found is None:
                i += 1
                continue
            out.append(found)
            i = found.end
        return out

    def _mention_at(self, tokens: Sequence[str], i: int, cutoff: float) -> RegionMention | None:
        n = len(tokens)
        # Aliases first, longest first ("pemkab sidoarjo", "kpg").
        if tokens[i] in self._alias_heads:
            for length in range(min(self.max_len, n - i), 0, -1):
                key = tuple(tokens[i : i + length])
                region = self.aliases.get(key)
                if region is not None:
                    return RegionMention(i, i + length, (region,), False)
        # A kab/kota word right before the core ("kab kupang"), or after it in English.
        kind = _kind(tokens[i])
        start = i
        j = i + 1 if kind is not None else i
        if j >= n:
            return None
        core: tuple[str, ...] | None = None
        if tokens[j] in self._core_heads:
            for length in range(min(self.max_len, n - j), 0, -1):
                key = tuple(tokens[j : j + length])
                if key in self.cores:
                    core = key
                    break
        if core is None:
            tok = tokens[j]
            if tok in self.heads:
                names = self.heads[tok]
                regions, ambiguous = self._with_kind(names, kind)
                return RegionMention(start, j + 1, regions, ambiguous)
            if len(tok) >= 5 and tok.isalpha() and not textnorm.is_ordinary(tok):
                core = self._fuzzy_core(tok, cutoff)
            if core is None:
                return None
        end = j + len(core)
        if kind is None and end < n and tokens[end] in _AFTER_WORDS:
            kind = _kind(tokens[end])
            end += 1
        regions, ambiguous = self._with_kind(self.cores[core], kind)
        return RegionMention(start, end, regions, ambiguous)

    # -- whole strings -------------------------------------------------------------------
    def find(self, text: str) -> RegionMatch:
        return combine(self.mentions(textnorm.simple_tokens(text)))

    def match(self, query: str) -> RegionMatch:
        """A query that is meant to be a region name (the /kontak argument)."""
        tokens = textnorm.simple_tokens(query)
        found = combine(self.mentions(tokens))
        if found:
            return found
        # Nothing matched token by token: try the whole query, minus a kab/kota word, as one
        # misspelt core ("sidoarjoo", "manggarai barat" typed as "manggaraibarat").
        kind = _kind(tokens[0]) if tokens else None
        core = "".join(tokens[1:] if kind else tokens)
        if len(core) < 4:
            return RegionMatch()
        best: list[str] = []
        best_sim = QUERY_CUTOFF
        for key, names in self.cores.items():
            sim = textnorm.similarity(core, "".join(key))
            if sim > best_sim:
                best, best_sim = names, sim
        if not best:
            return RegionMatch()
        regions, ambiguous = self._with_kind(best, kind)
        return RegionMatch(regions, ambiguous)


def asker_origin(tokens: Sequence[str], mention: RegionMention) -> bool:
    """Whether a region is named as the asker's own ("kami (dari) rombongan Pemkab X"),
    with the organizers asked for after it: then it is not the region whose contacts are
    asked."""
    # Imported here: bot.understanding (whose package this is) imports this module.
    from bot.understanding.lexicon import FIRST_PERSON, HOSTS, ORGANIZERS

    before = tokens[max(0, mention.start - 4):mention.start]
    return (any(t in FIRST_PERSON for t in before)
            and any(t in ORGANIZERS or t in HOSTS for t in tokens[mention.end:]))


def regions_asked(text: str, regions: Sequence[str],
                  aliases: Mapping[str, str] | None = None) -> RegionMatch | None:
    """The regions `text` asks about when it also names the asker's own (`asker_origin`),
    which is left out; None when it names no region as the asker's."""
    from bot.understanding.lexicon import ORGANIZERS  # here: see `asker_origin`

    # "the committee's number": the organizers by the word their contacts are found by.
    tokens = tuple("panitia" if t in ORGANIZERS else t for t in textnorm.simple_tokens(text))
    mentions = _cached(regions, aliases).mentions(tokens)
    origin = [m for m in mentions if asker_origin(tokens, m)]
    if not origin:
        return None
    rest = [m for m in mentions if m not in origin]
    if _twin_of_organizers(tokens, rest, combine(origin).regions):
        # "beta dari Kab. Kupang, minta nomor panitia": the organizers' contacts belong to
        # Kota Kupang, which a delegate of the Kabupaten of the same name would read as the
        # wrong region: its own region's contacts answer ("… panitia tuan rumah" asks the
        # host's by name).
        return combine(origin)
    return combine(rest)


def _twin_of_organizers(tokens: Sequence[str], rest: Sequence[RegionMention],
                        origin: Sequence[str]) -> bool:
    """Whether the regions named besides the asker's own are only the organizers' word
    ("panitia"), whose contacts belong to a region of the same name as the asker's own but
    of the other kind (a Kota and a Kabupaten). `tokens` have the organizers' words read as
    "panitia" (`regions_asked`)."""
    cores = {_split(r)[1] for r in origin}
    return bool(rest) and all(
        all(t == "panitia" for t in tokens[m.start:m.end])
        and all(r not in origin and _split(r)[1] in cores for r in m.regions)
        for m in rest)


def combine(mentions: Iterable[RegionMention]) -> RegionMatch:
    """Mentions -> one match: regions in order of mention, ambiguous if any mention was."""
    regions: list[str] = []
    ambiguous = False
    for m in mentions:
        ambiguous = ambiguous or m.ambiguous
        regions.extend(r for r in m.regions if r not in regions)
    return RegionMatch(tuple(regions), ambiguous)


@lru_cache(maxsize=16)
def _index(regions: tuple[str, ...], aliases: tuple[tuple[str, str], ...]) -> RegionIndex:
    return RegionIndex(regions, dict(aliases))


def _cached(regions: Sequence[str], aliases: Mapping[str, str] | None) -> RegionIndex:
    return _index(tuple(regions), tuple(sorted((aliases or {}).items())))


def match_regions(
    query: str, regions: Sequence[str], aliases: Mapping[str, str] | None = None
) -> RegionMatch:
    """The region(s) a short query names, e.g. for `/kontak kab. sidoarjo`."""
    return _cached(regions, aliases).match(query)


def find_regions_in_text(
    text: str, regions: Sequence[str], aliases: Mapping[str, str] | None = None
) -> RegionMatch:
    """The regions mentioned anywhere in a sentence ("minta kontak panitia sidoarjo")."""
    return _cached(regions, aliases).find(text)


@dataclass(frozen=True, slots=True)
class InstansiRegion:
    """What an instansi as typed at registration says about the delegate's region."""

    #: Candidate regions, best first.
    regions: tuple[str, ...]
    #: Exactly one region, no doubt: set it without asking.
    certain: bool
    #: The text is nothing but that region's name ("kab. sidoarjo"): save the proper name.
    only_region: bool


def region_of_instansi(text: str, regions: Sequence[str]) -> InstansiRegion:
    """The region an instansi names: "Dinas Kominfo Kota Kupang" is Kota Kupang for certain;
    "Dinas Kominfo Kupang" could be Kota or Kabupaten Kupang (ask)."""
    tokens = textnorm.simple_tokens(text)
    mentions = _cached(regions, None).mentions(tokens)
    found = combine(mentions)
    certain = len(found.regions) == 1 and not found.ambiguous
    only = certain and len(mentions) == 1 and (mentions[0].start, mentions[0].end) == (
        0, len(tokens))
    return InstansiRegion(found.regions, certain, only)


def aliases_from_contacts(
    contacts: Iterable[Contact], *, skip_ordinary: bool = True
) -> dict[str, str]:
    """Alias -> region from contacts that belong to a region.

    With `skip_ordinary`, aliases made only of ordinary words ("panitia", "tuan rumah") are
    left out: in a sentence they do not name a region. Pass False for a /kontak query, where
    "panitia" alone may well mean the host's committee.
    """
    out: dict[str, str] = {}
    for contact in contacts:
        if not contact.region:
            continue
        for alias in contact.aliases:
            toks = textnorm.simple_tokens(alias)
            if skip_ordinary and all(textnorm.is_ordinary(t) for t in toks):
                continue
            out.setdefault(alias, contact.region)
    return out
