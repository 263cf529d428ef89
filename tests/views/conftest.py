"""Fixtures for the view tests: one headless Chromium per session, the corpus views."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Iterator

import pytest

from .browser import Browser, require

SHOTS = os.environ.get("KG_SCREENSHOTS")
"""Folder to keep one screenshot per view type in (docs/screenshots for the README); unset: tmp."""


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    require()
    with Browser(width=1400, height=900) as b:
        yield b


@pytest.fixture(scope="session")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("screenshots")


def keep_screenshot(path: Path, name: str) -> None:
    """Copy a screenshot to $KG_SCREENSHOTS (e.g. docs/screenshots) when asked to."""
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, Path(SHOTS) / f"{name}.png")
