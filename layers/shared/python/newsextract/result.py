"""The one versioned result model: what the CLI prints, the store keeps and the API serves.

Offsets are character offsets into ``article.text`` (Python string indices, end exclusive).
``to_dict``/``from_dict`` are the only JSON mapping; ``schema/result.schema.json`` publishes it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA_VERSION = "1.0"

Status = Literal["done", "failed"]
StatementKind = Literal["direct", "indirect", "mixed"]


@dataclass(frozen=True)
class TextSpan:
    """A slice of the article text; ``fragments`` lists the pieces of an interrupted span."""

    start: int
    end: int
    text: str
    fragments: tuple[tuple[int, int], ...] | None = None

    @property
    def pieces(self) -> tuple[tuple[int, int], ...]:
        """The (start, end) offsets of each fragment, or of the whole span when it is not interrupted."""
        return self.fragments or ((self.start, self.end),)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"start": self.start, "end": self.end, "text": self.text}
        if self.fragments:
            data["fragments"] = [[start, end] for start, end in self.fragments]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TextSpan:
        fragments = data.get("fragments")
        return cls(
            start=int(data["start"]),
            end=int(data["end"]),
            text=str(data["text"]),
            fragments=tuple((int(a), int(b)) for a, b in fragments) if fragments else None,
        )

    @classmethod
    def of(cls, text: str, start: int, end: int) -> TextSpan:
        return cls(start=start, end=end, text=text[start:end])


def _span_or_none(data: dict[str, Any] | None) -> TextSpan | None:
    return TextSpan.from_dict(data) if data else None


@dataclass
class Entity:
    """One real-world entity of an article: its mentions clustered under a canonical name.

    ``salience`` is in [0, 1]; see ``newsextract.nlp.entities`` for how it is computed.
    """

    id: str
    name: str
    label: str
    mentions: list[TextSpan]
    aliases: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    salience: float = 0.0

    @property
    def count(self) -> int:
        return len(self.mentions)

    @property
    def first_mention(self) -> int:
        return min((m.start for m in self.mentions), default=0)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "label": self.label,
            "aliases": list(self.aliases),
            "titles": list(self.titles),
            "roles": list(self.roles),
            "mentions": [m.to_dict() for m in self.mentions],
            "count": self.count,
            "first_mention": self.first_mention,
            "salience": round(self.salience, 4),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        return cls(
            id=data["id"],
            name=data["name"],
            label=data["label"],
            mentions=[TextSpan.from_dict(m) for m in data.get("mentions", [])],
            aliases=list(data.get("aliases", [])),
            titles=list(data.get("titles", [])),
            roles=list(data.get("roles", [])),
            salience=float(data.get("salience", 0.0)),
        )


@dataclass(frozen=True)
class Speaker:
    """Who a statement is attributed to, resolved to an entity of the article where possible."""

    name: str
    label: str
    entity_id: str | None = None
    role: str | None = None
    members: tuple[str, ...] = ()
    """Entity ids of a joint speaker ("Milley and Zaluzhnyi said"), whose own ``entity_id`` is None."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "entity_id": self.entity_id,
            "name": self.name,
            "label": self.label,
            "role": self.role,
            "members": list(self.members),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Speaker:
        return cls(
            name=data["name"],
            label=data["label"],
            entity_id=data.get("entity_id"),
            role=data.get("role"),
            members=tuple(data.get("members") or ()),  # results written before joint speakers have none
        )


@dataclass
class Statement:
    """One attribution: a source credited with a content through a cue."""

    id: str
    kind: StatementKind
    source: TextSpan | None
    cue: TextSpan | None
    content: TextSpan | None
    speaker: Speaker | None = None
    addressee: str | None = None
    medium: str | None = None
    confidence: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "source": self.source.to_dict() if self.source else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "content": self.content.to_dict() if self.content else None,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "addressee": self.addressee,
            "medium": self.medium,
            "confidence": round(self.confidence, 4),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Statement:
        speaker = data.get("speaker")
        return cls(
            id=data["id"],
            kind=data["kind"],
            source=_span_or_none(data.get("source")),
            cue=_span_or_none(data.get("cue")),
            content=_span_or_none(data.get("content")),
            speaker=Speaker.from_dict(speaker) if speaker else None,
            addressee=data.get("addressee"),
            medium=data.get("medium"),
            confidence=float(data.get("confidence", 0.0)),
        )


@dataclass
class ArticleInfo:
    """The article as read: identity, metadata, the text all offsets refer to, and its processing state."""

    id: str
    key: str | None
    text: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    author: str | None = None
    format: str = "text"
    content_sha256: str = ""
    status: Status = "done"
    error: str | None = None

    @property
    def word_count(self) -> int:
        return len(self.text.split())

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "key": self.key,
            "title": self.title,
            "published": self.published,
            "url": self.url,
            "author": self.author,
            "format": self.format,
            "text": self.text,
            "word_count": self.word_count,
            "content_sha256": self.content_sha256,
            "status": self.status,
            "error": self.error,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ArticleInfo:
        return cls(
            id=data["id"],
            key=data.get("key"),
            text=data.get("text", ""),
            title=data.get("title"),
            published=data.get("published"),
            url=data.get("url"),
            author=data.get("author"),
            format=data.get("format", "text"),
            content_sha256=data.get("content_sha256", ""),
            status=data.get("status", "done"),
            error=data.get("error"),
        )


@dataclass(frozen=True)
class ModelInfo:
    name: str
    version: str

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "version": self.version}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ModelInfo:
        return cls(name=data["name"], version=data["version"])


@dataclass
class ExtractionResult:
    """Everything extracted from one article."""

    article: ArticleInfo
    model: ModelInfo
    entities: list[Entity] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    extracted_at: str | None = None
    schema_version: str = SCHEMA_VERSION

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": self.schema_version,
            "extracted_at": self.extracted_at,
            "article": self.article.to_dict(),
            "model": self.model.to_dict(),
            "entities": [e.to_dict() for e in self.entities],
            "statements": [s.to_dict() for s in self.statements],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ExtractionResult:
        return cls(
            schema_version=data.get("schema_version", SCHEMA_VERSION),
            extracted_at=data.get("extracted_at"),
            article=ArticleInfo.from_dict(data["article"]),
            model=ModelInfo.from_dict(data["model"]),
            entities=[Entity.from_dict(e) for e in data.get("entities", [])],
            statements=[Statement.from_dict(s) for s in data.get("statements", [])],
        )

    @classmethod
    def failed(cls, article: ArticleInfo, model: ModelInfo, error: str) -> ExtractionResult:
        article.status = "failed"
        article.error = error
        return cls(article=article, model=model)
