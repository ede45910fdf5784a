"""The browser page served at ``GET /``: one HTML document with its CSS and JavaScript inlined.

``app.css`` and ``app.js`` are edited as files and inlined into ``index.html`` when the page is first
built; ``content_security_policy()`` allows exactly those two inline blocks (by SHA-256 hash), fetches
to the page's own origin and nothing else.
"""

from __future__ import annotations

import base64
import hashlib
from functools import lru_cache
from importlib import resources

_CSS_SLOT = "{{APP_CSS}}"
_JS_SLOT = "{{APP_JS}}"


def _read(name: str) -> str:
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


def _csp_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


@lru_cache(maxsize=1)
def _parts() -> tuple[str, str, str]:
    template, css, js = _read("index.html"), _read("app.css"), _read("app.js")
    for slot, body in ((_CSS_SLOT, css), (_JS_SLOT, js)):
        if template.count(slot) != 1:
            raise ValueError(f"index.html must contain {slot} exactly once")
        if "</style" in body.lower() or "</script" in body.lower():
            raise ValueError(f"inlined {slot} must not close its own element")
    return template, css, js


@lru_cache(maxsize=1)
def page_html() -> str:
    """The self-contained page (no external resources), as served at ``GET /``."""
    template, css, js = _parts()
    return template.replace(_CSS_SLOT, css).replace(_JS_SLOT, js)


@lru_cache(maxsize=1)
def content_security_policy() -> str:
    """A CSP allowing only this page's own inline style and script, and API calls to its own origin."""
    _, css, js = _parts()
    return "; ".join(
        [
            "default-src 'none'",
            f"script-src {_csp_hash(js)}",
            f"style-src {_csp_hash(css)}",
            "connect-src 'self'",
            "img-src data:",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'",
        ]
    )


def page_headers() -> dict[str, str]:
    """The page's own response headers; the API adds the common security headers (nosniff, HSTS, ...)."""
    return {"Content-Security-Policy": content_security_policy(), "X-Frame-Options": "DENY"}
