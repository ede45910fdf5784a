"""Statements (who said what) from the attribution spans of a Doc.

The attribution component leaves SOURCE, CUE and CONTENT spans in ``doc.spans["attribution"]``. Here they are
grouped into statements around each cue: the content and source nearest to the cue in the same paragraph win,
with a bonus for syntactic links when the Doc is parsed (subject of the cue verb, clausal complement) and a
penalty for crossing another cue; a source serves one cue, unless the next cue is coordinated ("..., writing
that") or the cue is a participle opening the sentence ("Citing a poll, Trump said"). Rules fill what the
spans miss: "“Quote,” X said." and "Y, according to X." take the text before the comma as content; a speech
verb without content takes its that-clause (past punctuation, its parsed clausal complement), a cue ending in
"on", "for", "of" ... the words after it up to a comma ("[vouched for] [both candidates]"), "according to X"
the rest of its sentence; a cue without source takes its subject (or the named entity just before it; a "say"
verb with no subject in the parse, the bare noun phrase before it: "[Nearly nine out of 10] say"; after
"according to", the words up to the comma). A passive cue with a "by" phrase is spoken by that phrase, not by
its subject ("The plan was announced by the ministry"); when the parse finds no subject, the comma-separated
phrases ending in a name just before the cue are the source ("Vance, 61, testified"; a relative or participle
clause or an adverbial such as "in particular" after the name is skipped, also after a description: "Volkwerk,
the German carmaker, which ..., warned", and "One pilot, who asked not to be named, said" gives the unnamed
person). A subject inside a name is the whole name ("Elise van der [Meer]" misparsed). A circumstance or
adverbial clause before the source is no inverted content ("In an interview, X said", "As he hosted ..., X
said"; but "As a woman, she raised ..., X said" is a sentence), and an unquoted content before its cue loses
an opening conjunction or phrase closed by a comma ("[For instance,] costs rose"), and a source its opening
conjunctions ("[But] Trump"), an opening adverb or prepositional phrase ("[In Washington,]"), "such as", a
closing ", like X" after a name or ", which ..." and a date or time adverb at its end ("federal prosecutors
[in April]", "The West [as of late]"), and runs on through a verbless apposition before its cue, also from
inside a party bracket ("Rep. Jim Clyburn (D-S.C.), the assistant leader, said"); a cue loses a date or the
medium it was said in at its end ("[said] in a phone interview": the medium is reported on its own); a
verbless content loses a trailing date or circumstance ("during the debate Monday night"); a verbless content
before a cue set off by commas goes on after them ("The closures, the office said, are ..."). A role source
takes in the name apposed to it, and a name the role phrase opening its sentence ("The state's campaign
chairman, Phil Lovas", "Its chairman, Lars Holm", also after a closing quote: '"...," Chile's foreign
minister, Valentina Rojas, said'); a dateline is never a source; "Asked whether ..., X said" puts the question
to X; the passive subject of "told" or "asked" is its addressee, that of "reported" or "announced" without a
"by" phrase what was said ("No injuries have been reported": no source), that of "accused" or "blamed" whom it
was said of, and the subject of "seems" or "appears", or the passive subject of a cue with an open complement,
is part
of what seems so ("[Melania] seems [to have vanished]", "[The White House] is expected [to sign it]"); "As she
put it, ..." is a statement even where the model marks none, and a date alone is never a cue; "The statement
said" is the speaker of the statement given before through the same medium. A that-clause never belongs to a
cue after it; one left without cue takes the verb it complements; unquoted prose after the cue's sentence is
not its content. A medium phrase ("in a letter to ...") is cut from a source and from a short content, and a
dateline ("MILLBROOK, Ore. —") from both. Syntax is read through ``newsextract.nlp.syntax``, so UD and
ClearNLP parses give the same statements. Cues and sources inside quote marks are part of the quote. A quote
interrupted by its attribution ("“A,” he said, “B.”") becomes one content with two fragments, as does unquoted
prose ("Lenox thrived, Clarke said, until it failed"), and "X added:" ending its paragraph takes the next one
as a block quote; a quote with no cue of its own that continues the previous speaker becomes a statement of
that speaker (after "“A,” X said, referring to Y." it joins "A", not the participle, and so after a cue in the
speaker's relative clause: "said X, who has backed Y."). Transcript turns ("WALLACE: ...") are direct
statements of the name, and a first line "Pence: Flowers Won't Be at Debate" is a headline statement of the
name. An article that quotes with single marks (‘...’) and has no double ones has them read as quote marks. A
content ends before a conjunction it stops on ("was surging[, and]"); a quotation's statement drops the
unquoted aside after the comma behind its cue ("he said, [laughing]"), and a quote inside a statement reported
within another's content does not make that one mixed. The model's spans are mended first: a source span
running over "said" / "told" ends before it, which is the cue; a quoted content marked past its closing mark
up to the cue leaves the rest as source; "said" / "told" after a closing quote that the model left unmarked is
a cue. A source span that opens its sentence with a clause splits at its last comma into content and source
("A volcano erupted ..., the country's meteorological office said"); a source marked before a clause of its
own gives way to a role and a person's name set off by commas before the cue ("..., the Treasurer, Jim
Chalmers, said"); "told the council the city would ..." takes the clause after the listener, and a content
the model opened with the listener ("warned [councillors that ...]") starts at "that", a that-clause after a
cue that took in its medium is its content ("said in an interview that"), and wins over unquoted prose the
model marked in the sentence before; a cue whose parse gives it a noun subject after the cue before does not
share that cue's source ("X declared ..., but his main rival, Y, said"); with no subject in the parse, a noun
phrase set off by commas after an opening prepositional phrase is the source ("In a statement, the bank's
committee, known as Copom, said"), as is an organisation opening the sentence with its ticker and a set-off
apposition ("Brightwater Energy plc (BWE.L), one of the largest suppliers, said") or capitalised words and an
age ("Rao, 52, later told"); a quoted content the model ran on over its own attribution is split into quote,
source and cue; a verbless
content before an interrupting attribution joins the quote after it ('The judge, she wrote, "weighed ..."'); a
source that starts inside a name takes the whole name ("The Norwegian Transport Workers' [Union]"), and one
ending in "who" runs on to the names set off by commas before the cue ("The two members who voted against it,
Gary Voss and Helen Park, said"), whose "who" no later cue shares; the word before a number at the end of a
cue opens the content ("said [about 250 million euros ...]"); "in a video message to staff" names its listener
where the parse reads "to staff" as an infinitive. A clause the model marked as the source before ", the X
said" is content and X the source ("Poachers killed ..., the Kenya Wildlife Service said"); a model source in
an earlier sentence, past a full stop after a lower-case word, loses to the cue's own parsed subject; a cue
loses "for" before a stretch of time ("[have warned] for months"), which is no addressee either; a name right
after a source's last noun joins it ("Russia's state news agency [TASS]"). The reason a source goes unnamed
("who asked not to be named", "were not authorised to discuss the case") is no statement. Each source then
resolves to a speaker among the article's entities (``newsextract.nlp.speakers``); a statement with no
content, no such speaker and no speech verb is left out. ``confidence`` is a weighted score that tracks
precision on PolNeAR dev, not a probability."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsextract.names import HONORIFICS, POST_NOMINALS, TITLE_ABBREVIATIONS
from newsextract.nlp import syntax
from newsextract.nlp.attribution import (
    CLOSE_QUOTES,
    DOUBLE_APOSTROPHE,
    STRAIGHT_QUOTE,
    quotation_marks,
    quoted_mask,
)
from newsextract.nlp.entities import BUSINESS_DESIGNATORS, DATELINE, PLATFORMS, RANKS, ROLE_NOUNS
from newsextract.nlp.labels import PERSON_LABELS
from newsextract.nlp.speakers import DETERMINERS, PERSON_NOUNS, Speakers, named_later, resolve_speaker
from newsextract.result import Entity, Speaker, Statement, StatementKind, TextSpan

SPANS_KEY = "attribution"
DROP_QUOTED_CUES = True  # a cue or source inside quote marks is part of what is quoted


ADDRESS_CUES = {
    "tell", "told", "tells", "telling", "inform", "informed", "assure", "assured", "brief", "briefed",
    "warn", "warned", "remind", "reminded",
}  # fmt: skip
CUE_LEXICON = {
    "say", "said", "says", "saying", "tell", "told", "tells", "telling", "announce", "announced",
    "announces", "confirm", "confirmed", "confirms", "add", "added", "adds", "write", "wrote", "writes",
    "writing", "according", "report", "reported", "reports", "claim", "claimed", "claims", "state",
    "stated", "explain", "explained", "argue", "argued", "insist", "insisted", "note", "noted", "tweet",
    "tweeted", "warn", "warned", "acknowledge", "acknowledged", "deny", "denied", "suggest", "suggested",
    "believe", "believes", "believed", "think", "thinks", "thought", "ask", "asked", "predict",
    "predicted", "promise", "promised", "declare", "declared", "describe", "described", "call", "called",
}  # fmt: skip
_MEDIUM = re.compile(
    r"\b(?:in|on|at|via|through|during|over)\s+(?:(?:a|an|the|his|her|their|its|a\s+joint|an\s+official)\s+)?"
    r"(?:(?:brief|short|separate|lengthy|detailed|new|earlier|later|latest|recent|weekly|daily|monthly|regular|state|"
    r"national|local|public|regulatory|quarterly|annual|(?:19|20)\d\d|(?-i:[A-Z][a-z]+(?:an|ese|ish|ch|i)))\s+)?"
    r"(?:[0-9a-z]+-[a-z]+\s+)?"  # "post-match", "42-page"
    r"(?:(?-i:[a-z]+)\s+){0,2}?"  # "oil market [report]", "council [meeting]"
    r"(?P<medium>(?:(?:written|televised|radio|TV|television|phone|telephone|press|news|prepared|joint|emailed|fundraising|"
    r"video|Facebook|Twitter|Instagram|LinkedIn|Telegram|TikTok|YouTube|Bluesky|Substack|campaign|closing|"
    r"opening|court|sentencing|legal|internal|research|client|investor|text|direct|voice|WhatsApp|council|"
    r"board|cabinet|staff|shareholder|town\s+hall)\s+)?"
    r"(?:statements?|Twitter|Facebook|Instagram|Telegram|TikTok|YouTube|Threads|Bluesky|LinkedIn|"
    r"Truth\s+Social|Substack|Weibo|WeChat|Reddit|(?-i:X)|tweets?|posts?|interviews?|"
    r"release|conference\s+call|conference|briefing|call|email|e-mail|letter|op-ed|memo|note|filings?|newsletter|video|speech|"
    r"arguments|testimony|ruling|report|analysis|messages?|voicemail|papers|documents|"
    r"remarks|appearance|website|meeting|notification|notice|address|book|memoir|paper|submission|"
    r"television|radio|podcast|blog(?:\s+post)?|social\s+media))\b(?!-)",
    re.IGNORECASE,
)


@dataclass
class _Group:
    """One statement under construction."""

    cue: Span | None
    source: Span | None = None
    contents: list[Span] = field(default_factory=list)
    inherited: _Group | None = None
    verbatim: bool = False  # a transcript turn or block quote: direct speech without quote marks
    nested: list[Span] = field(default_factory=list)  # contents of statements reported inside this one's

    @property
    def start(self) -> int:
        starts = [s.start_char for s in (self.cue, self.source, *self.contents) if s is not None]
        return min(starts)


class _Layout:
    """Per-token paragraph and sentence numbers, and the article's quoted regions."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text
        self.ents = doc.ents  # Doc.ents builds every entity span on each call
        self.parsed = doc.has_annotation("DEP")
        paragraph = 0
        self.paragraph: list[int] = []
        for token in doc:
            self.paragraph.append(paragraph)
            if "\n" in token.text or "\n" in token.whitespace_:
                paragraph += 1
        self.sentence: list[int] = []
        if doc.has_annotation("SENT_START") or self.parsed:
            for number, sent in enumerate(doc.sents):
                self.sentence.extend([number] * len(sent))
        else:
            self.sentence = list(self.paragraph)
        self.quoted = quoted_mask(self.text)
        self.marks = quotation_marks(self.text)  # single quotation marks as double ones, same length
        self.bounds: dict[int, tuple[int, int]] = {}
        for i, number in enumerate(self.sentence):
            start, _ = self.bounds.get(number, (i, i))
            self.bounds[number] = (start, i + 1)

    def sentence_of(self, i: int) -> tuple[int, int]:
        """Token range of the sentence holding token ``i``."""
        return self.bounds[self.sentence[i]]

    def quoted_share(self, start: int, end: int, excluding: Sequence[Span] = ()) -> float:
        """Share of the non-space characters in ``[start, end)``, outside the ``excluding`` spans, that are
        quoted."""
        chars = [i for i in range(start, end) if not self.text[i].isspace()]
        if excluding:
            chars = [i for i in chars if not any(s.start_char <= i < s.end_char for s in excluding)]
        if not chars:
            return 0.0
        return sum(self.quoted[i] for i in chars) / len(chars)


def _closing_mark(layout: _Layout, token: Token) -> bool:
    """A closing quote mark: curly, straight, two apostrophes, or a closing single mark in an article that
    quotes with single marks."""
    return token.text in {STRAIGHT_QUOTE, DOUBLE_APOSTROPHE} or layout.marks[token.idx] in CLOSE_QUOTES


def _gap(a: Span, b: Span) -> int:
    """Tokens between two spans (0 when adjacent or overlapping)."""
    if a.end <= b.start:
        return b.start - a.end
    if b.end <= a.start:
        return a.start - b.end
    return 0


def _between(spans: Sequence[Span], a: Span, b: Span) -> bool:
    low, high = min(a.end, b.end), max(a.start, b.start)
    return any(s.start >= low and s.end <= high for s in spans)


def _linked(child: Span, cue: Span, deps: frozenset[str]) -> bool:
    """Whether the root of ``child`` hangs (directly or via a preposition) on a token of ``cue``."""
    root = child.root
    heads = {t.i for t in cue}
    return (root.head.i in heads and root.dep_ in deps) or syntax.governs(heads, root)


def _marks(cue: Span, source: Span) -> bool:
    """UD "[according to] [the police]": the cue is the preposition of the source."""
    return cue.root.dep_ == "case" and cue.root.head.i == source.root.i


def _subject_of(source: Span, cue: Span) -> bool:
    """The source is the cue's subject, its "by" agent or its "according to" object; not the subject of a
    passive cue that has an agent ("[The plan] was announced by the ministry")."""
    root = source.root
    if root.dep_ in syntax.PASSIVE_SUBJECTS and syntax.passive_agent(root.head) is not None:
        return False
    return _linked(source, cue, _SUBJECT_DEPS) or _marks(cue, source)


_SUBJECT_DEPS = syntax.SUBJECTS | {"pobj", "obl:agent"}
_SHARES_SUBJECT = {"conj", "xcomp", "advcl"}  # a verb whose subject is its head's
_CONTENT_DEPS = syntax.CLAUSAL_COMPLEMENTS | syntax.SUBJECTS | {"dobj", "obj", "advcl", "pobj", "attr"}


def _source_cost(source: Span, cue: Span, layout: _Layout, cues: Sequence[Span]) -> float | None:
    if layout.paragraph[source.start] != layout.paragraph[cue.start]:
        return None
    same_sentence = layout.sentence[source.start] == layout.sentence[cue.start]
    cost = float(_gap(source, cue))
    if source.start >= cue.end and _gap(source, cue) > 2 and cue[-1].lower_ not in {"to", "by"}:
        cost += 20
    if not same_sentence:
        if source.end <= cue.start and _own_subject_after_full_stop(layout, source, cue):
            return None  # "[Nine Republicans joined ...]. Its sponsor, Sen. X, said": the cue's own subject
        cost += 30
    if _between(cues, source, cue):
        cost += 25
    if layout.quoted_share(source.start_char, source.end_char) > 0.5:
        cost += 20
    if layout.parsed and _subject_of(source, cue):
        cost -= 15
    return cost


def _own_subject_after_full_stop(layout: _Layout, source: Span, cue: Span) -> bool:
    """Whether the cue verb has a subject of its own in its sentence, and a full stop after a lower-case word
    (not "Paul D.", "U.S.") ends a sentence between the source and the cue."""
    doc = cue.doc
    start = layout.sentence_of(cue.start)[0]
    stops = [
        i
        for i in range(source.end, start)
        if doc[i].text in {".", "!", "?"} and i > 0 and not doc[i - 1].is_upper and "." not in doc[i - 1].text
    ]
    own = any(child.dep_ in syntax.SUBJECTS and start <= child.i < cue.start for child in cue.root.children)
    return layout.parsed and own and bool(stops)


def _content_cost(content: Span, cue: Span, layout: _Layout, cues: Sequence[Span]) -> float | None:
    first, last = layout.sentence[content.start], layout.sentence[content.end - 1]
    cue_sentence = layout.sentence[cue.start]
    if layout.paragraph[content.start] != layout.paragraph[cue.start] and not (first <= cue_sentence <= last):
        return None
    cost = float(_gap(content, cue))
    if not first - 1 <= cue_sentence <= last + 1:
        cost += 40
    elif not first <= cue_sentence <= last:
        cost += 10
    if content.end <= cue.start and content[0].text == "that":
        return None  # "Dolan posted [that ...]. The operators did not respond": a that-clause follows its cue
    if first > cue_sentence and _prose_after(content, cue, layout):
        return None  # "X said [...]. They spoke on [condition of anonymity]": prose after the cue's sentence
    if _between(cues, content, cue):
        cost += 30
    if layout.parsed and _linked(content, cue, _CONTENT_DEPS):
        cost -= 10
    return cost


def _prose_after(content: Span, cue: Span, layout: _Layout) -> bool:
    """Unquoted text in a later sentence, not a complement ("that ...", "whether ..."), where the cue's
    sentence ends in a full stop and the content's opens with a capital (so no misplaced sentence break)."""
    if layout.quoted_share(content.start_char, content.end_char) >= 0.5 or content[0].lower_ in _COMPLEMENTS:
        return False
    doc = content.doc
    _, cue_end = layout.sentence_of(cue.start)
    start, _ = layout.sentence_of(content.start)
    ends = [t for t in doc[cue.end : cue_end] if not t.is_space]
    opening = next((t for t in doc[start : content.end] if not t.is_space and not t.is_punct), None)
    return bool(ends) and ends[-1].text in {".", "!", "?"} and opening is not None and opening.is_title


