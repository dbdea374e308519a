"""Where the bundled resources live: a checkout, an installed wheel and a frozen bundle differ.

A checkout (and an editable install) keeps them in the top-level ``resources/`` folder; a wheel
installs that folder as ``gipr_desktop/_resources``; a PyInstaller bundle unpacks it to
``<bundle>/resources``.
"""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def resource_dir() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    candidates = []
    if frozen_root:
        candidates.append(Path(frozen_root) / "resources")
    candidates += [_PACKAGE_DIR / "_resources", _PACKAGE_DIR.parent / "resources"]
    for candidate in candidates:
        if (candidate / "schema.json").is_file():
            return candidate
    raise FileNotFoundError("程序文件不完整：找不到资源目录 resources/（请重新安装）")


def resource(name: str) -> Path:
    return resource_dir() / name
