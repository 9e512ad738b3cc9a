"""Kakehashi's Japanese engine: a pure library (no Flask, nothing else from app).

fugashi + unidic-lite analyse; our rules (readings.py, numbers.py, content/readings.yaml) turn
the dictionary's readings into the ones a teacher reads aloud.
"""

from app.japanese.furigana import Segment, align, anki_furigana, furigana, ruby_html
from app.japanese.kana import has_kanji, is_kanji, kana_from_romaji, to_hiragana, to_katakana
from app.japanese.morphemes import normalise
from app.japanese.readings import reading
from app.japanese.romaji import romaji
from app.japanese.tokens import Token, tokens

__all__ = [
    "Segment", "Token", "align", "anki_furigana", "furigana", "has_kanji", "is_kanji",
    "kana_from_romaji", "normalise", "reading", "romaji", "ruby_html", "to_hiragana",
    "to_katakana", "tokens",
]