_COMPLEMENTS = {"that", "whether", "if", "how", "why", "what", "when", "where", "who"}
_Cost = Callable[[Span, Span, _Layout, Sequence[Span]], float | None]


def _assign(
    items: Iterable[Span], cues: Sequence[Span], cost_of: _Cost, layout: _Layout, limit: float
) -> tuple[dict[int, list[Span]], list[Span]]:
    """Each item goes to its cheapest cue (if under ``limit``); returns per-cue items and the rest."""
    assigned: dict[int, list[Span]] = {}
    orphans: list[Span] = []
    for item in items:
        best: tuple[float, int] | None = None
        for index, cue in enumerate(cues):
            cost = cost_of(item, cue, layout, cues)
            if cost is not None and cost <= limit and (best is None or cost < best[0]):
                best = (cost, index)
        if best is None:
            orphans.append(item)
        else:
            assigned.setdefault(best[1], []).append(item)
    return assigned, orphans


_SAY_VERBS = {
    "say", "said", "says", "tell", "told", "tells", "add", "added", "adds", "announce", "announced",
    "announces", "confirm", "confirmed", "confirms", "write", "wrote", "writes", "writing", "argue",
    "argued", "argues", "claim", "claimed", "claims", "note", "noted", "notes", "insist", "insisted",
    "explain", "explained", "warn", "warned", "state", "stated", "report", "reported", "reports",
    "acknowledge", "acknowledged", "believe", "believes", "believed", "think", "thinks", "thought",
    "predict", "predicted", "promise", "promised", "suggest", "suggested", "assert", "asserted",
    "contend", "contended", "maintain", "maintained", "admit", "admitted", "agree", "agreed",
}  # fmt: skip
_CUT_BEFORE = re.compile(r",\s+(?:according\s+to|as\s+reported\s+by|(?:he|she|they)\s+(?:said|added))\b")
_BEFORE_A_NAME = frozenset(TITLE_ABBREVIATIONS) | HONORIFICS | {"gens", "sens", "reps", "st"}
"""Abbreviations whose period can cut a source in two ("Army Col." + "Dave Butler", "Sens." + ...)."""
_NAMED_ENT_LABELS = {"PERSON", "PER", "ORG", "GPE", "LOC", "NORP", "FAC", "MISC"}


def _words(doc: Doc, start: int, end: int) -> Span | None:
    """``doc[start:end]`` without leading/trailing space, punctuation and quote tokens."""
    while start < end and (doc[start].is_space or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].is_punct) and doc[end - 1].text != "%":
        end -= 1  # "26[%]" stays
    if (
        end < len(doc)
        and doc[end].text == ")"
        and "(" in doc[start:end].text
        and ")" not in doc[start:end].text
    ):
        end += 1  # "Sen. Curtis Rowe (R-Idaho)" keeps its closing bracket
    return doc[start:end] if start < end else None


def _trimmed(doc: Doc, span: Span) -> Span | None:
    """A SOURCE or CUE span without punctuation at its ends ("Mayor Elena Petrov,"); contents keep theirs."""
    if span.label_ == "CONTENT":
        return span
    words = _words(doc, span.start, span.end)
    return Span(doc, words.start, words.end, label=span.label_) if words is not None else None


def _inside_quote(layout: _Layout, span: Span) -> bool:
    return layout.quoted_share(span.start_char, span.end_char) > 0.99


