"""PolNeAR (Newell, Margolin & Ruths, LREC 2018): reader and attribution scorer.

The corpus is brat standoff: ``<split>/text/<name>.txt`` and ``<split>/attributions/<name>_<annotator>.ann``.
``T`` lines are spans (``Source``, ``Cue``, ``Content``; fragments as ``start end;start end``), ``E`` lines
tie one Cue, Content and (unless ``Attribution-no-source``) Source into an attribution. Articles with
files from several annotators are read from the annotator whose code sorts first.

Scores: per role, exact span match (each fragment is a span; whitespace and punctuation at either end
are ignored) and token overlap (token-level precision/recall); whole attributions match when source,
cue and content all match exactly.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language

    from newsextract.result import Statement, TextSpan

ROLES = ("source", "cue", "content")
_ROLE_OF_LABEL = {"Source": "source", "Cue": "cue", "Content": "content"}
_STRIP = " \t\r\n\u00a0.,;:!?\"'`“”‘’«»()[]{}—–-…"
_SPAN_LINE = re.compile(r"^(?P<id>T\d+)\t(?P<label>\S+) (?P<offsets>\d+ \d+(?:;\d+ \d+)*)\t")
_EVENT_LINE = re.compile(r"^E\d+\t\S")
_TOKEN = re.compile(r"\w+|[^\w\s]")

Fragments = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class GoldAttribution:
    """One annotated attribution; ``source`` is ``None`` for ``Attribution-no-source``."""

    source: Fragments | None
    cue: Fragments
    content: Fragments


@dataclass
class PolnearDocument:
    """One article: its text, every Source/Cue/Content span and the attributions tying them."""

    name: str
    annotator: str
    text: str
    spans: dict[str, list[Fragments]]
    attributions: list[GoldAttribution]


def _parse_fragments(offsets: str) -> Fragments:
    pieces = []
    for piece in offsets.split(";"):
        start, end = piece.split()
        pieces.append((int(start), int(end)))
    return tuple(pieces)


def parse_ann(text: str, ann: str, name: str = "", annotator: str = "") -> PolnearDocument:
    """Parse one brat ``.ann`` file against its article text."""
    spans: dict[str, tuple[str, Fragments]] = {}
    relations: list[dict[str, str]] = []
    for line in ann.splitlines():
        match = _SPAN_LINE.match(line)
        if match:
            spans[match["id"]] = (match["label"], _parse_fragments(match["offsets"]))
        elif _EVENT_LINE.match(line):
            relations.append(dict(arg.split(":", 1) for arg in line.split("\t")[1].split()))
    by_role: dict[str, list[Fragments]] = {role: [] for role in ROLES}
    for label, fragments in spans.values():
        role = _ROLE_OF_LABEL.get(label)
        if role is not None:
            by_role[role].append(fragments)
    attributions = []
    for args in relations:
        if "Cue" not in args or "Content" not in args:
            continue
        source = spans[args["Source"]][1] if "Source" in args and args["Source"] in spans else None
        attributions.append(
            GoldAttribution(source=source, cue=spans[args["Cue"]][1], content=spans[args["Content"]][1])
        )
    return PolnearDocument(
        name=name, annotator=annotator, text=text, spans=by_role, attributions=attributions
    )


def iter_documents(corpus_dir: Path, split: str, limit: int | None = None) -> Iterator[PolnearDocument]:
    """Read ``corpus_dir/split`` in file-name order, one annotator per article (the first code sorted)."""
    base = Path(corpus_dir) / split
    chosen: dict[str, Path] = {}
    for ann_path in sorted((base / "attributions").glob("*.ann")):
        name, _, _annotator = ann_path.stem.rpartition("_")
        chosen.setdefault(name, ann_path)
    for count, (name, ann_path) in enumerate(sorted(chosen.items())):
        if limit is not None and count >= limit:
            return
        text_path = base / "text" / f"{name}.txt"
        with text_path.open(encoding="utf-8", newline="") as handle:
            text = handle.read()
        ann = ann_path.read_text(encoding="utf-8")
        yield parse_ann(text, ann, name=name, annotator=ann_path.stem.rpartition("_")[2])


def normalize(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Trim whitespace and punctuation at both ends; ``None`` when nothing is left."""
    while start < end and text[start] in _STRIP:
        start += 1
    while end > start and text[end - 1] in _STRIP:
        end -= 1
    return (start, end) if start < end else None


