"""Load validated content into the database: insert new ids, update changed ones in place, retire
removed ones (never delete: learners' cards point at them). The caller commits once, or rolls back."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app import japanese
from app.curriculum.loader import Content, Entry
from app.models import ContentItem


@dataclass(frozen=True)
class SyncReport:
    added: int
    changed: int
    retired: int
    unchanged: int

    def __str__(self) -> str:
        return f"{self.added} added, {self.changed} changed, {self.retired} retired, {self.unchanged} unchanged"


def _placement(content: Content) -> dict[str, tuple[str | None, int]]:
    """(lesson or course that holds it, position) for every entry a lesson or course lists."""
    placed: dict[str, tuple[str | None, int]] = {}
    for lesson in content.of("lesson"):
        for field in ("vocab", "kanji", "grammar"):
            for i, ref in enumerate(getattr(lesson.model, field)):
                placed.setdefault(ref, (lesson.id, i))
    for n, module in enumerate(content.of("module")):
        placed.setdefault(module.id, (None, n))
        for i, ref in enumerate(module.model.vocab):
            placed.setdefault(ref, (module.id, i))
    for n, kana in enumerate(content.of("kana")):
        placed.setdefault(kana.id, (None, n))   # kana keep the order of their files (あいうえお)
    for n, course in enumerate(content.of("course")):
        placed.setdefault(course.id, (None, n))  # courses in the order of courses.yaml
        for i, ref in enumerate(course.model.lessons):
            placed.setdefault(ref, (course.id, i))
    return placed


def _headword(entry: Entry) -> tuple[str, str]:
    m = entry.model
    match entry.kind:
        case "kana":
            return m.kana, m.romaji
        case "vocab":
            return m.word, m.reading
        case "kanji":
            return m.kanji, "、".join([*m.on, *m.kun])
        case "grammar":
            return m.pattern, ""
        case "item":
            return m.stem, m.type
        case _:
            return m.title.en, ""


def _search_text(entry: Entry, data: dict) -> str:
    """Everything someone might type to find the entry: Japanese, kana, romaji, English and Urdu."""
    headword, reading = _headword(entry)
    parts = [headword, reading]
    if entry.kind == "vocab":
        parts += [japanese.romaji(entry.model.reading), japanese.to_katakana(entry.model.reading),
                  *entry.model.en, *entry.model.ur]
    elif entry.kind == "kanji":
        parts += [*entry.model.en, *entry.model.ur]
    elif entry.kind == "grammar":
        parts += [entry.model.meaning.en, entry.model.meaning.ur]
    elif entry.kind == "kana":
        parts += [entry.model.romaji]
    else:
        parts += [data.get("title", {}).get("ur", "")]
    return " ".join(p for p in parts if p).casefold()


def _example_furigana(entry: Entry) -> dict[str, str] | None:
    """The furigana of a word's or grammar point's example sentences, as Anki decks write them. Made
    here, once per load, and part of the row's hash: a change in the engine's reading changes the row."""
    if entry.kind == "vocab":
        sentences = [entry.model.example.ja] if entry.model.example else []
    elif entry.kind == "grammar":
        sentences = [example.ja for example in entry.model.examples]
    else:
        return None
    return {sentence: japanese.anki_furigana(sentence) for sentence in sentences} or None


def _row_values(entry: Entry, placed: dict[str, tuple[str | None, int]]) -> dict:
    data = entry.model.model_dump(mode="json", exclude_none=True)
    lesson_id, position = placed.get(entry.id, (None, 0))
    headword, reading = _headword(entry)
    values = {
        "kind": entry.kind, "level": entry.level, "lesson_id": lesson_id, "position": position,
        "headword": headword[:200], "reading": reading[:200], "search_text": _search_text(entry, data), "data": data,
        "furigana": _example_furigana(entry),
    }
    canonical = json.dumps(values, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    values["content_hash"] = hashlib.sha256(canonical.encode()).hexdigest()
    return values


def sync(session: Session, content: Content, *, now: datetime) -> SyncReport:
    placed = _placement(content)
    existing = {row.id: row for row in session.scalars(sa.select(ContentItem))}
    added = changed = unchanged = 0
    seen: set[str] = set()
    for entry in content.entries:
        seen.add(entry.id)
        values = _row_values(entry, placed)
        row = existing.get(entry.id)
        if row is None:
            session.add(ContentItem(id=entry.id, created_at=now, updated_at=now, **values))
            added += 1
        elif row.content_hash != values["content_hash"] or row.retired_at is not None:
            for key, value in values.items():
                setattr(row, key, value)
            row.updated_at, row.retired_at = now, None
            changed += 1
        else:
            unchanged += 1
    retired = 0
    for row_id, row in existing.items():
        if row_id not in seen and row.retired_at is None:
            row.retired_at = now
            retired += 1
    return SyncReport(added, changed, retired, unchanged)
