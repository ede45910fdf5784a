"""Views every store implementation shares: summaries, index entries, signed pagination cursors."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import re
from collections.abc import Sequence
from typing import Any

from newsextract.names import index_keys, normalize_key
from newsextract.nlp.labels import NAMED_LABELS
from newsextract.result import Entity, ExtractionResult, Statement
from newsextract.store.ports import MAX_KEY_CHARS, MAX_PAGE, InvalidCursor

# --------------------------------------------------------------------------------------------------
# Views shared by every store implementation


def sort_date(result: ExtractionResult) -> str:
    """What "newest first" sorts on: the ISO published date, else the extraction time."""
    published = result.article.published
    if published and re.match(r"\d{4}-\d{2}-\d{2}", published):
        return published
    return result.extracted_at or "0000-00-00"


def article_summary(result: ExtractionResult) -> dict[str, Any]:
    article = result.article
    return {
        "id": article.id,
        "key": article.key,
        "title": article.title,
        "published": article.published,
        "status": article.status,
        "error": article.error,
        "word_count": article.word_count,
        "entity_count": len(result.entities),
        "statement_count": len(result.statements),
        "model": result.model.to_dict(),
        "extracted_at": result.extracted_at,
    }


def entity_summary(entity: Entity) -> dict[str, Any]:
    return {
        "id": entity.id,
        "name": entity.name,
        "label": entity.label,
        "count": entity.count,
        "salience": round(entity.salience, 4),
    }


def _usable_keys(names: Sequence[str], label: str) -> list[str]:
    keys: list[str] = []
    for name in names:
        for key in index_keys(name, label):
            if key and len(key) <= MAX_KEY_CHARS and key not in keys:
                keys.append(key)
    return keys


def entity_index(result: ExtractionResult) -> dict[str, Entity]:
    """Index key -> the article's entity found under it (named labels only; the most salient wins)."""
    best: dict[str, Entity] = {}
    for entity in result.entities:
        if entity.label not in NAMED_LABELS:
            continue
        for key in _usable_keys([entity.name, *entity.aliases], entity.label):
            held = best.get(key)
            if held is None or (entity.salience, entity.count) > (held.salience, held.count):
                best[key] = entity
    return best


def speaker_index(result: ExtractionResult) -> list[tuple[str, int, Statement]]:
    """(index key, statement position, statement) for every attributed statement."""
    by_id = {entity.id: entity for entity in result.entities}
    entries: list[tuple[str, int, Statement]] = []
    for position, statement in enumerate(result.statements):
        speaker = statement.speaker
        if speaker is None:
            continue
        members = [by_id[m] for m in speaker.members if m in by_id]
        if members:  # a joint speaker is found under each member's names, not under the joined name
            keys = [key for member in members for key in _usable_keys([member.name], member.label)]
            entries.extend((key, position, statement) for key in dict.fromkeys(keys))
            continue
        names = [speaker.name]
        entity = by_id.get(speaker.entity_id or "")
        if entity is not None:
            names.append(entity.name)
        entries.extend((key, position, statement) for key in _usable_keys(names, speaker.label))
    return entries


def query_key(name: str) -> str:
    key = normalize_key(name)
    if not key or len(key) > MAX_KEY_CHARS:
        raise ValueError("name is empty or too long")
    return key


def derive_cursor_secret(table_name: str) -> bytes:
    return hashlib.sha256(b"newsextract-cursor\0" + table_name.encode("utf-8")).digest()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class CursorCodec:
    """Opaque, HMAC-signed cursors bound to one index and one query."""

    MAX_LENGTH = 2048

    def __init__(self, secret: bytes) -> None:
        self._secret = secret

    def _mac(self, index: str, query: str, body: bytes) -> bytes:
        message = b"\0".join([index.encode("utf-8"), query.encode("utf-8"), body])
        return hmac.new(self._secret, message, hashlib.sha256).digest()[:16]

    def encode(self, index: str, query: str, position: dict[str, str]) -> str:
        body = json.dumps(position, sort_keys=True, separators=(",", ":")).encode("utf-8")
        return f"{_b64(body)}.{_b64(self._mac(index, query, body))}"

    def decode(self, cursor: str, index: str, query: str) -> dict[str, str]:
        if not cursor or len(cursor) > self.MAX_LENGTH or cursor.count(".") != 1:
            raise InvalidCursor("malformed cursor")
        body_text, mac_text = cursor.split(".")
        try:
            body, mac = _unb64(body_text), _unb64(mac_text)
        except (binascii.Error, ValueError) as err:
            raise InvalidCursor("malformed cursor") from err
        if not hmac.compare_digest(mac, self._mac(index, query, body)):
            raise InvalidCursor("cursor does not belong to this query")
        try:
            position = json.loads(body)
        except ValueError as err:
            raise InvalidCursor("malformed cursor") from err
        if not isinstance(position, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in position.items()
        ):
            raise InvalidCursor("malformed cursor")
        return position


def check_limit(limit: int) -> int:
    if not 1 <= limit <= MAX_PAGE:
        raise ValueError(f"limit must be between 1 and {MAX_PAGE}")
    return limit
