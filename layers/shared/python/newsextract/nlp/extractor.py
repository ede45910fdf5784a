"""Articles in, results out: runs the spaCy pipeline over a batch and builds the result model."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from newsextract.formats import Article, ArticleError, detect_format, parse_article, parse_text
from newsextract.ids import article_id, content_sha256
from newsextract.nlp.entities import cluster_entities
from newsextract.nlp.pipeline import PIPE_BATCH_SIZE
from newsextract.nlp.statements import extract_statements
from newsextract.nlp.whitespace import PipelineText, pipeline_text
from newsextract.result import ArticleInfo, Entity, ExtractionResult, ModelInfo, Statement, TextSpan

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


@dataclass(frozen=True)
class ArticleInput:
    """A parsed article ready for extraction, with its identity."""

    id: str
    key: str | None
    article: Article
    content_sha256: str

    @classmethod
    def plain(cls, name: str, text: str, key: str | None = None) -> ArticleInput:
        """``text`` as it stands (no title or metadata read from it), identified by ``name``: corpus
        articles and test texts."""
        return cls(article_id(name), key, Article(text=text), content_sha256(text.encode("utf-8")))

    def info(self) -> ArticleInfo:
        return ArticleInfo(
            id=self.id,
            key=self.key,
            text=self.article.text,
            title=self.article.title,
            published=self.article.published,
            url=self.article.url,
            author=self.article.author,
            format=self.article.format,
            content_sha256=self.content_sha256,
        )


def model_info(nlp: Language) -> ModelInfo:
    meta = nlp.meta
    return ModelInfo(
        name=f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}", version=str(meta.get("version", "0"))
    )


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Extractor:
    """Entity and statement extraction with one loaded pipeline; ``nlp.pipe`` over each batch."""

    def __init__(
        self, nlp: Language, clock: Callable[[], str] = utc_now, batch_size: int = PIPE_BATCH_SIZE
    ) -> None:
        self._nlp = nlp
        self._clock = clock
        self._batch_size = batch_size
        self.model = model_info(nlp)

    @property
    def max_length(self) -> int:
        return int(self._nlp.max_length)

    def extract_many(self, inputs: Sequence[ArticleInput]) -> list[ExtractionResult]:
        """Results in input order. Raises ``ArticleError`` if any text is above the pipeline's limit."""
        for item in inputs:
            self._check_length(item.article.text)
        texts = [pipeline_text(item.article.text) for item in inputs]
        docs = self._nlp.pipe((text.text for text in texts), batch_size=self._batch_size)
        return [self._result(*triple) for triple in zip(inputs, docs, texts, strict=True)]

    def extract_one(self, text_or_bytes: str | bytes, key: str | None = None) -> ExtractionResult:
        """Parse (by key extension or content) and extract one article given as text or raw bytes."""
        if isinstance(text_or_bytes, bytes):
            data = text_or_bytes
            article = parse_article(data, key)
        else:
            data = text_or_bytes.encode("utf-8")
            article = parse_text(text_or_bytes, detect_format(text_or_bytes, key))
            if not article.text.strip():
                raise ArticleError("the article has no text to extract from")
        item = ArticleInput(
            id=article_id(key or content_sha256(data)),
            key=key,
            article=article,
            content_sha256=content_sha256(data),
        )
        return self.extract_many([item])[0]

    def _check_length(self, text: str) -> None:
        if len(text) > self.max_length:
            raise ArticleError(
                f"the article text is {len(text):,} characters, "
                f"above the pipeline's limit of {self.max_length:,}"
            )

    def _result(self, item: ArticleInput, doc: Doc, text: PipelineText) -> ExtractionResult:
        entities = cluster_entities(doc)
        statements = extract_statements(doc, entities)
        if text.origin is not None:  # the pipeline read normalized whitespace: offsets back to the article's
            entities, statements = _in_article(text, item.article.text, entities, statements)
        return ExtractionResult(
            article=item.info(),
            model=self.model,
            entities=entities,
            statements=statements,
            extracted_at=self._clock(),
        )


def _in_article(
    text: PipelineText, article: str, entities: list[Entity], statements: list[Statement]
) -> tuple[list[Entity], list[Statement]]:
    """Entities and statements with every span mapped from the pipeline's text to the article's."""

    def span(value: TextSpan | None) -> TextSpan | None:
        return text.span(value, article) if value is not None else None

    entities = [replace(e, mentions=[text.span(m, article) for m in e.mentions]) for e in entities]
    statements = [
        replace(s, source=span(s.source), cue=span(s.cue), content=span(s.content)) for s in statements
    ]
    return entities, statements
