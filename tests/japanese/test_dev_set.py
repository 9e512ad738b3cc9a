"""The engine against the development set in ../shared (skipped when it is not there), and against
our own learner sentences (tests/japanese/data/, gold readings written by hand without the engine)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.japanese import reading
from bench.readings import DEV_SET, comparable, edit_distance, load_dev_set, score

LEARNER_SETS = sorted((Path(__file__).parent / "data").glob("learner_sentences*.tsv"))


@pytest.mark.skipif(not DEV_SET.exists(), reason="no ../shared/data/readings_dev.tsv")
def test_dev_set_accuracy():
    accuracy, cer, _, _ = score(reading, load_dev_set())
    assert accuracy >= 0.95
    assert cer < 0.01


@pytest.mark.parametrize("path", LEARNER_SETS, ids=lambda p: p.name)
def test_learner_sentences(path):
    """Ordinary learner Japanese (numbers, counters, dates, 何, rendaku, words read by context):
    the issue's bar of 97 in 100 sentences exactly right."""
    rows = load_dev_set(path)
    assert len(rows) >= 200
    accuracy, _, errors, _ = score(reading, rows)
    assert accuracy >= 0.97, errors[:10]


@pytest.mark.parametrize(("text", "expected"), [
    ("とーきょー、です。", "とーきょーです"),      # punctuation dropped, ー kept
    ("カタカナ ＡＢＣ", "かたかなABC"),           # NFKC, katakana to hiragana, spaces dropped
])
def test_comparable(text, expected):
    assert comparable(text) == expected


def test_edit_distance():
    assert edit_distance("かんじ", "かじ") == 1
    assert edit_distance("", "あい") == 2
