"""newsextract: entities and statements (who said what) from news articles.

Python API::

    import newsextract
    result = newsextract.extract("Text of the article ...", key="story.txt")
    nlp = newsextract.load_pipeline()
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language

try:
    __version__ = version("newsextract")
except PackageNotFoundError:  # the Lambda layer carries the code without package metadata
    __version__ = "0.1.0"

__all__ = ["__version__", "extract", "load_pipeline"]


def load_pipeline(name: str | None = None) -> Language:
    """The spaCy pipeline newsextract uses (``NEWSEXTRACT_MODEL`` or the shipped one), cached per process."""
    from newsextract.nlp.pipeline import load_pipeline as _load

    nlp: Language = _load(name)
    return nlp


def extract(text_or_bytes: str | bytes, key: str | None = None) -> dict[str, Any]:
    """Extract entities and statements from one article; returns the result model as a dict."""
    from newsextract.bootstrap import build_extractor

    result: dict[str, Any] = build_extractor().extract_one(text_or_bytes, key=key).to_dict()
    return result
