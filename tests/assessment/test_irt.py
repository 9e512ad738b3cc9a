"""IRT: the 3PL model, EAP ability, bands, and the adaptive test's choices. Pure numpy."""

import numpy as np
import pytest

from app.assessment import irt
from app.assessment.irt import CatRules, ItemParams


def test_probability_runs_from_guessing_to_certainty():
    assert irt.p_right(-10, 1.2, 0, 0.2) == pytest.approx(0.2, abs=1e-3)
    assert irt.p_right(10, 1.2, 0, 0.2) == pytest.approx(1.0, abs=1e-3)
    assert irt.p_right(0, 1.2, 0, 0.2) == pytest.approx(0.6)              # halfway above the guess
    thetas = np.linspace(-3, 3, 13)
    assert np.all(np.diff(irt.p_right(thetas, 1.0, 0.5, 0.2)) > 0)


def test_information_is_highest_near_the_difficulty():
    thetas = np.linspace(-4, 4, 801)
    peak = thetas[np.argmax(irt.information(thetas, 1.5, 1.0, 0.2))]
    assert 1.0 <= peak <= 1.5                          # a guessing floor moves the peak a little above b
    assert irt.information(1.0, 2.0, 1.0, 0.2) > irt.information(1.0, 1.0, 1.0, 0.2)


@pytest.mark.parametrize("theta, band", [(-2.5, "below N5"), (-2.0, "N5"), (-1.5, "N5"), (-0.2, "N4"),
                                         (0.5, "N3"), (1.5, "N2"), (2.0, "N1"), (4.0, "N1")])
def test_bands_by_cut(theta, band):
    assert irt.band_of(theta) == band


def test_estimate_starts_at_the_prior_and_moves_with_answers():
    none = irt.estimate([], [])
    assert none.theta == pytest.approx(irt.PRIOR_MEAN, abs=0.01) and none.se == pytest.approx(irt.PRIOR_SD, abs=0.05)
    items = [ItemParams(f"i{k}", 1.2, b, 0.2) for k, b in enumerate(np.linspace(-2, 2, 9))]
    high = irt.estimate(items, [True] * 9)
    low = irt.estimate(items, [False] * 9)
    mixed = irt.estimate(items, [True] * 5 + [False] * 4)
    assert low.theta < mixed.theta < high.theta and mixed.se < none.se
    assert sum(high.band_probs.values()) == pytest.approx(1.0)


def test_ability_is_recovered_from_many_answers():
    rng = np.random.default_rng(1)
    items = [ItemParams(f"i{k}", 1.3, b, 0.2) for k, b in enumerate(rng.uniform(-3, 3, 300))]
    for true in (-2.5, 0.0, 1.7):
        answers = [bool(rng.random() < irt.p_right(true, i.a, i.b, i.c)) for i in items]
        est = irt.estimate(items, answers)
        assert abs(est.theta - true) < 3 * est.se and est.se < 0.2


def test_next_item_never_repeats_and_balances_sections():
    bank = [ItemParams(f"{s}{k}", 1.0, b, 0.2, s) for s in ("vocabulary", "grammar", "reading", "listening")
            for k, b in enumerate(np.linspace(-3, 3, 20))]
    rng = np.random.default_rng(3)
    given, used = [], set()
    for _ in range(20):
        item = irt.next_item(bank, used, given, 0.0, rng)
        assert item.id not in used
        used.add(item.id)
        given.append(item)
    shares = {s: sum(i.section == s for i in given) / 20 for s in irt.SECTION_SHARE}
    assert shares == pytest.approx(irt.SECTION_SHARE, abs=0.06)


def test_the_first_item_varies_between_examinees():
    bank = [ItemParams(f"v{k}", 1.0, b, 0.2) for k, b in enumerate(np.linspace(-3, 3, 60))]
    firsts = {irt.next_item(bank, set(), [], -0.5, np.random.default_rng(seed)).id for seed in range(40)}
    assert len(firsts) >= 4


def test_stopping_rules():
    rules = CatRules()
    sure = irt.Estimate(0.0, 0.2, {"N3": 0.5, "N4": 0.5})
    unsure = irt.Estimate(0.0, 0.6, {"N3": 0.5, "N4": 0.5})
    one_band = irt.Estimate(0.0, 0.6, {"N3": 0.9, "N4": 0.1})
    assert not irt.should_stop(sure, rules.min_items - 1, rules)
    assert irt.should_stop(sure, rules.min_items, rules)
    assert not irt.should_stop(unsure, 10, rules) and irt.should_stop(unsure, rules.max_items, rules)
    assert irt.should_stop(one_band, rules.band_stop_after, rules)


def test_priors_follow_level_and_section():
    n5 = irt.prior_params("x", "N5", "grammar")
    n1 = irt.prior_params("y", "N1", "reading")
    kana = irt.prior_params("z", "kana", "vocabulary")
    assert kana.b < n5.b < n1.b and n5.c == 0.2
    assert irt.prior_params("w", "N3", "grammar", {"a": 1.7, "b": 0.4}) == ItemParams("w", 1.7, 0.4, 0.2, "grammar",
                                                                                       "N3")