CONFIDENCE_BANDS = (0.9, 0.8, 0.7, 0.6, 0.5, 0.0)


def _half_covered(text: str, gold: Fragments | None, predicted: Fragments | None) -> bool:
    """Whether the two contents share at least half of the longer one's tokens."""
    if not gold or not predicted:
        return False
    gold_tokens = _token_positions(text, normalize_fragments(text, gold))
    predicted_tokens = _token_positions(text, normalize_fragments(text, predicted))
    return len(gold_tokens & predicted_tokens) >= 0.5 * max(len(gold_tokens), len(predicted_tokens), 1)


def normalize_fragments(text: str, fragments: Iterable[tuple[int, int]]) -> frozenset[tuple[int, int]]:
    """The trimmed, non-empty fragments of a span."""
    return frozenset(f for f in (normalize(text, s, e) for s, e in fragments) if f is not None)


def _token_positions(text: str, pieces: Iterable[tuple[int, int]]) -> set[int]:
    positions: set[int] = set()
    for start, end in pieces:
        positions.update(m.start() for m in _TOKEN.finditer(text, start, end))
    return positions


@dataclass
class Counts:
    """True positives, predicted and gold counts for one measure."""

    tp: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, tp: int, predicted: int, gold: int) -> None:
        self.tp += tp
        self.predicted += predicted
        self.gold += gold

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "predicted": self.predicted,
            "gold": self.gold,
        }


@dataclass
class PredictedAttribution:
    """A predicted attribution as fragments per role (``None`` source: no source span)."""

    source: Fragments | None
    cue: Fragments | None
    content: Fragments | None
    confidence: float = 1.0

    @classmethod
    def from_statement(cls, statement: Statement) -> PredictedAttribution:
        def pieces(span: TextSpan | None) -> Fragments | None:
            return span.pieces if span is not None else None

        return cls(
            pieces(statement.source), pieces(statement.cue), pieces(statement.content), statement.confidence
        )


