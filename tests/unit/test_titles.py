"""Abbreviated titles stay one token with their period."""

from __future__ import annotations

import spacy

from newsextract.nlp.titles import attach_platform_period, attach_title_abbreviations


def test_abbreviated_ranks_keep_their_period_and_other_words_do_not_change() -> None:
    nlp = spacy.blank("en")
    text = "Lt. Cmdr. Adam Price, Sgt. Maj. Ray Cole and Det. Ann Lee met at 5 p.m. in Col. Road."
    before = [t.text for t in nlp(text)]
    assert "Lt" in before and "Cmdr" in before  # what spaCy's English tokenizer does on its own
    attach_title_abbreviations(nlp)
    after = [t.text for t in nlp(text)]
    assert after[:5] == ["Lt.", "Cmdr.", "Adam", "Price", ","]
    assert {"Sgt.", "Maj.", "Det.", "Col."} <= set(after)
    assert [t for t in after if t not in {"Lt.", "Cmdr.", "Sgt.", "Maj.", "Det.", "Col."}] == [
        t for t in before if t not in {"Lt", "Cmdr", "Sgt", "Maj", "Det", "Col", "."}
    ] + ["."]
    assert nlp("COL. JONES")[0].text == "COL."


def test_x_after_on_is_the_platform_and_its_period_ends_the_sentence() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    text = "She apologized on X. She said sorry. Malcolm X. Little and John X. Smith wrote via X."
    assert "X." in [t.text for t in nlp(text)]  # what spaCy's English tokenizer does on its own
    attach_platform_period(nlp)
    attach_platform_period(nlp)  # once only
    assert nlp.pipe_names == ["platform_period", "sentencizer"]
    doc = nlp(text)
    assert [t.text for t in doc][:6] == ["She", "apologized", "on", "X", ".", "She"]
    assert [t.text for t in doc].count("X.") == 2  # the initials stay
    assert [t.text for t in doc][-2:] == ["X", "."]
    assert [s.text for s in doc.sents][:2] == ["She apologized on X.", "She said sorry."]
    assert doc.text == text
