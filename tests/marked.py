"""Inline span markup for hand-built test Docs: ``"[Mark Milley](PERSON) said ..."``."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsextract.result import Entity, TextSpan

MARK = re.compile(r"\[([^\]]+)\]\((\w+)\)")


def parse_marked(marked: str) -> tuple[str, list[tuple[int, int, str]]]:
    """The plain text and its ``(start, end, label)`` character spans."""
    text, spans, position = "", [], 0
    for match in MARK.finditer(marked):
        text += marked[position : match.start()]
        spans.append((len(text), len(text) + len(match.group(1)), match.group(2)))
        text += match.group(1)
        position = match.end()
    return text + marked[position:], spans


def entity(
    doc: Doc, ident: str, name: str, label: str, surfaces: list[str], roles: tuple[str, ...] = ()
) -> Entity:
    """An entity of ``doc`` mentioned wherever one of ``surfaces`` occurs in its text."""
    mentions = [
        TextSpan.of(doc.text, match.start(), match.end())
        for surface in surfaces
        for match in re.finditer(re.escape(surface), doc.text)
    ]
    return Entity(id=ident, name=name, label=label, mentions=mentions, roles=list(roles))
