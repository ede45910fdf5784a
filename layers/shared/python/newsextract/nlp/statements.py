"""Statements (who said what) from the attribution spans of a Doc.

The attribution component leaves SOURCE, CUE and CONTENT spans in ``doc.spans["attribution"]``. Here
they are grouped into statements around each cue: the content and source nearest to the cue in the
same paragraph win, with a bonus for syntactic links when the Doc is parsed (subject of the cue verb,
clausal complement) and a penalty for crossing another cue. A quote interrupted by its attribution
("“A,” he said, “B.”") becomes one content with two fragments; a quote with no cue of its own that
continues the previous speaker becomes a statement of that speaker. Speakers resolve to the article's
entities: by mention, apposition, role ("a spokesman for Milley") or, for pronouns, the last person
spoken of or quoted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsextract.result import Entity, Speaker, Statement, StatementKind, TextSpan

SPANS_KEY = "attribution"
SPEAKER_LABELS = {"PERSON", "ORG", "LOC", "MISC"}

OPEN_QUOTES = "“«„"
CLOSE_QUOTES = "”»"
STRAIGHT_QUOTE = '"'

PERSON_PRONOUNS = {"he", "she", "him", "her", "i", "me", "we", "us"}
GROUP_PRONOUNS = {"they", "them", "it"}
PRONOUNS = PERSON_PRONOUNS | GROUP_PRONOUNS | {"you", "who", "which", "that"}
ROLE_NOUNS = {
    "spokesman", "spokeswoman", "spokesperson", "official", "officials", "aide", "aides", "adviser",
    "advisor", "advisers", "secretary", "minister", "president", "chairman", "chair", "director",
    "representative", "press secretary", "senator", "leader", "chief", "commander", "general",
    "ambassador", "source", "sources", "analyst", "expert", "lawyer", "attorney", "manager",
    "strategist", "staffer", "staffers", "counsel", "governor", "mayor", "candidate", "nominee",
}  # fmt: skip
ADDRESS_CUES = {"tell", "told", "tells", "telling", "inform", "informed", "assure", "assured", "brief",
                "briefed", "warn", "warned", "remind", "reminded"}  # fmt: skip
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
    r"\b(?:in|on|via|through|during|over)\s+(?:(?:a|an|the|his|her|their|its|a\s+joint|an\s+official)\s+)?"
    r"(?P<medium>(?:(?:written|televised|radio|TV|television|phone|telephone|press|prepared|joint|emailed|"
    r"video|Facebook|Twitter|Instagram|campaign)\s+)?"
    r"(?:statements?|Twitter|Facebook|Instagram|Telegram|TikTok|YouTube|tweets?|posts?|interviews?|"
    r"release|conference|briefing|call|email|e-mail|letter|op-ed|memo|speech|remarks|appearance|"
    r"television|radio|podcast|blog(?:\s+post)?|social\s+media))\b",
    re.IGNORECASE,
)
_ROLE_PREFIX = re.compile(r"^(?:a|an|the|his|her|their|its)\s+", re.IGNORECASE)


@dataclass
class _Group:
    """One statement under construction."""

    cue: Span | None
    source: Span | None = None
    contents: list[Span] = field(default_factory=list)
    inherited: _Group | None = None

    @property
    def start(self) -> int:
        starts = [s.start_char for s in (self.cue, self.source, *self.contents) if s is not None]
        return min(starts)


class _Layout:
    """Per-token paragraph and sentence numbers, and the article's quoted regions."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text
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
        self.quoted = _quoted_mask(self.text)

    def quoted_share(self, start: int, end: int) -> float:
        chars = [i for i in range(start, end) if not self.text[i].isspace()]
        if not chars:
            return 0.0
        return sum(self.quoted[i] for i in chars) / len(chars)


def _quoted_mask(text: str) -> list[bool]:
    """Which characters are inside double quotes; an unclosed quote runs to the end of its paragraph."""
    mask = [False] * len(text)
    inside = False
    for i, char in enumerate(text):
        if char == "\n":
            inside = False
            continue
        if char in OPEN_QUOTES or (char == STRAIGHT_QUOTE and not inside):
            inside = True
            continue
        if char in CLOSE_QUOTES or (char == STRAIGHT_QUOTE and inside):
            inside = False
            continue
        if inside:
            mask[i] = True
    return mask


