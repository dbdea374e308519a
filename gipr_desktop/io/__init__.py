"""Readers and writers of report files: plain Python, no Qt. ``registry`` picks one by extension.

Their log records go to the program's log where it has one; the handler here keeps Python from
printing them on the terminal where it has none (the command line): the user reads the Chinese
message, the log keeps the details.
"""

import logging

logging.getLogger(__name__).addHandler(logging.NullHandler())
