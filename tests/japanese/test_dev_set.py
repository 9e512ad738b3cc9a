"""The engine against the development set in ../shared (skipped when it is not there)."""

from __future__ import annotations

import pytest

from app.japanese import reading
from bench.readings import DEV_SET, comparable, edit_distance, load_dev_set, score


@pytest.mark.skipif(not DEV_SET.exists(), reason="no ../shared/data/readings_dev.tsv")
def test_dev_set_accuracy():
    accuracy, cer, _, _ = score(reading, load_dev_set())
    assert accuracy >= 0.95
    assert cer < 0.01


@pytest.mark.parametrize(("text", "expected"), [
    ("とーきょー、です。", "とーきょーです"),      # punctuation dropped, ー kept
    ("カタカナ ＡＢＣ", "かたかなABC"),           # NFKC, katakana to hiragana, spaces dropped
])
def test_comparable(text, expected):
    assert comparable(text) == expected


def test_edit_distance():
    assert edit_distance("かんじ", "かじ") == 1
    assert edit_distance("", "あい") == 2
