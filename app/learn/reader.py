"""The Reader: any Japanese text back with furigana, its words, and how hard it is by JLPT level.

Pure: takes text and choices, returns values for the template. No Flask, no database.
"""

from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass, replace

from app import japanese
from app.learn import jlpt

MAX_CHARS = 10_000
MAX_WORDS_LISTED = 400
FURIGANA_MODES = ("all", "unknown", "none")
UNLISTED = "other"

# Parts of speech that carry meaning; particles, auxiliaries, symbols and numbers are left out of the
# word list and the level share, as are names (no JLPT list has them).
CONTENT_POS = {"名詞", "代名詞", "動詞", "形容詞", "形状詞", "副詞", "連体詞", "接続詞", "感動詞"}


@dataclass(frozen=True)
class ReaderWord:
    spelling: str       # dictionary form as a learner looks it up
    reading: str
    segments: tuple[japanese.Segment, ...]  # the reading over the spelling's kanji, for <ruby>
    meanings: tuple[str, ...]
    level: str          # N5 … N1, or UNLISTED
    count: int


@dataclass(frozen=True)
class ReaderResult:
    ruby: str                     # escaped HTML with <ruby>
    words: list[ReaderWord]
    level_share: dict[str, float]  # N5 … N1 and UNLISTED, summing to 1 (empty when no words)
    word_count: int
    more_words: int               # distinct words beyond MAX_WORDS_LISTED


def _is_content(token: japanese.Token) -> bool:
    detail = token.pos_detail.split("-")
    return token.pos in CONTENT_POS and "固有名詞" not in detail and "数詞" not in detail


def _dictionary_form(token: japanese.Token) -> tuple[str, str]:
    """(spelling, reading) of the word a token belongs to: its lemma, unless the text wrote the word
    in kana (いる is listed as いる, not as 居る). The reading is the engine's (私 わたし)."""
    reading = token.lemma_reading or token.reading
    if not token.has_kanji and japanese.has_kanji(token.lemma):
        return reading, reading
    return token.lemma, reading


def read_text(text: str, *, furigana: str = "all", known_kanji: frozenset[str] = frozenset()) -> ReaderResult:
    if furigana == "none":
        ruby = html.escape(text)
    else:
        ruby = japanese.ruby_html(text, known=known_kanji if furigana == "unknown" else None)
    counts: Counter[str] = Counter()
    first: dict[str, ReaderWord] = {}
    for token in japanese.tokens(text):
        if not _is_content(token):
            continue
        spelling, reading = _dictionary_form(token)
        counts[spelling] += 1
        if spelling not in first:
            listed = jlpt.look_up(spelling, reading)  # level and meaning only; the reading stays ours
            segments = japanese.align(spelling, reading) if japanese.has_kanji(spelling) else [(spelling, None)]
            first[spelling] = ReaderWord(spelling, reading, tuple(segments),
                                         listed.meanings if listed else (), listed.level if listed else UNLISTED, 0)
    words = [replace(w, count=counts[s]) for s, w in first.items()]
    total = sum(counts.values())
    by_level: Counter[str] = Counter()
    for word in words:
        by_level[word.level] += word.count
    share = {level: by_level[level] / total for level in (*jlpt.LEVELS, UNLISTED)} if total else {}
    return ReaderResult(ruby, words[:MAX_WORDS_LISTED], share, total, max(0, len(words) - MAX_WORDS_LISTED))
