"""Speakers: which of the article's entities a statement's source names.

By mention at the head of the source (before an appositive comma); a role followed by a name is that person
("A DOF spokeswoman, Lena Cho", role as written), a head that names no entity followed by one is that entity
("The union, the Northern Nurses Association"); members speak for the organisation or place named after them
("officials at the FAA"), other plurals do not ("passengers at X"); a role ("a spokesman for Milley") is the
entity holding it; a common noun is the one earlier organisation or place whose name holds it ("the authority"
-> "Northbay Port Authority"), and "the company" / "the airline" ... the organisation named before it that the
article names most often (never a commission, union, university ...); a role with no holder is the one person
with that title ("the mayor", also named later); a spokesperson for a titled person ("for Senator Mark
Delaney") is not that person, an unnamed one for an organisation or place is it ("for the Finance
Ministry"); a capitalised transcript name ("WALLACE") the one person whose name or surname
it is; a surname two people share the one named last; "he" / "she" opening a sentence (or right after the
quote that opens it) the person who is the subject of the sentence before (or its predicate: "Waiting outside
was Mere Tawhiri"), other pronouns the last person quoted or mentioned outside quotes; "the 24-year-old" and
"the Italian" the subject of the sentence before, else the person named last, skipping anyone called or
introduced by another nationality ("the Spaniard", "Nigerian striker X"). Names joined by "and" ("Milley and
Zaluzhnyi", "Britain, France and Germany", "Lakeside and the buyer, Granite Ridge") are one joint speaker
whose ``members`` are those entities, as are "Samuel Bennett and his running mate, Tanya Ruiz". A person's
team is not the person ("Ribeiro's team"), nor is a nationality before the head noun ("a Turkish readout") or
what an anonymous source knows about ("a person familiar with Granite Ridge's plans"), a hyphenated modifier
("the Minneapolis-based company") or a place after "in", "at" or "near" ("court documents unsealed in
Cincinnati"; members aside). "who" is the noun phrase its relative clause stands for (the name, when that
noun is the name's apposition: "Anders Bech, an analyst at Skagen Markets, who added"); "the two governments"
the two-member joint speaker just before (with none, "Both candidates" the two people who spoke last); "he" or
"she" may be an unnamed person just quoted ("His wife", "One pilot"), and skips people whose first name has
the other gender (US census first names, ``names.first_name_gender``); "the Kenyan" is the person introduced
as "Kenya's X"; "the agency" is the one administration, agency, commission ... named before ("the hospital" a
medical center, "the union" an association, "the league" a name tagged MISC, "the force" a police force, "the
watchdog" an authority or commission; "the Premier League club" a club), "the prosecutor" the one person named
before whose role has that noun in its head ("the federal prosecutor leading the case"), and "the company"
prefers a name ending like a company's ("Norland Biologics") or one the article calls a company, and of equals
the one named last. A capitalised source the NER left
untagged is the one entity mentioned elsewhere with its exact words ("FEMA"), and so is a capitalised name
before a comma ("Osei, who won ...": by name or surname). An unnamed speaker whose head noun heads a later
source that spells out a name is that entity ("the agency said ... The agency, known as AFAD, said"), and an
unnamed organisation the one whose name opens the next source when that name is of no other kind ("the
regional farmers' association said ... Asaja Andalucía, which ..., said"). A source that names no entity keeps
its own words as the speaker's name ("State health officials"), or its capitalised head with the apposition as
role ("GeoNet, the national seismic monitoring agency"). What qualifies a person who is not the speaker does
not speak either ("[Tennessee] Governor X's office"), nor does a place naming an organisation's branch ("the
FBI's [Cincinnati] field office"), nor does the journal a study appeared in ("a study published in the journal
Neurology"). "it" after the content in its own sentence ("Loaf & Co ... will close 40 stores, it said") is the
organisation or place that is the sentence's first subject; "they" and "it" are never one person: "they" after
a sentence whose subject is an organisation or place is that entity, after a plural noun ("The researchers
followed ... They wrote") nobody named.
An untagged one-word source is the person with that family name ("Park" of "Park Ji-hoon",
"Adeyemi-Cole"); "he" / "she" with no subject before it is the one person its paragraph names before it when
no one has spoken there yet; "the chairman" after two chairmen (or "the prosecutor" by role) is the one named
in its sentence or the one before; "the club" after a quote is the organisation that was the subject of the
sentence before; members speaking anonymously do not speak for their organisation ("Two doctors at X,
speaking on condition of anonymity,"); a source opening with an article right after a name and a comma is
that name's apposition ("Parents for Open Libraries, [a group formed ...], wrote"), unless a speech verb
follows it ("..., Ellis Granger, the people said"). An unnamed role opening a source ("The restaurant's
founder") is the first person its paragraph names after it when the article names that person nowhere
before and gives them no other role, or the person a later source names with that role; "The 49-year-old, a
rescue pilot," is an epithet; members do not speak for a place after another noun ("doctors at the hospital
in Sallanches"); a bracketed ticker is the company before it; "the group" is the one organisation just named
(never a dateline's wire credit), as is "the agency" (council, ministry ...) as a two-word source; a name
opening the clause "..., he said" reports is not "he". "police" alone is the one police force named before;
"the orchestra" the one named with orchestra, philharmonic, symphony ...; "the maker", "the supplier" and "the
producer" are company nouns; a document speaks for its owner ("the team's incident log") or for the name it
comes from ("figures from the Northvale Health Trust"); "she" after a fronted phrase that names no person and
is no prepositional phrase ("Asked by a governor why ..., she replied", "Her son, she said, had called") is
the person who was the subject of the sentence before.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence, Set

from spacy.tokens import Doc, Span, Token

from newsextract.names import STRIP_PREFIXES, first_name_gender, index_keys, normalize_key, surname_key
from newsextract.nlp import syntax
from newsextract.nlp.entities import (
    BUSINESS_DESIGNATORS,
    COMPANY_DESCRIPTORS,
    DATELINE,
    DEMONYMS,
    NATIONALITY_ENDINGS,
    PLATFORMS,
)
from newsextract.nlp.labels import PERSON_LABELS, canonical_label
from newsextract.result import Entity, Speaker

SPEAKER_LABELS = {"PERSON", "ORG", "LOC", "MISC"}
PERSON_PRONOUNS = {"he", "she", "him", "her", "i", "me", "we", "us"}
GROUP_PRONOUNS = {"they", "them", "it"}
PRONOUNS = PERSON_PRONOUNS | GROUP_PRONOUNS | {"you", "who", "which", "that"}
ROLE_NOUNS = {
    "spokesman", "spokeswoman", "spokesperson", "official", "officials", "aide", "aides", "adviser",
    "advisor", "advisers", "secretary", "minister", "president", "chairman", "chair", "director",
    "representative", "press secretary", "senator", "leader", "chief", "commander", "general",
    "ambassador", "source", "sources", "analyst", "expert", "lawyer", "attorney", "manager",
    "strategist", "staffer", "staffers", "counsel", "governor", "mayor", "candidate", "nominee", "founder",
}  # fmt: skip
_THE = re.compile(r"^the\s+", re.IGNORECASE)
_ROLE_PREFIX = re.compile(r"^(?:a|an|the|his|her|their|its)\s+", re.IGNORECASE)
_COMPANY_NOUNS = {
    "company", "firm", "airline", "carrier", "bank", "lender", "insurer", "retailer", "automaker",
    "carmaker", "manufacturer", "chipmaker", "startup", "conglomerate", "publisher", "broadcaster",
    "club", "team", "side", "maker", "supplier", "producer",
}  # fmt: skip
"""``the (<adjective>) <noun>`` that, without a name holding it, means the organisation the article names
most ("the company", "the French club")."""
_SPORTS_NOUNS = {"club", "team", "side"}
_BODY_WORDS = {
    "agency",
    "administration",
    "service",
    "commission",
    "bureau",
    "office",
    "department",
    "authority",
}
_NOT_COMPANIES = _BODY_WORDS | {
    "ministry", "council", "court", "circuit", "tribunal", "parliament", "congress", "senate", "government",
    "police", "union", "coalition", "institute", "university", "federation", "association", "foundation",
    "committee",
}  # fmt: skip
"""Last words (or words before "of") of organisations that "the company" (or "the club") never means."""
_DESCRIBED_AFTER = re.compile(
    r",\s+(?:a|an|the|its|[A-Z][\w.-]*['’]s)\s+(?:[\w'’-]+\s+){0,3}?([a-z-]+)\s*[,.]"
)
"""An apposition after a name that ends in its describing noun: ", the state's largest utility,"."""
_DESCRIBED_COMPANIES = (
    COMPANY_DESCRIPTORS | (_COMPANY_NOUNS - _SPORTS_NOUNS) | {"utility", "producer", "group"}
)
_FUNCTION_WORDS = frozenset(
    {"the", "a", "an", "of", "at", "in", "from", "for", "with", "on", "and", "its", "their"}
)
_PLACE_THEN_HYPHENATED = re.compile(r",\s+[A-Z][\w.]*(?:\s[A-Z][\w.]*)?-[a-z]")
"""A place's state or country hyphenated to a modifier after it ("Cambridge, Massachusetts-based")."""
_GROUP_WORDS = frozenset(
    {"group", "coalition", "alliance", "charity", "campaign", "organisation", "organization"}
)
"""Nouns "the <noun>" refers back with to the one organisation just named ("a coalition of charities. The
group warned"), else to the one named before whose name ends in ``_GROUP_NAMES``."""
_PLACE_OWNED = frozenset({
    "union", "unions", "association", "federation", "company", "companies", "firm", "bank", "lender",
    "airline", "club", "team", "party", "group", "newspaper", "broadcaster", "carrier", "retailer", "insurer",
})  # fmt: skip
"""Organisations that a place's possessive only locates ("Ghana's largest union"); a government, ministry or
police of a place speaks for it."""
_GROUP_NAMES = frozenset({
    "association", "federation", "coalition", "alliance", "society", "network", "foundation", "campaign",
    "group", "trust", "collective", "movement", "project", "initiative", "watch",
})  # fmt: skip
_ORGANISATION_NOUNS = (
    _NOT_COMPANIES | _COMPANY_NOUNS | {"charity", "group", "nonprofit", "operator", "owner"}
) - {
    "side",
    "police",
    "government",
}
_CARE_NAMES = frozenset({"hospital", "medical", "clinic", "infirmary", "health"})
_NAMED_AS = {
    "hospital": _CARE_NAMES,
    "clinic": _CARE_NAMES,
    "union": frozenset(
        {"union", "association", "federation", "guild", "brotherhood", "teamsters", "workers", "local"}
    ),
    "force": frozenset({"police", "constabulary"}),
    "watchdog": frozenset({"authority", "commission", "regulator", "ombudsman", "office", "inspectorate"}),
    "regulator": frozenset({"authority", "commission", "regulator", "office", "board"}),
    "orchestra": frozenset({"orchestra", "philharmonic", "philharmonia", "symphony", "sinfonia"}),
}
"""Words in the names that "the hospital" ("Grant County Medical Center"), "the union" ("British Medical
Association"), "the force" ("West Yorkshire Police") and "the watchdog" ("Competition and Markets
Authority") go by."""
_MEMBER_NOUNS = {
    "officials", "analysts", "executives", "employees", "staff", "researchers", "economists", "lawyers",
    "attorneys", "members", "leaders", "scientists", "experts", "doctors", "spokespeople", "representatives",
    "officers", "workers", "engineers", "managers", "sources", "aides", "advisers", "advisors",
    "investigators", "prosecutors", "strategists", "staffers", "diplomats", "negotiators", "directors",
}  # fmt: skip
"""Plural heads that speak for the organisation after them ("officials at the FAA"); other plurals
("passengers at the airport", "residents of Riverton") do not."""
_LOCATIVE = {"in", "at", "near"}
_STUDY_NOUNS = {"study", "paper", "research", "findings", "trial", "analysis"}
_PUBLISHED_IN = {"in", "journal"}  # "a study published in [The Lancet]", "in the journal [Neurology]"
_OF_WORDS = {"to", "for", "of", "at", "with", "from", "in"}
_OUTSIDER = re.compile(
    r"\b(?:familiar\s+with|close\s+to|briefed\s+on|knowledge\s+of|knowledgeable\s+about|"
    r"in\s+contact\s+with|who\s+(?:has\s+)?(?:advised|worked\s+with|studied)|"
    r"(?:seen|obtained|reviewed)\s+by|(?:filing|filed|submitted)\s+(?:with|to))\b",
    re.IGNORECASE,
)
"""Anonymous sources described by what they know ("a person familiar with Granite Ridge's plans") and
documents by who saw or received them ("a draft document seen by Reuters", "a filing with the National
Highway Traffic Safety Administration"): they are not the entity named after the phrase."""
_NAME_BLOCKERS = {"for", "of", "to", "at", "with", "from", "by", "'s", "’s"}


