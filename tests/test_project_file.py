"""The .gipr file: exact round trip, atomic save with a backup, and every kind of bad file refused."""

import json
from decimal import Decimal

import pytest

from gipr_desktop.core.schema import CellRef
from gipr_desktop.io import project
from gipr_desktop.io.errors import ReadError
from gipr_desktop.io.registry import read_report, write_report
from gipr_desktop.paths import resource

from tests.helpers import sample_report, zero_report


def test_round_trip_file_model_file_is_identical(tmp_path):
    original = resource("sample.gipr").read_text(encoding="utf-8")
    out = tmp_path / "copy.gipr"
    write_report(read_report(resource("sample.gipr")).report, out)
    assert out.read_text(encoding="utf-8") == original


@pytest.mark.parametrize("fmt", ["2021", "2019"])
def test_round_trip_model_file_model(tmp_path, fmt):
    report = zero_report(fmt, 2020)
    report.set(CellRef("applications", "new", "natural_person"), None)  # empty stays empty
    amount = CellRef("active", "fees" if fmt == "2021" else "central_procurement", "amount")
    report.set(amount, Decimal("5949.088667"))
    report.contact = "电话：0431-85347828"
    report.published = "2021-01-31"
    report.sections["6"] = "=SUM(A1)\n第二段"
    path = tmp_path / "r.gipr"
    project.write(report, path)
    again = read_report(path).report
    assert again == report
    assert again.get(CellRef("applications", "new", "natural_person")) is None
    assert again.get(amount) == Decimal("5949.088667") and isinstance(again.get(amount), Decimal)


def test_file_layout_is_the_interchange_contract(tmp_path):
    path = tmp_path / "r.gipr"
    project.write(sample_report(), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["gipr"] == project.FILE_VERSION
    assert data["format"] == "2021" and data["year"] == 2025
    assert data["tables"]["applications"]["new"]["total"] == 18
    assert data["tables"]["review_litigation"]["review"]["total"] == 2
    assert list(data["sections"]) == ["1", "2", "3", "4", "5", "6"]


def test_save_keeps_the_previous_version_as_bak_and_leaves_no_temp_files(tmp_path):
    path = tmp_path / "r.gipr"
    first = zero_report()
    project.write(first, path)
    second = first.copy()
    second.unit = "第二版"
    project.write(second, path)
    assert read_report(path).report.unit == "第二版"
    assert json.loads((tmp_path / "r.gipr.bak").read_text(encoding="utf-8"))["unit"] == "测试街道办事处"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.gipr", "r.gipr.bak"]


def test_a_failed_save_leaves_the_old_file_whole(tmp_path, monkeypatch):
    path = tmp_path / "r.gipr"
    project.write(zero_report(), path)
    before = path.read_bytes()

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("gipr_desktop.io.atomic.os.replace", broken_replace)
    from gipr_desktop.io.errors import WriteError
    with pytest.raises(WriteError, match="无法保存"):
        project.write(sample_report(), path)
    assert path.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]


BAD_FILES = {
    "truncated": lambda text: text[: len(text) // 2],
    "binary junk": lambda text: "\x00\x01PK\x03\x04" + "\ufffd" * 10,
    "foreign json": lambda text: json.dumps({"name": "something else"}),
    "json list": lambda text: "[1, 2, 3]",
    "empty": lambda text: "",
    "unknown table": lambda text: text.replace('"review_litigation"', '"reviews"'),
    "unknown cell": lambda text: text.replace('"natural_person"', '"robot"', 1),
    "text value": lambda text: text.replace('"total": 18', '"total": "十八"'),
    "bool value": lambda text: text.replace('"total": 18', '"total": true'),
    "bad format": lambda text: text.replace('"format": "2021"', '"format": "2030"'),
    "bad year": lambda text: text.replace('"year": 2025', '"year": "2025"'),
    "NaN": lambda text: text.replace('"total": 18', '"total": NaN'),
    "unknown section": lambda text: text.replace('"6":', '"7":'),
    "deep nesting": lambda text: "[" * 100000 + "]" * 100000,
}


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_bad_files_are_refused_with_a_chinese_message(tmp_path, kind):
    text = resource("sample.gipr").read_text(encoding="utf-8")
    path = tmp_path / "bad.gipr"
    path.write_text(BAD_FILES[kind](text), encoding="utf-8")
    with pytest.raises(ReadError) as caught:
        read_report(path)
    assert "bad.gipr" in str(caught.value)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in str(caught.value))


def test_a_non_utf8_file_is_refused(tmp_path):
    path = tmp_path / "gbk.gipr"
    path.write_bytes('{"gipr": 1, "unit": "中文"}'.encode("gb18030"))
    with pytest.raises(ReadError, match="UTF-8"):
        read_report(path)


def test_a_file_from_a_newer_program_is_refused_not_misread(tmp_path):
    path = tmp_path / "new.gipr"
    data = json.loads(resource("sample.gipr").read_text(encoding="utf-8"))
    data["gipr"] = project.FILE_VERSION + 1
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ReadError, match="更新版本的程序"):
        read_report(path)


def test_a_huge_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.gipr"
    with open(path, "wb") as handle:
        handle.truncate(project.MAX_FILE_BYTES + 1)
    with pytest.raises(ReadError, match="太大"):
        read_report(path)


def test_unknown_extension_and_missing_file(tmp_path):
    with pytest.raises(ReadError, match="不支持的文件类型"):
        read_report(tmp_path / "a.xyz")
    with pytest.raises(ReadError, match="找不到文件"):
        read_report(tmp_path / "missing.gipr")
