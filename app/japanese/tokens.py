"""Tokens for callers: the dictionary's words with the engine's readings, as frozen values."""

from __future__ import annotations

from dataclasses import dataclass

from app.japanese.kana import has_kanji, katakana_to_hiragana, to_hiragana
from app.japanese.morphemes import KANA_BASE, LEMMA, POS1, POS2, POS4, chunks, normalise, normalise_with_map
from app.japanese.readings import overrides, read_sentence


@dataclass(frozen=True, slots=True)
class Token:
    surface: str          # exactly as in the text given
    lemma: str            # dictionary form (食べ → 食べる); the surface when the dictionary has none
    reading: str          # hiragana, as reading() reads it (三本: さん, ぼん)
    lemma_reading: str   # hiragana reading of the dictionary form (食べ → たべる)
    pos: str              # part of speech, UniDic's top level: 名詞, 動詞, 助詞 …
    pos_detail: str       # the finer levels joined by "-": 普通名詞-サ変可能
    has_kanji: bool
    start: int            # offsets of surface in the text
    end: int


def tokens(text: str) -> list[Token]:
    """The words of `text` with their readings. Spaces between words are not tokens; a word the
    engine reads as one (一日 ついたち, an override spanning morphemes) is one token."""
    result: list[Token] = []
    for chunk_start, chunk_end in chunks(text):
        chunk = text[chunk_start:chunk_end]
        norm, origin = normalise_with_map(chunk)
        for start, end, reading, fields in _chunk_tokens(norm):
            start, end = chunk_start + origin[start], chunk_start + origin[end]
            if end > start:                   # (a morpheme inside one NFKC-expanded character: dropped)
                result.append(_token(text[start:end], reading, fields, start, end))
    return result


def _chunk_tokens(norm: str) -> list[tuple[int, int, str, list[str]]]:
    """(start, end, reading, features) per token of a normalised chunk. A token is a morpheme,
    several morphemes the engine reads as one word, or part of one it reads as two (三本)."""
    sentence, pieces = read_sentence(norm)
    readings = {start: (end, reading) for start, end, reading, _ in pieces}
    out: list[tuple[int, int, str, list[str]]] = []
    position, i = 0, 0
    while i < len(sentence):
        surface = sentence.surface(i)
        start = norm.find(surface, position)
        start = start if start >= 0 else position
        morpheme_end = start + len(surface)
        fields = sentence.fields(i)
        while True:
            end, reading = readings.get(start, (morpheme_end, to_hiragana(norm[start:morpheme_end])))
            if end > morpheme_end:            # several morphemes read as one word: its own lemma
                fields = [*fields[:LEMMA], norm[start:end], *fields[LEMMA + 1:]]
            while morpheme_end < end and i + 1 < len(sentence):
                i += 1
                following = sentence.surface(i)
                morpheme_end = max(norm.find(following, morpheme_end), morpheme_end) + len(following)
            out.append((start, end, reading, fields))
            if end >= morpheme_end:
                break
            start = end
        position, i = morpheme_end, i + 1
    return out


def _token(surface: str, reading: str, fields: list[str], start: int, end: int) -> Token:
    # UniDic glosses some lemmas ("私-代名詞", "テン-ten"): keep the word.
    lemma = (fields[LEMMA].split("-", 1)[0] if fields[LEMMA] else "") or surface
    detail = "-".join(f for f in fields[POS2:POS4 + 1] if f and f != "*")
    return Token(surface, lemma, reading, _lemma_reading(surface, lemma, reading, fields), fields[POS1], detail,
                 has_kanji(surface), start, end)


def _lemma_reading(surface: str, lemma: str, reading: str, fields: list[str]) -> str:
    """The reading of the dictionary form: the token's own when it is written as its lemma, else
    our override for the lemma, else the dictionary's (食べ → たべる)."""
    if normalise(surface) == lemma:
        return reading
    override = overrides().get(lemma)
    return override or katakana_to_hiragana(fields[KANA_BASE]) or reading
