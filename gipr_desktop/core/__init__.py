"""The report, its schema and its checks: plain Python, no Qt, usable from the CLI and tests.

Every part of the program that logs imports this package first, so the handler here is in place
before any record: the program's log records go to its log file where it has one (the window), and
this handler keeps Python from printing them on the terminal where it has none (the command line,
a library user) — the user reads the Chinese message, the log keeps the details. It is not in the
top-level package, so that ``gipr --version`` loads no logging at all.
"""

import logging

logging.getLogger("gipr_desktop").addHandler(logging.NullHandler())
