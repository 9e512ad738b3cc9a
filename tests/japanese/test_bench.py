"""The benchmarks run, print their summary line, and work without ../shared."""

from __future__ import annotations

import re
from pathlib import Path

from bench import furigana, readings


def test_furigana_bench_without_the_dev_set(monkeypatch, capsys):
    monkeypatch.setattr(furigana, "DEV_SET", Path("/nonexistent/readings_dev.tsv"))
    assert furigana.main(["--size", "4000", "--runs", "1"]) == 0
    out = capsys.readouterr().out
    assert "built-in sentences" in out
    assert re.search(r"^furigana: \d+\.\d\d x bare fugashi \(uncached\), \d+\.\d\d x \(cached\)$", out, re.M)


def test_readings_bench_skips_without_the_dev_set(capsys):
    assert readings.main(["--dev-set", "/nonexistent/readings_dev.tsv"]) == 0
    assert "skipped" in capsys.readouterr().out
