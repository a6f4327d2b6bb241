"""Use cases: plain values in, frozen result dataclasses out, no `telegram` import."""
