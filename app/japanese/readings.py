"""Readings as a teacher reads aloud, spelled as furigana spell them.

The dictionary (UniDic) gives most readings; on top of it, in this order:
1. content/readings.yaml: words the dictionary reads otherwise than a learner is taught (私 わたし);
2. numbers and their counters (numbers.py): 三本 さんぼん, 二十日 はつか;
3. context rules (rules.py): 何 なに/なん, 人 じん/にん, 中 じゅう/ちゅう, rendaku (曜日 ようび).

Only morphemes with kanji or digits are looked at one by one; kana are read as written. That keeps
the engine close to the dictionary's own speed.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

import yaml

from app.japanese import rules
from app.japanese.kana import KANJI_RANGES, has_kanji, katakana_to_hiragana, to_hiragana
from app.japanese.morphemes import (
    IFORM,
    KANA,
    MAX_CHUNK,
    POS2,
    POS3,
    SENTENCE_END,
    At,
    Sentence,
    chunks,
    normalise_with_map,
)
from app.japanese.numbers import COUNTERS, NUMERAL_CHARS, TENTH, default_counter, number_with_counter, read_number

READINGS_FILE = Path(__file__).resolve().parents[2] / "content" / "readings.yaml"
CACHE_SIZE = 4096          # sentences; a page of lessons repeats the same few hundred
MEMO_SIZE = 50_000         # morphemes; real text repeats words far more than sentences

# In MeCab's output ("\\n surface<TAB>features" lines), a line whose surface holds a kanji or a
# digit: (surface, features).
KANJI_LINE = re.compile(f"\\n([^\\t\\n]*[{KANJI_RANGES}0-9][^\\t\\n]*)\\t([^\\n]*)")
_RUBY_START = re.compile(f"[{KANJI_RANGES}0-9]")


# A stretch of text with kanji or digits and how it is read: (start, end, reading in hiragana,
# joined), offsets into its chunk; joined marks the same word as the piece before (三|本).
Piece = tuple[int, int, str, bool]


# --- overrides from content/readings.yaml -----------------------------------------------------

@functools.cache
def overrides() -> dict[str, str]:
    """Spelling → reading for words the dictionary gets wrong. Loaded once, strictly as strings."""
    with READINGS_FILE.open(encoding="utf-8") as handle:
        # BaseLoader builds nothing but strings, lists and dicts: safe, and no YAML 1.1 booleans.
        table = yaml.load(handle, Loader=yaml.BaseLoader) or {}  # noqa: S506
    if not isinstance(table, dict):
        raise ValueError(f"{READINGS_FILE}: expected a mapping of word: reading")
    for word, reading in table.items():
        if not _RUBY_START.match(word):      # only kanji words are looked at (see module doc)
            raise ValueError(f"{READINGS_FILE}: {word}: must start with a kanji or digit")
        if not (isinstance(reading, str) and reading and to_hiragana(reading) == reading):
            raise ValueError(f"{READINGS_FILE}: {word}: reading must be hiragana, got {reading!r}")
    return dict(table)


@functools.cache
def _override_prefixes() -> frozenset[str]:
    return frozenset(word[:i] for word in overrides() for i in range(1, len(word) + 1))


def _match_override(at: At) -> tuple[At, str] | None:
    """The longest override spelled by this morpheme and up to 3 after it: (last one, reading)."""
    prefixes, table = _override_prefixes(), overrides()
    best, text, current = None, "", at
    for _ in range(4):
        text += current.surface
        if text not in prefixes:
            break
        if text in table:
            best = (current, table[text])
        following = current.after()
        if following is None:
            break
        current = following
    return best


# --- numbers ----------------------------------------------------------------------------------

def _is_numeral(at: At) -> bool:
    surface = at.surface
    return all(c in NUMERAL_CHARS for c in surface) and (surface.isdigit() or at.fields()[POS2] == "数詞")


def _number_run(at: At) -> At:
    """The last morpheme of the number starting at `at`, taking a decimal point or thousands
    comma between digits along (3.14, 1,000)."""
    last = at
    while (following := last.after()) is not None:
        if _is_numeral(following):
            last = following
        elif following.surface in (".", ",") and last.surface.isdigit():
            digits = following.after()
            if digits is None or not digits.surface.isdigit():
                break
            last = digits
        else:
            break
    return last


def _read_number(at: At, out: list[Piece]) -> At:
    """Append the number at `at` (and its counter) to `out`; return the last morpheme used."""
    last = _number_run(at)
    number = read_number(at.sentence.text[at.start:last.end])
    if number is None:                        # not a number we can read: the dictionary's reading
        out.append((at.start, at.end, _dictionary_reading(at), False))
        return at
    counter_at = last.after()
    counter = _counter(counter_at)
    if counter_at is not None and counter_at.surface == "分" and rules.after_degrees(at):
        counter = TENTH
    if counter is None:
        out.append((at.start, last.end, number.head + number.last, False))
        return last
    number_reading, counter_reading = number_with_counter(number, counter_at.surface, counter, rules.after_month(at))
    if counter_reading:
        out.append((at.start, last.end, number_reading, False))
        out.append((counter_at.start, counter_at.end, counter_reading, True))
    else:                                     # read as one word: 一日 ついたち, 二十歳 はたち
        out.append((at.start, counter_at.end, number_reading, False))
    return counter_at


def _read_name_as_count(at: At, out: list[Piece]) -> bool:
    """三本 alone is tagged as the surname みもと; a number and a counter it knows are a count."""
    surface = at.surface
    digits = len(surface) - len(surface.lstrip("".join(NUMERAL_CHARS)))
    number, counter = read_number(surface[:digits]), COUNTERS.get(surface[digits:])
    if not digits or number is None or counter is None:
        return False
    number_reading, counter_reading = number_with_counter(number, surface[digits:], counter, rules.after_month(at))
    out.append((at.start, at.start + digits, number_reading, False) if counter_reading else
               (at.start, at.end, number_reading, False))
    if counter_reading:
        out.append((at.start + digits, at.end, counter_reading, True))
    return True


def _counter(at: At | None):
    if at is None:
        return None
    counter = COUNTERS.get(at.surface)
    if counter is None and has_kanji(at.surface):
        fields = at.fields()
        if "助数詞" in fields[POS3] and fields[KANA]:
            counter = default_counter(to_hiragana(fields[KANA]))
    return counter


# --- reading a chunk --------------------------------------------------------------------------

def _dictionary_reading(at: At) -> str:
    # Unknown words have no kana: they are shown as they are.
    return katakana_to_hiragana(at.fields()[KANA]) or at.surface


def read_sentence(text: str) -> tuple[Sentence, list[Piece]]:
    """The pieces of one normalised chunk: every stretch with kanji or digits, read."""
    sentence = Sentence(text)
    out: list[Piece] = []
    append = out.append
    memo = _memo
    position = 0                 # in text: where the last piece ended
    consumed = 0                 # in output: where the lines the last piece used end
    for match in KANJI_LINE.finditer(sentence.output):
        if match.start() < consumed:
            continue
        surface, reading = memo.get(match.group()) or word_alone(match)
        start = text.find(surface, position)  # only kana and spaces lie between: no false match
        if start < 0:
            start = position
        if reading is not None:
            position = start + len(surface)
            append((start, position, reading, False))
        else:
            position, consumed = read_in_context(sentence, match, start, out)
    return sentence, out


# Morpheme line → (surface, reading alone or None). A morpheme no rule, number or override
# spanning several morphemes concerns reads the same wherever it stands, so its reading depends
# on its line alone and is worked out once. (A dict is safe across threads here: the worst a race
# does is work a reading out twice.) Other modules keep memos by line too (the HTML of a word);
# set_cache empties them all.
_memo: dict[str, tuple[str, str | None]] = {}
MEMOS: list[dict] = [_memo]


def remember(memo: dict, line: str, value):
    """Store a value in a line memo, emptying the memo first when it is full (it refills with
    the words in use)."""
    if len(memo) >= MEMO_SIZE:
        memo.clear()
    memo[line] = value
    return value


def word_alone(match: re.Match) -> tuple[str, str | None]:
    """For a KANJI_LINE match: (surface, its reading), the reading None when it depends on the
    morpheme's neighbours. Memoised by line."""
    known = _memo.get(match.group())
    return known if known is not None else remember(_memo, match.group(), _alone(*match.groups()))


