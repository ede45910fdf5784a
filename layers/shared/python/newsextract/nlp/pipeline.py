"""Loading the spaCy pipeline: the one place that decides which model runs.

``NEWSEXTRACT_MODEL`` names any installed spaCy pipeline (package name such as ``en_core_web_sm``)
or a directory. Unset, the pipeline shipped with newsextract is used: ``/opt/model/en_newsextract``
in Lambda (the model layer), else ``layers/model/en_newsextract`` in a checkout.
The attribution (statements) model is attached on top, whichever core pipeline is chosen;
``NEWSEXTRACT_ATTRIBUTION_MODEL`` overrides its directory (``none`` disables statements).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_ENV = "NEWSEXTRACT_MODEL"
ATTRIBUTION_MODEL_ENV = "NEWSEXTRACT_ATTRIBUTION_MODEL"
CORE_MODEL_DIR = "en_newsextract"
ATTRIBUTION_MODEL_DIR = "attribution"
PIPE_BATCH_SIZE = 8
"""Articles per ``nlp.pipe`` batch. Whole articles make large arrays: spaCy's default of 256 per batch took
1.8 GB and ten times the kernel time for PolNeAR dev's 84 articles, 8 took 0.5 GB."""

_LAYER_ROOT = Path("/opt/model")
_CHECKOUT_ROOT = Path(__file__).resolve().parents[4] / "model"


class ModelNotFoundError(RuntimeError):
    """The configured spaCy pipeline cannot be found or loaded."""


@dataclass(frozen=True)
class PipelineChoice:
    """Which pipelines will be loaded, as reported by ``newsextract info``."""

    core: str
    attribution: Path | None


def _shipped(directory: str) -> Path | None:
    for root in (_LAYER_ROOT, _CHECKOUT_ROOT):
        candidate = root / directory
        if (candidate / "meta.json").is_file():
            return candidate
    return None


def resolve_pipeline(name: str | None = None) -> PipelineChoice:
    """Resolve the core pipeline (argument, then ``NEWSEXTRACT_MODEL``, then shipped) and attribution."""
    core = name or os.environ.get(MODEL_ENV) or None
    if core is None:
        shipped = _shipped(CORE_MODEL_DIR)
        if shipped is None:
            raise ModelNotFoundError(
                f"no spaCy pipeline configured: set {MODEL_ENV} to an installed pipeline or a directory"
            )
        core = str(shipped)
    attribution_env = os.environ.get(ATTRIBUTION_MODEL_ENV)
    if attribution_env is None:
        attribution = _shipped(ATTRIBUTION_MODEL_DIR)
    elif attribution_env.strip().lower() in ("", "none"):
        attribution = None
    else:
        attribution = Path(attribution_env)
    return PipelineChoice(core=core, attribution=attribution)


@cache
def load_pipeline(name: str | None = None) -> Language:
    """Load the core pipeline once per process and attach the attribution component."""
    import spacy

    from newsextract.nlp.attribution import attach_attribution
    from newsextract.nlp.paragraphs import attach_paragraph_breaks
    from newsextract.nlp.titles import PLATFORM_COMPONENT, attach_platform_period, attach_title_abbreviations
    from newsextract.nlp.unparsed import attach_unparsed_support

    choice = resolve_pipeline(name)
    try:
        nlp = spacy.load(choice.core)
    except OSError as error:
        raise ModelNotFoundError(f"cannot load spaCy pipeline {choice.core!r}: {error}") from error
    attach_title_abbreviations(nlp)
    attach_platform_period(nlp)
    attach_paragraph_breaks(nlp)
    attach_unparsed_support(nlp, after=PLATFORM_COMPONENT)  # only without a parser
    if choice.attribution is not None:
        attach_attribution(nlp, choice.attribution)
    return nlp
