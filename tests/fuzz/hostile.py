"""Hostile files, generated at test time: zip bombs, XXE, entity bombs, truncations, junk, deep
nesting, huge spans and ranges, numbers no cell can hold, damaged .gipr files.

``hostile_files(folder)`` writes each and returns ``{name: (path, expected)}``: ``expected`` is a
pattern the Chinese ``ReadError`` must match, or ``VALID`` when the file must read as a report
(then ``expected_note``, when given, must appear among its notes, naming the cell left empty).
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from gipr_desktop.core.schema import CellRef
from gipr_desktop.io.registry import read_report, write_report
from gipr_desktop.paths import resource
from tests.fuzz.mutators import BILLION_LAUGHS, XXE
from tests.fuzz.seeds import tiny_pdf

VALID = "valid"
NAMES = ("bomb.xlsx", "xxe.xlsx", "laughs.xlsx", "deep.xlsx", "merge.xlsx", "hyperlink.xlsx",
         "broken-part.xlsx", "dimension.xlsx", "huge-number.xlsx", "nan.xlsx", "digits.xlsx", "truncated.xlsx",
         "junk.xlsx", "bad-deflate.xlsx", "repeats.ods", "xxe.ods", "junk.xls", "truncated.xls",
         "bomb.docx", "xxe.docx", "deep.docx", "missing-body.docx", "truncated.docx", "nested-table.html",
         "colspan.html", "comments.html", "elements.html", "tables.md", "junk.txt", "huge-number.txt", "big.txt",
         "bomb.pdf", "truncated.pdf", "junk.pdf", "deep.gipr", "truncated.gipr", "huge-number.gipr",
         "infinite.gipr", "nan.gipr", "newer.gipr", "not-json.gipr", "format-object.gipr", "zip-version.xlsx",)
MARKED = CellRef("active", "regulations", "issued")  # a count cell the exports carry, marked to find it
MARK = 987654


@dataclass(frozen=True)
class Hostile:
    path: Path
    expected: str  # a pattern of the ReadError's message, or VALID
    expected_note: str = ""


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _rewritten(source: Path, target: Path, part: str, change) -> Path:
    members = _members(source)
    members[part] = change(members[part])
    return _zip(target, members)


def _flate_bomb(unpacked: int) -> bytes:
    """A zlib stream of ``unpacked`` zero bytes, built from one repeated fully-flushed block (fast)."""
    chunk = bytes(1 << 20)
    compressor = zlib.compressobj(9)
    head = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    count = unpacked // len(chunk)
    checksum = 1
    for _ in range(count):
        checksum = zlib.adler32(chunk, checksum)
    return head + block * (count - 1) + b"\x03\x00" + checksum.to_bytes(4, "big")


def _pdf_with_stream(stream: bytes) -> bytes:
    pdf = tiny_pdf(["placeholder"])
    start = pdf.index(b"<< /Length")
    end = pdf.index(b"endstream") + len(b"endstream")
    return pdf[:start] + b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream" + pdf[end:]


def _body(xml: bytes) -> bytes:
    """An XML part without its declaration, so that a DTD can go before it."""
    return xml.split(b"?>", 1)[1] if xml.startswith(b"<?xml") else xml


def _deep(depth: int) -> bytes:
    return b"<x>" * depth + b"</x>" * depth


def hostile_files(folder: Path) -> dict[str, Hostile]:
    folder.mkdir(parents=True, exist_ok=True)
    report = read_report(resource("sample.gipr")).report
    report.set(MARKED, MARK)
    exports = {}
    for ext in (".xlsx", ".docx", ".txt", ".html", ".gipr"):
        exports[ext] = folder / f"export{ext}"
        write_report(report, exports[ext])
    sheet = next(name for name, data in _members(exports[".xlsx"]).items() if b"<v>%d</v>" % MARK in data)
    files: dict[str, Hostile] = {}

    def add(name: str, expected: str, data: bytes | None = None, path: Path | None = None, note: str = "") -> None:
        target = path or folder / name
        if data is not None:
            target.write_bytes(data)
        files[name] = Hostile(target, expected, note)

    def marked(value: bytes):
        return lambda xml: xml.replace(b"<v>%d</v>" % MARK, b"<v>" + value + b"</v>")

    # spreadsheets
    add("bomb.xlsx", "压缩比异常|解压后", path=_zip(folder / "bomb.xlsx", {"xl/worksheets/sheet1.xml": bytes(60 << 20)}))
    add("xxe.xlsx", "不安全", path=_rewritten(exports[".xlsx"], folder / "xxe.xlsx", sheet,
                                            lambda xml: XXE + _body(xml)))
    add("laughs.xlsx", "不安全", path=_rewritten(exports[".xlsx"], folder / "laughs.xlsx", sheet,
                                               lambda xml: BILLION_LAUGHS + _body(xml)))
    add("deep.xlsx", "嵌套超过", path=_rewritten(exports[".xlsx"], folder / "deep.xlsx", sheet,
                                              lambda xml: xml.replace(b"</worksheet>", _deep(100_000) + b"</worksheet>")))
    add("merge.xlsx", "合并单元格「A1:XFD1048576」覆盖", path=_rewritten(
        exports[".xlsx"], folder / "merge.xlsx", sheet,
        lambda xml: re.sub(rb"<mergeCells.*?</mergeCells>", b"", xml, flags=re.S).replace(
            b"</sheetData>", b'</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>')))
    add("hyperlink.xlsx", "超链接「A1:XFD1048576」覆盖", path=_rewritten(
        exports[".xlsx"], folder / "hyperlink.xlsx", sheet,
        lambda xml: xml.replace(b"</sheetData>", b'</sheetData><hyperlinks><hyperlink ref="A1:XFD1048576" '
                                                  b'display="x"/></hyperlinks>', 1)))
    add("broken-part.xlsx", r"不是有效的 Excel 文件：其中的 xl/worksheets/sheet\d+\.xml 已损坏", path=_rewritten(
        exports[".xlsx"], folder / "broken-part.xlsx", sheet, lambda xml: xml[: len(xml) // 2]))
    add("dimension.xlsx", VALID, path=_rewritten(
        exports[".xlsx"], folder / "dimension.xlsx", sheet,
        lambda xml: re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', xml)))
    add("huge-number.xlsx", VALID, path=_rewritten(exports[".xlsx"], folder / "huge-number.xlsx", sheet,
                                                   marked(b"1e400")), note="不是有效的数")
    add("nan.xlsx", "表格数据已损坏", path=_rewritten(exports[".xlsx"], folder / "nan.xlsx", sheet, marked(b"NaN")))
    add("digits.xlsx", VALID, path=_rewritten(exports[".xlsx"], folder / "digits.xlsx", sheet, marked(b"9" * 400)),
        note="超出范围")
    data = exports[".xlsx"].read_bytes()
    add("truncated.xlsx", "不是有效的 Excel 文件", data[: len(data) // 2])
    add("junk.xlsx", "不是有效的 Excel 文件", bytes(range(256)) * 40)
    add("bad-deflate.xlsx", "无法解压|已损坏", _damaged_deflate(exports[".xlsx"], sheet))
    add("zip-version.xlsx", "不是有效的 Excel 文件", _future_zip(exports[".xlsx"].read_bytes()))
    add("repeats.ods", "重复单元格", path=_zip(folder / "repeats.ods", {
        "mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
        "content.xml": b'<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:'
                       b'xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:body>'
                       b'<office:spreadsheet><table:table table:name="a"><table:table-row table:number-rows-repeated='
                       b'"1048576"><table:table-cell table:number-columns-repeated="16384" office:value-type="float" '
                       b'office:value="1"/></table:table-row></table:table></office:spreadsheet></office:body>'
                       b'</office:document-content>'}))
    add("xxe.ods", "不安全", path=_zip(folder / "xxe.ods", {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
                                                           "content.xml": XXE + b"<x>&e;</x>"}))
    add("junk.xls", "不是有效的 Excel 97-2003 文件", bytes(range(256)) * 40)
    add("truncated.xls", "不是有效的 Excel 97-2003 文件", (Path(__file__).parents[1] / "data" / "sample.xls").read_bytes()[:5000])
    # Word
    add("bomb.docx", "压缩比异常|解压后", path=_zip(folder / "bomb.docx", {"word/document.xml": bytes(60 << 20)}))
    add("xxe.docx", "不安全", path=_rewritten(exports[".docx"], folder / "xxe.docx", "word/document.xml",
                                            lambda xml: XXE + _body(xml)))
    add("deep.docx", "嵌套超过", path=_rewritten(exports[".docx"], folder / "deep.docx", "word/document.xml",
                                              lambda xml: xml.replace(b"</w:body>", _deep(100_000) + b"</w:body>")))
    add("missing-body.docx", "不是有效的 Word", path=_zip(folder / "missing-body.docx", {
        name: body for name, body in _members(exports[".docx"]).items() if name != "word/document.xml"}))
    data = exports[".docx"].read_bytes()
    add("truncated.docx", "不是有效的 Word", data[: len(data) * 2 // 3])
    # web pages and text
    page = exports[".html"].read_bytes()
    add("nested-table.html", VALID, page.replace(b"<td>", b"<td><table><tr><td>x</td></tr></table>", 3))
    add("colspan.html", VALID, page.replace(b"<td", b'<td colspan="\xc2\xb2"', 5))
    add("comments.html", VALID, page + b"<!--" * 300_000)
    add("elements.html", "网页元素", b"<p>x</p>" * 300_000)
    add("tables.md", VALID, b"<table>" * 42_000)  # table markup opened and never closed: no search of it may take long
    add("junk.txt", "不是文本文件", bytes(range(256)) * 100)
    text = exports[".txt"].read_bytes()
    add("huge-number.txt", VALID, text.replace(b"%d" % MARK, b"9" * 400), note="超出范围")
    add("big.txt", "太大", b"a" * (5 << 20))
    # PDF
    add("bomb.pdf", "解压后超过 64 MB", _pdf_with_stream(_flate_bomb(1536 << 20)))
    pdf = tiny_pdf(["x" * 80] * 3)
    add("truncated.pdf", "不是有效的 PDF|没有可读取的文字", pdf[: len(pdf) // 2])
    add("junk.pdf", "不是有效的 PDF|没有可读取的文字", b"%PDF-1.4\n" + bytes(range(256)) * 40)
    # the program's own file
    project = exports[".gipr"].read_bytes()
    add("deep.gipr", "已损坏", b"[" * 100_000 + b"]" * 100_000)
    add("truncated.gipr", "不完整|已损坏", project[: len(project) // 2])
    add("huge-number.gipr", "超出范围", project.replace(b"%d" % MARK, b"9" * 400))
    add("infinite.gipr", "超出范围", project.replace(b"%d" % MARK, b"1e400"))
    add("nan.gipr", "已损坏", project.replace(b"%d" % MARK, b"NaN"))
    add("newer.gipr", "更新版本", project.replace(b'"gipr": 1', b'"gipr": 99'))
    add("not-json.gipr", "已损坏|不是本程序", b"\xff\xfe garbage")
    add("format-object.gipr", "报告格式无效", project.replace(b'"format": "2021"', b'"format": {}'))
    return files


def _future_zip(data: bytes) -> bytes:
    """The archive with its directory saying a later zip version (14.8) is needed to unpack it."""
    out = bytearray(data)
    at = out.find(b"PK\x01\x02")
    while at >= 0:
        out[at + 6:at + 8] = (148).to_bytes(2, "little")
        at = out.find(b"PK\x01\x02", at + 4)
    return bytes(out)


def _damaged_deflate(source: Path, part: str) -> bytes:
    """The archive with the compressed bytes of ``part`` damaged, its directory intact."""
    data = bytearray(source.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo(part)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for offset in range(start + 10, start + min(info.compress_size, 400), 7):
        data[offset] ^= 0x5A
    return bytes(data)
