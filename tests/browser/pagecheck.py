"""Reading the rendered page back: what is highlighted, what is marked, and what the browser logged."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import WebDriverWait

TIMEOUT = 15


def wait_css(driver: WebDriver, selector: str, timeout: float = TIMEOUT) -> WebElement:
    waiting = WebDriverWait(driver, timeout, ignored_exceptions=[StaleElementReferenceException])
    return waiting.until(lambda d: d.find_element(By.CSS_SELECTOR, selector))


def wait_text(driver: WebDriver, selector: str, text: str, timeout: float = TIMEOUT) -> WebElement:
    def found(d: WebDriver) -> WebElement | bool:
        element = d.find_elements(By.CSS_SELECTOR, selector)
        return element[0] if element and text in element[0].text else False

    return WebDriverWait(driver, timeout, ignored_exceptions=[StaleElementReferenceException]).until(found)


def enter_key(driver: WebDriver, key: str) -> None:
    wait_css(driver, "#api-key").send_keys(key, Keys.ENTER)


def marks(driver: WebDriver) -> list[dict[str, Any]]:
    """Every entity highlight in the article text: entity id, label, mention start, text."""
    return list(
        driver.execute_script(
            "return Array.from(document.querySelectorAll('#article-text mark.ent')).map(m => ({"
            "entity: m.dataset.entity, label: m.dataset.label, start: Number(m.dataset.start),"
            "text: m.textContent, background: getComputedStyle(m).backgroundColor,"
            "color: getComputedStyle(m).color}));"
        )
    )


def statement_parts(driver: WebDriver) -> list[dict[str, Any]]:
    """Every statement mark in the article text: its "statement:role" pairs, roles, text, underline."""
    return list(
        driver.execute_script(
            "return Array.from(document.querySelectorAll('#article-text .st')).map(s => ({"
            "parts: s.dataset.parts.split(' '), roles: s.dataset.roles.split(' '), text: s.textContent,"
            "underline: getComputedStyle(s).borderBottomStyle}));"
        )
    )


def mention_texts(found: list[dict[str, Any]]) -> dict[tuple[str, int], str]:
    """(entity id, mention start) -> the highlighted text, joined over pieces split by statement marks."""
    joined: dict[tuple[str, int], str] = defaultdict(str)
    for mark in found:
        joined[(mark["entity"], mark["start"])] += mark["text"]
    return dict(joined)


def role_texts(parts: list[dict[str, Any]]) -> dict[tuple[str, str], str]:
    """(statement id, role) -> the marked text, in document order."""
    joined: dict[tuple[str, str], str] = defaultdict(str)
    for part in parts:
        for pair in part["parts"]:
            statement, role = pair.rsplit(":", 1)
            joined[(statement, role)] += part["text"]
    return dict(joined)


def expected_text(text: str, span: dict[str, Any]) -> str:
    """A span's text as the page shows it: its fragments joined (Python offsets are code points)."""
    pieces = span.get("fragments") or [[span["start"], span["end"]]]
    return "".join(text[start:end] for start, end in pieces)


def relative_luminance(css_rgb: str) -> float:
    values = [float(v) for v in css_rgb[css_rgb.index("(") + 1 : css_rgb.index(")")].split(",")[:3]]
    linear = [c / 255 / 12.92 if c / 255 <= 0.04045 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in values]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two opaque CSS rgb() colours."""
    lighter, darker = sorted((relative_luminance(foreground), relative_luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def text_colours(driver: WebDriver) -> list[dict[str, str]]:
    """Text colour and effective background of every visible element that has text of its own."""
    return list(
        driver.execute_script(
            r"""
            const opaque = (c) => c && c !== "transparent" && !/rgba\(.*,\s*0\)$/.test(c);
            const background = (node) => {
              for (let n = node; n && n.nodeType === 1; n = n.parentElement) {
                const c = getComputedStyle(n).backgroundColor;
                if (opaque(c)) return c;
              }
              return "rgb(255, 255, 255)";
            };
            return Array.from(document.querySelectorAll("body *"))
              .filter((n) => n.offsetParent !== null || getComputedStyle(n).position === "fixed")
              .filter((n) => Array.from(n.childNodes).some((c) => c.nodeType === 3 && c.textContent.trim()))
              .map((n) => ({tag: n.tagName, text: n.textContent.trim().slice(0, 40),
                            color: getComputedStyle(n).color, background: background(n)}));
            """
        )
    )


def console_errors(driver: WebDriver) -> list[str]:
    return [
        entry["message"] for entry in driver.get_log("browser") if entry["level"] in ("SEVERE", "WARNING")
    ]
