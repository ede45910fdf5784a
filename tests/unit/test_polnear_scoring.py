"""PolNeAR reader and scorer on small hand-written brat files (no corpus, no model)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsextract.evaluation.polnear import (
    Counts,
    PolnearReport,
    PredictedAttribution,
    iter_documents,
    normalize,
    parse_ann,
)

TEXT = "Butler said “the two met,” and added they talked. It is well-documented that rain fell."
# offsets:  Butler 0-6, said 7-11, “the two met,” 12-26 (inner 13-24), added 31-36, they talked 37-48,
# "is well-documented" 53-71, "that rain fell" 72-86
ANN = "\n".join(
    [
        "T1\tSource 0 6\tButler",
        "T2\tCue 7 11\tsaid",
        "T3\tContent 12 26\t“the two met,”",
        "T4\tAttribution 7 11\tsaid",
        "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3",
        "T5\tCue 31 36\tadded",
        "T6\tContent 37 41;42 48\tthey talked",
        "T7\tAttribution 31 36\tadded",
        "E2\tAttribution:T7 Source:T1 Cue:T5 Content:T6",
        "T8\tAttribution-no-source 53 71\tis well-documented",
        "T9\tCue 53 71\tis well-documented",
        "T10\tContent 72 86\tthat rain fell",
        "E3\tAttribution-no-source:T8 Cue:T9 Content:T10",
        "T11\tDiscuss 0 11\tButler said",
        "#1\tAnnotatorNotes T1\ta note",
    ]
)


def test_parse_ann_reads_roles_fragments_and_attributions() -> None:
    doc = parse_ann(TEXT, ANN)
    assert doc.spans["source"] == [((0, 6),)]
    assert ((37, 41), (42, 48)) in doc.spans["content"]
    assert len(doc.attributions) == 3
    no_source = doc.attributions[2]
    assert no_source.source is None
    assert TEXT[no_source.cue[0][0] : no_source.cue[0][1]] == "is well-documented"


def test_parse_ann_skips_continuation_lines_of_multiline_span_text() -> None:
    ann = "T1\tSource 0 6\tButler\nsecond line of a span text\nT2\tCue 7 11\tsaid\n"
    doc = parse_ann(TEXT, ann)
    assert doc.spans["cue"] == [((7, 11),)]


def test_normalize_ignores_surrounding_punctuation_and_space() -> None:
    assert normalize(TEXT, 12, 26) == (13, 24)
    assert normalize(" , ", 0, 3) is None


def perfect(report_text: str, ann: str) -> PolnearReport:
    gold = parse_ann(report_text, ann)
    report = PolnearReport(split="t")
    predicted = [
        PredictedAttribution(source=a.source, cue=a.cue, content=a.content) for a in gold.attributions
    ]
    report.add_document(gold, predicted)
    return report


def test_perfect_prediction_scores_one_everywhere() -> None:
    report = perfect(TEXT, ANN)
    for role in ("source", "cue", "content"):
        assert report.exact[role].f1 == pytest.approx(1.0)
        assert report.token[role].f1 == pytest.approx(1.0)
    assert report.attributions.f1 == pytest.approx(1.0)


def test_exact_match_ignores_quote_marks_but_not_words() -> None:
    gold = parse_ann(TEXT, ANN)
    report = PolnearReport(split="t")
    predicted = [
        # content without its quote marks and comma: still exact
        PredictedAttribution(source=((0, 6),), cue=((7, 11),), content=((13, 24),)),
        # content fragments merged into one span: not exact, but token overlap is full
        PredictedAttribution(source=((0, 6),), cue=((31, 36),), content=((37, 48),)),
    ]
    report.add_document(gold, predicted)
    content = report.exact["content"]
    assert (content.tp, content.predicted, content.gold) == (1, 2, 4)
    assert report.token["content"].precision == pytest.approx(1.0)
    assert report.token["content"].recall == pytest.approx(5 / 8)
    # attribution 1 matches; attribution 2 has the wrong content pieces; the third was not predicted
    assert (report.attributions.tp, report.attributions.predicted, report.attributions.gold) == (1, 2, 3)


def test_no_source_attribution_matches_only_without_source() -> None:
    gold = parse_ann(TEXT, ANN)
    with_source = PolnearReport(split="t")
    with_source.add_document(gold, [PredictedAttribution(((0, 6),), ((53, 71),), ((72, 86),))])
    without = PolnearReport(split="t")
    without.add_document(gold, [PredictedAttribution(None, ((53, 71),), ((72, 86),))])
    assert with_source.attributions.tp == 0
    assert without.attributions.tp == 1


def test_report_table_and_dict() -> None:
    report = perfect(TEXT, ANN)
    table = report.format_table()
    assert "attribution" in table and "content" in table
    data = report.to_dict()
    assert data["exact"]["cue"]["f1"] == 1.0
    assert data["attributions"]["gold"] == 3


def test_usable_share_per_confidence_band() -> None:
    gold = parse_ann(TEXT, ANN)
    report = PolnearReport(split="t")
    report.add_document(
        gold,
        [
            PredictedAttribution(
                ((0, 6),), ((7, 11),), ((13, 20),), confidence=0.95
            ),  # half of "the two met"
            PredictedAttribution(((0, 6),), ((31, 36),), ((37, 55),), confidence=0.9),  # "they talked. It is"
            PredictedAttribution(None, ((53, 71),), ((72, 86),), confidence=0.65),
            PredictedAttribution(None, ((72, 76),), ((77, 86),), confidence=0.6),  # not a gold cue
        ],
    )
    assert {band: (c.predicted, c.tp) for band, c in report.by_confidence.items()} == {
        0.9: (2, 1),
        0.6: (2, 1),
    }
    assert report.to_dict()["by_confidence"] == {
        "0.9": {"statements": 2, "usable": 0.5},
        "0.6": {"statements": 2, "usable": 0.5},
    }
    assert "0.9-1.0" in report.format_table() and "0.6-0.7" in report.format_table()


@given(tp=st.integers(0, 50), extra_pred=st.integers(0, 50), extra_gold=st.integers(0, 50))
def test_counts_f1_is_harmonic_mean_and_bounded(tp: int, extra_pred: int, extra_gold: int) -> None:
    counts = Counts(tp=tp, predicted=tp + extra_pred, gold=tp + extra_gold)
    assert 0.0 <= counts.f1 <= 1.0
    if counts.precision + counts.recall:
        expected = 2 * counts.precision * counts.recall / (counts.precision + counts.recall)
        assert counts.f1 == pytest.approx(expected)


def test_iter_documents_picks_one_annotator_deterministically(tmp_path: Path) -> None:
    (tmp_path / "dev" / "text").mkdir(parents=True)
    (tmp_path / "dev" / "attributions").mkdir(parents=True)
    (tmp_path / "dev" / "text" / "a_story.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "dev" / "attributions" / "a_story_ff00.ann").write_text("T1\tCue 7 11\tsaid\n")
    (tmp_path / "dev" / "attributions" / "a_story_0a0b.ann").write_text(ANN)
    docs = list(iter_documents(tmp_path, "dev"))
    assert [(d.name, d.annotator) for d in docs] == [("a_story", "0a0b")]
    assert len(docs[0].attributions) == 3
