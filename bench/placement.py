"""Placement: the adaptive test against a fixed 30-item test, on simulated examinees.

    python -m bench.placement [--examinees 2000] [--seed 2026]

The bank is our item bank (content/items: every level and section it has). Items that carry
calibrated parameters use them; the others are given parameters drawn around the prior of their level
and section (difficulty ± 0.5 logit, discrimination 0.7–1.6), as a calibration would spread them,
and the simulation treats those as the truth: a test of the method on a bank of our bank's shape,
not of parameters we do not have yet. Examinees' abilities spread over every band. For each
design: exact band, within one band, mean and max items, RMSE of ability, highest exposure of an item.
Last line: `placement: adaptive exact … within1 … items … | fixed30 exact … within1 …`.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

import numpy as np

from app.assessment import irt
from app.curriculum import loader
from app.curriculum.schema import ITEM_TYPES

CONTENT = Path(__file__).resolve().parents[1] / "content"


def bank_from_content(root: Path = CONTENT) -> tuple[list[irt.ItemParams], int]:
    content = loader.load(root)
    bank, calibrated = [], 0
    for entry in content.of("item"):
        item = entry.model
        section = ITEM_TYPES[item.type]
        if item.irt is not None:
            calibrated += 1
            bank.append(irt.ItemParams(item.id, item.irt.a, item.irt.b, item.irt.c, section, entry.level))
            continue
        prior = irt.prior_params(item.id, entry.level, section)
        seed = int(hashlib.sha256(item.id.encode()).hexdigest()[:8], 16)
        rng = np.random.default_rng(seed)
        bank.append(irt.ItemParams(item.id, float(rng.uniform(0.7, 1.6)), float(prior.b + rng.normal(0, 0.5)),
                                   prior.c, section, entry.level))
    return bank, calibrated


def simulate_adaptive(bank, thetas, rng, rules=None):
    rules = rules or irt.CatRules()
    bands, estimates, lengths, exposure = [], [], [], {}
    for theta in thetas:
        given, answers, used = [], [], set()
        est = irt.estimate(given, answers)
        while True:
            item = irt.next_item(bank, used, given, est.theta, rng, rules)
            if item is None:
                break
            used.add(item.id)
            given.append(item)
            answers.append(bool(rng.random() < irt.p_right(theta, item.a, item.b, item.c)))
            est = irt.estimate(given, answers)
            if irt.should_stop(est, len(given), rules):
                break
        for item in given:
            exposure[item.id] = exposure.get(item.id, 0) + 1
        bands.append(est.band)
        estimates.append(est.theta)
        lengths.append(len(given))
    return bands, estimates, lengths, exposure


def simulate_fixed(bank, thetas, rng, length=30):
    """A fixed test: the same number of items from each level (and kana), drawn per examinee."""
    by_level: dict[str, list] = {}
    for item in bank:
        by_level.setdefault(item.level, []).append(item)
    levels = sorted(by_level)
    per_level = max(1, length // len(levels))
    bands, estimates, exposure = [], [], {}
    for theta in thetas:
        given = [by_level[lv][i] for lv in levels
                 for i in rng.choice(len(by_level[lv]), min(per_level, len(by_level[lv])), replace=False)]
        answers = [bool(rng.random() < irt.p_right(theta, it.a, it.b, it.c)) for it in given]
        est = irt.estimate(given, answers)
        for item in given:
            exposure[item.id] = exposure.get(item.id, 0) + 1
        bands.append(est.band)
        estimates.append(est.theta)
    return bands, estimates, [len(given)] * len(thetas), exposure


def scores(true_thetas, bands, estimates, lengths, exposure):
    true_bands = [irt.band_of(t) for t in true_thetas]
    index = {band: i for i, band in enumerate(irt.BANDS)}
    exact = np.mean([b == t for b, t in zip(bands, true_bands, strict=True)])
    within = np.mean([abs(index[b] - index[t]) <= 1 for b, t in zip(bands, true_bands, strict=True)])
    rmse = float(np.sqrt(np.mean((np.array(estimates) - np.array(true_thetas)) ** 2)))
    return {"exact": float(exact), "within1": float(within), "items": float(np.mean(lengths)),
            "max_items": int(max(lengths)), "rmse": rmse, "exposure": max(exposure.values()) / len(true_thetas)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--examinees", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    bank, calibrated = bank_from_content()
    counts = {}
    for item in bank:
        counts[item.level] = counts.get(item.level, 0) + 1
    print(f"bank: {len(bank)} items ({calibrated} calibrated, the rest around their priors); "
          + ", ".join(f"{lv} {n}" for lv, n in sorted(counts.items())))
    rng = np.random.default_rng(args.seed)
    thetas = rng.uniform(-3.5, 3.0, args.examinees)        # every band, below N5 to N1
    adaptive = scores(thetas, *simulate_adaptive(bank, thetas, np.random.default_rng(args.seed + 1)))
    fixed = scores(thetas, *simulate_fixed(bank, thetas, np.random.default_rng(args.seed + 2)))
    for name, s in (("adaptive", adaptive), ("fixed 30", fixed)):
        # the examinees are a sample: exact accuracy carries a binomial error (about ±0.019 at 2,000)
        margin = 1.96 * np.sqrt(s["exact"] * (1 - s["exact"]) / args.examinees)
        print(f"{name:9} exact {s['exact']:.3f} (95 % {s['exact'] - margin:.3f}–{s['exact'] + margin:.3f})  "
              f"within one band {s['within1']:.3f}  items mean {s['items']:.1f} "
              f"max {s['max_items']}  RMSE {s['rmse']:.2f}  highest exposure {s['exposure']:.0%}")
    print(f"placement: adaptive exact {adaptive['exact']:.3f} within1 {adaptive['within1']:.3f} "
          f"items {adaptive['items']:.1f} | fixed30 exact {fixed['exact']:.3f} within1 {fixed['within1']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
