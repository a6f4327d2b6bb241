"""Load and validate an event data file (TOML, see docs/data-format.md).

Validation collects every problem instead of stopping at the first one, so an organizer
fixing a file sees the whole list at once. Each problem names the file, the place in it
(`sessions[3].end`) and what is wrong.
"""

from bot.loader.event import load_event, parse_event
from bot.loader.problems import EventDataError, Problem, Term, example_moment, problem
from bot.loader.reader import ID_PATTERN

__all__ = [
    "ID_PATTERN",
    "EventDataError",
    "Problem",
    "Term",
    "example_moment",
    "load_event",
    "parse_event",
    "problem",
]
