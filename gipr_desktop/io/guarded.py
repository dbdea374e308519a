"""Calls into the libraries that parse untrusted files: whatever they raise becomes a ``ReadError``.

On a damaged file openpyxl, python-docx, lxml, zlib and pypdfium2 raise whatever their code meets
(KeyError, IndexError, TypeError, XMLSyntaxError, zlib.error …) and some print warnings. A reader
wraps each such call in ``parsing(message)``: any exception becomes ``ReadError(message)`` — the
reader's Chinese sentence saying what is wrong with the file — with the traceback written to the
log at INFO (the window's log file keeps it; a command line without logging prints nothing), and
warnings go to the log instead of the terminal. Exhausted memory and runaway recursion are named
as what they are: a file too large or too deeply nested.
"""

from __future__ import annotations

import logging
import warnings
from contextlib import contextmanager
from typing import Iterator

from gipr_desktop.io.errors import ReadError

log = logging.getLogger(__name__)


@contextmanager
def quiet() -> Iterator[None]:
    """Warnings raised inside go to the log, never to the terminal."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            yield
        finally:
            for warning in caught[:20]:
                log.info("library warning: %s", warning.message)


@contextmanager
def parsing(refusal: str) -> Iterator[None]:
    """Run a library call on an untrusted file; any failure is ``ReadError(refusal)``."""
    with quiet():
        try:
            yield
        except ReadError:
            raise
        except MemoryError:
            raise ReadError(f"{refusal}（内容过大，超出读取时允许使用的内存）") from None
        except RecursionError:
            raise ReadError(f"{refusal}（内容嵌套过深）") from None
        except Exception:  # noqa: BLE001  a library's reaction to damage: said to the user, kept in the log
            log.info("library failure: %s", refusal, exc_info=True)
            raise ReadError(refusal) from None
