"""Use cases: what the bot does for a delegate or an organizer, without Telegram.

Each module takes plain values (ids, text, the event, the repo) and returns result
dataclasses; handlers/ turns Telegram updates into calls and results into replies.
"""
