"""The adaptive placement test: the next question, answers, and the result. Owns its commits.

Each question's response row is written when the question is first shown (with the order its options
were shown in), so a closed tab or a reload comes back to the same question, and an answer can only be
for the question the learner was given.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime

import numpy as np
import sqlalchemy as sa

from app.assessment import calibration, irt
from app.extensions import db
from app.models import ContentItem, ItemCalibration, TestAttempt, TestResponse, User

FORM = "placement"


class PlacementError(Exception):
    status = 400


class AttemptNotFound(PlacementError):
    status = 404


class NotThisQuestion(PlacementError):
    status = 409


@dataclass(frozen=True)
class BankItem:
    params: irt.ItemParams
    data: dict


_bank_cache: dict[tuple, list[BankItem]] = {}


def bank() -> list[BankItem]:
    """Every live test item with its parameters (the item's own, or its level's and type's prior).
    Kept per process until the content changes."""
    version = (*db.session.execute(sa.select(sa.func.count(), sa.func.max(ContentItem.updated_at))
                                   .where(ContentItem.kind == "item", ContentItem.retired_at.is_(None))).one(),
               db.session.scalar(sa.select(sa.func.max(ItemCalibration.updated_at))))
    if version not in _bank_cache:
        rows = db.session.execute(sa.select(ContentItem.id, ContentItem.level, ContentItem.data).where(
            ContentItem.kind == "item", ContentItem.retired_at.is_(None))).all()
        known = calibration.calibrations()
        _bank_cache.clear()
        _bank_cache[version] = [BankItem(calibration.params_of(item_id, level, data, known), data)
                                for item_id, level, data in rows]
    return _bank_cache[version]


def running(user: User) -> TestAttempt | None:
    return db.session.scalar(sa.select(TestAttempt).where(TestAttempt.user_id == user.id, TestAttempt.form == FORM,
                                                          TestAttempt.status == "running"))


def latest_result(user: User) -> TestAttempt | None:
    return db.session.scalar(sa.select(TestAttempt).where(TestAttempt.user_id == user.id, TestAttempt.form == FORM,
                                                          TestAttempt.status == "finished")
                             .order_by(TestAttempt.finished_at.desc()).limit(1))


def start(user: User, now: datetime) -> TestAttempt:
    """A new placement attempt, or the one already running (a second tab, a second click)."""
    attempt = running(user)
    if attempt is None:
        attempt = TestAttempt(user_id=user.id, form=FORM, status="running", seed=random.getrandbits(48),
                              started_at=now)
        db.session.add(attempt)
        db.session.commit()
    return attempt


def attempt_of(user: User, attempt_id: int) -> TestAttempt:
    attempt = db.session.get(TestAttempt, attempt_id)
    if attempt is None or attempt.user_id != user.id or attempt.form != FORM:
        raise AttemptNotFound("There is no such test.")      # someone else's looks like none
    return attempt


def _answered(attempt: TestAttempt, items: dict[str, BankItem]) -> tuple[list[irt.ItemParams], list[bool]]:
    given, answers = [], []
    for response in attempt.responses:
        if response.correct is not None and response.item_id in items:
            given.append(items[response.item_id].params)
            answers.append(response.correct)
    return given, answers


def current_question(attempt: TestAttempt, now: datetime) -> TestResponse | None:
    """The question on screen: the one shown and not yet answered, or a new one chosen adaptively.
    None when the test is over."""
    if attempt.status != "running":
        return None
    pending = next((r for r in attempt.responses if r.choice is None), None)
    if pending is not None:
        return pending
    items = {b.params.id: b for b in bank()}
    given, answers = _answered(attempt, items)
    estimate = irt.estimate(given, answers)
    if given and irt.should_stop(estimate, len(given)):
        finish(attempt, now)
        return None
    used = {r.item_id for r in attempt.responses}
    position = len(attempt.responses)
    rng = np.random.default_rng([attempt.seed, position])
    chosen = irt.next_item([b.params for b in items.values()], used, given, estimate.theta, rng)
    if chosen is None:
        finish(attempt, now)
        return None
    order = list(range(len(items[chosen.id].data["options"])))
    random.Random(f"{attempt.seed}:{chosen.id}").shuffle(order)
    response = TestResponse(attempt_id=attempt.id, item_id=chosen.id, position=position, option_order=order,
                            shown_at=now)
    db.session.add(response)
    db.session.commit()
    return response


def answer(user: User, attempt_id: int, response_id: int, shown_choice: int, now: datetime) -> TestAttempt:
    """Record the choice (its place on screen) for the question on screen; finish when enough is known."""
    attempt = attempt_of(user, attempt_id)
    if attempt.status != "running":
        raise NotThisQuestion("This test is finished.")
    response = next((r for r in attempt.responses if r.id == response_id), None)
    if response is None:
        raise NotThisQuestion("That question is not part of this test.")
    if response.choice is not None:
        raise NotThisQuestion("That question is answered already.")
    if not 0 <= shown_choice < len(response.option_order):
        raise PlacementError("Choose one of the answers.")
    item = db.session.get(ContentItem, response.item_id)
    response.choice = response.option_order[shown_choice]
    response.correct = response.choice == item.data["answer"]
    response.answered_at = now
    db.session.commit()
    return attempt


# --- the result --------------------------------------------------------------------------------------

START = {"below N5": "kana", "N5": "n5", "N4": "n4", "N3": "n3", "N2": "n2", "N1": "n1"}


def finish(attempt: TestAttempt, now: datetime) -> None:
    items = {b.params.id: b for b in bank()}
    given, answers = _answered(attempt, items)
    est = irt.estimate(given, answers)
    runner_up, runner_prob = est.runner_up
    sections: dict[str, dict[str, int]] = {}
    for params, right in zip(given, answers, strict=True):
        counts = sections.setdefault(params.section, {"right": 0, "total": 0})
        counts["total"] += 1
        counts["right"] += int(right)
    attempt.result = {
        "band": est.band, "probability": round(est.band_probs[est.band], 3),
        "runner_up": runner_up, "runner_up_probability": round(runner_prob, 3),
        "theta": round(est.theta, 3), "se": round(est.se, 3), "items": len(given), "sections": sections,
        "start_lesson": start_lesson(est.theta),
    }
    attempt.status = "finished"
    attempt.finished_at = now
    db.session.commit()


def start_lesson(theta: float) -> int | None:
    """Where in the N5 course to begin (approximation): below N5 starts with kana (None); inside the
    N5 band, the further above its cut, the later the lesson (25 lessons over the band's logit)."""
    low, high = irt.CUTS["N5"], irt.CUTS["N4"]
    if theta < low:
        return None
    if theta >= high:
        return 25
    return 1 + int((theta - low) / (high - low) * 24)