def _root(span: Span) -> Token:
    """The syntactic root when parsed; else the first role noun, else the last word."""
    if span.doc.has_annotation("DEP"):
        return span.root
    for token in span:
        if token.lower_ in ROLE_NOUNS:
            return token
    words = [t for t in span if not t.is_punct]
    return words[-1] if words else span[-1]


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


def _linked(child: Span, cue: Span, deps: set[str]) -> bool:
    """Whether the root of ``child`` hangs (directly or via a preposition) on a token of ``cue``."""
    root = child.root
    heads = {t.i for t in cue}
    if root.head.i in heads and root.dep_ in deps:
        return True
    return root.head.head.i in heads and root.head.dep_ in {"agent", "prep"} and root.dep_ == "pobj"


_SUBJECT_DEPS = {"nsubj", "nsubjpass", "pobj"}
_CONTENT_DEPS = {"ccomp", "dobj", "xcomp", "advcl", "parataxis", "pobj", "nsubj", "nsubjpass", "attr"}


def _source_cost(source: Span, cue: Span, layout: _Layout, cues: Sequence[Span]) -> float | None:
    if layout.paragraph[source.start] != layout.paragraph[cue.start]:
        return None
    same_sentence = layout.sentence[source.start] == layout.sentence[cue.start]
    cost = float(_gap(source, cue))
    if not same_sentence:
        cost += 30
    if _between(cues, source, cue):
        cost += 25
    if layout.quoted_share(source.start_char, source.end_char) > 0.5:
        cost += 20
    if layout.parsed and _linked(source, cue, _SUBJECT_DEPS):
        cost -= 15
    return cost


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
    if _between(cues, content, cue):
        cost += 30
    if layout.parsed and _linked(content, cue, _CONTENT_DEPS):
        cost -= 10
    return cost


def _assign(
    items: Iterable[Span], cues: Sequence[Span], cost_of: object, layout: _Layout, limit: float
) -> tuple[dict[int, list[Span]], list[Span]]:
    """Each item goes to its cheapest cue (if under ``limit``); returns per-cue items and the rest."""
    assigned: dict[int, list[Span]] = {}
    orphans: list[Span] = []
    for item in items:
        best: tuple[float, int] | None = None
        for index, cue in enumerate(cues):
            cost = cost_of(item, cue, layout, cues)  # type: ignore[operator]
            if cost is not None and cost <= limit and (best is None or cost < best[0]):
                best = (cost, index)
        if best is None:
            orphans.append(item)
        else:
            assigned.setdefault(best[1], []).append(item)
    return assigned, orphans


def _group(doc: Doc, layout: _Layout) -> list[_Group]:
    spans = sorted(doc.spans[SPANS_KEY], key=lambda s: s.start) if SPANS_KEY in doc.spans else []
    cues = [s for s in spans if s.label_ == "CUE"]
    sources = [s for s in spans if s.label_ == "SOURCE"]
    contents = [s for s in spans if s.label_ == "CONTENT"]
    groups = [_Group(cue=cue) for cue in cues]
    content_of, orphan_contents = _assign(contents, cues, _content_cost, layout, limit=60)
    for index, items in content_of.items():
        groups[index].contents = items
    for index, group in enumerate(groups):
        cue = group.cue
        assert cue is not None
        best: tuple[float, Span] | None = None
        for source in sources:
            if any(c.start <= source.start < c.end for c in group.contents):
                continue
            cost = _source_cost(source, cue, layout, cues)
            if cost is not None and cost <= 45 and (best is None or cost < best[0]):
                best = (cost, source)
        if best is not None:
            groups[index].source = best[1]
    groups = [g for g in groups if g.contents or g.source is not None]
    groups.sort(key=lambda g: g.start)
    for content in orphan_contents:
        previous = [g for g in groups if g.start < content.start_char]
        if not previous or layout.quoted_share(content.start_char, content.end_char) < 0.5:
            continue
        last = previous[-1]
        last_end = max(s.end for s in (last.cue, last.source, *last.contents) if s is not None)
        if layout.paragraph[content.start] - layout.paragraph[last_end - 1] > 1:
            continue
        if layout.paragraph[content.start] == layout.paragraph[last_end - 1]:
            last.contents.append(content)
        else:
            groups.append(_Group(cue=None, source=last.source, contents=[content], inherited=last))
            groups.sort(key=lambda g: g.start)
    return groups


