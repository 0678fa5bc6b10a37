"""Shared fixtures: the test data folders and the minimal valid map, as text and as plain data."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

DATA = Path(__file__).parent / "data"
MINIMAL = DATA / "valid" / "minimal.yaml"


@pytest.fixture(scope="session")
def valid_dir() -> Path:
    return DATA / "valid"


@pytest.fixture(scope="session")
def invalid_dir() -> Path:
    return DATA / "invalid"


@pytest.fixture(scope="session")
def minimal_path() -> Path:
    return MINIMAL


@pytest.fixture(scope="session")
def valid_text() -> str:
    """The text of tests/data/valid/minimal.yaml (session-scoped, so hypothesis tests can use it)."""
    return MINIMAL.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def _minimal_data(valid_text: str) -> dict[str, Any]:
    return yaml.safe_load(valid_text)


@pytest.fixture
def minimal_data(_minimal_data: dict[str, Any]) -> dict[str, Any]:
    """The minimal map as plain data (as read from YAML); a fresh copy for each test to change."""
    return copy.deepcopy(_minimal_data)
