"""Readiness: the chance the learner would pass their target exam now, with its uncertainty, from the
most recent evidence: a mock exam of that exam, or else the placement test's ability."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa

from app.assessment import exams
from app.extensions import db
from app.models import TestAttempt, User

GOAL_FORMS = {"N5": "jlpt-n5", "N4": "jlpt-n4", "N3": "jlpt-n3", "N2": "jlpt-n2", "N1": "jlpt-n1",
              "JFT-Basic": "jft-basic"}
RECENT = timedelta(days=120)
EXTRA_SD = 0.25       # the placement test measures overall ability, not each scoring section: widen it


@dataclass(frozen=True)
class Forecast:
    form_id: str
    probability: float
    low: float            # the chance if ability is one standard error lower …
    high: float           # … or higher
    basis: str            # "mock" or "placement"
    when: datetime


def readiness(user: User, now: datetime) -> Forecast | None:
    form = exams.FORMS[GOAL_FORMS[user.goal.value]]
    attempts = db.session.scalars(sa.select(TestAttempt).where(
        TestAttempt.user_id == user.id, TestAttempt.status == "finished",
        TestAttempt.form.in_((form.id, "placement")), TestAttempt.finished_at >= now - RECENT)
        .order_by(TestAttempt.finished_at.desc()).limit(1)).all()
    if not attempts:
        return None
    attempt = attempts[0]
    if attempt.form == "placement":
        theta, se = attempt.result["theta"], attempt.result["se"]
        abilities = {s.key: (theta, (se ** 2 + EXTRA_SD ** 2) ** 0.5) for s in form.scoring}
    else:
        abilities = {key: tuple(value) for key, value in attempt.result["abilities"].items()}
    seed = attempt.id
    return Forecast(form.id, exams.pass_probability(form, abilities, seed=seed),
                    _shifted(form, abilities, -1, seed), _shifted(form, abilities, +1, seed),
                    "placement" if attempt.form == "placement" else "mock", attempt.finished_at)


def _shifted(form, abilities: dict, direction: int, seed: int) -> float:
    return exams.pass_probability(form, {key: (theta + direction * sd, sd / 2) for key, (theta, sd) in
                                         abilities.items()}, samples=1000, seed=seed)
