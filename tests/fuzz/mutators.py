"""Mutations of a seed file: byte-level for every format, structure-aware for zip archives, XML, JSON and text.

``mutate(data, ext, rng)`` returns one mutated file. Byte-level mutations (flips, junk, cuts,
duplications, truncation) find what a parser does with damage; structure-aware ones keep a zip
archive valid and damage what is inside it — an XML part made malformed, removed, given a DTD,
entities, a deep nesting, a wild merge range or dimension, a huge or non-finite number — so that
the mutation reaches the library behind the archive instead of stopping at the zip directory.
"""

from __future__ import annotations

import io
import random
import re
import zipfile

HOSTILE_NUMBERS = ("1e400", "-1e400", "NaN", "inf", "9" * 400, "-5", "3.5", "1" * 5000, "²", "0x10",
                   "1,000,000,000,000", "１２", "1e-400", "-0", "1.0000001")
HOSTILE_TEXTS = ("\x00", "\ud800", "\u202e", "\x1b[31m", "<![CDATA[", "]]>", "&amp;", "&#0;", "&#xD800;",
                 "字" * 300, "\r\n" * 50, "%s%n", "'\"", "\t" * 20)
BILLION_LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
                  + b"".join(b'<!ENTITY %c "%s">' % (98 + i, (b"&%c;" % (97 + i)) * 10) for i in range(8))
                  + b"]>")
XXE = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
WILD_RANGES = ("A1:XFD1048576", "A:XFD", "1:1048576", "A1:A1048576", "ZZZ1:A1", "A0:B2", "B2:A1", "A1:XFE1", "")


# --- bytes ---------------------------------------------------------------------------------------

def _flip(data: bytearray, rng: random.Random) -> None:
    for _ in range(rng.randint(1, 8)):
        i = rng.randrange(len(data))
        data[i] ^= 1 << rng.randrange(8)


def _junk(data: bytearray, rng: random.Random) -> None:
    i = rng.randrange(len(data) + 1)
    data[i:i] = rng.randbytes(rng.randint(1, 64))


def _cut(data: bytearray, rng: random.Random) -> None:
    i = rng.randrange(len(data))
    del data[i:i + rng.randint(1, 256)]


def _duplicate(data: bytearray, rng: random.Random) -> None:
    i = rng.randrange(len(data))
    piece = data[i:i + rng.randint(1, 512)]
    j = rng.randrange(len(data) + 1)
    data[j:j] = piece * rng.randint(1, 4)


def _truncate(data: bytearray, rng: random.Random) -> None:
    del data[rng.randrange(len(data)):]


def _interesting(data: bytearray, rng: random.Random) -> None:
    token = rng.choice(HOSTILE_NUMBERS + HOSTILE_TEXTS).encode("utf-8", "surrogatepass")
    i = rng.randrange(len(data) + 1)
    data[i:i + rng.randint(0, 4)] = token


BYTE_MUTATIONS = (_flip, _junk, _cut, _duplicate, _truncate, _interesting)


def mutate_bytes(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data or b" ")
    for _ in range(rng.choice((1, 1, 1, 2, 3))):
        if out:
            rng.choice(BYTE_MUTATIONS)(out, rng)
    return bytes(out)


# --- text: numbers, tables, nesting --------------------------------------------------------------

_NUMBER = re.compile(rb"(?<![\d.])\d{1,6}(?![\d.])")


def mutate_numbers(data: bytes, rng: random.Random) -> bytes:
    """A few printed numbers replaced by hostile ones."""
    spots = list(_NUMBER.finditer(data))
    out = data
    for match in sorted(rng.sample(spots, min(len(spots), rng.randint(1, 5))), key=lambda m: -m.start()):
        out = out[:match.start()] + rng.choice(HOSTILE_NUMBERS).encode() + out[match.end():]
    return out


def mutate_html(data: bytes, rng: random.Random) -> bytes:
    inserts = (b"<table><tr><td><table><tr><td>x</td></tr></table></td></tr></table>",
               b'<td colspan="\xc2\xb2">1</td>', b'<td colspan="99999999">1</td>', b'<td colspan="-3">',
               b"<!--" * 50, b"<table>" * 300, b"<div>" * 5000, b"</td></tr></table>" * 20,
               b'<meta charset="idna">', b'<meta charset="utf-16">', b"<td>" * 2000)
    i = rng.randrange(len(data) + 1)
    return data[:i] + rng.choice(inserts) + data[i:]


def mutate_text(data: bytes, rng: random.Random) -> bytes:
    return mutate_numbers(data, rng) if rng.random() < 0.6 else mutate_bytes(data, rng)


# --- JSON (.gipr) --------------------------------------------------------------------------------

