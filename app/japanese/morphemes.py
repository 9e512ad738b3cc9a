"""The dictionary's view of a text: fugashi + unidic-lite morphemes.

Text is normalised for analysis only (see `normalise`), with a map back to the original
characters, so output built from the analysis gives back the original text exactly.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from pathlib import Path
from typing import NamedTuple

import fugashi
import unidic_lite

# A fugashi tagger is not thread-safe (a shared one silently misparses): one per thread.
_local = threading.local()
MECABRC = Path(__file__).with_name("mecabrc")

# UniDic feature columns we read (see unidic_lite/dicdir/dicrc).
POS1, POS2, POS3, POS4, CFORM, LEMMA, IFORM, KANA, KANA_BASE = 0, 1, 2, 3, 5, 7, 14, 17, 18

# Longest piece of text handed to MeCab in one call: bounds memory for huge inputs, and a split
# here only costs a word's reading at the seam.
MAX_CHUNK = 400
# Sentence ends and line breaks: where a chunk may end, and the unit the reading cache works on.
SENTENCE_END_CHARS = "。．！？!?\n"
SENTENCE_END = re.compile(f"[{SENTENCE_END_CHARS}]+")
# A base character with the marks that combine with it (including half-width ﾞﾟ) normalises as one.
_CLUSTER = re.compile(r".[\u0300-\u036F\u1AB0-\u1AFF\u1DC0-\u1DFF\u20D0-\u20FF\u3099\u309A\uFE20-\uFE2F"
                      r"\uFF9E\uFF9F]*", re.S)


def tagger() -> fugashi.GenericTagger:
    """This thread's tagger, made on first use (loading the dictionary takes a moment)."""
    tagger_ = getattr(_local, "tagger", None)
    if tagger_ is None:
        tagger_ = _local.tagger = fugashi.GenericTagger(
            f'-r "{MECABRC}" -d "{unidic_lite.DICDIR}" -O kakehashi')
    return tagger_


def split_line(line: str) -> tuple[str, list[str]]:
    """A morpheme line as (surface, UniDic feature fields), padded so every index we read exists.
    Quoted fields (a comma in the surface) only occur in punctuation, which needs no reading."""
    surface, _, raw = line.partition("\t")
    fields = raw.split(",", KANA_BASE + 1)
    if len(fields) <= KANA_BASE:
        fields += [""] * (KANA_BASE + 1 - len(fields))
    return surface, fields


def normalise(text: str) -> str:
    """The text as the analyser sees it: NFKC (full-width digits and Latin, half-width katakana
    folded), combining marks joined to their base, and characters MeCab cannot take (controls,
    unpaired surrogates, private use) made into spaces. One place, so every reader agrees."""
    return "".join(_normalise_cluster(c) for c in _CLUSTER.findall(text))


def normalise_with_map(text: str) -> tuple[str, list[int]]:
    """`normalise(text)` and, for each of its characters plus one past the end, the index of the
    original character it came from (several may share one, when NFKC expands a character)."""
    parts: list[str] = []
    origin: list[int] = []
    for match in _CLUSTER.finditer(text):
        norm = _normalise_cluster(match.group())
        parts.append(norm)
        origin.extend([match.start()] * len(norm))
    origin.append(len(text))
    return "".join(parts), origin


def _normalise_cluster(cluster: str) -> str:
    if cluster.isascii():
        return cluster if cluster.isprintable() or cluster in "\t\n" else " "
    if unicodedata.category(cluster[0]) in ("Cc", "Cs", "Co", "Cn"):
        return " "
    norm = unicodedata.normalize("NFKC", cluster)
    # NFKC turns some characters into nothing or into controls; keep the analysed text one-for-one
    # with something printable so offsets stay meaningful.
    return norm if norm and norm.isprintable() else " "


def chunks(text: str) -> list[tuple[int, int]]:
    """Spans of `text` cut after sentence ends and line breaks, none longer than MAX_CHUNK."""
    if len(text) <= MAX_CHUNK and not SENTENCE_END.search(text, 0, len(text) - 1):
        return [(0, len(text))] if text else []      # one sentence: the usual case
    spans: list[tuple[int, int]] = []
    start = 0
    for match in SENTENCE_END.finditer(text):
        _add_spans(spans, text, start, match.end())
        start = match.end()
    _add_spans(spans, text, start, len(text))
    return spans


def _add_spans(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while end - start > MAX_CHUNK:
        cut = start + MAX_CHUNK
        space = text.rfind(" ", cut - 40, cut)        # prefer not to cut through a word
        cut = space + 1 if space > start else cut
        spans.append((start, cut))
        start = cut
    if end > start:
        spans.append((start, end))


def analyse(text: str) -> str:
    """MeCab's output for one normalised chunk, as Sentence.output holds it."""
    # (fugashi strips MeCab's last line break)
    return "\n" + tagger().parse(text) if text and not text.isspace() else ""


class Sentence:
    """One normalised chunk as the dictionary split it: MeCab's output, one line per morpheme
    ("surface<TAB>features", see mecabrc), each line preceded by a line break, the first too, so
    a pattern can find a line by where it starts.
    Lines are split out, and into fields, only when asked for: most morphemes are kana, and the
    reading of kana needs no dictionary."""

    __slots__ = ("_lines", "_split", "output", "text")

    def __init__(self, text: str, output: str | None = None) -> None:
        self.text = text
        self.output = analyse(text) if output is None else output
        self._lines: list[str] | None = None
        self._split: dict[int, list[str]] = {}

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = self.output[1:].split("\n") if self.output else []
        return self._lines

    def __len__(self) -> int:
        return len(self.lines)

    def line_at(self, offset: int) -> int:
        """The number of the line that starts with the line break at output[offset]."""
        return self.output.count("\n", 0, offset)

    def surface(self, i: int) -> str:
        return self.lines[i].partition("\t")[0]

    def fields(self, i: int) -> list[str]:
        fields = self._split.get(i)
        if fields is None:
            fields = self._split[i] = split_line(self.lines[i])[1]
        return fields


class At(NamedTuple):
    """Morpheme i of a sentence, found at text[start:end]: what a context rule looks at."""

    sentence: Sentence
    i: int
    start: int
    end: int

    @property
    def surface(self) -> str:
        return self.sentence.text[self.start:self.end]

    def fields(self) -> list[str]:
        return self.sentence.fields(self.i)

    def before(self) -> At | None:
        """The morpheme just before, if no space separates them."""
        sentence, i, start = self.sentence, self.i, self.start
        if i == 0 or start == 0 or sentence.text[start - 1].isspace():
            return None
        surface = sentence.surface(i - 1)
        return At(sentence, i - 1, start - len(surface), start)

    def after(self) -> At | None:
        """The morpheme just after, if no space separates them."""
        sentence, i, end = self.sentence, self.i, self.end
        if i + 1 >= len(sentence) or end >= len(sentence.text) or sentence.text[end].isspace():
            return None
        return At(sentence, i + 1, end, end + len(sentence.surface(i + 1)))

    def next(self) -> At | None:
        """The next morpheme, wherever it starts."""
        sentence, i = self.sentence, self.i
        if i + 1 >= len(sentence):
            return None
        surface = sentence.surface(i + 1)
        start = sentence.text.find(surface, self.end)
        return At(sentence, i + 1, start, start + len(surface)) if start >= 0 else None
