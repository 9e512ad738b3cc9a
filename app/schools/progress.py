"""A class at a glance: one row per student, computed with a few grouped queries for the whole class
(not a query per student), and the gradebook."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

import sqlalchemy as sa

from app.extensions import db
from app.models import Card, Classroom, Enrollment, LessonProgress, TestAttempt, User
from app.models.practice import ReviewLog
from app.practice import scheduler
from app.practice import services as practice
from app.schools import services


@dataclass
class StudentRow:
    user: User
    student_number: str
    last_active: datetime | None = None
    streak: int = 0
    lessons_done: int = 0
    reviews_7: int = 0
    accuracy_7: float | None = None
    reviews_30: int = 0
    accuracy_30: float | None = None
    words_known: int = 0
    kanji_known: int = 0
    placement: str = ""
    mock: str = ""
    assignments: dict[str, int] = field(default_factory=lambda: {"done": 0, "late": 0, "missing": 0, "open": 0})


SORTS = ("name", "last_active", "streak", "lessons_done", "reviews_7", "accuracy_7", "words_known", "missing")


def class_rows(classroom: Classroom, now: datetime, sort: str = "name") -> list[StudentRow]:
    enrolled = db.session.execute(
        sa.select(User, Enrollment.student_number)
        .join(Enrollment, Enrollment.user_id == User.id)
        .where(Enrollment.classroom_id == classroom.id)
    ).all()
    rows = {user.id: StudentRow(user, number) for user, number in enrolled}
    ids = list(rows)
    if not ids:
        return []
    for since, count_attr, acc_attr in ((7, "reviews_7", "accuracy_7"), (30, "reviews_30", "accuracy_30")):
        for user_id, total, right in db.session.execute(
            sa.select(ReviewLog.user_id, sa.func.count(), sa.func.count().filter(ReviewLog.rating > 1))
            .where(ReviewLog.user_id.in_(ids), ReviewLog.reviewed_at >= now - timedelta(days=since))
            .group_by(ReviewLog.user_id)
        ):
            setattr(rows[user_id], count_attr, total)
            setattr(rows[user_id], acc_attr, right / total if total else None)
    for user_id, last in db.session.execute(
        sa.select(ReviewLog.user_id, sa.func.max(ReviewLog.reviewed_at))
        .where(ReviewLog.user_id.in_(ids))
        .group_by(ReviewLog.user_id)
    ):
        rows[user_id].last_active = last
    for user_id, last, done in db.session.execute(
        sa.select(
            LessonProgress.user_id,
            sa.func.max(LessonProgress.last_attempt_at),
            sa.func.count().filter(LessonProgress.completed_at.is_not(None)),
        )
        .where(LessonProgress.user_id.in_(ids))
        .group_by(LessonProgress.user_id)
    ):
        rows[user_id].lessons_done = done
        if last and (rows[user_id].last_active is None or last > rows[user_id].last_active):
            rows[user_id].last_active = last
    for user_id, kind, known in db.session.execute(
        sa.select(Card.user_id, Card.kind, sa.func.count())
        .where(Card.user_id.in_(ids), Card.state == scheduler.REVIEW, Card.kind.in_(("meaning", "kanji")))
        .group_by(Card.user_id, Card.kind)
    ):
        if kind == "meaning":
            rows[user_id].words_known = known
        else:
            rows[user_id].kanji_known = known
    for attempt in db.session.scalars(
        sa.select(TestAttempt)
        .where(TestAttempt.user_id.in_(ids), TestAttempt.status == "finished")
        .order_by(TestAttempt.finished_at)
    ):
        row = rows[attempt.user_id]
        if attempt.form == "placement":
            row.placement = attempt.result["band"]
        elif attempt.result.get("passed") is not None:
            row.mock = f"{attempt.form}: {attempt.result['total']} ({'pass' if attempt.result['passed'] else 'fail'})"
    for row in rows.values():
        row.streak = practice.streak(row.user.id, practice.today(row.user, now))
    for assignment in services.assignments_of_class(classroom):
        for user_id, row in rows.items():
            if services.is_for(assignment, user_id):
                row.assignments[services.status(assignment, user_id, now).state] += 1
    return sorted(rows.values(), key=_sort_key(sort))


def _sort_key(sort: str):
    if sort == "missing":
        return lambda r: (-r.assignments["missing"], r.user.name.casefold())
    if sort in ("last_active",):
        return lambda r: (r.last_active is not None, r.last_active or datetime.min)
    if sort in SORTS and sort != "name":
        return lambda r: (getattr(r, sort) is not None, getattr(r, sort) or 0)
    return lambda r: r.user.name.casefold()


def class_activity(classroom: Classroom, now: datetime, days: int = 14) -> list[tuple]:
    """(day, answers by the class that day) for the last `days` days, oldest first."""
    first = (now - timedelta(days=days - 1)).date()
    counts = dict(db.session.execute(
        sa.select(ReviewLog.study_day, sa.func.count()).join(Enrollment, Enrollment.user_id == ReviewLog.user_id)
        .where(Enrollment.classroom_id == classroom.id, ReviewLog.study_day >= first)
        .group_by(ReviewLog.study_day)).all())
    return [(first + timedelta(days=i), counts.get(first + timedelta(days=i), 0)) for i in range(days)]


GRADEBOOK_HEADER = [
    "name",
    "email",
    "student number",
    "last active",
    "streak (days)",
    "lessons done",
    "reviews 7 days",
    "accuracy 7 days",
    "reviews 30 days",
    "accuracy 30 days",
    "words known",
    "kanji known",
    "placement",
    "latest mock",
    "assignments done",
    "late",
    "missing",
]


def gradebook(classroom: Classroom, now: datetime) -> list[list]:
    def pct(value):
        return "" if value is None else f"{round(value * 100)}%"

    return [
        [
            r.user.name,
            r.user.email,
            r.student_number,
            r.last_active.strftime("%Y-%m-%d %H:%M") if r.last_active else "",
            r.streak,
            r.lessons_done,
            r.reviews_7,
            pct(r.accuracy_7),
            r.reviews_30,
            pct(r.accuracy_30),
            r.words_known,
            r.kanji_known,
            r.placement,
            r.mock,
            r.assignments["done"],
            r.assignments["late"],
            r.assignments["missing"],
        ]
        for r in class_rows(classroom, now)
    ]
