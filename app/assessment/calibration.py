"""Re-estimating item parameters from learners' answers (`flask items calibrate`). Owns its commit.

Alternates, a few rounds: every attempt's ability from its answers with the current parameters, then
each item's a and b from the abilities of those who answered it (priors keep a few answers from
swinging an item far). Items marked `anchor: true` in their content stay fixed: they hold the scale
to the levels' cuts. Items with too few answers keep their prior.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import numpy as np
import sqlalchemy as sa

from app.assessment import irt
from app.curriculum.schema import ITEM_TYPES
from app.extensions import db
from app.models import ContentItem, ItemCalibration, TestResponse

MISFIT_LIMIT = 0.10


def params_of(item_id: str, level: str, data: dict, calibrated: dict[str, ItemCalibration]) -> irt.ItemParams:
    """An item's parameters: calibrated from answers, else written in its content, else its prior."""
    section = ITEM_TYPES[data["type"]]
    found = calibrated.get(item_id)
    if found is not None and not (data.get("irt") or {}).get("anchor"):
        return irt.ItemParams(item_id, found.a, found.b, found.c, section, level)
    return irt.prior_params(item_id, level, section, data.get("irt"))


def calibrations() -> dict[str, ItemCalibration]:
    return {row.item_id: row for row in db.session.scalars(sa.select(ItemCalibration))}


@dataclass(frozen=True)
class Report:
    answers: int
    attempts: int
    calibrated: int
    misfitting: list[tuple[str, float]]


def calibrate(now: datetime, min_responses: int = 50, rounds: int = 3) -> Report:
    items = {row.id: (row.level, row.data) for row in db.session.scalars(
        sa.select(ContentItem).where(ContentItem.kind == "item", ContentItem.retired_at.is_(None)))}
    rows = db.session.execute(sa.select(TestResponse.attempt_id, TestResponse.item_id, TestResponse.correct)
                              .where(TestResponse.correct.is_not(None))).all()
    rows = [row for row in rows if row.item_id in items]
    params = {item_id: params_of(item_id, level, data, {}) for item_id, (level, data) in items.items()}
    anchors = {item_id for item_id, (_, data) in items.items() if (data.get("irt") or {}).get("anchor")}
    by_attempt: dict[int, list[tuple[str, bool]]] = {}
    by_item: dict[str, list[tuple[int, bool]]] = {}
    for attempt_id, item_id, correct in rows:
        by_attempt.setdefault(attempt_id, []).append((item_id, correct))
        by_item.setdefault(item_id, []).append((attempt_id, correct))
    fitted: dict[str, irt.Fitted] = {}
    for _ in range(rounds):
        theta = {attempt_id: irt.estimate([params[i] for i, _ in answers], [c for _, c in answers]).theta
                 for attempt_id, answers in by_attempt.items()}
        for item_id, answers in by_item.items():
            if item_id in anchors or len(answers) < min_responses:
                continue
            thetas = np.array([theta[a] for a, _ in answers])
            right = np.array([c for _, c in answers], dtype=bool)
            level, data = items[item_id]
            prior = irt.prior_params(item_id, level, ITEM_TYPES[data["type"]], data.get("irt"))
            fitted[item_id] = irt.fit_item(thetas, right, prior)
            params[item_id] = irt.ItemParams(item_id, fitted[item_id].a, fitted[item_id].b, fitted[item_id].c,
                                             prior.section, level)
    existing = calibrations()
    for item_id, fit in fitted.items():
        row = existing.get(item_id) or ItemCalibration(item_id=item_id)
        row.a, row.b, row.c, row.responses, row.misfit, row.updated_at = fit.a, fit.b, fit.c, fit.n, fit.misfit, now
        db.session.add(row)
    db.session.commit()
    misfitting = sorted(((i, f.misfit) for i, f in fitted.items() if f.misfit > MISFIT_LIMIT), key=lambda x: -x[1])
    return Report(len(rows), len(by_attempt), len(fitted), misfitting)
