"""Canonical entities of one article: the named-entity mentions of a Doc clustered into entities.

``cluster_entities(doc)`` works on ``doc.ents`` of any spaCy pipeline (labels folded through
``labels.canonical_label``) and reads the tokens' text, offsets and case, sentence starts when they are set,
and part-of-speech tags and dependencies only when the Doc has them.

Clustering of named mentions (PERSON, ORG, LOC, MISC), in order:

1. Each mention is cleaned: leading "the", titles before a person's name ("Joint Chiefs of Staff Chairman",
   "Army Col.", "Gen.", an occupation such as "Volcanologist") and a trailing possessive are cut off. The
   title words, inside the entity span or just before it, become ``titles`` ("chairman of the Joint Chiefs of
   Staff", "colonel"; service branches such as "Army" are dropped; "chief", "administrator" and "chair" are
   offices only right before a name: "Fire Chief Ana Ruiz", not "Chief Executive X"). A name right after a
   rank is a person whatever its NER label ("Defense Secretary [Lloyd Austin]" or "[Surgeon General Vivek
   Murthy]" as ORG; two capitalised words, or one after a qualified rank), and a span that ends in a rank
   inside a person's title ("[Army Col]. Dave Butler" as ORG) is dropped as part of that title. Social
   platforms ("Twitter") and names ending in an organisational word ("Northwind Robotics", "Acme Inc.") are
   ORG whatever the NER says; a person descriptor opening a name is no part of it ("[Sprinter] Amara Osei" in
   a headline); an organisation name with "in" and a place tagged as one name is the organisation and the
   place ("[Flinders University] in [Australia]"); a contraction tagged as a name ("we[’ve]") is dropped; a
   name never crosses a line break or a dash ("[CHICAGO] — Pilots"). A name keeps a quoted nickname and a
   first name the NER left out but the parser joined to it ('Wiremu "Bill" Tawhiri', "was [Mere] Tawhiri") or
   a hyphenated surname the tokenizer split ("Grace Okonkwo-Hill"); two names the NER cut after a connector
   are one ("[Fire and] [Emergency New Zealand]"), as are a body "of" one field and the two- or three-word
   field after "and" ("[California Department of Forestry] and [Fire Protection]"); a hyphenated office is
   one title ("Director-General"); a union local keeps its number ("Local 1145"); the Arabic article "al-"
   joins a family name to the name (or one word of any label: "[Majed] al-Ansari") before it ("Mohammed Shia
   al-Sudani"); a name followed by an age in commas is a person ("Haaland, 24,"), and so, in step 5, is the
   one two-word name ending with it ("Erling Haaland" tagged ORG); a portfolio word stays before an office
   ("transit director"); "Mr.", "Mrs.", "Ms." or "Miss" before a name give the mention a gender. In a
   title-case line, a name is cut to the runs of words the rest of the article names ("[Elizabeth Warren
   Hammers Wells Fargo]" -> "Elizabeth Warren", "Wells Fargo"); a court case is one MISC name ("Plessy v.
   Ferguson"); a person is not joined to the place after "of" ("Gov. [Mike Pence of] [Indiana]"); a name
   ending in "Museum" is ORG and one ending in "Airport" tagged PERSON a place; "'s Office" after an
   organisation is part of it; an organisation the NER tagged only at its end takes the capitalised words
   before it when an apposition names an organisation ("Fair Fares [UK], the consumer group"; through
   connectors: "Parents for [Open Libraries], a campaign group"), up to two capitalised words after "the"
   ("the Royal Spanish [Football Federation]"), or, inside a sentence, a capitalised word and "for" / "of"
   ("Transport for [Brantwick]"); and the words after it up to an organisational word ("[Maasvlakte]
   Container Terminals"), a ministry's list of portfolios ("[Ministry of Culture], Sports and Tourism") or a
   second part after a comma ("[Senate Health, Education], [Labor and Pensions Committee]"). A given name
   split at a hyphen before a lower-case syllable is part of the person's name, family name first ("[Park
   Ji]-hoon" tagged LOC: "Park" alone joins him in step 5). A name without a capital letter in a text written
   with capitals is none ("Italy's [interior ministry]"), nor is a stock symbol in brackets ("([VLMR.O])");
   "the mayor of [Dunmore]" tagged a person is a place; "Police" ends a force's name ("[South Wales] Police").
2. Mentions with the same ``names.normalize_key`` form one cluster, whatever their label ("Mrs. Patel" and
   "Mr. Patel" in one article form two).
3. Person names of three or more words join the two-word form with the same first and last word, and
   a form that is their last two words or more ("Ramírez Ochoa", "van der Meer"; one opening with a
   particle whatever its label: "Des Cars" tagged ORG).
4. An acronym ("AP", "DOD", "U.S.") joins the one non-person cluster whose initials it spells, and a short
   name in brackets right after a name, opening with the initial of one of its words, is that name
   ("Singapore Exchange (SGX)", "National Renewal Party (PRN)").
5. A one-word mention joins the one person whose surname (of several, the one with the same title: "Dr.
   Okonkwo"; after "Mrs." the one known to be a woman by first name or kin role, "His wife, Meena Patel";
   else, in a name of three or more words, the first of two family names: "Ramírez" of "Claudia Ramírez
   Ochoa"; else the one of them named before the mention's last use, or before its first: "Okafor" before "her
   husband, Daniel Okafor"; else the one named first, "Frimpong" after "Akosua Frimpong" and "Kofi Frimpong,
   her husband"; else first name) it is; place-only (all LOC) one-word mentions stay alone, and one
   tagged a person that is no one's name and only ever follows "in", "near", "outside", "inside", "around"
   or "across" (never as a possessive) is a place ("farmed outside Écija"); a name after
   "in" that modifies a noun ("paid in Dalmore shares") is not used as a place. A one-word mention tagged ORG
   at least as often as LOC, or a person as often and never used as a place, joins the one organisation whose
   name starts with it ("Northwind" -> "Northwind Robotics", "Orbex" -> "Orbex Launch"); a one-word ORG also
   the one ORG whose name ends with it. A longer name tagged only as a place and never used as one, or a
   shorter organisation name, joins the one organisation it begins ("Harbor Ridge" -> "Harbor Ridge Partners",
   "First Harbor" -> "First Harbor Bank"); a first word several organisations share, the one named first
   before it ("Dravik" -> "Dravik Industries", not "Dravik Hungária Kft"), unless used as a place; an
   organisational word alone, the one organisation named with it ("the [Inspectorate]").
   Short names the NER left untagged join their entity wherever they stand (``_untagged_short_names``:
   "WHO", "(LTC)", "Ferrowell", "the Trust").
6. "the [modifier] <title>" outside any entity span ("The Chairman", "the prime minister", "the chief
   executive") joins the one person carrying that title, or a role ending in it ("Corvant's chief
   executive"), if exactly one does and the phrase follows their first mention; of several, the one named
   in its sentence or the sentence before, if only one was.

Appositives give titles or roles: "Dave Butler, a spokesman for Milley," -> role "spokesman for Milley";
"Milley, a general in the U.S. Army," -> title "general"; "Milley's spokesman Dave Butler" and
"Ukraine's chief military officer, Gen. Valerii Zaluzhnyi" and "The hospital's chief executive, Martin
Oyelaran" -> roles; "A CAA spokeswoman, Nadia Hollis," and "said the driver, Abdelhak Ouazzani," ->
roles; "Ines Meireles, mission director at Atlantida Orbital," -> title "director" and the phrase as a
role. With a dependency parse, ``appos`` children of the name are read as well.

Label of a cluster: PERSON if a mention carries a title or role (person-shaped), LOC for a name used
as a place ("in Tauvana") with no title, role, census first name or ORG mention, else the majority label
of its name mentions (LOC for a mostly-ORG name also tagged LOC and used as a place, "in Kazyrstan"); a
PERSON/other tie goes to the label of the longest (first) form, other ties in the order PERSON, ORG, LOC,
MISC. Name: the longest cleaned form (most words, then most characters).
Aliases: the other cleaned forms. Number and date entities (DATE, TIME, MONEY, PERCENT, CARDINAL,
QUANTITY, ORDINAL) are clustered by label and exact normalised text.

Salience, in [0, 1]::

    salience = 0.5 * count / max_count + 0.25 * (1 - first_offset / len(text)) + 0.25 * prominent

``max_count`` is the largest mention count among the named entities (among all entities if there are
none); ``prominent`` is 1 if a mention lies in the lead (the first sentences up to at least 80
characters, or the first line up to 300 characters without sentence boundaries) or a key of the
entity occurs in ``title``. Number and date entities get half of that value. Ids "e1", "e2", ...
follow the first mention.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from spacy.tokens import Span

from newsextract.names import (
    HONORIFICS,
    NAME_SUFFIXES,
    POST_NOMINALS,
    TITLE_ABBREVIATIONS,
    family_name_first,
    first_name_gender,
    index_keys,
    is_first_name,
    normalize_key,
)
from newsextract.nlp import syntax
from newsextract.nlp.labels import NAMED_LABELS, canonical_label
from newsextract.nlp.syntax import FINITE_TAGS
from newsextract.result import Entity, TextSpan

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Doc, Token

RANKS = frozenset({
    "general", "colonel", "lieutenant", "major", "captain", "admiral", "sergeant", "corporal",
    "commander", "brigadier", "marshal", "president", "chairman", "chairwoman", "chairperson",
    "secretary", "minister", "senator", "representative", "congressman", "congresswoman", "governor",
    "mayor", "ambassador", "chancellor", "premier", "judge", "justice", "professor", "king", "queen",
    "prince", "princess", "pope", "sheriff", "director", "commissioner", "speaker", "superintendent",
    "inspector", "detective", "attorney", "reverend", "doctor", "bishop", "cardinal", "rabbi", "imam",
    "coach", "councilman", "councilwoman", "councilmember", "councillor", "councilor", "alderman",
    "alderwoman", "assemblyman", "assemblywoman", "magistrate", "warden", "taoiseach", "supervisor",
    "prosecutor", "treasurer", "comptroller", "auditor", "delegate", "trustee", "commodore",
})  # fmt: skip
"""Offices and ranks: reported as ``titles``. Other appositive nouns ("spokesman") become ``roles``."""

CLOSING_RANKS = frozenset({"chief", "administrator", "chair", "executive", "manager", "officer"})
"""Offices only when a name follows ("Fire Chief Ana Ruiz", "EPA Administrator X", "Chief Executive Officer
X"); elsewhere "chief" qualifies ("chief executive") and the others are plain nouns."""

MODIFIERS = frozenset({
    "vice", "deputy", "assistant", "associate", "acting", "former", "chief", "senior", "press",
    "interim", "first", "prime", "rear", "retired", "lt", "lieutenant", "major", "brigadier",
    "attorney", "then", "foreign", "defense", "defence", "finance", "interior", "home", "health",
    "education", "trade", "labor", "labour", "energy", "economy", "transport", "agriculture", "commerce",
    "transit", "civil", "emergency", "housing", "environment", "immigration",
    "communications", "policy", "medical", "operations", "managing", "artistic", "creative",
    "editorial", "musical",
})  # fmt: skip
"""Words that qualify a rank inside a title ("deputy secretary", "lieutenant general")."""
_KEPT_QUALIFIERS = frozenset({  # and title words: "Assistant U.S. Attorney" -> "assistant attorney"
    "district", "circuit", "appeals", "appellate", "bankruptcy", "magistrate", "superior", "municipal",
    "family", "tax", "trial", "county", "city", "state", "town", "village", "borough", "parish", "police",
    "fire", "school", "board", "council", "house", "senate", "assembly", "public", "crown", "chief",
})  # fmt: skip
"""Qualifiers that stay before the rank ("district judge", "county commissioner", not "judge of District")."""

AFFILIATIONS = frozenset({
    "army", "navy", "air", "force", "marine", "marines", "corps", "coast", "guard", "national", "space",
    "us", "usa", "u.s", "u.s.", "uk", "american", "british", "retired", "former", "then",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
})  # fmt: skip
"""Words before a title that are dropped from it ("Army Col." -> "colonel")."""

ROLE_STARTERS = frozenset({"a", "an", "the", "his", "her", "its", "their", "our"})
ROLE_NOUNS = frozenset({
    "spokesman", "spokeswoman", "spokesperson", "adviser", "advisor", "aide", "official", "analyst",
    "chief", "head", "leader", "founder", "owner", "executive", "member", "researcher", "professor",
    "lawyer", "attorney", "author", "economist", "historian", "expert", "diplomat", "envoy", "negotiator",
    "officer", "counterpart", "deputy", "successor", "predecessor", "wife", "husband", "son", "daughter",
})  # fmt: skip
"""Nouns that may open an appositive without a determiner ("Butler, spokesman for Milley,")."""
_CONNECTORS = frozenset({"of", "the", "and", "for", "&"})
_GROUPS_OF_PEOPLE = frozenset({
    "customers", "shareholders", "employees", "workers", "residents", "fans", "users", "clients",
    "passengers", "supporters", "patients", "students", "parents", "investors", "staff", "officials",
    "executives", "critics", "viewers", "readers", "voters", "members", "shares", "stocks",
})  # fmt: skip
"""Plural nouns the NER takes into a name before "of" ("[Customers of Northfield Savings Bank]", "[Shares of
Veridane Therapeutics]")."""
_PEOPLE_NOUNS = frozenset({
    "counsel", "forecasters", "officials", "experts", "critics", "researchers", "scientists", "investigators",
    "prosecutors", "witnesses", "residents", "doctors", "observers", "sources", "analysts", "economists",
})  # fmt: skip


def _people_noun(token: Token) -> bool:
    """A common noun for people that the NER took for a name at a sentence start ("Forecasters")."""
    word = token.lower_
    return token.tag_ in {"NN", "NNS"} and (word in _PEOPLE_NOUNS or word in ROLE_NOUNS)


"""Letters after a British or Commonwealth name: silk, member of a parliament, honours, degrees."""
_POSSESSIVES = frozenset({"'s", "\u2019s", "'", "\u2019"})
_BOUNDARIES = frozenset(
    {",", ";", ".", "!", "?", ":", ")", "(", "\u2014", "\u2013", "--", '"', "\u201c", "\u201d"}
)
_STOP_ROLE = frozenset({
    "who", "which", "that", "said", "says", "told", "added", "and", "or", "but", "he", "she", "it", "they",
    "was", "is", "were", "are", "had", "has", "have", "will", "would",
})  # fmt: skip
_FUNCTION_WORDS = frozenset({
    "on", "in", "at", "by", "as", "with", "after", "before", "when", "while", "but", "and", "then", "also",
    "meanwhile", "later", "earlier", "now", "since", "during", "from", "to", "if", "under", "said", "says",
    "a", "an", "this", "that", "last", "next", "ex",
})  # fmt: skip
_CLAUSE_TAGS = FINITE_TAGS | {"VB"}
_LEAD_CHARS = 300
_LEAD_MIN_CHARS = 80
PLATFORMS = frozenset({
    "twitter", "facebook", "instagram", "telegram", "tiktok", "youtube", "whatsapp", "linkedin", "reddit",
    "snapchat", "weibo", "wechat", "truth social", "bluesky", "mastodon", "threads", "substack", "x",
})  # fmt: skip
"""Social platforms, which a news-trained NER often tags PERSON ("posted on [Twitter]"): always ORG, never
a speaker, and the medium of "in a post on [Facebook]"."""
_CLITICS = frozenset({"ve", "re", "ll", "d", "m", "s", "t", "nt"})
BUSINESS_DESIGNATORS = frozenset({
    "inc", "corp", "corporation", "co", "company", "ltd", "llc", "plc", "gmbh", "ag", "group", "holdings",
    "bank", "bancorp", "airlines", "airways", "motors", "systems", "technologies", "robotics", "logistics",
    "industries", "partners", "capital", "ventures", "media", "energy", "labs", "laboratories",
    "pharmaceuticals", "therapeutics", "biologics", "biotech", "pharma", "software", "solutions", "services",
    "communications", "networks", "insurance", "securities", "investments", "resources", "petroleum",
    "mining", "minerals", "metals", "steel", "chemicals", "foods", "entertainment", "studios", "air",
    "terminals",
})  # fmt: skip
"""Last words of company names ("Halvorsen Foods", "Norland Biologics")."""
_ORG_DESIGNATORS = BUSINESS_DESIGNATORS | {
    "association", "federation", "council", "ministry", "agency", "commission", "committee", "party",
    "university", "institute", "foundation", "authority", "department", "bureau", "club", "fc", "society",
    "league", "organization", "organisation", "alliance", "coalition", "news", "museum", "gallery",
    "orchestra", "academy", "hospital", "directorate", "inspectorate", "secretariat", "infirmary", "clinic",
    "philharmonic", "board", "constabulary", "school", "elementary", "forum", "press", "brothers", "trust",
    "electric", "aerospace", "racing", "homes", "assembly", "sciences", "observatory",
}  # fmt: skip
"""Last words that make a name an organisation ("Northwind [Robotics]", "Riverton Budget [Office]" is not
one: "office", "union" and "court" also end place names)."""


_HOLDINGS = frozenset({
    "stake", "stakes", "shares", "investment", "investments", "invested", "interest", "holding", "holdings",
})  # fmt: skip
"""Nouns before "in" that make what follows a company, not a place ("a 2.1 percent stake in Kaldera")."""
_LOCATIVE = frozenset(
    {"in", "at", "from", "to", "near", "into", "across", "outside", "inside", "around", "of"}
)
_PLACE_PREPOSITIONS = frozenset({"in", "near", "outside", "inside", "around", "across"})
"""Prepositions after which a one-word name tagged a person is a place ("farmed outside [Écija]")."""
_HOLIDAYS = frozenset({
    "christmas", "christmas eve", "christmas day", "new year", "new year's", "new year's day",
    "new year's eve", "easter", "easter sunday", "good friday", "thanksgiving", "halloween", "hanukkah",
    "passover", "ramadan", "eid", "eid al-fitr", "eid al-adha", "diwali", "lunar new year", "boxing day",
    "yom kippur", "rosh hashanah", "memorial day", "labor day", "veterans day",
})  # fmt: skip
"""Holidays the NER takes for names; they are dates."""


def _norm(token_text: str) -> str:
    return token_text.lower().rstrip(".")


def _title_word(token_text: str) -> str | None:
    """The full lower-case title a token stands for ("Col." -> "colonel"), or None."""
    word = _norm(token_text)
    if word in TITLE_ABBREVIATIONS:
        full: str = TITLE_ABBREVIATIONS[word]
        return full
    if word in RANKS or word in MODIFIERS:
        return word
    if "-" in word and _title_word(word.rsplit("-", 1)[1]) in RANKS:
        return word  # "Director-General"
    if _occupation(word):
        return word  # "Volcanologist Thorvaldur Thordarson"
    if word in _LOWER_OCCUPATIONS and token_text.islower():
        return word  # "the Japanese violinist Hana Sato", "goalkeeper Stefan de Wit"
    return None


def _occupation(word: str) -> bool:
    return word.endswith(("ologist", "ographer")) or word in _OCCUPATIONS


def _is_cap(token: Token) -> bool:
    text: str = token.text
    return bool(text[:1].isupper()) and any(ch.isalpha() for ch in text)


def _is_space(token: Token) -> bool:
    return not token.text.strip()


@dataclass
class _Mention:
    start: int
    end: int
    text: str
    label: str
    key: str
    tok_start: int
    tok_end: int
    titles: list[str] = field(default_factory=list)
    heads: set[str] = field(default_factory=set)
    roles: list[str] = field(default_factory=list)
    nominal: bool = False
    title_from: int = -1
    ent: tuple[int, int] = (0, 0)
    locative: bool = False  # right after "in", "at", "from", ...: used as a place
    placed: bool = False  # right after "in", "near", "outside", ..., not a possessive: only a place
    described: str | None = None  # the label a description gives ("the company [Zipline]": ORG)
    thing: bool = False  # a law, award, event, storm, ship or model: MISC, but clustered as tagged
    gender: str | None = None  # "F" after "Mrs.", "Ms." or "Miss", "M" after "Mr."
    aged: bool = False  # followed by an age in commas: "Haaland, 24,"
    alias_of: int = -1  # where the name it is "known as" starts: "X, known as [Sernageomin]"

    @property
    def words(self) -> list[str]:
        return self.key.split()


@dataclass(eq=False)
class _Cluster:
    mentions: list[_Mention]

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)

    def votes(self) -> Counter[str]:
        return Counter(m.label for m in self.mentions if not m.nominal)

    def names(self) -> list[_Mention]:
        return [m for m in self.mentions if not m.nominal]

    def is_person(self) -> bool:
        if any(m.described for m in self.mentions):
            return False
        if any(m.titles or m.roles for m in self.mentions):
            return True
        votes = self.votes()
        person, total = votes.get("PERSON", 0), sum(votes.values())
        if self.placed_name():
            return False
        if 2 * person != total:
            return 2 * person > total
        first_full = max(self.names(), key=lambda m: (len(m.words), -m.start))
        return first_full.label == "PERSON"

    def placed_name(self) -> bool:
        """A name used as a place ("in [Tauvana]") that is no one's name: no title, role or census first
        name, whatever the NER tagged its other mentions ("[Tauvana] said" as PERSON)."""
        if not any(m.placed and not m.nominal for m in self.mentions):
            return False  # the usual case, checked first: is_person() asks this of every cluster, often
        names = self.names()
        return (
            not any(m.label == "ORG" for m in names)
            and not any(m.titles or m.roles for m in self.mentions)
            and not any(is_first_name(m.text.split()[0]) for m in names)
        )

    def label(self) -> str:
        if any(m.thing for m in self.mentions) and not any(m.titles or m.roles for m in self.mentions):
            return "MISC"  # "[Hurricane Odalys]" and "[Odalys]" tagged PERSON, "[Food Safety Act]" ORG
        if self.is_person():
            return "PERSON"
        if self.placed_name() and self.votes().get("PERSON", 0):
            return "LOC"
        described = next((m.described for m in self.mentions if m.described), None)
        if described is not None:
            return described
        votes = self.votes()
        order = ("PERSON", "ORG", "LOC", "MISC")
        best = max(order, key=lambda lab: (votes.get(lab, 0), -order.index(lab)))
        if best == "ORG" and votes.get("LOC", 0) and any(m.placed for m in self.names()):
            return "LOC"  # "Kazyrstan said" tagged ORG, "in Kazyrstan" LOC: a country acting
        return best

    def full_words(self) -> list[str]:
        """Words of the longest name form (most words), suffixes removed."""
        best = max(self.names(), key=lambda m: (len(m.words), len(m.text)))
        words = list(best.words)
        while len(words) > 1 and words[-1] in NAME_SUFFIXES:
            words.pop()
        return words

    def role_heads(self) -> set[str]:
        """The nouns heading the cluster's titles and roles ("epidemiologist" of "state epidemiologist")."""
        found = {_head_noun(d) for m in self.mentions for d in (*m.titles, *m.roles)}
        return {h for h in found if h is not None}

    def heads(self) -> set[str]:
        return set().union(*(m.heads for m in self.mentions))


