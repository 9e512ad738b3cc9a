"""Readings as a teacher reads aloud, spelled as furigana spell them.

The dictionary (UniDic) gives most readings; on top of it, in this order:
1. content/readings.yaml: words the dictionary reads otherwise than a learner is taught (私 わたし);
2. numbers and their counters (numbers.py): 三本 さんぼん, 二十日 はつか;
3. context rules, one small function per word, chosen by the word's spelling (CONTEXT_RULES):
   何 なに/なん by what follows, 人 じん/にん, 中 じゅう/ちゅう, rendaku in compounds (曜日 ようび).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import yaml

from app.japanese.kana import KANJI_RANGES, has_kanji, to_hiragana
from app.japanese.morphemes import (
    CFORM,
    IFORM,
    KANA,
    LEMMA,
    POS1,
    POS2,
    POS3,
    Morpheme,
    chunks,
    morphemes,
    normalise_with_map,
)
from app.japanese.numbers import COUNTERS, NUMERAL_CHARS, default_counter, number_with_counter, read_number

READINGS_FILE = Path(__file__).resolve().parents[2] / "content" / "readings.yaml"
CACHE_SIZE = 4096          # sentences; a page of lessons repeats the same few hundred


class Piece(NamedTuple):
    """A stretch of one chunk and how it is read. Offsets index the original chunk."""

    start: int
    end: int
    reading: str             # hiragana; text with nothing to read (Latin, symbols) as it is
    ruby: bool               # has kanji or digits, so furigana may go over it
    joined: bool             # same word as the piece before (三|本, the counter after its number)
    morpheme: Morpheme | None  # the (first) dictionary morpheme it came from, for tokens()


# --- overrides from content/readings.yaml -----------------------------------------------------

@functools.cache
def overrides() -> dict[str, str]:
    """Spelling → reading for words the dictionary gets wrong. Loaded once, strictly as strings
    (YAML 1.1 would read some words as booleans)."""
    with READINGS_FILE.open(encoding="utf-8") as handle:
        # BaseLoader builds nothing but strings, lists and dicts: safe, and no YAML booleans.
        table = yaml.load(handle, Loader=yaml.BaseLoader) or {}  # noqa: S506  # noqa: S506 (BaseLoader builds only strings)
    if not isinstance(table, dict):
        raise ValueError(f"{READINGS_FILE}: expected a mapping of word: reading")
    for word, reading in table.items():
        if not (isinstance(reading, str) and reading and to_hiragana(reading) == reading):
            raise ValueError(f"{READINGS_FILE}: {word}: reading must be hiragana, got {reading!r}")
    return dict(table)


@functools.cache
def _override_prefixes() -> frozenset[str]:
    return frozenset(word[:i] for word in overrides() for i in range(1, len(word) + 1))


def _match_override(ms: list[Morpheme], i: int) -> tuple[int, str] | None:
    """The longest override spelled by morphemes i, i+1, … (at most 4), as (count, reading)."""
    prefixes, table = _override_prefixes(), overrides()
    best, text = None, ""
    for j in range(i, min(i + 4, len(ms))):
        if j > i and ms[j].start != ms[j - 1].end:
            break
        text += ms[j].surface
        if text not in prefixes:
            break
        if text in table:
            best = (j - i + 1, table[text])
    return best


# --- context rules ----------------------------------------------------------------------------

def _adjacent_before(ms: list[Morpheme], i: int) -> list[str] | None:
    """The features of the morpheme just before i, if nothing separates them."""
    if i > 0 and ms[i - 1].end == ms[i].start:
        return ms[i - 1].fields()
    return None


def _kana_after(ms: list[Morpheme], i: int) -> str:
    if i + 1 < len(ms) and ms[i + 1].start == ms[i].end:
        after = ms[i + 1]
        return to_hiragana(after.fields()[KANA] or after.surface)
    return ""


NAN_BEFORE = frozenset("たちつてとだぢづでどなにぬねのら")


Rule = Callable[[list[Morpheme], int, str], str]


def _nani(ms: list[Morpheme], i: int, dictionary: str) -> str:
    # 何 is なん before t, d and n sounds (なんで, なんと, なんの, なんだ), なに elsewhere (なにが,
    # なにを, なにか); 何に keeps なに (なににする); 何ら なんら. Before a counter numbers.py reads it.
    after = _kana_after(ms, i)
    if after[:1] in NAN_BEFORE and after != "に":
        return "なん"
    return "なに"


def _hito(ms: list[Morpheme], i: int, dictionary: str) -> str:
    # The suffix 人 is にん after a verbal noun (管理人, 料理人) and じん after other nouns
    # (日本人, アメリカ人, 社会人); after numbers numbers.py reads it.
    before = _adjacent_before(ms, i)
    if before is None or dictionary not in ("にん", "じん") or before[POS1] not in ("名詞", "形状詞"):
        return dictionary
    return "にん" if before[POS3] == "サ変可能" else "じん"


# 中 is じゅう "throughout" after spans of time and places (一日中, 世界中), ちゅう "during" after
# activities (会議中, 午前中).
JUU_AFTER = frozenset({
    "日", "一日", "年", "一年", "晩", "一晩", "世界", "日本", "国", "家", "町", "村", "体", "部屋", "学校",
    "会社", "今日", "明日", "今年", "夜", "一生", "夏", "冬", "春", "秋", "休み", "週", "月", "町内", "家族",
})


def _naka(ms: list[Morpheme], i: int, dictionary: str) -> str:
    if i > 0 and ms[i - 1].end == ms[i].start and ms[i - 1].surface in JUU_AFTER:
        return "じゅう"
    return dictionary


def _sha(ms: list[Morpheme], i: int, dictionary: str) -> str:
    # 者 after a quality is もの (臆病者, 卑怯者); after an activity しゃ (研究者).
    before = _adjacent_before(ms, i)
    if before is not None and before[POS3] == "形状詞可能":
        return "もの"
    return dictionary


def _after(ms: list[Morpheme], i: int, surfaces: frozenset[str]) -> bool:
    return i > 0 and ms[i - 1].end == ms[i].start and ms[i - 1].surface in surfaces


def _before(ms: list[Morpheme], i: int, surfaces: frozenset[str]) -> bool:
    return i + 1 < len(ms) and ms[i + 1].start == ms[i].end and ms[i + 1].surface in surfaces


PARTICLES = frozenset({"が", "を", "は", "に", "も", "の", "で", "と", "へ", "や", "から", "まで", "より"})
DEMONSTRATIVES = frozenset({"この", "その", "あの", "どの"})


def _mae(ms: list[Morpheme], i: int, dictionary: str) -> str:
    # この前 このまえ "the other day", not the prefix ぜん of この|前参加.
    return "まえ" if _after(ms, i, DEMONSTRATIVES) else dictionary


def _tabi(ms: list[Morpheme], i: int, dictionary: str) -> str:
    # 〜の度に "every time": たび (出勤の度に).
    return "たび" if _after(ms, i, frozenset({"の"})) and _before(ms, i, frozenset({"に"})) else dictionary


def _kazu(ms: list[Morpheme], i: int, dictionary: str) -> str:
    # 数 on its own before a particle is かず (数が減った); すう is for compounds (数百, 数学).
    return "かず" if _before(ms, i, PARTICLES) and not _adjacent_before(ms, i) else dictionary


def _hou(ms: list[Morpheme], i: int, dictionary: str) -> str:
    # 〜する方が (いい) compares: ほう. After a verb's stem 方 is "way of" (やり方 かた) and
    # before は it is often a person (興味のある方は かた), so only the comparison is changed.
    before = _adjacent_before(ms, i)
    if before is not None and before[CFORM].startswith(("連体形", "終止形")) and _before(ms, i, frozenset({"が"})):
        return "ほう"
    return dictionary


def _nado(ms: list[Morpheme], i: int, dictionary: str) -> str:
    # 等 after a verb or adjective is など (迫る等), after nouns it may be とう (Ａ社等).
    before = _adjacent_before(ms, i)
    return "など" if before is not None and before[POS1] in ("動詞", "助動詞", "形容詞") else dictionary


def _iro(ms: list[Morpheme], i: int, dictionary: str) -> str:
    # 色 after a noun names a colour: 琥珀色 こはくいろ, オレンジ色 おれんじいろ.
    before = _adjacent_before(ms, i)
    return "いろ" if before is not None and before[POS1] == "名詞" and before[POS2] != "数詞" else dictionary


def _yameru(ms: list[Morpheme], i: int, dictionary: str) -> str:
    # 止める with a deed as its object (〜のを止める, 〜のは止めて) is やめる "give up", not とめる.
    deed = i >= 2 and ms[i - 1].surface in ("を", "は") and ms[i - 2].surface in ("の", "こと")
    return "や" + dictionary[1:] if deed and dictionary.startswith("と") else dictionary


# Words that take rendaku as the second part of a compound noun: (plain, voiced).
RENDAKU = {
    "日": ("ひ", "び"),              # 土曜日 どようび, 誕生日 たんじょうび
    "通り": ("とおり", "どおり"),     # 時間通り じかんどおり
    "作り": ("つくり", "づくり"),     # 資料作り しりょうづくり
    "付け": ("つけ", "づけ"),         # 日付け, タグ付け たぐづけ
    "不足": ("ふそく", "ぶそく"),     # 運動不足 うんどうぶそく
    "時計": ("とけい", "どけい"),     # 腕時計 うでどけい
    "話": ("はなし", "ばなし"),       # 世間話 せけんばなし
    "会社": ("かいしゃ", "がいしゃ"), # 旅行会社 りょこうがいしゃ
    "日和": ("ひより", "びより"),     # 遠足日和 えんそくびより
    "寿司": ("すし", "ずし"),         # 回転寿司 かいてんずし
    "箱": ("はこ", "ばこ"),           # ゴミ箱 ごみばこ
}


def _rendaku(ms: list[Morpheme], i: int, dictionary: str) -> str:
    plain, voiced = RENDAKU[ms[i].surface]
    before = _adjacent_before(ms, i)
    if dictionary == plain and before is not None and before[POS1] == "名詞" \
            and before[POS2] != "数詞" and ms[i - 1].surface not in ("お", "ご"):
        return voiced
    return dictionary


CONTEXT_RULES: dict[str, Rule] = {
    "何": _nani, "人": _hito, "中": _naka, "者": _sha, "前": _mae, "度": _tabi, "数": _kazu, "色": _iro,
    "方": _hou, "等": _nado,
} | {word: _rendaku for word in RENDAKU}
LEMMA_RULES: dict[str, Rule] = {"止める": _yameru}

# A rendaku form (深い as ぶかい in 興味深い) that does not follow a word it could join.
_UNVOICE = str.maketrans("がぎぐげござじずぜぞだぢづでどばびぶべぼぱぴぷぺぽ",
                         "かきくけこさしすせそたちつてとはひふへほはひふへほ")


def _unvoiced(ms: list[Morpheme], i: int, fields: list[str], reading: str) -> str:
    before = _adjacent_before(ms, i)
    if fields[IFORM] in ("濁音形", "半濁音形") and (before is None or before[POS1] in ("助詞", "補助記号")):
        return reading[:1].translate(_UNVOICE) + reading[1:]
    return reading


# --- reading a chunk --------------------------------------------------------------------------

def _dictionary_reading(m: Morpheme, fields: list[str]) -> str:
    kana = fields[KANA]
    if not kana or not has_kanji(m.surface):
        # Kana are read as written (ヴァ stays ゔぁ, ー stays), unknown words as they are.
        return to_hiragana(m.surface)
    return to_hiragana(kana)


def _is_numeral(m: Morpheme) -> bool:
    surface = m.surface
    if not all(c in NUMERAL_CHARS for c in surface):
        return False
    return surface.isdigit() or m.fields()[POS2] == "数詞"


def _number_run_end(ms: list[Morpheme], i: int) -> int:
    """Index after the numerals starting at i, taking a decimal point or thousands comma along."""
    j = i + 1
    while j < len(ms) and ms[j].start == ms[j - 1].end:
        if _is_numeral(ms[j]):
            j += 1
        elif ms[j].surface in (".", ",") and ms[j - 1].surface.isdigit() and j + 1 < len(ms) \
                and ms[j + 1].surface.isdigit() and ms[j + 1].start == ms[j].end:
            j += 2
        else:
            break
    return j


def _read_number_run(ms: list[Morpheme], i: int, out: list[tuple[int, int, str, bool, Morpheme]]
                     ) -> int:
    """Append the number at i (and its counter) to `out`; return the index after them."""
    end = _number_run_end(ms, i)
    text = "".join(m.surface for m in ms[i:end])
    number = read_number(text)
    if number is None:                       # not a number we can read: the dictionary's readings
        for m in ms[i:end]:
            out.append((m.start, m.end, _dictionary_reading(m, m.fields()), False, m))
        return end
    counter_m = ms[end] if end < len(ms) and ms[end].start == ms[end - 1].end else None
    counter = None
    if counter_m is not None:
        counter = COUNTERS.get(counter_m.surface)
        fields = counter_m.fields()
        if counter is None and has_kanji(counter_m.surface) and "助数詞" in fields[POS3] and fields[KANA]:
            counter = default_counter(to_hiragana(fields[KANA]))
    if counter is None:
        out.append((ms[i].start, ms[end - 1].end, number.head + number.last, False, ms[i]))
        return end
    after = ms[end + 1].surface if end + 1 < len(ms) else ""
    number_reading, counter_reading = number_with_counter(number, counter_m.surface, counter, after)
    if counter_reading:
        out.append((ms[i].start, ms[end - 1].end, number_reading, False, ms[i]))
        out.append((counter_m.start, counter_m.end, counter_reading, True, counter_m))
    else:                                    # read as one word: 一日 ついたち, 二十歳 はたち
        out.append((ms[i].start, counter_m.end, number_reading, False, ms[i]))
    return end + 1


def _read_morphemes(text: str) -> list[tuple[int, int, str, bool, Morpheme]]:
    """(start, end, reading, joined, morpheme) over the normalised text of one chunk."""
    ms = morphemes(text)
    out: list[tuple[int, int, str, bool, Morpheme]] = []
    prefixes = _override_prefixes()
    i, count = 0, len(ms)
    while i < count:
        m = ms[i]
        surface = m.surface
        if surface in prefixes and (match := _match_override(ms, i)):
            used, reading = match
            out.append((m.start, ms[i + used - 1].end, reading, False, m))
            i += used
            continue
        if surface[0] in NUMERAL_CHARS and _is_numeral(m):
            i = _read_number_run(ms, i, out)
            continue
        if not has_kanji(surface):
            out.append((m.start, m.end, to_hiragana(surface), False, m))
        else:
            fields = m.fields()
            reading = _unvoiced(ms, i, fields, _dictionary_reading(m, fields))
            rule = CONTEXT_RULES.get(surface) or LEMMA_RULES.get(fields[LEMMA])
            if rule is not None:
                reading = rule(ms, i, reading)
            out.append((m.start, m.end, reading, False, m))
        i += 1
    return out


# What furigana goes over: kanji, and digits (３本 reads さんぼん, which a learner may not know).
_RUBY_CHARS = re.compile(f"[{KANJI_RANGES}0-9０-９]")


def _needs_ruby(text: str) -> bool:
    return _RUBY_CHARS.search(text) is not None


def read_chunk(chunk: str) -> tuple[Piece, ...]:
    """The pieces of one chunk of original text, offsets into that chunk."""
    norm, origin = normalise_with_map(chunk) if _needs_normalising(chunk) else (chunk, None)
    pieces: list[Piece] = []
    carry = ""                               # reading of a piece that shrank to nothing (see below)
    for start, end, reading, joined, m in _read_morphemes(norm):
        if origin is not None:
            start, end = origin[start], origin[end]
            if end <= start:                 # inside one original character NFKC expanded (㍻):
                carry += reading             # its reading goes to the next piece
                continue
        base = chunk[start:end]
        pieces.append(Piece(start, end, carry + reading, _needs_ruby(base), joined, m))
        carry = ""
    if carry and pieces:
        last = pieces[-1]
        pieces[-1] = last._replace(reading=last.reading + carry)
    return tuple(pieces)


def _needs_normalising(chunk: str) -> bool:
    return not (unicodedata.is_normalized("NFKC", chunk) and chunk.isprintable())


_cached_read_chunk = functools.lru_cache(maxsize=CACHE_SIZE)(read_chunk)
_chunk_reader = _cached_read_chunk


def set_cache(enabled: bool) -> None:
    """Switch the per-sentence cache on or off (benchmarks measure both)."""
    global _chunk_reader
    _cached_read_chunk.cache_clear()
    _chunk_reader = _cached_read_chunk if enabled else read_chunk


def pieces(text: str) -> list[tuple[int, Piece]]:
    """Every piece of `text` with the offset of its chunk: (chunk_start, piece)."""
    return [(start, piece) for start, end in chunks(text) for piece in _chunk_reader(text[start:end])]


def reading(text: str) -> str:
    """The whole text in hiragana, as a teacher reads it aloud and furigana spell it:
    は stays は, とうきょう not とーきょー, 三本 さんぼん, 私 わたし. Whatever has no reading
    (spaces, punctuation, Latin) stays as it is."""
    out: list[str] = []
    position = 0
    for chunk_start, piece in pieces(text):
        start = chunk_start + piece.start
        out.append(text[position:start])
        out.append(piece.reading)
        position = chunk_start + piece.end
    out.append(text[position:])
    return "".join(out)
