"""Files that travel with the program: the sample events and the gettext catalogs.

In the repository they live at the top (`data/`, `locales/`) where organizers and translators
find them; the build (`setup.py`) copies them into the wheel as `bot/data` and `bot/locales`.
`importlib.resources` finds the packaged copy in an installed wheel; a checkout (editable
install, or `python -m bot` from the repository) has no packaged copy and reads the top-level
folders instead, so there is one source of truth and nothing to keep in sync.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

#: The event used when neither --data nor EVENT_FILE names one.
DEFAULT_EVENT_NAME = "citynet-kupang-2019.toml"
CHECKOUT_ROOT = Path(__file__).resolve().parent.parent


def tree(name: str) -> Traversable:
    """`data` or `locales`: the packaged copy if installed from a wheel, else the checkout's."""
    packaged = files("bot").joinpath(name)
    if packaged.is_dir():
        return packaged
    return CHECKOUT_ROOT / name


def data_file(name: str) -> Path:
    """A shipped event file as a real path (/muatulang re-reads it; /ubah may write it)."""
    found = tree("data").joinpath(name)
    # Wheels are installed unpacked, so the resource is a file on disk; a zipped install
    # would need importlib.resources.as_file, which nothing here supports.
    return Path(str(found))


def locales_dir() -> Traversable:
    return tree("locales")
