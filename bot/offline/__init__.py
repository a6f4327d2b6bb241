"""The offline Bot API: Telegram played in memory, for the offline chat (`citynet-bot chat` /
`ask`), the tests and the benchmarks, which all run the real handlers and PTB this way.

- `protocol`: the bot it plays, Telegram's limits and error texts, `ApiCall`, injected faults,
  and PTB's requests decoded into plain JSON;
- `html`: Telegram-flavoured HTML parsed into plain text and entities;
- `checks`: what a call's parameters must satisfy, with Telegram's error texts;
- `botapi`: `StandIn`, the `BaseRequest` that answers and records every call, with
  `polling` (getUpdates, webhook) and `menus` (bot commands, menu buttons);
- `updates`: `UpdateBuilder`, the incoming side (what a user sends).
"""