def _strip_outer(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token range without leading "the", punctuation, and a trailing possessive or punctuation."""
    while start < end and (doc[start].text.lower() == "the" or not any(c.isalnum() for c in doc[start].text)):
        start += 1
    while end > start and (
        doc[end - 1].text in _POSSESSIVES or not any(c.isalnum() for c in doc[end - 1].text)
    ):
        end -= 1
    return start, end


def _name_start(doc: Doc, start: int, end: int, person: bool) -> int:
    """First token of the name proper inside ``[start, end)``: after the rightmost title word ("[Minority
    Leader Renata Oduya-Fields]" as tagged)."""
    best = start
    for i in range(start, end - 1):
        text = doc[i].text
        if text == "." and i > start and _norm(doc[i - 1].text) in TITLE_ABBREVIATIONS:
            best = i + 1
            continue
        word = _norm(text)
        abbreviation = word in TITLE_ABBREVIATIONS or word in HONORIFICS
        titled = _title_word(text) or word in HONORIFICS or word in CLOSING_RANKS or word == "leader"
        described = word in _OPENING_DESCRIPTORS and end - i > 2  # "[Sprinter] Amara Osei" in a headline
        if (person and (titled or described)) or (abbreviation and text.endswith(".")):
            best = i + 1
    return _after_portfolio(doc, start, end) if person and best == start else best


def _after_portfolio(doc: Doc, start: int, end: int) -> int:
    """A person's name that the NER ran on from the portfolio of "Minister for" or "Secretary of" before it
    ("Minister for [Public Expenditure Seán Ó Dálaigh]") starts at its first given name, when the span
    opens with no given name and at least two words follow."""
    portfolio = (
        start >= 2 and doc[start - 1].lower_ in {"for", "of"} and _title_word(doc[start - 2].text) in RANKS
    )
    if not portfolio or is_first_name(doc[start].text):
        return start
    given = next((i for i in range(start + 1, end - 1) if is_first_name(doc[i].text)), None)
    return start if given is None else given


_GENERAL_OFFICES = frozenset(
    {
        "surgeon",
        "attorney",
        "solicitor",
        "inspector",
        "adjutant",
        "postmaster",
        "lieutenant",
        "brigadier",
        "major",
    }
)
"""Words before "General" that make it a person's office ("Attorney General X"), not "General Motors"."""
_ORG_RANKS = frozenset(
    {"general", "major", "justice", "prince", "princess", "king", "queen", "cardinal", "speaker"}
)
"""Ranks that also open names of organisations and places ("General Motors", "Prince Edward Island")."""


def _ranked_name(doc: Doc, start: int, end: int) -> bool:
    """A name right after a rank, inside a span the NER did not call a person or just before it ("Defense
    Secretary [Lloyd Austin]" as ORG): two capitalised words, or one after a qualified rank."""
    name_start = _name_start(doc, start, end, person=True)
    if name_start >= end:
        return False
    rank_at = name_start - 1
    if rank_at > 0 and doc[rank_at].text == ".":
        rank_at -= 1
    if rank_at < 0 or _is_space(doc[rank_at]):
        return False
    rank = _title_word(doc[rank_at].text)
    office = rank_at > start and doc[rank_at - 1].lower_ in _GENERAL_OFFICES  # "Surgeon General Vivek Murthy"
    if rank not in RANKS or (rank_at >= start and rank in _ORG_RANKS and not office):
        return False
    names = [doc[i] for i in range(name_start, end)]
    qualified = rank_at > 0 and _title_word(doc[rank_at - 1].text) is not None
    return all(_is_cap(t) for t in names) and (len(names) >= 2 or qualified)


_PERSON_DESCRIPTORS = frozenset({
    "striker", "midfielder", "defender", "goalkeeper", "forward", "winger", "quarterback", "pitcher",
    "batter", "bowler", "batsman", "sprinter", "swimmer", "cyclist", "boxer", "golfer", "player", "actor",
    "actress", "singer", "rapper", "novelist", "poet", "artist", "director", "comedian", "teenager",
    "student", "nurse", "teacher", "farmer", "businessman", "businesswoman", "billionaire", "activist",
    "journalist", "photographer", "veteran", "resident", "filmmaker", "film-maker", "presenter", "writer",
    "author", "playwright", "screenwriter", "composer", "conductor", "musician", "guitarist", "dancer",
    "designer", "chef", "architect", "sculptor", "painter", "curator", "critic", "commentator", "pundit",
    "entrepreneur", "banker", "campaigner", "historian", "economist", "scientist", "researcher", "climber",
    "mountaineer", "runner", "skier", "rower", "jockey", "referee", "umpire",
})  # fmt: skip
"""Lower-case words that describe the person named right after them ("Nigerian striker [Tunde Okafor]")."""
_OPENING_DESCRIPTORS = _PERSON_DESCRIPTORS | {"broadcaster", "producer", "investor", "host"}
"""Words that open a person's name as the NER tagged it but are no part of it ("[Broadcaster Charlotte
Fourie]"); before an organisation's name the last four describe a company ("lithium producer [Kaldera]")."""


_PLACE_NOUNS = frozenset({
    "town", "city", "village", "province", "region", "state", "district", "county", "island", "port",
    "suburb", "neighbourhood", "neighborhood", "municipality", "borough", "commune", "township", "hamlet",
})  # fmt: skip
"""Nouns that make the name after "of" a place ("the town of [Elazig]")."""
_MAYORS = frozenset({"mayor", "governor", "residents", "people", "citizens", "voters", "mayors", "governors"})
"""Nouns after which "of" and a name tagged a person make that name a place ("the mayor of [Dunmore]")."""
_PLACE_DESIGNATORS = frozenset({
    "airport", "station", "bridge", "harbour", "harbor", "square", "street", "road", "avenue", "river",
    "lake", "mountain", "valley", "beach", "bay", "canal", "dam", "reservoir", "glacier",
})  # fmt: skip
"""Last words that make a name tagged as a person a place ("[Brantwick Airport]")."""
_GEOGRAPHIC_DESIGNATORS = frozenset({
    "street", "road", "avenue", "lane", "boulevard", "expressway", "highway", "motorway", "square", "river",
    "lake", "mountain", "mountains", "valley", "glacier", "province", "island", "islands", "stadium",
    "airport",
})  # fmt: skip
"""Last words that make a name tagged as an organisation a place ("[Congress Avenue]"); not "bridge", "bay"
or "station", which end companies' names too ("Lotus Bay")."""
COMPANY_DESCRIPTORS = frozenset({
    "company", "firm", "startup", "start-up", "app", "maker", "retailer", "carrier", "airline", "lender",
    "insurer", "chain", "platform", "manufacturer", "automaker", "carmaker", "chipmaker", "conglomerate",
    "broadcaster", "publisher", "newspaper", "website", "network", "supplier", "contractor", "operator",
    "consultancy", "daily", "weekly", "tabloid", "magazine", "broadsheet",
})  # fmt: skip
"""Lower-case nouns that describe the organisation named right after them ("the company [Zipline]")."""
_UPPER = "A-ZÀ-ÖØ-Þ"  # with accented capitals: "BRASÍLIA", "SÃO PAULO", "BOGOTÁ"
DATELINE = re.compile(
    rf"[{_UPPER}][{_UPPER}.'\- ]+(?:,\s+[{_UPPER}][A-Za-zÀ-ÿ.]*(?:\s[{_UPPER}][A-Za-zÀ-ÿ.]*)?)?"
    r"(?:\s*\([A-Za-z. ]+\))?\s*(?:—|–|--|-)\s+"
)
"""A dateline opening a paragraph: "ANKARA, Turkey (AP) — ", "MILLBROOK, Ore. — ", "WASHINGTON — ",
"BRASÍLIA — "."""


def _is_dateline(doc: Doc, text: str, start: int, end: int) -> bool:
    """``[SAN FRANCISCO] — A federal judge ...``: capitals opening a paragraph, then a dash (``text`` is
    ``doc.text``)."""
    opens = start == 0 or "\n" in doc[start - 1].text_with_ws
    words = doc[start:end].text
    if not opens or not words.isupper() or len(words) < 3:
        return False
    match = DATELINE.match(text, doc[start].idx)
    return match is not None and match.end() > doc[end - 1].idx + len(doc[end - 1].text)


_CURRENCY_AMOUNT = re.compile(r"[A-Z]{1,3}[$€£¥]\s*[\d.,]*")
"""A currency written with its country's letters, with or without its amount ("S$88.4", "C$", "HK$5")."""


def _the_title(doc: Doc, ent: Span) -> bool:
    """A title tagged as a name after "the" ("the [Governor]"): it stands for its holder, whom
    ``_nominal_mentions`` finds."""
    return (
        len(ent) == 1
        and ent.start > 0
        and doc[ent.start - 1].lower_ == "the"
        and _title_word(ent[0].text) in RANKS
        and not ent[0].text.endswith(".")
    )


_THING_ENDINGS = frozenset({
    "act", "treaty", "accord", "directive", "award", "awards", "prize", "medal", "trophy", "cup", "festival",
})  # fmt: skip
"""Last words of the names of laws, awards and events ("Clean Water [Act]", "Prince Mahidol [Award]")."""
_THING_OPENERS = frozenset({
    "hurricane", "typhoon", "cyclone", "hms", "hmas", "hmcs", "hmnzs", "hnlms", "uss", "usns", "rfa",
})  # fmt: skip
"""Words before the names of storms and ships ("Hurricane [Odalys]", "HMS [Margaret Ashdown]")."""


def _named_thing(doc: Doc, start: int, end: int) -> bool:
    """A law, award, event, storm or ship, whatever the NER tagged it: no person, organisation or place."""
    if end - start > 1 and doc[end - 1].lower_ in _THING_ENDINGS and doc[end - 1].is_title:
        return True
    before = doc[start - 1].lower_ if start > 0 and not doc[start - 1].is_lower else ""
    return doc[start].lower_ in _THING_OPENERS or before in _THING_OPENERS


_NUMBERED_PLACES = frozenset({
    "local", "route", "interstate", "highway", "ward", "gate", "channel", "platform", "terminal", "station",
    "district", "precinct", "unit", "area", "block", "pier", "berth", "chapter", "division", "zone", "sector",
    "room", "building", "flight", "line", "road", "street", "avenue", "group", "g", "formula", "radio", "tv",
    "lodge", "post", "branch", "battalion", "regiment", "squadron", "brigade", "troop", "school", "no",
})  # fmt: skip
"""Words a number names one of ("Local 2417", "Route 9", "Channel 4"): no product model."""
_MODEL_WORDS = frozenset({"Pro", "Max", "Plus", "Ultra", "Mini", "Lite", "Elite", "Edge", "Neo", "Air"})
"""Words after a model's number ("Orbit 5 Pro")."""
_MODEL_CODE = re.compile(r"[A-Za-z]{0,3}\d+[A-Za-z]{0,4}")


def _model_name(doc: Doc, start: int, end: int) -> bool:
    """A product's model: a brand and a number or code ("Atlas 9", "Lotus Bay X9", "Airbus A321neo",
    "Snapdragon 8 Elite"), not a numbered place or body ("Route 9", "Local 2417")."""
    code = next((k for k in range(start + 1, end) if _MODEL_CODE.fullmatch(doc[k].text)), None)
    if code is None and end < len(doc) and doc[end - 1].whitespace_:  # "[Atlas] 9", "[Glock] 19 pistol"
        number = doc[end]
        after = doc[end + 1] if end + 1 < len(doc) else None
        product = after is not None and (
            (after.tag_ == "NN" and after.is_lower) or after.text in _MODEL_WORDS
        )
        if _MODEL_CODE.fullmatch(number.text) and number.ent_type_ in {"", "CARDINAL"} and product:
            code = end  # not a score: "Aston [Villa] 2, Hajduk 1"
    if code is None or any(t.lower_ in _ORG_DESIGNATORS or t.lower_ == "order" for t in doc[start:code]):
        return False  # "[Fraternal Order of Police Lodge 88]"
    return doc[code - 1].lower_ not in _NUMBERED_PLACES and (code >= end or end - code <= 2)


def _versus(doc: Doc, start: int, end: int) -> bool:
    """Whether the tokens hold a "v." or "vs." ("Brown v. Board of Education"): a court case."""
    return any(t.text in _VERSUS for t in doc[start:end])


def _body_of(doc: Doc, start: int, end: int) -> bool:
    """An organisational word before "of" or "for" inside a name ("Museum of Fine Art", "Academy of
    Sciences", "Commission for Western Asia"); not in a court case ("Brown v. Board of Education")."""
    return not _versus(doc, start, end) and any(
        doc[k].lower_ in _ORG_DESIGNATORS and doc[k + 1].lower_ in {"of", "for"} and _is_cap(doc[k])
        for k in range(start, end - 2)
    )


def _dateline_agency(doc: Doc, text: str, start: int, end: int) -> bool:
    """``LAGOS, Nigeria ([Meridian Wire]) — ...``: the news agency in a dateline's brackets (``text`` is
    ``doc.text``, which spaCy rebuilds on every access)."""
    if start == 0 or end >= len(doc) or doc[start - 1].text != "(" or doc[end].text != ")":
        return False
    line_start = text.rfind("\n", 0, doc[start].idx) + 1
    match = DATELINE.match(text, line_start)
    return match is not None and match.end() > doc[end].idx


_BODY_OF = re.compile(
    r"\b(?:Department|Ministry|Office|Bureau|Agency|Institute|Commission|Council|Board|Center|Centre|School|"
    r"College)\s+(?:of|for)\s+[A-Z]"
)


_BODY_HEADS = frozenset(
    {"ministry", "department", "committee", "commission", "office", "secretariat", "agency"}
)


def _designator_end(doc: Doc, ent: Span) -> int:
    """Where an organisation's name ends when the NER left out the capitalised words after it that end in an
    organisational word ("[Maasvlakte] Container Terminals", "[South Wales] Police")."""
    label = canonical_label(ent.label_)
    if label not in {"ORG", "LOC", "MISC", "PERSON"} or ent[-1].text in _POSSESSIVES:
        return ent.end
    end = ent.end
    while end < len(doc) and end - ent.end < 4 and not doc[end].ent_type_:
        joined = doc[end].lower_ == "and" and end + 1 < len(doc) and doc[end + 1].is_title and end > ent.end
        legal = _legal_suffix(doc[end])  # "[Castellan Foods] plc", "[Norrvik Telecom] AB"
        if not (doc[end].is_title or joined or legal):  # "[Norwegian] Glacier and Hydrology Directorate"
            break
        end += 1
    while (
        end > ent.end
        and doc[end - 1].lower_ not in _ORG_DESIGNATORS | {"police", "constabulary"}
        and doc[end - 1].lower_.removesuffix("s") not in _ORG_DESIGNATORS - {"new"}  # "School [Boards]"
        and not _legal_suffix(doc[end - 1])
    ):
        end -= 1  # "[South Wales] Police"
    if label == "PERSON" and (end - ent.end != 1 or doc[ent.end].lower_ not in {"police", "constabulary"}):
        return ent.end  # a place taken for a person: "[Westmarch] Police"
    return end


_TICKER = re.compile(r"(?:[A-Z]+:)?[A-Z0-9]{1,6}\.[A-Z]{1,3}|[A-Z]+:[A-Z0-9]{1,6}")


def _ticker(doc: Doc, ent: Span) -> bool:
    """A stock symbol in brackets after a company's name ("(VLMR.O)", "(BWE.L)", "(NYSE:HAL)")."""
    return (
        ent.start > 0
        and ent.end < len(doc)
        and doc[ent.start - 1].text == "("
        and doc[ent.end].text == ")"
        and _TICKER.fullmatch(ent.text) is not None
    )


def _second_field_end(doc: Doc, ent: Span) -> int:
    """Where a body's name ends when the NER stopped at the "and" before its second field ("[Ministry of
    Climate and] Green Growth"): over up to three capitalised words the NER left untagged."""
    if canonical_label(ent.label_) != "ORG" or "of" not in {t.lower_ for t in ent}:
        return ent.end
    end = ent.end
    if ent[-1].lower_ != "and":  # "[Ministry of Water] and Energy"
        if end + 1 >= len(doc) or doc[end].lower_ != "and" or not doc[end + 1].is_title:
            return ent.end
        end += 1
    first = end
    while end < len(doc) and end - first < 3 and doc[end].is_title and not doc[end].ent_type_:
        end += 1
    return end if end > first else ent.end


def _portfolio_list_end(doc: Doc, ent: Span) -> int:
    """Where a ministry's name ends when the NER stopped at the first comma of its list of portfolios
    ("[Ministry of Culture], Sports and Tourism"): over ", Word" groups to a closing "and Word" (or "&")."""
    words = [t.lower_ for t in ent if t.lower_ != "the"]
    if canonical_label(ent.label_) != "ORG" or not words or words[0] not in _BODY_HEADS or "of" not in words:
        return ent.end
    i = ent.end
    while i + 1 < len(doc) and doc[i].text == "," and doc[i + 1].is_title:
        i += 2
        while i < len(doc) and doc[i].is_title:
            i += 1
    if i == ent.end or i + 1 >= len(doc) or doc[i].lower_ not in {"and", "&"} or not doc[i + 1].is_title:
        return ent.end
    i += 1
    while i < len(doc) and doc[i].is_title:
        i += 1
    return i


def _national_body_start(doc: Doc, left: Span, right: Span) -> int | None:
    """Where an organisation starts whose name opens with a nationality the NER tagged apart ("the [Spanish]
    [Football Federation]", "the Royal [Spanish] [Football Federation]"): after "the", at most one
    capitalised word before the nationality."""
    if (
        left.end != right.start
        or len(left) != 1
        or canonical_label(left.label_) != "MISC"
        or canonical_label(right.label_) != "ORG"
        or _NATIONALITY.fullmatch(left.text.lower()) is None
    ):
        return None
    start = left.start
    if (
        start > 1
        and doc[start - 1].is_title
        and not doc[start - 1].ent_type_
        and doc[start - 2].lower_ == "the"
    ):
        return start - 1
    return start if start > 0 and doc[start - 1].lower_ == "the" else None


def _second_portfolio(doc: Doc, left: Span, right: Span) -> bool:
    """``[California Department of Forestry] and [Fire Protection]``: a body "of" one field and, right after
    "and", an organisation name of two or three words that is no company ("Google" is not): the second
    field of the same body."""
    if right.start != left.end + 1 or doc[left.end].lower_ != "and" or not _BODY_OF.search(left.text):
        return False
    labels = {canonical_label(left.label_), canonical_label(right.label_)}
    return labels == {"ORG"} and 2 <= len(right) <= 3 and right[-1].lower_ not in BUSINESS_DESIGNATORS


_PUBLIC_DESIGNATORS = (_ORG_DESIGNATORS - BUSINESS_DESIGNATORS) | {"trust"}


def _fields_before_designator(doc: Doc, left: Span, right: Span) -> bool:
    """``[Linden Heights] Water and [Sewer Authority]``: a place or organisation, one or two capitalised words
    the NER left untagged, "and", and an organisation ending in a public body's designator: one body named for
    its fields."""
    between = doc[left.end : right.start]
    public = right[-1].lower_ in _PUBLIC_DESIGNATORS  # not "Maple Street and [Acme Corp]"
    if not 1 <= len(between) <= 3 or between[-1].lower_ != "and" or not public:
        return False
    # "[Harrowfield] and [Dene Valley Hospitals Trust]": a one-word place named nowhere else
    alone = len(between) == 1 and len(left) == 1 and sum(e.text == left.text for e in doc.ents) == 1
    if len(between) == 1 and not alone:
        return False
    untagged = all(t.is_title and t.is_alpha and not t.ent_type_ for t in between[:-1])
    return (
        untagged and canonical_label(left.label_) in {"ORG", "LOC"} and canonical_label(right.label_) == "ORG"
    )


def _place_after_in(doc: Doc, start: int, end: int) -> int | None:
    """``[Flinders University in Australia]`` tagged as one organisation: where the place after "in" starts,
    when the words before "in" end like an organisation's name ("University", "Institute", "Bank")."""
    for i in range(start + 2, end - 1):
        if doc[i].text == "in" and doc[i + 1].is_title and doc[i - 1].lower_ in _ORG_DESIGNATORS:
            return i + 1
    return None


def _hyphen_start(doc: Doc, start: int) -> int:
    """Where a person's name starts when the tokenizer split a hyphenated first name off it ("Sun-Hee Park"
    as "Sun", "-", "Hee Park")."""
    if start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_:
        first = doc[start - 2]
        capitalised = first.text[:1].isupper() and not first.is_upper  # also "MacAskill", "O'Rourke"
        named = first.is_alpha or _APOSTROPHE_NAME.fullmatch(first.text) is not None
        if (capitalised or first.lower_ in _NAME_ARTICLES) and named and not first.whitespace_:
            return start - 2  # also an Arabic article: "Mohammed Shia [al-]Sudani"
    return start


_APOSTROPHE_NAME = re.compile(r"[A-Z][a-z]?['’][A-Z][a-z]+")
"""A surname with an apostrophe ("O'Rourke", "D’Amato")."""


_NAME_ARTICLES = frozenset({"al", "el"})


_QUOTE_MARKS = {'"', "“", "”"}
_DASHES = {"—", "–", "--"}


def _nickname_start(doc: Doc, start: int) -> int:
    """Where a person's name starts when a quoted nickname splits it (``Wiremu "Bill" [Tawhiri]``)."""
    if start >= 4 and doc[start - 1].text in _QUOTE_MARKS and doc[start - 3].text in _QUOTE_MARKS:
        nickname, first = doc[start - 2], doc[start - 4]
        nicknamed = nickname.is_title or (nickname.is_upper and len(nickname) <= 3)  # "Kwame "KB" Boateng"
        if nicknamed and nickname.is_alpha and first.is_title and first.is_alpha:
            return start - 4
    return start


def _given_name_start(doc: Doc, start: int, end: int) -> int:
    """Where a person's name starts when the NER left out a capitalised first name the parser joined to it
    ("was [Mere] Tawhiri": "Mere" is also an English word) or that the census lists ("Kenya's [Faith]
    Kiprotich", whatever the parse); parsed Docs only."""
    if start == 0:
        return start
    before = doc[start - 1]
    head = before.head if start <= before.head.i < end else before.head.head  # also via "Councilor"
    sibling = before.head == doc[start].head and doc[start].dep_ in {"compound", "flat"}
    joined = before.dep_ in {"compound", "flat"} and (start <= head.i < end or sibling)
    initial = _INITIAL.fullmatch(doc[start].text) is not None and doc[start].head == before
    joined = joined or (initial and doc[start].dep_ == "flat")  # "[Eilidh] M. Cargill": the NER began at "M."
    month = before.ent_type_ == "DATE" and before.ent_iob_ == "B"  # "Councilor [April] Nguyen"
    opening = (
        before.is_sent_start and joined and is_first_name(before.text)
    )  # "[Grace] Atieno Wambui" opening
    plain = (
        before.is_title and before.is_alpha and (not before.is_sent_start or opening) and before.tag_ == "NNP"
    )
    if (
        (joined or is_first_name(before.text))
        and plain
        and (month or not before.ent_type_)
        and not _title_word(before.text)
    ):
        return start - 1
    return start


_INITIAL = re.compile(r"[A-Z]\.")
_PATRONYMICS = frozenset({"bin", "binti", "binte", "bint", "ibn"})
"""Words joining a given name to the father's ("Nur Aisyah binte Rahman", "Faisal bin Khalid")."""


def _field_after_designator(doc: Doc, left: Span, right: Span) -> bool:
    """``[Rhine Institute] for [Economic Research]``: an organisation named for its field, cut at "for"."""
    between = right.start == left.end + 1 and doc[left.end].lower_ in {"for", "of"}
    designated = left[-1].lower_ in _ORG_DESIGNATORS | {"center", "centre"}
    labels = {canonical_label(left.label_), canonical_label(right.label_)} == {"ORG"}
    return between and designated and labels


def _saint_institution(doc: Doc, left: Span, right: Span) -> bool:
    """``[St. Brendan]'s [Medical Center]``: a saint's name, a possessive and a name ending like an
    institution's are one organisation."""
    possessive = right.start == left.end + 1 and doc[left.end].text in _POSSESSIVES
    saint = left[0].text in {"St.", "St", "Saint", "Ste.", "Sainte"}
    return possessive and saint and right[-1].lower_ in _ORG_DESIGNATORS | {"center", "centre", "school"}


def _title_alone(doc: Doc, ent: Span) -> bool:
    """A rank tagged as a person on its own, with the person's name apposed after a comma ("The [Taoiseach],
    Fergal Mulcahy")."""
    return (
        len(ent) == 1
        and _title_word(ent.text) in RANKS
        and ent.end + 1 < len(doc)
        and doc[ent.end].text == ","
        and canonical_label(doc[ent.end + 1].ent_type_) == "PERSON"
    )


def _honorific_alone(doc: Doc, ent: Span, ents: Sequence[Span]) -> bool:
    """``[Dame] [Elspeth Navarro]``: a courtesy title tagged on its own right before a person's name."""
    if len(ent) != 1 or ent[0].lower_.rstrip(".") not in HONORIFICS or ent[0].whitespace_ != " ":
        return False
    return any(other.start == ent.end and canonical_label(other.label_) == "PERSON" for other in ents)


def _hyphen_end(doc: Doc, end: int) -> int:
    """Where a person's name ends when the tokenizer split a hyphenated surname ("Okonkwo", "-", "Hill")."""
    if end + 1 >= len(doc) or doc[end].text != "-" or doc[end - 1].whitespace_ or doc[end].whitespace_:
        return end
    last = doc[end + 1]
    if last.ent_iob_ == "B" and canonical_label(last.ent_type_) == "PERSON":
        return end  # "[Jean]-[Luc Mélenchon]", "[Vance]-[Mbeki]": the next name takes this one in
    if last.ent_iob_ == "B":  # "[World Anti]-[Doping Agency]": the next name's end
        following = end + 2
        while following < len(doc) and doc[following].ent_iob_ == "I":
            following += 1
        return following
    return end + 2 if last.is_title and last.is_alpha else end


def _hyphenated_given_name_end(doc: Doc, ent: Span) -> int:
    """Where a person's name ends when the NER tagged only the first part of a hyphenated given name written
    before the surname ("[Hyun]-woo Park"), the rest untagged; else the entity's end."""
    end = ent.end
    if len(ent) != 1 or end + 2 >= len(doc) or doc[end].ent_type_ or doc[end + 1].ent_type_:
        return end
    surname = doc[end + 2]
    hyphenated = canonical_label(ent.label_) == "PERSON" and _joined_syllable(doc, end, longest=4)
    if hyphenated and surname.is_title and surname.is_alpha and not surname.ent_type_:
        return end + 3
    return end


def _joined_syllable(doc: Doc, hyphen: int, longest: int) -> bool:
    """A hyphen written tight between a word and a lower-case syllable of 2 to ``longest`` letters that is no
    English word of its own ("Ji-[hoon]", "Hyun-[woo]"; not "Lagos-[based]")."""
    if hyphen < 1 or hyphen + 1 >= len(doc) or doc[hyphen].text != "-":
        return False
    syllable = doc[hyphen + 1]
    return (
        not doc[hyphen - 1].whitespace_
        and not doc[hyphen].whitespace_
        and syllable.is_lower
        and syllable.is_alpha
        and 2 <= len(syllable) <= longest
        and syllable.text not in _NOT_SYLLABLES
    )


_NOT_SYLLABLES = frozenset({
    "style", "era", "led", "based", "backed", "like", "type", "born", "owned", "run", "made", "free",
    "wide", "long", "old", "year", "day", "week", "fold", "plus", "only",
})  # fmt: skip


def _hyphenated_given_name(doc: Doc, start: int, end: int) -> bool:
    """A two-word name whose given name the tokenizer split at a hyphen before a lower-case syllable, as
    East Asian given names are written ("Park Ji-hoon", "Kim Soo-yeon", "Tsai Ing-wen"), whatever its
    label."""
    if end - start != 2:
        return False
    given = doc[end - 1]
    return (
        given.is_title
        and 2 <= len(given) <= 5
        and _joined_syllable(doc, end, longest=5)
        and not (end + 2 < len(doc) and doc[end + 2].text == "-")
    )


_HONORIFIC_GENDERS = {"mr": "M", "mrs": "F", "ms": "F", "miss": "F"}
_KIN_GENDERS = {
    "wife": "F", "mother": "F", "daughter": "F", "sister": "F", "widow": "F", "grandmother": "F",
    "husband": "M", "father": "M", "son": "M", "brother": "M", "widower": "M", "grandfather": "M",
}  # fmt: skip


def _person_gender(cluster: _Cluster) -> str | None:
    """From the first name (US census table), else from a kin role ("His wife, Meena Patel")."""
    found = first_name_gender(" ".join(cluster.full_words()))
    kin = {_KIN_GENDERS.get(r.lower().split()[-1]) for m in cluster.mentions for r in m.roles if r.split()}
    kin.discard(None)
    return found or (kin.pop() if len(kin) == 1 else None)


def _honorific_gender(doc: Doc, name_start: int) -> str | None:
    """ "F" for a name after "Mrs.", "Ms." or "Miss", "M" after "Mr.", else None."""
    i = name_start - 1
    if i > 0 and doc[i].text == ".":
        i -= 1
    return _HONORIFIC_GENDERS.get(doc[i].lower_.rstrip(".")) if i >= 0 else None


def _aged(doc: Doc, end: int) -> bool:
    """A name followed by an age in commas ("Haaland, 24, said"), or by "who" or "whose" and a kin noun
    ("Le Thi Hoa, whose son worked there,"): a person whatever the NER says."""
    if end + 2 >= len(doc) or doc[end].text != ",":
        return False
    if doc[end + 1].lower_ == "who" or (
        doc[end + 1].lower_ == "whose" and doc[end + 2].lower_ in _KIN_GENDERS
    ):
        return True
    if doc[end + 2].text != ",":
        return False
    age = doc[end + 1].text
    return age.isdigit() and 0 < int(age) < 120


def _local_number_follows(doc: Doc, end: int) -> bool:
    """A union local's or lodge's number after a name ending in "Local" or "Lodge" ("AFSCME Local 2081",
    "Fraternal Order of Police Lodge 88"), left out by the NER."""
    return 0 < end < len(doc) and doc[end - 1].text in {"Local", "Lodge"} and doc[end].is_digit


def _office_of(doc: Doc, end: int) -> bool:
    """A possessive and a capitalised organisational word after an organisation's name, left out by the
    NER ("[Federal Prosecutor]'s Office", "[Attorney General]'s Department")."""
    return (
        end + 1 < len(doc)
        and doc[end].text in _POSSESSIVES
        and doc[end + 1].is_title
        and doc[end + 1].lower_ in _ORG_DESIGNATORS | {"office"}
    )


def _described_name(doc: Doc, start: int, end: int) -> bool:
    """Two or more capitalised words right after a person descriptor, whatever the NER label."""
    return (
        start > 0
        and doc[start - 1].text in _PERSON_DESCRIPTORS
        and end - start >= 2
        and all(_is_cap(t) for t in doc[start:end])
    )


def _company_apposed(doc: Doc, end: int, nouns: frozenset[str] = COMPANY_DESCRIPTORS) -> bool:
    """``[Voltra], the Amsterdam-based maker of ...``: an apposition headed by a company noun (or one of
    ``nouns``)."""
    if end + 1 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in {"the", "a", "an"}:
        return False
    for i in range(end + 2, min(end + 8, len(doc) - 1)):
        word = doc[i]
        if word.text == "," or (word.is_punct and word.text != "-"):
            return False
        service = word.lower_ == "service" and doc[i - 1].lower_ in _SERVICE_KINDS  # "the streaming service"
        if word.lower_ in nouns or service:
            after = doc[i + 1]  # "..., a cloud-hosting company used by ...": a participle as well
            if after.is_punct or after.lower_ in _DESCRIPTOR_HEAD_ENDS or after.tag_ in {"VBN", "VBG"}:
                return True  # (else a modifier: "a campaign [group]")
    return False


_GROUP_NOUNS = COMPANY_DESCRIPTORS | {
    "group", "charity", "organisation", "organization", "campaign", "nonprofit", "association", "alliance",
    "coalition", "union", "watchdog", "body", "agency", "authority",
}  # fmt: skip
"""Nouns an apposition names an organisation by ("Fair Fares UK, the consumer group that ...")."""


def _name_words_before(doc: Doc, ent: Span) -> int:
    """Where an organisation's name starts when the NER tagged only its end: capitalised, untagged words
    before it up to the sentence start ("Fair Fares [UK], the consumer group, said"), when an apposition
    names an organisation; up to two capitalised words between "the" and an organisation ("the Royal Spanish
    [Football Federation]"); or a capitalised word and "for" / "of" inside a sentence ("Transport for
    [Brantwick] said"). ``ent.start`` when none of these."""
    start = ent.start
    if _company_apposed(doc, ent.end, _GROUP_NOUNS):
        while start > 0 and ent.start - start < 4:
            word = doc[start - 1]
            connector = word.lower_ in {"for", "of", "and"} and start > 1 and doc[start - 2].is_title
            named = word.is_title and word.lower_ not in _MINOR_WORDS and _title_word(word.text) is None
            if word.ent_type_ or not (named or connector):  # "Parents for [Open Libraries], a group"
                break
            start -= 1
            if doc[start].is_sent_start:
                break
        while start < ent.start and not doc[start].is_title:
            start += 1
        return start
    before = start
    while (
        before > 1
        and ent.start - before < 2
        and doc[before - 1].is_title
        and not doc[before - 1].ent_type_
        and doc[before - 1].lower_ not in _MINOR_WORDS
        and _title_word(doc[before - 1].text) not in RANKS
    ):
        before -= 1
    if before < start and canonical_label(ent.label_) == "ORG" and doc[before - 1].lower_ == "the":
        return before  # "the Royal Spanish [Football Federation]"
    if ent.start < 2 or doc[ent.start - 1].lower_ not in {"for", "of"}:
        return start
    word = doc[ent.start - 2]
    named = (
        word.is_title
        and not word.ent_type_
        and not word.is_sent_start
        and word.lower_ not in _MINOR_WORDS | ROLE_NOUNS
        and _title_word(word.text) not in RANKS  # "Minister for Europe"; not "Transport" (a portfolio)
        and not _occupation(_norm(word.text))
        and not (word.i > 0 and doc[word.i - 1].is_title)
    )
    return word.i if named else start


_DESCRIPTOR_HEAD_ENDS = {"of", "that", "which", "based", "in", "with", "for", "and", "behind", "whose", "at"}
_SERVICE_KINDS = {
    "streaming", "delivery", "messaging", "subscription", "payments", "payment", "cloud", "music",
}  # fmt: skip
"""Modifiers that make "service" a company ("the video streaming service"), not a public body."""
_PERSON_ROLES = ROLE_NOUNS - {"head", "member", "counterpart", "successor", "predecessor", "author", "owner"}
_APPOSED_PERSON_NOUNS = (_PERSON_ROLES | _PERSON_DESCRIPTORS | {"strategist", "trader", "consultant"}) - {
    "chief", "leader", "player", "resident", "veteran",
}  # fmt: skip
"""Nouns heading an apposition that make the name before it a person ("[Le Minh Tuan], a strategist at
Kestrel Bank," tagged ORG); not "leader" ("the market leader") nor "player" ("a major player in")."""


def _apposed_to_role(doc: Doc, start: int, end: int) -> bool:
    """A name after a comma that closes an office or role ("the utility's vice president for safety, [Priya
    Nand]", "a spokesman for the FAA, [Carla Mendes]", "The director of pollster Cakrawala Indikator, [Sri
    Wahyuningsih]"): two or more capitalised words, the office at most six words before the comma, no
    punctuation between."""
    if (
        start < 2
        or doc[start - 1].text != ","
        or end - start < 2
        or not all(_is_cap(t) or t.text == "-" for t in doc[start:end])  # "Nevine El-Sayed"
    ):
        return False
    for i in range(start - 2, max(start - 8, -1), -1):
        token = doc[i]
        if token.is_punct or _is_space(token):
            return False
        word = token.text.lower()
        if (word in RANKS or word in _PERSON_ROLES) and not _is_cap(token):
            return True
    return False


def _title_tokens(doc: Doc, name_start: int) -> tuple[int, list[str]]:
    """Walk left from the name over title words and their qualifiers; (first token, title strings)."""
    i = name_start - 1
    first = name_start
    while i >= 0 and name_start - i <= 10:
        token = doc[i]
        text = token.text
        if _is_space(token):
            break
        if text == "." and i > 0 and _norm(doc[i - 1].text) in TITLE_ABBREVIATIONS:
            i -= 1
            continue
        if token.ent_type_ in {"DATE", "TIME"} or text in _CALENDAR_WORDS:
            break  # "in [February] Culture Minister X"
        if _title_word(text) or _is_cap(token) or (i == name_start - 1 and _norm(text) in CLOSING_RANKS):
            first = i
            i -= 1
            continue
        if text == "-" and i > 0 and _is_cap(doc[i - 1]) and not doc[i - 1].whitespace_ and first == i + 1:
            i -= 1  # "Director-General"
            continue
        after_person = text.lower() == "and" and doc[i - 1].ent_type_ == "PERSON"  # "X and Chairman Y"
        if text.lower() in _CONNECTORS and i > 0 and _is_cap(doc[i - 1]) and not after_person:
            i -= 1
            continue
        break
    words: list[str] = []
    for k in range(first, name_start):
        text = doc[k].text
        if text == ".":
            continue
        if words and "-" in (text, words[-1][-1]) and not doc[k - 1].whitespace_:
            words[-1] += text  # "Director", "-", "General" -> "Director-General"
        else:
            words.append(text)
    # rightmost run of title words, possibly followed by "of <Qualifier>"
    run_end = len(words)
    after: list[str] = []
    for of_at in range(1, len(words)):
        if words[of_at].lower() == "of" and _title_word(words[of_at - 1]) in RANKS:
            run_end = of_at
            after = words[of_at:]
            break
    closing = not after and bool(words) and words[-1].lower() in CLOSING_RANKS
    if run_end == 0 or not (closing or _title_word(words[run_end - 1])):
        return name_start, []
    run_start = run_end - 1 if closing else run_end
    while run_start > 0 and _title_word(words[run_start - 1]):
        run_start -= 1
    head_words = [_title_word(w) or w.lower() for w in words[run_start:run_end]]
    if not closing and not any(
        w.rsplit("-", 1)[-1] in RANKS or _occupation(w) or w in _LOWER_OCCUPATIONS for w in head_words
    ):
        return name_start, []
    head = " ".join(head_words)
    qualifier = list(words[:run_start])
    cut = max((k + 1 for k, w in enumerate(qualifier) if w.lower() in _FUNCTION_WORDS), default=0)
    qualifier = qualifier[cut:]
    qualifier = [w for k, w in enumerate(qualifier) if not _affiliation(qualifier, k)]
    while qualifier and qualifier[0].lower() in _CONNECTORS:
        qualifier.pop(0)
    if after:
        title = f"{head} {' '.join(after)}"
    elif len(qualifier) in {1, 2} and qualifier[-1].lower().endswith(("ian", "ese", "ish", "an", "i")):
        title = f"{' '.join(qualifier)} {head}"  # "Italian director", "South Korean director"
    elif qualifier and all(w.lower() in _KEPT_QUALIFIERS or _title_word(w) for w in qualifier):
        title = " ".join([*(w.lower() for w in qualifier), head])  # "U.S. District Judge" -> "district judge"
    elif qualifier:
        article = "the " if len(qualifier) > 1 and qualifier[0].lower() != "the" else ""
        title = f"{head} of {article}{' '.join(qualifier)}"
    else:
        title = head
    return first, [title]


_CALENDAR_WORDS = frozenset({
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
})  # fmt: skip
"""Capitalised words that never qualify a title ("in February Culture Minister X")."""
_RELATIVES = frozenset({"who", "which", "that", "whose", "whom"})
_PERSON_RELATIVES = frozenset({"who", "whose", "whom"})


def _affiliation(words: list[str], k: int) -> bool:
    """Whether ``words[k]`` is an affiliation to drop ("Army Col.", "Assistant U.S. Attorney"), not a word
    inside a name ("Delta [Air] Lines executive")."""
    if words[k].lower().rstrip(".") not in AFFILIATIONS:
        return False
    inside = [words[j] for j in (k - 1, k + 1) if 0 <= j < len(words)]
    return not (
        len(inside) == 2
        and all(
            w[:1].isupper() and w.lower().rstrip(".") not in AFFILIATIONS and not _title_word(w)
            for w in inside
        )
    )


def _classify(tokens: list[Token]) -> tuple[list[str], list[str]]:
    """Titles and roles of an appositive's tokens (determiner already removed), without a relative clause
    ("neurologist at Johns Hopkins [who was not involved]")."""
    relative = next((k for k, t in enumerate(tokens) if k > 0 and t.lower_ in _RELATIVES), len(tokens))
    tokens = tokens[:relative]
    words = [t.text for t in tokens]
    for k, word in enumerate(words[:3]):
        title = _title_word(word)
        if title in RANKS or TITLE_ABBREVIATIONS.get(_norm(word)) in RANKS:
            lead = [_title_word(w) or w.lower() for w in words[:k]]
            described = any(w not in MODIFIERS and _title_word(w) is None for w in words[:k])
            if described:  # "mission director at Atlantida Orbital": the rank, and the phrase as a role
                lead = []
            ranks = [title or _norm(word)]
            rest = tokens[k + 1 :]
            while rest and _title_word(rest[0].text) in RANKS:  # "general secretary", "attorney general"
                ranks.append(str(_title_word(rest[0].text)))
                rest = rest[1:]
            head = " ".join([*lead, *ranks])
            roles = [_join(tokens)] if described else []
            if rest and rest[0].text.lower() == "of":
                return [f"{head} {_join(rest)}"], roles
            return [head], roles
        if word[:1].isupper() and k == 0:
            break
    role = _join(tokens)
    return [], [role] if role else []


def _join(tokens: list[Token]) -> str:
    """The tokens' text; a space where a skipped token (a comma) stood between two of them."""
    parts: list[str] = []
    for token, following in zip(tokens, [*tokens[1:], None], strict=True):
        parts.append(token.text)
        if following is not None and (token.whitespace_ or following.i != token.i + 1):
            parts.append(" ")
    return "".join(parts).strip()


def _role_after(doc: Doc, end: int) -> tuple[list[str], list[str]]:
    """Appositive right after a name: ", a spokesman for Milley," -> role; after an age as well (", 84, a
    retired postmistress,"), and up to a relative pronoun (", a fisherman who appears in the film")."""
    if end >= len(doc) - 1 or doc[end].text != ",":
        return [], []
    k = end + 1
    if k + 2 < len(doc) and doc[k].like_num and doc[k + 1].text == "," and doc[k + 2].is_lower:
        k += 2  # "Evelyn Pike, 84, a retired postmistress", "Samir Khoury, 80, founder of the grill"
    timed = k + 1 < len(doc) and doc[k].lower_ in _TIME_OF_ROLE and not _is_cap(doc[k + 1])
    if timed:
        k += 1  # "X, now artistic director of the festival," (not "now retired in Can Tho")
    first = doc[k]
    if first.text.lower() in _STOP_ROLE:
        return [], []
    stop = k
    while stop < len(doc) and "\n" not in doc[stop].text:
        if doc[stop].text == "(" and stop > k and _acronym_bracket(doc, stop):
            stop += 3  # ", president of the Ghana Bar Association (GBA),"
            continue
        if doc[stop].text in _BOUNDARIES or (stop > k + 1 and doc[stop].lower_ in _PERSON_RELATIVES):
            break
        stop += 1
    if stop - k > 12 or stop == k:
        return [], []
    if stop < len(doc) and doc[stop].text in {"(", ":", '"', "\u201c", "\u201d"}:
        return [], []
    tokens = [doc[j] for j in range(k, stop)]
    relative = next((j for j, t in enumerate(tokens) if j > 0 and t.lower_ in _PERSON_RELATIVES), len(tokens))
    tokens = tokens[:relative]  # ", a neurologist at Hopkins [who was not involved],"; not ", a move that"
    texts = [t.text for t in tokens]
    if any(w.lower() in _STOP_ROLE for w in texts) or all(t.like_num for t in tokens):  # "Vance, 61,"
        return [], []
    if timed and not (_role_word(tokens[0]) or _role_head(tokens)):
        return [], []
    if any(t.tag_ in FINITE_TAGS for t in tokens):
        return [], []
    if texts[0].lower() in ROLE_STARTERS:
        texts, tokens = texts[1:], tokens[1:]
    elif _is_cap(first):
        poss = next((j for j, w in enumerate(texts[:5]) if w in _POSSESSIVES), None)
        if poss is None or poss + 1 >= len(texts) or _is_cap(tokens[poss + 1]):
            return [], []
    elif _title_word(texts[0]) is None and texts[0].lower() not in ROLE_NOUNS and not _role_head(tokens):
        return [], []
    if not tokens:
        return [], []
    if any(w in _POSSESSIVES for w in texts[:5]):
        return [], [_join(tokens)]
    return _classify(tokens)


_ROLE_PHRASE_TAGS = frozenset({"JJ", "JJR", "JJS", "NN", "NNS", "VBN", "VBG", "HYPH"})
"""Tags of the words up to a role phrase's head ("retired", "managing" included, but no finite verb)."""
_TIME_OF_ROLE = frozenset({"now", "currently", "formerly", "later", "then", "since"})
"""Adverbs that may open an appositive role (", now artistic director of ...")."""


def _acronym_bracket(doc: Doc, i: int) -> bool:
    """A bracketed short name at ``i``: "(GBA)", "(CSE)"."""
    return i + 2 < len(doc) and doc[i + 2].text == ")" and _is_acronym_text(doc[i + 1].text)


def _head_at(tokens: list[Token]) -> int:
    """Index of a role phrase's head, the word before its first preposition (-1 when it opens with one)."""
    return next((k for k, t in enumerate(tokens) if t.lower_ in _ROLE_PREPOSITIONS), len(tokens)) - 1


def _role_head(tokens: list[Token]) -> bool:
    """Whether a lower-case phrase's head, the word before its first preposition, is a role or rank
    ("mission director at Atlantida Orbital", "cardiologist at Bach Mai Hospital")."""
    head_at = _head_at(tokens)
    if head_at < 0 or tokens[0].pos_ not in {"ADJ", "NOUN"}:
        return False  # not "whose father", "as the skipper's son", "speaking through an interpreter"
    if not all(
        (t.is_lower and t.tag_ in _ROLE_PHRASE_TAGS) or t.tag_ == "HYPH" for t in tokens[: head_at + 1]
    ):
        return False
    head = tokens[head_at]
    return head.tag_ in {"NN", "NNS"} and _person_word(head)  # not "now [retired] in Can Tho"


def _role_word(token: Token) -> bool:
    """A noun naming a role or rank ("spokesman", "chief", "General")."""
    return _norm(token.text) in ROLE_NOUNS or _title_word(token.text) in RANKS


def _role_before(doc: Doc, start: int, end: int) -> tuple[list[str], list[str]]:
    """A possessive description before a name: "Ukraine's chief military officer, Gen. X" -> role (the owner
    a capitalised name or "the" and one word: "the hospital's chief executive")."""
    i = start - 1
    comma = i >= 0 and doc[i].text == ","
    if comma:
        i -= 1
    last = i
    if last < 0 or not (comma or _role_word(doc[last])):
        return [], []
    while i >= 0 and doc[i].text.islower() and doc[i].text.isalpha() and last - i < 4:
        i -= 1
    if i == last or i < 0 or doc[i].text not in _POSSESSIVES:
        return _described_before(doc, start - 1, _apposition_closes(doc, end)) if comma else ([], [])
    owner_end = i
    i -= 1
    while i >= 0 and _is_cap(doc[i]) and owner_end - i <= 4:
        i -= 1
    owner_start = i + 1
    if owner_start == owner_end:  # "The hospital's chief executive, Martin Oyelaran", "Her party's state
        for j in (
            i,
            i - 1,
        ):  # chairman", "The governing party's state chairman": a determiner, one or two words
            words = doc[j:owner_end]
            if (
                j >= 1
                and all(t.is_lower and t.is_alpha for t in words)
                and doc[j - 1].lower_ in _OWNER_OPENERS
            ):
                owner_start = j
                break
    if owner_start == owner_end or doc[owner_start].pos_ in {"ADP", "SCONJ"}:
        return [], []  # "[After Saturday]'s match, Dario Kessler": a fronted phrase, not his role
    opening = (
        owner_start - 1 if owner_start > 0 and doc[owner_start - 1].lower_ in _OWNER_OPENERS else owner_start
    )
    placed = opening > 0 and doc[opening - 1].pos_ == "ADP" and doc[opening - 1].lower_ != "of"
    if placed and not _role_word(doc[last]):
        return [], []  # "posted on [the company's website], Chief Executive X": a place, not her role
    owner = _join([doc[j] for j in range(owner_start, owner_end)])
    nouns = [doc[j] for j in range(owner_end + 1, last + 1)]
    if any(t.tag_ in FINITE_TAGS for t in nouns):
        return [], []
    titles, _ = _classify(nouns)
    if titles and len(nouns) == 1:
        return [f"{titles[0]} of {owner}"], []
    return [], [_join([doc[j] for j in range(owner_start, last + 1)])]


_OWNER_OPENERS = frozenset({"the", "her", "his", "its", "their", "our"})
_ROLE_PREPOSITIONS = frozenset({"for", "of", "at", "with", "to", "in"})


def _apposition_closes(doc: Doc, end: int) -> bool:
    """Whether the name ending at ``end`` closes an apposition: punctuation or the text's end follows it,
    not a verb ("the driver, [X], 51." but not "he had paid the mayor, [X] said")."""
    return end >= len(doc) or doc[end].text in {",", ".", ";", ")"} or _is_space(doc[end])


def _described_before(doc: Doc, comma: int, closed: bool = False) -> tuple[list[str], list[str]]:
    """A described role closed by a comma before a name: "A spokeswoman for the utility, [Rachel Kim]" ->
    role "spokeswoman for the utility"; "the mayor of Springfield, [X]" -> title. The phrase opens with a
    determiner (the nearest one that works, with no verb before it unless the name ``closed`` the
    apposition: "the son of a railway signalman, [X],"), and its head noun, before the first preposition,
    is a role noun or a rank: "Its general manager" and "why he had paid the mayor, [X] said" give
    nothing; a capitalised owner before it is kept ("A CAA spokeswoman, [X]")."""
    first = comma
    while first > 0 and comma - first < 8 and not (doc[first - 1].is_punct or _is_space(doc[first - 1])):
        first -= 1
    for i in range(comma - 2, first - 1, -1):
        if doc[i].lower_ not in ROLE_STARTERS:
            continue
        verb = any(doc[k].tag_.startswith("VB") or doc[k].tag_ == "MD" for k in range(first, i))
        if verb and not closed:
            break  # "why he had paid [the mayor], Reilly said": the object of a clause, no role
        words = [doc[k] for k in range(i + 1, comma)]
        head_at = _head_at(words)
        head = words[head_at] if head_at >= 0 else None
        lower_role = head is not None and head.is_lower and _role_word(head)
        owner_first = _is_cap(words[0]) and not _title_word(words[0].text) and not lower_role
        # but "The Minister for Culture, [X]", "The Kwarana State governor, [X]"
        role = head is not None and (_role_word(head) or _agent_noun(head))
        kin_of = (  # "the son of a railway signalman", not "his wife of 54 years"
            head is not None
            and head.lower_ in _KIN_GENDERS
            and head_at + 2 < len(words)
            and words[head_at + 2].lower_ in ROLE_STARTERS
        )
        if role and not owner_first and not kin_of:
            return _classify(words)
    return [], []


_AGENT_ENDINGS = ("er", "or", "ist", "man")


def _agent_noun(token: Token) -> bool:
    """A lower-case noun for someone who does something ("examiner", "organiser", "cardiologist")."""
    word = token.text
    return token.tag_ == "NN" and word.islower() and len(word) > 5 and word.endswith(_AGENT_ENDINGS)


_SET_OFF = frozenset({",", "(", "—", "–", "--", "-"})


def _dep_appositives(ent: Span) -> tuple[list[str], list[str]]:
    titles: list[str] = []
    roles: list[str] = []
    for token in ent:
        for child in token.children:
            appositive = child.dep_ == "appos" and not (child.like_num or child.is_space)  # "Purdy,  a": " "
            if appositive and not (ent.start <= child.i < ent.end):
                left = child.left_edge.i
                if any(t.ent_type_ for t in ent.doc[ent.end : left]):
                    continue  # "X, director general of [BEUC], the European consumer organisation": BEUC's
                if not any(t.text in _SET_OFF for t in ent.doc[ent.end : left + 1]):
                    continue  # "wished Abara-Vance “[every success with the book]”": no comma, no apposition
                words = [t for t in child.subtree if t.text not in _BOUNDARIES and not t.is_space]
                if words and words[0].text.lower() in ROLE_STARTERS:
                    words = words[1:]
                clause = any(t.tag_ in _CLAUSE_TAGS for t in words)  # "both of Springfield, face charges"
                if words and len(words) <= 12 and not _is_cap(child) and not clause:
                    more_titles, more_roles = _classify(words)
                    titles += more_titles
                    roles += more_roles
    return titles, roles


_PARTICLES = frozenset(
    {"de", "des", "del", "della", "der", "den", "van", "von", "du", "di", "da", "dos", "la", "le"}
)
"""Lower-case words that open family names ("des Cars", "van der Meer")."""
NATIONALITY_ENDINGS = r"(?:an|ese|ish|i|ch)"
"""How nationality adjectives end ("Kenyan", "Chinese", "British", "Israeli", "French")."""
_NATIONALITY = re.compile(rf"[a-z]+{NATIONALITY_ENDINGS}")
"""A nationality adjective as a lower-case clustering key ("norwegian", "chinese", "british", "dutch")."""
DEMONYMS = frozenset({
    "spaniard", "scot", "briton", "brit", "swede", "dane", "finn", "pole", "turk", "croat", "serb", "slovak",
    "czech", "greek", "swiss", "thai", "kiwi", "aussie", "geordie", "scouser", "londoner", "berliner",
    "muscovite", "quebecer", "englishman", "englishwoman", "irishman", "irishwoman", "scotsman", "scotswoman",
    "welshman", "welshwoman", "frenchman", "frenchwoman", "dutchman", "dutchwoman", "yorkshireman",
    "yorkshirewoman", "cornishman", "ulsterman", "manxman",
})  # fmt: skip
"""Nouns for a person from a place that do not end like a nationality adjective ("the Spaniard", "the
Yorkshireman"): epithets, never a name."""
_OCCUPATIONS = frozenset({
    "economist", "analyst", "scientist", "historian", "physicist", "chemist", "astronomer", "journalist",
    "columnist", "strategist", "pollster", "activist", "novelist",
})  # fmt: skip
"""Occupations written before a name like a title ("Economist Jane Doe"); "-ologist", "-ographer" too."""
_LOWER_OCCUPATIONS = (
    _PERSON_DESCRIPTORS
    | {"pianist", "violinist", "cellist", "drummer", "engineer", "surgeon", "physician", "paramedic",
       "fisherman", "financier", "investor", "producer", "songwriter", "singer-songwriter"}
) - {"teenager", "student", "resident", "veteran", "player"}  # fmt: skip
"""Occupations that are a title only in lower case, right before a name ("the Japanese violinist Hana
Sato"): capitalised, they may be names ("Isaac Singer", "Jane Farmer")."""
_SPORTS = frozenset({
    "Cricket", "Rugby", "Tennis", "Football", "Swimming", "Athletics", "Cycling", "Hockey", "Netball",
    "Basketball", "Golf", "Rowing", "Sailing", "Triathlon", "Gymnastics", "Volleyball", "Badminton", "Squash",
    "Softball", "Baseball", "Skate", "Ski", "Equestrian", "Archery", "Judo", "Boxing", "Diving", "Surfing",
    "Canoe", "Bowls", "Handball",
})  # fmt: skip
"""Sports that name a national governing body with a place after them ("Cricket Australia")."""
_VERSUS = frozenset({"v.", "vs.", "v", "vs"})  # lower case: "Arjun V. Raghavan" has an initial
_NAME_PREPOSITIONS = frozenset({"Without", "For", "Against", "Of"})
"""Capitalised prepositions inside organisation names ("Doctors Without Borders", "Friends Of ...")."""


_MINOR_WORDS = frozenset({
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "with", "by", "from", "as",
    "vs", "v", "is", "are", "be", "it", "its", "if", "not", "into", "over", "than", "via", "per", "off",
    "out", "up", "nor", "yet", "so",
})  # fmt: skip
"""Words a title-case headline may leave in lower case ("Rally for Hillary Clinton")."""
_HEADLINE_OFFICES = frozenset({
    "senator", "president", "governor", "mayor", "minister", "secretary", "chancellor", "premier",
    "representative", "congressman", "congresswoman", "judge",
})  # fmt: skip
"""Offices that open a person's name in a headline ("Senator Grills Drugmaker")."""


_LINE = re.compile(r"[^\n]+")
_EDGE_PUNCTUATION = "\"'“”‘’()[]:;,.!?—–-"


def _title_case_lines(doc: Doc, text: str) -> set[int]:
    """Tokens of the lines written in title case ("Elizabeth Warren Hammers Wells Fargo CEO"): four or more
    words that are not minor words, all capitalised."""
    tokens: set[int] = set()
    for line in _LINE.finditer(text):  # on the text: most lines are prose, rejected at their first word
        words = (w.strip(_EDGE_PUNCTUATION) for w in line[0].split())
        count = 0
        for word in words:
            if not word.isalpha() or word.lower() in _MINOR_WORDS or word in _PARTICLES:
                continue  # "Anselm de la Roche, Composer Who Set the Rhone to Music, Dies at 84"
            if not word[0].isupper():
                break
            count += 1
        else:
            span = doc.char_span(line.start(), line.end(), alignment_mode="expand") if count >= 4 else None
            tokens.update(range(span.start, span.end) if span is not None else ())
    return tokens


def _headline_names(doc: Doc, text: str, ents: Sequence[Span]) -> Sequence[Span]:
    """Names in a title-case line cut to the parts the rest of the article names: the NER reads a
    capitalised verb as part of a name there ("[Elizabeth Warren Hammers Wells Fargo]" -> "[Elizabeth
    Warren]", "[Wells Fargo]"), labelled as the body labels them; a first name just before a person's part
    stays ("[Hillary] [Clinton]"). A name of which the body names no part is left as it is, unless it ends
    in a connector ("[Rally for] Hillary Clinton") or is a person's ("Senator [Grills Drugmaker]"): people
    are named in the body."""
    headline = _title_case_lines(doc, text)
    if not headline:
        return ents

    parts_of: dict[tuple[str, ...], str] = {}  # a body name (any run of a person's words) -> its label
    for ent in ents:
        if ent.start not in headline:
            words = [t.text for t in ent if t.lower_ != "the"]
            if canonical_label(ent.label_) != "PERSON":
                parts_of.setdefault(tuple(words), ent.label_)  # "Wells Fargo", not "Asthma" of "Alliance for
                continue  # Asthma and Allergy Families"
            for i in range(len(words)):
                for j in range(i + 1, len(words) + 1):
                    if any(w.lower() not in _MINOR_WORDS and w[:1].isalpha() for w in words[i:j]):
                        parts_of.setdefault(tuple(words[i:j]), ent.label_)
    common = {t.text for t in doc if t.is_lower and t.i not in headline}
    result: list[Span] = []
    for ent in ents:
        if ent.start not in headline or any(i not in headline for i in range(ent.start, ent.end)):
            result.append(ent)
            continue
        if ent.end - ent.start == 1:
            word = ent[0].text
            named = any(word in part for part in parts_of)  # "Obama" of the body's "Barack Obama"
            if named or not (canonical_label(ent.label_) == "PERSON" or _common_in(word, common)):
                result.append(ent)  # "[Composer] Who Set the Rhone to [Music], [Dies] at 84": none
            continue
        parts: list[tuple[int, int, str]] = []
        k = ent.start
        while k < ent.end:
            end = next(
                (m for m in range(ent.end, k, -1) if tuple(t.text for t in doc[k:m]) in parts_of), None
            )
            if end is None:
                k += 1
                continue
            label = parts_of[tuple(t.text for t in doc[k:end])]
            start = k
            given = doc[k - 1] if k > ent.start else None
            if (
                given is not None
                and label == "PERSON"
                and is_first_name(given.text)
                and (not parts or parts[-1][1] < k)
            ):
                start = k - 1
            parts.append((start, end, label))
            k = end
        if not parts and doc[ent.end - 1].lower_ in _CONNECTORS:
            continue  # "[Rally for] [Hillary Clinton]": a fragment, not to be joined to the next name
        if not parts and (
            canonical_label(ent.label_) == "PERSON" or _title_word(ent[0].text) in _HEADLINE_OFFICES
        ):
            continue  # "[Senator Grills Drugmaker] Chief": a person the article never names again is none
        if not parts:
            end = next((k for k in range(ent.start, ent.end) if _common_in(doc[k].text, common)), ent.end)
            if end > ent.start:  # "[Marlstad Trial Opens]": the body writes "trial" in lower case
                result.append(ent if end == ent.end else Span(doc, ent.start, end, label=ent.label_))
            continue  # "[Deadline Nears]": no name
        if parts == [(ent.start, ent.end, ent.label_)]:
            result.append(ent)
        else:
            result.extend(Span(doc, start, end, label=label) for start, end, label in parts)
    return result


_NAME_DESIGNATORS = _ORG_DESIGNATORS | _GEOGRAPHIC_DESIGNATORS | _PLACE_DESIGNATORS
"""Words that end organisations' and places' names, never a headline's common word."""


def _common_in(word: str, common: set[str]) -> bool:
    """Whether a capitalised headline word is a common word of the article's body ("Trial", "Deadline",
    "Approves" beside "approved"), not an organisational or geographic word ("Foods", "Valley")."""
    lower = word.lower()
    if lower in _NAME_DESIGNATORS or lower in _MINOR_WORDS or not lower.isalpha():
        return False
    stems = {
        lower,
        lower[:-1] if lower.endswith("s") else lower,
        lower[:-2] if lower.endswith("es") else lower,
    }
    return any(stem in common or f"{stem}d" in common or f"{stem}ed" in common for stem in stems)


_SCALES = frozenset({"Celsius", "Fahrenheit", "Kelvin", "Centigrade"})
"""Temperature scales, which the NER tags as names after "degrees"."""
_OFFICE_HOLDERS = frozenset(
    {"prosecutor", "attorney", "sheriff", "coroner", "auditor", "ombudsman", "comptroller", "examiner"}
)
"""Officials whose office is named after them and their place: "the Geneva prosecutor's office"."""


def _offices_of_places(doc: Doc, ents: Sequence[Span]) -> list[Span]:
    """A place followed by the office of its prosecutor, sheriff ... is that office, an organisation: "the
    [Geneva] public prosecutor's office" -> "Geneva public prosecutor's office", not Geneva."""
    result: list[Span] = []
    for ent in ents:
        end = ent.end
        while (
            end < len(doc)
            and end - ent.end < 3
            and (doc[end].is_lower or (doc[end].is_title and not doc[end].ent_type_))
            and doc[end].lower_ not in _OFFICE_HOLDERS
        ):
            end += 1  # "public", "district"; "[Istanbul] Chief Public Prosecutor's Office"
        office = end + 2
        if (
            canonical_label(ent.label_) == "LOC"
            and office < len(doc)
            and doc[end].lower_ in _OFFICE_HOLDERS
            and doc[end + 1].text in _POSSESSIVES
            and doc[office].lower_ == "office"
        ):
            result.append(Span(doc, ent.start, office + 1, label="ORG"))
        else:
            result.append(ent)
    return result


def _mentions(doc: Doc, doc_text: str) -> tuple[list[_Mention], list[_Mention]]:
    named: list[_Mention] = []
    numeric: list[_Mention] = []
    parsed = doc.has_annotation("DEP")
    ents = _offices_of_places(doc, _headline_names(doc, doc_text, doc.ents))  # Doc.ents: built on each call
    joined = {
        ent.start: _nickname_start(doc, _hyphen_start(doc, _given_name_start(doc, ent.start, ent.end)))
        for ent in ents
        if canonical_label(ent.label_) == "PERSON"
    }
    saints: dict[str, int] = {}  # "St. Brendan" -> where the institution named after it starts
    surnames: set[int] = set()  # where a person's surname after a particle starts, whatever its label
    for left, right in pairwise(ents):  # "[Fire and] [Emergency New Zealand]"
        person_of_place = canonical_label(left.label_) == "PERSON" and canonical_label(right.label_) == "LOC"
        if (
            left.end == right.start
            and doc[left.end - 1].lower_ in _CONNECTORS
            and left.end - left.start > 1
            and not person_of_place  # "Gov. [Mike Pence of] [Indiana]": the person, then the place
        ):
            joined[right.start] = joined.get(left.start, left.start)
        if _field_after_designator(doc, left, right):  # "[Rhine Institute] for [Economic Research]"
            joined[right.start] = joined.get(left.start, left.start)
        if _saint_institution(doc, left, right):  # "[St. Brendan]'s [Medical Center]"
            joined[right.start] = joined.get(left.start, left.start)
            saints[left.text] = right.start
        hyphen_start = joined.get(right.start, right.start)
        abbreviated = hyphen_start == left.end + 1 and doc[left.end].text == "." and len(left[-1].text) <= 2
        if (
            abbreviated
            and left[-1].is_title
            and {canonical_label(left.label_), canonical_label(right.label_)} == {"PERSON"}
        ):  # "[Giorgos Th]. [Papadakis-Lekkas]"
            joined[right.start] = joined.get(left.start, left.start)
        patronymic = right.start == left.end + 1 and doc[left.end].lower_ in _PATRONYMICS
        if patronymic and canonical_label(right.label_) == "PERSON":  # "[Nur Aisyah] binte [Rahman]"
            joined[right.start] = joined.get(left.start, left.start)
        initial = left.end == right.start and _INITIAL.fullmatch(right[0].text) is not None
        one_word = len(left) == 1 and left[0].is_title
        given = canonical_label(left.label_) == "PERSON" or (
            one_word
            and (
                is_first_name(left.text)
                or (
                    canonical_label(left.label_) == "MISC"
                    and _NATIONALITY.fullmatch(left.text.lower()) is None
                )
                or canonical_label(left.label_) == "LOC"
            )
        )
        # "[Gillian] [M. Foster]"; also "[Karen]" or "[Morag]" tagged MISC, "[Ravi]" tagged a place, before
        # "[L. Dubois]"
        if initial and given and canonical_label(right.label_) == "PERSON":
            joined[right.start] = joined.get(left.start, left.start)
        cut = left.start < hyphen_start < left.end and _hyphen_end(doc, left.end) == left.end
        if cut and canonical_label(right.label_) == "PERSON":
            joined[right.start] = joined.get(left.start, left.start)  # "[Rupert Ashdown]-[Lyle KC]"
        if _second_portfolio(doc, left, right):  # "[California Department of Forestry] and [Fire Protection]"
            joined[right.start] = joined.get(left.start, left.start)
        if _fields_before_designator(doc, left, right):  # "[Linden Heights] Water and [Sewer Authority]"
            joined[right.start] = joined.get(left.start, left.start)
        national = _national_body_start(doc, left, right)
        if national is not None:  # "the [Spanish] [Football Federation]"
            joined[right.start] = national
        listed = "," in left.text and right.start == left.end + 1 and doc[left.end].text == ","
        if listed and canonical_label(left.label_) == canonical_label(right.label_) == "ORG":
            joined[right.start] = joined.get(
                left.start, left.start
            )  # "[Senate Health, Education], [Labor ...]"
        # "[Mohammed Shia] al-[Sudani]": the article before the second name makes it follow on from the first
        particle = joined.get(right.start, _hyphen_start(doc, right.start)) == left.end < right.start
        # a person's name before it, or one word of any label: "[Majed] al-[Ansari]" as ORG
        given_name = canonical_label(left.label_) == "PERSON" or len(left) == 1
        surname = canonical_label(right.label_) == "PERSON" or (  # "[Yusuf Darwish] al-[Hakimi]" as ORG
            len(right) == 1 and canonical_label(left.label_) == "PERSON"
        )
        if particle and given_name and surname:
            joined[right.start] = joined.get(left.start, left.start)
            surnames.add(right.start)
        split = left.end == right.start and len(left) == 1 and is_first_name(left.text)  # "[Sofia] [Renner]"
        if split and canonical_label(right.label_) == "PERSON":  # "Sofia" also tagged a place
            joined[right.start] = joined.get(left.start, left.start)
    # organisations the NER started one word late: "Cricket [Australia]" (a sport's national body, tagged as
    # the place), "Doctors [Without Borders]" (no name starts with such a preposition)
    headless = {
        ent.start
        for ent in ents
        if ent.start > 0
        and doc[ent.start - 1].whitespace_ == " "
        and (
            (canonical_label(ent.label_) == "LOC" and doc[ent.start - 1].text in _SPORTS)
            or (
                ent[0].text in _NAME_PREPOSITIONS
                and doc[ent.start - 1].is_title
                and not doc[ent.start - 1].ent_type_
            )
        )
    }
    joined.update((start, start - 1) for start in headless)
    for ent in ents:
        if canonical_label(ent.label_) in NAMED_LABELS and joined.get(ent.start, ent.start) == ent.start:
            opening = _name_words_before(doc, ent)
            if opening < ent.start:
                joined[ent.start] = opening
                headless.add(ent.start)
    ends = {ent.end: ent.start for ent in ents}
    for ent in ents:  # "[Plessy] [v. Ferguson]", "[Marbury] v. [Madison]": a court case is one name
        if ent[0].text in _VERSUS and ent.start > 0 and _is_cap(doc[ent.start - 1]):
            opening = ends.get(ent.start, ent.start - 1)
            joined[ent.start] = joined.get(opening, opening)
        elif ent.start > 1 and doc[ent.start - 1].text in _VERSUS and _is_cap(doc[ent.start - 2]):
            opening = ends.get(ent.start - 1, ent.start - 2)
            joined[ent.start] = joined.get(opening, opening)
    extended = {  # "Grace [Okonkwo]-Hill", a hyphenated surname the tokenizer split ("[Nevine El]-Sayed")
        ent.start: _hyphen_end(doc, ent.end) for ent in ents if canonical_label(ent.label_) in NAMED_LABELS
    }
    extended.update(
        (ent.start, ent.end + 1) for ent in ents if _local_number_follows(doc, ent.end)
    )  # "[Amalgamated Transit Union Local] 1145"
    extended.update(
        (ent.start, end) for ent in ents if (end := _portfolio_list_end(doc, ent)) > ent.end
    )  # "[Ministry of Culture], [Sports] and Tourism"
    extended.update(
        (ent.start, end) for ent in ents if (end := _second_field_end(doc, ent)) > ent.end
    )  # "[Ministry of Climate and] Green Growth"
    designated = {ent.start: end for ent in ents if (end := _designator_end(doc, ent)) > ent.end}
    extended.update(designated)  # "[Maasvlakte] Container Terminals"
    given_first = {ent.start: end for ent in ents if (end := _hyphenated_given_name_end(doc, ent)) > ent.end}
    extended.update(given_first)  # "[Hyun]-woo Park"
    syllabic = {ent.start for ent in ents if _hyphenated_given_name(doc, ent.start, ent.end)}
    extended.update(
        (start, ents_end + 2) for start, ents_end in ((e.start, e.end) for e in ents) if start in syllabic
    )
    extended.update(
        (ent.start, ent.end + 2)
        for ent in ents
        if canonical_label(ent.label_) == "ORG" and _office_of(doc, ent.end)
    )  # "[Federal Prosecutor]'s Office"
    cased = any(t.is_title for t in doc[:2000] if not t.is_sent_start)  # a text written with capitals
    inside = {i for first, start in joined.items() for i in range(start, first)}
    inside |= {i for ent in ents for i in range(ent.end, extended.get(ent.start, ent.end))}
    for ent in ents:
        if ent.start in inside:
            continue  # "[Sun]-Hee Park", 'Wiremu "[Bill]" Tawhiri': part of the person's name
        label = canonical_label(ent.label_)
        if cased and label in NAMED_LABELS and not any(c.isupper() for c in ent.text):
            continue  # "Italy's [interior ministry]", "he would say, '[uh huh]'": no name in a cased text
        if _ticker(doc, ent):
            continue  # "Vellmar Therapeutics Inc. ([VLMR.O])": a stock symbol, no entity of its own
        if label in NAMED_LABELS and _CURRENCY_AMOUNT.fullmatch(ent.text.strip()):
            continue  # "[S$88.4] million", "[C$] 40 million": money, not a name
        if ent.text in POST_NOMINALS and ent.start > 0 and doc[ent.start - 1].ent_type_ == "PERSON":
            continue  # "Martin Dunne [MSP]" tagged a place: letters after a name
        if _title_alone(doc, ent) or _the_title(doc, ent):
            continue  # "The [Taoiseach], Fergal Mulcahy, said": his title, apposed to his name
        if _honorific_alone(doc, ent, ents):
            continue  # "[Dame] Elspeth Navarro": the person's courtesy title
        if label == "PERSON" and len(ent) == 1 and ent[0].is_sent_start and _people_noun(ent[0]):
            continue  # "[Forecasters] said", "[Counsel] to the inquiry": a common noun opening a sentence
        capitalised_opener = len(ent) == 1 and ent[0].is_sent_start and ent[0].is_title
        if capitalised_opener and ent[0].tag_ in {"VBD", "VBN", "VBZ"}:
            continue  # "[Born] in Kumasi in 1944", "..., Composer, [Dies] at 84": a verb, no name
        if ent.text in _SCALES and ent.start > 0 and doc[ent.start - 1].lower_ in {"degree", "degrees"}:
            continue  # "38 degrees [Celsius]"
        if label in NAMED_LABELS and " ".join(ent.text.lower().split()) in _HOLIDAYS:
            label = "DATE"  # "[Christmas]" tagged PERSON
        if ent.start in headless:
            label = "ORG"
        if ent.start in syllabic or ent.start in surnames or ent.start in given_first:
            label = "PERSON"  # "[Park Ji]-hoon" tagged LOC, "Yusuf Darwish al-[Hakimi]" tagged ORG
        if ent.start in designated or ent.start in saints.values() or ent.text in saints:
            label = "ORG"  # also "[St. Brendan's] said" after "St. Brendan's Medical Center"
        if label in NAMED_LABELS and _versus(doc, joined.get(ent.start, ent.start), ent.end):
            label = "MISC"  # "[Brown v. Board of Education]": a court case
        if label not in NAMED_LABELS:
            text = ent.text.strip()
            if text:
                char_start = ent.start_char + (len(ent.text) - len(ent.text.lstrip()))
                key = f"{label}:{' '.join(text.casefold().split())}"
                numeric.append(
                    _Mention(char_start, char_start + len(text), text, label, key, ent.start, ent.end)
                )
            continue
        start, end = _strip_outer(doc, joined.get(ent.start, ent.start), extended.get(ent.start, ent.end))
        if end - start > 2 and doc[start].lower_ in _GROUPS_OF_PEOPLE and doc[start + 1].lower_ == "of":
            start += 2  # "[Customers of Northfield Savings Bank]": the bank; not "Friends of the Earth"
        line_break = next((i for i in range(start, end - 1) if "\n" in doc[i].text_with_ws), None)
        if line_break is not None:  # "[Dinamo Split\n\nMidfielder]": a name never crosses a line
            start, end = _strip_outer(doc, start, line_break + 1)
        dash = next((i for i in range(start + 1, end - 1) if doc[i].text in _DASHES), None)
        if dash is not None:  # "[CHICAGO — Pilots]": nor a dash
            start, end = _strip_outer(doc, start, dash)
        while end - start > 1 and doc[end - 1].lower_ in _CONNECTORS:
            end -= 1  # "[Mike Pence of] Indiana", "[Caledon Research for] the Herald"
        while label == "PERSON" and end - start > 2 and doc[end - 1].text in POST_NOMINALS:
            end -= 1  # "Eleanor Vance-Mbeki [KC]": letters after the name are no part of it
        place = _place_after_in(doc, start, end) if label == "ORG" else None
        if place is not None:  # "[Flinders University in Australia]": the organisation, then the place
            words = doc[place:end]
            where = _Mention(
                words.start_char, words.end_char, words.text, "LOC", normalize_key(words.text), place, end
            )
            where.ent, where.title_from = (place, end), place
            where.locative = where.placed = True
            named.append(where)
            end = place - 1
        if start >= end:
            continue
        first = doc[start].text
        if first[:1] in "'\u2019" and first[1:].lower() in _CLITICS:  # "[’ve]" tagged MISC
            continue
        if end - start == 1 and len(first) == 2 and first[0].isupper() and first[1] == ".":
            continue  # an initial alone: "[E.] coli"
        if " ".join(t.text.lower() for t in doc[start:end]) in PLATFORMS:
            label = "ORG"
        after_the = start > 0 and doc[start - 1].lower_ == "the"
        epithet = end - start == 1 and after_the and first.lower() in DEMONYMS
        numbered = (
            end - start == 1 and end < len(doc) and doc[end].like_num and bool(doc[end - 1].whitespace_)
        )
        if epithet:
            label = "MISC"  # "the [Yorkshireman]" tagged a person: an epithet, as "the Kenyan" is
        elif numbered and label == "PERSON":
            label = "MISC"  # "[Ward] 9", "[Gate] 4": a numbered room or place, no one's name
        elif (
            end - start > 1
            and doc[end - 1].text.lower().rstrip(".") in _ORG_DESIGNATORS
            and not _versus(doc, start, end)  # "Lindqvist v. [...] Transit Authority"
        ):
            label = "ORG"  # "[Northwind Robotics]" tagged PERSON
        elif label != "PERSON" and (
            _ranked_name(doc, start, end)
            or _apposed_to_role(doc, start, end)
            or _described_name(doc, start, end)
            or (end - start >= 2 and _company_apposed(doc, end, _APPOSED_PERSON_NOUNS))
            or _aged(doc, end)
        ):
            label = "PERSON"
        elif _body_of(doc, start, end):
            label = "ORG"  # "[Elsworth Museum of Fine Art]", "[Academy of Recorded Music]" tagged PERSON
        elif label == "PERSON" and end - start > 1 and doc[end - 1].lower_ in _PLACE_DESIGNATORS:
            label = "LOC"  # "[Brantwick Airport]" tagged PERSON
        elif label in {"ORG", "MISC"} and end - start > 1 and doc[end - 1].lower_ in _GEOGRAPHIC_DESIGNATORS:
            label = "LOC"  # "[Congress Avenue]", "[Karnali Province]", "[Pilcomayo River]" tagged ORG
        described: str | None = None
        if (start > 0 and doc[start - 1].text in COMPANY_DESCRIPTORS) or _company_apposed(doc, end):
            described = "ORG"  # "the ride-hailing company [Zipline]", "[Voltra], the ... maker of" as PERSON
        elif _dateline_agency(doc, doc_text, start, end):
            described = "ORG"  # "TOKYO, Japan ([Pacific Arts Wire]) —" tagged LOC
        elif _is_dateline(doc, doc_text, start, end) or (
            start > 1 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in _PLACE_NOUNS
        ):
            described = "LOC"  # "[SAN FRANCISCO] —" tagged ORG, "the town of [Elazig]" tagged PERSON
        elif (
            label == "PERSON"
            and start > 1
            and doc[start - 1].lower_ == "of"
            and doc[start - 2].lower_ in _MAYORS
        ):
            described = "LOC"  # "the mayor of [Dunmore]" tagged PERSON
        label = described or label
        person = label == "PERSON"
        name_start = _name_start(doc, start, end, person)
        shaped = name_start > start
        titles: list[str] = []
        roles: list[str] = []
        title_start = name_start
        if person or shaped:
            title_start, titles = _title_tokens(doc, name_start)
            title_start = min(title_start, start)
        char_start = doc[name_start].idx
        last = doc[end - 1]
        char_end = last.idx + len(last.text)
        for suffix in _POSSESSIVES:
            if last.text.endswith(suffix) and len(last.text) > len(suffix) + 1 and suffix.endswith("s"):
                char_end -= len(suffix)
                break
        text = doc_text[char_start:char_end]
        key = normalize_key(text)
        if not key or not any(ch.isalpha() for ch in text):
            continue
        if person or shaped:
            after_titles, after_roles = _role_after(doc, end)
            if end < len(doc) and doc[end].text in _POSSESSIVES:
                after_titles, after_roles = [], []
            before_titles, before_roles = _role_before(doc, title_start, end)
            titles += before_titles + after_titles
            roles += before_roles + after_roles
            if parsed:
                dep_titles, dep_roles = _dep_appositives(ent)
                titles += dep_titles
                roles += dep_roles
        mention = _Mention(
            char_start, char_end, text, label, key, name_start, end, titles=titles, roles=roles
        )
        offices = [r for r in map(_without_owner, roles) if _is_office(r)]
        mention.heads = {h for t in [*titles, *offices] for h in _heads(t)}
        mention.ent = (ent.start, ent.end)
        modifier = end < len(doc) and doc[end].is_lower and doc[end].pos_ == "NOUN"  # "in [Dalmore] shares"
        owned = start > 1 and doc[start - 2].lower_ in _HOLDINGS  # "a stake in [Kaldera]": a company
        mention.locative = start > 0 and doc[start - 1].lower_ in _LOCATIVE and not modifier and not owned
        mention.placed = (
            start > 0
            and doc[start - 1].lower_ in _PLACE_PREPOSITIONS
            and not (end < len(doc) and doc[end].lower_ in {"'s", "’s"})
        )
        mention.described = described
        model = label == "PERSON" and any(c.isdigit() for c in ent.text)  # "[Galaxy S25]" tagged PERSON
        mention.thing = (
            _named_thing(doc, start, end) or model or (label == "ORG" and _model_name(doc, start, end))
        )
        mention.title_from = title_start if titles else name_start
        mention.gender = _honorific_gender(doc, name_start)
        mention.aged = _aged(doc, end)
        named.append(mention)
    # a span inside another name's title: a PERSON ("[Army Col]. [Dave Butler]", "[Defense] Secretary X")
    # or any span that ends in a rank ("[Army Col]. Dave Butler" as ORG) or is only qualifiers of the title
    in_titles = {i for m in named for i in range(m.title_from, m.tok_start)}

    def part_of_title(m: _Mention) -> bool:
        if m.label == "PERSON":  # "[Army Col]. X", "[Defense] Secretary X"; not "[Northwind] chief X"
            return all(i in in_titles for i in range(*m.ent)) and _title_word(m.words[-1]) is not None
        name = range(m.tok_start, m.tok_end)
        rank = m.words[-1]
        ends_in_rank = _title_word(rank) in RANKS or rank in CLOSING_RANKS
        qualifiers = all(
            _title_word(w) or w in _KEPT_QUALIFIERS for w in m.words
        )  # "[State Health] Director"
        return (ends_in_rank or qualifiers) and all(i in in_titles for i in name)

    named = [m for m in named if not part_of_title(m)]
    for before, after in pairwise(named):
        if len(after.words) != 1 or before.label == "PERSON":
            continue
        if _KNOWN_AS.fullmatch(doc_text, before.end, after.start):
            after.alias_of, after.label = before.start, before.label
        elif _bracketed_short_name(doc_text, before, after):
            after.alias_of = before.start  # its label too, but a MISC name may be an organisation's
            after.label = after.label if before.label == "MISC" else before.label
    return named, numeric


def _bracketed_short_name(text: str, name: _Mention, short: _Mention) -> bool:
    """A short name in brackets right after a name, starting with the initial of one of its words:
    "Singapore Exchange (SGX)", "Nigerian Meteorological Agency (NiMet)", "National Renewal Party (PRN)";
    not "Committee on Foreign Investment in [the United States] (CFIUS)", a name cut short."""
    if text[name.end : short.start] != " (" or text[short.end : short.end + 1] != ")":
        return False
    return _is_acronym(short) and short.text[0] in _initials(name.text)


_KNOWN_AS = re.compile(r",\s+(?:also\s+|better\s+|commonly\s+)?known\s+as\s+(?:the\s+)?")
"""Between a name and the short name it goes by: "the National Geology and Mining Service[, known as ]X"."""


def _heads(title: str) -> set[str]:
    """What a "the ..." phrase may match: "prime minister of Japan" -> {"minister", "prime minister"}."""
    phrase = title.split(" of ")[0].lower().split()
    return {phrase[-1], " ".join(phrase)} if phrase else set()


_OFFICE_NOUNS = RANKS | CLOSING_RANKS
"""The last words of a role that make it an office a person can be called by ("the chief executive")."""


def _is_office(role: str) -> bool:
    """Whether a role names an office: its words before "of" end in one ("chief executive of Corvant")."""
    words = role.split(" of ")[0].split()
    return bool(words) and words[-1] in _OFFICE_NOUNS


def _without_owner(role: str) -> str:
    """A role without the possessive owner before it: "Corvant's chief executive" -> "chief executive"."""
    owner, mark, rest = role.partition("'s ")
    return rest if mark and " " not in owner.strip() else role


def _acronyms(mention: _Mention) -> set[str]:
    words = [w for w in mention.text.replace("-", " ").split() if any(c.isalpha() for c in w)]
    if words and words[0].lower() == "the":
        words = words[1:]
    if len(words) < 2:
        return set()
    every = "".join(w[0] for w in words).lower()
    capital = "".join(w[0] for w in words if w[0].isupper()).lower()
    return {every, capital}


def _is_acronym(mention: _Mention) -> bool:
    return _is_acronym_text(mention.text)


def _merge(clusters: list[_Cluster], target: _Cluster, source: _Cluster) -> None:
    target.mentions.extend(source.mentions)
    clusters.remove(source)


def _cluster_named(named: list[_Mention]) -> list[_Cluster]:
    key_genders: dict[str, set[str]] = {}
    for mention in named:
        if mention.gender and " " not in mention.key:
            key_genders.setdefault(mention.key, set()).add(mention.gender)
    by_key: dict[str, _Cluster] = {}
    for mention in named:  # "Mrs. Patel" and "Mr. Patel" in one article are two people
        key = mention.key
        if len(key_genders.get(key, ())) > 1 and mention.gender:
            key = f"{key}|{mention.gender}"
        by_key.setdefault(key, _Cluster([])).mentions.append(mention)
    clusters = list(by_key.values())

    # first + last name: "Lloyd J. Austin" joins "Lloyd Austin"
    by_first_last: dict[tuple[str, str], _Cluster] = {}
    for cluster in sorted(clusters, key=lambda c: len(c.full_words())):
        if not cluster.is_person():
            continue
        words = cluster.full_words()
        if len(words) < 2:
            continue
        pair = (words[0], words[-1])
        if pair in by_first_last:
            _merge(clusters, by_first_last[pair], cluster)
        else:
            by_first_last[pair] = cluster
    # a given name before a patronymic: "Nur Aisyah" joins the one person "Nur Aisyah binte Rahman"
    patronymic = {  # the given names before a patronymic, and the people they name
        id(c): (words[: words.index(w)], c)
        for c in clusters
        if (words := c.full_words()) and any(w in _PATRONYMICS for w in words[1:]) and c.is_person()
        for w in words[1:]
        if w in _PATRONYMICS
    }
    for cluster in list(clusters) if patronymic else []:
        words = cluster.full_words()
        fathers = [c for given, c in patronymic.values() if c is not cluster and given == words]
        if len(fathers) == 1 and fathers[0] in clusters and cluster.is_person():
            _merge(clusters, fathers[0], cluster)
    # family names of two words or more: "Ramírez Ochoa" joins the one person "Claudia Ramírez Ochoa",
    # "van der Meer" the one person "Elise van der Meer"
    named_people = [(c, tuple(c.full_words())) for c in clusters if c.is_person()]
    by_tail: dict[tuple[str, ...], list[_Cluster]] = {}
    for cluster, name_words in named_people:
        for cut in range(1, len(name_words) - 1):
            by_tail.setdefault(name_words[cut:], []).append(cluster)
    particled = [  # "Des Cars" opening a sentence, tagged ORG: a family name by its particle
        (c, tuple(c.full_words())) for c in clusters if not c.is_person() and c.full_words()[0] in _PARTICLES
    ]
    mixed = [  # "Ait Oufella" tagged a person once and an organisation once: Lahcen Ait Oufella's surname
        (c, tuple(c.full_words())) for c in clusters if not c.is_person() and c.votes().get("PERSON", 0) > 0
    ]
    for cluster, name_words in [*named_people, *particled, *mixed]:
        owners = by_tail.get(name_words, [])
        owners = _the_one_named_before(owners, cluster) if len(owners) > 1 else owners
        if len(name_words) >= 2 and len(owners) == 1 and owners[0] in clusters and cluster in clusters:
            for mention in cluster.mentions:
                mention.label = "PERSON"
            _merge(clusters, owners[0], cluster)

    # an organisation's name without its first words: "Riflemen's Union" joins the one organisation
    # "Lithuanian Riflemen's Union", not "European Union" the "Council of the European Union"
    organisations = [(c, tuple(c.full_words())) for c in clusters if c.label() == "ORG"]
    by_org_tail: dict[tuple[str, ...], list[_Cluster]] = {}
    for cluster, name_words in organisations:
        for cut in range(1, len(name_words) - 1):
            if name_words[cut - 1].lower() not in _CONNECTORS and name_words[cut - 1] not in {"-", "–"}:
                by_org_tail.setdefault(name_words[cut:], []).append(cluster)
    for cluster in list(clusters) if by_org_tail else []:
        name_words = tuple(cluster.full_words())
        owners = [c for c in by_org_tail.get(name_words, []) if c in clusters and c is not cluster]
        placed = any(m.placed for m in cluster.mentions)
        shortened = len(name_words) >= 2 and cluster.label() in {"ORG", "MISC"} and not placed
        if shortened and len(owners) == 1 and cluster in clusters:
            _merge(clusters, owners[0], cluster)

    # acronyms: "AP" joins "The Associated Press"
    for cluster in list(clusters):
        if len(cluster.full_words()) != 1 or not any(_is_acronym(m) for m in cluster.names()):
            continue
        acronym = cluster.full_words()[0]
        candidates = [
            other
            for other in clusters
            if other is not cluster
            and not other.is_person()
            and any(acronym in _acronyms(m) for m in other.names())
        ]
        if len(candidates) == 1:
            _merge(clusters, candidates[0], cluster)

    # short names: "Sernageomin" joins "the National Geology and Mining Service, known as Sernageomin"
    for cluster in list(clusters):
        starts = {m.alias_of for m in cluster.mentions if m.alias_of >= 0}
        target = next(
            (c for c in clusters if c is not cluster and any(m.start in starts for m in c.mentions)), None
        )
        if target is not None:
            for mention in cluster.mentions:
                mention.label = target.label()
            _merge(clusters, target, cluster)

    # one-word mentions: surname, else first name, of exactly one person
    people = [c for c in clusters if c.is_person() and len(c.full_words()) >= 2]
    companies: list[_Cluster] | None = None
    for cluster in list(clusters):
        words = cluster.full_words()
        if len(words) == 2 and words[0] in _SURNAME_PARTICLES and cluster not in people:
            owners = [p for p in people if p.full_words()[-2:] == words]  # "Ni Bhriain" tagged ORG
            if len(owners) == 1:
                for mention in cluster.mentions:
                    mention.label = "PERSON"
                _merge(clusters, owners[0], cluster)
            continue
        if len(words) != 1 or cluster in people:
            continue
        votes = cluster.votes()
        place = any(m.locative for m in cluster.mentions)  # "in Washington", not "Okafor scored"
        if votes.get("PERSON", 0) == 0 and votes.get("LOC", 0) == sum(votes.values()) and place:
            continue
        word = words[0]
        surname = [p for p in people if p.full_words()[-1] == word]
        if len(surname) > 1 and cluster.heads():  # "Dr. Okonkwo": the Okonkwo who is a doctor
            surname = [p for p in surname if p.heads() & cluster.heads()] or surname
        if len(surname) > 1:  # "Okafor" before "her husband, Daniel Okafor" is the Okafor named before it
            surname = _the_one_named_before(surname, cluster)
        genders = {m.gender for m in cluster.mentions if m.gender}
        if len(surname) > 1 and len(genders) == 1:  # "Mrs. Patel": the Patel with a woman's first name
            surname = (
                [p for p in surname if _person_gender(p) in genders]
                or [p for p in surname if _person_gender(p) is None]  # not the one known to be the other
                or surname
            )
        if len(surname) > 1:  # still several: the one introduced first, whom news copy calls by surname
            surname = [min(surname, key=lambda p: p.first)]
        # the first of two family names: "Ramírez" of "Claudia Ramírez Ochoa"
        paternal = [p for p in people if len(p.full_words()) > 2 and p.full_words()[-2] == word]
        # surname first: "Park" of "Park Ji-hoon" (a given name of two syllables), whatever its label
        family_first = [
            p
            for p in people
            if p.full_words()[0] == word and any(family_name_first(m.text) for m in p.names())
        ]
        candidates = (
            surname
            or paternal
            or family_first
            or [p for p in people if p.full_words()[0] == word and votes.get("PERSON")]
        )
        if not candidates and votes.get("PERSON", 0) and any(m.aged for m in cluster.mentions):
            candidates = [  # "Haaland, 24," and "Erling Haaland" tagged ORG: a person after all
                c
                for c in clusters
                if len(c.full_words()) == 2 and c.full_words()[-1] == word and c is not cluster
            ]
            for other in candidates[:1] if len(candidates) == 1 else []:
                for mention in other.mentions:
                    mention.label = "PERSON"
        if len(candidates) == 1:
            for mention in cluster.mentions:
                mention.label = "PERSON"  # "Okafor" tagged LOC is Tunde Okafor
            _merge(clusters, candidates[0], cluster)
            continue
        if not candidates and all(
            m.label == "PERSON" and m.placed and not m.titles for m in cluster.mentions
        ):
            for mention in cluster.mentions:
                mention.label = "LOC"  # "farmed outside [Écija]": no one's name, only ever a place
            continue
        # "Northwind" joins the one organisation named "Northwind ...", an ORG "Fuentes" "Gloria Fuentes";
        # a word tagged LOC more often than ORG ("Washington" beside "Washington Post") stays apart, unless
        # it is tagged a person as often and never used as a place ("Orbex" of "Orbex Launch")
        unplaced_name = not place and votes.get("PERSON", 0) >= votes.get("LOC", 0)
        nationality = votes.get("MISC", 0) == sum(votes.values()) and _NATIONALITY.fullmatch(word) is not None
        if (votes.get("ORG", 0) >= votes.get("LOC", 0) or unplaced_name) and not nationality:
            if companies is None:  # this loop merges only one-word clusters, so the list stays valid
                companies = [c for c in clusters if c.label() == "ORG" and len(c.full_words()) >= 2]
            owners = _longest_forms([c for c in companies if c.full_words()[0] == word])
            if len(owners) > 1 and not place:  # "Dravik" after "Dravik Industries" and "Dravik Hungária Kft"
                owners = [o for o in owners if o.first < cluster.first]  # is the first; "in Ashby" is a place
                owners = [min(owners, key=lambda c: c.first)] if owners else []
            if not owners and cluster.label() == "ORG":
                owners = [c for c in companies if c.full_words()[-1] == word]
            if not owners and word in _ORG_DESIGNATORS:  # "the [Inspectorate]" of "General Inspectorate for
                owners = [c for c in companies if word in c.full_words()[1:]]  # Migration", "the [League]"
            if len(owners) == 1:
                for mention in cluster.mentions:
                    mention.label = "ORG"
                _merge(clusters, owners[0], cluster)
    # "Harbor Ridge" tagged LOC, never used as a place, joins the one organisation "Harbor Ridge Partners",
    # and so does a shorter organisation name ("First Harbor" of "First Harbor Bank")
    words_of = {id(c): c.full_words() for c in clusters}
    for cluster in list(clusters):
        words = words_of[id(cluster)]
        votes = cluster.votes()
        unplaced = votes.get("LOC", 0) == sum(votes.values()) and not any(
            m.locative for m in cluster.mentions
        )
        if len(words) < 2:
            continue
        label = cluster.label()
        nameless = label == "PERSON" and _no_person_but_the_name(cluster)  # "[Saint Aldric] said"
        if not (unplaced or nameless or label == "ORG"):
            continue
        owners = [
            c
            for c in clusters
            if len(words_of[id(c)]) > len(words)
            and _without_legal_form(words_of[id(c)])[: len(words)] == words
            and c.label() == "ORG"
            and not _people_of(c, len(words))
        ]
        if len(owners) == 1:
            for mention in cluster.mentions:
                mention.label = "ORG"
            _merge(clusters, owners[0], cluster)
    return clusters


_SURNAME_PARTICLES = frozenset({
    "ni", "nic", "o", "mac", "van", "von", "de", "da", "di", "del", "della", "du", "la", "le", "ter", "ten",
    "al", "el", "bin", "dos", "das",
})  # fmt: skip
"""First words of family names written with a particle ("Ni Bhriain", "van Aalst", "de la Cruz" not)."""
_LEGAL_SUFFIXES = frozenset({"plc", "inc", "ltd", "llc", "gmbh", "tbk", "bhd", "corp"})
"""Legal forms written after a company's name, in any case ("Castellan Foods plc")."""
_UPPER_LEGAL_SUFFIXES = frozenset(
    {"SA", "AG", "NV", "BV", "AB", "ASA", "SPA", "SE", "UAB", "AS", "SAS", "SRL"}
)
"""Legal forms that are words too, only in capitals ("Ribera Motor SA", not "as")."""


def _legal_suffix(token: Token) -> bool:
    return token.lower_.rstrip(".") in _LEGAL_SUFFIXES or token.text in _UPPER_LEGAL_SUFFIXES


_LEGAL_FORMS = frozenset({"pt", "pjsc", "oao", "pao"})
"""Legal forms written before a company's name ("PT Bank Nusantara Raya Tbk", "PJSC Gazprom")."""


def _without_legal_form(words: list[str]) -> list[str]:
    return words[1:] if len(words) > 2 and words[0] in _LEGAL_FORMS else words


def _longest_forms(names: list[_Cluster]) -> list[_Cluster]:
    """The clusters whose names no other one's name begins with: "Ribera Motor SA", not "Ribera Motor" (the
    headline's form, joined to it later)."""
    return [
        c
        for c in names
        if not any(o is not c and o.full_words()[: len(c.full_words())] == c.full_words() for o in names)
    ]


def _the_one_named_before(people: list[_Cluster], short: _Cluster) -> list[_Cluster]:
    """Of several people a short name could be, the one named before its last use ("Okafor" before "her
    husband, Daniel Okafor"), else the one named before its first use ("Oyelaran-Finch" before "her daughter,
    Temi Oyelaran-Finch"), if only one was; else all of them."""
    last = max(m.start for m in short.mentions)
    named_before = [p for p in people if p.first < last]
    if len(named_before) != 1:
        first = min(m.start for m in short.mentions)
        named_before = [p for p in people if p.first < first]
    return named_before if len(named_before) == 1 else people


def _no_person_but_the_name(cluster: _Cluster) -> bool:
    """A "person" with no title, role or census first name ("Saint Aldric" of "Saint Aldric Health")."""
    return not any(m.titles or m.roles for m in cluster.mentions) and not any(
        is_first_name(m.text.split()[0]) for m in cluster.names()
    )


def _people_of(cluster: _Cluster, after: int) -> bool:
    """``Ashbourne City [Supporters'] Trust``: a body of the people of the organisation named first."""
    longest = max(cluster.names(), key=lambda m: len(m.words)).text.split()
    return len(longest) > after and longest[after].endswith(("s'", "s\u2019"))


def _named_just_before(doc: Doc, i: int, char: int, holders: list[_Cluster]) -> list[_Cluster]:
    """Of several people holding a title, the one named last before ``char`` if that is in the sentence of
    token ``i`` or the one before it ("Her finance minister, Edgars Lapsa, said ... The minister added"
    after the prime minister), else none."""
    if not doc.has_annotation("SENT_START"):
        return []
    since = syntax.previous_sentence_start(doc[i])
    last = {id(c): max((m.start for m in c.mentions if m.start < char), default=-1) for c in holders}
    latest = max(holders, key=lambda c: last[id(c)])
    others = [last[id(c)] for c in holders if c is not latest]
    return [latest] if last[id(latest)] >= since and all(o < last[id(latest)] for o in others) else []


_BRACKETED = re.compile(r" \(([A-Z][A-Za-z]{1,6})\)")
"""A short name in brackets right after a name: " (LTC)", " (NiMet)"."""


def _untagged_short_names(doc: Doc, doc_text: str, clusters: list[_Cluster]) -> None:
    """Occurrences the NER left untagged of an organisation's or place's short name: an acronym among its
    names ("WHO" of "World Health Organization (WHO)"), one given in brackets right after one of its names
    and left untagged there ("Lorrington Transit Commission (LTC)"), a one-word name the NER tagged
    elsewhere in the article and never written in lower case there ("Ferrowell" of "Ferrowell Automotive"),
    or the organisational word of one organisation's name after "the" ("the Trust" of "Midland Waterways
    Trust")."""
    common = set(_LOWER_WORD.findall(doc_text))
    owners: dict[str, _Cluster | None] = {}
    designators: dict[str, _Cluster | None] = {}  # "the Trust" of "Midland Waterways Trust"

    def claim(table: dict[str, _Cluster | None], short: str, cluster: _Cluster) -> None:
        table[short] = cluster if table.get(short, cluster) is cluster else None  # two owners: neither

    def own(short: str, cluster: _Cluster) -> None:
        if short.lower() not in common or _is_acronym_text(short):
            claim(owners, short, cluster)

    for cluster in clusters:
        if cluster.is_person():
            continue
        for mention in cluster.names():
            if len(mention.words) == 1 and mention.text[:1].isupper():
                own(mention.text, cluster)
            for word in mention.text.split()[1:] if cluster.label() == "ORG" else []:
                if word.lower() in _ORG_DESIGNATORS and word[:1].isupper():
                    claim(designators, word, cluster)
            bracketed = _BRACKETED.match(doc_text, mention.end)
            if bracketed and _is_acronym_text(bracketed[1]) and bracketed[1][0] in _initials(mention.text):
                own(bracketed[1], cluster)
    shorts = {w for w, c in owners.items() if c is not None} | {w for w, c in designators.items() if c}
    if not shorts:
        return
    covered = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(shorts, key=len, reverse=True))) + r")\b")
    for found in pattern.finditer(doc_text):
        span = doc.char_span(found.start(), found.end())
        if span is None or len(span) != 1 or span.start in covered:
            continue
        token = span[0]
        owner = owners.get(token.text)
        if owner is None and token.i > 0 and doc[token.i - 1].lower_ == "the":
            owner = designators.get(token.text)
        if owner is None:
            continue
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if following is not None and _is_cap(following) and not token.is_upper:
            continue  # "Ferrowell Park": another name
        if token.i > 1 and doc[token.i - 1].lower_ in {"of", "for"} and _is_cap(doc[token.i - 2]):
            continue  # "The Aviators' Guild of Skyvale": the end of another name
        start, end = token.idx, token.idx + len(token.text)
        if not any(m.start <= start < m.end for m in owner.mentions):
            key = normalize_key(token.text)
            owner.mentions.append(_Mention(start, end, token.text, owner.label(), key, token.i, token.i + 1))


