"""The delivery policy: what happens to a message whose Bot API call failed, per kind.

Telegram has no idempotency key, so after some failures nobody can know whether the message
arrived. The rule for each kind (the table is in the README, "Delivery policy"):

| outcome                               | reply to a person  | reminder, notice | broadcast      |
|---------------------------------------|--------------------|------------------|----------------|
| never sent (connect error, 5xx, 429)  | queued until sent  | retried (*)      | retried (**)   |
| maybe delivered (read timeout, reset) | queued until sent  | counted sent     | retried ×6     |
| long outage                           | queued until sent  | retried (*)      | retried (**)   |
| crash mid-call, first attempt         | lost (ask again)   | counted sent     | counted sent   |
| crash mid-call, once queued           | sent after restart | -                | -              |
| refused (4xx, blocked)                | error handler/drop | dropped          | failed         |

(*) by the next tick, until the reminder expires (its session started); a question raised
again to the organizers goes to the reply queue instead.
(**) not counted against the 6 attempts (a 429 is): a broadcast waits out an outage.
A queued reply older than 5 min is preceded by a note that it is late; a queued edit
expires after 10 min; an edit that may have taken effect is not repeated; a button's
answer is never queued (bot/replies.py).

Why they differ: a reply is what a person is waiting for right now; a duplicate answer is a
small annoyance, silence is a failure, so replies are at-least-once (`bot.app.
RetryingRateLimiter` and the database queue `bot.replies`), across outages and restarts;
only a reply whose very first attempt is cut by a crash is lost (writing every reply before
sending it would cost every update a write: the person asks again). A reminder is one of
many timed pushes: a duplicate is noise at the worst moment, a rare loss is mitigated by the
morning brief and /jadwal, so it is at-most-once. An announcement may be urgent (a room
change) and reaches each person once in a whole event: at-least-once, except across a crash
(bot/outbox.py).
"""

from __future__ import annotations

import httpx
from telegram.error import NetworkError, RetryAfter, TelegramError, TimedOut

#: Transport failures that happen before the request is sent: Telegram never saw the call.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


def never_delivered(exc: BaseException) -> bool:
    """Whether a failed Bot API call certainly or very probably did not take effect, so
    sending it again cannot make the user see it twice.

    Yes: the connection could not be made (refused, connect or pool timeout: nothing was
    sent), or Telegram answered with a server error (5xx: PTB raises a plain NetworkError,
    with no httpx exception behind it, for any status it has no better class for).
    No: a read or write timeout or a connection dropped mid-answer (the message may well
    have been delivered), and every 4xx (BadRequest, Forbidden, ... would fail again).
    """
    if isinstance(exc, TimedOut):
        return isinstance(exc.__cause__, _NOT_SENT)
    if type(exc) is not NetworkError:
        return False
    cause = exc.__cause__
    # No cause, or an unparsable body (TelegramError): Telegram answered an error status.
    return cause is None or isinstance(cause, (TelegramError, *_NOT_SENT))


def maybe_delivered(exc: BaseException) -> bool:
    """A transport failure after the request may have reached Telegram (read or write
    timeout, connection reset mid-answer): the uncertain outcome the policy decides on."""
    # BadRequest is a NetworkError in PTB, but it is Telegram refusing: not uncertain.
    transport = isinstance(exc, TimedOut) or type(exc) is NetworkError
    return transport and not never_delivered(exc)


def retry_seconds(exc: RetryAfter) -> float:
    """RetryAfter's wait in seconds. The public `retry_after` warns in PTB 22 (it is moving
    from int to timedelta, see PTB_TIMEDELTA); PTB's own AIORateLimiter reads this field."""
    return float(exc._retry_after.total_seconds())