def _root(span: Span) -> Token:
    """The syntactic root when parsed; else the first role noun, else the last word before a preposition."""
    if span.doc.has_annotation("DEP"):
        return span.root
    for token in span:
        if token.lower_ in ROLE_NOUNS:
            return token
    words: list[Token] = []
    for token in span:
        if words and (token.lower_ in _OF_WORDS or token.lower_ in _LOCATIVE):
            break
        if not token.is_punct:
            words.append(token)
    return words[-1] if words else span[-1]


def _head(span: Span) -> Span:
    """The span before its first comma ("Butler" of "Butler, a spokesman for Milley"), else all of it; not
    the comma of "the Cambridge, Massachusetts-based company"."""
    comma = next((t.i for t in span if t.text == "," and not _hyphenated_place_after(t)), None)
    return span.doc[span.start : comma] if comma is not None and comma > span.start else span


def _hyphenated_place_after(comma: Token) -> bool:
    """``, Massachusetts-based``: a place hyphenated to a modifier right after the comma."""
    doc, i = comma.doc, comma.i
    for hyphen in (i + 2, i + 3):
        if hyphen + 1 < len(doc) and doc[hyphen].text == "-" and doc[hyphen + 1].is_lower:
            return all(doc[k].is_title for k in range(i + 1, hyphen))
    return False


