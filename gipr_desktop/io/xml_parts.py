"""Read every XML part of an office file once, with a streaming parser, before a library loads it.

.xlsx, .docx and .ods files are zip archives of XML parts. openpyxl, python-docx and calamine
trust those parts: a malformed one ends in whatever exception their code meets, a document type
declaration can expand entities (billion laughs) or fetch external ones (XXE), a deep nesting
exhausts the stack, and a few attributes make them materialise what the file only declares (one
``<mergeCell ref="A1:XFD1048576"/>`` makes openpyxl create 17 thousand million cells).

``scan_parts`` streams each XML part through expat (never holding a tree) and refuses, with a
Chinese message naming the part, a part that does not unpack, is not well-formed, declares a DTD
or entities, nests deeper than ``XmlLimits.max_depth`` or holds more elements than a report can.
A reader passes a ``watch`` that is shown every element and may refuse what its library would
blow up on (merge ranges, cell counts, repeats), so the bound is decided before anything is built.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol
from xml.parsers import expat

from gipr_desktop.io.errors import ReadError

_XML_PART = re.compile(r"\.(xml|rels|vml)$", re.IGNORECASE)
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class XmlLimits:
    max_depth: int = 100  # a report's deepest part (a table in a table in a Word body) is some 20
    max_part: int = 10 * 1024 * 1024  # bytes of one XML part, unpacked
    max_elements: int = 200_000  # in all parts together; a report has some 2 000–10 000


class PartRefused(Exception):
    """Raised by a watcher: what is wrong with the part, in Chinese, without the file's name."""


class Watcher(Protocol):
    def start(self, part: str, name: str, attrs: dict[str, str]) -> None:
        """An element opens: ``name`` and the attribute keys are local names (namespace dropped)."""


def part_name(name: str) -> str:
    """A member name as a message shows it: printable, short."""
    shown = "".join(ch if ch.isprintable() else "?" for ch in name)
    return shown if len(shown) <= 60 else shown[:57] + "…"


def _local(name: str) -> str:
    return name.rpartition("}")[2]


class _Scan:
    def __init__(self, limits: XmlLimits, watcher: Watcher | None) -> None:
        self.limits, self.watcher = limits, watcher
        self.elements = 0
        self.depth = 0
        self.part = ""

    def parse(self, stream) -> None:
        parser = expat.ParserCreate(namespace_separator="}")
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        parser.StartDoctypeDeclHandler = self._doctype
        parser.EntityDeclHandler = self._entity
        parser.ExternalEntityRefHandler = self._external
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        self.depth = 0
        while chunk := stream.read(_CHUNK):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)

    def _doctype(self, *_):
        raise PartRefused("含有文档类型声明（DTD），办公软件不会这样保存，是不安全的内容")

    def _entity(self, *_):
        raise PartRefused("定义了实体（可用于实体膨胀或读取外部文件），是不安全的内容")

    def _external(self, *_):
        raise PartRefused("引用了外部实体，是不安全的内容")

    def _start(self, name, attrs):
        self.depth += 1
        self.elements += 1
        if self.depth > self.limits.max_depth:
            raise PartRefused(f"嵌套超过 {self.limits.max_depth} 层")
        if self.elements > self.limits.max_elements:
            raise PartRefused(f"等部件含有超过 {self.limits.max_elements} 个元素，远多于一份年度报告")
        if self.watcher is not None:
            self.watcher.start(self.part, _local(name), {_local(key): value for key, value in attrs.items()})

    def _end(self, _name):
        self.depth -= 1


def scan_parts(path: str | Path, kind: str, watch: Watcher | None = None, limits: XmlLimits = XmlLimits()) -> None:
    """Raise ``ReadError`` unless every XML part of the archive ``path`` (already passed by
    ``archive_guard.check_archive``) unpacks and is plain, well-formed XML within ``limits``.
    ``kind`` names the file type in messages ("Excel 文件")."""
    path = Path(path)
    name = f"「{path.name}」"
    scan = _Scan(limits, watch)
    try:
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                if info.is_dir() or not _XML_PART.search(info.filename):
                    continue
                part = part_name(info.filename)
                scan.part = info.filename
                if info.file_size > limits.max_part:
                    raise ReadError(f"{name}中的 {part} 解压后达 {info.file_size // 1024 // 1024} MB，"
                                    f"不是正常的 {kind}，已拒绝打开")
                try:
                    with archive.open(info) as stream:
                        scan.parse(stream)
                except PartRefused as exc:
                    raise ReadError(f"{name}中的 {part} {exc}，已拒绝打开") from None
                except (expat.ExpatError, LookupError) as exc:  # LookupError: an encoding expat does not know
                    line = f"（第 {exc.lineno} 行）" if isinstance(exc, expat.ExpatError) else "（文字编码无法识别）"
                    raise ReadError(f"{name}不是有效的 {kind}：其中的 {part} 已损坏{line}；"
                                    "可用原来的软件打开它、另存一份后再导入") from None
                except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError):
                    raise ReadError(f"{name}不是有效的 {kind}：其中的 {part} 无法解压（已损坏或已加密）") from None
    except (zipfile.BadZipFile, NotImplementedError, ValueError, EOFError):
        raise ReadError(f"{name}不是有效的 {kind}（文件已损坏，或不是这种格式）") from None
    except OSError as exc:
        raise ReadError(f"无法打开{name}：{exc.strerror or exc}") from None
