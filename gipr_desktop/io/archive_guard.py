"""Refuse zip bombs before any library opens an office file.

.xlsx, .docx and .ods files are zip archives. A hostile one can hold millions of members, or a few
kilobytes that unpack to gigabytes, and a library that opens it would exhaust memory and hang the
window. ``check_archive`` reads only the archive's directory (cheap) and refuses a file whose
member count, unpacked size or compression ratio is beyond what a real report can have. The sizes
it adds up are the ones ``zipfile`` enforces while unpacking (it never yields more than a member
declares), so a directory that understates them cannot slip a bigger member past this check.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from gipr_desktop.io.errors import ReadError


@dataclass(frozen=True)
class ArchiveLimits:
    max_members: int = 2_000
    max_unpacked: int = 100 * 1024 * 1024  # bytes, all members together
    max_member: int = 50 * 1024 * 1024  # bytes, any one member
    max_ratio: int = 200  # unpacked : packed, for members above ``ratio_floor``
    ratio_floor: int = 1024 * 1024  # small members may compress as well as they like


def check_archive(path: str | Path, limits: ArchiveLimits = ArchiveLimits(), kind: str = "文件") -> None:
    """Raise ``ReadError`` unless ``path`` is a zip archive within ``limits``. ``kind`` names the
    file type in the message ("Excel 文件", "Word 文件")."""
    path = Path(path)
    name = f"「{path.name}」"
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, NotImplementedError, ValueError, EOFError):  # NotImplementedError: "zip version 14.8"
        raise ReadError(f"{name}不是有效的 {kind}（文件已损坏，或不是这种格式）") from None
    except OSError as exc:
        raise ReadError(f"无法打开{name}：{exc.strerror or exc}") from None
    if len(members) > limits.max_members:
        raise ReadError(f"{name}含有 {len(members)} 个内部部件，超过上限 {limits.max_members}，不是正常的{kind}，已拒绝打开")
    total = 0
    for member in members:
        size = member.file_size
        if size > limits.max_member:
            raise ReadError(f"{name}中的部件「{member.filename}」解压后达 {size // 1024 // 1024} MB，已拒绝打开")
        if size > limits.ratio_floor and size > limits.max_ratio * max(member.compress_size, 1):
            raise ReadError(f"{name}中的部件「{member.filename}」压缩比异常（疑为压缩炸弹），已拒绝打开")
        total += size
        if total > limits.max_unpacked:
            raise ReadError(f"{name}解压后超过 {limits.max_unpacked // 1024 // 1024} MB，不是正常的{kind}，已拒绝打开")