class Speakers:
    """Resolves sources to entities of the article."""

    def __init__(self, doc: Doc, entities: Sequence[Entity], quoted: Sequence[bool]) -> None:
        self.doc = doc
        self.text = doc.text  # Doc.text joins every token on each call
        self.quoted = quoted
        self.entities = [e for e in entities if e.label in SPEAKER_LABELS]
        self.by_char: dict[int, Entity] = {}
        self.mentions: list[tuple[int, int, Entity]] = []
        for entity in self.entities:
            for mention in entity.mentions:
                self.mentions.append((mention.start, mention.end, entity))
                for i in range(mention.start, mention.end):
                    self.by_char.setdefault(i, entity)
        self.mentions.sort(key=lambda m: m[0])
        datelines = [
            match.span()
            for start in (0, *(m.end() for m in re.finditer(r"\n", self.text)))
            if (match := DATELINE.match(self.text, start)) is not None
        ]
        self.wire_credits = {  # "PUNE (Northgate Press) —": named only in datelines, never "the company"
            entity.id
            for entity in entities
            if entity.mentions and all(any(a <= m.start < b for a, b in datelines) for m in entity.mentions)
        }

    def entity_at(self, token: Token) -> Entity | None:
        return self.by_char.get(token.idx)

    def in_span(self, span: Span) -> Entity | None:
        """The entity the span names: at its head (before an appositive comma), else by apposition."""
        head = _head(span)
        outsider = _OUTSIDER.search(self.text, head.start_char, head.end_char)
        if outsider is not None:
            head = (
                self.doc.char_span(head.start_char, outsider.start(), alignment_mode="contract") or head[:0]
            )
        root = _root(head) if len(head) else _root(_head(span))
        inside = [
            (start, end, ent)
            for start, end, ent in self.mentions
            if start < head.end_char and end > head.start_char
        ]
        owners = [end for _start, end, ent in inside if self._possessor(ent, end, root)]
        # "[Tennessee] Governor Carla Whitfield's office": nor does what qualifies the possessor
        hits = [ent for start, end, ent in inside if end not in owners and start >= max(owners, default=0)]
        bracketed = {  # "Vellmar Therapeutics Inc. ([VLMR.O])": a ticker or acronym after a name: no speaker
            ent.id for start, _end, ent in inside[1:] if self._char_before(start) == "("
        }
        hits = [ent for ent in hits if ent.id not in bracketed] or hits
        people = [ent for ent in hits if ent.label == "PERSON"]
        found = self.entity_at(root)
        owning = {ent.id for _start, end, ent in inside if self._possessive(end) and end < head.end_char - 3}
        if found is not None and found.id in owning and len(head):  # "[Di Benedetto]'s lawyer, Giulio
            found, root = None, head[-1]  # Mancuso" parsed with the name as the root: the role's noun
        role_head = found is None and root.lower_ in ROLE_NOUNS  # "A Halvorsen spokesman, Luis Ortega"
        unnamed_head = not people and (found is None or found.label != "PERSON")
        if (role_head or unnamed_head) and head.end < span.end:
            # "A DOF spokeswoman, Lena Cho" / "Albrecht's chief officer, Jonas Weber" / "The union, the
            # Northern Nurses Association" (any entity only when the head names none)
            apposition = span.doc[head.end + 1 : span.end]
            renamed = _KNOWN_AS.match(apposition.text) is not None  # "The association ..., known as UNL"
            apposed = self.entity_opening(apposition, {"PERSON"} if hits and not renamed else None)
            examples = _EXAMPLES.match(self.text, head.end_char)  # "many experts, including Mr. Goldberg"
            if apposed is None and examples is None:
                apposed = self.name_at_end(_head(apposition))  # "The nominee, former ... Daniel K. Whitcomb"
            if apposed is not None:
                return apposed
        if found is not None and (found.label == "PERSON" or not people):
            return found
        if root.lower_ not in ROLE_NOUNS and people:
            return people[-1]
        group_of = root.lower_ in _MEMBER_NOUNS and root.i + 1 < head.end and root.nbor().lower_ in _OF_WORDS
        named = None if group_of else self.name_at_end(head)  # "Aides to Senator Ruth Calloway" are not her
        if named is not None:
            return named
        if root.lower_ in ROLE_NOUNS:
            right_after = root.idx + len(root.text) + 1  # "Entertainment analyst [Raj Malhotra] of X"
            titled = [ent for start, _end, ent in inside if ent.label == "PERSON" and start == right_after]
            if titled:
                return titled[0]
            if self.doc.has_annotation("DEP"):
                for child in root.children:
                    if child.dep_ == "appos" and self.entity_at(child) is not None:
                        return self.entity_at(child)
            if root.lower_ in _MEMBER_NOUNS:  # "officials at the FAA", "sources in Moscow": the organisation
                bodies = [e for e in hits if e.label in {"ORG", "LOC"}]
                body = bodies[0] if len(bodies) == 1 and not people else None
                return body if body is not None and self._members_of(root, body) else None
            return None
        plural_outsider = root.tag_ == "NNS" and root.lower_ not in _MEMBER_NOUNS
        if hits and plural_outsider and not self._by_agent(hits[-1], head):
            return None  # "Passengers at Denver International Airport" are not the airport
        # "court documents unsealed in [Cincinnati]" are not the city ("analysts at Barclays" are, above)
        located = self._located(head, root) if root.lower_ not in _MEMBER_NOUNS else []
        speaking = [ent for ent in hits if ent not in located]
        if root.lower_ in _MEMBER_NOUNS:  # "doctors at the hospital in [Sallanches]" are not the town's
            speaking = [ent for ent in speaking if ent.label == "PERSON" or self._members_of(root, ent)]
        if root.lower_ in _COMPANY_NOUNS | _TEAM_TITLES:  # "the [Premier League] club" is no league
            speaking = [ent for ent in speaking if not _competition(ent)]
        if len(speaking) > 1 and speaking[-1].label == "LOC":
            # "The [FBI]'s Cincinnati field office": the place names the owner's branch
            possessors = [ent for _start, end, ent in inside if ent.label == "ORG" and self._possessive(end)]
            if possessors and possessors[-1] in speaking:
                return possessors[-1]
        return speaking[-1] if speaking else None

    def _members_of(self, root: Token, body: Entity) -> bool:
        """Whether the body is named right after the members' preposition ("officials at [the FAA]"), not
        after another noun ("doctors at the hospital in [Sallanches]")."""
        start = min((m.start for m in body.mentions if m.start > root.idx), default=None)
        if start is None:
            return False
        between = [t for t in self.doc[root.i + 1 :] if t.idx < start]
        return not any(t.is_lower and t.is_alpha and t.lower_ not in _FUNCTION_WORDS for t in between[1:])

    def _located(self, head: Span, root: Token) -> list[Entity]:
        """Places named after "in", "at" or "near" inside the head, after its first word; after "in", also
        the journal a study appeared in ("a study published Wednesday in the journal Neurology")."""
        study = root.lower_ in _STUDY_NOUNS
        found = []
        for start, _end, ent in self.mentions:
            if head.start_char < start < head.end_char:
                before = self._word_before(start)
                if (ent.label == "LOC" and before in _LOCATIVE) or (study and before in _PUBLISHED_IN):
                    found.append(ent)
        return found

    def _possessive(self, end: int) -> bool:
        return self.text.startswith(("'s", "’s"), end)

    def _word_before(self, char: int) -> str:
        words = self.text[max(0, char - 20) : char].split()
        return words[-1].lower() if words else ""

    def _possessor(self, entity: Entity, end: int, root: Token) -> bool:
        """``[Ribeiro]'s team``: a person whose team, office or campaign speaks is not the speaker (roles such
        as "Ribeiro's spokesman" resolve by role); ``a [Turkish] readout``: a nationality before the head
        noun does not speak; ``the [Minneapolis]-based company``: nor does a hyphenated modifier."""
        if entity.label == "MISC" and self._nationality_before_noun(end):
            return True  # "a team of Norwegian and [Swiss] researchers"
        if root.idx < end:
            return False
        if self.text.startswith("-", end) and self.text[end + 1 : end + 2].islower():
            return True  # "The [Minneapolis]-based company", "the [Saudi]-led coalition"
        if _PLACE_THEN_HYPHENATED.match(self.text, end):
            return True  # "the [Cambridge], Massachusetts-based company"
        if root.lower_ in ROLE_NOUNS:
            return False
        possessive = entity.label == "PERSON" and self._possessive(end)
        if entity.label == "LOC" and self._possessive(end) and root.lower_ in _PLACE_OWNED:
            return True  # "[Ghana]'s largest cocoa farmers' union": the union, not the country
        return possessive or entity.label == "MISC"

    def _nationality_before_noun(self, end: int) -> bool:
        """A nationality used as an adjective: a lower-case noun right after it ("Swiss researchers")."""
        last = self.doc.char_span(end - 1, end, alignment_mode="expand") if end > 0 else None
        if last is None or last.end >= len(self.doc):
            return False
        following = self.doc[last.end]
        return following.is_lower and following.tag_ in {"NN", "NNS"}

    def joint(self, source: Span) -> Speaker | None:
        """``Milley and Zaluzhnyi`` (two names joined by "and" opening the source, or after "both"),
        ``Britain, France and Germany``: all of them, as one speaker that is none of the entities alone."""
        listed = self._name_list(source)
        if listed is not None:
            return listed
        head = _head(source)
        inside = [m for m in self.mentions if head.start_char <= m[0] < head.end_char]
        opening = self.text[head.start_char : inside[0][0]] if inside else ""
        # "[the] Milley and ...", "[Governor-elect] Samuel Bennett and his running mate, Tanya Ruiz"
        plain_opening = opening.strip().lower() == "the" or all(
            word[:1].isupper() for word in opening.split()
        )
        if len(inside) == 1 and head.end < source.end and plain_opening:
            apposed = self._joined_apposition(source, head, inside[0])
            if apposed is not None:
                return apposed
        if not inside and head.end < source.end:  # "The two board members who ..., A and B"
            apposed_pair = self._apposed_pair(source.doc[head.end + 1 : source.end])
            if apposed_pair is not None:
                return apposed_pair
        if len(inside) < 2 or opening.strip().lower() not in _LIST_OPENINGS:
            return None
        (_, first_end, first), (second_start, second_end, second) = inside[0], inside[1]
        joined = self.text[first_end:second_start].strip().lower() in {"and", "&"}
        if not joined or first.id == second.id or second_end > head.end_char:
            return None
        return _joint_speaker([first, second])

    def _apposed_pair(self, apposition: Span) -> Speaker | None:
        """``Chanda Smart and Robert Butler`` as the whole apposition of a head that names nobody."""
        words = [t for t in apposition if t.text != "," and not t.is_space]
        if not words:
            return None
        start, end = words[0].idx, words[-1].idx + len(words[-1])
        inside = [m for m in self.mentions if start <= m[0] < end]
        if len(inside) != 2 or inside[0][0] != start or inside[1][1] != end:
            return None
        (_, first_end, first), (second_start, _, second) = inside
        joined = self.text[first_end:second_start].strip().lower() == "and"
        return _joint_speaker([first, second]) if joined and first.id != second.id else None

    def _name_list(self, source: Span) -> Speaker | None:
        """Three or more names separated by commas, the last by "and" (or "&"), opening the source."""
        inside = [m for m in self.mentions if source.start_char <= m[0] < source.end_char]
        if (
            len(inside) < 3
            or self.text[source.start_char : inside[0][0]].strip().lower() not in _LIST_OPENINGS
        ):
            return None
        chain = [inside[0]]
        for mention in inside[1:]:
            gap = self.text[chain[-1][1] : mention[0]].strip().lower()
            if gap not in {",", "and", "&", ", and", ", &"} or mention[2].id in {m[2].id for m in chain}:
                break
            chain.append(mention)
            if gap != ",":
                break
        last_gap = self.text[chain[-2][1] : chain[-1][0]].strip().lower() if len(chain) > 1 else ""
        if len(chain) < 3 or last_gap == ",":
            return None
        return _joint_speaker([entity for _start, _end, entity in chain])

    def _joined_apposition(self, source: Span, head: Span, first: tuple[int, int, Entity]) -> Speaker | None:
        """``Lakeside and the buyer, Granite Ridge Capital``: the first name and the one apposed to "the
        <noun>" after "and"."""
        between = self.text[first[1] : head.end_char].lower().split()
        if len(between) < 3 or between[0] != "and" or between[1] not in {"the", "his", "her", "its", "their"}:
            return None  # "Lakeside and the buyer, X", "Samuel Bennett and his running mate, Tanya Ruiz"
        second = self.entity_opening(self.doc[head.end + 1 : source.end], None)
        if second is None or second.id == first[2].id:
            return None
        return _joint_speaker([first[2], second])

    def _by_agent(self, entity: Entity, head: Span) -> bool:
        """Whether ``entity`` is named after "by" in ``head`` ("estimates by Avanta Partners")."""
        for start, _end, ent in self.mentions:
            if ent is entity and head.start_char <= start < head.end_char:
                before = self.doc.char_span(head.start_char, start, alignment_mode="contract")
                words = [t.lower_ for t in before or [] if not t.is_punct]
                return "by" in words[-3:]
        return False

    def entity_opening(self, span: Span, labels: set[str] | None) -> Entity | None:
        """The entity (of ``labels``, any if None) named at the start of ``span``, after capitalised words,
        "the" ("Dr.", "the") or "known as"."""
        for token in span[:5]:
            if token.is_space or token.lower_ in {"known", "also", "as"}:  # "The agency, known as AFAD"
                continue
            entity = self.entity_at(token)
            following = self.doc[token.i + 1] if token.i + 1 < span.end else None  # "[Austrian] MEP X"
            describing = following is not None and not following.ent_type_
            if entity is not None and entity.label == "MISC" and describing:
                return None  # "[Kenyan] diplomat Joseph Mwangi-Otieno": a nationality describing him
            if entity is not None:
                return entity if labels is None or entity.label in labels else None
            if not (token.is_title or token.lower_ == "the"):
                return None
        return None

    def name_at_end(self, head: Span) -> Entity | None:
        """``White House press secretary Josh Earnest``: a person named last (before a party bracket: "Senate
        Majority Leader Chuck Schumer (D-N.Y.)"), not after a preposition."""
        text = self.text[head.start_char : head.end_char]
        head_end = head.end_char
        if text.endswith(")") and "(" in text:
            head_end = head.start_char + len(text[: text.rindex("(")].rstrip())
        for start, end, entity in self.mentions:
            if entity.label != "PERSON" or end != head_end or start <= head.start_char:
                continue
            before = [t for t in head if t.idx + len(t) <= start]
            while len(before) > 1 and before[-1].lower_.rstrip(".") in STRIP_PREFIXES:
                before.pop()  # "a spokesperson for [Senator] Mark Delaney" is not Delaney
            if before and before[-1].lower_ not in _NAME_BLOCKERS:
                return entity
        return None

    def by_common_noun(self, source: Span) -> Entity | None:
        """``the (port) authority`` -> the one organisation or place named before it whose name holds that
        noun and the other words ("Northbay Port Authority", "the ministry" -> "Ministry of Interior");
        ``the company`` / ``the airline`` / ``the French club`` (``_COMPANY_NOUNS``, after adjectives) -> of
        the organisations named before it, the one the article names most often (first named on a tie).
        """
        words = source.text.lower().split()
        earlier = [entity for start, _end, entity in self.mentions if start < source.start_char]
        if words == ["police"]:  # "police said": the one police force the article names before
            forces = {
                e.id: e
                for e in earlier
                if e.label == "ORG" and _NAMED_AS["force"] & set(e.name.lower().split())
            }
            return next(iter(forces.values())) if len(forces) == 1 else None
        if len(words) < 2 or words[0] != "the":
            return None
        found = {
            entity.id: entity
            for entity in earlier
            if entity.label in {"ORG", "LOC", "MISC"}
            and set(words[1:]) <= set(entity.name.lower().split())
            and _COURT_CASE.search(entity.name) is None  # "Lindqvist v. Allegheny Valley Transit Authority"
        }  # "the league" -> "Major League Baseball", tagged MISC
        if (
            not found
            and any(  # a party named only in a court case's name: no other body either
                _COURT_CASE.search(entity.name) and set(words[1:]) <= set(entity.name.lower().split())
                for entity in earlier
            )
        ):
            return None
        if not found and words[-1] in _NAMED_AS:  # "the hospital" -> "Grant County Medical Center"
            found = {
                entity.id: entity
                for entity in earlier
                if entity.label == "ORG" and _NAMED_AS[words[-1]] & set(entity.name.lower().split())
            }
        if not found and words[-1] in _BODY_WORDS:  # "the agency" -> "Food and Drug Administration"
            found = {
                entity.id: entity
                for entity in earlier
                if entity.label == "ORG" and _BODY_WORDS & set(entity.name.lower().split())
            }
        if not found and words[-1] not in _COMPANY_NOUNS:  # "INDEC, the national statistics institute, ...
            found = {
                entity.id: entity
                for start, end, entity in self.mentions
                if start < source.start_char
                and entity.label in {"ORG", "MISC"}  # "Fossil Free Norden" tagged MISC
                and self._described_as(start, end, words[-1])
            }
        just_named = (
            _GROUP_WORDS | _BODY_WORDS | {"council", "ministry", "institute", "body", "regulator", "party"}
        )
        if not found and len(words) == 2 and words[-1] in just_named:  # not "the state's health department"
            found = {
                e.id: e for e in self._organisations_just_before(source)
            }  # "the group": the one just named
        if len(found) > 1 and words[-1] not in _COMPANY_NOUNS:
            found = self._the_one_just_before(source, found)
        if not found and len(words) == 2 and words[-1] in just_named:  # "Ofwat announced ... ¶ The regulator"
            subject = self._previous_organisation(source)
            found = {subject.id: subject} if subject is not None else {}
        if not found and words == ["the", "group"]:  # else the one association named before
            found = {
                e.id: e for e in earlier if e.label == "ORG" and e.name.lower().split()[-1] in _GROUP_NAMES
            }
            found = found if len(found) == 1 else {}
        if len(found) == 1:
            return next(iter(found.values()))
        competing = [
            t for t in source[1:-1] if (entity := self.entity_at(t)) is not None and _competition(entity)
        ]
        described = all(  # "the French club", "the Minneapolis-based company", "the Premier League club"
            t.is_lower
            or t.ent_type_ in {"MISC", "NORP"}
            or (
                t.ent_type_ in {"LOC", "GPE"} and any(u.text == "-" for u in source)
            )  # "Cambridge, Mass.-based"
            or (t.text == "," and _hyphenated_place_after(t))
            or t.text == "-"
            or t.nbor().text == "-"
            or t in competing
            for t in source[1:-1]
        )
        if competing and words[-1] in _TEAM_TITLES:
            words[-1] = "club"  # "the Premier League leaders": a club
        if found or words[-1] not in _COMPANY_NOUNS or not described:
            return None
        described_ones = {entity.id for start, end, entity in self.mentions if self._described(start, end)}
        by_id = {  # first-mention order; "the company" is no commission, union, university or department,
            entity.id: entity  # unless the article calls it a company ("Arizona Public Service, the utility")
            for entity in earlier
            if entity.label == "ORG"
            and (not _body_name(entity.name) or entity.id in described_ones)
            and not _platform(entity)
            and entity.id not in self.wire_credits
        }
        subject = self.subject_before(source)
        if subject is not None and subject.id in by_id:
            return subject  # "Liverpool have signed X from Feyenoord, the Premier League leaders said"
        previous = [e for t in self._previous_subjects(source) if (e := self.entity_at(t)) is not None]
        if previous and previous[0].id in by_id:
            return previous[0]  # "Real Almenara said it would take X to FIFA. “...,” the club said"
        if words[-1] not in _SPORTS_NOUNS:  # "the company": a company's name when one is named ("Norland
            businesses = {
                i: e
                for i, e in by_id.items()
                if e.name.lower().split()[-1] in BUSINESS_DESIGNATORS or i in described_ones
            }  # or described as one ("the launch company Orbex Launch")
            by_id = businesses or by_id  # Biologics"), not an acronym the NER took for one ("RSV")
        counts = Counter(entity.id for _start, _end, entity in self.mentions if entity.id in by_id)
        last = {entity.id: start for start, _end, entity in self.mentions if start < source.start_char}
        best = max(by_id, key=lambda i: (counts[i], last.get(i, -1)), default=None)  # equals: named last
        return by_id[best] if best is not None else None

    def _organisations_just_before(self, source: Span) -> list[Entity]:
        """The organisations named in the source's sentence before it and in the sentence before that."""
        if not self.doc.has_annotation("SENT_START"):
            return []
        since = syntax.previous_sentence_start(source[0])
        paragraph = self.text.rfind("\n", 0, source.start_char) + 1
        dateline = DATELINE.match(self.text, paragraph)  # not the wire credit of "LAMPEDUSA, Italy (AFP) —"
        since = max(since, dateline.end() if dateline is not None else since)
        return list(
            {
                entity.id: entity
                for start, _end, entity in self.mentions
                if since <= start < source.start_char and entity.label == "ORG" and not _platform(entity)
            }.values()
        )

    def _previous_subject_entity(self, source: Span) -> Entity | None:
        """The entity the first subject of the sentence before names (its own word, else its words)."""
        subjects = self._previous_subjects(source)
        return (self.entity_at(subjects[0]) or self._subject_named(subjects)) if subjects else None

    def _previous_organisation(self, source: Span) -> Entity | None:
        """The organisation that is the subject of the sentence before, also across a paragraph break, unless
        its name makes it a business ("Thamesbrook Water plc") or a platform."""
        subject = self._previous_subject_entity(source)
        if subject is None or subject.label != "ORG" or _platform(subject):
            return None
        return None if subject.name.lower().split()[-1] in BUSINESS_DESIGNATORS else subject

    def _the_one_just_before(self, source: Span, found: dict[str, Entity]) -> dict[str, Entity]:
        """Of several organisations "the agency" could mean, the subject of the sentence before ("PAGASA
        cautioned ... The agency said") or else the only one named in it or before the noun in its own
        sentence ("according to the Icelandic Meteorological Office. The agency said"); none when neither
        tells them apart."""
        subject = self._previous_subject_entity(source)
        if subject is not None and subject.id in found:
            return {subject.id: subject}
        just = [e for e in self._organisations_just_before(source) if e.id in found]
        return {just[0].id: just[0]} if len(just) == 1 else {}

    def _descriptions(self, start: int, end: int) -> tuple[str, str]:
        """The lower-case word right before the mention at ``start`` ("the startup [Orbex]") and the noun
        ending the apposition right after it ("[INDEC], the national statistics institute,"), "" if none."""
        before = self.text[max(0, start - 30) : start].split()
        after = _DESCRIBED_AFTER.match(self.text, end)
        word = before[-1].lower().rstrip(",") if before else ""  # also "their agency, [Bluecrest]"
        if word == "the" and len(before) >= 2 and before[-2].endswith(","):
            word = before[-2].lower().rstrip(",")  # "The union, the [Bay State Nurses Alliance]"
        return (word, after[1].lower() if after is not None else "")

    def _described_as(self, start: int, end: int, noun: str) -> bool:
        """Whether the mention is introduced as a ``noun`` ("state power utility [Eskom]")."""
        return noun in self._descriptions(start, end)

    def _described(self, start: int, end: int) -> bool:
        """Whether a company noun describes the mention, before it or in the apposition after it
        ("[Arizona Public Service], the state's largest utility,")."""
        before, after = self._descriptions(start, end)
        return before in COMPANY_DESCRIPTORS or after in _DESCRIBED_COMPANIES

    def namesake(self, entity: Entity, char: int) -> Entity:
        """``Tawhiri`` left alone because two people share the surname: the one named last before ``char``."""
        if entity.label != "PERSON" or len(entity.name.split()) != 1:
            return entity
        key = normalize_key(entity.name)
        latest = entity
        for start, _end, other in self.mentions:  # in text order
            if start < char and other.label == "PERSON" and surname_key(other.name) == key:
                latest = other
        return latest

    def by_name(self, source: Span) -> Entity | None:
        """``WALLACE`` (a transcript's speaker) -> the one person whose name or surname it is."""
        key = normalize_key(source.text)
        found = {e.id: e for e in self.entities if e.label == "PERSON" and key in _keys_of(e)}
        return next(iter(found.values())) if len(found) == 1 else None

    def family(self, text: str) -> Speaker | None:
        """``the Fenwicks``: the people of the article with that surname, one joint speaker for several."""
        match = _FAMILY.fullmatch(text.strip())
        if match is None:
            return None
        plural = match[1].lower()
        surnames = {plural[:-1], plural[:-2]} if plural.endswith("es") else {plural[:-1]}
        people = [
            e for e in self.entities if e.label == "PERSON" and normalize_key(e.name).split()[-1] in surnames
        ]
        people = [e for e in people if " " in normalize_key(e.name)] or people  # not "Okafor" beside them
        if not people:
            return None
        return _speaker_of(people[0], None) if len(people) == 1 else _joint_speaker(people)

    def by_mention_text(self, source: Span) -> Entity | None:
        """The one entity mentioned elsewhere with exactly the source's words, which the NER left untagged
        here ("FEMA said" after "the Federal Emergency Management Agency (FEMA)")."""
        text = source.text.strip()
        found = {e.id: e for start, end, e in self.mentions if self.text[start:end] == text}
        return next(iter(found.values())) if len(found) == 1 else None

    def by_role_noun(self, source: Span) -> Entity | None:
        """``the prosecutor`` -> the one person named before it whose role or title has that noun in its
        head ("Els Vandamme, the federal prosecutor leading the case"); of several, the one named in its
        sentence or the one before, if only one was."""
        words = source.text.split()
        lower = all(w.islower() or (w.isupper() and len(w) <= 4) for w in words[1:])  # also "the CFO"
        if not 2 <= len(words) <= 4 or words[0].lower() != "the" or not lower:
            return None
        noun = words[-1].lower()
        offices = {noun} | _SAME_OFFICE.get(noun, set())  # "the judge": "Justice Marguerite A. ..."
        earlier = {entity.id for start, _end, entity in self.mentions if start < source.start_char}
        holders = [
            entity
            for entity in self.entities
            if entity.id in earlier
            and entity.label == "PERSON"
            and any(_holds_office(role, offices) for role in [*entity.roles, *entity.titles])
        ]
        if len(holders) > 1 and source.doc.has_annotation("SENT_START"):  # two chairmen: the one just named
            since = syntax.previous_sentence_start(source[0])
            last = {
                entity.id: max(
                    start
                    for start, _end, e in self.mentions
                    if e.id == entity.id and start < source.start_char
                )
                for entity in holders
            }
            latest = max(holders, key=lambda entity: last[entity.id])
            if last[latest.id] >= since and sum(last[e.id] >= since for e in holders) == 1:
                return latest
        return holders[0] if len(holders) == 1 else None

    def _non_space_before(self, char: int) -> int:
        """The offset of the last character before ``char`` that is no whitespace, -1 if none."""
        i = char - 1
        while i >= 0 and self.text[i].isspace():
            i -= 1
        return i

    def _char_before(self, char: int) -> str:
        i = self._non_space_before(char)
        return self.text[i] if i >= 0 else ""

    def named_before_bracket(self, source: Span) -> Entity | None:
        """``Vellmar Therapeutics Inc. ([VLMR.O]) said``: a ticker or acronym in brackets stands for the
        organisation named right before the bracket."""
        bracket = self._non_space_before(source.start_char)
        if bracket < 0 or self.text[bracket] != "(":
            return None
        end = self._non_space_before(bracket) + 1
        return next((e for _s, stop, e in self.mentions if stop == end and e.label == "ORG"), None)

    def anchor_of_apposition(self, source: Span) -> Entity | None:
        """``Parents for Open Libraries, [a group formed last spring ...], wrote``: a source opening with an
        article right after a name and a comma is that name's apposition, so it names that organisation or
        person."""
        after = source.doc[source.end] if source.end < len(source.doc) else None
        inverted = after is None or after.lower_ in _SAYING  # a source ending its sentence may be apposed:
        if source[0].lower_ not in {"a", "an", "the"} or inverted:  # "said Marisol Forbes, [a shopkeeper]."
            return None  # "a prominent donor, Ellis Granger, [the people] said": an inverted source
        comma = self._non_space_before(source.start_char)
        if comma < 0 or self.text[comma] != ",":
            return None
        return next(
            (
                entity
                for _start, end, entity in self.mentions
                if entity.label in {"ORG", "PERSON"} and end <= comma and not self.text[end:comma].strip()
            ),
            None,
        )

    def by_role(self, role: str) -> Entity | None:
        """The entity holding ``role`` ("a spokesman for Milley"), else the one person with that title,
        also when named later ("a move the mayor said would help ... Mayor Denise Harper")."""
        key = _ROLE_PREFIX.sub("", role).lower()
        for entity in self.entities:
            if any(_ROLE_PREFIX.sub("", r).lower() == key for r in entity.roles):
                return entity
        titled = {
            e.id: e for e in self.entities if e.label == "PERSON" and key in (t.lower() for t in e.titles)
        }
        return next(iter(titled.values())) if len(titled) == 1 else None

    def appositive_role(self, span: Span) -> str | None:
        """``X, a spokesman for Y,`` inside the source span: the role text without its article."""
        for token in span:
            in_span = span.start <= token.i < span.end
            bracketed = token.left_edge.text == "("  # "Sen. Curtis Rowe (R-Idaho)": no role
            # "WHO Director-General [Amara Bekele]" misparsed, "reached in Victoria, [British Columbia]"
            the_name = canonical_label(token.ent_type_) in {"PERSON", "LOC"}
            if token.dep_ == "appos" and in_span and not token.like_num and not bracketed and not the_name:
                left = min(t.i for t in token.subtree)
                right = max(t.i for t in token.subtree) + 1
                if left >= span.start and right <= span.end:
                    return _without_relative(_ROLE_PREFIX.sub("", self.doc[left:right].text.strip(" ,")))
        text = span.text
        if "," in text:
            tail = text.split(",", 1)[1].strip(" ,")
            if tail and tail.split()[0].lower() in {"a", "an", "the"}:
                return _without_relative(_ROLE_PREFIX.sub("", tail))
        return None

    def _previous_root(self, pronoun: Span, *, after_fronted: bool = False) -> Token | None:
        """The root of the sentence before the one ``pronoun`` opens (or opens after a quote; with
        ``after_fronted``, also after a fronted phrase that names no person), parsed Docs."""
        doc = self.doc
        if not doc.has_annotation("DEP"):
            return None
        sentence = pronoun.sent
        before = doc[sentence.start : pronoun.start]
        fronted = (  # "Asked by a governor why ..., she replied", "Her son, she said, had called"
            after_fronted
            and len(before) > 1
            and before[-1].text == ","
            and before[0].pos_ != "ADP"  # not "In the book, she writes": a place in the text, not a topic
            and not any(t.ent_type_ == "PERSON" for t in before)
        )
        if not fronted and any(not (t.is_space or t.is_punct or self.quoted[t.idx]) for t in before):
            return None
        end = sentence.start
        while end > 0 and (doc[end - 1].is_space or doc[end - 1].is_punct):
            end -= 1  # also over an opening quote mark the parser made a sentence of its own
        return doc[end - 1].sent.root if end > 0 else None

    def _subject_named(self, subjects: list[Token]) -> Entity | None:
        """The entity the subjects' words name, read as a source is ("Real Sociedad's coach, Imanol
        Etxeberria,", "Analysts at Morgan Stanley"), when the first subject's own word names none; the words
        span every subject, as a parser may make an apposed name a second subject."""
        start = min(subject.left_edge.i for subject in subjects)
        end = max(subject.right_edge.i for subject in subjects) + 1
        return self.in_span(self.doc[start:end])

    def _dateline_end(self, subject: Token) -> int | None:
        """Where the dateline ends that holds a word the parse made a subject ("[SINGAPORE —] Ingrid", "LONDON
        ([Kestrel Wire]) —"), else None."""
        match = DATELINE.match(self.text, self.text.rfind("\n", 0, subject.idx) + 1)
        return match.end() if match is not None and subject.idx < match.end() else None

    def _after_dateline(self, subject: Token) -> Entity | None:
        """The entity named right after a dateline that the parse made a subject ("SINGAPORE — Ingrid
        Solheim of Norway became"), else None."""
        end = self._dateline_end(subject)
        return self.by_char.get(end) if end is not None else None

    def _previous_subjects(self, pronoun: Span) -> list[Token]:
        """The subjects of the sentence before the one ``pronoun`` opens (parsed Docs), none when the first
        is inside a quote."""
        root = self._previous_root(pronoun)
        subjects = [c for c in root.children if c.dep_ in syntax.SUBJECTS] if root is not None else []
        if len(subjects) > 1 and self._dateline_end(subjects[0]) is not None:
            subjects = subjects[1:]  # "[MADRID] — Real Almenara said": the club is the subject
        return [] if subjects and self.quoted[subjects[0].idx] else subjects

    def previous_group(self, pronoun: Span) -> tuple[bool, Entity | None]:
        """For "they" opening a sentence: whether the sentence before has a group as subject, and which
        organisation, place or other non-person entity it is (None: "The researchers followed ... They
        wrote" names nobody; "Analysts at Morgan Stanley wrote ... They wrote" is the bank)."""
        subjects = self._previous_subjects(pronoun)
        if not subjects:
            return False, None
        entity = self.entity_at(subjects[0])
        if entity is None and subjects[0].lower_ in _MEMBER_NOUNS:  # not "states led by West Virginia"
            entity = self._subject_named(subjects)
        if entity is not None and entity.label != "PERSON":
            return True, entity
        return entity is None and subjects[0].tag_ == "NNS", None

    def previous_family(self, pronoun: Span) -> Speaker | None:
        """For "they" opening a sentence after one whose subject is a family ("The Fenwicks spent months
        ... They said"): its people."""
        subjects = self._previous_subjects(pronoun)
        if not subjects:
            return None
        subject = subjects[0]
        return self.family(self.doc[subject.left_edge.i : subject.i + 1].text)

    def subject_before(self, pronoun: Span) -> Entity | None:
        """``Loaf & Co, the bakery chain ..., will close 40 stores, it said``: the organisation or place that
        is the first subject in the pronoun's sentence before it, outside quotes (parsed Docs only)."""
        if not self.doc.has_annotation("DEP"):
            return None
        sentence = pronoun.sent
        for token in self.doc[sentence.start : pronoun.start]:
            if (
                token.dep_ in syntax.SUBJECTS
                and not self.quoted[token.idx]
                and self._dateline_end(token) is None  # "[MADRID] — Loaf & Co will close ..., it said"
            ):
                entity = self.entity_at(token)
                return entity if entity is not None and entity.label in {"ORG", "LOC"} else None
        return None

    def _broken_off(self, root: Token) -> Token | None:
        """The root of the piece the parser broke off before ``root``'s sentence inside a phrase (its first
        token a comma, or no full stop, colon or line break before it), else None."""
        start = root.sent.start
        if start == 0:
            return None
        before = self.doc[start - 1]
        broken = self.doc[start].text == "," or not (before.is_punct or before.is_space)
        return before.sent.root if broken else None

    def previous_subject(self, pronoun: Span) -> Entity | None:
        """The person who is the subject of the sentence before the one ``pronoun`` opens, or opens after a
        quote ("“We let you down,” she said.") or after a fronted phrase ("Asked why, she replied"), on parsed
        Docs; without a subject, the one person that sentence names outside quotes."""
        root = self._previous_root(pronoun, after_fronted=True)
        if root is None:
            return None
        subjects = [c for c in root.children if c.dep_ in syntax.SUBJECTS]
        if not subjects and root.pos_ != "PROPN":
            root = self._broken_off(root) or root  # "Van Wyk, a former wicketkeeper, | insisted ..."
        if not subjects and root.pos_ == "PROPN":
            subjects = [root]  # a misparse that makes the subject's name the root
        if subjects and self.quoted[subjects[0].idx]:
            subjects = []  # a quote's own subject ("“Drainages lead to cliffs.” He said") is nobody's
        after_dateline = self._after_dateline(subjects[0]) if subjects else None
        if after_dateline is not None:  # "[SINGAPORE] — Ingrid Solheim of Norway became ..."
            return after_dateline if after_dateline.label == "PERSON" else None
        entity = (self.entity_at(subjects[0]) or self._subject_named(subjects)) if subjects else None
        if entity is not None and entity.label == "PERSON":
            return entity
        predicate = self.entity_at(root) if any(c.dep_ == "cop" for c in root.children) else None
        if predicate is not None and predicate.label == "PERSON":
            return predicate  # "Among those waiting outside was [Mere Tawhiri]. She said ..."
        if subjects:
            return None
        # no subject outside quotes ("In the words of Ingrid Dahl, an economist, “Rent control is ...”"):
        # the one person the sentence names outside quotes
        previous = root.sent
        people = {
            entity.id: entity
            for start, _end, entity in self.mentions
            if previous.start_char <= start < previous.end_char
            and entity.label == "PERSON"
            and not self.quoted[start]
        }
        return next(iter(people.values())) if len(people) == 1 else None

    def by_nationality(self, adjective: str, char: int) -> Entity | None:
        """``the Kenyan``: the one person named before ``char`` right after a country's possessive or a
        nationality adjective of the same stem ("Kenya's Faith Kiprotich", "Kenyan runner Ann Keter"), or
        right before "of" and that country ("Ingrid Solheim of Norway")."""
        stem = adjective[:4].lower()
        found = {e.id: e for e, before in self._people_after(_NATIONAL_BEFORE, char) if before == stem}
        found |= {e.id: e for e, after in self._people_of_country(char) if after == stem}
        return next(iter(found.values())) if len(found) == 1 else None

    def described_nationals(self, char: int, nationality: str) -> set[str]:
        """People named before ``char`` right after a nationality other than ``nationality`` ("Nigerian
        striker Tunde Okafor" is not "the Italian")."""
        stem = nationality[:4].lower()
        described = self._people_after(_NATIONALITY_BEFORE, char)
        return {e.id for e, word in (*described, *self._people_of_country(char)) if word != stem}

    def _people_after(self, pattern: re.Pattern[str], char: int) -> Iterator[tuple[Entity, str]]:
        """People named before ``char`` right after a word ``pattern`` finds (its first group), with the
        word's first four letters in lower case."""
        for start, _end, entity in self.mentions:
            if start >= char or entity.label != "PERSON":
                continue
            before = pattern.search(self.text, max(0, start - 40), start)
            if before is not None:
                yield entity, before[1][:4].lower()

    def two_named_before(self, source: Span) -> Speaker | None:
        """``Harbor Trust has agreed to buy Millbrook Savings Bank ..., the two banks said``: the last two
        entities named before the source in its sentence, outside quotes, when they share a label."""
        sentence = source.sent
        named: dict[str, Entity] = {}
        for start, _end, entity in self.mentions:
            if sentence.start_char <= start < source.start_char and not self.quoted[start]:
                named.pop(entity.id, None)
                named[entity.id] = entity  # ordered by last mention
        last_two = list(named.values())[-2:]
        if len(last_two) < 2 or last_two[0].label != last_two[1].label:
            return None
        return _joint_speaker(last_two)

    def _people_of_country(self, char: int) -> Iterator[tuple[Entity, str]]:
        """People named before ``char`` with "of" and a country right after the name ("Ingrid Solheim of
        Norway"), with the country's first four letters in lower case."""
        for start, end, entity in self.mentions:
            if start < char and entity.label == "PERSON":
                after = _COUNTRY_AFTER.match(self.text, end)
                if after is not None:
                    yield entity, after[1][:4].lower()

    def person_of_paragraph(self, pronoun: Span, gender: str | None) -> Entity | None:
        """The one person the pronoun's paragraph names before it, outside quotes, if that person agrees in
        gender ("The best actress award went to ... Ananya Krishnamurthy .... “...,” she said")."""
        start = self.text.rfind("\n", 0, pronoun.start_char) + 1
        people = {  # not a possessor: "[Marr]’s lawyer, Lena Vasquez-Hart, rose"
            entity.id: entity
            for char, end, entity in self.mentions
            if start <= char < pronoun.start_char
            and entity.label == "PERSON"
            and not self.quoted[char]
            and not self._possessive(end)
        }
        if len(people) != 1:
            return None
        person = next(iter(people.values()))
        return person if _agrees(person.name, gender) else None

    def last_person_before(
        self, char: int, labels: set[str], gender: str | None = None, excluded: Set[str] = frozenset()
    ) -> Entity | None:
        """The entity with one of ``labels`` mentioned last before ``char``, outside quotes, of that gender
        and not ``excluded``."""
        best: tuple[int, Entity] | None = None
        for start, _end, entity in self.mentions:
            later = best is None or start > best[0]
            if entity.id in excluded or self.quoted[start]:
                continue
            if start < char and entity.label in labels and later and _agrees(entity.name, gender):
                best = (start, entity)  # the name's gender is looked up last, for candidates only
        return best[1] if best else None


