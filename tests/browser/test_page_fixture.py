"""The page in headless Chromium against a canned API under a stage prefix (no model, no moto needed)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver

from tests.browser import fixture_api as canned
from tests.browser.pagecheck import (
    console_errors,
    contrast,
    enter_key,
    expected_text,
    marks,
    mention_texts,
    role_texts,
    statement_parts,
    text_colours,
    wait_css,
    wait_text,
)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def api() -> Iterator[canned.FixtureApi]:
    with canned.serve_fixture_api() as running:
        yield running


@pytest.fixture
def article_page(browser: WebDriver, api: canned.FixtureApi) -> WebDriver:
    """The fixture article opened from the list, key entered."""
    browser.get(api.url)
    browser.execute_script("sessionStorage.clear()")
    browser.get(api.url)
    enter_key(browser, canned.API_KEY)
    wait_css(browser, "#article-list a").send_keys(Keys.ENTER)
    wait_css(browser, "#article-text")
    return browser


def test_the_key_is_asked_once_sent_as_header_and_never_in_the_url(
    browser: WebDriver, api: canned.FixtureApi
) -> None:
    # GIVEN the deployed-style URL without a trailing slash after the stage
    browser.get(api.url)
    browser.execute_script("sessionStorage.clear()")
    api.requests.clear()
    browser.get(api.url)
    wait_css(browser, "#api-key")
    assert [r["path"] for r in api.requests] == ["/dev"], "no data call before a key is entered"
    # WHEN the key is entered
    enter_key(browser, canned.API_KEY)
    wait_css(browser, "#article-list")
    # THEN it is kept in sessionStorage, sent as x-api-key, relative to the stage, and never in a URL
    assert browser.execute_script("return sessionStorage.getItem('newsextract.apiKey')") == canned.API_KEY
    data_calls = [r for r in api.requests if r["path"] != "/dev"]
    assert data_calls
    assert all(r["path"].startswith("/dev/articles") for r in data_calls)
    assert all(r["key"] == canned.API_KEY for r in data_calls)
    assert all(canned.API_KEY not in r["path"] for r in api.requests)
    assert canned.API_KEY not in browser.current_url
    # AND a reload does not ask again
    browser.refresh()
    wait_css(browser, "#article-list")
    assert not browser.find_elements(By.ID, "api-key")
    assert console_errors(browser) == []


def test_a_refused_key_is_asked_for_again(browser: WebDriver, api: canned.FixtureApi) -> None:
    browser.get(api.url + "/")
    browser.execute_script("sessionStorage.clear()")
    browser.get(api.url + "/")
    enter_key(browser, "not-the-key")
    alert = wait_css(browser, "#view [role=alert]")
    assert "403" in alert.text
    assert browser.find_element(By.ID, "api-key").is_displayed()
    assert browser.execute_script("return sessionStorage.getItem('newsextract.apiKey')") is None


def test_articles_are_listed_newest_first_and_open_with_the_keyboard(
    browser: WebDriver, api: canned.FixtureApi
) -> None:
    browser.get(api.url)
    browser.execute_script("sessionStorage.clear()")
    browser.get(api.url)
    enter_key(browser, canned.API_KEY)
    wait_css(browser, "#article-list")
    links = browser.find_elements(By.CSS_SELECTOR, "#article-list a")
    assert [link.text for link in links] == [a["title"] for a in canned.ARTICLES]
    first = links[0]
    browser.execute_script("arguments[0].focus()", first)
    outline = browser.execute_script(
        "const s = getComputedStyle(arguments[0]); return [s.outlineStyle, parseFloat(s.outlineWidth)];",
        first,
    )
    assert outline[0] != "none"
    assert outline[1] >= 2, "focus is visible"
    first.send_keys(Keys.ENTER)
    assert wait_text(browser, "h1", canned.RESULT["article"]["title"])
    assert browser.current_url.endswith("#/article/" + canned.ARTICLE_ID)


def test_entities_are_highlighted_by_type_at_code_point_offsets(article_page: WebDriver) -> None:
    found = marks(article_page)
    texts = mention_texts(found)
    text = canned.TEXT
    for entity in canned.ENTITIES:
        for mention in entity["mentions"]:
            assert texts[(entity["id"], mention["start"])] == text[mention["start"] : mention["end"]]
    assert {m["label"] for m in found} == {e["label"] for e in canned.ENTITIES}
    backgrounds = {m["label"]: m["background"] for m in found}
    assert len(set(backgrounds.values())) == len(backgrounds), "each type has its own colour"
    for mark in found:
        assert contrast(mark["color"], mark["background"]) >= 4.5, mark


def test_statements_mark_source_cue_and_content_distinctly(article_page: WebDriver) -> None:
    parts = statement_parts(article_page)
    texts = role_texts(parts)
    for statement in canned.STATEMENTS:
        for role in ("source", "cue", "content"):
            assert texts[(statement["id"], role)] == expected_text(canned.TEXT, statement[role])
    styles = {part["roles"][0]: part["underline"] for part in parts if len(part["roles"]) == 1}
    assert set(styles) == {"source", "cue", "content"}
    assert len(set(styles.values())) == 3, styles
    # an entity inside a statement keeps its highlight
    content = article_page.find_elements(By.CSS_SELECTOR, "#article-text .st-content mark.ent")
    assert "Delta Works" in {mark.text for mark in content}


def test_side_panels_list_people_and_statements_by_speaker(article_page: WebDriver) -> None:
    people = [a.text for a in article_page.find_elements(By.CSS_SELECTOR, "#people a")]
    assert people == ["Ana Ruiz", "Tom Okafor"]
    groups = article_page.find_elements(By.CSS_SELECTOR, "#statements .speaker-group h3")
    assert [g.text for g in groups] == ["Ana Ruiz (2)", "Tom Okafor (1)"]
    # "Show in text" marks every part of that statement and moves focus into the text
    button = article_page.find_elements(By.CSS_SELECTOR, '#statements li[data-statement-id="s2"] button')[0]
    button.send_keys(Keys.ENTER)
    active = article_page.find_elements(By.CSS_SELECTOR, "#article-text .st.is-active")
    assert {part.get_attribute("data-statements") for part in active} == {"s2"}
    assert len(active) >= 3, "source, cue and both content fragments"
    assert article_page.execute_script("return document.activeElement.dataset.statements") == "s2"
    assert console_errors(article_page) == []


def test_clicking_an_entity_shows_it_across_the_corpus(
    article_page: WebDriver, api: canned.FixtureApi
) -> None:
    api.requests.clear()
    article_page.find_element(By.CSS_SELECTOR, '#article-text mark[data-entity="e1"]').click()
    wait_text(article_page, "h1", "Ana Ruiz")
    mentions = [a.text for a in article_page.find_elements(By.CSS_SELECTOR, "#mentions li a")]
    assert mentions == [a["title"] for a in canned.ARTICLES]
    quotes = [q.text for q in article_page.find_elements(By.CSS_SELECTOR, "#quotes .quote")]
    assert quotes == ["“" + s["content"]["text"] + "”" for s in canned.NAME_STATEMENTS["Ana Ruiz"]]
    paths = {r["path"].split("?")[0] for r in api.requests}
    assert {"/dev/entities/Ana%20Ruiz/articles", "/dev/speakers/Ana%20Ruiz/statements"} <= paths
    # the statements' article links lead back to the articles
    article_page.find_element(By.CSS_SELECTOR, "#quotes li a").send_keys(Keys.ENTER)
    wait_text(article_page, "h1", canned.RESULT["article"]["title"])


def test_phone_width_stacks_the_panels(article_page: WebDriver, output_dir: Path) -> None:
    article_page.save_screenshot(str(output_dir / "fixture-article.png"))
    article_page.set_window_size(390, 844)
    text = article_page.find_element(By.ID, "article-text").rect
    panels = article_page.find_element(By.CSS_SELECTOR, "aside.panels").rect
    assert panels["y"] >= text["y"] + text["height"] - 1, "panels below the text"
    assert abs(panels["x"] - text["x"]) < 2
    overflow = article_page.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, "no horizontal scrolling"
    article_page.save_screenshot(str(output_dir / "fixture-article-phone.png"))


def test_the_page_loads_nothing_from_elsewhere_and_violates_no_csp(article_page: WebDriver) -> None:
    origin = article_page.execute_script("return location.origin")
    resources = article_page.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
    )
    assert resources
    assert all(name.startswith(origin + "/") for name in resources), resources
    assert console_errors(article_page) == []


@pytest.mark.parametrize("route", ["", "#/article/" + canned.ARTICLE_ID, "#/entity/Ana%20Ruiz"])
def test_all_text_meets_wcag_aa_contrast(browser: WebDriver, api: canned.FixtureApi, route: str) -> None:
    browser.get(api.url)
    browser.execute_script("sessionStorage.clear()")
    browser.get(api.url + "/" + route)
    enter_key(browser, canned.API_KEY)
    wait_css(browser, "#view h1 + *")
    wait_css(browser, "#article-list, #article-text, #quotes li")
    colours = text_colours(browser)
    assert len(colours) > 10
    low = [c for c in colours if contrast(c["color"], c["background"]) < 4.5]
    assert low == []