def _word_hyphen(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is a hyphen inside a word, with no space on either side ("Star-Ledger")."""
    return 0 < i < len(doc) and doc[i].text == "-" and not doc[i].whitespace_ and not doc[i - 1].whitespace_


def _merge_split_sources(doc: Doc, spans: list[Span]) -> list[Span]:
    """Join SOURCE pieces cut at an abbreviation point ("Army Col" + ". " + "Dave Butler") or at the hyphen
    of a name ("President Park Geun" + "-" + "hye")."""
    merged: list[Span] = []
    for span in spans:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and span.label_ == previous.label_ == "SOURCE"
            and span.start - previous.end <= 1
            and (
                (
                    previous[-1].text.rstrip(".").lower() in _BEFORE_A_NAME
                    and doc.text[previous.end_char : span.start_char].strip() in {"", "."}  # O(n): last
                )
                or (span.start - previous.end == 1 and _word_hyphen(doc, previous.end))
            )
        ):
            merged[-1] = Span(doc, previous.start, span.end, label="SOURCE")
        else:
            merged.append(span)
    return merged


def _inverted_content(doc: Doc, layout: _Layout, cue: Span, source: Span | None) -> Span | None:
    """``“Quote,” Butler said.`` / ``X, the Pentagon confirmed.``: the content before the comma."""
    block_start = min(cue.start, source.start) if source is not None else cue.start
    if source is not None:
        between = doc[min(source.end, cue.end) : max(source.start, cue.start)]
        if len(between) > 2 and (len(between) > 8 or any(t.is_punct for t in between)):
            return None
    i = block_start - 1
    for _ in range(4):  # a title the source span left out: "Army Col. [Dave Butler]"
        if i >= 0 and (doc[i].is_title or doc[i].text == "."):
            i -= 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    closing = False
    trail = 0
    while i >= 0 and trail < 3 and (doc[i].text == "," or _closing_mark(layout, doc[i])):
        closing = closing or doc[i].text != ","
        i -= 1
        trail += 1
    if trail == 0 or "," not in doc[i + 1 : block_start].text or i < 0:
        return None
    end = i + 1
    if closing and layout.quoted[doc[i].idx]:
        char = doc[i].idx
        while char > 0 and layout.quoted[char - 1]:
            char -= 1
        start = doc.char_span(char, doc[i].idx + len(doc[i]), alignment_mode="expand")
        sentence_start = layout.sentence_of(i)[0]
        first = start.start if start is not None else sentence_start
        k = first - 1
        while k > 0 and (doc[k].is_quote or doc[k].is_space):
            k -= 1  # over the opening mark
        ended = k >= 0 and doc[k].text in {".", "!", "?"}  # a sentence the parser ran on into the quote
        if (
            _words(doc, sentence_start, first) is not None
            and layout.sentence[first] == layout.sentence[i]
            and not ended
        ):
            first = sentence_start
    else:
        first = layout.sentence_of(i)[0]
    content = _words(doc, first, end)
    if content is None or layout.paragraph[content.start] != layout.paragraph[cue.start]:
        return None
    if content[0].pos_ == "ADP" and not _has_verb(content):
        return None  # "[In an interview], Tom Whitaker said": a circumstance, not what was said
    if layout.quoted[content.start_char]:
        return content
    content = _without_opening_adverbial(doc, content)  # "[For instance,] costs rose, Lee said"
    if content[0].pos_ in {"ADP", "SCONJ"} and not _main_clause_after_opener(doc, content):
        return None  # "[As he hosted his cookout], X said": an adverbial clause
    return content


def _main_clause_after_opener(doc: Doc, content: Span) -> bool:
    """Whether a finite verb follows the first comma: "As a woman, [Ms. Malik likely raised ...]" is a
    sentence with an opening phrase, where "As he hosted his cookout" alone is an adverbial clause."""
    commas = [t.i for t in content if t.text == ","]
    return bool(commas) and any(t.tag_ in syntax.FINITE_TAGS for t in doc[commas[0] + 1 : content.end])


def _clause_in_source(doc: Doc, layout: _Layout, source: Span, cue: Span) -> tuple[Span, list[Span]]:
    """``[A volcano erupted ..., the country's meteorological office] said``: a source span that opens its
    sentence with a clause is the content before the comma and the verbless phrase after it."""
    opening = source.start == layout.sentence_of(source.start)[0] or doc[source.start - 1].text in _DASHES
    gap = doc[source.end : cue.start]
    end = source.end
    if (
        1 < len(gap) <= 8
        and gap[0].text == ","
        and not any(t.tag_ in syntax.FINITE_TAGS or t.lower_ in _RELATIVE for t in gap)
    ):  # "[Poachers killed three rhinos ...], the Kenya Wildlife Service (KWS) said": the source left out
        end = cue.start
    if end != cue.start or not opening:
        return source, []
    comma = max((t.i for t in doc[source.start : end] if t.text == ","), default=None)
    if comma is None or comma - source.start < 4:
        return source, []
    head, tail = _words(doc, source.start, comma), _words(doc, comma + 1, end)
    if head is None or tail is None or tail[0].pos_ not in {"DET", "PROPN", "ADJ", "NOUN"}:
        return source, []
    if any(t.tag_ in syntax.FINITE_TAGS or t.lower_ in _RELATIVE for t in tail):
        return source, []
    if not any(t.tag_ in syntax.FINITE_TAGS and t.dep_ not in {"relcl", "acl:relcl"} for t in head):
        return source, []
    return tail, [head]


def _without_opening_adverbial(doc: Doc, content: Span) -> Span:
    """``[And] more than half ...`` / ``[For instance,] calls to ...``: an unquoted content loses a leading
    conjunction and a short opening phrase closed by a comma."""
    start = content.start
    if doc[start].pos_ == "CCONJ" and start + 1 < content.end:
        start += 1
    comma = next((i for i in range(start + 1, min(start + 4, content.end - 1)) if doc[i].text == ","), None)
    opening = doc[start:comma] if comma is not None else doc[start:start]
    prepositional = len(opening) > 0 and opening[0].pos_ == "ADP"  # "For instance,", "In fact,"
    allowed = {"ADV", "ADP", "PRON", "VERB", "ADJ", *(["NOUN"] if prepositional else [])}
    if comma is not None and all(t.pos_ in allowed for t in opening):
        start = comma + 1
    trimmed = _words(doc, start, content.end)
    return trimmed if trimmed is not None else content


# Not "at": "his anger [at the articles]" is what the anger is about.
_CIRCUMSTANCE_WORDS = {"during", "when", "after", "before", "while"}


def _has_verb(tokens: Iterable[Token]) -> bool:
    """Whether any token is a verb or auxiliary (a clause rather than a noun phrase)."""
    return any(t.pos_ in {"VERB", "AUX"} for t in tokens)


def _before_dates(doc: Doc, floor: int, end: int) -> int:
    """Where a run of date and time tokens ending at ``end`` starts, no earlier than ``floor``."""
    while end > floor and doc[end - 1].ent_type_ in {"DATE", "TIME"}:
        end -= 1
    return end


def _without_circumstance(doc: Doc, content: Span) -> Span:
    """``called [her opponent a fraud] during the debate Monday night``: a verbless content loses a trailing
    date and a circumstance opened by "during", "when", "after" ..."""
    if _has_verb(content):
        return content
    end = next((t.i for t in content[1:] if t.lower_ in _CIRCUMSTANCE_WORDS), content.end)
    end = _before_dates(doc, content.start + 1, end)
    while end > content.start + 1 and doc[end - 1].pos_ == "ADP":
        end -= 1
    trimmed = _words(doc, content.start, end) if end < content.end else None
    return trimmed if trimmed is not None else content


def _without_listener(doc: Doc, cue: Span, content: Span) -> Span:
    """``warned [councillors that early closure would cost ...]``: a content that opens right after an
    addressing cue with a short noun phrase and "that" starts at "that" (the noun phrase is the addressee)."""
    if content.start != cue.end or cue[-1].lower_ not in ADDRESS_CUES:
        return content
    for token in content[:5]:
        if token.lower_ == "that" and token.i > content.start:
            return doc[token.i : content.end]
        if token.is_punct or token.pos_ in {"VERB", "AUX", "ADP", "SCONJ"}:
            break
    return content


# A clause after "X said," that goes on with one of these words continues the content before the cue.
_CONTINUATIONS = frozenset(
    {"since", "until", "and", "but", "because", "that", "so", "while", "although", "though"}
)


def _parenthetical_rest(
    doc: Doc, layout: _Layout, cue: Span, subject: Span, marked_after: bool = False
) -> Span | None:
    """``[The closures], the mayor's office said in an email, [are "a painful step"]``: a verbless content
    before a cue set off by commas goes on after the next comma, to the end of the sentence. A clause goes
    on too when the words after the comma continue it (``[Lenox thrived], Clarke said, [until it failed]``)
    or the model marked them as content (``[To see it], she said, [one must go]``), unless they are a quote
    (``[Sales fell], he said, “We ...”``: narration, then the quote) or the clause a circumstance
    (``Asked about it``, ``Speaking to reporters``)."""
    sentence = layout.sentence[cue.start]
    comma = next(
        (i for i in range(cue.end, min(cue.end + 8, len(doc))) if doc[i].text == "," or doc[i].is_sent_start),
        None,
    )
    if comma is None or doc[comma].text != "," or layout.sentence[comma] != sentence:
        return None
    _, end = layout.sentence_of(cue.start)
    rest = _words(doc, comma + 1, end)
    if rest is None or not _has_verb(rest):
        return None
    if _has_verb(subject) and rest[0].lower_ not in _CONTINUATIONS:
        circumstance = subject[0].tag_ in {"VBN", "VBG"} or "asked" in {t.lower_ for t in subject[:2]}
        quote = layout.quoted_share(doc[comma + 1].idx, doc[min(comma + 4, len(doc) - 1)].idx) > 0.5
        if not marked_after or circumstance or quote:
            return None
    return rest


def _that_clause(doc: Doc, layout: _Layout, cue: Span) -> Span | None:
    """``Butler told reporters that ...``: the that-clause after a speech verb, to the sentence end. Past
    punctuation, the parse finds it ("told ABC's “Good Morning America” [that he agrees ...]")."""
    if not any(t.lower_ in _SAY_VERBS for t in cue):  # also "[said in an interview] that ..."
        return None
    _, sentence_end = layout.sentence_of(cue.start)
    start = _that_after(doc, cue, sentence_end)
    if start is None:
        start = _clausal_complement_start(doc, cue, sentence_end)
    clause = _words(doc, start, sentence_end) if start is not None else None
    if clause is None or len(clause) < 3:
        return None
    cut = _CUT_BEFORE.search(layout.text, clause.start_char, clause.end_char)
    if cut is not None:
        clause = doc.char_span(clause.start_char, cut.start(), alignment_mode="contract")
    return clause


def _that_after(doc: Doc, cue: Span, sentence_end: int) -> int | None:
    for i in range(cue.end, min(cue.end + 8, sentence_end)):
        token = doc[i]
        if token.lower_ == "that":
            return i
        if token.is_punct or token.lower_ in _SAY_VERBS:
            return None
    return None


def _clausal_complement_start(doc: Doc, cue: Span, sentence_end: int) -> int | None:
    """Where the cue verb's clausal complement starts, when no listener can be mistaken for its subject."""
    if not doc.has_annotation("DEP"):
        return None
    for child in cue.root.rights:
        start = child.left_edge.i
        if child.dep_ == "ccomp" and cue.end <= start and child.i < sentence_end:
            opener = doc[start].tag_ in {"IN", "WDT", "WP", "WRB"}  # that, whether, what, where
            right_after = start == cue.end and cue[-1].lower_ not in ADDRESS_CUES  # "say [they support it]"
            return start if opener or right_after or any(t.is_punct for t in doc[cue.end : start]) else None
    return None


def _clause_after_addressee(doc: Doc, layout: _Layout, cue: Span) -> Span | None:
    """``told the council [the city would use ...]``: the clause after an addressed listener without
    "that", from the subject nearest its finite verb (the parse may make the listener a subject too)."""
    if cue[-1].lower_ not in ADDRESS_CUES or not doc.has_annotation("DEP"):
        return None
    _, sentence_end = layout.sentence_of(cue.start)
    for i in range(cue.end + 1, min(cue.end + 10, sentence_end)):
        token = doc[i]
        if (token.is_punct and not _word_hyphen(doc, i)) or token.lower_ == "that":  # "Star-Ledger"
            return None
        if token.tag_ not in syntax.FINITE_TAGS:
            continue
        auxiliary = token.dep_.startswith("aux") or token.dep_ == "cop"  # "[the plan] was dead"
        verb = token.head if auxiliary else token
        subjects = [c for c in verb.children if c.dep_ in syntax.SUBJECTS and cue.end < c.i < token.i]
        if not subjects:
            return None
        start = subjects[-1].left_edge.i
        return _words(doc, start, sentence_end) if start > cue.end else None
    return None


def _quote_after_colon(doc: Doc, layout: _Layout, cue: Span) -> Span | None:
    """``Butler said: “...”`` (the quote may open the next paragraph): the quote after the colon; a colon
    that ends its paragraph before an unquoted one introduces that paragraph (a block quote)."""
    if cue.end >= len(doc) or doc[cue.end].text != ":":
        return None
    i = cue.end + 1
    while i < len(doc) and doc[i].is_space:
        i += 1
    if i >= len(doc) or layout.paragraph[i] - layout.paragraph[cue.start] > 1:
        return None
    start = doc[i].idx
    while start < len(layout.text) and not layout.quoted[start] and layout.text[start] in "\"“'‘":
        start += 1
    if start == doc[i].idx and not layout.quoted[start] and doc[i].text[0].isalnum():
        # "Limbaugh added:" / "And from a supposed front-runner, ...": a block quote (not markup: "<tweet")
        return _block_quote(doc, layout, i) if layout.paragraph[i] != layout.paragraph[cue.start] else None
    if start >= len(layout.text) or not layout.quoted[start] or start == doc[i].idx:
        return None
    end = start
    while end < len(layout.text) and layout.quoted[end]:
        end += 1
    quote = doc.char_span(start, end, alignment_mode="contract")
    return _words(doc, quote.start, quote.end) if quote is not None else None


def _block_quote(doc: Doc, layout: _Layout, start: int) -> Span | None:
    """The paragraph that starts at token ``start``."""
    end = start
    while end < len(doc) and layout.paragraph[end] == layout.paragraph[start]:
        end += 1
    return _words(doc, start, end)


def _is_according_to(cue: Span) -> bool:
    return " ".join(cue.text.lower().split()) == "according to"


def _according_to_source(doc: Doc, layout: _Layout, cue: Span) -> Span | None:
    """``according to the port authority,``: the words after the cue up to a comma or the sentence end."""
    _, end = layout.sentence_of(cue.start)
    stop = next((t.i for t in doc[cue.end : end] if t.text == "," or t.is_space), end)
    source = _words(doc, cue.end, stop)
    return source if source is not None and len(source) <= 8 else None


_RELATIVE = {"who", "which", "whose", "whom"}


def _according_to_clause(doc: Doc, layout: _Layout, cue: Span, source: Span | None) -> Span | None:
    """``According to X, <clause>.`` / ``<clause>, according to X.``: the rest of the sentence."""
    if not _is_according_to(cue):
        return None
    start, end = layout.sentence_of(cue.start)
    before = _words(doc, start, cue.start)
    if before is not None:
        after_source = _words(doc, source.end if source is not None else cue.end, end)
        return before if after_source is None and len(before) >= 3 else None
    if source is not None and source.start >= cue.end:
        clause_start = source.end
        if (
            clause_start + 1 < end
            and doc[clause_start].text == ","
            and doc[clause_start + 1].lower_ in _RELATIVE
        ):
            comma = next((t.i for t in doc[clause_start + 1 : end] if t.text == ","), None)
            clause_start = comma + 1 if comma is not None else clause_start  # "X, who studied it, ..."
    else:
        comma = next((t.i for t in doc[cue.end : min(cue.end + 12, end)] if t.text == ","), None)
        if comma is None:
            return None
        clause_start = comma + 1
    clause = _words(doc, clause_start, end)
    return clause if clause is not None and len(clause) >= 3 else None


def _subject(doc: Doc, layout: _Layout, cue: Span, taken: Sequence[Span]) -> Span | None:
    """The cue verb's subject (parsed; up the conj/xcomp/advcl chain), else a named entity just before it."""
    if layout.parsed:
        verb = cue.root
        for _ in range(3):
            agent = syntax.passive_agent(verb)
            if agent is not None:  # "was confirmed by Ryder"
                phrase = _phrase(doc, agent)
                if phrase is not None and not any(s.start <= agent.i < s.end for s in taken):
                    return phrase
            mislabelled = (  # "the 52-year-old told", a "passive" subject
                syntax.mislabelled_active_subject(verb) if verb.lower_ in ADDRESS_CUES else None
            )
            for child in verb.children:
                if child.like_num and child.i > 1 and doc[child.i - 2].text in {"No", "Nos"}:
                    continue  # "Brandauer, the world No. [2], said": a ranking is no speaker
                real_subject = child.dep_ == "nsubj" or child == mislabelled
                if real_subject and child.i < cue.start:  # a passive subject is what was said
                    left = min(t.i for t in child.subtree)
                    while left > 0 and doc[left].ent_iob_ == "I":
                        left -= 1  # "Elise van der [Meer]" misparsed: the subject's whole name
                    right = min(max(t.i for t in child.subtree) + 1, cue.start)
                    span = _words(doc, left, right)
                    if span is None or _is_dateline(layout, span):  # "[MANILA] — The Philippines signed"
                        continue
                    fronted = _fronted_name_with_apposition(doc, layout, cue) if span.start > 0 else None
                    if fronted is not None and fronted.start < span.start and span.end <= fronted.end:
                        span = fronted  # "[Olamide Fashola, a mining analyst at ... Ridgeline Africa] argued"
                    if not any(s.start <= child.i < s.end for s in taken):
                        return span
            if verb.dep_ not in _SHARES_SUBJECT or verb.head.i == verb.i:
                break
            adjacent = _person_right_before(doc, layout, cue, taken) if verb == cue.root else None
            if adjacent is not None:  # "..., finance chief [Sanne Oudkerk] told", "told" a conjunct of "use"
                return adjacent
            verb = verb.head  # "Trump has used the phrase and [criticized]": the subject of "used"
        named = _fronted_name(doc, layout, cue)
        if named is None and (cue[-1].lower_ in CUE_LEXICON or cue[0].lower_ in CUE_LEXICON):  # a misparse
            # left the speech verb without subject (also "acknowledged [in parliament]", the model's cue)
            person = _name_before(doc, layout, cue)
            named = person if person is not None and person.label_ in PERSON_LABELS else None
        return (
            named
            or _opening_noun_phrase(doc, layout, cue)
            or _noun_root_subject(doc, layout, cue)
            or _set_off_noun_phrase(doc, layout, cue)
            or _fronted_name_with_apposition(doc, layout, cue)
            or _aged_name_opening(doc, layout, cue)
        )
    return _name_before(doc, layout, cue)


def _person_right_before(doc: Doc, layout: _Layout, cue: Span, taken: Sequence[Span]) -> Span | None:
    """The name ``_name_before`` finds, when it is a person's ending right before the cue word and no other
    statement's source."""
    name = _name_before(doc, layout, cue)
    if name is None or name.end != cue.start or name.label_ not in PERSON_LABELS:
        return None
    return None if any(s.start < name.end and name.start < s.end for s in taken) else name


def _noun_root_subject(doc: Doc, layout: _Layout, cue: Span) -> Span | None:
    """``[Surety companies that had insured the obligations] agreed to``: the parse made the sentence a noun
    phrase and hung the finite cue verb inside it; the words from the sentence start to the cue, when the
    sentence's root is a noun before the cue. The sentence may have been broken inside the phrase."""
    if not any(t.tag_ in {"VBD", "VBZ", "VBP", "VBN"} for t in cue):
        return None
    start, end = layout.sentence_of(cue.start)
    start = _unbroken_sentence_start(doc, layout, start)
    root = next((t for t in doc[start:end] if t.head.i == t.i), None)
    if root is None or root.i >= cue.start or root.pos_ not in {"NOUN", "PROPN"}:
        return None
    phrase = _words(doc, start, cue.start)
    if phrase is None:
        return None
    apposed = _with_apposition(doc, phrase, cue)
    if apposed is not None:
        return apposed
    if len(phrase) > 12 or phrase[-1].pos_ not in {"NOUN", "PROPN"} or not _noun_phrase_opening(phrase):
        return None
    if any(t.is_punct and t.text != "'" for t in phrase):
        return None
    relative = next((t.i for t in phrase if t.lower_ in _RELATIVE_PRONOUNS), phrase.end)
    # a verb only in a relative clause: "companies that had insured"
    return None if _has_verb(doc[phrase.start : relative]) else phrase


def _noun_phrase_opening(phrase: Span) -> bool:
    return phrase[0].pos_ not in {"ADP", "SCONJ", "CCONJ", "ADV"}


def _with_apposition(doc: Doc, phrase: Span, cue: Span) -> Span | None:
    """``[United States Citizenship and Immigration Services, the agency that oversees it,] said``: a verbless
    noun phrase and one apposition (opening with a determiner, pronoun or relative pronoun) set off by
    commas, up to the comma before the cue."""
    if doc[cue.start - 1].text != ",":
        return None
    commas = [t.i for t in doc[phrase.start : cue.start - 1] if t.text == ","]
    if len(commas) != 1:
        return None
    head, apposition = _words(doc, phrase.start, commas[0]), doc[commas[0] + 1 : cue.start - 1]
    if head is None or not apposition or len(head) > 12 or _has_verb(head):
        return None
    if head[-1].pos_ not in {"NOUN", "PROPN"} or not _noun_phrase_opening(head):
        return None
    first = apposition[0]
    if first.pos_ not in {"DET", "PRON"} and first.lower_ not in _RELATIVE_PRONOUNS:
        return None
    return _words(doc, phrase.start, cue.start - 1)


def _unbroken_sentence_start(doc: Doc, layout: _Layout, start: int) -> int:
    """The start of the sentence beginning at token ``start``, moved back past sentence breaks the parser put
    inside a phrase (no full stop, question mark, colon or quote mark before them) in the same paragraph."""
    while (
        start > 0
        and layout.paragraph[start - 1] == layout.paragraph[start]
        and doc[start - 1].text not in _SENTENCE_ENDS
        and not doc[start - 1].is_space
    ):
        start, _ = layout.sentence_of(start - 1)
    return start


def _name_before(doc: Doc, layout: _Layout, cue: Span) -> Span | None:
    """The named entity at most four words before the cue in its sentence (or across a break the parser put
    inside it: "Ms. von der Leyen | told"), nothing but words between."""
    sentence_start = _unbroken_sentence_start(doc, layout, layout.sentence_of(cue.start)[0])
    for ent in reversed(layout.ents):
        if ent.end > cue.start or ent.start < sentence_start or ent.label_ not in _NAMED_ENT_LABELS:
            continue
        between = doc[ent.end : cue.start]
        if len(between) <= 4 and not any(t.is_punct for t in between):
            return ent
        return None
    return None


def _agent_instead(doc: Doc, cue: Span, source: Span) -> Span | None:
    """``[The plan] was announced by the ministry``: the passive subject is what was said, the "by" phrase
    the source. ``[Residents] were told to boil water``: the passive subject of an address verb is its
    addressee, and without a "by" phrase there is no source."""
    root = source.root
    if root.dep_ not in syntax.PASSIVE_SUBJECTS or root.head.i not in {t.i for t in cue}:
        return source
    if root.head.lower_ in ADDRESS_CUES and syntax.mislabelled_active_subject(root.head) == root:
        return source  # "the 52-year-old told WHTV-8", parsed as a passive without an auxiliary
    agent = syntax.passive_agent(root.head)
    phrase = _phrase(doc, agent) if agent is not None else None
    if phrase is None and (root.head.lower_ in ADDRESS_CUES or root.head.lower_ in _REPORTED):
        return None  # "[No injuries] have been reported": what was said, and no one said it
    return phrase if phrase is not None else source


_REPORTED = {
    "reported", "announced", "confirmed", "disclosed", "revealed", "expected", "accused", "blamed", "dubbed",
    "criticized", "criticised", "described", "labeled", "labelled", "praised", "condemned", "asked",
}  # fmt: skip
"""Passive cues whose subject is what was said ("[No injuries] have been reported"), whom it was said of
("[Mr. Quiros] was accused of"; PolNeAR dev source precision 0.837 -> 0.839) or who was asked ("[Trump] was
asked about ...": PolNeAR train + dev give such a cue no source 21 times of 21; the subject is the addressee),
unlike an experiencer's ("Protesters were frustrated") or a quoted speaker's ("She was quoted as saying")."""


def _phrase(doc: Doc, head: Token) -> Span | None:
    """The words of ``head``'s subtree without its own preposition and without a date or time hanging on
    it ("by [the ministry] on Monday")."""
    left = min((t.left_edge.i for t in head.lefts if t.dep_ != "case"), default=head.i)
    right = head.i + 1
    for child in head.rights:
        if any(t.ent_type_ in {"DATE", "TIME"} for t in child.subtree):
            break
        right = child.right_edge.i + 1
    return _words(doc, left, right)


def _governing_verb(doc: Doc, layout: _Layout, content: Span, spans: Sequence[Span]) -> Span | None:
    """``Dolan later posted on X [that the union ...]`` with no cue found: the verb whose clausal complement
    the that-clause is, as its cue (parsed Docs only)."""
    if not layout.parsed:
        return None
    root = content.root
    verb = root.head
    if content[0].text != "that" or root.dep_ != "ccomp" or verb.i >= content.start or verb.pos_ != "VERB":
        return None
    if any(s.start <= verb.i < s.end for s in spans):
        return None
    return doc[verb.i : verb.i + 1]


_SENTENCE_ENDS = {".", "!", "?", ":", ";", *CLOSE_QUOTES, STRAIGHT_QUOTE, DOUBLE_APOSTROPHE}


_FRONTED_LABELS = frozenset({"ORG", "NORP", "GPE", "PERSON", "PER"})


def _fronted_name(doc: Doc, layout: _Layout, cue: Span) -> Span | None:
    """``A WHO adviser, James Mensah, cautioned`` / ``In an op-ed ..., Vance's former deputy, Lisa Moreno,
    wrote`` / ``Vance, 61, testified``: the comma-separated phrases just before the cue, ending in a name (an
    age after it is skipped), with the role phrase before the name, when they hold no verb (the parse missed
    the subject)."""
    sentence_start, _ = layout.sentence_of(cue.start)
    comma = cue.start - 1
    if sentence_start >= comma > 0 and layout.paragraph[comma - 1] == layout.paragraph[cue.start]:
        sentence_start, _ = layout.sentence_of(comma - 1)  # the parser ended a sentence at "Name[,] told"
    if sentence_start < comma:  # "Ming-Chi Kuo, an analyst at TF | International Securities ..."
        sentence_start = _unbroken_sentence_start(doc, layout, sentence_start)
    if comma <= sentence_start or doc[comma].text != ",":
        return None
    pieces: list[tuple[int, int]] = []
    end = comma
    for i in range(comma - 1, sentence_start - 1, -1):
        if doc[i].text == ",":
            pieces.append((i + 1, end))
            end = i
    pieces.append((sentence_start, end))
    while len(pieces) > 1 and (
        all(t.like_num for t in doc[pieces[0][0] : pieces[0][1]])
        or doc[pieces[0][0]].lower_ in _RELATIVE
        or doc[pieces[0][0]].tag_ == "VBG"
        or _adverbial(doc[pieces[0][0] : pieces[0][1]])
    ):  # "Vance, [61],", "Nakamura, [who flew to Manila],", "Cho, [speaking from ...],", "[in particular]"
        pieces = pieces[1:]

    def ends_in_name(piece: tuple[int, int]) -> bool:
        end = piece[1]
        if doc[end - 1].text == ")":  # "Harry Reid (D-Nev.)"
            end = next((i for i in range(end - 1, piece[0] - 1, -1) if doc[i].text == "("), end)
        if end - piece[0] > 2 and doc[end - 2].text == "-" and doc[end - 1].is_lower:
            end -= 2  # "[Han Tae]-joon": a given name's second syllable the NER left out
        return any(ent.end == end and ent.label_ in _NAMED_ENT_LABELS for ent in layout.ents)

    first_piece = doc[pieces[0][0] : pieces[0][1]]
    one_of = 0 < len(first_piece) <= 4 and first_piece[0].lower_ in {"a", "an", "one", "another"}
    if one_of and first_piece[-1].lower_ in PERSON_NOUNS:
        return _words(doc, *pieces[0])  # "One pilot, who asked not to be named, said": an unnamed person
    described_by = doc[pieces[0][0]].lower_ in {"a", "an", "the"} or doc[pieces[0][0]].lower_ in ROLE_NOUNS
    if len(pieces) > 1 and described_by and not ends_in_name(pieces[0]):  # "Herren, [chief of ...],"
        aged = len(pieces) > 2 and all(t.like_num for t in doc[pieces[1][0] : pieces[1][1]])
        name = pieces[2] if aged else pieces[1]  # "Trần Thị Mai, 29, a seamstress who worked ...,"
        described = _words(doc, name[0], pieces[0][1])  # "Volkwerk, the German carmaker, [which ...],"
        relative = next((t.i for t in doc[pieces[0][0] : pieces[0][1]] if t.lower_ in _RELATIVE), None)
        description = doc[name[0] : relative if relative is not None else pieces[0][1]]
        verbless = described is not None and not _has_verb(description)
        return described if verbless and ends_in_name(name) and name[1] - name[0] <= 4 else None
    named_end = pieces[0][1]
    if not ends_in_name(pieces[0]):
        return None
    start = pieces[0][0]
    if len(pieces) > 1 and pieces[1][1] - pieces[1][0] <= 6:
        start = pieces[1][0]  # the role phrase before the name
    if named_end - start > 12 or _has_verb(doc[start:named_end]):
        start = pieces[0][0]
    if _has_verb(doc[start:named_end]):
        return None
    return _words(doc, start, named_end)


def _named_before_cue(doc: Doc, layout: _Layout, source: Span, cue: Span) -> Span:
    """``[The inquiry] will report by June, [the Treasurer, Jim Chalmers,] said``: a source marked before a
    clause of its own gives way to the phrase ending in a name set off by commas just before the cue."""
    gap = doc[source.end : cue.start]
    if not gap or gap[-1].text != "," or not any(t.tag_ in syntax.FINITE_TAGS for t in gap):
        return source
    named = _fronted_name(doc, layout, cue)
    if named is None or named.start <= source.end or named[0].lower_ not in DETERMINERS:
        return source
    person = any(t.ent_type_ in PERSON_LABELS for t in named[-2:]) and "," in named.text
    return named if person else source  # a role and a person's name, not "... in [Oklahoma]"


def _opening_noun_phrase(doc: Doc, layout: _Layout, cue: Span) -> Span | None:
    """``[The Tax Policy Center] estimates that``, ``[Data from the 2014 survey] show``: with no subject in
    the parse (a cue mistagged as a noun), the verbless phrase from the sentence start to the cue, ending in
    a noun, of at most ten words."""
    verb_form = cue[0].lower_ in CUE_LEXICON or cue[0].lower_.endswith("s")
    if cue[0].pos_ not in {"NOUN", "PROPN"} or not verb_form:
        return None  # only a verb the tagger took for a noun ("estimates", "shows"), not "goal"
    start = _sentence_opening(doc, layout, cue, past_punctuation=True)
    phrase = doc[start : cue.start]
    if not 0 < len(phrase) <= 10 or phrase[-1].pos_ not in {"NOUN", "PROPN"}:
        return None
    if any(t.pos_ in {"VERB", "AUX", "PRON", "SCONJ"} or t.is_punct for t in phrase):
        return None
    return _words(doc, start, cue.start)


def _sentence_opening(doc: Doc, layout: _Layout, cue: Span, *, past_punctuation: bool = False) -> int:
    """The first token of the cue's sentence that is no whitespace (nor punctuation, if asked), past breaks
    the parser put inside a phrase ("Olamide Fashola, a mining analyst at Lagos-based consultancy | Ridgeline
    Africa, argued")."""
    start = _unbroken_sentence_start(doc, layout, layout.sentence_of(cue.start)[0])
    while start < cue.start and (doc[start].is_space or (past_punctuation and doc[start].is_punct)):
        start += 1
    return start


def _aged_name_opening(doc: Doc, layout: _Layout, cue: Span) -> Span | None:
    """``[Rao], 52, later told analysts``: with no subject in the parse, capitalised words opening the
    sentence, then an age set off by commas and at most one adverb before a speech verb, are the source,
    whether or not the NER tagged them."""
    if cue[-1].lower_ not in CUE_LEXICON:
        return None
    start = _sentence_opening(doc, layout, cue)
    end = start
    while end < cue.start and end - start < 3 and doc[end].is_title:
        end += 1
    gap = [t.text for t in doc[end : cue.start]]
    aged = len(gap) in {3, 4} and gap[0] == "," and doc[end + 1].like_num and gap[2] == ","
    if end == start or not aged or (len(gap) == 4 and doc[end + 3].pos_ != "ADV"):
        return None
    return _words(doc, start, end)


def _fronted_name_with_apposition(doc: Doc, layout: _Layout, cue: Span) -> Span | None:
    """``[Brightwater Energy plc (BWE.L), one of the largest suppliers,] said``, ``[Brandauer, the world No.
    2,] said``: with no subject in the parse, a name opening the sentence, with its bracket and an
    apposition set off by commas (no verb in it) up to a speech verb, is the source."""
    if cue[-1].lower_ not in CUE_LEXICON:
        return None
    start = _sentence_opening(doc, layout, cue)
    dateline = DATELINE.match(layout.text, doc[start].idx)
    while dateline is not None and start < cue.start and doc[start].idx < dateline.end():
        start += 1  # "SAN JOSE, Calif. (Bayline News) — [Nimbral Systems, the cloud-storage company,] said"
    while start < cue.start and (doc[start].is_space or doc[start].lower_ == "the"):
        start += 1
    name = next((e for e in doc.ents if e.start == start and e.label_ in _FRONTED_LABELS), None)
    if name is None:
        return None
    i = name.end
    while i < cue.start and doc[i].lower_.rstrip(".") in BUSINESS_DESIGNATORS:
        i += 1  # "[Brightwater Energy] plc"
    if i < cue.start and doc[i].text == "(":
        i = next((k + 1 for k in range(i, min(i + 6, cue.start)) if doc[k].text == ")"), i)
    rest = doc[i : cue.start]
    set_off = len(rest) > 1 and rest[0].text == "," and rest[-1].text == ","
    if (rest and not set_off) or any(t.pos_ in {"VERB", "AUX"} and doc[t.i - 1].text != "-" for t in rest):
        return None  # a verb, but not "Lagos-[based]"
    return _words(doc, start, cue.start)


def _set_off_noun_phrase(doc: Doc, layout: _Layout, cue: Span) -> Span | None:
    """``In a statement after the meeting, [the bank's monetary policy committee, known as Copom,] said``:
    with no subject in the parse, the noun phrase set off by commas just before a speech verb, opening with
    a determiner after an opening prepositional phrase, with its appositions ("known as X", "the ...")."""
    if cue[-1].lower_ not in CUE_LEXICON or cue.start < 2 or doc[cue.start - 1].text != ",":
        return None
    start, _ = layout.sentence_of(cue.start)
    commas = [i for i in range(start, cue.start - 1) if doc[i].text == ","]
    pieces = list(zip([start - 1, *commas], [*commas, cue.start - 1], strict=True))
    if len(pieces) < 2 or doc[start].pos_ != "ADP":
        return None
    for k in range(1, len(pieces)):
        first, last = pieces[k][0] + 1, pieces[-1][1]
        words = doc[first:last]
        head = doc[first : pieces[k][1]]
        appositions = [doc[a + 1 : b] for a, b in pieces[k + 1 :]]
        if (
            len(head) > 1
            and head[0].lower_ in DETERMINERS
            and head[-1].pos_ in {"NOUN", "PROPN"}
            and not any(t.pos_ in {"VERB", "AUX", "PRON", "SCONJ"} for t in head)
            and all(
                len(a) > 0
                and (a[0].lower_ in DETERMINERS or a.text.lower().startswith(("known as", "also known as")))
                for a in appositions
            )
            and len(words) <= 15
        ):
            return _words(doc, first, last)
    return None


def _inverted_source(doc: Doc, layout: _Layout, cue: Span) -> Span | None:
    """``..., said [one GOP source in the room].`` / ``..., noted [NBC's Dante Chinni].``: after a comma or
    a closing quote, a speech verb followed by a verbless noun phrase that ends its sentence has that phrase
    as source (PolNeAR dev: source 0.768 -> 0.769; also before a comma and for any cue: 0.767)."""
    if cue.start == 0 or not (
        doc[cue.start - 1].text == "," or layout.marks[doc[cue.start - 1].idx] in CLOSE_QUOTES
    ):
        return None
    _, sentence_end = layout.sentence_of(cue.start)
    end = cue.end
    while end < sentence_end and not doc[end].is_punct and end - cue.end < 10:
        end += 1
    phrase = doc[cue.end : end]
    if not phrase or cue[-1].lower_ not in CUE_LEXICON or (end < sentence_end and doc[end].text != "."):
        return None
    if phrase[-1].pos_ not in {"NOUN", "PROPN"} or any(t.pos_ in {"VERB", "AUX", "SCONJ"} for t in phrase):
        return None
    return _words(doc, cue.end, end)


def _inverted_person(doc: Doc, cue: Span) -> Span | None:
    """``Cattle producers are not the villains of this story, argued [Otávio Brandt], president of ...``: a
    speech verb after a comma, followed by a person's name and a comma or full stop, has that person as
    source."""
    if cue.start < 2 or doc[cue.start - 1].text != "," or cue[-1].lower_ not in CUE_LEXICON:
        return None
    name = next((e for e in doc.ents if e.start == cue.end and e.label_ in PERSON_LABELS), None)
    if name is None or name.end >= len(doc) or doc[name.end].text not in {",", "."}:
        return None
    return name


def _clause_before_comma(doc: Doc, layout: _Layout, cue: Span) -> list[Span]:
    """The unquoted clause from the sentence start to the comma before an inverted cue, when it has a verb."""
    start = _sentence_opening(doc, layout, cue, past_punctuation=True)
    clause = doc[start : cue.start - 1]
    if not clause or layout.quoted[clause[0].idx] or not _has_verb(clause):
        return []
    return [clause]


def _adverbial(piece: Span) -> bool:
    """``in particular``, ``however``, ``for example``: a short comma-separated phrase, no name or verb."""
    if not 0 < len(piece) <= 3 or piece[0].pos_ not in {"ADV", "ADP"}:
        return False
    return not any(t.pos_ in {"PROPN", "VERB", "AUX", "PRON"} for t in piece)


_QUESTION_WORDS = {"whether", "if", "about", "what", "how", "why", "when", "who", "where"}


def _asked_of(doc: Doc, source: Span, cue: Span) -> bool:
    """``X, asked whether ...`` / ``Asked whether ..., X said``: a bare participle "asked" followed by the
    question puts the question to X, right before it after a comma or after it when "Asked" opens the
    sentence."""
    if len(cue) != 1 or cue[0].lower_ != "asked" or cue.end >= len(doc):
        return False
    if doc[cue.end].lower_ not in _QUESTION_WORDS:
        return False
    before = cue.start - source.end == 1 and doc[source.end].text == ","
    opening = cue[0].is_sent_start is True and source.start > cue.end
    return before or opening


def _coordinated(doc: Doc, cue: Span, *, after_comma: bool = True) -> bool:
    """``..., writing`` / ``and added``: a cue that shares the subject of the cue before it.

    ``after_comma=False`` does not count a bare comma before the cue, which also closes an apposition
    ("Butler, a spokesman for Milley, said").
    """
    joiners = {"and", ",", "but"} if after_comma else {"and", "but"}
    previous = doc[cue.start - 1] if cue.start > 0 else None
    return cue[0].lower_.endswith("ing") or (previous is not None and previous.lower_ in joiners)


def _own_subject(layout: _Layout, cue: Span, after: int) -> bool:
    """The parse gives the cue verb a noun as subject after the cue before it: "X declared ..., but his
    main rival, [Chiamaka Okonkwo-Bello], said" is no coordinated cue sharing X."""
    return layout.parsed and any(
        child.dep_ == "nsubj" and child.pos_ in {"NOUN", "PROPN"} and after <= child.i < cue.start
        for child in cue.root.children
    )


def _relative_pronoun(source: Span | None) -> bool:
    """``The two aldermen [who] voted against it, Carl Voss and Nadia Petrov, said``: the subject of a
    relative clause is no subject for the verb after it."""
    return source is not None and len(source) == 1 and source[0].lower_ in _RELATIVE


_DASHES = ("―", "—", "–", "--")
_DASH_CHARS = "".join(set("".join(_DASHES)))


def _dash_groups(doc: Doc, layout: _Layout) -> list[_Group]:
    """``“Quote.” ― Jane Doe``: a quotation signed with a dash and a name after the closing mark."""
    groups: list[_Group] = []
    for token in doc:
        text = token.text
        if not text.endswith(_DASHES) or token.i + 1 >= len(doc):
            continue
        mark = text.rstrip(_DASH_CHARS)
        if mark:  # "”―" as one token: the closing mark is inside it
            close = token.idx + len(mark) - 1
        else:
            previous = token.i - 1
            while previous >= 0 and doc[previous].is_space:
                previous -= 1
            close = doc[previous].idx if previous >= 0 else -1
        closing_mark = close >= 1 and layout.marks[close] in (*CLOSE_QUOTES, STRAIGHT_QUOTE)
        if not closing_mark or not layout.quoted[close - 1]:
            continue
        opening = close
        while opening > 0 and layout.quoted[opening - 1]:
            opening -= 1
        quote = doc.char_span(opening, close, alignment_mode="contract")
        content = _words(doc, quote.start, quote.end) if quote is not None else None
        begin = token.i + 1
        while begin < len(doc) and doc[begin].is_space and "\n" not in doc[begin].text:
            begin += 1  # "― Jane Doe" with a no-break space
        end = begin
        while (
            end < len(doc)
            and end - begin < 6
            and layout.paragraph[end] == layout.paragraph[token.i]
            and not doc[end].is_space
            and not doc[end].is_punct
        ):
            end += 1
        source = _words(doc, begin, end)
        if content is None or len(content) < 2 or source is None or not source[0].is_title:
            continue
        groups.append(
            _Group(
                cue=Span(doc, token.i, token.i + 1, label="CUE"),
                source=Span(doc, source.start, source.end, label="SOURCE"),
                contents=[Span(doc, content.start, content.end, label="CONTENT")],
            )
        )
    return groups


_NOT_SPEAKERS = {
    "NOTE", "EDITOR'S NOTE", "EDITORS NOTE", "UPDATE", "UPDATED", "CORRECTION", "CLARIFICATION", "BYLINE",
    "VIDEO", "PHOTO", "PHOTOS", "WATCH", "RELATED", "READ MORE", "EXCLUSIVE", "BREAKING", "LIVE", "SOURCE",
    "SOURCES", "PREVIOUSLY", "TRANSCRIPT", "ADVERTISEMENT", "SUBSCRIBE", "EMAIL", "LOOK", "DISCLOSURE",
}  # fmt: skip
"""Capitalised labels that open a paragraph with a colon without being a speaker ("UPDATE: ...")."""


def _transcript_turn(doc: Doc, layout: _Layout, first: int) -> _Group | None:
    """``WALLACE: Let's start ...``: a paragraph opened by a capitalised name and a colon."""
    i = first
    while i < len(doc) and doc[i].text in {'"', "“"}:
        i += 1
    colon = next((j for j in range(i, min(i + 5, len(doc))) if doc[j].text == ":"), None)
    if colon is None or colon == i:
        return None
    name = doc[i:colon]
    if not all(t.is_upper or t.text in {".", "'", "’", "-"} for t in name) or len(name.text) < 3:
        return None
    if name.text.replace("’", "'") in _NOT_SPEAKERS:
        return None
    end = colon + 1
    while end < len(doc) and layout.paragraph[end] == layout.paragraph[first]:
        end += 1
    content = _words(doc, colon + 1, end)
    if content is None or len(content) < 2:
        return None
    return _Group(
        cue=Span(doc, colon, colon + 1, label="CUE"),
        source=Span(doc, name.start, name.end, label="SOURCE"),
        contents=[Span(doc, content.start, content.end, label="CONTENT")],
        verbatim=True,
    )


_HEADLINE_LABELS = {
    "breaking", "exclusive", "update", "updated", "watch", "video", "photos", "look", "wow", "revealed",
    "bombshell", "just", "live", "analysis", "opinion", "editorial", "review", "correction", "paid",
}  # fmt: skip
"""Words that open a headline before a colon without naming who speaks ("Breaking: ...")."""
_HEADLINE_SOURCE_NOUNS = {
    "poll", "polls", "survey", "report", "study", "newspaper", "insiders", "historians", "experts",
    "economists", "analysts", "officials", "sources", "critics", "aides", "voters",
}  # fmt: skip
"""Unnamed speakers a headline credits with a colon ("Poll: Clinton leads")."""
_HEADLINE_MAX_WORDS = 30
_HEADLINE_SPEAKER_LABELS = {*PERSON_LABELS, "ORG"}
"""Entity labels that may speak in a headline (a place or a MISC name before the colon is its topic)."""


def _headline_group(doc: Doc, layout: _Layout) -> _Group | None:
    """``Pence: Gennifer Flowers Won't Be at Debate``: a headline opened by a speaker and a colon.

    Only the article's first paragraph, when it is a short line; the words before the colon are capitalised
    (no verb, no determiner opening them) and hold a named entity or a noun such as "Poll". "Obama on
    Climate Change: ..." is Obama's."""
    first = next((t.i for t in doc if not t.is_space), None)
    if first is None:
        return None
    end = first
    while end < len(doc) and layout.paragraph[end] == layout.paragraph[first]:
        end += 1
    if end - first > _HEADLINE_MAX_WORDS or layout.quoted[doc[first].idx]:
        return None
    colon = next((j for j in range(first, min(first + 7, end)) if doc[j].text == ":"), None)
    if colon is None or colon == first:
        return None
    prefix = doc[first:colon]
    cut = next((t.i for t in prefix[1:] if t.lower_ in {"on", "to"}), colon)  # "Obama on Climate Change"
    name = doc[first:cut]
    capitalised = all(t.is_title or t.is_upper or t.is_punct or t.lower_ in {"'s", "’s"} for t in name)
    if (
        not capitalised
        or name.text.isupper()  # "WASHINGTON:" is a dateline, "WALLACE:" a transcript turn
        or name[0].lower_ in _HEADLINE_LABELS
        or name[0].pos_ in {"DET", "PRON", "ADP"}
        or any(t.tag_.startswith("VB") or t.text == "," for t in name)
    ):
        return None
    speakers = [e for e in layout.ents if e.label_ in _HEADLINE_SPEAKER_LABELS]
    inside = [e for e in speakers if first <= e.start and e.end <= cut]
    if inside and inside[0].start - first > 2:  # "Woman Steps Forward With Bombshell Claim: ..."
        return None
    if len(inside) > 1:  # "Carly Fiorina Endorses Ted Cruz: ...": the first name speaks
        name = doc[first : inside[0].end]
    elif inside and cut - inside[0].end > 1:  # "Clinton Wades In: ..."
        return None
    words = {t.text for t in name if not t.is_punct}  # "Pence: ..." and "Mike Pence" further down
    named_later = any(words <= {t.text for t in e} for e in speakers if e.start > cut)
    if not inside and not named_later and name[-1].lower_ not in _HEADLINE_SOURCE_NOUNS:
        return None
    content = _words(doc, colon + 1, end)
    if content is None or len([t for t in content if t.is_alpha]) < 3 or "?" in doc[content.end : end].text:
        return None
    return _Group(
        cue=Span(doc, colon, colon + 1, label="CUE"),
        source=Span(doc, name.start, name.end, label="SOURCE"),
        contents=[Span(doc, content.start, content.end, label="CONTENT")],
    )


def _transcript_groups(doc: Doc, layout: _Layout) -> list[_Group]:
    """Turns of a transcript: only when at least two different names open paragraphs that way."""
    starts = [i for i in range(len(doc)) if i == 0 or layout.paragraph[i] != layout.paragraph[i - 1]]
    turns = [turn for i in starts if (turn := _transcript_turn(doc, layout, i)) is not None]
    speakers = {turn.source.text for turn in turns if turn.source is not None}
    return turns if len(speakers) >= 2 else []


def _as_put_it(doc: Doc, layout: _Layout, spans: Sequence[Span]) -> list[Span]:
    """``As she put it during the debate, landlords "will simply stop renting."``: source "she", cue "put
    it", content the rest of the sentence, where the model marked none of it."""
    found: list[Span] = []
    if " put it" not in layout.text:
        return found
    for i in range(len(doc) - 4):
        if doc[i].lower_ != "as" or doc[i + 2].lower_ != "put" or doc[i + 3].lower_ != "it":
            continue
        speaker = doc[i + 1]
        if not (speaker.lower_ in {"he", "she", "they"} or speaker.ent_type_ in {"PERSON", "PER", "ORG"}):
            continue
        _, end = layout.sentence_of(i)
        comma = next((k for k in range(i + 4, end) if doc[k].text == ","), None)
        content = _words(doc, comma + 1, end) if comma is not None else None
        if content is None or any(s.start < content.end and i < s.end for s in spans):
            continue
        found += [
            Span(doc, i + 1, i + 2, label="SOURCE"),
            Span(doc, i + 2, i + 4, label="CUE"),
            Span(doc, content.start, content.end, label="CONTENT"),
        ]
    return found


_PLAIN_SPEECH = {"said", "says", "told", "tells"}


def _plain_speech_verb(layout: _Layout, token: Token) -> bool:
    return token.lower_ in _PLAIN_SPEECH and token.pos_ == "VERB" and not layout.quoted[token.idx]


def _split_at_speech_verbs(doc: Doc, layout: _Layout, spans: Sequence[Span]) -> list[Span]:
    """``[district executive Cheryl Moon told reporters at the bridge]`` marked as one source: the source
    ends before the speech verb, which is the cue."""
    out: list[Span] = []
    for span in spans:
        verb = (
            next((t for t in span[1:] if _plain_speech_verb(layout, t)), None)
            if span.label_ == "SOURCE"
            else None
        )
        if verb is None:
            out.append(span)
            continue
        out += [Span(doc, span.start, verb.i, label="SOURCE"), Span(doc, verb.i, verb.i + 1, label="CUE")]
    return out


_ANONYMITY_CONTENT = re.compile(
    r"(?:not\s+)?to\s+be\s+(?:named|identified|quoted)\b|to\s+(?:give|reveal|disclose)\s+(?:his|her|their)\s+"
    r"(?:full\s+|last\s+)?names?\b|anonymity\b",
    re.IGNORECASE,
)
_ANONYMITY_CUES = {
    "ask", "asked", "asking", "decline", "declined", "declining", "request", "requested", "refuse", "refused",
    "speak", "spoke", "speaking",
}  # fmt: skip
_AUTHORISED = {
    "authorize", "authorise", "authorized", "authorised", "permit", "permitted", "allow", "allowed",
}  # fmt: skip
_NEGATIONS = {"not", "n't", "never", "neither", "nor"}


def _anonymity_reason(doc: Doc, cue: Span, content: Span | None) -> bool:
    """Why a source goes unnamed, not what it said: "[were not authorised] [to discuss the case]", "who
    [asked] [not to be named]", "[declined] [to give her name]", or all of it one cue ("who [asked not to be
    named]", "[spoke on condition of anonymity]")."""
    lemmas = {t.lemma_.lower() for t in cue} | {t.lower_ for t in cue}
    if lemmas & _AUTHORISED:
        before = doc[max(cue.start - 2, 0) : cue.start]  # "Neither [was authorized]"
        return bool({t.lower_ for t in [*cue, *before]} & _NEGATIONS)
    if not lemmas & _ANONYMITY_CUES:
        return False
    if content is not None and _ANONYMITY_CONTENT.match(content.text) is not None:
        return True
    return len(cue) > 1 and _ANONYMITY_CONTENT.search(cue[1:].text) is not None


def _without_anonymity_reasons(doc: Doc, layout: _Layout, spans: Sequence[Span]) -> list[Span]:
    """A cue and content that give the reason for anonymity are dropped; when the model ran that content on
    over the real attribution ("who were not authorised [to discuss the case said the portal had ...]"), the
    speech verb becomes the cue and the words after it the content."""
    out: list[Span] = []
    skip: set[tuple[int, int]] = set()
    ordered = sorted(spans, key=lambda s: s.start)
    for index, span in enumerate(ordered):
        if span.label_ != "CUE" or (span.start, span.end) in skip:
            continue
        contents: list[Span] = []  # the content right after the cue, in one or more pieces
        for after in ordered[index + 1 :]:
            gap = after.start - (contents[-1].end if contents else span.end)
            if after.label_ != "CONTENT" or gap > (1 if contents else 3):  # "not authorized to discuss [...]"
                break
            contents.append(after)
        content = Span(doc, contents[0].start, contents[-1].end) if contents else None
        if not _anonymity_reason(doc, span, content):
            continue
        skip.add((span.start, span.end))
        skip.update((c.start, c.end) for c in contents)
        # "One pilot, [who] asked not to be named, said": the pilot said it, not "who"
        before = ordered[index - 1] if index > 0 else None
        if before is not None and before.end == span.start and _relative_pronoun(before):
            skip.add((before.start, before.end))
        if content is None:
            continue
        verb = next((t for t in content[2:] if _plain_speech_verb(layout, t)), None)
        rest = _words(doc, verb.i + 1, content.end) if verb is not None else None
        if verb is not None and rest is not None:
            out.append(Span(doc, verb.i, verb.i + 1, label="CUE"))
            out.append(Span(doc, rest.start, rest.end, label="CONTENT"))
    out += [s for s in spans if (s.start, s.end) not in skip]
    return sorted(out, key=lambda s: s.start)


def _split_at_closing_quotes(doc: Doc, layout: _Layout, spans: Sequence[Span]) -> list[Span]:
    """``“[She will be held accountable,” Acting U.S. Attorney] Joshua Levy said``: a quoted content marked on
    past its closing mark up to a cue ends at the mark, and the words after it are the source."""
    cue_starts = {s.start for s in spans if s.label_ == "CUE"}
    out: list[Span] = []
    for span in spans:
        closing = None
        if span.label_ == "CONTENT" and layout.quoted[span.start_char] and span.end in cue_starts:
            closing = next((t.i for t in span[1:-1] if _closing_mark(layout, t)), None)
        rest = _words(doc, closing + 1, span.end) if closing is not None else None
        quote = _words(doc, span.start, closing) if closing is not None else None
        if closing is None and span.label_ == "CONTENT" and layout.quoted[span.start_char]:
            attributed = _attribution_inside(doc, layout, span)
            if attributed is not None:  # "“[...,” the president of the association told the crowd ...]"
                out += attributed
                continue
        if rest is None or quote is None or any(layout.quoted[t.idx] for t in rest):
            out.append(span)
            continue
        out += [
            Span(doc, quote.start, quote.end, label="CONTENT"),
            Span(doc, rest.start, rest.end, label="SOURCE"),
        ]
    return out


def _attribution_inside(doc: Doc, layout: _Layout, span: Span) -> list[Span] | None:
    """A quoted content marked on past its closing mark over its own attribution ("“...,” [the president of
    the Welsh Hill Farmers' Association] [told] the crowd ..."): the quote, the words up to a plain speech
    verb within twelve words of the mark as source, the verb as cue; the rest of the span is dropped."""
    closing = next((t.i for t in span[1:-1] if _closing_mark(layout, t)), None)
    if closing is None:
        return None
    for token in doc[closing + 1 : min(span.end, closing + 13)]:
        if token.text in {".", "!", "?"} or layout.quoted[token.idx]:
            return None
        if _plain_speech_verb(layout, token):
            quote, source = _words(doc, span.start, closing), _words(doc, closing + 1, token.i)
            if quote is None or source is None:
                return None
            return [
                Span(doc, quote.start, quote.end, label="CONTENT"),
                Span(doc, source.start, source.end, label="SOURCE"),
                Span(doc, token.i, token.i + 1, label="CUE"),
            ]
    return None


def _without_relay_asides(doc: Doc, spans: Sequence[Span]) -> list[Span]:
    """``Butler said, as [reported] by the AP``: a cue right after another cue's comma and "as" tells who
    passed the words on, not a second statement (the next quote stays Butler's)."""
    cue_ends = {s.end for s in spans if s.label_ == "CUE"}

    def relayed(span: Span) -> bool:
        return (
            span.label_ == "CUE"
            and span.start >= 3
            and doc[span.start - 1].lower_ == "as"
            and doc[span.start - 2].text == ","
            and span.start - 2 in cue_ends
        )

    return [s for s in spans if not relayed(s)]


def _missed_speech_verbs(doc: Doc, layout: _Layout, spans: Sequence[Span]) -> list[Span]:
    """``"...," the 29-year-old told reporters``: a plain speech verb within eight words after a closing
    quote mark that the model left unmarked is a cue (PolNeAR dev: the model misses one such verb)."""
    covered = {i for s in spans for i in range(s.start, s.end)}
    return [
        Span(doc, token.i, token.i + 1, label="CUE")
        for token in doc
        if token.i not in covered
        and _plain_speech_verb(layout, token)
        and any(_closing_mark(layout, doc[k]) for k in range(max(0, token.i - 8), token.i))
    ]


def _group(doc: Doc, layout: _Layout) -> list[_Group]:
    spans = sorted(doc.spans[SPANS_KEY], key=lambda s: s.start) if SPANS_KEY in doc.spans else []
    spans = [t for s in _merge_split_sources(doc, spans) if (t := _trimmed(doc, s)) is not None]
    spans = _split_at_speech_verbs(doc, layout, _split_at_closing_quotes(doc, layout, spans))
    spans = _without_relay_asides(doc, _without_anonymity_reasons(doc, layout, spans))
    spans += [*_as_put_it(doc, layout, spans), *_missed_speech_verbs(doc, layout, spans)]
    spans.sort(key=lambda s: s.start)
    if DROP_QUOTED_CUES:
        spans = [s for s in spans if s.label_ == "CONTENT" or not _inside_quote(layout, s)]
    signed = _dash_groups(doc, layout)
    claimed = [(g.contents[0].start, g.source.end) for g in signed if g.source is not None]
    turns = _transcript_groups(doc, layout)
    claimed += [(g.source.start, g.cue.end) for g in turns if g.source is not None and g.cue is not None]
    signed += turns
    headline = _headline_group(doc, layout)
    if headline is not None and headline.source is not None:
        claimed.append((headline.source.start, headline.contents[0].end))
        signed.append(headline)
    spans = [s for s in spans if not any(s.start < end and start < s.end for start, end in claimed)]
    cues = [s for s in spans if s.label_ == "CUE" and not all(t.ent_type_ in {"DATE", "TIME"} for t in s)]
    sources = [s for s in spans if s.label_ == "SOURCE"]
    contents = [s for s in spans if s.label_ == "CONTENT"]
    content_of, orphan_contents = _assign(contents, cues, _content_cost, layout, limit=60)
    governing = [c for o in orphan_contents if (c := _governing_verb(doc, layout, o, spans)) is not None]
    if governing:  # the new cues can take contents: assign them all again
        cues = sorted({(c.start, c.end): c for c in [*cues, *governing]}.values(), key=lambda c: c.start)
        content_of, orphan_contents = _assign(contents, cues, _content_cost, layout, limit=60)
    groups = [_Group(cue=cue) for cue in cues]
    for index, items in content_of.items():
        groups[index].contents = items
    pairs: list[tuple[float, int, int]] = []
    for index, group in enumerate(groups):
        for number, source in enumerate(sources):
            if any(c.start <= source.start < c.end for c in group.contents) or _asked_of(
                doc, source, cues[index]
            ):
                continue
            cost = _source_cost(source, cues[index], layout, cues)
            if cost is not None and cost <= 45:
                pairs.append((cost, index, number))
    used: set[int] = set()
    for _cost, index, number in sorted(pairs):
        if groups[index].source is None and number not in used:
            groups[index].source = sources[number]
            used.add(number)
    for index, group in enumerate(groups):
        cue = cues[index]
        if (
            group.source is None
            and index > 0
            and _coordinated(doc, cue)
            and layout.sentence[cues[index - 1].start] == layout.sentence[cue.start]
            and not _relative_pronoun(groups[index - 1].source)
            and not _own_subject(layout, cue, cues[index - 1].end)
        ):
            group.source = groups[index - 1].source
        inverted = _inverted_person(doc, cue) if group.source is None else None
        if inverted is not None:  # "Cattle producers are not the villains, argued [Otávio Brandt], ..."
            group.source = inverted
            if not group.contents:
                group.contents = _clause_before_comma(doc, layout, cue)
        if group.source is None:
            group.source = _subject(doc, layout, cue, group.contents)
        elif layout.parsed:
            group.source = _agent_instead(doc, cue, group.source)
            if group.source is not None:
                group.source = _named_before_cue(doc, layout, group.source, cue)
        if group.source is None and not _is_according_to(cue):
            group.source = _inverted_source(doc, layout, cue)
        if group.source is None and _is_according_to(cue):
            group.source = _according_to_source(doc, layout, cue)
        if group.source is None and group.contents:
            group.source = _bare_subject_before(doc, layout, cue)
        if group.source is not None and _asked_of(doc, group.source, cue):
            group.source = None  # "Oyelaran, asked whether ...": he is the one asked, not the asker
        if group.source is not None:
            source, opening_clause = _clause_in_source(doc, layout, group.source, cue)
            if opening_clause and (not group.contents or group.source.end < cue.start - 1):
                group.source, group.contents = source, [*opening_clause, *group.contents]
        before = [c for c in group.contents if c.end <= cue.start]
        with_role = _with_role_before(doc, layout, group.source) if group.source is not None else None
        # the role before the name is no quote: '“...,” the alliance's secretary-general, Mark Rutte, told'
        inverted = _inverted_content(doc, layout, cue, with_role)
        after = [c for c in group.contents if c.end > cue.start]
        quote_then_cue = (
            inverted is not None
            and layout.quoted_share(inverted.start_char, inverted.end_char) > 0.5
            and not _coordinated(doc, cue, after_comma=False)
            and all(layout.sentence[c.start] != layout.sentence[cue.start] for c in after)
        )
        if inverted is not None and (before or not after or quote_then_cue):
            # “Quote one,” X said. “Quote two.” (later sentences only, not "..., adding that"): both quotes
            # are this cue's, as fragments of one content.
            group.contents = [inverted, *after]
            rest = _parenthetical_rest(doc, layout, cue, inverted) if not after else None
            if rest is not None:
                group.contents = [inverted, rest]
        elif inverted is not None and not layout.quoted[inverted.start_char]:
            rest = _parenthetical_rest(doc, layout, cue, inverted, marked_after=True)
            if rest is not None and rest.start <= after[0].start < rest.end:
                group.contents = [inverted, *after]  # 'The judge, she wrote, "weighed facts ..."'
        earlier_prose = bool(group.contents) and all(
            c.end <= cue.start
            and layout.sentence[c.start] != layout.sentence[cue.start]
            and not layout.quoted[c.start_char]
            for c in group.contents
        )
        clause_after = _that_clause(doc, layout, cue) if earlier_prose else None
        if clause_after is not None:  # "... avoided [the pricing dispute]. A spokeswoman said ... that ..."
            group.contents = [clause_after]
        if not group.contents:
            after_colon = _quote_after_colon(doc, layout, cue)
            clause = (
                after_colon
                or _that_clause(doc, layout, cue)
                or _clause_after_addressee(doc, layout, cue)
                or _according_to_clause(doc, layout, cue, group.source)
                or _prepositional_object(doc, layout, cue)
            )
            if clause is not None:
                group.contents = [clause]
                group.verbatim = group.verbatim or after_colon is not None  # a block quote too
        if group.source is not None and _is_dateline(layout, group.source):
            group.source = _subject(doc, layout, cue, group.contents)
        if group.source is not None:
            group.source = _with_whole_name(doc, _with_name_before_letters(doc, group.source), cue)
            group.source = _with_joined_name(doc, layout, group.source)
            group.source = _with_coordinated_names(doc, layout, group.source)
            group.source = _with_apposed_name(doc, layout, group.source, cue)
            group.source = _with_apposed_pair(doc, layout, group.source, cue)
            group.source = _with_role_before(doc, layout, _with_head_noun(doc, group.source))
            group.source = _source_without_medium(
                doc, layout, _without_dateline(doc, layout, group.source, 1)
            )
            group.source = _without_dates(doc, group.source)
            group.source = _without_lead_in(doc, group.source)
            group.source = _through_apposition(doc, layout, group.source, cue)
        if group.source is not None and _is_according_to(cue) and not group.contents:
            group.source, clause = _according_to_split(doc, group.source)
            group.contents = [clause] if clause is not None else []
        group.contents = [
            _without_next_sentence(
                doc, layout, _without_dateline(doc, layout, _without_medium(doc, layout, c))
            )
            for c in group.contents
        ]
        group.contents = [  # before the cue: "[And] more than half ...", "[For instance,] calls to ..."
            c if layout.quoted[c.start_char] or c.end > cue.start else _without_opening_adverbial(doc, c)
            for c in group.contents
        ]
        group.contents = [
            c if layout.quoted[c.start_char] else _without_circumstance(doc, c) for c in group.contents
        ]
        group.contents = [_without_trailing_conjunction(doc, c) for c in group.contents]
        group.contents = [_without_listener(doc, cue, c) for c in group.contents]
    _opening_participles_share_subject(layout, cues, groups)
    for index, group in enumerate(groups):  # after the loop, so that "..., telling" still shares the subject
        subject = group.source
        if subject is not None and group.contents and _raised_subject(layout, subject, cues[index]):
            group.source, group.contents = None, [subject, *group.contents]
        elif subject is None and group.contents:
            passive = _passive_raised_subject(doc, layout, cues[index], group.contents)
            if passive is not None:
                group.contents = [passive, *group.contents]
    groups = [g for g in groups if g.contents or g.source is not None] + signed
    groups.sort(key=lambda g: g.start)
    covered = [c for g in groups for c in g.contents]
    for content in orphan_contents:
        if any(c.start <= content.start and content.end <= c.end for c in covered):
            continue
        earlier = [g for g in groups if g.start < content.start_char]
        if not earlier or layout.quoted_share(content.start_char, content.end_char) < 0.5:
            continue
        if not layout.quoted[content.start_char]:
            continue  # 'that he supported "an all-of-the-above approach"' without its cue: no continuation
        last = earlier[-1]
        last_end = max(s.end for s in (last.cue, last.source, *last.contents) if s is not None)
        if layout.paragraph[content.start] - layout.paragraph[last_end - 1] > 1:
            continue
        if layout.paragraph[content.start] == layout.paragraph[last_end - 1]:
            last.contents.append(content)
        else:
            groups.append(_Group(cue=None, source=last.source, contents=[content], inherited=last))
            groups.sort(key=lambda g: g.start)
    _quotes_back_to_main_cue(layout, groups)
    for group in groups:
        _without_aside_after_cue(doc, layout, group)
        _without_question_asked(layout, group)
        _approximator_to_content(doc, group)
        group.cue = _cue_extent(doc, layout, group)
        group.contents = _joined_across_spaces(layout, group.contents)
    for group in groups:  # once every group has its final cue and contents
        group.nested = _nested_contents(group, groups)
    return groups


# Tags opening an aside after "X said,": "laughing", "as Bush ...", "a Syrian engineer", "who ..."
_ASIDE_OPENERS = {"VBG", "VBN", "IN", "DT", "WP", "WP$", "WRB"}


def _joined_across_spaces(layout: _Layout, contents: list[Span]) -> list[Span]:
    """Contents that only spaces on one line separate are one ("or even directly declare [it responsible]":
    the network closed a span and opened the next; PolNeAR train gold has such a gap 3 times in 23,287
    contents)."""
    joined: list[Span] = []
    for content in sorted(contents, key=lambda c: c.start):
        last = joined[-1] if joined else None
        if last is not None and last.end <= content.start and _spaces_between(layout, last, content):
            joined[-1] = content.doc[last.start : content.end]
        else:
            joined.append(content)
    return joined


def _spaces_between(layout: _Layout, first: Span, second: Span) -> bool:
    """Whether only spaces, and no line break, separate two spans."""
    gap = layout.text[first.end_char : second.start_char]
    return not gap.strip() and "\n" not in gap


def _without_aside_after_cue(doc: Doc, layout: _Layout, group: _Group) -> None:
    """A quotation's statement drops unquoted prose after a comma behind its cue: what the speaker did or who
    she is (“It's huuuge,” he said, [doing his best Trump impersonation]), not what she said."""
    if group.cue is None or len(group.contents) < 2:
        return
    if not any(layout.quoted_share(c.start_char, c.end_char) > 0.5 for c in group.contents):
        return
    kept = []
    for content in group.contents:
        words = [t for t in content if not (t.is_punct or t.is_space)]
        if (
            words
            and words[0].i > group.cue.end
            and doc[words[0].i - 1].text == ","
            and words[0].tag_ in _ASIDE_OPENERS
            and words[0].lower_ != "that"
            and layout.quoted_share(content.start_char, content.end_char) < 0.5
        ):
            continue
        kept.append(content)
    group.contents = kept


_TRAILING_CONJUNCTIONS = {"and", "but", "as", "because"}


def _without_trailing_conjunction(doc: Doc, content: Span) -> Span:
    """A content stopping on the conjunction of the next clause ends before it ("was surging[, and]")."""
    end = content.end
    while end > content.start and (doc[end - 1].is_space or doc[end - 1].is_punct):
        end -= 1
    if end - content.start > 2 and doc[end - 1].lower_ in _TRAILING_CONJUNCTIONS:
        end -= 1
        while end > content.start and (doc[end - 1].is_space or doc[end - 1].text in {",", "—", "-", "--"}):
            end -= 1
        return doc[content.start : end]
    return content


_RAISING = {"seem", "seems", "seemed", "seeming", "appear", "appears", "appeared", "appearing"}


def _raised_subject(layout: _Layout, source: Span, cue: Span) -> bool:
    """``[Melania] seems [to have vanished]``: the subject of "seems" or "appears" with a complement is part
    of what seems so, not a source (PolNeAR train + dev: no source for 110 of 121 such cues; the content is
    the subject and the complement)."""
    verb = cue[-1]
    if not layout.parsed or verb.lower_ not in _RAISING or source.end > cue.start:
        return False
    return any(child.dep_ in {"xcomp", "ccomp"} for child in verb.children)


_SUBJECT_WORDS = {"DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON", "ADP", "ADV", "PART"}


def _bare_subject_before(doc: Doc, layout: _Layout, cue: Span) -> Span | None:
    """``[Nearly nine out of 10] say they ...``, ``and [three-fourths] say ...``: with no subject in the
    parse, the verbless noun phrase right before a "say" verb, back to punctuation or a conjunction (PolNeAR
    train: 9 of 11 such sources right, nearly all poll shares)."""
    if cue[-1].lower_ not in {"say", "says", "said"} or layout.quoted[cue[0].idx]:
        return None
    if any(t.pos_ == "AUX" for t in cue):
        return None  # "It was said": no one named
    sentence_start, _ = layout.sentence_of(cue.start)
    start = cue.start
    while start > sentence_start and (
        (doc[start - 1].pos_ in _SUBJECT_WORDS and not doc[start - 1].is_space)
        or (start - 2 >= sentence_start and _word_hyphen(doc, start - 1))  # "two-thirds"
    ):
        start -= 1
    if start > sentence_start and not (
        doc[start - 1].is_punct or doc[start - 1].is_space or doc[start - 1].pos_ in {"CCONJ", "SCONJ"}
    ):
        return None  # "House Republicans supporting [the bill] have said": inside a clause
    while start < cue.start and doc[start].pos_ in {"ADP", "PART"}:
        start += 1
    phrase = doc[start : cue.start]
    if not 0 < len(phrase) <= 8 or not any(t.pos_ in {"NOUN", "PROPN", "NUM", "PRON"} for t in phrase):
        return None
    if phrase[-1].pos_ in {"ADP", "DET", "PART"} or any(layout.quoted[t.idx] for t in phrase):
        return None
    return phrase


def _passive_raised_subject(doc: Doc, layout: _Layout, cue: Span, contents: list[Span]) -> Span | None:
    """``[The White House] is expected [to sign the measure]``, ``[The walk-off] is considered [one of the
    largest]``: the passive subject of a cue with an open complement, left without source, is part of what
    is expected (PolNeAR train: 63 of 94 such subjects right as content fragments, "expected" 49 of 71)."""
    if not layout.parsed:
        return None
    verb = cue[-1]
    if not any(c.dep_ == "xcomp" for c in verb.children):
        return None
    subjects = [c for c in verb.children if c.dep_ in syntax.PASSIVE_SUBJECTS and c.i < cue.start]
    if not subjects:
        return None
    phrase = _words(doc, subjects[0].left_edge.i, subjects[0].right_edge.i + 1)
    if phrase is None or any(c.start < phrase.end and phrase.start < c.end for c in contents):
        return None
    return phrase


_CUE_PREPOSITIONS = {"on", "for", "of", "against", "over"}
"""Not "to", "with" or "about": after those the words up to the comma are the content less than a third of the
time on PolNeAR train (25 %, 26 %, 30 %), against 35 % to 67 % for these."""


def _prepositional_object(doc: Doc, layout: _Layout, cue: Span) -> Span | None:
    """``[vouched for] [both Braynard and Chrabaszcz]``, ``[touched briefly on] [the 2016 race]``: a cue
    ending in a preposition, with no content, takes the words after it up to the next comma or the sentence
    end (PolNeAR train: attributions 9,211 -> 9,289 right, content 14,200 -> 14,293)."""
    if cue[-1].lower_ not in _CUE_PREPOSITIONS:
        return None
    _, sentence_end = layout.sentence_of(cue.start)
    end = cue.end
    while end < sentence_end and not doc[end].is_space and doc[end].text not in _CLAUSE_BREAKS:
        end += 1
    return _words(doc, cue.end, end) if end > cue.end else None


_CLAUSE_BREAKS = {",", ";", ".", "?", "!", ":", "—", "--"}


def _without_question_asked(layout: _Layout, group: _Group) -> None:
    """``[Asked if she believed Putin wanted Trump to win], she said [she would not jump to it]``: the
    question put to the speaker is not part of what she said, when the statement has a content of its own
    (PolNeAR's gold keeps none of the 8 such fragments the rules gave on train + dev)."""
    cue = group.cue
    if cue is None or len(group.contents) < 2:
        return
    kept = [
        c
        for c in group.contents
        if not (c[0].lower_ == "asked" and c.end <= cue.start and not layout.quoted[c.start_char])
    ]
    if kept:
        group.contents = kept


_PARTICIPLE_OPENERS = {"after", "in", "by", "while", "despite", "before", "since", "upon", "when", "without"}


def _opening_participles_share_subject(layout: _Layout, cues: Sequence[Span], groups: list[_Group]) -> None:
    """``Citing a conspiracy theory, [Trump] accused ...``, ``In asking to depose Clinton, [Judicial Watch]
    noted``: a participle opening its sentence (after "In", "After", "By" ... at most), with a content and no
    source of its own, is said by the source of the next cue in the sentence (PolNeAR train: 31 such sources
    right, 2 wrong)."""
    for index, group in enumerate(groups):
        cue = cues[index]
        if group.source is not None or not group.contents or not cue[0].lower_.endswith("ing"):
            continue
        start, _ = layout.sentence_of(cue.start)
        before = [t for t in cue.doc[start : cue.start] if not t.is_space and not t.is_punct]
        if before and not (len(before) == 1 and before[0].lower_ in _PARTICIPLE_OPENERS):
            continue  # "In asking to depose Clinton, Judicial Watch noted": one opening preposition at most
        sentence = layout.sentence[cue.start]
        after = (g for j, g in enumerate(groups) if j > index and layout.sentence[cues[j].start] == sentence)
        later = next(after, None)
        if later is not None and later.source is not None and cue.end <= later.source.start:
            group.source = later.source


def _quotes_back_to_main_cue(layout: _Layout, groups: list[_Group]) -> None:
    """``“A,” Black said, referring to the RNC. “B.”``: a quote in a later sentence joins the quote before the
    main cue rather than the participle after it, which keeps its own content (PolNeAR train + dev: 51 times
    against 14), except after "adding", which says something new (5 against 2). The same after a cue in the
    speaker's relative clause ("“A,” said Don Fowler, who ... has backed Clinton. “B.”")."""
    for index, group in enumerate(groups):
        cue = group.cue
        if cue is None or index == 0:
            continue
        main = groups[index - 1]
        if main.cue is None:
            continue
        relative = _in_relative_clause_after(main.cue, cue)
        if not relative and not _participle_after_comma(cue):
            continue
        sentence = layout.sentence[cue.start]
        if (
            layout.sentence[main.cue.start] != sentence
            or (group.source is not None and group.source != main.source and not relative)
            or not any(c.end <= main.cue.start and layout.quoted[c.start_char] for c in main.contents)
        ):
            continue
        later = [
            c for c in group.contents if layout.sentence[c.start] > sentence and layout.quoted[c.start_char]
        ]
        if later and len(later) < len(group.contents):  # the participle keeps a content of its own
            main.contents.extend(later)
            group.contents = [c for c in group.contents if c not in later]


def _in_relative_clause_after(main: Span, cue: Span) -> bool:
    """Whether ``cue`` follows ``main`` in a relative clause set off by a comma, in the same sentence."""
    between = cue.doc[main.end : cue.start]
    opens = any(t.lower_ in {"who", "whose"} and t.nbor(-1).text == "," for t in between if t.i > 0)
    return opens and not any(t.text in {".", "!", "?", ";"} for t in between)


def _participle_after_comma(cue: Span) -> bool:
    """``, referring to`` / ``, noting`` / ``, asked about``, but not ``, adding``."""
    first = cue[0]
    return (
        cue.start > 0
        and cue.doc[cue.start - 1].text == ","
        and (first.lower_.endswith("ing") or first.lower_ == "asked")
        and not first.lower_.startswith("add")
    )


_DURATIONS = {"minutes", "hours", "days", "weeks", "months", "years", "decades"}


def _is_duration(doc: Doc, i: int) -> bool:
    """Whether token ``i`` opens a stretch of time ("months", "years", a DATE or TIME)."""
    return i < len(doc) and (doc[i].lower_ in _DURATIONS or doc[i].ent_type_ in {"DATE", "TIME"})


_APPROXIMATORS = {"about", "around", "nearly", "almost", "roughly", "some", "over", "under", "just"}


def _approximator_to_content(doc: Doc, group: _Group) -> None:
    """``A spokeswoman [said about] [250 million euros had been set aside]``: the word before a number that
    the model put at the end of the cue opens the content."""
    cue = group.cue
    if cue is None or len(cue) < 2 or cue[-1].lower_ not in _APPROXIMATORS or not doc[cue.end].like_num:
        return
    for index, content in enumerate(group.contents):
        if content.start == cue.end:
            group.contents[index] = Span(doc, cue.end - 1, content.end, label=content.label_)
            group.cue = Span(doc, cue.start, cue.end - 1, label=cue.label_)


def _cue_extent(doc: Doc, layout: _Layout, group: _Group) -> Span | None:
    """The cue as the words of saying, as PolNeAR mostly marks it: without a date at its end (``[said]
    Friday``) or the medium it was said in (``[said] in a statement``, ``[said] in a phone interview``; the
    medium is reported on its own). PolNeAR is split on both: its dev articles leave the statement out 4
    times of 5 and put the interview in 10 times of 12, its train articles the reverse (47 of 72 and 17 of
    66); leaving every medium out serves the product and costs dev cue F1 0.731 -> 0.729."""
    cue = group.cue
    if cue is None:
        return None
    cue = Span(doc, cue.start, _before_dates(doc, cue.start + 1, cue.end), label=cue.label_)
    if len(cue) > 1 and cue[-1].lower_ in {"for", "over", "in"} and _is_duration(doc, cue.end):
        cue = Span(doc, cue.start, cue.end - 1, label=cue.label_)  # "[have warned] for months"
    medium = _MEDIUM.search(layout.text, cue.start_char, cue.end_char)
    if medium is not None:
        kept = doc.char_span(cue.start_char, medium.start(), alignment_mode="contract")
        if kept is not None and len(kept) > 0:  # "[said] in a statement"
            cue = Span(doc, kept.start, kept.end, label=cue.label_)
    return cue


def _text_span(text: str, spans: Sequence[Span]) -> TextSpan | None:
    if not spans:
        return None
    ordered = sorted(spans, key=lambda s: s.start_char)
    start, end = ordered[0].start_char, max(s.end_char for s in ordered)
    fragments = tuple((s.start_char, s.end_char) for s in ordered) if len(ordered) > 1 else None
    return TextSpan(start=start, end=end, text=text[start:end], fragments=fragments)


def _nested_contents(group: _Group, groups: Sequence[_Group]) -> list[Span]:
    """The contents of the statements whose cue lies inside this group's content ("X said [Y told him that
    the board had “lost confidence”]"): their quotes are Y's words, not X's."""
    ranges = [(c.start, c.end) for c in group.contents]

    def within(span: Span) -> bool:  # its words, that is: the content may end before a closing mark
        if not any(span.start < end and start < span.end for start, end in ranges):
            return False
        words = [t.i for t in span if not (t.is_punct or t.is_space)] or [span.start]
        return any(start <= words[0] and words[-1] < end for start, end in ranges)

    inside = [o for o in groups if o is not group and o.cue is not None and within(o.cue) and _speech_cue(o)]
    return [c for other in inside for c in other.contents if within(c)]


def _group_kind(layout: _Layout, group: _Group) -> StatementKind:
    if group.verbatim:
        return "direct"
    return _kind(layout, group.contents, group.nested) if group.contents else "indirect"


def _kind(layout: _Layout, contents: Sequence[Span], nested: Sequence[Span] = ()) -> StatementKind:
    # only the quotes outside the nested statements count
    shares = [layout.quoted_share(s.start_char, s.end_char, nested) for s in contents]
    if all(share >= 0.9 for share in shares) and all(layout.quoted[s.start_char] for s in contents):
        return "direct"
    if all(share == 0 for share in shares):  # one quoted word is a partial quote: 'had been "frank"'
        return "indirect"
    return "mixed"


def _without_medium(doc: Doc, layout: _Layout, content: Span) -> Span:
    """``denied [that in a statement]``: an unquoted medium phrase that ends a short content (three words at
    most) is not part of it; after a clause it usually is ("will live stream it on Twitter")."""
    match = next(reversed(list(_MEDIUM.finditer(layout.text, content.start_char, content.end_char))), None)
    if (
        match is None
        or layout.quoted[match.start()]
        or layout.text[match.end() : content.end_char].strip(" ,.;")
    ):
        return content
    trimmed = _words_before(doc, content, match.start())
    return trimmed if trimmed is not None and len(trimmed) <= 3 else content


def _words_before(doc: Doc, span: Span, char: int) -> Span | None:
    """The words of ``span`` that end before character ``char``."""
    kept = doc.char_span(span.start_char, char, alignment_mode="contract")
    return _words(doc, kept.start, kept.end) if kept is not None else None


def _through_apposition(doc: Doc, layout: _Layout, source: Span, cue: Span) -> Span:
    """``[Rep. Adam Schiff, the top Democrat on the committee,] said``: a source runs on through a verbless
    apposition between it and its cue, and from inside a party bracket to the comma before its cue
    (``[Rep. Jim Clyburn (D-S.C.), the assistant leader of the Democratic caucus,] said``), as PolNeAR marks
    them (a relative clause, ", who ...": source 0.771, dropped); a verb right after the bracket starts the
    sentence's predicate, so the source ends with the bracket."""
    if cue.start <= source.end:
        return source
    gap = doc[source.end : cue.start]
    if source[-1].lower_ in _RELATIVE and len(gap) > 3 and gap[-1].text == ",":
        # "[The two members who] voted against it, Gary Voss and Helen Park, said": on to the names
        named = _fronted_name(doc, layout, cue)
        if (
            named is not None
            and named.start > source.end
            and layout.sentence[named.start] == layout.sentence[source.start]
        ):
            return _words(doc, source.start, named.end) or source
    apposed = (
        len(gap) > 3
        and gap[0].text == ","
        and gap[-1].text == ","
        and gap[1].pos_ in {"DET", "NOUN", "ADJ", "PROPN"}
        and gap[1].lower_ not in _RELATIVE
        and not any(t.tag_ in syntax.FINITE_TAGS or t.pos_ in {"VERB", "AUX"} for t in gap)
        and layout.sentence[cue.start] == layout.sentence[source.start]
    )
    if apposed:  # "Rep. Adam Schiff[, the top Democrat on the committee,] said"
        extended = _words(doc, source.start, cue.start - 1)
        return extended if extended is not None else source
    if "(" not in source.text or ")" in source.text[source.text.rindex("(") :]:
        return source
    if layout.sentence[cue.start] != layout.sentence[source.start] or cue.start - source.end > 20:
        return source
    end = cue.start - 1 if doc[cue.start - 1].text == "," else cue.start
    close = next((t.i for t in doc[source.end : end] if t.text == ")"), None)
    if (
        close is not None
        and close + 1 < end
        and doc[close + 1].text != ","
        and _has_verb(doc[close + 1 : end])
    ):
        end = close + 1  # "Sen. Bernie Sanders (I-Vt.)[ defended his call ... ,] saying": the bracket only
    extended = _words(doc, source.start, end)
    return extended if extended is not None else source


def _cut_after_comma(doc: Doc, token: Token) -> bool:
    """Whether a source ends at the comma before ``token``: ", which ..." and, after a name, ", like X" (a
    comparison: "Hillary Clinton[, like Obama]"; after a common noun it gives examples and stays: "Critics of
    the program, like Senator Grassley"). ", who ..." stays (PolNeAR dev source 0.769 -> 0.765 when cut)."""
    if token.i < 2 or doc[token.i - 1].text != ",":
        return False
    return token.lower_ == "which" or (token.lower_ == "like" and doc[token.i - 2].pos_ == "PROPN")


_RELATIVE_PRONOUNS = _RELATIVE | {"that"}
_PARTIES = {"R", "D", "I"}  # "Sen. Ted Cruz, R-Texas"
_CLAUSE_OPENERS = {"of", "that", "for", "to", "in", "on", "about", "with"}
"""Lower-case words that open a piece of content wrongly marked as the start of a source ("of ..., X")."""


def _without_lead_in(doc: Doc, source: Span) -> Span:
    """``[But] Trump``, ``[Conversely,] PolitiFact``, ``[In Washington,] Pentagon press secretary X``, ``[such
    as] senator Bob Corker``: a source loses opening conjunctions (``_after_conjunctions``), an opening adverb
    or short prepositional phrase and its comma and "such as", and a closing ", like X" or ", which ..."
    (``_cut_after_comma``). "Both" stays ("Both Cruz and Fiorina"), as PolNeAR keeps it 48 times of 51."""
    original = source
    start = _after_conjunctions(doc, source)
    source = doc[start : source.end]
    adverb = len(source) > 2 and source[0].pos_ == "ADV" and source[1].text == ","
    if adverb or (len(source) > 2 and source[0].lower_ == "such" and source[1].lower_ == "as"):
        start += 2
    elif source[0].ent_type_:  # a name the tagger called a preposition: "[Olamide](ADP) Fashola, a ..."
        pass
    elif source[0].pos_ == "ADP" and source[0].is_title:  # "[In Washington,] Pentagon press secretary X"
        comma = next((t.i for t in source[1:6] if t.text == ","), None)
        start = comma + 1 if comma is not None and comma + 1 < source.end else start
    elif source[0].is_lower and source[0].lower_ in _CLAUSE_OPENERS:  # "[of the proposals,] Mr. Holtz-Eakin"
        after = next((doc[t.i + 1] for t in reversed(source[1:-1]) if t.text == ","), None)
        start = after.i if after is not None and after.is_title and after.text not in _PARTIES else start
    elif source[0].pos_ in {"ADP", "SCONJ"}:  # "[after Tuesday's debate,] commentator Jonah Goldberg"
        after = next((doc[t.i + 1] for t in source[1:-1] if t.text == ","), None)
        if (
            after is not None
            and after.pos_ in {"DET", "PROPN", "NOUN", "ADJ", "NUM"}
            and after.text not in _PARTIES
        ):
            start = after.i
    end = source.end
    tail = next((t.i for t in source[1:-1] if _cut_after_comma(doc, t)), None)
    if tail is not None:
        end = tail - 1  # "Democratic candidate Hillary Clinton[, like Obama]", "The U.N.[, which in March]"
    elif len(source) > 2 and source[-1].lower_ in _RELATIVE_PRONOUNS and source[-2].text == ",":
        end = source.end - 2  # "Mr. Kamin[, who]": the relative clause was left out
    changed = (start, end) != (original.start, original.end)
    trimmed = _words(doc, start, end) if changed else None
    return trimmed if trimmed is not None else original


_OPENING_CONJUNCTIONS = {"but", "and", "while", "yet", "now", "then", "so", "even"}
_AFTER_EVEN = {"as", "though", "if", "when", "while", "although", "so"}


def _after_conjunctions(doc: Doc, source: Span) -> int:
    """``[But] Trump``, ``[Yet even as] environmentalists``: where a source starts after the conjunctions and
    "even" opening it (PolNeAR leaves out "but" 446 times of 450, "and" every time), when they open a
    sentence or follow punctuation (not "current [and] former", nor "then-vice president")."""
    start = source.start
    if start > 0 and not (doc[start - 1].is_punct or doc[start - 1].is_space or doc[start].is_sent_start):
        return start
    while start < source.end - 1 and doc[start].lower_ in _OPENING_CONJUNCTIONS and doc[start].whitespace_:
        start += 1
        if doc[start - 1].lower_ == "even" and start < source.end - 1 and doc[start].lower_ in _AFTER_EVEN:
            start += 1
    return start


_TRAILING_TIME_ADVERBS = (("as", "of", "late"), ("of", "late"), ("lately",), ("recently",))


def _without_dates(doc: Doc, source: Span) -> Span:
    """``federal prosecutors [in April]``: a source loses a date at its end, with its preposition (PolNeAR
    dev: source precision 0.833 -> 0.834; also one that opens it, "[Last week] Stumpf": 0.765 -> 0.762),
    unless the date belongs to a clause in the source (``_date_in_clause``), and a time adverb the NER
    leaves untagged ("The West [as of late] has pledged")."""
    words = tuple(t.lower_ for t in source)
    adverb = next((a for a in _TRAILING_TIME_ADVERBS if len(words) > len(a) and words[-len(a) :] == a), ())
    if adverb:
        trimmed = _words(doc, source.start, source.end - len(adverb))
        return trimmed if trimmed is not None else source
    end = _before_dates(doc, source.start, source.end)
    determiner = end < source.end and end - 1 > source.start and doc[end - 1].pos_ == "DET"
    if determiner and not _has_verb(source):  # with a verb, a clause may be content to split off
        end -= 1  # "in [the] past year": the pattern DATE leaves out the determiner
    if end == source.end or end == source.start or doc[end - 1].pos_ != "ADP":
        return source
    if _date_in_clause(doc[source.start : end - 1]):
        return source  # "Erin Murphy, a former Clinton aide who accompanied her to Burma [in 2011]"
    if _dated_report(doc[source.start : end - 1]):
        return source  # "A CNN/ORC poll [in January]", "a Quinnipiac poll [conducted in February]"
    end -= 1  # without "in"
    if end - source.start > 2 and doc[end - 1].tag_ == "VBN":
        end -= 1  # "A Quinnipiac University poll [released] in late August"
    trimmed = _words(doc, source.start, end)
    return trimmed if trimmed is not None else source


_REPORT_NOUNS = {
    "poll", "polls", "survey", "surveys", "study", "studies", "report", "reports", "analysis", "average",
    "figures", "data", "estimate", "estimates",
}  # fmt: skip


def _dated_report(before: Span) -> bool:
    """Whether a date after ``before`` dates the poll or report that is the source ("A CNN/ORC poll in
    January": PolNeAR keeps such dates 14 times of 18), unless it is when the report came out ("a survey
    [released on Thursday]")."""
    if not before or before[-1].lower_ in {"released", "published", "issued"}:
        return False
    return any(t.lower_ in _REPORT_NOUNS for t in before)


def _date_in_clause(before: Span) -> bool:
    """Whether a date after ``before`` (a source up to the date's preposition) belongs to a clause in it: a
    finite verb ("who accompanied her to Burma in 2011"), or another verb than a participle just before the
    preposition ("going back to 1972"; but "A Quinnipiac poll [released] in late August" is no clause).
    PolNeAR keeps such dates: train +30 right sources, none lost, dev +2."""
    if any(t.tag_ in syntax.FINITE_TAGS for t in before):
        return True
    return _has_verb(before) and before[-1].tag_ != "VBN"


def _source_without_medium(doc: Doc, layout: _Layout, source: Span) -> Span:
    """``[the department in a letter to county commissioners]``: a source ends before a medium phrase."""
    match = _MEDIUM.search(layout.text, source.start_char, source.end_char)
    if match is None or layout.quoted[match.start()]:
        return source
    trimmed = _words_before(doc, source, match.start())
    return trimmed if trimmed is not None else source


def _with_whole_name(doc: Doc, source: Span, cue: Span) -> Span:
    """``The Norwegian Transport Workers' [Union] said``: a source that starts inside a name starts with the
    name, and with the "the" before it (not over the cue, nor when the name opens with a quote mark:
    "” Shah", nor across a line break or the end of a sentence)."""
    start, floor = source.start, cue.end if cue.end <= source.start else 0
    while start > floor and doc[start].ent_iob_ == "I":
        if doc[start - 1].is_quote and doc[start - 1].ent_iob_ == "B":
            return source
        if doc[start - 1].is_space or doc[start - 1].text in _SENTENCE_ENDS:
            return source  # an entity the NER ran over a line break: "Plan B. | [Sanders]"
        start -= 1
    if start == source.start or doc[start].ent_iob_ != "B":
        return source
    if start > 0 and doc[start - 1].lower_ == "the":
        start -= 1
    return Span(doc, start, source.end, label=source.label_)


def _with_name_before_letters(doc: Doc, source: Span) -> Span:
    """``Martin Dunne [MSP] argued``: a source that is only the letters after a person's name takes the name's
    last word, so that ``_with_whole_name`` takes the rest."""
    if len(source) != 1 or source.text not in POST_NOMINALS or source.start == 0:
        return source
    if doc[source.start - 1].ent_type_ != "PERSON":
        return source
    return Span(doc, source.start - 1, source.end, label=source.label_)


def _with_joined_name(doc: Doc, layout: _Layout, source: Span) -> Span:
    """``Lakeside and the buyer, [Granite Ridge Capital], said``: a name joined by "and the <noun>," just
    before the source is part of it (two speakers)."""
    i = source.start - 1
    if i < 3 or doc[i].text != ",":
        return source
    j = i - 1
    while j > i - 4 and doc[j].is_lower and doc[j].lower_ not in {"and", "the"}:
        j -= 1
    if j == i - 1 or doc[j].lower_ != "the" or doc[j - 1].lower_ != "and":
        return source
    name = next((e for e in layout.ents if e.end == j - 1 and e.label_ in _NAMED_ENT_LABELS), None)
    if name is None or layout.sentence[name.start] != layout.sentence[source.start]:
        return source
    start = name.start - 1 if name.start > 0 and doc[name.start - 1].lower_ == "the" else name.start
    return Span(doc, start, source.end, label=source.label_)


def _with_coordinated_names(doc: Doc, layout: _Layout, source: Span) -> Span:
    """``Lena Brandt and [Tomasz Wójcik] said``, ``Britain, France and [Germany]``: names of the source's
    first name's label joined to it by "and" (and commas before that) in its sentence are part of it."""
    first = source[0]
    if first.ent_iob_ != "B" or first.ent_type_ not in _NAMED_ENT_LABELS:
        return source
    start = source.start
    joiners = {"and"}
    while start >= 2 and doc[start - 1].lower_ in joiners:
        name = next((e for e in layout.ents if e.end == start - 1 and e.label_ == first.ent_type_), None)
        if name is None or layout.sentence[name.start] != layout.sentence[source.start]:
            break
        start, joiners = name.start, {","}  # "Britain, France and Germany": commas before the "and"
    return source if start == source.start else Span(doc, start, source.end, label=source.label_)


def _with_apposed_name(doc: Doc, layout: _Layout, source: Span, cue: Span) -> Span:
    """``[The ministry's spokesperson], Lin Wei, told`` / ``[The agency], known as AFAD, said``: a source
    ending in a common noun followed by a person's name (any name after "known as") between commas right
    before the cue takes the name in, as does one right after it (``[Russia's state news agency] TASS``)."""
    if (
        source.end < cue.start
        and doc[source.end].ent_iob_ == "B"
        and doc[source.end].ent_type_ in _NAMED_ENT_LABELS
        and source[-1].is_lower
        and source[-1].pos_ == "NOUN"
    ):
        end = source.end + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        if end <= cue.start:
            return Span(doc, source.start, end, label=source.label_)
    if source.end + 3 > cue.start or doc[source.end].text != "," or doc[cue.start - 1].text != ",":
        return source
    if not source[-1].is_lower or source[-1].ent_type_:
        return source
    start = source.end + 1
    known = [t.lower_ for t in doc[start : start + 3]]
    if known[:2] == ["known", "as"] or known[:3] == ["also", "known", "as"]:
        start += known.index("as") + 1
    name = next((e for e in layout.ents if e.start == start and e.end == cue.start - 1), None)
    labels = _NAMED_ENT_LABELS if start > source.end + 1 else PERSON_LABELS
    if name is None or name.label_ not in labels:
        return source
    return Span(doc, source.start, name.end, label=source.label_)


def _with_apposed_pair(doc: Doc, layout: _Layout, source: Span, cue: Span) -> Span:
    """``[The two board members] who voted no, Chanda Smart and Robert Butler, said``: a source ending in a
    plural noun, its relative clause if any, and two people joined by "and" between commas right before the
    cue: all of it."""
    last = source[-1]
    if (
        cue.start - 1 <= source.end
        or doc[cue.start - 1].text != ","
        or not (last.is_lower and last.tag_ == "NNS")
    ):
        return source
    second = next((e for e in layout.ents if e.end == cue.start - 1 and e.label_ in PERSON_LABELS), None)
    if second is None or doc[second.start - 1].lower_ != "and":
        return source
    first = next((e for e in layout.ents if e.end == second.start - 1 and e.label_ in PERSON_LABELS), None)
    if first is None or doc[first.start - 1].text != ",":
        return source
    between = doc[source.end : first.start - 1]
    relative = len(between) == 0 or (
        between[0].lower_ in _RELATIVE | {"that"}
        and len(between) <= 12
        and not any(t.is_punct for t in between)
    )
    if not relative or layout.sentence[first.start] != layout.sentence[source.start]:
        return source
    return Span(doc, source.start, second.end, label=source.label_)


def _with_head_noun(doc: Doc, source: Span) -> Span:
    """``[A chorus] of prominent Republicans has said``: a source opening with "of" takes in the noun phrase
    it hangs on."""
    if source[0].lower_ != "of" or source.start == 0 or doc[source.start - 1].pos_ not in {"NOUN", "PROPN"}:
        return source
    head = doc[source.start - 1]
    start = min(t.i for t in head.subtree)  # "A chorus": the head's determiner and modifiers
    if _has_verb(doc[start : head.i]) or any(t.is_punct for t in doc[start : head.i]):
        start = head.i
    return Span(doc, start, source.end, label=source.label_)


def _with_role_before(doc: Doc, layout: _Layout, source: Span) -> Span:
    """``Apple's chief executive, [Tim Cook], said``: a person's name opening its sentence after a verbless
    role phrase and a comma takes the phrase in."""
    comma = source.start - 1
    if comma < 2 or doc[comma].text != "," or source.root.ent_type_ not in PERSON_LABELS:
        return source
    start, _ = layout.sentence_of(comma)  # the parser may end a sentence at "A lawyer for the outlets[,]"
    if layout.paragraph[start] != layout.paragraph[source.start]:
        return source
    piece = next((t.i + 1 for t in reversed(doc[start:comma]) if t.text in {",", "--", "\u2014"}), start)
    while start < piece < comma and doc[piece].is_quote:
        piece += 1  # '"...," [the alliance's secretary-general], Mark Rutte, told'
    possessive = any(
        t.lower_ in {"'s", "\u2019s"} for t in doc[piece:comma]
    )  # '"...," [Chile's foreign minister]'
    if piece > start and (
        doc[piece].lower_ in {"one", "a", "an", "the", "its", "his", "her", "their"} or possessive
    ):
        start = piece  # "In a statement, [one of the family's attorneys], Justin Bamberg, said"
    phrase = doc[start:comma]
    hyphen = {"-", "\u2010", "\u2011"}  # "secretary-general", its last part often tagged an adjective
    if not 1 < len(phrase) <= 8 or not phrase[-1].is_lower:
        return source
    if phrase[-1].pos_ != "NOUN" and not (len(phrase) > 2 and phrase[-2].text in hyphen):
        return source
    if any(
        t.pos_ in {"VERB", "AUX"} or (t.is_punct and t.text not in hyphen) or t.ent_type_ in {"DATE", "TIME"}
        for t in phrase
    ):
        return source
    opener = phrase[0].lower_ in {
        "a",
        "an",
        "the",
        "one",
        "its",
        "his",
        "her",
        "their",
        "our",
    }  # "Its chairman"
    described = opener or any(t.lower_ in {"'s", "\u2019s"} for t in phrase)
    role = any(
        t.lemma_.lower() in ROLE_NOUNS or t.lower_ in ROLE_NOUNS or t.lower_ in RANKS for t in phrase[1:]
    )
    if not described or not role or phrase[0].pos_ == "ADP":
        return source
    return Span(doc, start, source.end, label=source.label_)


_APPOSITION_OPENERS = {"a", "an", "the", "who", "which", "whose", "whom", "one", "its", "his", "her", "their"}


def _according_to_split(doc: Doc, source: Span) -> tuple[Span, Span | None]:
    """``According to [the weather service, more rain could fall]``: a source after "according to" that runs
    past a comma into a clause (a finite verb, or six words or more that do not open like an apposition:
    "the indictment, Alvarez steered [tagged JJ] city contracts ...") ends at that comma; the clause is the
    content."""
    for token in source:
        if token.text != "," or token.i == source.start:
            continue
        rest = doc[token.i + 1 : source.end]
        mistagged = len(rest) >= 6 and rest[0].lower_ not in _APPOSITION_OPENERS and rest[1].tag_ != "POS"
        if mistagged or any(t.tag_ in syntax.FINITE_TAGS for t in rest):
            head = _words(doc, source.start, token.i)
            return (head, _words(doc, token.i + 1, source.end)) if head is not None else (source, None)
    return source, None


def _without_dateline(doc: Doc, layout: _Layout, span: Span, shortest: int = 3) -> Span:
    """``[MILLBROOK, Ore. — Inspectors found ...]``, ``[WASHINGTON — Senate negotiators]``: a dateline
    opening the paragraph is no part of a content or source."""
    if span.start > 0 and layout.paragraph[span.start - 1] == layout.paragraph[span.start]:
        return span
    match = DATELINE.match(layout.text, span.start_char, span.end_char)
    if match is None:
        return span
    rest = doc.char_span(match.end(), span.end_char, alignment_mode="contract")
    return rest if rest is not None and len(rest) >= shortest else span


def _without_next_sentence(doc: Doc, layout: _Layout, content: Span) -> Span:
    """``[leaders were discussing a stopgap to buy time. They]``: an unquoted content does not run a word or
    two into the next sentence (a sentence the text ends, not one the parser broke off inside a name)."""
    last = layout.sentence[content.end - 1]
    if (
        layout.sentence[content.start] == last
        or layout.quoted_share(content.start_char, content.end_char) >= 0.5
    ):
        return content
    tail = next(i for i in range(content.start, content.end) if layout.sentence[i] == last)
    if content.end - tail > 2:
        return content
    before = doc[tail - 1]
    if not (
        before.text in _SENTENCE_ENDS
        or layout.paragraph[tail - 1] != layout.paragraph[tail]
        or (before.is_lower and doc[tail].is_title)  # "... of the regional centers The S.E.C. said"
    ):
        return (
            content  # a break the parser put inside a name: "lawyers Scott Richardson and Kendall | Coffey"
        )
    end = tail
    while end > content.start and doc[end - 1].is_space:
        end -= 1
    return doc[content.start : end] if end > content.start else content


def _is_dateline(layout: _Layout, span: Span) -> bool:
    """``[MANILA] — The Philippines and Japan signed``: the span is the dateline itself."""
    if span.start > 0 and layout.paragraph[span.start - 1] == layout.paragraph[span.start]:
        return False
    match = DATELINE.match(layout.text, span.start_char)
    return match is not None and match.end() > span.end_char


def _medium(doc: Doc, layout: _Layout, group: _Group) -> str | None:
    """A medium phrase ("on Twitter", "in a statement") in the cue's sentence, nearest the cue."""
    if group.cue is None:
        return None
    cue = group.cue
    sentence = layout.sentence[cue.start]
    first = cue.start
    while first > 0 and layout.sentence[first - 1] == sentence:
        first -= 1
    # back past a parser break inside the sentence: "In a 38-page ruling, ... Judge | Maria Delgado wrote"
    first = _unbroken_sentence_start(doc, layout, first)
    last = cue.end
    while last < len(doc) and layout.sentence[last] == sentence:
        last += 1
    start, end = doc[first].idx, doc[last - 1].idx + len(doc[last - 1])
    best: tuple[int, str] | None = None
    by = [  # "told X [by phone]" right after the cue, or "Thorsen, reached [by phone] in Victoria, said"
        m
        for m in _BY_MEDIUM.finditer(layout.text, start, end)
        if 0 <= m.start() - cue.end_char <= 40 or layout.text.endswith("reached ", 0, m.start())
    ]
    told = _told_gathering(cue, layout.text, cue.end_char)
    matches = [*_MEDIUM.finditer(layout.text, start, end), *by, *([told] if told is not None else [])]
    platform_at = {m.start(): m["medium"] for m in matches if m["medium"].lower() in PLATFORMS}
    for match in matches:
        if any(c.start_char <= match.start() < c.end_char for c in group.contents):
            continue
        if layout.quoted[match.start()]:
            continue
        distance = min(abs(match.start() - cue.end_char), abs(cue.start_char - match.end()))
        if best is None or distance < best[0]:  # "in a post [on Facebook]": the platform it was posted on
            best = (distance, platform_at.get(match.end() + 1, match["medium"]))
    return best[1] if best else _publication(doc, cue) or _medium_as_source(group)


_TOLD = frozenset({"told", "tells", "tell", "telling"})
_TOLD_GATHERING = re.compile(
    r"\s*(?:a|an|the)\s+(?:[a-z]+\s+){0,2}?(?P<medium>(?:news\s+|press\s+)?(?:conference|briefing))\b"
)


def _told_gathering(cue: Span, text: str, at: int) -> re.Match[str] | None:
    """``told [a news conference]``, ``told a regular [briefing]``: where it was said, not to whom; ``text``
    read from ``at``, right after the cue."""
    return _TOLD_GATHERING.match(text, at) if cue[-1].lower_ in _TOLD else None


_BY_MEDIUM = re.compile(
    r"\bby\s+(?P<medium>phone|telephone|e-?mail|text\s+message|video\s+link)\b", re.IGNORECASE
)
"""``told Meridian Press [by telephone]``."""


_SOURCE_MEDIUM = re.compile(
    r"(?:a|an|the)\s+(?:(?:written|joint|brief|short|new)\s+)?"
    r"(?P<medium>statement|letter|post|memo|email|e-mail|release|readout|tweet|video|note|report|analysis)"
    r"\s+(?:from|by|issued\s+by)\b",
    re.IGNORECASE,
)
MEDIUM_ALONE = re.compile(
    r"(?:the|that|this|its|his|her|their)\s+(?P<medium>statement|letter|post|memo|email|e-mail|release|readout|"
    r"tweet|note|report|analysis|ruling|judgment|judgement|decision)",
    re.IGNORECASE,
)
"""A source that is a medium alone ("The statement said"): it speaks for whoever issued it."""


def _medium_as_source(group: _Group) -> str | None:
    """``[a statement from the Kremlin] said``, ``[The statement] said``: the source names the medium."""
    if group.source is None:
        return None
    match = _SOURCE_MEDIUM.match(group.source.text) or MEDIUM_ALONE.fullmatch(group.source.text)
    return match["medium"].lower() if match is not None else None


def _issuer(
    doc: Doc, layout: _Layout, group: _Group, earlier: Sequence[tuple[_Group, Speaker | None]]
) -> Speaker | None:
    """``“...,” the company said in a statement. The statement said ...``: the speaker of the nearest earlier
    statement, at most 1,500 characters back, given through the same medium."""
    medium = _medium_as_source(group)
    start = group.source.start_char if group.source is not None else 0
    for previous, speaker in reversed(earlier):
        if previous.cue is not None and start - previous.cue.end_char > 1500:
            break
        if _named(speaker) and _medium(doc, layout, previous) == medium:
            return speaker
    return None


_BROADCAST_VERBS = {"said", "says", "told", "tells", "spoke", "speaking", "saying"}
_PUBLISHING_VERBS = {"wrote", "write", "writes", "writing", "published", "publishes", "reported", "reports"}


def _publication(doc: Doc, cue: Span) -> str | None:
    """``wrote in The New England Journal of Medicine`` / ``reported on Thursday in The Lancet``: a name right
    after "in", at most four words after a writing or publishing cue; ``said on CNN's "State of the
    Union"``: an organisation right after "on" after a speech cue."""
    verb = cue[-1].lower_
    if verb not in _PUBLISHING_VERBS and verb not in _BROADCAST_VERBS:
        return None
    for i in range(cue.end, min(cue.end + 4, len(doc) - 1)):
        if doc[i].is_punct:
            return None
        if doc[i].lower_ == "on" and verb in _BROADCAST_VERBS:
            name = next((e for e in doc.ents if e.start == i + 1 and e.label_ == "ORG"), None)
            return name.text if name is not None else None
        if doc[i].lower_ == "in" and verb in _PUBLISHING_VERBS:
            starts = {i + 1, i + 2} if doc[i + 1].text == "The" else {i + 1}  # "in The [Lancet]"
            name = next((e for e in doc.ents if e.start in starts and e.label_ in _NAMED_ENT_LABELS), None)
            return doc[i + 1 : name.end].text if name is not None else None
    return None


_SAID_TO = {"said", "say", "says", "wrote", "write", "writes", "explained", "complained"}
_NOUN_PHRASE_TAGS = {"DET", "ADJ", "NOUN", "PROPN", "PRON", "NUM"}
_SPEAKING = {"speaking", "talking"}
_MISPARSED_CLAUSES = {"csubj", "ccomp", "xcomp"}  # a fronted "Speaking to X," parsed as the verb's subject
_WITH_WHOM = {"interview", "interviews", "call", "briefing"}  # "on a call with analysts"
_WRITTEN_TO = {"note", "letter", "email", "e-mail", "memo", "message", "statement", "post", "video", "report"}


def _misparsed_to(doc: Doc, group: _Group, medium: Token) -> list[Token]:
    """``in a video message to [staff] that ...`` parsed as an infinitive ("to staff"): the word after "to"
    when "that", a comma or the content follows it."""
    after = medium.i + 2
    if after + 1 >= len(doc) or doc[medium.i + 1].lower_ != "to" or doc[after].is_punct:
        return []
    following = doc[after + 1]
    ends = (
        following.lower_ == "that" or following.is_punct or any(c.start == after + 1 for c in group.contents)
    )
    nominal = doc[after].tag_.startswith("NN") or doc[after].lower_ == "staff"  # "staff" tagged a verb
    ends = ends or (nominal and (following.pos_ == "ADP" or following.ent_type_ == "DATE"))  # "to staff on"
    return [doc[after]] if ends and doc[after].lower_ not in _NOT_LISTENERS else []


_NOT_LISTENERS = {"be", "have", "do", "say", "ask", "tell", "the", "a", "an"}


_ASKING = {"asked", "asks", "ask"}


def _asks_someone(verb: Token) -> bool:
    """``[He] was asked`` (its subject was asked), ``Ashdown asked [Pham]`` (with a subject of its own; in
    '"...?" asked Nora Lindgren' the name after the verb is the one asking)."""
    return syntax.is_passive(verb) or any(c.dep_ in {"nsubj", "csubj"} for c in verb.children)


def _object_of_participle(verb: Token) -> list[Token]:
    """``told [cheering] supporters``: a participle right after the verb parsed as its open complement, with
    the listener as the participle's object."""
    return [
        obj
        for clause in verb.children
        if clause.dep_ == "xcomp" and clause.tag_ == "VBG" and clause.i == verb.i + 1
        for obj in clause.children
        if obj.dep_ in syntax.OBJECTS and obj.i == clause.i + 1
    ]


def _addressee(doc: Doc, group: _Group) -> str | None:
    """Whom the cue addresses: the object of "told", "informed", ... (or, when the parse gives none, the noun
    phrase right after the verb, with a name apposed to it: "the newspaper El Universal"), the subject of
    "were told" or "was asked", "said to X" and "Speaking to X, he said", the "to X" of a written medium ("in
    a memo to staff"), or the "with X" of an interview or call."""
    cue = group.cue
    if cue is None or _told_gathering(cue, doc[cue.end : cue.end + 5].text, 0) is not None:
        return None  # "told [a news conference]": the medium
    verbs = [
        t
        for t in cue
        if t.lower_ in ADDRESS_CUES
        or t.lemma_.lower() in ADDRESS_CUES
        or (t.lower_ in _ASKING and doc.has_annotation("DEP") and _asks_someone(t))  # "[He] was asked"
    ]
    candidates: list[Token] = []
    if doc.has_annotation("DEP"):
        for verb in verbs or [cue.root]:
            if verbs:  # "told [reporters]", "[Residents] were told"
                objects = syntax.OBJECTS | (syntax.PASSIVE_SUBJECTS if syntax.is_passive(verb) else set())
                mislabelled = (  # "the 52-year-old told": no listener
                    syntax.mislabelled_active_subject(verb) if verb.lower_ in ADDRESS_CUES else None
                )
                candidates.extend(c for c in verb.children if c.dep_ in objects and c != mislabelled)
                candidates.extend(_object_of_participle(verb))  # "told [cheering] supporters"
            elif verb.lower_ in _SAID_TO:
                candidates.extend(syntax.prepositional_objects(verb, "to"))
            for (
                clause
            ) in verb.children:  # "[Speaking to reporters], he said", "[Addressing councillors], ..."
                fronted = clause.dep_ == "advcl" or (clause.dep_ in _MISPARSED_CLAUSES and clause.i < verb.i)
                if fronted and clause.lower_ in _SPEAKING:
                    candidates.extend(syntax.prepositional_objects(clause, "to"))
                elif fronted and clause.lower_ == "addressing":
                    candidates.extend(c for c in clause.children if c.dep_ in syntax.OBJECTS)
        for token in cue.sent:  # "wrote in a note to clients", "in an interview with Bloomberg"
            if token.lower_ in _WRITTEN_TO:
                candidates.extend(
                    syntax.prepositional_objects(token, "to") or _misparsed_to(doc, group, token)
                )
            elif token.lower_ in _WITH_WHOM:
                candidates.extend(syntax.prepositional_objects(token, "with"))
    for token in candidates:
        # "warned [jurors] not to read ...": PolNeAR's content opens with the listener, who is still one
        opening = token.dep_ in syntax.OBJECTS and any(c.start == token.i for c in group.contents)
        if group.contents and not opening and any(c.start <= token.i < c.end for c in group.contents):
            continue
        if token.pos_ == "PRON" and token.lower_ in {"that", "it"}:
            continue
        left = min((t.left_edge.i for t in token.lefts if t.dep_ not in {"case", "mark"}), default=token.i)
        right = token.i + 1
        inside = {i for c in group.contents for i in range(c.start, c.end) if not opening}
        while (
            right < len(doc)
            and right not in inside
            and (
                doc[right].ent_type_ in _NAMED_ENT_LABELS
                or (doc[right].dep_ == "flat" and doc[right].head == token)
                or (doc[right].like_num and doc[right - 1].ent_type_ in _NAMED_ENT_LABELS)  # "BBC Radio [4]"
            )
        ):
            right += (
                1  # "the newspaper [El Universal]", "the broadcaster TV [2]"; not "told reporters [Russia"
            )
        while right + 1 < len(doc) and _word_hyphen(doc, right) and right + 1 not in inside:
            right += 2  # "The Star[-Ledger]"
        of = [o.i for o in syntax.prepositional_objects(token, "of") if right < o.i <= right + 4]
        if (
            of
            and right < len(doc)
            and doc[right].lower_ == "of"
            and not inside & set(range(right, of[0] + 1))
        ):
            right = of[0] + 1  # "a meeting [of security commanders]"
        phrase = doc[left:right].text.strip()
        if phrase:
            return phrase
    subjects = [c.i > verbs[-1].i for c in verbs[-1].children if c.dep_ == "nsubj"] if verbs else []
    inverted = bool(subjects) and all(
        subjects
    )  # only after the verb: "told state broadcaster [ERT]" misparsed
    if verbs and not syntax.is_passive(verbs[-1]) and not inverted:  # unparsed, or misparsed: the words after
        # the cue; not the speaker after it ('"...?" asked [Nora Lindgren]')
        parsed = doc.has_annotation("DEP")
        words: list[str] = []
        inside = {i for c in group.contents for i in range(c.start, c.end)}
        for token in doc[cue.end : cue.end + 6]:
            if token.is_punct or token.is_space or token.lower_ in {"that", "it"} or token.i in inside:
                break
            if _is_duration(doc, token.i):  # "warned for [months]" is no listener
                break
            named = token.ent_type_ in _NAMED_ENT_LABELS  # "told [The Denver Post]", "Post" tagged a verb
            if (
                parsed
                and token.pos_ not in _NOUN_PHRASE_TAGS
                and not token.tag_.startswith("NN")
                and not named
            ) or (
                not parsed and token.lower_ in {"he", "she", "they", "the", "in", "on", "for", "over", "at"}
            ):
                break
            words.append(token.text)
            if parsed and token.pos_ == "PRON":  # "told [them]"
                break
        return " ".join(words) or None
    return None


def _confidence(group: _Group, speaker: Speaker | None, kind: StatementKind) -> float:
    """A score in [0, 1] from which parts were found, weighted so that it tracks precision on PolNeAR dev
    (share of statements whose cue is a gold cue and whose content covers at least half of that
    attribution's content, README): a lexicon cue ("said") counts far more than another cue ("pledged"),
    then content, source, quote marks, a speaker among the article's entities."""
    score = 0.05
    if group.cue is not None:
        score += 0.25 if _speech_cue(group) else 0.05
    if group.contents:
        score += 0.3 + (0.1 if kind != "indirect" else 0.0)
    score += 0.2 if group.source is not None else 0.0
    score += 0.05 if _named(speaker) else 0.0
    return round(min(score, 1.0), 2)


def _speech_cue(group: _Group) -> bool:
    return group.cue is not None and any(token.lower_ in CUE_LEXICON for token in group.cue)


def _named(speaker: Speaker | None) -> bool:
    """A speaker among the article's entities (one, or the members of a joint speaker)."""
    return speaker is not None and bool(speaker.entity_id or speaker.members)


def extract_statements(doc: Doc, entities: list[Entity]) -> list[Statement]:
    """Group the Doc's attribution spans into statements, ids ``s1``, ``s2``, ... in text order."""
    layout = _Layout(doc)
    speakers = Speakers(doc, entities, layout.quoted)
    groups = _group(doc, layout)
    said: list[tuple[Span | None, Speaker | None]] = []  # (source, speaker) of each group so far
    for group in groups:
        if group.inherited is not None:
            earlier = zip(groups, said, strict=False)  # said holds the groups before this one
            speaker = next((s for g, (_, s) in earlier if g is group.inherited), None)
        else:
            # not the statements inside this one's content with a name as source ("Vernay [still tastes]
            # every sauce, she said"); a pronoun there is the speaker's ("She was quoting ..., she said")
            context = [
                (source, speaker)
                for source, speaker in said
                if source is None
                or source.root.pos_ == "PRON"
                or not any(c.start <= source.start < c.end for c in group.contents)
            ]
            issuer = None
            if group.source is not None and MEDIUM_ALONE.fullmatch(group.source.text):
                before = [(g, s) for g, (_, s) in zip(groups, said, strict=False)]
                issuer = _issuer(doc, layout, group, before)
            speaker = issuer or resolve_speaker(speakers, group.source, context)
        said.append((group.source, speaker))
    kept = [(g, pair) for g, pair in zip(groups, said, strict=True) if not _says_nothing(g, pair[1])]
    speakers_of = [speaker for _, speaker in named_later(speakers, [pair for _, pair in kept])]
    return [
        _statement(doc, layout, f"s{number}", group, speaker)
        for number, ((group, _), speaker) in enumerate(zip(kept, speakers_of, strict=True), start=1)
    ]


def _statement(doc: Doc, layout: _Layout, ident: str, group: _Group, speaker: Speaker | None) -> Statement:
    kind = _group_kind(layout, group)
    return Statement(
        id=ident,
        kind=kind,
        source=_text_span(layout.text, [group.source] if group.source is not None else []),
        cue=_text_span(layout.text, [group.cue] if group.cue is not None else []),
        content=_text_span(layout.text, group.contents),
        speaker=speaker,
        addressee=_addressee(doc, group),
        medium=_medium(doc, layout, group),
        confidence=_confidence(group, speaker, kind),
    )


def _says_nothing(group: _Group, speaker: Speaker | None) -> bool:
    """No content, no speaker among the article's entities and no speech verb ("Not everyone was pleased"):
    an attitude the model marked, with nothing a reader could use. A speech verb without content ("officials
    said") or a speaker among the entities ("Lopez was pleased") keeps the statement."""
    dated = all(all(t.ent_type_ in {"DATE", "TIME"} for t in c) for c in group.contents)  # "next month"
    if dated and group.source is None:
        return True  # "A final vote [is expected] [next month]": no one, and nothing, said
    return not group.contents and not _named(speaker) and not _speech_cue(group)
