"""Calibration: item parameters recovered from answers; anchors kept; misfitting items reported."""

from pathlib import Path

import numpy as np
import pytest

from app.assessment import calibration, irt
from app.curriculum import loader, sync
from app.extensions import db
from app.models import ItemCalibration, TestAttempt, TestResponse, utcnow
from tests.factories import create_user

GOOD_CONTENT = Path(__file__).parents[1] / "fixtures" / "content" / "good"


@pytest.mark.parametrize("a, b", [(1.5, 0.5), (0.8, -1.5), (2.0, 1.8)])
def test_fit_recovers_an_items_parameters(a, b):
    rng = np.random.default_rng(4)
    thetas = rng.normal(0, 1.5, 600)
    right = rng.random(600) < irt.p_right(thetas, a, b, 0.2)
    fit = irt.fit_item(thetas, right, irt.ItemParams("x", 1.0, 0.0, 0.2))
    assert abs(fit.b - b) < 0.4 and abs(fit.a - a) < 0.5 and fit.misfit < 0.06 and fit.n == 600


def test_an_item_that_behaves_against_the_model_misfits():
    rng = np.random.default_rng(5)
    thetas = rng.normal(0, 1.5, 600)
    right = rng.random(600) < irt.p_right(-thetas, 1.5, 0.0, 0.2)        # the strong get it wrong: a bad key
    assert irt.fit_item(thetas, right, irt.ItemParams("x", 1.0, 0.0, 0.2)).misfit > calibration.MISFIT_LIMIT


def test_flask_items_calibrate(app, runner):
    sync.sync(db.session, loader.load(GOOD_CONTENT), now=utcnow())
    db.session.commit()
    user = create_user(email="ali@example.com")
    truth = {"item.n5.kanji-reading.eiga": (1.4, 0.8), "item.n5.orthography.taberu": (1.2, -1.0),
             "item.n5.task.kaban": (1.0, 0.0), "item.n5.grammar-form.wa": (1.2, -1.5)}
    rng = np.random.default_rng(6)
    for n, theta in enumerate(rng.normal(0, 1.5, 300)):
        attempt = TestAttempt(user_id=user.id, form="placement", status="finished", seed=n, started_at=utcnow())
        db.session.add(attempt)
        db.session.flush()
        for position, (item_id, (a, b)) in enumerate(truth.items()):
            right = bool(rng.random() < irt.p_right(theta, a, b, 0.2))
            db.session.add(TestResponse(attempt_id=attempt.id, item_id=item_id, position=position, option_order=[0, 1],
                                        choice=0, correct=right, shown_at=utcnow()))
    db.session.commit()
    result = runner.invoke(args=["items", "calibrate", "--min-responses", "50"])
    assert result.exit_code == 0, result.output
    assert "1200 answers in 300 tests; 4 items re-estimated" in result.output
    eiga = db.session.get(ItemCalibration, "item.n5.kanji-reading.eiga")
    assert eiga.responses == 300 and eiga.b > -1.0            # its prior was -2.3: the answers moved it up
    # four answers a test give shrunken abilities, but the items come out in their true order
    b = {item_id: db.session.get(ItemCalibration, item_id).b for item_id in truth}
    assert sorted(b, key=b.get) == sorted(truth, key=lambda i: truth[i][1])
    too_few = runner.invoke(args=["items", "calibrate", "--min-responses", "1000"])
    assert "0 items re-estimated" in too_few.output


def test_anchors_stay_fixed_and_calibrated_items_are_used(app):
    data = {"type": "grammar-form", "irt": {"a": 1.2, "b": -1.5, "c": 0.2, "anchor": True}}
    found = {"x": ItemCalibration(item_id="x", a=2.0, b=0.5, c=0.2, responses=100, misfit=0.0)}
    assert calibration.params_of("x", "N5", data, found).b == -1.5
    free = {"type": "grammar-form"}
    assert calibration.params_of("x", "N5", free, found).b == 0.5
    assert calibration.params_of("y", "N5", free, found).b == irt.prior_params("y", "N5", "grammar").b
