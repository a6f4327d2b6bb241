"""`python -m bot`: the same command line as `citynet-bot`."""

import sys

from bot.cli import main

if __name__ == "__main__":
    sys.exit(main())