def _text_span(text: str, spans: Sequence[Span]) -> TextSpan | None:
    if not spans:
        return None
    ordered = sorted(spans, key=lambda s: s.start_char)
    start, end = ordered[0].start_char, max(s.end_char for s in ordered)
    fragments = tuple((s.start_char, s.end_char) for s in ordered) if len(ordered) > 1 else None
    return TextSpan(start=start, end=end, text=text[start:end], fragments=fragments)


def _kind(layout: _Layout, contents: Sequence[Span]) -> StatementKind:
    shares = [layout.quoted_share(s.start_char, s.end_char) for s in contents]
    if all(share >= 0.9 for share in shares):
        return "direct"
    if all(share <= 0.1 for share in shares):
        return "indirect"
    return "mixed"


def _medium(doc: Doc, layout: _Layout, group: _Group) -> str | None:
    """A medium phrase ("on Twitter", "in a statement") in the cue's sentence, nearest the cue."""
    if group.cue is None:
        return None
    cue = group.cue
    sentence = layout.sentence[cue.start]
    first = cue.start
    while first > 0 and layout.sentence[first - 1] == sentence:
        first -= 1
    last = cue.end
    while last < len(doc) and layout.sentence[last] == sentence:
        last += 1
    start, end = doc[first].idx, doc[last - 1].idx + len(doc[last - 1])
    best: tuple[int, str] | None = None
    for match in _MEDIUM.finditer(layout.text, start, end):
        if any(c.start_char <= match.start() < c.end_char for c in group.contents):
            continue
        if layout.quoted[match.start()]:
            continue
        distance = min(abs(match.start() - cue.end_char), abs(cue.start_char - match.end()))
        if best is None or distance < best[0]:
            best = (distance, match["medium"])
    return best[1] if best else None


def _addressee(doc: Doc, group: _Group) -> str | None:
    """Whom the cue addresses: the object of "told", "informed", ... or "said to X"."""
    cue = group.cue
    if cue is None:
        return None
    verbs = [t for t in cue if t.lower_ in ADDRESS_CUES or t.lemma_.lower() in ADDRESS_CUES]
    candidates: list[Token] = []
    if doc.has_annotation("DEP"):
        for verb in verbs or [cue.root]:
            for child in verb.children:
                if child.dep_ in {"dobj", "dative", "iobj"} and verbs:
                    candidates.append(child)
                elif child.dep_ == "prep" and child.lower_ == "to" and verb.lower_ in {"said", "say", "says"}:
                    candidates.extend(c for c in child.children if c.dep_ == "pobj")
    for token in candidates:
        if group.contents and any(c.start <= token.i < c.end for c in group.contents):
            continue
        if token.pos_ == "PRON" and token.lower_ in {"that", "it"}:
            continue
        left = min((t.i for t in token.lefts), default=token.i)
        phrase = doc[left : token.i + 1].text.strip()
        if phrase:
            return phrase
    if verbs and not doc.has_annotation("DEP"):
        after = doc[cue.end : cue.end + 6]
        words: list[str] = []
        for token in after:
            if token.is_punct or token.lower_ in {"that", "he", "she", "they", "it", "the", "in", "on"}:
                break
            words.append(token.text)
        return " ".join(words) or None
    return None