def _alone(surface: str, features: str) -> tuple[str, str | None]:
    if surface in _special_surfaces():
        return surface, None
    reading = _single_overrides().get(surface)          # an override of one morpheme (私 わたし)
    if reading is not None:
        return surface, reading
    fields = features.split(",", KANA + 1)
    if len(fields) <= KANA or fields[IFORM] in rules.VOICED_FORMS:
        return surface, None
    if surface[0] in NUMERAL_CHARS and (all(c in NUMERAL_CHARS for c in surface)
                                        or fields[POS2] == "固有名詞"):
        return surface, None                            # maybe a number, or a count (三本)
    # Everything else _read_slowly would leave as the dictionary's kana (一緒, 京都, 一番).
    return surface, katakana_to_hiragana(fields[KANA]) or surface


def read_in_context(sentence: Sentence, match: re.Match, start: int, out: list[Piece]) -> tuple[int, int]:
    """Append the reading of the word at a KANJI_LINE match that needs its neighbours, starting
    at text[start]; return (where its last piece ends in the text, where the lines it used end
    in the output)."""
    begin = match.start()
    at = At(sentence, sentence.line_at(begin), start, start + len(match.group(1)))
    last = _read_slowly(at, out)
    return last.end, (match.end() if last is at else _line_end(sentence.output, begin, last.i))


