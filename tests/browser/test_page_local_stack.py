"""The page served by `newsextract local` in headless Chromium, showing the extracted sample article.

Set NEWSEXTRACT_UPDATE_SCREENSHOT=1 to also refresh docs/screenshot.png (the README's screenshot).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import boto3
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver

from newsextract.ids import article_id
from tests.browser.pagecheck import (
    console_errors,
    enter_key,
    expected_text,
    marks,
    mention_texts,
    role_texts,
    statement_parts,
    wait_css,
    wait_text,
)
from tests.conftest import REPO_ROOT

pytestmark = [pytest.mark.browser, pytest.mark.e2e, pytest.mark.model]

SAMPLE_KEY = "milley-zaluzhnyi-2023-01-17.txt"
API_KEY = "browser-key"
BUCKET = "browser-articles"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Stack:
    aws_url: str
    api_url: str

    def get(self, path: str, key: str | None = API_KEY) -> tuple[int, dict[str, str], bytes]:
        request = urllib.request.Request(self.api_url + path, headers={"x-api-key": key} if key else {})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()


@pytest.fixture(scope="module")
def stack() -> Iterator[Stack]:
    aws_port, api_port = free_port(), free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("AWS_ENDPOINT_URL", "TABLE_NAME", "AWS_PROFILE")}
    process = subprocess.Popen(
        [sys.executable, "-m", "newsextract.cli", "local", "--aws-port", str(aws_port),
         "--api-port", str(api_port), "--api-key", API_KEY, "--bucket", BUCKET],
        cwd=REPO_ROOT, env={**env, "PYTHONUNBUFFERED": "1"},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    assert process.stdout is not None
    banner: list[str] = []
    for line in process.stdout:
        banner.append(line)
        if "local stack is up" in line:
            break
    if process.poll() is not None or "local stack is up" not in "".join(banner):
        process.kill()
        pytest.fail("newsextract local did not start:\n" + "".join(banner))
    try:
        yield Stack(f"http://127.0.0.1:{aws_port}", f"http://127.0.0.1:{api_port}")
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="module")
def sample_result(stack: Stack, sample_article_bytes: bytes) -> dict[str, Any]:
    """The sample article uploaded to the local bucket, as the API serves it once extracted."""
    s3 = boto3.client(
        "s3", endpoint_url=stack.aws_url, region_name="us-east-1",
        aws_access_key_id="local", aws_secret_access_key="local",
    )  # fmt: skip
    s3.put_object(Bucket=BUCKET, Key=SAMPLE_KEY, Body=sample_article_bytes, ContentType="text/plain")
    path = f"/articles/{article_id(SAMPLE_KEY, BUCKET)}"
    deadline = time.monotonic() + 180
    while True:
        status, _, body = stack.get(path)
        if status == 200:
            result: dict[str, Any] = json.loads(body)
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"{path} not extracted after 180 s: {status} {body[:200]!r}")
        time.sleep(0.5)


def overlapped(entities: list[dict[str, Any]]) -> set[tuple[str, int]]:
    """Mentions that another entity's mention overlaps: the page shows the shorter one there."""
    spans = [(e["id"], m["start"], m["end"]) for e in entities for m in e["mentions"]]
    return {
        (eid, start)
        for eid, start, end in spans
        for other, s2, e2 in spans
        if (other, s2, e2) != (eid, start, end) and s2 < end and start < e2
    }


def test_the_page_is_served_without_a_key_with_a_strict_csp(stack: Stack) -> None:
    status, headers, body = stack.get("/", key=None)
    assert status == 200
    headers = {name.lower(): value for name, value in headers.items()}
    assert headers["content-type"].startswith("text/html")
    csp = headers["content-security-policy"]
    assert "default-src 'none'" in csp
    assert "connect-src 'self'" in csp
    assert "unsafe" not in csp
    assert b"<title>newsextract</title>" in body


