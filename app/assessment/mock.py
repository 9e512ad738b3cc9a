"""Mock exams: an attempt built like the real test, sections that close on the server's clock, answers
saved as the candidate goes, and the score report. Owns its commits.

The whole form is drawn when the attempt starts (every question's row, with the order of its options),
so a reload shows the same questions with the answers given so far. A section closes at its deadline
whatever the browser does: the next request after it moves the attempt on, and an answer that arrives
late is refused.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

import sqlalchemy as sa

from app.assessment import calibration, exams, irt
from app.assessment.exams import ExamForm
from app.extensions import db
from app.models import ContentItem, TestAttempt, TestResponse, User


class MockError(Exception):
    status = 400


class AttemptNotFound(MockError):
    status = 404


class Closed(MockError):
    status = 409


def form_of(form_id: str) -> ExamForm:
    form = exams.FORMS.get(form_id)
    if form is None:
        raise AttemptNotFound("There is no such exam.")
    return form


def _levels(form: ExamForm) -> tuple[str, ...]:
    return ("N5", "N4") if form.kind == "jft" else (form.level,)


def _fits(form: ExamForm, level: str, data: dict) -> bool:
    return level in _levels(form) and data.get("domain") == form.domain


def assemble(form: ExamForm, items: list[tuple[str, str, dict]], rng: random.Random) -> list[tuple[int, str]]:
    """(section index, item id) in the order asked: for each part, whole passage sets first drawn at
    random until the part's count is reached (as far as the bank has them), shuffled within the part."""
    chosen: list[tuple[int, str]] = []
    used: set[str] = set()
    for index, section in enumerate(form.sections):
        for item_type, count in section.parts:
            pool = [(item_id, data) for item_id, level, data in items
                    if _fits(form, level, data) and data["type"] == item_type and item_id not in used]
            groups: dict[str, list[str]] = {}
            for item_id, data in pool:
                groups.setdefault(data.get("set") or item_id, []).append(item_id)
            keys = list(groups)
            rng.shuffle(keys)
            part: list[list[str]] = []
            taken = 0
            for key in keys:
                if taken >= count:
                    break
                part.append(sorted(groups[key]))
                taken += len(groups[key])
            rng.shuffle(part)
            for group in part:
                for item_id in group:
                    used.add(item_id)
                    chosen.append((index, item_id))
    return chosen


def coverage(form: ExamForm, items: list[tuple[str, str, dict]] | None = None) -> float:
    """The smallest share of a section's questions the bank can fill: a form is offered from 0.5 on."""
    if items is None:
        items = [tuple(row) for row in db.session.execute(sa.select(ContentItem.id, ContentItem.level,
                 ContentItem.data).where(ContentItem.kind == "item", ContentItem.retired_at.is_(None)))]
    counts: dict[str, int] = {}
    for _, level, data in items:
        if _fits(form, level, data):
            counts[data["type"]] = counts.get(data["type"], 0) + 1
    return min(sum(min(n, counts.get(t, 0)) for t, n in section.parts) / sum(n for _, n in section.parts)
               for section in form.sections)


OFFERED_FROM = 0.5


def time_scale() -> float:
    from flask import current_app
    return float(current_app.config.get("MOCK_TIME_SCALE", 1.0))


def _deadline(form: ExamForm, section: int, now: datetime) -> datetime:
    return now + timedelta(minutes=form.sections[section].minutes * time_scale())


def running(user: User, form_id: str) -> TestAttempt | None:
    return db.session.scalar(sa.select(TestAttempt).where(TestAttempt.user_id == user.id,
                                                          TestAttempt.form == form_id,
                                                          TestAttempt.status == "running"))


def finished(user: User) -> list[TestAttempt]:
    return list(db.session.scalars(sa.select(TestAttempt).where(
        TestAttempt.user_id == user.id, TestAttempt.form.in_(exams.FORMS), TestAttempt.status == "finished")
        .order_by(TestAttempt.finished_at.desc())))


def start(user: User, form_id: str, now: datetime) -> TestAttempt:
    form = form_of(form_id)
    attempt = running(user, form_id)
    if attempt is not None:
        return attempt
    if coverage(form) < OFFERED_FROM:
        raise AttemptNotFound("This exam is not ready yet: the question bank does not have its questions.")
    seed = random.getrandbits(48)
    rows = db.session.execute(sa.select(ContentItem.id, ContentItem.level, ContentItem.data).where(
        ContentItem.kind == "item", ContentItem.retired_at.is_(None))).all()
    order = assemble(form, [tuple(row) for row in rows], random.Random(seed))
    attempt = TestAttempt(user_id=user.id, form=form_id, status="running", seed=seed, started_at=now, section=0,
                          section_deadline=_deadline(form, 0, now))
    db.session.add(attempt)
    db.session.flush()
    data = {row.id: row.data for row in rows}
    for position, (section, item_id) in enumerate(order):
        options = list(range(len(data[item_id]["options"])))
        random.Random(f"{seed}:{item_id}").shuffle(options)
        db.session.add(TestResponse(attempt_id=attempt.id, item_id=item_id, position=position, section=section,
                                    option_order=options, shown_at=now))
    db.session.commit()
    return attempt


