"""A smaller ICU data library for the Linux bundle (build_installer.spec calls it).

PySide6's Linux wheel carries ICU, and its data library (libicudata.so.73) is 31 MB: every
locale's names of languages, currencies, units, every legacy character set, the dictionaries of
Thai and Burmese line breaking. Qt uses ICU for four things only (the ICU symbols libQt6Core
imports): collation (QCollator, which the file dialogs sort names with), time-zone names (ucal),
upper/lower case (its tables are built into libicuuc, not the data) and legacy character sets for
QStringConverter (the program decodes text in Python, not Qt). So the bundle keeps the collation
of Chinese and of the root locale, the time-zone data and names in Chinese and English, the GB18030
and GBK converters, and the base locale data ICU itself reads; the rest is left out (about 29 MB).

The data is ICU's "common data" package, linked as the symbol ``icudt73_dat``: a table of contents
(sorted item names, offsets) followed by the items, each aligned to 16 bytes. It is read from the
wheel's library, filtered and assembled into a new library of the same name with the C compiler.
The self-test then proves Chinese sorting works (gui/selftest.py).
"""

from __future__ import annotations

import re
import struct
import subprocess
import tempfile
from pathlib import Path

ALIGN = 16
# locale-specific items kept in every tree: root, the tree's index and pool, Chinese, English
_LOCALE = re.compile(r"^(root|pool|res_index|zh(_\w+)?|en(_US(_\w+)?|_001)?)\.res$")
_IS_LOCALE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]*)*\.res$")
_TREES_KEPT = {"coll", "zone"}  # collation, time-zone names; brkitr, curr, lang, region, unit, … go
_TOP_FILES_KEPT = {"cnvalias.icu", "gb18030.cnv", "windows-936-2000.cnv"}


def wanted(name: str) -> bool:
    """Is the item ``icudt73l/[tree/]file`` needed by Qt in a Chinese program?"""
    parts = name.split("/")[1:]
    if len(parts) == 1:  # top level: base locale data, supplemental data (camelCase names), converters
        file = parts[0]
        if file.endswith(".res"):
            return bool(_LOCALE.match(file)) or not _IS_LOCALE.match(file)
        return file in _TOP_FILES_KEPT
    tree, file = parts[0], parts[-1]
    if tree not in _TREES_KEPT:
        return False
    return bool(_LOCALE.match(file)) or file.endswith(".icu") or not _IS_LOCALE.match(file)


def items(blob: bytes) -> tuple[bytes, dict[str, bytes]]:
    """The package's header and its items by name."""
    header_size = struct.unpack_from("<H", blob, 0)[0]
    if blob[2:4] != b"\xda\x27" or blob[12:16] != b"CmnD":
        raise ValueError("not ICU common data")
    count = struct.unpack_from("<I", blob, header_size)[0]
    entries = [struct.unpack_from("<II", blob, header_size + 4 + 8 * i) for i in range(count)]
    starts = [header_size + data for _, data in entries] + [len(blob)]
    found = {}
    for i, (name_offset, _) in enumerate(entries):
        start = header_size + name_offset
        name = blob[start:blob.index(b"\0", start)].decode("ascii")
        found[name] = blob[starts[i]:starts[i + 1]]
    return blob[:header_size], found


def package(header: bytes, kept: dict[str, bytes]) -> bytes:
    """A common-data package of these items (sorted by name, as ICU searches them)."""
    names = sorted(kept)
    toc_size = 4 + 8 * len(names)
    name_bytes = b"".join(name.encode("ascii") + b"\0" for name in names)
    name_offsets, position = [], toc_size
    for name in names:
        name_offsets.append(position)
        position += len(name) + 1
    first = position + (-(len(header) + position) % ALIGN)
    data_offsets, body = [], bytearray()
    for name in names:
        data_offsets.append(first + len(body))
        body += kept[name] + b"\0" * (-len(kept[name]) % ALIGN)
    toc = struct.pack("<I", len(names)) + b"".join(
        struct.pack("<II", n, d) for n, d in zip(name_offsets, data_offsets))
    return header + toc + name_bytes + b"\0" * (first - position) + bytes(body)


def symbol_of(library: Path) -> tuple[str, int, int]:
    """The data symbol of an ICU data library: its name, file offset and size."""
    symbols = subprocess.run(["nm", "-D", "--defined-only", "-S", str(library)], capture_output=True,
                             text=True, check=True).stdout
    address, size, _, name = next(line.split() for line in symbols.splitlines() if line.endswith("_dat"))
    sections = subprocess.run(["readelf", "-S", "-W", str(library)], capture_output=True, text=True,
                              check=True).stdout
    for line in sections.splitlines():
        fields = line.replace("[ ", "[").split()
        if len(fields) > 5 and fields[1] == ".rodata":
            offset = int(address, 16) - int(fields[3], 16) + int(fields[4], 16)
            return name, offset, int(size, 16)
    raise ValueError(f"no .rodata in {library}")


def trimmed_library(library: Path, out_dir: Path) -> Path:
    """Build ``out_dir/<same name>``: the library with only the wanted items; returns its path."""
    symbol, offset, size = symbol_of(library)
    blob = library.read_bytes()[offset:offset + size]
    header, found = items(blob)
    data = package(header, {name: item for name, item in found.items() if wanted(name)})
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / library.name
    with tempfile.TemporaryDirectory() as work:
        (Path(work) / "data.bin").write_bytes(data)
        (Path(work) / "data.S").write_text(
            f'.section .rodata\n.globl {symbol}\n.type {symbol}, @object\n.balign {ALIGN}\n'
            f'{symbol}:\n.incbin "data.bin"\n.size {symbol}, .-{symbol}\n'
            '.section .note.GNU-stack,"",@progbits\n', encoding="ascii")
        subprocess.run(["cc", "-shared", "-nostdlib", f"-Wl,-soname,{library.name}", "-o", str(target.resolve()),
                        "data.S"], cwd=work, check=True)
    return target


if __name__ == "__main__":
    import sys

    built = trimmed_library(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"{built}: {built.stat().st_size / 1e6:.1f} MB (was {Path(sys.argv[1]).stat().st_size / 1e6:.1f} MB)")
