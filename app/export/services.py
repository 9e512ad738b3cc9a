"""Which items a deck holds (a level, a lesson or a range of lessons, a workplace module, what a learner
has studied), and the built decks, kept on disk until what they hold changes."""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import sqlalchemy as sa
from flask import current_app
from flask_babel import lazy_gettext as _l

from app.audio import speech
from app.audio.routes import audio_file
from app.curriculum.schema import LEVELS
from app.export import anki
from app.extensions import db
from app.models import Card, ContentItem

WORDS_PER_KANJI = 4
KIND_NAMES = {"vocab": _l("words"), "kanji": _l("kanji"), "grammar": _l("grammar points")}


class NoDeck(Exception):
    """A deck that cannot be made: an unknown level, lesson or kind, or nothing to put in it.
    The message is for the person who asked."""


@dataclass(frozen=True)
class Selection:
    kind: str
    key: str                   # what the deck is: its Anki id comes from this (level:N5:vocab)
    slug: str                  # its file name (n5-vocab)
    name: str                  # its name in Anki (Kakehashi::JLPT N5::Vocabulary)
    items: list[ContentItem]
    words: dict[str, list[ContentItem]] = field(default_factory=dict)   # a kanji's example words

    def content_key(self) -> str:
        """Changes when anything the deck shows changes: an item, an example word, a template."""
        parts = [self.key, anki.note_types_fingerprint(), speech.VOICE,
                 [(item.id, item.content_hash) for item in self.items],
                 {k: [(w.id, w.content_hash) for w in words] for k, words in sorted(self.words.items())}]
        return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode()).hexdigest()


@dataclass(frozen=True)
class DeckFile:
    path: Path
    download_name: str
    notes: int
    cards: int
    media: int
    made: bool                 # False: it came from the cache


# --- what a deck holds --------------------------------------------------------------------------

def _kind(kind: str) -> str:
    if kind not in anki.KINDS:
        raise NoDeck(_l("There is no deck of “%(kind)s”: choose vocab, kanji or grammar.", kind=kind[:20]))
    return kind


def _live(kind: str):
    return sa.select(ContentItem).where(ContentItem.retired_at.is_(None), ContentItem.kind == kind)


def _lesson_order() -> dict[str, tuple[int, int]]:
    """Every lesson's place: (its course's place, its place in the course)."""
    courses = {row.id: row.position for row in db.session.scalars(_live("course"))}
    return {row.id: (courses.get(row.lesson_id, len(courses)), row.position)
            for row in db.session.scalars(_live("lesson"))}


def _in_course_order(rows) -> list[ContentItem]:
    order = _lesson_order()
    last = (len(order) + 1, 0)
    return sorted(rows, key=lambda row: (order.get(row.lesson_id, last), row.position, row.id))


def _example_words(kanji: Sequence[ContentItem]) -> dict[str, list[ContentItem]]:
    """For each kanji, the first words of the course that use it (lower levels first)."""
    if not kanji:
        return {}
    words = _in_course_order(db.session.scalars(_live("vocab").where(ContentItem.level.in_(LEVELS))))
    return {k.headword: [w for w in words if k.headword in w.headword][:WORDS_PER_KANJI] for k in kanji}


def _selection(kind: str, key: str, slug: str, name: str, items: list[ContentItem]) -> Selection:
    return Selection(kind, key, slug, name, items, _example_words(items) if kind == "kanji" else {})


def level_deck(levels: Sequence[str], kind: str) -> Selection:
    """Every live item of a kind in one or more JLPT levels (N5, or N5 and N4), in course order."""
    _kind(kind)
    levels = list(dict.fromkeys(level.strip().upper() for level in levels if level.strip()))
    unknown = [level for level in levels if level not in LEVELS]
    if unknown or not levels:
        raise NoDeck(_l("There is no level “%(level)s”: choose N5, N4, N3, N2 or N1.",
                        level=(unknown or [""])[0][:20]))
    items = _in_course_order(db.session.scalars(_live(kind).where(ContentItem.level.in_(levels))))
    named = " + ".join(levels)
    if not items:
        raise NoDeck(_l("There are no %(what)s of %(level)s loaded yet, so there is no deck to make.",
                        what=KIND_NAMES[kind], level=named))
    return _selection(kind, f"level:{'+'.join(levels)}:{kind}", "-".join(levels).lower() + f"-{kind}",
                      f"Kakehashi::JLPT {named}::{anki.NOTE_KINDS[kind].label}", items)


