"""The dictionary's view of a text: fugashi + unidic-lite morphemes, with offsets into the original.

Text is normalised for analysis only (see `normalise`); every morpheme keeps the span of the
original characters it came from, so output built from morphemes gives back the original text.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from typing import NamedTuple

import fugashi

# A fugashi Tagger is not thread-safe (a shared one silently misparses): one per thread.
_local = threading.local()

# UniDic feature columns we read (see unidic_lite/dicdir/dicrc).
POS1, POS2, POS3, CFORM, LEMMA, IFORM, KANA = 0, 1, 2, 5, 7, 14, 17

# Longest piece of text handed to MeCab in one call: bounds memory for huge inputs, and a split
# here only costs a word's reading at the seam.
MAX_CHUNK = 400
# Sentence ends and line breaks: where a chunk may end, and the unit the reading cache works on.
_CHUNK_END = re.compile(r"[。．！？!?\n]+")
# A base character with the marks that combine with it (including half-width ﾞﾟ) normalises as one.
_CLUSTER = re.compile(r".[\u0300-\u036F\u1AB0-\u1AFF\u1DC0-\u1DFF\u20D0-\u20FF\u3099\u309A\uFE20-\uFE2F"
                      r"\uFF9E\uFF9F]*", re.S)


class Morpheme(NamedTuple):
    """One dictionary token. `start`/`end` index the analysed (normalised) chunk; `raw` is the
    UniDic feature string, split only for the morphemes whose reading or part of speech we need."""

    surface: str
    start: int
    end: int
    raw: str

    def fields(self) -> list[str]:
        # Quoted fields (a comma in the surface) only occur in punctuation, which needs no reading.
        fields = self.raw.split(",")
        return fields if len(fields) > KANA else fields + [""] * (KANA + 1 - len(fields))


def tagger() -> fugashi.Tagger:
    """This thread's Tagger, made on first use (loading the dictionary takes a moment)."""
    tagger_ = getattr(_local, "tagger", None)
    if tagger_ is None:
        tagger_ = _local.tagger = fugashi.Tagger()
    return tagger_


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
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _CHUNK_END.finditer(text):
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


def morphemes(chunk: str) -> list[Morpheme]:
    """The dictionary's morphemes for one normalised chunk, with their offsets in it."""
    result: list[Morpheme] = []
    position = 0
    for node in tagger()(chunk):
        surface = node.surface
        start = chunk.find(surface, position)
        if start < 0:                      # MeCab changed the text: keep going from where we are
            start = position
        position = start + len(surface)
        result.append(Morpheme(surface, start, position, node.feature_raw))
    return result
