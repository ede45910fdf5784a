"""Headless Chromium (Debian chromium + chromium-driver, see `make browser-deps`) for the browser tests."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.remote.webdriver import WebDriver

from tests.conftest import REPO_ROOT

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
DESKTOP = (1280, 1000)


@pytest.fixture(scope="session")
def output_dir() -> Path:
    """test-output/browser/ (git-ignored): screenshots of the runs."""
    directory = REPO_ROOT / "test-output" / "browser"
    directory.mkdir(parents=True, exist_ok=True)
    return directory


@pytest.fixture(scope="session")
def chromium() -> Iterator[WebDriver]:
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip("chromium/chromedriver missing: run `make browser-deps`")
    with tempfile.TemporaryDirectory(prefix="newsextract-chromium-") as profile:
        options = webdriver.ChromeOptions()
        options.binary_location = str(CHROMIUM)
        for flag in CHROMIUM_FLAGS:
            options.add_argument(flag)
        options.add_argument(f"--user-data-dir={profile}")
        options.add_argument("--window-size={},{}".format(*DESKTOP))
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
        try:
            yield driver
        finally:
            driver.quit()


@pytest.fixture
def browser(chromium: WebDriver) -> WebDriver:
    """The shared browser, on a blank page at desktop size; its console log is drained before the test."""
    chromium.set_window_size(*DESKTOP)
    chromium.get("about:blank")
    chromium.get_log("browser")
    return chromium
