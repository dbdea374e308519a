"""A bounded run of the reader fuzzer: a fixed number of seeded mutations of each format.

Each case must end in a valid report or a Chinese ``ReadError`` of the reader's own, and print
nothing on stderr (``cases.verdict``). ``scripts/fuzz_readers.py`` runs the same cases for much
longer, each in a child process bounded in time and memory.
"""

from __future__ import annotations

import random

import pytest

from tests.fuzz.cases import verdict
from tests.fuzz.mutators import mutate
from tests.fuzz.seeds import FORMATS, build_seeds

CASES = {".pdf": 12, ".xls": 40, ".ods": 40}  # the isolated readers cost a child process per case
DEFAULT_CASES = 60


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    return build_seeds(tmp_path_factory.mktemp("seeds"))


@pytest.mark.parametrize("ext", FORMATS)
def test_mutated_files_are_read_or_refused_in_chinese(ext, seeds, tmp_path, capfd):
    rng = random.Random(f"gipr-fuzz{ext}")
    failures = []
    for number in range(CASES.get(ext, DEFAULT_CASES)):
        seed = rng.choice(seeds[ext])
        path = tmp_path / f"case{number}{ext}"
        path.write_bytes(mutate(seed.read_bytes(), ext, rng))
        status, detail = verdict(path)
        printed = capfd.readouterr().err
        if status == "failed" or printed:
            failures.append(f"{path.name} from {seed.name}: {detail} {printed[:200]!r}")
        path.unlink()
    assert failures == []


def test_the_mutators_change_every_format(seeds):
    rng = random.Random(1)
    for ext in FORMATS:
        data = seeds[ext][0].read_bytes()
        assert any(mutate(data, ext, rng) != data for _ in range(5)), ext
