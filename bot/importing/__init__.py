"""`citynet-bot import`: a programme from a spreadsheet (CSV, XLSX) or a pretalx/frab export.

Organizers keep the programme in a spreadsheet, programme committees in pretalx or frab;
this turns either into the `[[sessions]]` of an event file (docs/data-format.md). Venues and
speakers the event does not know yet are created with placeholders and a comment asking the
organizer to complete them, so the result validates at once and the gaps are easy to find.
Importing into an existing file replaces only its sessions and keeps everything else,
comments included (tomlkit); the caller reports what changed, as /muatulang does.

Pure apart from reading the input file: no Telegram, no printing.
"""

from bot.importing.reading import (
    DEFAULT_TIMEZONE,
    Programme,
    ProgrammeError,
    Row,
    read_programme,
    read_table,
    rows_from_frab,
    rows_from_table,
    zone,
)
from bot.importing.writing import Result, build, slug

__all__ = [
    "DEFAULT_TIMEZONE",
    "Programme",
    "ProgrammeError",
    "Result",
    "Row",
    "build",
    "read_programme",
    "read_table",
    "rows_from_frab",
    "rows_from_table",
    "slug",
    "zone",
]
