"""Write resources/selftest.pdf: the PDF the self-test imports (``gipr-desktop --self-test``).

It is built like the reports government web sites publish: Chinese text in the standard font
STSong-Light through Adobe's GB character maps (UniGB-UCS2-H, which PDFium has built in), and
encrypted with AES-128 with an empty open password and copying forbidden. Reading it back proves
that a bundle still has what PDF import needs: PDFium's library (pypdfium2), its Chinese character
maps and AES decryption, and pdfplumber.

    python scripts/make_selftest_pdf.py        (needs the ``cryptography`` package; run once, commit the file)
"""

from __future__ import annotations

import hashlib
import struct
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "resources" / "selftest.pdf"

LINES = [  # (font size, text): the sample report's title, then a few lines of its preamble
    (16, "示例市示例区人民政府2025年政府信息公开工作年度报告"),
    (12, "本报告根据《中华人民共和国政府信息公开条例》"),
    (12, "的规定编制。本报告中所列数据的统计期限自"),
    (12, "2025年1月1日起至2025年12月31日止。"),
]

PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")
PERMISSIONS = -1852  # printing allowed, copying and changing not: what many published reports set
FILE_ID = hashlib.md5(b"gipr-desktop self-test").digest()
OWNER_PASSWORD = b"gipr-desktop"


def rc4(key: bytes, data: bytes) -> bytes:
    state, j = list(range(256)), 0
    for i in range(256):
        j = (j + state[i] + key[i % len(key)]) % 256
        state[i], state[j] = state[j], state[i]
    out, i, j = bytearray(), 0, 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + state[i]) % 256
        state[i], state[j] = state[j], state[i]
        out.append(byte ^ state[(state[i] + state[j]) % 256])
    return bytes(out)


def rc4_20(key: bytes, data: bytes) -> bytes:
    """Revision 3+: RC4 with the key, then 19 times with the key XOR-ed with 1 … 19."""
    for i in range(20):
        data = rc4(bytes(b ^ i for b in key), data)
    return data


def owner_entry() -> bytes:  # PDF 1.7 §7.6.3.4, algorithm 3
    digest = hashlib.md5((OWNER_PASSWORD + PAD)[:32]).digest()
    for _ in range(50):
        digest = hashlib.md5(digest).digest()
    return rc4_20(digest[:16], PAD)


def file_key(owner: bytes) -> bytes:  # algorithm 2, empty user password
    digest = hashlib.md5(PAD + owner + struct.pack("<i", PERMISSIONS) + FILE_ID).digest()
    for _ in range(50):
        digest = hashlib.md5(digest).digest()
    return digest


def user_entry(key: bytes) -> bytes:  # algorithm 5
    return rc4_20(key, hashlib.md5(PAD + FILE_ID).digest()) + bytes(16)


def aes_encrypt(key: bytes, number: int, data: bytes) -> bytes:  # algorithm 1 with AESV2: streams and strings
    object_key = hashlib.md5(key + struct.pack("<i", number)[:3] + b"\0\0" + b"sAlT").digest()
    iv = hashlib.md5(b"iv" + struct.pack("<i", number) + data).digest()  # fixed: the same file every run
    padding = 16 - len(data) % 16
    encryptor = Cipher(algorithms.AES(object_key), modes.CBC(iv)).encryptor()
    return iv + encryptor.update(data + bytes([padding]) * padding) + encryptor.finalize()


def content() -> bytes:
    parts, y = [], 770
    for size, text in LINES:
        y -= size * 2
        parts.append(f"BT /F1 {size} Tf 72 {y} Td <{text.encode('utf-16-be').hex().upper()}> Tj ET")
    return "\n".join(parts).encode("ascii")


def build() -> bytes:
    owner = owner_entry()
    key = file_key(owner)
    stream = aes_encrypt(key, 4, content())
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry <%s> "
        b"/Ordering <%s> /Supplement 2 >> /FontDescriptor 7 0 R /DW 1000 /W [1 95 500] >>"
        % (aes_encrypt(key, 6, b"Adobe").hex().encode(), aes_encrypt(key, 6, b"GB1").hex().encode()),
        b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 "
        b"/Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>",
        b"<< /Filter /Standard /V 4 /R 4 /Length 128 /CF << /StdCF << /CFM /AESV2 /AuthEvent /DocOpen /Length 16 >> >> "
        b"/StmF /StdCF /StrF /StdCF /O <" + owner.hex().encode() + b"> /U <" + user_entry(key).hex().encode()
        + b"> /P %d >>" % PERMISSIONS,
    ]
    out = bytearray(b"%PDF-1.6\n%\xe4\xb8\xad\xe6\x96\x87\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += (b"trailer\n<< /Size %d /Root 1 0 R /Encrypt 8 0 R /ID [<%s> <%s>] >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(objects) + 1, FILE_ID.hex().encode(), FILE_ID.hex().encode(), xref))
    return bytes(out)


if __name__ == "__main__":
    TARGET.write_bytes(build())
    print(f"{TARGET.relative_to(ROOT)}: {TARGET.stat().st_size} bytes")
