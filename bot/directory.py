"""Finding contacts: by region (fuzzy, with Kota/Kabupaten ambiguity) or by name words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from bot import textnorm
from bot.coverage import GENERAL, PROBLEM
from bot.model import Contact, Event
from bot.regions import aliases_from_contacts, match_regions, regions_asked
from bot.retrieval import index_for
from bot.understanding.lexicon import ENQUIRY, IN_CHARGE, ORGANIZERS, REACH_VERBS
from bot.understanding.understander import REGION_NOUNS

#: Words that ask for a contact but name nobody ("minta kontak ..."), in both languages.
REQUEST_WORDS = frozenset(
    [
        "minta", "mohon", "tolong", "tlg", "kontak", "kontaknya", "contact", "contacts",
        "nomor", "no", "nmr", "nomer", "hp", "telp", "tlp", "telepon", "wa", "whatsapp", "cp",
        "pic", "narahubung", "email", "e-mail", "dong", "ya", "kak", "min", "pak", "bu", "the",
        "of", "for", "please", "number", "phone", "dari", "di", "untuk", "utk", "yg", "yang",
        "boleh", "bisa", "info", "informasi", "berapa",
        # Asking whom to call names no one: "who do I call about registration?".
        "call", "hubungi", "dihubungi", "menghubungi", "telpon", "nelpon",
        # Nor does the one in charge there: "who is in charge at the secretariat?".
        "in", "at", "charge", "jawab", *IN_CHARGE, *REACH_VERBS, *ENQUIRY,
    ]
)


#: Words for any region or its delegation, none named ("daerah mana", "delegation contact"):
#: the understander's region nouns, and the delegation's.
_ANY_REGION = REGION_NOUNS | frozenset({"delegasi", "delegation", "delegations", "pemda",
                                        # "daerah mana yang punya narahubung?"
                                        "punya", "memiliki", "mempunyai"})


@dataclass(frozen=True, slots=True)
class ContactSearch:
    contacts: tuple[Contact, ...] = ()
    #: Set when the query could mean several regions: ask which one.
    ambiguous: tuple[str, ...] = ()
    #: The region that matched, if the search went by region.
    region: str | None = None
    #: False when the query names nobody ("minta kontak", "contact person?"): a request for
    #: the contacts in general, answered with the list to choose from.
    named: bool = True


@cache
def _aliases(event: Event) -> dict[str, str]:
    """Contact aliases that point at a region ("sda" -> "Kabupaten Sidoarjo")."""
    return aliases_from_contacts(event.contacts, skip_ordinary=False)


#: Words for the organizers of the event: the committee's contacts are found by "panitia".
#: And "panit": textnorm reads it as "panitia", but `_word` sees it again once "-nya" is
#: dropped ("panitnya").
_ORGANIZERS = ORGANIZERS | {"panit"}


#: A condition put to the question, to its clause's end ("kalau ada kendala selama acara").
_CONDITION_RE = re.compile(r"\b(?:kalau|kalo|klo|jika|bila|apabila|if)\b[^,;.?!]*")


def _words(text: str) -> list[str]:
    words = [_word(w.strip("'")) for w in re.findall(r"[\w'-]+", text.lower().replace("’", "'"))]
    return ["panitia" if w in _ORGANIZERS else w for w in words]


def _word(word: str) -> str:
    """A word as the contacts spell it: a chat spelling read ("kntk" is kontak), the "-nya"
    dropped ("panitianya" is the panitia)."""
    if word.endswith("'s") and len(word) > 4:  # "the secretariat's e-mail", "organiser's"
        word = word[:-2]
        if word in _ORGANIZERS:
            return "panitia"
    word = textnorm.SLANG.get(word, word)
    return word[:-3] if word.endswith("nya") and len(word) > 6 else word


def _spelled(word: str, event: Event) -> str:
    """A word as the bot reads it when no contact holds it as typed: a misspelling of the
    event's words corrected ("sekertariat"), an English one in the data's language
    ("secretariat"), a chat abbreviation read ("ptgs" petugas)."""
    if not word.isalpha() or any(word in _haystack(c) for c in event.contacts):
        return word
    fixed = index_for(event).normalizer.fix(word)
    return fixed[0] if len(fixed) == 1 else word


def _haystack(contact: Contact) -> str:
    """Everything a contact may be searched by, in both languages."""
    role = (contact.role.id, contact.role.en or "")
    return " ".join((contact.name, contact.instansi, *role, *contact.aliases)).lower()


def search_contacts(event: Event, query: str) -> ContactSearch:
    # "Dengan hormat, bolehkah saya meminta nomor kontak …": only the words that name someone.
    words = [w for w in (_spelled(w, event) for w in _words(query))
             if w not in REQUEST_WORDS and w not in GENERAL and w not in textnorm.PARTICLES]
    # "kalau ada kendala di lapangan, hubungi siapa?": the trouble names no one; a word of
    # the condition that names a contact stays ("kalau ada masalah registrasi, …"). Only
    # trouble: "kalau bot tidak bisa jawab, tanya siapa?" is not a contact's.
    trouble = {w for m in _CONDITION_RE.finditer(query.lower())
               if PROBLEM & set(ws := _words(m[0])) for w in ws}
    words = [w for w in words
             if w not in trouble or any(w in _haystack(c) for c in event.contacts)]
    if all(w in _ANY_REGION for w in words):
        # "Which regions have a delegation contact person?", "kontak delegasi daerah": no
        # one named but the regions in general: the list of those that have contacts.
        return ContactSearch(named=False)
    # "kami dari delegasi Kota Bogor mohon narahubung panitia tuan rumah": the organizers'
    # contacts, not those of the asker's own region.
    asked = regions_asked(query, event.regions, _aliases(event))
    if asked is not None and not asked:
        words = ["panitia"]
    cleaned = " ".join(words)
    match = asked or match_regions(cleaned, event.regions, _aliases(event))
    if match.ambiguous:
        return ContactSearch(ambiguous=match.regions)
    if match.regions:
        region = match.regions[0]
        return ContactSearch(contacts=event.contacts_in([region]), region=region)
    hits = tuple(
        c
        for c in event.contacts
        if all(w in _haystack(c) for w in words)
    )
    return ContactSearch(contacts=hits)