def attempt_of(user: User, attempt_id: int) -> TestAttempt:
    attempt = db.session.get(TestAttempt, attempt_id)
    if attempt is None or attempt.user_id != user.id or attempt.form not in exams.FORMS:
        raise AttemptNotFound("There is no such exam.")       # someone else's looks like none
    return attempt


def catch_up(attempt: TestAttempt, now: datetime) -> None:
    """Close every section whose time is over (the browser's timer only shows the server's)."""
    form = exams.FORMS[attempt.form]
    changed = False
    while attempt.status == "running" and attempt.section_deadline is not None and now >= attempt.section_deadline:
        _next_section(attempt, form, attempt.section_deadline)
        changed = True
    if changed:
        db.session.commit()


def _next_section(attempt: TestAttempt, form: ExamForm, at: datetime) -> None:
    if attempt.section + 1 < len(form.sections):
        attempt.section += 1
        attempt.section_deadline = _deadline(form, attempt.section, at)
    else:
        score(attempt, at)


def save_answer(user: User, attempt_id: int, response_id: int, shown_choice: int | None, now: datetime) -> None:
    """Keep the candidate's choice (its place on screen; None to clear it) for a question of the open
    section. After the deadline, or for a question of another section or attempt, nothing changes."""
    attempt = attempt_of(user, attempt_id)
    catch_up(attempt, now)
    if attempt.status != "running":
        raise Closed("This exam is over: time is up.")
    response = next((r for r in attempt.responses if r.id == response_id), None)
    if response is None:
        raise Closed("That question is not part of this exam.")
    if response.section != attempt.section:
        raise Closed("That section is closed: time is up or it was handed in.")
    if shown_choice is not None and not 0 <= shown_choice < len(response.option_order):
        raise MockError("Choose one of the answers.")
    response.choice = None if shown_choice is None else response.option_order[shown_choice]
    response.answered_at = now
    db.session.commit()


def submit_section(user: User, attempt_id: int, section: int, now: datetime) -> TestAttempt:
    """Hand in the open section before its time is up (a repeated hand-in changes nothing)."""
    attempt = attempt_of(user, attempt_id)
    catch_up(attempt, now)
    if attempt.status == "running" and attempt.section == section:
        _next_section(attempt, exams.FORMS[attempt.form], now)
        db.session.commit()
    return attempt


# --- the score ---------------------------------------------------------------------------------------

def score(attempt: TestAttempt, now: datetime) -> None:
    """Mark every answer, estimate ability per scoring section, scale, apply the official rule."""
    form = exams.FORMS[attempt.form]
    data = {row.id: (row.level, row.data) for row in db.session.scalars(
        sa.select(ContentItem).where(ContentItem.id.in_([r.item_id for r in attempt.responses])))}
    by_scoring: dict[str, tuple[list, list]] = {s.key: ([], []) for s in form.scoring}
    by_type: dict[str, dict[str, int]] = {}
    review = []
    known = calibration.calibrations()
    for response in attempt.responses:
        level, item = data[response.item_id]
        response.correct = response.choice == item["answer"]
        scoring = exams.scoring_key(form, response.section, item["type"])
        params = calibration.params_of(response.item_id, level, item, known)
        by_scoring[scoring][0].append(params)
        by_scoring[scoring][1].append(response.correct)
        counts = by_type.setdefault(item["type"], {"right": 0, "total": 0})
        counts["total"] += 1
        counts["right"] += int(response.correct)
        if not response.correct:
            review.append(response.item_id)
    scores, posteriors = {}, {}
    for section in form.scoring:
        given, answers = by_scoring[section.key]
        est = irt.estimate(given, answers)
        posteriors[section.key] = (est.theta, est.se)
        scores[section.key] = exams.scaled(form, section, est.theta)
    if form.kind == "care":
        right = sum(r.correct for r in attempt.responses)
        scores, total = {"care": right}, right
        verdict, band = exams.Verdict(None, ()), None
    elif form.kind == "jft":
        total = scores["jft"]
        passed = total >= form.pass_total
        verdict = exams.Verdict(passed, () if passed else (f"score {total} is below 200, the A2 line",),
                                () if passed else ({"why": "total", "score": total, "needed": form.pass_total},))
        band = exams.jft_band(total)
    else:
        total = sum(scores.values())
        verdict = exams.jlpt_verdict(form, scores)
        band = None
    attempt.result = {
        "scores": scores, "total": total, "passed": verdict.passed, "reasons": list(verdict.reasons),
        "details": list(verdict.details),
        "abilities": {key: [round(theta, 3), round(sd, 3)] for key, (theta, sd) in posteriors.items()},
        "band": band, "pass_probability": None if form.kind == "care" else
        round(exams.pass_probability(form, posteriors, seed=attempt.seed % 2**32), 3),
        "types": by_type, "review": review, "answered": sum(r.choice is not None for r in attempt.responses),
        "questions": len(attempt.responses),
    }
    attempt.status = "finished"
    attempt.finished_at = now
    attempt.section_deadline = None


def section_responses(attempt: TestAttempt) -> list[TestResponse]:
    return [r for r in attempt.responses if r.section == attempt.section]


def remaining_seconds(attempt: TestAttempt, now: datetime) -> int:
    if attempt.section_deadline is None:
        return 0
    return max(0, int((attempt.section_deadline - now).total_seconds()))