def _read_slowly(at: At, out: list[Piece]) -> At:
    """Append the reading of a word that needs its neighbours; return the last morpheme used."""
    found = _match_override(at) if at.surface in _override_prefixes() else None
    if found is not None:
        last, reading = found
        out.append((at.start, last.end, reading, False))
        return last
    if at.surface[0] in NUMERAL_CHARS and _is_numeral(at):
        return _read_number(at, out)
    if at.surface[0] in NUMERAL_CHARS and at.fields()[POS2] == "固有名詞" and _read_name_as_count(at, out):
        return at
    out.append((at.start, at.end, rules.apply(at, _dictionary_reading(at)), False))
    return at


def _line_end(output: str, begin: int, line: int) -> int:
    """Where line number `line` of output ends (searching on from offset `begin`)."""
    end = begin
    for _ in range(line - output.count("\n", 0, begin) + 1):
        end = output.find("\n", end + 1)
        if end < 0:
            return len(output)
    return end


@functools.cache
def _special_surfaces() -> frozenset[str]:
    """Spellings that leave the lean path: context rules, and starts of overrides that span
    more than one morpheme (閑古|鳥)."""
    return rules.CONTEXT_RULES.keys() | {w[:i] for w in overrides() for i in range(1, len(w)) if w[:i] != w}


@functools.cache
def _single_overrides() -> dict[str, str]:
    return {word: reading for word, reading in overrides().items() if word not in _special_surfaces()}


def read_chunk(chunk: str) -> tuple[Piece, ...]:
    """The pieces of one chunk of original text, offsets into that chunk."""
    if is_analysable(chunk):
        return tuple(read_sentence(chunk)[1])
    norm, origin = normalise_with_map(chunk)
    pieces: list[Piece] = []
    carry = ""                               # the reading of a piece that shrank to nothing
    for start, end, reading, joined in read_sentence(norm)[1]:
        start, end = origin[start], origin[end]
        if end <= start:                     # inside one original character NFKC expanded (㍻):
            carry += reading                 # its reading goes with the next piece
            continue
        pieces.append((start, end, carry + reading, joined))
        carry = ""
    if carry and pieces:
        start, end, reading, joined = pieces[-1]
        pieces[-1] = (start, end, reading + carry, joined)
    return tuple(pieces)


def is_analysable(chunk: str) -> bool:
    """Whether the chunk is its own normalised form, so offsets need no map."""
    body = chunk[:-1] if chunk.endswith("\n") else chunk
    return body.isprintable() and unicodedata.is_normalized("NFKC", chunk)


def is_one_sentence(text: str) -> bool:
    """Whether `text` is a single chunk (see morphemes.chunks): the usual case."""
    return len(text) <= MAX_CHUNK and not SENTENCE_END.search(text, 0, len(text) - 1)


_cached_read_chunk = functools.lru_cache(maxsize=CACHE_SIZE)(read_chunk)
_chunk_reader = _cached_read_chunk
_caching = True
# The clear() of every per-sentence cache, ours and those of modules built on us (HTML).
CACHES: list[Callable[[], None]] = [_cached_read_chunk.cache_clear]


def caching() -> bool:
    return _caching


def set_cache(enabled: bool) -> None:
    """Switch the per-sentence caches on or off (benchmarks measure both). Either way they and
    the per-morpheme memos start empty, so a benchmark starts cold."""
    global _chunk_reader, _caching
    for clear in CACHES:
        clear()
    for memo in MEMOS:
        memo.clear()
    _caching = enabled
    _chunk_reader = _cached_read_chunk if enabled else read_chunk


def chunk_pieces(text: str) -> list[tuple[int, int, tuple[Piece, ...]]]:
    """(chunk start, chunk end, its pieces) for each chunk of `text`."""
    if is_one_sentence(text):
        return [(0, len(text), _chunk_reader(text))] if text else []    # the usual case
    reader = _chunk_reader
    return [(start, end, reader(text[start:end])) for start, end in chunks(text)]


def reading(text: str) -> str:
    """The whole text in hiragana, as a teacher reads it aloud and furigana spell it:
    は stays は, とうきょう not とーきょー, 三本 さんぼん, 私 わたし. Whatever has no reading
    (spaces, punctuation, Latin) stays as it is."""
    out: list[str] = []
    for chunk_start, chunk_end, pieces in chunk_pieces(text):
        position = chunk_start
        for start, end, piece_reading, _ in pieces:
            out.append(to_hiragana(text[position:chunk_start + start]))
            out.append(piece_reading)
            position = chunk_start + end
        out.append(to_hiragana(text[position:chunk_end]))
    return "".join(out)