def _last_two_speakers(
    speakers: Speakers, source: Span, earlier: Sequence[tuple[Span | None, Speaker | None]]
) -> Speaker | None:
    """``Both candidates said``: the two entities of one label that spoke last, within 1,500 characters, as
    a joint speaker."""
    found: list[Entity] = []
    by_id = {entity.id: entity for entity in speakers.entities}
    for earlier_source, speaker in reversed(earlier):
        if earlier_source is None or source.start_char - earlier_source.end_char >= 1500:
            break
        entity = by_id.get(speaker.entity_id) if speaker is not None and speaker.entity_id else None
        if entity is not None and entity not in found and (not found or entity.label == found[0].label):
            found.append(entity)
        if len(found) == 2:  # in the order the article introduces them
            return _joint_speaker(sorted(found, key=lambda e: min((m.start for m in e.mentions), default=0)))
    return None


_LIST_OPENINGS = {"", "the", "both"}
"""What may come before the first of several joined names in a source: "[Both] Cruz and Fiorina"."""


def _joint_speaker(entities: Sequence[Entity]) -> Speaker:
    """One speaker for several entities ("A and B", "A, B and C"): their common label, else MISC."""
    names = [entity.name for entity in entities]
    labels = {entity.label for entity in entities}
    return Speaker(
        name=f"{', '.join(names[:-1])} and {names[-1]}",
        label=labels.pop() if len(labels) == 1 else "MISC",
        members=tuple(entity.id for entity in entities),
    )


