"""Readers for the batch's worker tests: one that dies on a file, as a native reader can, and one
that hangs. Module-level, so that a spawned worker process can import them."""

import os
import time
from pathlib import Path

from gipr_desktop.io.batch_read import read_row


def dying_reader(path, previous_path=None, previous_by_body=None):
    if Path(path).name.startswith("crash"):
        os._exit(134)  # as an abort() in native code: no exception, no message, the process is gone
    return read_row(path, previous_path, previous_by_body)


def hanging_reader(path, previous_path=None, previous_by_body=None):
    if Path(path).name.startswith("slow"):
        time.sleep(60)
    return read_row(path, previous_path, previous_by_body)
