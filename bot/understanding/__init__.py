"""Understanding of free text: what a delegate asks, as an intent with slots.

Pure: no Telegram, no I/O. `understand()` is the seam the free-text handler calls; the handler
turns the result into the same replies the commands give.

How it works (not dateparser: see bot/when.py; not stemming: Sastrawi turns "kedua" into "dua"
and "14.00" into "14 00"; not an NLP package: nlp-id is a 391 MB install that downloads a model
at run time and drops kapan/siapa as stopwords):
1. `bot.textnorm` turns the message into canonical tokens ("jdwl bsk??" -> jadwal besok),
   correcting typos only towards words the bot knows (its lexicon and the event's own words).
2. `bot.when` reads days and times against `now` and the event's days.
3. Entities come from the event data only: session tags and titles, speaker and venue names
   and aliases, region names (`bot.regions`). Nothing about a particular seminar is in code.
4. A weighted lexicon plus entity evidence scores each intent; question words are priors
   (di mana -> venue, siapa -> speaker, kapan -> time), action verbs outweigh topic nouns,
   and words that are clearly about something else (cuaca, tiket pesawat) vote for UNKNOWN.
   Intents that need an entity (a session, a speaker) are not chosen without one, so an
   unrelated question is never answered with a guessed session.

Per-event indexes are built once (`Understander`) and cached, so a message costs tens of
microseconds.
"""

from bot.understanding.questions import MAX_QUESTIONS, split_questions, understand_all
from bot.understanding.result import Fact, Intent, Relation, Scope, Understanding
from bot.understanding.understander import Understander, understand, understander_for

__all__ = [
    "MAX_QUESTIONS",
    "Fact",
    "Intent",
    "Relation",
    "Scope",
    "Understander",
    "Understanding",
    "split_questions",
    "understand",
    "understand_all",
    "understander_for",
]
