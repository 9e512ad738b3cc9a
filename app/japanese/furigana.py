"""Furigana: each word's reading put over its kanji (and digits) only, kana left alone.

    食[た]べる · 取[と]り扱[あつか]い · お茶[ちゃ] · ３[さん]本[ぼん]

Every function here gives back the original text exactly once the readings are taken away:
the bases are slices of the input, never of its normalised form.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Iterator, Set

from app.japanese import readings
from app.japanese.kana import KANJI_RANGES, to_hiragana
from app.japanese.morphemes import MAX_CHUNK, SENTENCE_END_CHARS, Sentence, analyse
from app.japanese.readings import KANJI_LINE, Piece, chunk_pieces, read_in_context, remember, word_alone

Segment = tuple[str, str | None]     # (base text, its reading or None for text shown as it is)

_RUBY_RUN = re.compile(f"[{KANJI_RANGES}0-9０-９ヶヵ]+")
_KANJI = re.compile(f"[{KANJI_RANGES}]")
_KANJI_THEN_KANA = re.compile(f"([{KANJI_RANGES}0-9０-９ヶヵ]+)([ぁ-ゖ]*)")
_HTML_SPECIAL = re.compile("[&<>\"']")
# What keeps a text off ruby_html's one-pass path: HTML to escape, or a sentence end before the
# last character (more than one chunk).
_NOT_ONE_PLAIN_SENTENCE = re.compile(f"[&<>\"']|[{SENTENCE_END_CHARS}](?=.)", re.S)


def align(base: str, reading: str) -> list[Segment]:
    """Split one word's reading over its kanji runs: ("取り扱い", "とりあつかい") →
    [("取", "と"), ("り", None), ("扱", "あつか"), ("い", None)]. A word whose kana do not
    line up with its reading gets the whole reading over the whole word."""
    if reading == base or not reading:
        return [(base, None)]
    simple = _KANJI_THEN_KANA.fullmatch(base)            # the usual shapes: 勉強, 食べる
    if simple is not None:
        kanji, kana = simple.groups()
        if not kana:
            return [(base, reading)]
        if len(reading) > len(kana) and reading.endswith(kana):
            return [(kanji, reading[:-len(kana)]), (kana, None)]
    parts = _split_runs(base)
    if len(parts) == 1:
        return [(base, reading)]
    matched = _match(parts, 0, reading, 0)
    return matched if matched is not None else [(base, reading)]


def _split_runs(base: str) -> list[tuple[str, bool]]:
    """(text, is_ruby_run) parts, alternating kanji/digit runs and the rest."""
    parts: list[tuple[str, bool]] = []
    position = 0
    for run in _RUBY_RUN.finditer(base):
        if run.start() > position:
            parts.append((base[position:run.start()], False))
        parts.append((run.group(), True))
        position = run.end()
    if position < len(base):
        parts.append((base[position:], False))
    return parts


def _match(parts: list[tuple[str, bool]], p: int, reading: str, r: int) -> list[Segment] | None:
    """Match parts[p:] against reading[r:]: kana must appear as written; each kanji run takes
    at least one kana. Backtracks over where a kanji run ends (申し込み: もう|し|こ|み)."""
    if p == len(parts):
        return [] if r == len(reading) else None
    text, is_ruby = parts[p]
    if not is_ruby:
        kana = to_hiragana(text)
        if not reading.startswith(kana, r):
            return None
        rest = _match(parts, p + 1, reading, r + len(kana))
        return None if rest is None else [(text, None), *rest]
    if p + 1 == len(parts):
        return [(text, reading[r:])] if r < len(reading) else None
    following = to_hiragana(parts[p + 1][0])
    end = reading.find(following, r + 1)
    while end != -1:
        rest = _match(parts, p + 1, reading, end)
        if rest is not None:
            return [(text, reading[r:end]), *rest]
        end = reading.find(following, end + 1)
    return None


def _segments(text: str, known: Set[str] | None = None) -> Iterator[Segment]:
    """The text as (base, reading-or-None) segments, plain stretches and words in turn. A number
    and its counter make one word (３本), so known kanji fade from both together."""
    position = 0
    for chunk_start, _, pieces in chunk_pieces(text):
        word_end = 0
        for k, (start, end, reading, joined) in enumerate(pieces):
            start += chunk_start
            end += chunk_start
            if start > position:
                yield text[position:start], None
            if not joined:
                word_end = _word_end(pieces, k) + chunk_start
                hidden = known is not None and _all_known(text[start:word_end], known)
            if hidden:
                yield text[start:end], None
            else:
                yield from align(text[start:end], reading)
            position = end
    if position < len(text):
        yield text[position:], None


def _word_end(pieces: tuple[Piece, ...], k: int) -> int:
    while k + 1 < len(pieces) and pieces[k + 1][3]:
        k += 1
    return pieces[k][1]


def furigana(text: str) -> list[Segment]:
    """The text as (base, reading-or-None) segments; the bases joined give back `text`."""
    segments: list[Segment] = []
    for base, reading in _segments(text):
        if reading is None and segments and segments[-1][1] is None:
            segments[-1] = (segments[-1][0] + base, None)
        elif base:
            segments.append((base, reading))
    return segments


def ruby_html(text: str, known: Set[str] | None = None) -> str:
    """Escaped HTML with <ruby>base<rt>reading</rt></ruby> over kanji. A word whose kanji are all
    in `known` (a set of kanji the learner knows) gets none: furigana fade as kanji are learned."""
    if known is None and len(text) <= MAX_CHUNK and _NOT_ONE_PLAIN_SENTENCE.search(text) is None \
            and readings.is_analysable(text):
        # The usual case, in one pass, from the sentence cache when it is on.
        return _cached_html(text) if readings.caching() else _html_of_sentence(text)
    out: list[str] = []
    append = out.append
    position = 0
    for chunk_start, _, pieces in chunk_pieces(text):
        hidden = False
        for k, (start, end, reading, joined) in enumerate(pieces):
            start += chunk_start
            end += chunk_start
            if start > position:
                append(_escape(text[position:start]))
            if known is not None and not joined:
                hidden = _all_known(text[start:_word_end(pieces, k) + chunk_start], known)
            append(_escape(text[start:end]) if hidden else _ruby(text[start:end], reading))
            position = end
    append(_escape(text[position:]))
    return "".join(out)


def _html_of_sentence(text: str) -> str:
    """read_sentence and the HTML of its pieces in one pass over MeCab's output: each word that
    reads the same wherever it stands has its HTML made once (_html_memo), so most words cost a
    dictionary look-up. The rest is read in context, as read_sentence does."""
    output = analyse(text)
    sentence = None              # made only for a word read in context
    out: list[str] = []
    append = out.append
    memo = _html_memo
    position = 0                 # in text: where the last word ended
    consumed = 0                 # in output: where the lines the last word used end
    for match in KANJI_LINE.finditer(output):
        if match.start() < consumed:
            continue
        surface, word_html = memo.get(match.group()) or _word_html(match)
        start = text.find(surface, position)
        if start < 0:
            start = position
        elif start > position:
            append(text[position:start])
        if word_html is not None:
            append(word_html)
            position = start + len(surface)
            continue
        if sentence is None:
            sentence = Sentence(text, output)
        pieces: list[Piece] = []
        _, consumed = read_in_context(sentence, match, start, pieces)
        for piece_start, piece_end, reading, _ in pieces:
            if piece_start > start:
                append(text[start:piece_start])
            append(_ruby(text[piece_start:piece_end], reading))
            start = piece_end
        position = start
    append(text[position:])
    return "".join(out)


# Morpheme line → (surface, its HTML, or None when its reading depends on its neighbours).
_html_memo: dict[str, tuple[str, str | None]] = {}
readings.MEMOS.append(_html_memo)


def _word_html(match) -> tuple[str, str | None]:
    surface, reading = word_alone(match)
    return remember(_html_memo, match.group(), (surface, None if reading is None else _ruby(surface, reading)))


_cached_html = functools.lru_cache(maxsize=readings.CACHE_SIZE)(_html_of_sentence)
readings.CACHES.append(_cached_html.cache_clear)


def _escape(text: str) -> str:
    return html.escape(text) if _HTML_SPECIAL.search(text) else text


@functools.lru_cache(maxsize=readings.MEMO_SIZE)     # words read in context recur too (三本, 日本人)
def _ruby(base: str, reading: str) -> str:
    """One word's HTML. The usual shapes (勉強, 食べる) are done here, the rest by align()."""
    simple = _KANJI_THEN_KANA.fullmatch(base)
    if simple is not None and reading != base and not _HTML_SPECIAL.search(reading):
        kanji, kana = simple.groups()
        if not kana:
            return f"<ruby>{base}<rt>{reading}</rt></ruby>"
        if len(reading) > len(kana) and reading.endswith(kana):
            return f"<ruby>{kanji}<rt>{reading[:-len(kana)]}</rt></ruby>{kana}"
    return "".join(_escape(part) if rt is None else f"<ruby>{_escape(part)}<rt>{_escape(rt)}</rt></ruby>"
                   for part, rt in align(base, reading))


readings.CACHES.append(_ruby.cache_clear)


def _all_known(word: str, known: Set[str]) -> bool:
    return all(kanji in known for kanji in _KANJI.findall(word))


def anki_furigana(text: str) -> str:
    """Anki's furigana syntax, HTML-escaped for a note field: 日本語[にほんご]を 勉強[べんきょう].
    Anki takes the text back to the last space as a bracket's base, so a space goes before each
    base that follows other text (Anki's {{furigana:}} drops it again)."""
    out: list[str] = []
    for base, reading in furigana(text):
        if reading is None:
            out.append(html.escape(base))
        else:
            out.append(f"{' ' if out else ''}{html.escape(base)}[{html.escape(reading)}]")
    return "".join(out)
