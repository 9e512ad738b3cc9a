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

from app.japanese.kana import KANJI_RANGES, to_hiragana
from app.japanese.readings import Piece, chunk_pieces

Segment = tuple[str, str | None]     # (base text, its reading or None for text shown as it is)

_RUBY_RUN = re.compile(f"[{KANJI_RANGES}0-9０-９ヶヵ]+")
_KANJI = re.compile(f"[{KANJI_RANGES}]")
_KANJI_THEN_KANA = re.compile(f"([{KANJI_RANGES}0-9０-９ヶヵ]+)([ぁ-ゖ]*)")
_HTML_SPECIAL = re.compile("[&<>\"']")


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
    out: list[str] = []
    append = out.append
    plain = _HTML_SPECIAL.search(text) is None        # the usual case: no slice needs escaping
    position = 0
    for chunk_start, _, pieces in chunk_pieces(text):
        hidden = False
        for k, (start, end, reading, joined) in enumerate(pieces):
            start += chunk_start
            end += chunk_start
            if start > position:
                append(text[position:start] if plain else _escape(text[position:start]))
            if known is not None and not joined:
                hidden = _all_known(text[start:_word_end(pieces, k) + chunk_start], known)
            append(_escape(text[start:end]) if hidden else _ruby(text[start:end], reading))
            position = end
    append(text[position:] if plain else _escape(text[position:]))
    return "".join(out)


def _escape(text: str) -> str:
    return html.escape(text) if _HTML_SPECIAL.search(text) else text


# Words recur far more than sentences do: each (word, reading) is turned into HTML once.
@functools.lru_cache(maxsize=50_000)
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
