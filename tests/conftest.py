"""Shared test set-up: Qt runs offscreen, and the real documents are read in place from ../shared/."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SHARED = PROJECT_ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
FIXTURES = SHARED / "fixtures"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    assert SEEDS.is_dir(), f"the seed reports are expected beside the checkout, at {SEEDS}"
    return SEEDS


@pytest.fixture(scope="session")
def shared_fixtures_dir() -> Path:
    assert FIXTURES.is_dir(), f"the shared fixtures are expected beside the checkout, at {FIXTURES}"
    return FIXTURES
