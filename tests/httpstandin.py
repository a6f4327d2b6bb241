"""The stand-in Bot API (`bot.offline.botapi.StandIn`) served over real HTTP, for the bot as
a process.

`HttpStandIn().start()` listens on 127.0.0.1 (a free port) in a background thread with its own
asyncio loop; point the bot at it with `TELEGRAM_API_BASE_URL=<server.base_url>` and every Bot
API call travels over a real socket through PTB's HTTPXRequest, is decoded back into the same
parameters the in-process stand-in records, and is answered by `StandIn.handle`.

The test thread talks to the server only through thread-safe methods: `feed`/`make` (queue
incoming updates for getUpdates), `calls`/`wait_for` (what the bot did), `fault` (inject
answers), `go_down`/`come_back` (the network disappears and returns on the same port).

Stdlib only: a small HTTP/1.1 server (keep-alive, Content-Length or chunked bodies,
application/x-www-form-urlencoded and multipart/form-data), enough for httpx as PTB uses it.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import threading
import time
from collections.abc import Callable, Coroutine, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar
from urllib.parse import parse_qsl, unquote, urlsplit

from bot.offline.botapi import StandIn
from bot.offline.protocol import ApiCall, error_body, file_note, replace_attach_uris
from tests.apispec import ARRAY_PREFIX, check_call, load_spec
from tests.factory import UpdateFactory

JSON = dict[str, Any]
T = TypeVar("T")

#: Header and body limits: far above what the bot sends, low enough to stop a runaway client.
MAX_HEADER_BYTES = 64 * 1024
MAX_BODY_BYTES = 60 * 1024 * 1024


# -- fault actions -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Delay:
    """Answer after `seconds` (longer than the client's read timeout: a timeout). The call is
    still carried out and recorded, as Telegram may deliver a message whose answer was lost."""

    seconds: float


@dataclass(frozen=True)
class Drop:
    """Close the connection without answering (the client sees the server disconnect)."""


#: What a fault returns: an HTTP answer `(status, body)` given instead of the real one, a
#: `Delay` or a `Drop`; None lets the call through.
Action = tuple[int, JSON] | Delay | Drop
HttpFault = Callable[[ApiCall], Action | None]


@dataclass(frozen=True)
class Received:
    """A recorded call with the monotonic time its request arrived (for latency figures)."""

    call: ApiCall
    arrived: float


class BadHttpRequest(Exception):
    pass


@dataclass
class _Request:
    method: str
    target: str
    headers: dict[str, str]
    body: bytes
    keep_alive: bool = True
    arrived: float = field(default_factory=time.monotonic)


# -- HTTP/1.1 parsing --------------------------------------------------------------------------


async def read_request(reader: asyncio.StreamReader) -> _Request | None:
    """One request from a keep-alive connection; None when the client closed it."""
    try:
        head = await reader.readuntil(b"\r\n\r\n")
    except asyncio.IncompleteReadError as exc:
        if not exc.partial.strip():
            return None  # closed between requests: the normal end of a keep-alive connection
        raise BadHttpRequest("connection closed inside the request head") from exc
    except asyncio.LimitOverrunError as exc:
        raise BadHttpRequest("request head too large") from exc
    arrived = time.monotonic()
    lines = head.decode("latin-1").split("\r\n")
    try:
        method, target, version = lines[0].split(" ", 2)
    except ValueError as exc:
        raise BadHttpRequest(f"bad request line {lines[0]!r}") from exc
    headers: dict[str, str] = {}
    for line in lines[1:]:
        if not line:
            continue
        name, sep, value = line.partition(":")
        if not sep:
            raise BadHttpRequest(f"bad header line {line!r}")
        headers[name.strip().lower()] = value.strip()
    if "chunked" in headers.get("transfer-encoding", "").lower():
        body = await _read_chunked(reader)
    else:
        length = int(headers.get("content-length") or 0)
        if length > MAX_BODY_BYTES:
            raise BadHttpRequest("body too large")
        body = await reader.readexactly(length) if length else b""
    connection = headers.get("connection", "").lower()
    keep_alive = connection != "close" if version == "HTTP/1.1" else connection == "keep-alive"
    return _Request(method, target, headers, body, keep_alive, arrived)


async def _read_chunked(reader: asyncio.StreamReader) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while True:
        size_line = await reader.readuntil(b"\r\n")
        size = int(size_line.split(b";", 1)[0].strip() or b"0", 16)
        if size == 0:
            # Trailers (none expected) up to the empty line.
            while (await reader.readuntil(b"\r\n")) != b"\r\n":
                pass
            return b"".join(chunks)
        total += size
        if total > MAX_BODY_BYTES:
            raise BadHttpRequest("body too large")
        chunks.append(await reader.readexactly(size))
        await reader.readexactly(2)


def _content_type(headers: Mapping[str, str]) -> tuple[str, dict[str, str]]:
    raw = headers.get("content-type", "")
    kind, *options = (part.strip() for part in raw.split(";"))
    params: dict[str, str] = {}
    for option in options:
        key, _, value = option.partition("=")
        params[key.strip().lower()] = value.strip().strip('"')
    return kind.lower(), params


def parse_multipart(body: bytes, boundary: str) -> list[tuple[dict[str, str], bytes]]:
    """The parts of a multipart/form-data body: (Content-Disposition params + content-type,
    content)."""
    delimiter = b"--" + boundary.encode("latin-1")
    parts: list[tuple[dict[str, str], bytes]] = []
    for chunk in body.split(delimiter)[1:]:
        if chunk.startswith(b"--"):
            break  # the closing delimiter
        chunk = chunk.removeprefix(b"\r\n").removesuffix(b"\r\n")
        head, sep, content = chunk.partition(b"\r\n\r\n")
        if not sep:
            raise BadHttpRequest("multipart part without headers")
        info: dict[str, str] = {}
        for line in head.decode("utf-8", "replace").split("\r\n"):
            name, _, value = line.partition(":")
            if name.strip().lower() == "content-disposition":
                for item in value.split(";")[1:]:
                    key, _, val = item.strip().partition("=")
                    info[key.lower()] = val.strip().strip('"')
            elif name.strip().lower() == "content-type":
                info["content-type"] = value.strip()
        parts.append((info, content))
    return parts


# -- parameters --------------------------------------------------------------------------------


def _fits(type_name: str, value: Any) -> bool:
    """Whether a JSON-decoded value has the shape of a (non-String) spec type."""
    if type_name == "Integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if type_name == "Float":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if type_name == "Boolean":
        return isinstance(value, bool)
    if type_name.startswith(ARRAY_PREFIX):
        return isinstance(value, list)
    if type_name in ("String", "InputFile"):
        return False
    return isinstance(value, dict)  # an object type (InlineKeyboardMarkup, BotCommandScope...)


def decode_value(raw: str, types: list[str] | None) -> Any:
    """A form field back to the value PTB encoded.

    PTB (RequestData.json_parameters) sends strings as they are and everything else
    JSON-encoded, so "123" may be the string or the number: the spec's types for the
    parameter decide. A value that decodes to one of its non-String types is that value
    (chat_id "42" -> 42, a markup -> dict); otherwise it stays the string. Parameters the
    spec does not know follow bot.offline.protocol.decode_parameters' fallback: only objects and
    arrays are decoded.
    """
    if types == ["String"]:
        return raw
    try:
        value = json.loads(raw)
    except ValueError:
        return raw
    if types is None:
        return value if raw[:1] in "[{" else raw
    if any(_fits(type_name, value) for type_name in types):
        return value
    return raw if "String" in types else value


def decode_form(
    method: str, fields: list[tuple[str, str]], files: Mapping[str, JSON] | None = None
) -> JSON:
    """The call's parameters as the in-process StandIn records them (uploads as file notes)."""
    entry = load_spec()["methods"].get(method, {})
    spec_fields = {fld["name"]: fld["types"] for fld in entry.get("fields", [])}
    params: JSON = {name: decode_value(raw, spec_fields.get(name)) for name, raw in fields}
    if not files:
        return params
    used: set[str] = set()
    params = replace_attach_uris(params, files, used)
    for name, note in files.items():
        # A file uploaded directly (not via attach://) is sent under its parameter's name.
        if name not in used:
            params[name] = dict(note)
    return params


# -- the server --------------------------------------------------------------------------------


class HttpStandIn:
    """The stand-in Bot API over HTTP on 127.0.0.1, served from a background thread.

    Args:
        standin: the in-memory Bot API to serve (default: a fresh `StandIn`).
        token: if given, requests for another bot token get Telegram's 401 "Unauthorized".
        port: 0 picks a free port; it is kept across `go_down`/`come_back`.
    """

    def __init__(
        self, standin: StandIn | None = None, *, token: str | None = None, port: int = 0
    ) -> None:
        self.standin = standin or StandIn()
        self.token = token
        self.port = port
        #: Checked before each call is answered (in the server thread); see `Action`.
        self.fault: HttpFault | None = None
        #: Called in the server thread with each call as it is recorded: a driver (the load
        #: benchmark) can react to a reply at once, e.g. feed the user's next message.
        self.on_record: Callable[[Received], None] | None = None
        self._received: list[Received] = []
        self._problems: list[str] = []
        self._changed = threading.Condition()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._server: asyncio.Server | None = None
        self._connections: dict[asyncio.Task[None], asyncio.StreamWriter] = {}
        #: Requests received and not yet answered, by Bot API method (a long poll waits).
        self._in_flight: dict[str, int] = {}
        self._factory: UpdateFactory | None = None

    # -- lifecycle (test thread) -------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """TELEGRAM_API_BASE_URL for the bot: PTB appends `<token>/<method>`."""
        return f"http://127.0.0.1:{self.port}/bot"

    def start(self) -> HttpStandIn:
        loop = asyncio.new_event_loop()
        self._loop = loop
        self._thread = threading.Thread(target=loop.run_forever, name="http-standin", daemon=True)
        self._thread.start()
        self._run(self._listen())
        return self

    def stop(self) -> None:
        """Close everything and end the thread (idempotent)."""
        loop = self._loop
        if loop is None:
            return
        self._run(self._shutdown())
        loop.call_soon_threadsafe(loop.stop)
        if self._thread is not None:
            self._thread.join(10)
        loop.close()
        self._loop = None

    def __enter__(self) -> HttpStandIn:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def go_down(self) -> None:
        """The network is gone: stop listening (connections are refused) and cut every open
        connection, a pending long poll included."""
        self._run(self._go_down())

    def come_back(self) -> None:
        """Listen again, on the same port."""
        self._run(self._listen())

    @property
    def reachable(self) -> bool:
        return self._server is not None

    # -- test-thread helpers -----------------------------------------------------------------

    def _run(self, coro: Coroutine[Any, Any, T], timeout: float = 30.0) -> T:
        if self._loop is None:
            coro.close()
            raise RuntimeError("HttpStandIn is not started")
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result(timeout)

    def in_loop(self, fn: Callable[[], T]) -> T:
        """Run `fn` in the server thread (the StandIn's state is only touched there)."""

        async def call() -> T:
            return fn()

        return self._run(call())

    def feed(self, *updates: Mapping[str, Any]) -> None:
        """Queue updates for getUpdates."""
        self.in_loop(lambda: self.standin.feed(*updates))

    def make(self, build: Callable[[UpdateFactory], JSON]) -> JSON:
        """Build an update with the server's UpdateFactory (ids from the stand-in's sequences),
        queue it, and return it: `server.make(lambda u: u.command("start", user_id=7))`."""
        update = self.build(build)
        self.in_loop(lambda: self.standin.feed(update))
        return update

    def build(self, build: Callable[[UpdateFactory], JSON]) -> JSON:
        """Build an update without queueing it (webhook mode: the test POSTs it itself)."""

        def build_in_loop() -> JSON:
            if self._factory is None:
                self._factory = UpdateFactory(stand_in=self.standin)
            return build(self._factory)

        return self.in_loop(build_in_loop)

    def calls(self) -> list[ApiCall]:
        with self._changed:
            return [r.call for r in self._received]

    def received(self) -> list[Received]:
        with self._changed:
            return list(self._received)

    def problems(self) -> list[str]:
        """Calls that break the Bot API spec (tests.apispec.check_call), described."""
        with self._changed:
            return list(self._problems)

    def wait_for(
        self, predicate: Callable[[list[ApiCall]], bool], timeout: float, what: str = ""
    ) -> list[ApiCall]:
        """Block until `predicate(calls)` holds (re-checked at each new call); the calls then.
        Raises TimeoutError, naming `what`, after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                calls = [r.call for r in self._received]
                if predicate(calls):
                    return calls
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"waited {timeout} s for {what or predicate!r}")
                self._changed.wait(left)

    def in_flight(self, method: str) -> int:
        """Requests for `method` received and not yet answered."""
        with self._changed:
            return self._in_flight.get(method, 0)

    def wait_in_flight(self, method: str, timeout: float, at_least: int = 1) -> None:
        """Block until `at_least` requests for `method` are waiting here for their answer.
        Calls are recorded when answered (a long poll shows in `calls()` only when it ends);
        this sees them on arrival: `wait_in_flight("getUpdates", 10)` = the bot is polling."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while self._in_flight.get(method, 0) < at_least:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"not {at_least} {method} request(s) within {timeout} s")
                self._changed.wait(left)

    def quiet(self, seconds: float, ignore: frozenset[str] = frozenset({"getUpdates"})) -> None:
        """Block for `seconds` and fail if any call other than `ignore` arrives meanwhile:
        the window in which a duplicate would show up."""
        mark = len(self.calls())

        def noisy(calls: list[ApiCall]) -> bool:
            return any(c.method not in ignore for c in calls[mark:])

        try:
            calls = self.wait_for(noisy, seconds)
        except TimeoutError:
            return
        extra = [(c.method, c.params.get("chat_id")) for c in calls[mark:]
                 if c.method not in ignore]
        raise AssertionError(f"unexpected calls while waiting for quiet: {extra}")

    # -- server (loop thread) ----------------------------------------------------------------

    async def _listen(self) -> None:
        if self._server is not None:
            return
        self._server = await asyncio.start_server(
            self._serve, "127.0.0.1", self.port, limit=MAX_HEADER_BYTES, reuse_address=True
        )
        self.port = int(self._server.sockets[0].getsockname()[1])

    async def _go_down(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            server.close()
        for task, writer in list(self._connections.items()):
            # abort(): a reset, no graceful FIN; then the handler (maybe inside a long poll)
            # is cancelled so nothing is answered or recorded on a dead connection.
            writer.transport.abort()
            task.cancel()
        tasks = list(self._connections)
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
        if server is not None:
            await server.wait_closed()

    async def _shutdown(self) -> None:
        await self._go_down()
        await self.standin.shutdown()  # wakes a pending long poll

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        # The connection runs in an inner task that `_go_down` cancels. Not this one: on
        # Python 3.11 asyncio.start_server's done-callback calls task.exception() on the
        # handler task, which raises (and logs a traceback) if that task was cancelled.
        inner = asyncio.create_task(self._converse(reader, writer))
        self._connections[inner] = writer
        try:
            await inner
        except asyncio.CancelledError:
            if not inner.cancelled():
                raise  # we are being cancelled ourselves (the loop is closing)
        finally:
            self._connections.pop(inner, None)
            writer.close()
            with contextlib.suppress(ConnectionError):
                await writer.wait_closed()

    async def _converse(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        """Requests and answers on one keep-alive connection, until either side closes it."""
        with contextlib.suppress(
            BadHttpRequest, ConnectionError, asyncio.IncompleteReadError, ValueError
        ):  # a client gone mid-request, or garbage: just close
            while True:
                request = await read_request(reader)
                if request is None:
                    return
                if not await self._respond(request, writer):
                    return

    async def _respond(self, request: _Request, writer: asyncio.StreamWriter) -> bool:
        """Answer one request; False when the connection is to be closed."""
        path = unquote(urlsplit(request.target).path)
        parts = path.strip("/").split("/")
        if len(parts) != 2 or not parts[0].startswith("bot"):
            # Includes /file/bot<token>/...: the stand-in has no files to download.
            await _write(writer, 404, error_body(404, "Not Found"), request.keep_alive)
            return request.keep_alive
        token, method = parts[0][3:], parts[1]
        if self.token is not None and token != self.token:
            await _write(writer, 401, error_body(401, "Unauthorized"), request.keep_alive)
            return request.keep_alive
        params = self._params(method, request)
        with self._changed:
            self._in_flight[method] = self._in_flight.get(method, 0) + 1
            self._changed.notify_all()
        try:
            return await self._answer(method, params, request, writer)
        finally:
            with self._changed:
                self._in_flight[method] -= 1

    async def _answer(
        self, method: str, params: JSON, request: _Request, writer: asyncio.StreamWriter
    ) -> bool:
        call = ApiCall(method, params)
        action = self.fault(call) if self.fault is not None else None
        if isinstance(action, Drop):
            self._record(ApiCall(method, params, ok=False, error="stand-in: connection dropped"),
                         request.arrived)
            writer.transport.abort()
            return False
        if isinstance(action, Delay):
            await asyncio.sleep(action.seconds)
            action = None
        if action is not None:
            status, body = action
            ok = 200 <= status < 300 and bool(body.get("ok"))
            self._record(
                ApiCall(method, params, ok, body.get("description"), body.get("result")),
                request.arrived,
            )
        else:
            before = len(self.standin.calls)
            status, body = await self.standin.handle(method, params)
            # handle() appends its record right before returning, with no await in between,
            # so the newest record is this call's (other calls may have landed meanwhile).
            self._record(self.standin.calls[-1] if len(self.standin.calls) > before else call,
                         request.arrived)
        await _write(writer, status, body, request.keep_alive)
        return request.keep_alive

    def _params(self, method: str, request: _Request) -> JSON:
        fields = parse_qsl(urlsplit(request.target).query, keep_blank_values=True)
        kind, options = _content_type(request.headers)
        files: dict[str, JSON] = {}
        if kind == "application/x-www-form-urlencoded":
            fields += parse_qsl(request.body.decode("utf-8"), keep_blank_values=True)
        elif kind == "multipart/form-data":
            for info, content in parse_multipart(request.body, options.get("boundary", "")):
                name = info.get("name", "")
                if "filename" in info:
                    mime = info.get("content-type", "application/octet-stream")
                    files[name] = file_note(info["filename"], content, mime)
                    self.standin.uploads[info["filename"]] = content
                else:
                    fields.append((name, content.decode("utf-8")))
        elif kind == "application/json" and request.body:
            # Other clients (curl, a webhook-style reply) may post JSON: already typed.
            decoded = json.loads(request.body)
            return dict(decoded) if isinstance(decoded, dict) else {}
        return decode_form(method, fields, files)

    def _record(self, call: ApiCall, arrived: float) -> None:
        problems = check_call(call.method, call.params)
        received = Received(call, arrived)
        with self._changed:
            self._received.append(received)
            self._problems.extend(problems)
            self._changed.notify_all()
        if self.on_record is not None:
            self.on_record(received)


async def _write(writer: asyncio.StreamWriter, status: int, body: JSON, keep_alive: bool) -> None:
    payload = json.dumps(body, ensure_ascii=False).encode("utf-8")
    reason = {200: "OK", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden",
              404: "Not Found", 409: "Conflict", 429: "Too Many Requests",
              500: "Internal Server Error", 502: "Bad Gateway",
              503: "Service Unavailable", 504: "Gateway Timeout"}.get(status, "Status")
    head = (
        f"HTTP/1.1 {status} {reason}\r\n"
        "Content-Type: application/json\r\n"
        f"Content-Length: {len(payload)}\r\n"
        f"Connection: {'keep-alive' if keep_alive else 'close'}\r\n\r\n"
    )
    writer.write(head.encode("latin-1") + payload)
    await writer.drain()

