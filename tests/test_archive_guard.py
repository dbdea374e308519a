"""The zip checks every office-file reader runs before a library opens the file."""

import zipfile

import pytest

from gipr_desktop.io.archive_guard import ArchiveLimits, check_archive
from gipr_desktop.io.errors import ReadError


def _archive(tmp_path, members: dict[str, bytes]):
    path = tmp_path / "文件.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_an_ordinary_archive_passes(tmp_path):
    check_archive(_archive(tmp_path, {"a.xml": b"<a/>" * 1000, "b.png": bytes(range(256)) * 100}))


def test_each_limit_refuses_with_the_file_named(tmp_path):
    many = _archive(tmp_path, {f"{i}.xml": b"" for i in range(5)})
    with pytest.raises(ReadError, match="「文件.docx」含有 5 个内部部件"):
        check_archive(many, ArchiveLimits(max_members=4), "Word 文件")
    big = _archive(tmp_path, {"big.xml": bytes(range(256)) * 4096})
    with pytest.raises(ReadError, match="解压后"):
        check_archive(big, ArchiveLimits(max_member=1024 * 1024, max_unpacked=512 * 1024))
    bomb = _archive(tmp_path, {"bomb.xml": b"\0" * (3 * 1024 * 1024)})
    with pytest.raises(ReadError, match="压缩比异常"):
        check_archive(bomb)


def test_a_missing_or_foreign_file_is_a_read_error(tmp_path):
    with pytest.raises(ReadError, match="无法打开"):
        check_archive(tmp_path / "没有.docx")
    (tmp_path / "x.docx").write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(ReadError, match="不是有效的 Word 文件"):
        check_archive(tmp_path / "x.docx", kind="Word 文件")
