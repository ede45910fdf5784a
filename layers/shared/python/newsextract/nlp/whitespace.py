"""The text the pipeline reads: the article's whitespace made plain, with a way back to the article's offsets.

spaCy splits words on the ASCII space only. Any other whitespace becomes a token of its own, which neither
the models nor the rules expect: a second space after a full stop, a no-break space before a name
("Mr.\u00a0Smith"), Windows line ends ("\\r\\n\\r\\n" holds no blank line), a space on an empty line, a
zero-width space copied from a web page. On the PolNeAR dev articles, such changes alone altered 12 % (two
spaces after each sentence), 14 % (CRLF) and half (no-break spaces before capitals) of the statements.
So the pipeline reads a copy in which every run of whitespace is one space, or its line breaks alone,
and invisible format characters are gone; results are mapped back, so their offsets and texts are the
article's own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsextract.result import TextSpan

_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
"""Zero-width spaces and joiners, the byte-order mark and the soft hyphen."""
_WHITESPACE_RUN = re.compile(rf"[\s{_INVISIBLE}]+")
_LINE_BREAKS = re.compile(r"\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")


@dataclass(frozen=True)
class PipelineText:
    """The normalized text and, for each of its characters, the offset it came from in the article."""

    text: str
    origin: tuple[int, ...] | None
    """``origin[i]`` is the article offset of ``text[i]``; ``None`` when the text is the article's own."""

    def span(self, span: TextSpan, article: str) -> TextSpan:
        """The same span in the article: offsets, text and fragments."""
        if self.origin is None:
            return span
        start, end = self._offsets(span.start, span.end)
        fragments = tuple(self._offsets(a, b) for a, b in span.fragments) if span.fragments else None
        return TextSpan(start=start, end=end, text=article[start:end], fragments=fragments)

    def _offsets(self, start: int, end: int) -> tuple[int, int]:
        assert self.origin is not None
        if end <= start:
            at = self.origin[start] if start < len(self.text) else self.origin[-1] + 1
            return at, at
        return self.origin[start], self.origin[end - 1] + 1


def pipeline_text(article: str) -> PipelineText:
    """Each whitespace run as one space, or as its line breaks (``"\\r\\n"`` one ``"\\n"``); zero-width and
    soft-hyphen characters dropped. The text itself when nothing changes."""
    pieces: list[str] = []
    origin: list[int] = []
    position = 0
    for match in _WHITESPACE_RUN.finditer(article):
        run = match.group()
        breaks = [match.start() + m.end() - 1 for m in _LINE_BREAKS.finditer(run)]
        if breaks:
            replacement, offsets = "\n" * len(breaks), breaks
        else:
            spaces = [match.start() + k for k, c in enumerate(run) if c not in _INVISIBLE]
            replacement, offsets = (" ", spaces[:1]) if spaces else ("", [])
        if replacement == run:
            continue
        pieces.append(article[position : match.start()])
        origin.extend(range(position, match.start()))
        pieces.append(replacement)
        origin.extend(offsets)
        position = match.end()
    if not pieces:  # no run changed
        return PipelineText(article, None)
    pieces.append(article[position:])
    origin.extend(range(position, len(article)))
    return PipelineText("".join(pieces), tuple(origin))