def _named_or_anchored(speakers: Speakers, source: Span) -> Entity | None:
    """The entity the source names, unless that is only a place in an apposition of the name before it:
    "Gerardo Ochoa, [a court clerk from Puebla]," is Ochoa."""
    named = speakers.in_span(source)
    if named is not None and named.label == "LOC":
        return speakers.anchor_of_apposition(source) or named
    return named


_COURT_CASE = re.compile(r"\s(?:v|vs)\.?\s")
"""The "v." of a court case, whose name holds a party's words but speaks for neither."""


def _platform(entity: Entity) -> bool:
    """``Facebook``, ``X``: where something was posted, never who posted it."""
    return entity.name.lower() in PLATFORMS


_SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson"})


def _represented(speakers: Speakers, source: Span) -> Entity | None:
    """``a spokesperson for [the department]``: the organisation or place an unnamed spokesperson speaks
    for (not a person: "a spokesman for Mayor Linda Kessler" is not the mayor)."""
    words = [t for t in source if not t.is_space]
    spokes = next((k for k, t in enumerate(words[:4]) if t.lower_ in _SPOKESPEOPLE), None)
    if spokes is None or spokes + 2 >= len(words) or words[spokes + 1].lower_ != "for":
        return None
    end = next((t.i for t in words[spokes + 2 :] if t.is_punct), words[-1].i + 1)
    principal = source.doc[words[spokes + 2].i : end]  # "for [the ministry], which ..."
    entity = speakers.in_span(principal) or speakers.by_common_noun(principal)
    return entity if entity is not None and entity.label in {"ORG", "LOC"} else None


