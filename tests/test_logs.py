"""bot.logs: every Indonesian phone form is masked (a property test), ids and times are kept,
and APScheduler's per-job chatter is off unless LOG_LEVEL=DEBUG."""

from __future__ import annotations

import io
import logging

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot import logs

digits = st.text(alphabet="0123456789", min_size=1, max_size=1)
separator = st.sampled_from(["", "", " ", "-", "."])


@st.composite
def grouped(draw: st.DrawFn, first: str, count: int) -> str:
    """`first` then `count` random digits, split into groups by random separators."""
    out = first
    for _ in range(count):
        out += draw(separator) if draw(st.booleans()) and out[-1].isdigit() else ""
        out += draw(digits)
    return out


@st.composite
def phone(draw: st.DrawFn) -> str:
    """An Indonesian number as people and Telegram write it."""
    form = draw(st.sampled_from(["+62", "+62 ", "62", "0"]))
    if draw(st.booleans()):  # mobile: 8xx and 8 to 10 more digits
        subscriber = draw(grouped("8", draw(st.integers(8, 10))))
    else:  # landline: a 2-3 digit area code (not 8…) and a 6-8 digit number
        area = draw(st.sampled_from(["21", "31", "361", "380", "274"]))
        number = draw(grouped(draw(digits), draw(st.integers(5, 7))))
        if form == "0" and draw(st.booleans()):
            return f"(0{area}) {number}"
        subscriber = area + draw(separator) + number
        if form == "62":  # without the +, only mobile numbers are told from ids
            form = "0"
    return form + subscriber


@given(phone(), st.sampled_from(["kontak ", "HP: ", "", "no. "]),
       st.sampled_from(["", ".", ", siap", " ya"]))
def test_every_indonesian_phone_form_is_masked(number: str, before: str, after: str) -> None:
    out = logs.redact(before + number + after)
    assert logs.PHONE_MASK in out
    assert not any(ch.isdigit() for ch in out.replace(logs.PHONE_MASK, "")), (number, out)


@given(st.integers(1, 9_999_999_999))
def test_user_ids_and_counts_are_kept(number: int) -> None:
    # Telegram user ids have up to 10 digits today; group ids are negative.
    for text in (f"user {number} pressed", f"chat -100{number}", f"sent {number} of 9"):
        assert logs.redact(text) == text


@pytest.mark.parametrize(
    "text",
    ["6281234567894", "62 812-3456-7890", "(0380) 821 234", "0380-821234", "021 5551234"],
)
def test_forms_without_plus_are_masked(text: str) -> None:
    assert logs.redact(f"contact {text} shared") == f"contact {logs.PHONE_MASK} shared"


@pytest.mark.parametrize(("level", "shown"), [("INFO", False), ("DEBUG", True)])
def test_apscheduler_is_quiet_unless_debugging(level: str, shown: bool) -> None:
    stream = io.StringIO()
    handler = logs.configure(level, stream=stream)
    try:
        logging.getLogger("apscheduler.executors.default").info("Running job tick")
        logging.getLogger("apscheduler.scheduler").warning("job missed")
    finally:
        logging.getLogger().removeHandler(handler)
        logging.getLogger("apscheduler").setLevel(logging.NOTSET)
    out = stream.getvalue()
    assert ("Running job" in out) is shown
    assert "job missed" in out
