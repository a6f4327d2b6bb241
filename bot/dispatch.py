"""Finding the handler for an update without asking every handler in turn.

PTB asks each handler of a group, in order, whether it takes the update: with ~100 handlers in
group 0 that was ~60 checks and ~40 µs per update, the largest part of the bot's own time
(bench/bench_bot.py --vs-bare). `indexed()` puts runs of command and button handlers behind
one `Router` that first narrows the run to the handlers that can take the update — the ones
for this command, the ones whose pattern matches this button's data, and every other kind of
handler — then asks those, in the registered order. The first that takes it handles it, as
PTB would have chosen: the order and every handler's own check are kept.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Awaitable, Sequence
from typing import Any, cast

from telegram import MessageEntity, Update
from telegram._utils.defaultvalue import DEFAULT_TRUE
from telegram.ext import (
    BaseHandler,
    BaseUpdateProcessor,
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
)

from bot.chatlocks import ChatLocks

Handler = BaseHandler[Update, Any, Any]

#: Distinct button data in a run is bounded by the buttons the bot draws; keep the candidate
#: lists of the most recent ones.
CALLBACK_KEYS = 1024


def command_name(update: Update) -> str | None:
    """The command a message starts with, lower-cased and without @bot, as CommandHandler
    reads it; None when no CommandHandler could take the update."""
    message = update.effective_message
    if message is None or not message.entities or not message.text:
        return None
    head = message.entities[0]
    if head.type != MessageEntity.BOT_COMMAND or head.offset != 0:
        return None
    return message.text[1 : head.length].split("@")[0].lower()


def _indexable(handler: Handler) -> bool:
    # A conversation keeps its own place (PTB registers it for persistence), and so does a
    # handler run outside the update's task (block=False): PTB reads `block` of what it asks.
    return not isinstance(handler, ConversationHandler) and handler.block is DEFAULT_TRUE


class Router(BaseHandler[Update, Any, Any]):
    """A run of handlers of one group, asked only where they can take the update.

    CommandHandler takes only a message starting with one of its commands, CallbackQueryHandler
    only a button press whose data its pattern matches; any other handler is always asked.
    """

    def __init__(self, handlers: Sequence[Handler]) -> None:
        super().__init__(self._never_called)
        self.handlers: tuple[Handler, ...] = tuple(handlers)
        self._commands = frozenset(
            c for h in self.handlers if type(h) is CommandHandler for c in h.commands
        )
        # Neither a command nor a button: only the other handlers can take it.
        self._plain = tuple(
            h for h in self.handlers
            if type(h) is not CommandHandler and type(h) is not CallbackQueryHandler
        )
        self._by_command: dict[str, tuple[Handler, ...]] = {}
        self._by_data: OrderedDict[str, tuple[Handler, ...]] = OrderedDict()

    @staticmethod
    async def _never_called(update: Update, context: Any) -> None:
        raise AssertionError("a Router hands each update to one of its handlers")

    def _for_command(self, name: str) -> tuple[Handler, ...]:
        found = self._by_command.get(name)
        if found is None:
            found = self._by_command[name] = tuple(
                h for h in self.handlers
                if type(h) is not CallbackQueryHandler
                and (type(h) is not CommandHandler or name in h.commands)
            )
        return found

    def _for_data(self, data: str) -> tuple[Handler, ...]:
        found = self._by_data.get(data)
        if found is not None:
            self._by_data.move_to_end(data)
            return found
        found = self._by_data[data] = tuple(
            h for h in self.handlers
            if type(h) is not CommandHandler
            and (type(h) is not CallbackQueryHandler
                 or not isinstance(h.pattern, str | re.Pattern)
                 or re.match(h.pattern, data))
        )
        if len(self._by_data) > CALLBACK_KEYS:
            self._by_data.popitem(last=False)
        return found

    def candidates(self, update: Update) -> tuple[Handler, ...]:
        """The handlers that may take `update`, in their order (each still checks it)."""
        query = update.callback_query
        if query is not None:
            if isinstance(query.data, str) and query.data:
                return self._for_data(query.data)
            return tuple(h for h in self.handlers if type(h) is not CommandHandler)
        name = command_name(update)
        if name is None or name not in self._commands:
            return self._plain
        return self._for_command(name)

    def check_update(self, update: object) -> tuple[Handler, object] | None:
        if not isinstance(update, Update):
            return None
        for handler in self.candidates(update):
            check = handler.check_update(update)
            if check is not None and check is not False:
                return handler, check
        return None

    async def handle_update(
        self, update: Update, application: Any, check_result: object, context: Any
    ) -> Any:
        handler, check = cast(tuple[Handler, object], check_result)  # from check_update
        return await handler.handle_update(update, application, check, context)


def indexed(handlers: Sequence[Handler]) -> list[Handler]:
    """The same handlers in the same order, each run of plain ones behind one Router."""
    out: list[Handler] = []
    run: list[Handler] = []
    for handler in handlers:
        if _indexable(handler):
            run.append(handler)
            continue
        if run:
            out.append(Router(run))
            run = []
        out.append(handler)
    if run:
        out.append(Router(run))
    return out


class PerChatUpdates(BaseUpdateProcessor):
    """Updates of different chats concurrently, one chat's updates one after another.

    PTB's `concurrent_updates(True)` runs every update at once, so two messages a delegate
    sends in quick succession race: a fast handler (/bantuan) answers before a slower one
    (/start) that came first, and two steps of one conversation can read the same state. An
    update waits for the one before it in its chat (an asyncio.Lock is first come, first
    served, and PTB starts the updates' tasks in the order they arrived); other chats do not
    wait. Updates with no chat and no user (a poll's state) are not held.
    """

    def __init__(self, max_concurrent_updates: int) -> None:
        super().__init__(max_concurrent_updates)
        #: One update at a time per chat.
        self.chats = ChatLocks()

    @staticmethod
    def chat_of(update: object) -> int | None:
        if not isinstance(update, Update):
            return None
        if update.effective_chat is not None:
            return update.effective_chat.id
        # A button under an inline-mode message has no chat: its user stands for it.
        return update.effective_user.id if update.effective_user is not None else None

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        chat = self.chat_of(update)
        if chat is None:
            await coroutine
            return
        await self.chats.acquire(chat)
        try:
            await coroutine
        finally:
            self.chats.release(chat)

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass
