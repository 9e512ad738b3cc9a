"""Stroke order from KanjiVG (the `kanjivg` package, CC BY-SA 3.0): one SVG per kanji or kana."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

_PATH = re.compile(r"<path\b[^>]*\bid=\"kvg:[0-9a-f]+-s\d+\"")
_DOCTYPE = re.compile(r"<!DOCTYPE.*?\]>\s*", re.S)


def _file(char: str):
    if len(char) != 1:
        return None
    path = resources.files("kanji") / f"{ord(char):05x}.svg"
    return path if path.is_file() else None


@lru_cache(maxsize=4096)
def stroke_svg(char: str) -> str | None:
    """The SVG with its DTD removed (browsers need none); None when KanjiVG has no drawing."""
    path = _file(char)
    if path is None:
        return None
    return _DOCTYPE.sub("", path.read_text(encoding="utf-8"))


def stroke_count(char: str) -> int | None:
    svg = stroke_svg(char)
    return None if svg is None else len(_PATH.findall(svg))
