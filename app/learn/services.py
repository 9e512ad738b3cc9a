"""Reading the curriculum for the pages, searching it, and recording lesson results."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from app import japanese
from app.curriculum.schema import SECTORS
from app.extensions import db
from app.learn import exercises
from app.models import ContentItem, LessonProgress

SEARCH_LIMIT = 50


def _live():
    return sa.select(ContentItem).where(ContentItem.retired_at.is_(None))


def courses() -> list[ContentItem]:
    return list(db.session.scalars(_live().where(ContentItem.kind == "course").order_by(ContentItem.position)))


def modules() -> list[ContentItem]:
    """The workplace modules, full ones first, in the order of the sectors (care, farm, food …)."""
    rows = db.session.scalars(_live().where(ContentItem.kind == "module"))
    order = {sector: n for n, sector in enumerate(SECTORS)}
    return sorted(rows, key=lambda m: (bool(m.data.get("starter")), order.get(m.level, len(order)), m.id))


def guides() -> list[ContentItem]:
    return list(db.session.scalars(_live().where(ContentItem.kind == "guide").order_by(ContentItem.id)))


def lessons_of(course_id: str) -> list[ContentItem]:
    return list(db.session.scalars(_live().where(ContentItem.kind == "lesson", ContentItem.lesson_id == course_id)
                                   .order_by(ContentItem.position)))


def any_item(item_id: str) -> ContentItem | None:
    return db.session.scalar(_live().where(ContentItem.id == item_id))


def item(kind: str, item_id: str) -> ContentItem | None:
    return db.session.scalar(_live().where(ContentItem.id == item_id, ContentItem.kind == kind))


def introduced_by(lesson_id: str) -> dict[str, list[ContentItem]]:
    rows = db.session.scalars(_live().where(ContentItem.lesson_id == lesson_id).order_by(ContentItem.position))
    grouped: dict[str, list[ContentItem]] = {"vocab": [], "kanji": [], "grammar": []}
    for row in rows:
        grouped.setdefault(row.kind, []).append(row)
    return grouped


def words_using(kanji: str) -> list[ContentItem]:
    return list(db.session.scalars(_live().where(ContentItem.kind == "vocab", ContentItem.headword.contains(kanji))
                                   .order_by(ContentItem.level.desc(), ContentItem.id).limit(30)))


def kana_chart() -> dict[str, list[ContentItem]]:
    rows = db.session.scalars(_live().where(ContentItem.kind == "kana").order_by(ContentItem.position))
    chart: dict[str, list[ContentItem]] = {"hiragana": [], "katakana": []}
    for row in rows:
        chart["hiragana" if row.id.startswith("kana.h.") else "katakana"].append(row)
    return chart


def search(query: str) -> list[ContentItem]:
    """By kana, romaji, kanji, English or Urdu: romaji is also tried as kana (taberu → たべる)."""
    query = query.strip().casefold()[:100]
    if not query:
        return []
    terms = {query}
    if query.isascii() and query.replace(" ", "").isalpha():
        kana = japanese.kana_from_romaji(query)
        if kana and not kana.isascii():
            terms.add(kana)
    else:
        terms.add(japanese.to_hiragana(query))
    like = [ContentItem.search_text.contains(term, autoescape=True) for term in terms]
    kinds = ("vocab", "kanji", "grammar", "kana", "module", "guide")
    rows = list(db.session.scalars(_live().where(ContentItem.kind.in_(kinds), sa.or_(*like))
                                   .order_by(sa.func.length(ContentItem.headword), ContentItem.id).limit(SEARCH_LIMIT)))
    exact = [r for r in rows if r.headword.casefold() in terms or r.reading in terms]  # exact matches first
    return exact + [r for r in rows if r not in exact]


def next_lesson(user_id: int) -> ContentItem | None:
    """The first lesson, in course order, that the learner has not completed."""
    done = {lesson_id for lesson_id, row in progress(user_id).items() if row.completed_at is not None}
    for course in courses():
        for lesson in lessons_of(course.id):
            if lesson.id not in done:
                return lesson
    return None


def kanji_learned(user_id: int) -> frozenset[str]:
    """The kanji introduced by the lessons the learner has completed."""
    done = [lesson_id for lesson_id, row in progress(user_id).items() if row.completed_at is not None]
    if not done:
        return frozenset()
    rows = db.session.scalars(_live().where(ContentItem.kind == "kanji", ContentItem.lesson_id.in_(done)))
    return frozenset(row.headword for row in rows)


def progress(user_id: int) -> dict[str, LessonProgress]:
    rows = db.session.scalars(sa.select(LessonProgress).where(LessonProgress.user_id == user_id))
    return {row.lesson_id: row for row in rows}


def _progress_row(user_id: int, lesson_id: str) -> LessonProgress:
    """The learner's row for this lesson, made if need be (two first submits at once make one row)."""
    query = sa.select(LessonProgress).where(LessonProgress.user_id == user_id, LessonProgress.lesson_id == lesson_id)
    row = db.session.scalar(query)
    if row is None:
        try:
            with db.session.begin_nested():
                row = LessonProgress(user_id=user_id, lesson_id=lesson_id, attempts=0, best_score=0.0)
                db.session.add(row)
        except IntegrityError:
            row = db.session.scalar(query)
    return row


@dataclass(frozen=True)
class LessonResult:
    marks: list[exercises.Marked]
    score: float
    passed: bool
    best_score: float


def record_lesson_result(*, user_id: int, lesson: ContentItem, answers: list[str], now: datetime) -> LessonResult:
    marks = exercises.grade(lesson.data["exercises"], answers)
    score = sum(m.correct for m in marks) / len(marks)
    row = _progress_row(user_id, lesson.id)
    row.attempts += 1
    row.best_score = max(row.best_score, score)
    row.last_attempt_at = now
    passed = score >= LessonProgress.PASS_MARK
    if passed and row.completed_at is None:
        row.completed_at = now
    db.session.commit()
    return LessonResult(marks, score, passed, row.best_score)