_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]*\b")
"""A word written in lower case."""


def _initials(name: str) -> set[str]:
    """The capitals opening the words of a name ("Singapore Exchange" -> S, E)."""
    return {w[0] for w in name.split() if w[:1].isupper()}


def _is_acronym_text(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return " " not in text.strip() and 2 <= len(letters) <= 6 and sum(c.isupper() for c in letters) >= 2


def _nominal_mentions(doc: Doc, doc_text: str, clusters: list[_Cluster]) -> None:
    """Join "the <title>" ("The Chairman") to the one person holding that title named before it (a second
    senator introduced later does not make "the senator" ambiguous; of two ministers, the one just named)."""
    covered = {i for ent in doc.ents if not _the_title(doc, ent) for i in range(ent.start, ent.end)}
    people = [c for c in clusters if c.label() == "PERSON"]
    role_heads = {id(c): c.role_heads() for c in people}  # title mentions add no titles or roles
    for i in range(len(doc) - 1):
        if doc[i].text.lower() != "the" or (i + 1) in covered:
            continue
        j = i + 1
        while j < len(doc) - 1 and j - i <= 2 and _qualifies(doc[j]) and j + 1 not in covered:
            following = doc[j + 1]
            rank = _title_word(following.text) or _norm(following.text) in CLOSING_RANKS
            if not (_qualifies(following) or rank):
                break  # "The [lieutenant] asked", but "the lieutenant [colonel]", "the deputy [minister]"
            j += 1
        noun = doc[j]
        title = _title_word(noun.text)
        office = _norm(noun.text) in CLOSING_RANKS - {"officer"}  # "the chief executive", "the manager"
        compound = j + 1 < len(doc) and doc[j + 1].tag_ in {"NN", "NNS"}  # "The [head] girl"
        described = title not in RANKS and not office and not compound and _describes_person(noun)
        if (title not in RANKS and not office and not described) or noun.text.endswith("."):
            continue
        if j + 1 < len(doc):
            following = doc[j + 1]
            if following.text.lower() == "of" or (_is_cap(following) and following.text not in _POSSESSIVES):
                continue
        start = doc[i].idx
        wanted = " ".join(_title_word(doc[k].text) or _norm(doc[k].text) for k in range(i + 1, j + 1))
        if described:  # "the epidemiologist": the head of one person's role ("the state's epidemiologist")
            holders = [c for c in people if noun.lower_ in role_heads[id(c)] and c.first < start]
        else:
            holders = [c for c in people if wanted in c.heads() and c.first < start]
        if len(holders) > 1:  # two ministers: the one named in this sentence or the one before
            holders = _named_just_before(doc, i, start, holders)
        if len(holders) != 1:
            continue
        end = noun.idx + len(noun.text)
        text = doc_text[start:end]
        holders[0].mentions.append(
            _Mention(start, end, text, "PERSON", normalize_key(text), i, j + 1, nominal=True)
        )


def _qualifies(token: Token) -> bool:
    """A word that may stand before the rank of a title mention ("the [deputy] minister", "the [parish]
    president")."""
    return _norm(token.text) in MODIFIERS or token.lower_ in _KEPT_QUALIFIERS


def _describes_person(token: Token) -> bool:
    """A lower-case noun for someone's work or role ("epidemiologist", "winemaker", "spokeswoman")."""
    return token.text.islower() and token.tag_ == "NN" and _person_word(token)


def _person_word(token: Token) -> bool:
    """A role noun, rank, agent noun or occupation ("spokeswoman", "director", "winemaker", "virologist")."""
    word = token.text
    return _role_word(token) or _agent_noun(token) or _occupation(word) or word in _LOWER_OCCUPATIONS


def _head_noun(role: str) -> str | None:
    """The noun a role is headed by, before its first preposition or relative pronoun: "spokeswoman for
    the utility" -> "spokeswoman", "estate's winemaker" -> "winemaker"."""
    words = _without_owner(role).lower().split()
    cut = next((k for k, w in enumerate(words) if w in _ROLE_PREPOSITIONS or w in _RELATIVES), len(words))
    return words[cut - 1] if cut > 0 else None


_EPITHETS = (_PERSON_DESCRIPTORS | {"winner", "laureate"}) - {
    "resident", "student", "teenager", "player", "veteran", "author", "director",
}  # fmt: skip
"""Words that describe one person well enough for "the <word>" to name her later ("the sprinter")."""
_APPOSITION_OPENERS = frozenset({"a", "an", "the", "his", "her", "their"})
_ADJECTIVES = frozenset({"ADJ", "PROPN"})  # "the Portuguese actress", "the veteran striker"


def _epithets(doc: Doc, mention: _Mention) -> set[str]:
    """The describing words next to a person's name: "Ghanaian [sprinter] Kwame Boateng", "Tomasz Wielgosz,
    the [chef] who ...", "Ines Carvalho-Brandt, a Portuguese [actress],"."""
    found: set[str] = set()
    if mention.tok_start > 0 and doc[mention.tok_start - 1].lower_ in _EPITHETS:
        found.add(doc[mention.tok_start - 1].lower_)
    after = mention.tok_end
    if after + 1 < len(doc) and doc[after].text == "," and doc[after + 1].lower_ in _APPOSITION_OPENERS:
        for token in doc[after + 2 : after + 6]:
            if token.is_punct or token.tag_.startswith("VB") or token.pos_ in {"ADP", "VERB", "AUX"}:
                break
            if token.lower_ in _EPITHETS:
                found.add(token.lower_)
                break
    return found


def _epithet_mentions(doc: Doc, doc_text: str, clusters: list[_Cluster]) -> None:
    """Join "the [adjectives] <epithet>" ("the sprinter", "the Portuguese actress") to the one person the
    article described with that word before it."""
    described: list[tuple[int, str, _Cluster]] = [
        (m.start, word, c)
        for c in clusters
        if c.label() == "PERSON"
        for m in c.names()
        for word in _epithets(doc, m)
    ]
    if not described:
        return
    covered = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    for i in range(len(doc) - 1):
        named = (i + 1) in covered and doc[i + 1].ent_type_ not in {"MISC", "NORP"}  # "the [Oscar] winner"
        if doc[i].lower_ != "the" or named:
            continue
        j = i + 1
        while (
            j < len(doc) - 1 and j - i <= 2 and doc[j].lower_ not in _EPITHETS and doc[j].pos_ in _ADJECTIVES
        ):
            j += 1
        noun = doc[j]
        following = doc[j + 1] if j + 1 < len(doc) else None
        if noun.lower_ not in _EPITHETS or (
            following is not None and (_is_cap(following) or following.lower_ == "of")
        ):
            continue  # "the sprinter Kwame Boateng", "the director of ...": a title, not a reference
        holders = {id(c): c for start, word, c in described if word == noun.lower_ and start < doc[i].idx}
        if len(holders) != 1:
            continue
        (holder,) = holders.values()
        start, end = doc[i].idx, noun.idx + len(noun.text)
        text = doc_text[start:end]
        mention = _Mention(start, end, text, "PERSON", normalize_key(text), i, j + 1, nominal=True)
        holder.mentions.append(mention)


def _lead_end(doc: Doc, text: str) -> int:
    if doc.has_annotation("SENT_START"):
        start = len(text) - len(text.lstrip())
        for sent in doc.sents:
            if sent.end_char - start >= _LEAD_MIN_CHARS:
                return int(sent.end_char)
        return len(text)
    offset = len(text) - len(text.lstrip())
    newline = text.find("\n", offset)
    end = len(text) if newline < 0 else newline
    return min(end, offset + _LEAD_CHARS)


def _unique(items: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for item in items:
        seen.setdefault(" ".join(item.casefold().split()), item)
    return list(seen.values())


def _entity(cluster: _Cluster, label: str) -> dict[str, Any]:
    names = cluster.names()
    best = max(names, key=lambda m: (len(m.words), len(m.text), -m.start))
    spans = sorted({(m.start, m.end, m.text) for m in cluster.mentions})
    aliases = _unique([m.text for m in sorted(names, key=lambda m: m.start) if m.text != best.text])
    aliases = [a for a in aliases if a.casefold() != best.text.casefold()]
    ordered = sorted(cluster.mentions, key=lambda m: m.start)
    return {
        "name": best.text,
        "label": label,
        "mentions": [TextSpan(start=s, end=e, text=t) for s, e, t in spans],
        "aliases": aliases,
        "titles": _unique([t for m in ordered for t in m.titles]),
        "roles": _unique([r for m in ordered for r in m.roles]),
    }


def cluster_entities(doc: Doc, title: str | None = None) -> list[Entity]:
    """Cluster the Doc's entity mentions into entities with canonical names (see the module docstring)."""
    text = doc.text  # built once: Doc.text joins every token on each access
    named, numeric = _mentions(doc, text)
    clusters = _cluster_named(named)
    _untagged_short_names(doc, text, clusters)
    _nominal_mentions(doc, text, clusters)
    _epithet_mentions(doc, text, clusters)
    drafts = [_entity(c, c.label()) for c in clusters]
    by_value: dict[str, list[_Mention]] = {}
    for mention in numeric:
        by_value.setdefault(mention.key, []).append(mention)
    number_drafts = [
        _entity(_Cluster(mentions), mentions[0].label) | {"name": mentions[0].text}
        for mentions in by_value.values()
    ]
    for draft in number_drafts:
        draft["aliases"] = [a for a in draft["aliases"] if a != draft["name"]]

    text_length = max(len(text), 1)
    lead_end = _lead_end(doc, text)
    title_words = f" {normalize_key(title)} " if title else ""
    counted = drafts or number_drafts
    max_count = max((len(d["mentions"]) for d in counted), default=1)

    entities: list[Entity] = []
    for draft, weight in [(d, 1.0) for d in drafts] + [(d, 0.5) for d in number_drafts]:
        mentions: list[TextSpan] = draft["mentions"]
        first = mentions[0].start
        in_title = bool(title_words) and any(
            f" {key} " in title_words
            for name in [draft["name"], *draft["aliases"]]
            for key in index_keys(name, draft["label"])
        )
        prominent = 1.0 if in_title or first < lead_end else 0.0
        salience = 0.5 * min(len(mentions) / max_count, 1.0) + 0.25 * (1 - first / text_length)
        salience = weight * (salience + 0.25 * prominent)
        entities.append(Entity(id="", salience=max(0.0, min(1.0, salience)), **draft))
    entities.sort(key=lambda e: (e.first_mention, e.mentions[0].end))
    for n, entity in enumerate(entities, start=1):
        entity.id = f"e{n}"
    return entities
