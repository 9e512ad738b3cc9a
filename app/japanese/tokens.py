"""Tokens for callers: the dictionary's words with the engine's readings, as frozen values."""

from __future__ import annotations

from dataclasses import dataclass

from app.japanese.kana import has_kanji
from app.japanese.morphemes import LEMMA, POS1, POS2, POS3, normalise
from app.japanese.readings import pieces


@dataclass(frozen=True, slots=True)
class Token:
    surface: str          # exactly as in the text given
    lemma: str            # dictionary form (食べ → 食べる); the surface when the dictionary has none
    reading: str          # hiragana, as reading() reads it (三本: さん, ぼん)
    pos: str              # part of speech, UniDic's top level: 名詞, 動詞, 助詞 …
    pos_detail: str       # the finer levels joined by "-": 普通名詞-サ変可能
    has_kanji: bool
    start: int            # offsets of surface in the text
    end: int


def tokens(text: str) -> list[Token]:
    """The words of `text` with their readings. Spaces between words are not tokens."""
    result: list[Token] = []
    for chunk_start, piece in pieces(text):
        surface = text[chunk_start + piece.start:chunk_start + piece.end]
        fields = piece.morpheme.fields() if piece.morpheme is not None else []
        whole_morpheme = piece.morpheme is not None and normalise(surface) == piece.morpheme.surface
        lemma = _lemma(fields[LEMMA], surface) if whole_morpheme else surface
        detail = "-".join(f for f in fields[POS2:POS3 + 1] if f and f != "*") if fields else ""
        result.append(Token(surface, lemma, piece.reading, fields[POS1] if fields else "", detail,
                            has_kanji(surface), chunk_start + piece.start, chunk_start + piece.end))
    return result


def _lemma(lemma: str, surface: str) -> str:
    # UniDic adds a gloss to some lemmas ("私-代名詞", "テン-ten"): keep the word.
    word = lemma.split("-", 1)[0] if lemma and lemma != "*" else ""
    return word or surface