def lesson_deck(first: str, last: str | None, kind: str) -> Selection:
    """The items a lesson introduces, or a range of lessons of one course (first and last included)."""
    _kind(kind)
    lessons = []
    for lesson_id in (first, last or first):
        lesson = db.session.scalar(_live("lesson").where(ContentItem.id == lesson_id))
        if lesson is None:
            raise NoDeck(_l("There is no lesson “%(lesson)s”.", lesson=lesson_id[:40]))
        lessons.append(lesson)
    start, end = sorted(lessons, key=lambda lesson: lesson.position)
    if start.lesson_id != end.lesson_id:
        raise NoDeck(_l("%(first)s and %(last)s are in different courses.", first=start.id, last=end.id))
    in_range = db.session.scalars(_live("lesson").where(ContentItem.lesson_id == start.lesson_id,
                                                        ContentItem.position.between(start.position, end.position)))
    ids = [lesson.id for lesson in in_range]
    items = _in_course_order(db.session.scalars(_live(kind).where(ContentItem.lesson_id.in_(ids))))
    number = (f"Lesson {start.position + 1}" if start.id == end.id
              else f"Lessons {start.position + 1}–{end.position + 1}")
    if not items:
        raise NoDeck(_l("%(lessons)s introduces no %(what)s, so there is no deck to make.",
                        lessons=number, what=KIND_NAMES[kind]))
    span = start.id if start.id == end.id else f"{start.id}-{end.id}"
    return _selection(kind, f"lessons:{span}:{kind}", f"{span}-{kind}",
                      f"Kakehashi::JLPT {start.level}::{number}::{anki.NOTE_KINDS[kind].label}", items)


def module_deck(module_id: str) -> Selection:
    """A workplace module's words (module.care), in the module's teaching order."""
    module = db.session.scalar(_live("module").where(ContentItem.id == module_id))
    if module is None:
        raise NoDeck(_l("There is no workplace module “%(module)s”.", module=module_id[:40]))
    items = list(db.session.scalars(_live("vocab").where(ContentItem.lesson_id == module.id)
                                    .order_by(ContentItem.position, ContentItem.id)))
    if not items:
        raise NoDeck(_l("%(module)s has no words loaded yet, so there is no deck to make.",
                        module=module.data["title"]["en"]))
    return _selection("vocab", f"module:{module.id}:vocab", f"{module.id}-vocab",
                      f"Kakehashi::Japanese for work::{module.data['title']['en']}::Vocabulary", items)


def studied_deck(user_id: int, kind: str) -> Selection:
    """The items of a kind that the learner has practice cards for: what they have studied."""
    _kind(kind)
    studied = sa.select(Card.item_id).where(Card.user_id == user_id).distinct()
    items = _in_course_order(db.session.scalars(_live(kind).where(ContentItem.id.in_(studied))))
    if not items:
        raise NoDeck(_l("You have not studied any %(what)s yet. Practise first, then take them to Anki.",
                        what=KIND_NAMES[kind]))
    return _selection(kind, f"studied:{kind}", f"learner{user_id}-{kind}",
                      f"Kakehashi::Studied::{anki.NOTE_KINDS[kind].label}", items)


