"""The served document itself: self-contained, and its CSP allows exactly its own inline CSS and JS."""

from __future__ import annotations

import base64
import hashlib
import re

from newsextract.web import content_security_policy, page_headers, page_html


def _hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode() + "'"


def test_the_page_inlines_its_css_and_js_and_references_nothing_external() -> None:
    html = page_html()
    assert "{{APP_" not in html
    assert re.findall(r"<script\b[^>]*>", html) == ["<script>"], "one inline script, no src"
    assert not re.search(r"<link\b[^>]*rel=\"stylesheet\"", html)
    assert not re.search(r"(?:src|href)=\"(?:https?:)?//", html), "nothing from a CDN or another origin"
    assert "innerHTML" not in html, "data is written as text, never parsed as HTML"
    assert "localStorage" not in html, "the key is kept for the session only"


def test_the_csp_allows_only_the_inlined_blocks() -> None:
    html = page_html()
    style = re.search(r"<style>(.*?)</style>", html, re.S)
    script = re.search(r"<script>(.*?)</script>", html, re.S)
    assert style and script
    policy = dict(part.split(" ", 1) for part in content_security_policy().split("; "))
    assert policy["default-src"] == "'none'"
    assert policy["script-src"] == _hash(script.group(1))
    assert policy["style-src"] == _hash(style.group(1))
    assert policy["connect-src"] == "'self'"
    assert "unsafe" not in content_security_policy()
    assert page_headers()["Content-Security-Policy"] == content_security_policy()