def mutate_json(data: bytes, rng: random.Random) -> bytes:
    choice = rng.randrange(5)
    if choice == 0:
        return mutate_numbers(data, rng)
    if choice == 1:
        return b"[" * rng.choice((100, 5000, 200000)) + b"]"
    if choice == 2:
        values = (b'"x"', b"[]", b"{}", b"null", b"true", b"1e400", b"NaN", b"-1", b'"' + b"a" * 300000 + b'"',
                  b"9" * 5000)
        spots = [m.end() for m in re.finditer(rb'": ', data)]
        if spots:
            i = rng.choice(spots)
            ends = [k for k in (data.find(b",", i), data.find(b"\n", i)) if k >= 0]
            return data[:i] + rng.choice(values) + data[min(ends, default=len(data)):]
    if choice == 3:
        return data.replace(b'"gipr": 1', rng.choice((b'"gipr": 2', b'"gipr": true', b'"gipr": "1"', b'"gipr": 0')))
    return mutate_bytes(data, rng)


# --- zip archives (.xlsx, .docx, .ods) -------------------------------------------------------------

def _deep(rng: random.Random) -> bytes:
    depth = rng.choice((120, 1000, 100000))
    return b"<x>" * depth + b"</x>" * depth


def _mutate_xml(name: str, xml: bytes, rng: random.Random) -> bytes | None:
    """One structure-aware change to an XML part; ``None`` removes the part."""
    choice = rng.randrange(10)
    if choice == 0:
        return None
    if choice == 1:
        return mutate_bytes(xml, rng)
    if choice == 2:
        head = xml.split(b"?>", 1)[-1] if xml.startswith(b"<?xml") else xml
        return rng.choice((BILLION_LAUGHS, XXE)) + head
    if choice == 3:
        i = xml.rfind(b"</", 0, len(xml) - 2)
        return xml[:i] + _deep(rng) + xml[i:] if i > 0 else xml
    if choice == 4 and b"</sheetData>" in xml:
        refs = b"".join(b'<mergeCell ref="%s"/>' % rng.choice(WILD_RANGES).encode() for _ in range(rng.randint(1, 3)))
        xml = re.sub(rb"<mergeCells[^>]*>.*?</mergeCells>|<mergeCells[^>]*/>", b"", xml, flags=re.S)
        return xml.replace(b"</sheetData>", b"</sheetData><mergeCells>" + refs + b"</mergeCells>", 1)
    if choice == 5 and b"<dimension" in xml:
        return re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="%s"' % rng.choice(WILD_RANGES).encode(), xml, count=1)
    if choice == 6 and b"</sheetData>" in xml:
        link = b'<hyperlinks><hyperlink ref="%s" display="x"/></hyperlinks>' % rng.choice(WILD_RANGES).encode()
        return xml.replace(b"</sheetData>", b"</sheetData>" + link, 1)
    if choice == 7:
        return re.sub(rb"<v>[^<]*</v>", lambda m: b"<v>%s</v>" % rng.choice(HOSTILE_NUMBERS).encode()
                      if rng.random() < 0.3 else m.group(0), xml)
    if choice == 8:
        repeat = rng.choice((b"1048576", b"16384", b"99999999999", b"-1", b"x"))
        return re.sub(rb'number-(rows|columns)-(repeated|spanned)="\d+"',
                      lambda m: m.group(0).split(b"=")[0] + b'="' + repeat + b'"' if rng.random() < 0.3 else m.group(0), xml)
    return mutate_numbers(xml, rng)


def mutate_zip(data: bytes, rng: random.Random) -> bytes:
    """The archive rebuilt with one or two of its members changed (or raw bytes damaged)."""
    if rng.random() < 0.25:
        return mutate_bytes(data, rng)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = [(info, archive.read(info)) for info in archive.infolist()]
    except Exception:  # noqa: BLE001  an already damaged seed: damage its bytes further
        return mutate_bytes(data, rng)
    xml_names = [info.filename for info, _ in members if info.filename.endswith((".xml", ".rels"))]
    chosen = set(rng.sample(xml_names, min(len(xml_names), rng.choice((1, 1, 2)))))
    # worksheets and the body carry what the readers read: prefer them
    preferred = [n for n in xml_names if "worksheets/" in n or n in ("word/document.xml", "content.xml")]
    if preferred and rng.random() < 0.6:
        chosen = {rng.choice(preferred)}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, body in members:
            if info.filename in chosen:
                body = _mutate_xml(info.filename, body, rng)
                if body is None:
                    continue
            archive.writestr(info.filename, body)
    return out.getvalue()


_BY_FORMAT = {
    ".txt": mutate_text,
    ".csv": mutate_text,
    ".html": lambda data, rng: mutate_html(data, rng) if rng.random() < 0.4 else mutate_text(data, rng),
    ".gipr": mutate_json,
    ".xlsx": mutate_zip,
    ".docx": mutate_zip,
    ".ods": mutate_zip,
}


def mutate(data: bytes, ext: str, rng: random.Random) -> bytes:
    """One mutated file of type ``ext`` from ``data``."""
    return _BY_FORMAT.get(ext, mutate_bytes)(data, rng)
