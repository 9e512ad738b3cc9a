"""Counts per level and kind, and how many entries lack Urdu. Pure."""

from __future__ import annotations

from collections import Counter, defaultdict

from app.curriculum.loader import Content

KIND_KEYS = {"kana": "kana", "vocab": "vocab", "kanji": "kanji", "grammar": "grammar", "lesson": "lessons",
             "course": "courses", "module": "modules", "item": "items",
             "guide": "guides"}


def stats(content: Content) -> dict:
    levels: dict[str, Counter] = defaultdict(Counter)
    for entry in content.entries:
        counts = levels[entry.level or "all"]
        counts[KIND_KEYS[entry.kind]] += 1
        if entry.kind == "vocab" and entry.model.example is not None:
            counts["vocab_with_example"] += 1
    missing_ur = {(p.file, p.id or p.line) for p in content.problems
                  if p.message in ("is missing", "must be written in Urdu script")
                  and (p.field == "ur" or p.field.endswith(".ur"))}
    return {
        "levels": {level: dict(sorted(counts.items())) for level, counts in sorted(levels.items())},
        "missing_ur": len(missing_ur),
        "problems": len(content.problems),
    }