def _speaker_of(entity: Entity, role: str | None) -> Speaker:
    return Speaker(
        name=entity.name,
        label=entity.label,
        entity_id=entity.id,
        role=role or (entity.roles[0] if entity.roles else entity.titles[0] if entity.titles else None),
    )


def resolve_speaker(
    speakers: Speakers, source: Span | None, earlier: Sequence[tuple[Span | None, Speaker | None]]
) -> Speaker | None:
    """The speaker ``source`` names; ``earlier`` holds the sources and speakers of the statements before
    it, for pronouns."""
    if source is None:
        return None
    text = source.text.strip()
    lower = text.lower()
    role = speakers.appositive_role(source)
    if lower == "which":  # "The International Rhino Foundation, which helps fund the sanctuary, called"
        antecedent = _antecedent(source)
        named = speakers.in_span(antecedent) if antecedent is not None else None
        return _speaker_of(named, None) if named is not None and named.label != "PERSON" else None
    if lower in {"that", "this", "these", "you"}:
        return None
    lead = _lead_of_team(source)
    if lead is not None:  # "She and her colleagues cautioned": she speaks for them
        return resolve_speaker(speakers, lead, earlier)
    if lower == "who":
        antecedent = _antecedent(source)
        if antecedent is not None:  # "a senior official, who asked not to be named, said"
            return resolve_speaker(speakers, antecedent, earlier)
        entity = speakers.last_person_before(source.start_char, {"PERSON"})
        return _speaker_of(entity, None) if entity else None
    epithet = _is_epithet(source)
    nationality = _nationality(text) if epithet else None
    if nationality is not None:
        national = speakers.by_nationality(nationality, source.start_char)
        if national is not None:  # "Kenya's Faith Kiprotich ... the Kenyan said"
            return _speaker_of(national, None)
    if epithet:  # "the Spaniard" said before, or "Nigerian striker Tunde Okafor", is not "The German" now
        other = speakers.described_nationals(source.start_char, nationality) if nationality else set()
        for earlier_source, speaker in earlier:
            if earlier_source is None or speaker is None or not speaker.entity_id or not nationality:
                continue
            if _is_epithet(earlier_source) and _nationality(earlier_source.text) not in {None, nationality}:
                other.add(speaker.entity_id)
        entity = speakers.previous_subject(source)
        if entity is None or entity.id in other:  # the person named last ("X will face Y. The German")
            entity = speakers.last_person_before(source.start_char, {"PERSON"}, excluded=other)
        return _speaker_of(entity, None) if entity else None
    family = speakers.family(_head(source).text)
    family = family or (speakers.previous_family(source) if lower == "they" else None)
    if family is not None:  # "The Fenwicks[, who ...,] said", "The Fenwicks spent months ... They said"
        return family
    if lower in {"they", "them"}:
        found, group = speakers.previous_group(source)
        if found:  # "GeoNet said ... They said", "The researchers followed ... They wrote"
            return _speaker_of(group, None) if group is not None else None
    if lower == "it":
        entity = speakers.subject_before(source)
        if entity is not None:  # "Loaf & Co ... will close 40 stores ..., it said"
            return _speaker_of(entity, None)
    if lower in PRONOUNS:
        labels = {"PERSON"} if lower in PERSON_PRONOUNS else {"ORG", "LOC", "MISC", "PERSON"}
        gender = _PRONOUN_GENDERS.get(lower)
        if lower in {"he", "she"}:
            entity = speakers.previous_subject(source)
            if entity is not None and _agrees(entity.name, gender):
                return _speaker_of(entity, None)  # "Councilman Derek Huang ... disagreed. He argued that ..."
            paragraph = speakers.text.rfind("\n", 0, source.start_char) + 1
            spoken = any(s is not None and s.start_char >= paragraph for s, _speaker in earlier)
            entity = None if spoken else speakers.person_of_paragraph(source, gender)
            if entity is not None:  # no one quoted yet in this paragraph, which names one person
                return _speaker_of(entity, None)
        for earlier_source, speaker in reversed(earlier):
            if speaker is None or speaker.label not in labels or not _agrees(speaker.name, gender):
                continue  # "she" is not "Luis Ortiz"
            if lower in GROUP_PRONOUNS and speaker.label == "PERSON" and not speaker.members:
                continue  # "they" / "it" is not one person
            if lower in {"he", "she"} and speaker.entity_id is None and not _one_person(earlier_source):
                continue  # "Emergency officials ordered ..." is no antecedent of "he"; "His wife told" is
            if earlier_source is not None and _subject_of_reported_clause(
                speakers.text, earlier_source, source
            ):
                continue  # "[Marchetti] had seen only photographs, he said": he is someone else
            if earlier_source is not None and source.start_char - earlier_source.end_char < 1500:
                return speaker
        nearest = labels - {"PERSON"} if lower in GROUP_PRONOUNS else labels
        entity = speakers.last_person_before(source.start_char, nearest, gender)
        return _speaker_of(entity, None) if entity else None
    if _PAIR.fullmatch(text):  # "The two governments" after "The Philippines and Japan signed"
        for earlier_source, speaker in reversed(earlier):
            if speaker is not None and len(speaker.members) == 2 and earlier_source is not None:
                return speaker if source.start_char - earlier_source.end_char < 1500 else None
        pair = _last_two_speakers(speakers, source, earlier) or speakers.two_named_before(source)
        if pair is not None:  # "Both candidates said" after each of the two has spoken
            return pair
    its_document = _ITS_DOCUMENT.fullmatch(text)
    owner_before = speakers.subject_before(source) if its_document else None
    if owner_before is not None:  # "The Opera House lost $12 million, according to its annual report"
        return _speaker_of(owner_before, None)
    the_document = _THE_DOCUMENT.fullmatch(text)
    issuer = _issuer_of(speakers, source, the_document["document"], earlier) if the_document else None
    if issuer is not None:  # "the bank said in a stock exchange filing. ... according to the filing"
        return issuer
    document = _DOCUMENT_OF.fullmatch(text)
    owner = (
        source.doc.char_span(source.start_char, source.start_char + len(document["owner"]))
        if document
        else None
    )
    issued = _DOCUMENT_FROM.fullmatch(text) if owner is None else None
    if issued is not None:  # "figures from the Northvale Health Trust": the trust, when named; "data
        owner = source.doc.char_span(source.start_char + issued.start("owner"), source.end_char)
        if owner is not None and not any(
            t.ent_type_ for t in owner[:2]
        ):  # published by the company last year"
            common = len(owner) > 1 and owner[0].lower_ == "the" and owner[1].is_lower
            possessive = len(owner) > 2 and owner[2].text in {"'s", "’s"}  # "by the museum's team": the team
            owner = owner[:2] if common and not possessive else None
    if owner is not None:  # "according to the authority's own estimate": the authority
        owned = resolve_speaker(speakers, owner, earlier)
        if owned is not None and (owned.entity_id or owned.members):
            return owned
    joint = speakers.joint(source)
    if joint is not None:
        return joint
    bracketed = speakers.named_before_bracket(source)
    if bracketed is not None:
        return _speaker_of(bracketed, None)
    anonymous = _root(source).lower_ in _MEMBER_NOUNS and _anonymous(speakers.text, source)
    entity = (
        None  # "Two doctors at the Government Medical College, speaking on condition of anonymity,": unnamed
        if anonymous
        else _named_or_anchored(speakers, source)
        or speakers.by_common_noun(source)
        or speakers.by_role_noun(source)
        or speakers.anchor_of_apposition(source)
    )
    entity = speakers.namesake(entity, source.start_char) if entity is not None else None
    one_word = " " not in text and text[:1].isupper()  # an untagged "Park" of "Park Ji-hoon", "Adeyemi-Cole"
    if entity is None and (source.text.isupper() or one_word):
        entity = speakers.by_name(source)  # or a transcript's "WALLACE"
    if entity is None and all(t.text[:1].isupper() for t in source if t.is_alpha):
        entity = speakers.by_mention_text(source)  # an untagged "FEMA" after "(FEMA)"
    head = _head(source)
    if entity is None and head.end < source.end and 0 < len(head) <= 3 and all(t.is_title for t in head):
        entity = speakers.by_name(head) or speakers.by_mention_text(head)  # an untagged "Osei, who won ..."
    if entity is None and _root(source).lower_ in ROLE_NOUNS:
        text = _without_relative(text)  # "A spokeswoman for Harlow Capital[, which bought ...]"
        text = _EXAMPLES.sub("", text) or text
        entity = speakers.by_role(text)
        if entity is not None:
            return _speaker_of(entity, _ROLE_PREFIX.sub("", text))
        represented = _represented(speakers, source)
        if represented is not None:  # "A spokesman for the Finance Ministry": the ministry speaks
            return _speaker_of(represented, None)
        return Speaker(name=text, label="PERSON", role=_ROLE_PREFIX.sub("", text))
    if entity is not None:
        return _speaker_of(entity, _apposed_role(text, entity, role))
    label = "PERSON" if _root(source).ent_type_ in PERSON_LABELS or _one_person(source) else "MISC"
    if (
        head.end < source.end
        and role is not None
        and all(t.text[:1].isupper() or not t.is_alpha for t in head)
    ):
        return Speaker(name=head.text.strip(), label=label, role=role)  # "GeoNet, the national ... agency"
    return Speaker(name=_EXAMPLES.sub("", text) or text, label=label, role=role)


