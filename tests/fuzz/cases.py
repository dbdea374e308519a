"""One fuzz case: a file read through ``io.registry.read_report``, and the verdict on what happened.

A case passes when the reader either returns a report that ``core.checks.check`` takes without an
exception and that saves to .gipr and reads back equal, or raises ``ReadError`` with a Chinese
message of the reader's own (not the registry's last-resort 「文件内容无法识别（…）」). Anything
else — another exception, a refusal in English, a report that cannot be saved — is a failure,
described in one line with the traceback's last frame.
"""

from __future__ import annotations

import re
import traceback
from pathlib import Path

from gipr_desktop.core.checks import check
from gipr_desktop.io import project
from gipr_desktop.io.errors import ReadError
from gipr_desktop.io.registry import read_report

_CHINESE = re.compile(r"[\u4e00-\u9fff]")
_LAST_RESORT = re.compile(r"文件内容无法识别（\w+）")


def verdict(path: Path) -> tuple[str, str]:
    """("ok" | "refused" | "failed", detail) for reading ``path``: for "refused" the ReadError's
    message, for "ok" the notes' messages, one a line."""
    try:
        result = read_report(path)
    except ReadError as exc:
        message = str(exc)
        if not _CHINESE.search(message):
            return "failed", f"ReadError without a Chinese message: {message[:200]}"
        if _LAST_RESORT.search(message):
            cause = exc.__cause__
            where = traceback.extract_tb(cause.__traceback__)[-1] if cause and cause.__traceback__ else None
            return "failed", f"escaped to the registry: {type(cause).__name__}: {str(cause)[:120]} at {where}"
        return "refused", message
    except BaseException as exc:  # noqa: BLE001  whatever escaped is the finding
        if isinstance(exc, KeyboardInterrupt):
            raise
        where = traceback.extract_tb(exc.__traceback__)[-1]
        return "failed", f"{type(exc).__name__}: {str(exc)[:160]} at {where.filename}:{where.lineno}"
    try:
        check(result.report)
        text = project.dumps(result.report)
        again = project.loads(text)
    except Exception as exc:  # noqa: BLE001
        where = traceback.extract_tb(exc.__traceback__)[-1]
        return "failed", f"read, then {type(exc).__name__}: {str(exc)[:160]} at {where.filename}:{where.lineno}"
    if project.to_json_data(again) != project.to_json_data(result.report):
        return "failed", "the report read differs once saved as .gipr and read again"
    return "ok", "\n".join(note.message for note in result.notes)