class _Speakers:
    """Resolves sources to entities of the article."""

    def __init__(self, doc: Doc, entities: Sequence[Entity]) -> None:
        self.doc = doc
        self.entities = [e for e in entities if e.label in SPEAKER_LABELS]
        self.by_char: dict[int, Entity] = {}
        self.mentions: list[tuple[int, int, Entity]] = []
        for entity in self.entities:
            for mention in entity.mentions:
                self.mentions.append((mention.start, mention.end, entity))
                for i in range(mention.start, mention.end):
                    self.by_char.setdefault(i, entity)
        self.mentions.sort(key=lambda m: m[0])

    def entity_at(self, token: Token) -> Entity | None:
        return self.by_char.get(token.idx)

    def in_span(self, span: Span) -> Entity | None:
        """The entity named by the span: at its root, else a person/org it names, else any."""
        root = _root(span)
        found = self.entity_at(root)
        if found is not None:
            return found
        if root.lower_ in ROLE_NOUNS:
            if self.doc.has_annotation("DEP"):
                for child in root.children:
                    if child.dep_ == "appos":
                        return self.entity_at(child)
            return None
        hits = [ent for start, end, ent in self.mentions if start < span.end_char and end > span.start_char]
        return hits[-1] if hits else None

    def by_role(self, role: str) -> Entity | None:
        key = _ROLE_PREFIX.sub("", role).lower()
        for entity in self.entities:
            if any(_ROLE_PREFIX.sub("", r).lower() == key for r in entity.roles):
                return entity
        return None

    def appositive_role(self, span: Span) -> str | None:
        """``X, a spokesman for Y,`` inside the source span: the role text without its article."""
        for token in span:
            if token.dep_ == "appos" and span.start <= token.i < span.end:
                left = min(t.i for t in token.subtree)
                right = max(t.i for t in token.subtree) + 1
                if left >= span.start and right <= span.end:
                    return _ROLE_PREFIX.sub("", self.doc[left:right].text.strip(" ,"))
        text = span.text
        if "," in text:
            tail = text.split(",", 1)[1].strip(" ,")
            if tail and tail.split()[0].lower() in {"a", "an", "the"}:
                return _ROLE_PREFIX.sub("", tail)
        return None

    def last_person_before(self, char: int, labels: set[str]) -> Entity | None:
        best: tuple[int, Entity] | None = None
        for start, _end, entity in self.mentions:
            if start < char and entity.label in labels and (best is None or start > best[0]):
                best = (start, entity)
        return best[1] if best else None


def _speaker_of(entity: Entity, role: str | None) -> Speaker:
    return Speaker(
        name=entity.name,
        label=entity.label,
        entity_id=entity.id,
        role=role or (entity.roles[0] if entity.roles else None),
    )


def _resolve(
    speakers: _Speakers, source: Span | None, previous: Sequence[tuple[_Group, Speaker | None]]
) -> Speaker | None:
    if source is None:
        return None
    text = source.text.strip()
    lower = text.lower()
    role = speakers.appositive_role(source)
    if lower in PRONOUNS:
        labels = {"PERSON"} if lower in PERSON_PRONOUNS else {"ORG", "LOC", "MISC", "PERSON"}
        for group, speaker in reversed(previous):
            if speaker is None or speaker.label not in labels:
                continue
            if group.source is not None and source.start_char - group.source.end_char < 1500:
                return speaker
        entity = speakers.last_person_before(source.start_char, labels)
        return _speaker_of(entity, None) if entity else None
    entity = speakers.in_span(source)
    if entity is None and _root(source).lower_ in ROLE_NOUNS:
        entity = speakers.by_role(text)
        if entity is not None:
            return _speaker_of(entity, _ROLE_PREFIX.sub("", text))
        return Speaker(name=text, label="PERSON", role=_ROLE_PREFIX.sub("", text))
    if entity is not None:
        return _speaker_of(entity, role)
    label = "PERSON" if _root(source).ent_type_ in {"PERSON", "PER"} else "MISC"
    return Speaker(name=text, label=label, role=role)


def _confidence(group: _Group, speaker: Speaker | None) -> float:
    score = 0.35 if group.cue is not None else 0.2
    score += 0.3 if group.contents else 0.0
    score += 0.2 if group.source is not None else 0.0
    score += 0.15 if speaker is not None and speaker.entity_id else 0.0
    return round(min(score, 1.0), 2)


def extract_statements(doc: Doc, entities: list[Entity]) -> list[Statement]:
    """Group the Doc's attribution spans into statements, ids ``s1``, ``s2``, ... in text order."""
    layout = _Layout(doc)
    speakers = _Speakers(doc, entities)
    groups = _group(doc, layout)
    resolved: list[tuple[_Group, Speaker | None]] = []
    statements: list[Statement] = []
    for number, group in enumerate(groups, start=1):
        if group.inherited is not None:
            speaker = next((s for g, s in resolved if g is group.inherited), None)
        else:
            speaker = _resolve(speakers, group.source, resolved)
        resolved.append((group, speaker))
        statements.append(
            Statement(
                id=f"s{number}",
                kind=_kind(layout, group.contents) if group.contents else "indirect",
                source=_text_span(layout.text, [group.source] if group.source is not None else []),
                cue=_text_span(layout.text, [group.cue] if group.cue is not None else []),
                content=_text_span(layout.text, group.contents),
                speaker=speaker,
                addressee=_addressee(doc, group),
                medium=_medium(doc, layout, group),
                confidence=_confidence(group, speaker),
            )
        )
    return statements