_NOUNS = {"NOUN", "PROPN", "PRON"}
_TEAM_NOUNS = {
    "colleagues", "co-authors", "coauthors", "team", "teammates", "aides", "staff", "lawyers", "attorneys",
    "advisers", "advisors", "researchers", "collaborators",
}  # fmt: skip


_TEAM_TITLES = {"leaders", "champions", "holders", "outfit", "newcomers", "strugglers"}
"""Nouns that name a club only after a competition ("the Premier League leaders")."""
_COMPETITION_WORDS = {
    "league", "cup", "championship", "championships", "conference", "division", "series", "tour", "games",
    "olympics", "liga", "bundesliga", "serie",
}  # fmt: skip


def _competition(entity: Entity) -> bool:
    """``Premier League``, ``World Cup``: a competition, which qualifies a club rather than speaking."""
    words = entity.name.lower().split()
    return bool(words) and (words[-1] in _COMPETITION_WORDS or words[0] in {"bundesliga", "serie"})


def _lead_of_team(source: Span) -> Span | None:
    """``[She] and her colleagues``, ``[Hysing] and his team``: the one named before an unnamed group of
    their own people."""
    words = [t for t in source if not t.is_space]
    if len(words) < 4 or words[-1].lower_ not in _TEAM_NOUNS or words[-2].lower_ not in _POSSESSIVES:
        return None
    if words[-3].lower_ != "and" or words[-3].i == source.start:
        return None
    return source.doc[source.start : words[-3].i]


_POSSESSIVES = {"his", "her", "their"}


def named_later(
    speakers: Speakers, said: list[tuple[Span | None, Speaker | None]]
) -> list[tuple[Span | None, Speaker | None]]:
    """``the country's disaster agency said ... The agency, known as AFAD, said``: an unnamed speaker whose
    head noun heads one of the next three sources, within 600 characters, that spells out an entity's name,
    is that entity."""
    resolved = list(said)
    for index, (source, speaker) in enumerate(said):
        if source is not None and speaker is None and source.text.lower() in {"he", "she"}:
            introduced = _name_given_after(speakers, source)
            for later_index in range(index, len(resolved)) if introduced is not None else ():
                later_source, later = resolved[later_index]
                if (
                    later is not None
                    or later_source is None
                    or later_source.text.lower() != source.text.lower()
                ):
                    break  # "she said ... she added" until someone else speaks
                resolved[later_index] = (later_source, introduced)
        if source is None or speaker is None or speaker.entity_id is not None or speaker.members:
            continue
        noun = _root(source)
        if not _singular_noun(noun) or noun.lower_ in PRONOUNS:
            continue
        found = None
        following = [
            (later_source, later) for later_source, later in said[index + 1 :] if later_source is not None
        ]
        for later_source, later in following[:3]:  # statements without a source are no evidence either way
            if later_source.start_char - source.end_char > 600:
                break
            if later is None or later.entity_id is None or later.name not in later_source.text:
                continue  # only a source that spells the name out ("The agency, known as AFAD")
            if _root(_head(later_source)).lower_ == noun.lower_ or _holds_role(speakers, later, noun.lower_):
                found = later  # "The agency, known as AFAD"; "Gareth Pryce, the association's president,"
                break
        found = found or _introduced_next(speakers, source, noun, following[:1])
        found = found or _person_named_after(speakers, source, noun)
        if found is not None:  # also the pronouns that took the unnamed speaker ("..., she said")
            for later_index in range(index, len(resolved)):
                if resolved[later_index][1] == speaker:
                    resolved[later_index] = (resolved[later_index][0], found)
    return resolved


_NAME_GIVEN = re.compile(r"\b(?:Her|His) name is\s+")


def _name_given_after(speakers: Speakers, pronoun: Span) -> Speaker | None:
    """``"...," she said. ... Her name is Rosa Quintero-Baines``: a feature's unnamed "she", named in the
    next 400 characters."""
    given = _NAME_GIVEN.search(speakers.text, pronoun.end_char, pronoun.end_char + 400)
    entity = speakers.by_char.get(given.end()) if given is not None else None
    return _speaker_of(entity, None) if entity is not None and entity.label == "PERSON" else None


def _subject_of_reported_clause(text: str, name: Span, pronoun: Span) -> bool:
    """Whether ``name`` (not a pronoun) opens the clause that "..., he said" reports, in the pronoun's own
    sentence: a name there is not the pronoun ("Marchetti had seen only photographs, he said")."""
    if not pronoun.doc.has_annotation("SENT_START") or name.root.pos_ == "PRON":
        return False
    between = text[name.end_char : pronoun.start_char]
    same_sentence = name.sent.start == pronoun.sent.start
    return same_sentence and between.rstrip().endswith(",") and not any(q in between for q in '"“”‘’')


def _holds_role(speakers: Speakers, speaker: Speaker, noun: str) -> bool:
    """Whether the speaker is a person whose role or title has ``noun`` in its head."""
    if speaker.label != "PERSON" or noun not in ROLE_NOUNS | PERSON_NOUNS:
        return False
    entity = next((e for e in speakers.entities if e.id == speaker.entity_id), None)
    return entity is not None and any(noun in _role_head(role) for role in [*entity.roles, *entity.titles])


def _person_named_after(speakers: Speakers, source: Span, noun: Token) -> Speaker | None:
    """``The restaurant's founder, who declined to give her age, said ... Solène Vernay took over``: a
    person's role opening a source is the first person the paragraph names after it, if the article names
    that person nowhere before and gives them no other role."""
    opener = source.text.split()[0].lower()
    if noun.lower_ not in ROLE_NOUNS | PERSON_NOUNS or opener not in {"the", "his", "her", "its", "their"}:
        return None
    paragraph_end = speakers.text.find("\n", source.end_char)
    paragraph_end = len(speakers.text) if paragraph_end < 0 else paragraph_end
    after = [
        (start, entity)
        for start, _end, entity in speakers.mentions
        if entity.label == "PERSON"
        and source.end_char <= start < paragraph_end
        and not speakers.quoted[start]
    ]
    if not after:
        return None
    _first, person = min(after, key=lambda pair: pair[0])
    named_before = any(
        e.id == person.id and start < source.start_char for start, _end, e in speakers.mentions
    )
    roles = [*person.roles, *person.titles]  # "The minister said ... Opposition leader Jane Doe" is not her
    other_role = bool(roles) and not any(noun.lower_ in _role_head(role) for role in roles)
    if named_before or other_role:
        return None
    return _speaker_of(person, _ROLE_PREFIX.sub("", _head(source).text))


def _introduced_next(
    speakers: Speakers, source: Span, noun: Token, said: Sequence[tuple[Span | None, Speaker | None]]
) -> Speaker | None:
    """``the regional farmers' association said ... Asaja Andalucía, which represents 20,000 farms, said``:
    an unnamed organisation is the organisation whose name (after "the") opens the next source, within 600
    characters, that the article names there for the first time and that holds no word of another kind of
    organisation ("the union" is no "... Company")."""
    if not said or noun.lower_ not in _ORGANISATION_NOUNS:
        return None
    later_source, later = said[0]
    if later_source is None or later is None or later.label != "ORG" or later.entity_id is None:
        return None
    if any(start < source.start_char for start, _end, e in speakers.mentions if e.id == later.entity_id):
        return None  # introduced there, not named before the unnamed one
    opening = _THE.sub("", later_source.text)
    if later_source.start_char - source.end_char > 600 or not opening.startswith(later.name):
        return None
    words = later.name.lower().split()
    kinds = set(words) & _ORGANISATION_NOUNS | ({words[-1]} & BUSINESS_DESIGNATORS)  # "Air Line Pilots ..."
    same_kind = {noun.lower_} | _NAMED_AS.get(noun.lower_, set())
    if noun.lower_ in _COMPANY_NOUNS:
        same_kind |= BUSINESS_DESIGNATORS  # "the company" may be "... Holdings"; "the union" may not
    if noun.lower_ in {"owner", "operator", "group"}:
        return later  # any kind of organisation ("its owner said ... Keystone Local Media, a chain,")
    return later if kinds <= same_kind else None


def _antecedent(who: Span) -> Span | None:
    """The noun phrase a relative "who" stands for ("[a senior Philippine official], who asked not to be
    named"), without the relative clause: the noun its clause hangs on in the parse (with its apposition
    when that ends at the comma before "who"), else the noun right before it and its comma; None on
    unparsed Docs."""
    doc = who.doc
    if not doc.has_annotation("DEP"):
        return None
    clause = who.root.head
    while clause.dep_ == "conj" and clause.head.i < clause.i and clause.head.pos_ not in _NOUNS:
        clause = clause.head  # "a shop worker who saw the attack, and who asked not to be named"
    relative = clause.dep_ in {"acl:relcl", "relcl"} or (clause.dep_ == "conj" and clause.head.pos_ in _NOUNS)
    noun = clause.head if relative else None  # (or that second clause parsed as a conjunct of the noun)
    if noun is None or noun.pos_ in {"VERB", "AUX"}:
        before = who.start - 2 if who.start > 1 and doc[who.start - 1].text == "," else who.start - 1
        noun = doc[before] if before >= 0 and doc[before].pos_ in _NOUNS else None
    if noun is None or noun.i >= who.start:
        return None
    if noun.dep_ == "appos" and noun.head.i < noun.i and noun.head.pos_ == "PROPN":
        noun = noun.head  # "said [Anders Bech], an analyst at Skagen Markets, who added": the name
    left = min((t.left_edge.i for t in noun.lefts if t.dep_ not in {"case", "punct"}), default=noun.i)
    end = noun.i + 1
    comma = who.start - 1
    appositions = [child for child in noun.rights if child.dep_ == "appos"]
    between = doc[end + 1 : comma]
    apposed = len(between) > 0 and all(any(a == t or a.is_ancestor(t) for a in appositions) for t in between)
    if apposed and doc[end].text == "," == doc[comma].text:
        end = comma  # "her son, Daniel Okonkwo, who said", whichever of the two the clause hangs on
    return doc[left:end]