def test_the_sample_article_shows_its_entities_and_statements(
    browser: WebDriver, stack: Stack, sample_result: dict[str, Any], output_dir: Path
) -> None:
    article = sample_result["article"]
    entities = [e for e in sample_result["entities"] if e["mentions"]]
    statements = sample_result["statements"]
    assert entities
    assert statements
    # GIVEN the page, the key entered once
    browser.get(stack.api_url + "/")
    enter_key(browser, API_KEY)
    link = wait_css(browser, f'#article-list li[data-article-id="{article["id"]}"] a')
    # WHEN the article is opened from the list
    link.send_keys(Keys.ENTER)
    wait_text(browser, "h1", article["title"] or article["key"])
    wait_css(browser, "#article-text")
    # THEN every entity is highlighted at each of its mentions, labelled with its type
    found = marks(browser)
    texts = mention_texts(found)
    skip = overlapped(entities)
    for entity in entities:
        labels = {m["label"] for m in found if m["entity"] == entity["id"]}
        assert labels == {entity["label"]}, entity["name"]
        for mention in entity["mentions"]:
            if (entity["id"], mention["start"]) not in skip:
                assert texts[(entity["id"], mention["start"])] == mention["text"], (entity["name"], mention)
    # AND every statement's source, cue and content are marked
    parts = role_texts(statement_parts(browser))
    for statement in statements:
        for role in ("source", "cue", "content"):
            if statement[role]:
                assert parts[(statement["id"], role)] == expected_text(article["text"], statement[role])
    # AND the panels list the people and every statement under its speaker
    people = {a.text for a in browser.find_elements(By.CSS_SELECTOR, "#people a")}
    assert people == {e["name"] for e in entities if e["label"] == "PERSON"}
    listed = browser.find_elements(By.CSS_SELECTOR, "#statements li[data-statement-id]")
    listed_ids = sorted(li.get_attribute("data-statement-id") for li in listed)
    assert listed_ids == sorted(s["id"] for s in statements)
    assert console_errors(browser) == []
    browser.save_screenshot(str(output_dir / "sample-article.png"))


def test_screenshot_of_the_project_sample(browser: WebDriver, stack: Stack, output_dir: Path) -> None:
    """The README's screenshot shows the project's own sample article (never the copyrighted one)."""
    sample = REPO_ROOT / "samples" / "harbor-bridge-2024-03-05.txt"
    s3 = boto3.client(
        "s3", endpoint_url=stack.aws_url, region_name="us-east-1",
        aws_access_key_id="local", aws_secret_access_key="local",
    )  # fmt: skip
    s3.put_object(Bucket=BUCKET, Key=sample.name, Body=sample.read_bytes(), ContentType="text/plain")
    identifier = article_id(sample.name, BUCKET)
    deadline = time.monotonic() + 180
    while stack.get(f"/articles/{identifier}")[0] != 200:
        assert time.monotonic() < deadline, "the project sample was not extracted"
        time.sleep(0.5)
    browser.set_window_size(1280, 900)
    browser.get(stack.api_url + "/#/article/" + identifier)
    if browser.find_elements(By.ID, "api-key"):
        enter_key(browser, API_KEY)
    wait_text(browser, "h1", "Port authority approves $240 million repair of the Harbor Bridge")
    wait_css(browser, "#article-text mark")
    shot = output_dir / "project-sample.png"
    browser.save_screenshot(str(shot))
    assert shot.stat().st_size > 10_000
    if os.environ.get("NEWSEXTRACT_UPDATE_SCREENSHOT") == "1":
        shutil.copyfile(shot, REPO_ROOT / "docs" / "screenshot.png")


def test_a_person_links_to_the_corpus_view(
    browser: WebDriver, stack: Stack, sample_result: dict[str, Any]
) -> None:
    article = sample_result["article"]
    speakers = [s["speaker"] for s in sample_result["statements"] if s["speaker"]]
    assert speakers
    name = speakers[0]["name"]
    browser.get(stack.api_url + "/#/article/" + article["id"])
    if browser.find_elements(By.ID, "api-key"):
        enter_key(browser, API_KEY)
    wait_css(browser, "#statements")
    group = browser.find_element(By.CSS_SELECTOR, f'#statements .speaker-group[data-speaker="{name}"] h3 a')
    group.send_keys(Keys.ENTER)
    wait_text(browser, "h1", name)
    wait_css(browser, "#quotes")
    quoted = browser.find_elements(By.CSS_SELECTOR, "#quotes li a")
    assert (article["title"] or article["id"]) in {a.text for a in quoted}
    assert console_errors(browser) == []
