"""The fast width folding of long texts gives exactly what unicodedata's NFKC gives: a label
folded otherwise would no longer match the schema's, and a cell would be left empty."""

from __future__ import annotations

import random
import unicodedata
from pathlib import Path

import pytest

from gipr_desktop.core import nfkc as folding
from gipr_desktop.core.nfkc import BLOCKS, nfkc

REPORTS = Path(__file__).resolve().parent / "fixtures" / "reports"
PAD = "中"
BLOCK_CHARS = [chr(code) for low, high in BLOCKS for code in range(low, high)]
# Characters NFKC composes with a neighbour or reorders: half-width katakana and its voiced marks,
# combining accents, ideographic tone marks, Hangul jamo; and ones that fold to several characters.
TRICKY = "ｶﾞﾟｱ\u3099\u309a\u0301\u0308\u0327e\u1100\u1161\u11a8가①㈠℃ﬁ¨\u00a0\u2028\ufeff\u200b"
PARTNERS = [*TRICKY, *"，。（）：０Ａ　 a1", *(c for c in BLOCK_CHARS if unicodedata.combining(c)
                                              or any(unicodedata.combining(f) for f in unicodedata.normalize("NFKC", c)))]


@pytest.fixture
def short_texts_too(monkeypatch):
    monkeypatch.setattr(folding, "SHORT", 0)  # the fast way for every text: the pairs below are short


def test_every_character_of_the_blocks_beside_every_character_that_composes(short_texts_too):
    for char in BLOCK_CHARS:
        for partner in PARTNERS:
            for text in (PAD + char + partner, PAD + partner + char):
                assert nfkc(text) == unicodedata.normalize("NFKC", text), ascii(char + partner)


def test_every_pair_of_characters_that_compose(short_texts_too):
    for first in PARTNERS:
        for second in PARTNERS:
            text = PAD + first + second
            assert nfkc(text) == unicodedata.normalize("NFKC", text), ascii(first + second)


def test_random_texts(short_texts_too):
    rng = random.Random(7)
    for _ in range(2000):
        text = PAD + "".join(rng.choice(BLOCK_CHARS + PARTNERS) for _ in range(rng.randrange(1, 40)))
        assert nfkc(text) == unicodedata.normalize("NFKC", text), ascii(text)


def test_the_real_reports(seeds_dir):
    for path in [*seeds_dir.glob("*.txt"), *REPORTS.glob("*.txt")]:
        text = path.read_text(encoding="utf-8")
        assert nfkc(text) == unicodedata.normalize("NFKC", text), path.name