PERSON_NOUNS = {  # nouns for one person ("His wife", "One pilot"): antecedents of "he" / "she"
    "wife", "husband", "mother", "father", "son", "daughter", "sister", "brother", "widow", "cousin",
    "friend", "neighbour", "neighbor", "man", "woman", "resident", "witness", "victim", "driver", "owner",
    "pilot", "nurse", "teacher", "officer", "worker", "employee", "student", "passenger", "soldier",
    "farmer", "doctor", "patient", "parent", "volunteer", "protester", "survivor", "voter", "tenant",
    "customer", "firefighter", "paramedic", "engineer", "scientist", "researcher", "player", "fan",
    "ranger", "guard", "miner", "fisherman", "villager", "shopkeeper", "vendor", "trader", "guide",
    "mechanic", "clerk", "cashier", "activist", "priest", "pastor", "monk", "nun", "veteran", "refugee",
    "migrant",
}  # fmt: skip


def _one_person(source: Span | None) -> bool:
    """``His wife``, ``a spokesman``: a singular noun for one person, an antecedent of "he" or "she"."""
    if source is None:
        return False
    root = _root(source)
    return _singular_noun(root) and (root.lower_ in PERSON_NOUNS or root.lower_ in ROLE_NOUNS)


_NATIONAL_BEFORE = re.compile(r"\b(?P<country>[A-Z][a-z]{3,})(?:['’]s)?\s+(?:[a-z]+\s+)?$")
_DOCUMENT = (
    r"(?:(?:own|latest|new|annual|official|internal|preliminary|running|budget|quarterly|financial|written)\s+)?"
    r"(?:estimates?|reports?|data|figures|analysis|count|tally|records|survey|statement|forecasts?|"
    r"projections?|calculations?|review|filings?|documents?|reasons|judgm?ent|ruling|findings|logs?|memoir|"
    r"minutes|indictment|study|studies|audit)"
)
_DOCUMENT_OF = re.compile(rf"(?P<owner>.+?)['’]s\s+(?:[a-z]+\s+)?{_DOCUMENT}", re.IGNORECASE)
"""A document of its owner's: "the authority's own estimate", "the ministry's figures", "the team's
incident log"."""
_DOCUMENT_FROM = re.compile(
    rf"(?:(?:the|a|an|new|latest)\s+)*{_DOCUMENT}\s+(?:(?:published|released|compiled|issued)\s+(?:\w+\s+)?)?"
    r"(?:from|by)\s+(?P<owner>.+)",
    re.IGNORECASE,
)
"""A document followed by its issuer: "figures from the Northvale Health Trust", "a report by the
watchdog"."""
_ITS_DOCUMENT = re.compile(rf"its\s+{_DOCUMENT}", re.IGNORECASE)
"""``its annual report``: the organisation the sentence is about."""
_THE_DOCUMENT = re.compile(rf"the\s+(?P<document>{_DOCUMENT})", re.IGNORECASE)
"""``according to the filing``: the document a statement before was made in ("said in a stock exchange
filing")."""
_KNOWN_AS = re.compile(r"\s*(?:also\s+)?known\s+as\b", re.IGNORECASE)
_COUNTRY_AFTER = re.compile(r"\s+of\s+([A-Z][a-z]{3,})\b")
_NATIONALITY_BEFORE = re.compile(rf"\b(?P<nationality>[A-Z][a-z]+{NATIONALITY_ENDINGS})\s+(?:[a-z]+\s+)?$")
_PRONOUN_GENDERS = {"he": "M", "him": "M", "she": "F", "her": "F"}
_SAME_OFFICE = {
    "judge": {"justice"},
    "justice": {"judge"},
    "cfo": {"chief financial officer"},
    "chief financial officer": {"cfo"},
    "ceo": {"chief executive", "chief executive officer"},
    "chief executive": {"ceo", "chief executive officer"},
}
"""Offices a role noun also names ("the judge" is the one titled "Justice")."""


def _issuer_of(
    speakers: Speakers, source: Span, document: str, earlier: Sequence[tuple[Span | None, Speaker | None]]
) -> Speaker | None:
    """The named speaker of the last statement before ``source`` whose sentence names the same document ("the
    bank said in a stock exchange filing"), within 1,500 characters."""
    noun = document.lower().split()[-1]
    for earlier_source, speaker in reversed(earlier):
        if earlier_source is None or speaker is None or not (speaker.entity_id or speaker.members):
            continue
        if source.start_char - earlier_source.end_char > 1500:
            return None
        sentence = earlier_source.sent
        after = speakers.text[earlier_source.end_char : sentence.end_char].lower()
        if re.search(rf"\b(?:in|through|via)\s+(?:a|an|its|the)\s+(?:[\w-]+\s+){{0,3}}?{noun}\b", after):
            return speaker
    return None


def _agrees(name: str, gender: str | None) -> bool:
    """Whether a person's name fits "he" / "she": by the first name's census gender, when it has one."""
    found = first_name_gender(name) if gender is not None else None
    return found is None or found == gender


def _singular_noun(token: Token) -> bool:
    """A singular common noun: tagged NN, or untagged, lower-case and not ending in "s"."""
    return token.tag_ == "NN" or (not token.tag_ and token.is_lower and not token.lower_.endswith("s"))


_RELATIVE_CLAUSE = re.compile(r",?\s+(?:who|which|that|whose|whom)(?:\s.*)?$", re.DOTALL)


_EXAMPLES = re.compile(r",\s+(?:like|such\s+as|including)\s.*$", re.DOTALL)
"""Examples after a group: "Critics of the program[, like Senator Grassley]" is the critics."""


_ROLE_HEAD_ENDS = frozenset({"of", "for", "at", "in", "on", "with", "to", "from", "by", "who", "that", "and"})


def _holds_office(role: str, offices: set[str]) -> bool:
    """Whether the head of ``role`` names one of ``offices`` (a word of it, or the end of it for an office of
    several words: "commission's chief financial officer")."""
    head = _role_head(role)
    return any(office in head if " " not in office else " ".join(head).endswith(office) for office in offices)


def _role_head(role: str) -> list[str]:
    """The words of a role before its complement: "federal prosecutor leading the case" -> "federal",
    "prosecutor"."""
    head: list[str] = []
    words = role.lower().split()
    for k, word in enumerate(words):
        following = words[k + 1] if k + 1 < len(words) else ""
        participle = word.endswith("ing") and (following in DETERMINERS or following in _ROLE_HEAD_ENDS)
        if word in _ROLE_HEAD_ENDS or (head and participle):  # not "Chile's mining minister"
            break
        head.append(word)
    return head


DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their"})
"""Words opening a role or a described noun phrase ("[the] mayor", "[its] chairman")."""


_ANONYMOUS = re.compile(
    r"anonymity|anonymously|not to be (?:named|identified)|not authori[sz]ed to|not allowed to speak",
    re.IGNORECASE,
)


def _anonymous(text: str, source: Span) -> bool:
    """Whether the source's sentence says its people speak anonymously, so not for their organisation."""
    end = source.sent.end_char if source.doc.has_annotation("SENT_START") else source.end_char + 120
    return _ANONYMOUS.search(text, source.start_char, end) is not None


_SAYING = frozenset({
    "said", "says", "say", "told", "tells", "added", "adds", "wrote", "writes", "noted", "announced",
    "argued", "stated", "explained", "insisted", "warned", "reported", "confirmed", "claimed", "has", "have",
    "had",
})  # fmt: skip
"""Words right after an inverted source ("..., the people said"), which is no apposition."""


def _without_relative(role: str) -> str:
    """``neurologist at Johns Hopkins [who was not involved in the research]``: the role without it."""
    return _RELATIVE_CLAUSE.sub("", role).strip(" ,") or role


_FAMILY = re.compile(r"the\s+([A-Z][a-z]+s)", re.IGNORECASE)
"""A family by its surname: "the Fenwicks" (the surname's case is checked against the article's people)."""
_PAIR = re.compile(r"(?:the\s+two|both(?:\s+the)?)\s+[a-z]+s", re.IGNORECASE)
_AGE_EPITHET = re.compile(r"the\s+\d{1,3}-year-old(?:\s+[a-z]+)?", re.IGNORECASE)


def _is_epithet(source: Span) -> bool:
    """``the 24-year-old`` / ``the Italian`` / ``The German, who beat Ruud,`` (a nationality alone): a person
    already named, as "he" is."""
    text = _without_relative(source.text.strip())
    if _AGE_EPITHET.fullmatch(text.split(",")[0].strip()):  # also "The 49-year-old, a rescue pilot,"
        return True
    words = text.split(",")[0].split()  # also "The Spaniard, the top seed,"
    return (
        len(words) == 2
        and words[0].lower() == "the"
        and words[1][:1].isupper()
        and (source[len(words) - 1].ent_type_ in {"MISC", "NORP"} or words[1].lower() in DEMONYMS)
    )


def _nationality(text: str) -> str | None:
    """``Italian`` of "the 23-year-old Italian" and "The Italian, who ..."; None for "the 24-year-old"."""
    words = _without_relative(text).split(",")[0].split()
    last = words[-1] if len(words) > 1 else ""
    return last if last[:1].isupper() and not last[:1].isdigit() else None


def _body_name(name: str) -> bool:
    """``Maricopa County Department of Public Health``, ``National Weather Service``: a name whose last word,
    or the word before its "of", is a public body's (``_NOT_COMPANIES``)."""
    words = name.lower().split()
    head = words[words.index("of", 1) - 1] if "of" in words[1:] else words[-1]
    return words[-1] in _NOT_COMPANIES or head in _NOT_COMPANIES


def _keys_of(entity: Entity) -> set[str]:
    """Every index key of the entity's name and aliases ("jonas weber", "weber")."""
    return {key for name in (entity.name, *entity.aliases) for key in index_keys(name, entity.label)}


def _apposed_role(text: str, entity: Entity, role: str | None) -> str | None:
    """``The hospital's chief executive, Martin Oyelaran``: a name after the comma has the head as role."""
    head = text.split(",", 1)[0]
    if "," not in text or any(key in normalize_key(head) for key in _keys_of(entity)):
        return role  # the name is in the head: "Butler, a spokesman for Milley"
    if entity.label != "PERSON":
        return None
    return _ROLE_PREFIX.sub("", head).strip() or None