def class_deck(user, classroom_id: int, kind: str) -> Selection:
    """What a class has been assigned (its lessons and courses), for its teachers and its students."""
    from app.models import Assignment, Classroom, Enrollment
    from app.schools import services as schools

    _kind(kind)
    classroom = db.session.get(Classroom, classroom_id)
    enrolled = classroom is not None and db.session.scalar(sa.select(Enrollment.id).where(
        Enrollment.classroom_id == classroom.id, Enrollment.user_id == user.id)) is not None
    if classroom is None or not (enrolled or schools.can_teach(user, classroom)):
        raise NoDeck(_l("There is no such class, or it is not yours."))
    assignments = db.session.scalars(sa.select(Assignment).where(Assignment.classroom_id == classroom.id,
                                                                 Assignment.kind.in_(("lesson", "course"))))
    lessons: set[str] = set()
    for assignment in assignments:
        if assignment.kind == "lesson":
            lessons.add(assignment.target)
        else:
            lessons.update(db.session.scalars(_live("lesson").with_only_columns(ContentItem.id)
                                              .where(ContentItem.lesson_id == assignment.target)))
    items = _in_course_order(db.session.scalars(_live(kind).where(ContentItem.lesson_id.in_(lessons)))) \
        if lessons else []
    if not items:
        raise NoDeck(_l("This class has no lessons assigned with %(what)s yet.", what=KIND_NAMES[kind]))
    return _selection(kind, f"class:{classroom.id}:{kind}", f"class{classroom.id}-{kind}",
                      f"Kakehashi::{classroom.name}::{anki.NOTE_KINDS[kind].label}", items)


# --- built decks --------------------------------------------------------------------------------

def decks_dir() -> Path:
    return Path(current_app.config.get("DECKS_DIR") or Path(current_app.instance_path) / "decks")


def _audio(text: str, reading: str | None) -> Path:
    return audio_file(text, reading)


DESCRIPTION = ("Kakehashi (架け橋) — {name}.<br>Course: CC BY-SA 4.0. Audio: Open JTalk, voice “Mei” "
               "(CC BY 3.0). Stroke order: KanjiVG (CC BY-SA 3.0). Urdu font: Noto Nastaliq Urdu (OFL).")


def deck_file(selection: Selection, *, now: datetime) -> DeckFile:
    """The deck's .apkg: from the cache when nothing it holds has changed, else built now (`now` is
    its notes' time, so Anki takes it as newer than any deck built before)."""
    folder = decks_dir()
    content_key = selection.content_key() + ("-audio" if current_app.config["AUDIO"] else "")
    path = folder / f"{selection.slug}-{hashlib.sha256(content_key.encode()).hexdigest()[:16]}.apkg"
    download = f"kakehashi-{selection.slug}.apkg"
    counts = path.with_suffix(".json")
    if path.exists():
        try:
            known = json.loads(counts.read_text(encoding="utf-8"))
            return DeckFile(path, download, known["notes"], known["cards"], known["media"], made=False)
        except (OSError, ValueError, KeyError):
            pass                                        # counts lost: build again
    folder.mkdir(parents=True, exist_ok=True)
    built = anki.build(kind=selection.kind, key=selection.key, name=selection.name, items=selection.items,
                       media_dir=folder / "media", audio=_audio if current_app.config["AUDIO"] else None,
                       words_for=lambda kanji: selection.words.get(kanji, ()),
                       description=DESCRIPTION.format(name=selection.name.replace("::", " · ")))
    partial = path.with_name(f".{path.name}.{os.getpid()}.part")
    anki.write(built, partial, timestamp=now.timestamp())
    counts.write_text(json.dumps({"notes": len(built.notes), "cards": built.cards, "media": len(built.media)}),
                      encoding="utf-8")
    os.replace(partial, path)
    _forget_older(folder, selection.slug, keep=path)
    return DeckFile(path, download, len(built.notes), built.cards, len(built.media), made=True)


def _forget_older(folder: Path, slug: str, *, keep: Path) -> None:
    """Remove the files of this deck built from older content."""
    own = re.compile(rf"{re.escape(slug)}-[0-9a-f]{{16}}\.(apkg|json)")
    for path in folder.iterdir():
        if own.fullmatch(path.name) and path.stem != keep.stem:
            path.unlink(missing_ok=True)

