"""A stand-in for the API, served under a stage prefix: the page plus canned JSON behind an API key.

The article text starts with an astral character (an emoji, two UTF-16 units, one Python code point)
so highlights that sliced the text by JavaScript string index would be shifted by one.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from newsextract.web import page_headers, page_html

STAGE = "/dev"
API_KEY = "fixture-key"

TEXT = (
    "🚀 Harbor City, 5 March 2024. Mayor Ana Ruiz said the new bridge would open in May after a review by "
    "Delta Works.\n\n“We are ready,” Ruiz told reporters, “and the budget is on track.” The council approved "
    "$12 million on Tuesday, and Tom Okafor of Delta Works said the steel had arrived."
)


def span(text: str, occurrence: int = 0, within: str = TEXT) -> dict[str, Any]:
    start = -1
    for _ in range(occurrence + 1):
        start = within.index(text, start + 1)
    return {"start": start, "end": start + len(text), "text": text}


def _entity(eid: str, name: str, label: str, mentions: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    return {
        "id": eid,
        "name": name,
        "label": label,
        "aliases": extra.get("aliases", []),
        "titles": extra.get("titles", []),
        "roles": extra.get("roles", []),
        "mentions": mentions,
        "count": len(mentions),
        "salience": extra.get("salience", 0.1),
    }


def _content(first: str, second: str) -> dict[str, Any]:
    a, b = span(first), span(second)
    return {
        "start": a["start"],
        "end": b["end"],
        "text": TEXT[a["start"] : b["end"]],
        "fragments": [[a["start"], a["end"]], [b["start"], b["end"]]],
    }


ENTITIES = [
    _entity("e1", "Ana Ruiz", "PERSON", [span("Ana Ruiz"), span("Ruiz", 1)], titles=["Mayor"], salience=0.9),
    _entity("e2", "Tom Okafor", "PERSON", [span("Tom Okafor")], salience=0.3),
    _entity("e3", "Harbor City", "LOC", [span("Harbor City")]),
    _entity("e4", "Delta Works", "ORG", [span("Delta Works"), span("Delta Works", 1)], salience=0.5),
    _entity("e5", "5 March 2024", "DATE", [span("5 March 2024")]),
    _entity("e6", "$12 million", "MONEY", [span("$12 million")]),
    _entity("e7", "Tuesday", "DATE", [span("Tuesday")]),
]
STATEMENTS = [
    {
        "id": "s1",
        "kind": "indirect",
        "source": span("Mayor Ana Ruiz"),
        "cue": span("said"),
        "content": span("the new bridge would open in May after a review by Delta Works"),
        "speaker": {"entity_id": "e1", "name": "Ana Ruiz", "label": "PERSON", "role": "Mayor"},
        "addressee": None,
        "medium": None,
        "confidence": 0.9,
    },
    {
        "id": "s2",
        "kind": "direct",
        "source": span("Ruiz", 1),
        "cue": span("told"),
        "content": _content("We are ready,", "and the budget is on track."),
        "speaker": {"entity_id": "e1", "name": "Ana Ruiz", "label": "PERSON", "role": "Mayor"},
        "addressee": "reporters",
        "medium": None,
        "confidence": 0.95,
    },
    {
        "id": "s3",
        "kind": "indirect",
        "source": span("Tom Okafor of Delta Works"),
        "cue": span("said", 1),
        "content": span("the steel had arrived"),
        "speaker": {"entity_id": "e2", "name": "Tom Okafor", "label": "PERSON", "role": None},
        "addressee": None,
        "medium": None,
        "confidence": 0.8,
    },
]
ARTICLE_ID = "a1b2c3d4e5f6a7b8c9d0"
OLDER_ID = "0f0e0d0c0b0a09080706"
RESULT = {
    "schema_version": "1.0",
    "extracted_at": "2024-03-05T10:00:00Z",
    "article": {
        "id": ARTICLE_ID,
        "key": "harbor-bridge.txt",
        "title": "Harbor bridge to open in May",
        "published": "2024-03-05",
        "url": None,
        "author": None,
        "format": "text",
        "text": TEXT,
        "word_count": len(TEXT.split()),
        "content_sha256": "",
        "status": "done",
        "error": None,
    },
    "model": {"name": "en_newsextract", "version": "0.1.0"},
    "entities": ENTITIES,
    "statements": STATEMENTS,
}


def _summary(aid: str, title: str, published: str, entities: int, statements: int) -> dict[str, Any]:
    return {
        "id": aid,
        "key": f"{aid}.txt",
        "title": title,
        "published": published,
        "status": "done",
        "error": None,
        "word_count": 120,
        "entity_count": entities,
        "statement_count": statements,
    }


ARTICLES = [
    _summary(ARTICLE_ID, "Harbor bridge to open in May", "2024-03-05", len(ENTITIES), len(STATEMENTS)),
    _summary(OLDER_ID, "Council debates the harbor budget", "2024-02-11", 4, 1),
]
NAME_ARTICLES = {
    "Ana Ruiz": [
        {**ARTICLES[0], "entity": {"id": "e1", "name": "Ana Ruiz", "label": "PERSON", "count": 2}},
        {**ARTICLES[1], "entity": {"id": "x9", "name": "Ana Ruiz", "label": "PERSON", "count": 3}},
    ],
}
NAME_STATEMENTS = {
    "Ana Ruiz": [
        {
            **STATEMENTS[0],
            "article": {"id": ARTICLE_ID, "title": ARTICLES[0]["title"], "published": "2024-03-05"},
        },
        {
            "id": "s9",
            "kind": "direct",
            "source": None,
            "cue": {"start": 0, "end": 4, "text": "said"},
            "content": {"start": 10, "end": 40, "text": "The budget needs another look."},
            "speaker": {"entity_id": "x9", "name": "Ana Ruiz", "label": "PERSON", "role": "Mayor"},
            "addressee": None,
            "medium": None,
            "confidence": 0.9,
            "article": {"id": OLDER_ID, "title": ARTICLES[1]["title"], "published": "2024-02-11"},
        },
    ],
}


@dataclass
class FixtureApi:
    url: str
    requests: list[dict[str, Any]] = field(default_factory=list)


def _answer(path: str, query: dict[str, list[str]]) -> tuple[int, Any]:
    parts = [unquote(p) for p in path.split("/") if p]
    if parts == ["articles"]:
        return 200, {"items": ARTICLES, "next": None}
    if len(parts) == 2 and parts[0] == "articles":
        return (200, RESULT) if parts[1] == ARTICLE_ID else (404, {"message": "article not found"})
    if len(parts) == 3 and parts[0] == "entities" and parts[2] == "articles":
        return 200, {"items": NAME_ARTICLES.get(parts[1], []), "next": None}
    if len(parts) == 3 and parts[0] == "speakers" and parts[2] == "statements":
        return 200, {"items": NAME_STATEMENTS.get(parts[1], []), "next": None}
    return 404, {"message": "not found"}


@contextmanager
def serve_fixture_api() -> Iterator[FixtureApi]:
    """Serves the page at ``/dev`` and ``/dev/`` and the JSON below it, on a free port."""
    api = FixtureApi(url="")

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            return

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            api.requests.append({"path": self.path, "key": self.headers.get("x-api-key")})
            if parts.path in (STAGE, STAGE + "/"):
                self._send(200, "text/html; charset=utf-8", page_html(), page_headers())
                return
            if not parts.path.startswith(STAGE + "/"):
                self._send(403, "application/json", json.dumps({"message": "Forbidden"}))
                return
            if self.headers.get("x-api-key") != API_KEY:
                self._send(403, "application/json", json.dumps({"message": "Forbidden"}))
                return
            status, body = _answer(parts.path[len(STAGE) :], parse_qs(parts.query))
            self._send(status, "application/json", json.dumps(body, ensure_ascii=False))

        def _send(
            self, status: int, content_type: str, body: str, headers: dict[str, str] | None = None
        ) -> None:
            payload = body.encode("utf-8")
            self.send_response(status)
            self.send_header("content-type", content_type)
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.send_header("content-length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    api.url = f"http://127.0.0.1:{server.server_address[1]}{STAGE}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield api
    finally:
        server.shutdown()
        server.server_close()


if __name__ == "__main__":
    import time

    with serve_fixture_api() as running:
        print(running.url, "key:", API_KEY, flush=True)
        while True:
            time.sleep(3600)