@dataclass
class PolnearReport:
    """Scores of one evaluation run."""

    split: str
    documents: int = 0
    words: int = 0
    seconds: float = 0.0
    exact: dict[str, Counts] = field(default_factory=lambda: {role: Counts() for role in ROLES})
    token: dict[str, Counts] = field(default_factory=lambda: {role: Counts() for role in ROLES})
    attributions: Counts = field(default_factory=Counts)
    by_confidence: dict[float, Counts] = field(default_factory=dict)
    """Per confidence band (lower bound): statements (``predicted``) and usable ones (``tp``): the cue is a
    gold cue, and the content and that attribution's content share half of the longer one's tokens."""

    def add_document(self, gold: PolnearDocument, predicted: list[PredictedAttribution]) -> None:
        """Score one article's predicted attributions against its gold annotation."""
        text = gold.text
        self.documents += 1
        for role in ROLES:
            gold_spans: set[tuple[int, int]] = set()
            for fragments in gold.spans[role]:
                gold_spans |= normalize_fragments(text, fragments)
            pred_spans: set[tuple[int, int]] = set()
            for attribution in predicted:
                fragments = getattr(attribution, role)
                if fragments:
                    pred_spans |= normalize_fragments(text, fragments)
            self.exact[role].add(len(gold_spans & pred_spans), len(pred_spans), len(gold_spans))
            gold_tokens = _token_positions(text, gold_spans)
            pred_tokens = _token_positions(text, pred_spans)
            self.token[role].add(len(gold_tokens & pred_tokens), len(pred_tokens), len(gold_tokens))
        by_cue = {normalize_fragments(text, a.cue): a for a in gold.attributions}
        for attribution in predicted:
            band = next(low for low in CONFIDENCE_BANDS if attribution.confidence >= low)
            found = by_cue.get(normalize_fragments(text, attribution.cue or ()))
            usable = found is not None and _half_covered(text, found.content, attribution.content)
            self.by_confidence.setdefault(band, Counts()).add(int(usable), 1, 0)
        gold_keys = {self._key(text, a.source, a.cue, a.content) for a in gold.attributions}
        pred_keys = {self._key(text, a.source, a.cue, a.content) for a in predicted if a.cue and a.content}
        self.attributions.add(len(gold_keys & pred_keys), len(pred_keys), len(gold_keys))

    @staticmethod
    def _key(
        text: str, source: Fragments | None, cue: Fragments | None, content: Fragments | None
    ) -> tuple[frozenset[tuple[int, int]], ...]:
        return (
            normalize_fragments(text, source or ()),
            normalize_fragments(text, cue or ()),
            normalize_fragments(text, content or ()),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "split": self.split,
            "documents": self.documents,
            "words": self.words,
            "seconds": round(self.seconds, 2),
            "exact": {role: self.exact[role].to_dict() for role in ROLES},
            "token": {role: self.token[role].to_dict() for role in ROLES},
            "attributions": self.attributions.to_dict(),
            "by_confidence": {
                f"{band:.1f}": {"statements": c.predicted, "usable": round(c.precision, 4)}
                for band, c in sorted(self.by_confidence.items(), reverse=True)
            },
        }

    def format_table(self) -> str:
        """A plain-text table: P/R/F1 per role, exact and token overlap, and whole attributions."""
        lines = [
            f"PolNeAR {self.split}: {self.documents} documents, {self.words} words, {self.seconds:.1f} s",
            f"{'measure':<10} {'role':<13} {'P':>6} {'R':>6} {'F1':>6} {'pred':>6} {'gold':>6}",
        ]
        rows: list[tuple[str, str, Counts]] = [("exact", role, self.exact[role]) for role in ROLES]
        rows += [("token", role, self.token[role]) for role in ROLES]
        rows.append(("exact", "attribution", self.attributions))
        for measure, role, counts in rows:
            lines.append(
                f"{measure:<10} {role:<13} {counts.precision:6.3f} {counts.recall:6.3f} {counts.f1:6.3f} "
                f"{counts.predicted:6d} {counts.gold:6d}"
            )
        lines.append("confidence  statements  usable (gold cue, content shares half its tokens with gold)")
        for upper, band in zip((1.0, *CONFIDENCE_BANDS), CONFIDENCE_BANDS, strict=False):
            if band in self.by_confidence:
                counts = self.by_confidence[band]
                lines.append(f"{band:.1f}-{upper:.1f}    {counts.predicted:10d}  {counts.precision:6.3f}")
        return "\n".join(lines)


def evaluate_polnear(corpus_dir: Path, split: str, nlp: Language, limit: int | None = None) -> PolnearReport:
    """Run the product's extraction (``Extractor``: the pipeline, entities, statements) over a split and
    score it; ``words`` counts whitespace-separated words."""
    from newsextract.nlp.extractor import ArticleInput, Extractor

    report = PolnearReport(split=split)
    documents = list(iter_documents(corpus_dir, split, limit))
    inputs = [ArticleInput.plain(d.name, d.text, key=d.name) for d in documents]
    started = time.perf_counter()
    for gold, result in zip(documents, Extractor(nlp).extract_many(inputs), strict=True):
        report.words += result.article.word_count
        report.add_document(gold, [PredictedAttribution.from_statement(s) for s in result.statements])
    report.seconds = time.perf_counter() - started
    return report
