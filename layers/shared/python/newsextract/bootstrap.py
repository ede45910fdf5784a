"""Composition root of the extraction side: builds the object graph once per process.

AWS clients are created here, lazily, on first use (after moto is active in tests); the spaCy pipeline
is loaded once. Tests call ``reset()`` between cases.
"""

from __future__ import annotations

from functools import cache

from newsextract.nlp.extractor import Extractor
from newsextract.objects import S3ObjectSource
from newsextract.service import ExtractionService
from newsextract.settings import Settings


@cache
def build_extractor() -> Extractor:
    from newsextract.nlp.pipeline import load_pipeline

    return Extractor(load_pipeline())


@cache
def build_extraction_service() -> ExtractionService:
    import boto3

    from newsextract.store import DynamoDBStore

    settings = Settings.from_env()
    return ExtractionService(
        store=DynamoDBStore(settings.table_name, client=boto3.client("dynamodb")),
        objects=S3ObjectSource(boto3.client("s3")),
        extractor=build_extractor(),
        max_object_bytes=settings.max_object_bytes,
    )


def reset() -> None:
    """Forget built services (not the loaded pipeline), e.g. after the environment changed."""
    build_extraction_service.cache_clear()
