"""kana.js gives the same kana as kana_from_romaji: the shared table, run in headless Chromium."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

KANA_JS = Path(__file__).resolve().parents[2] / "app" / "static" / "js" / "kana.js"
TABLE = Path(__file__).parent / "kana_table.json"


@pytest.mark.browser
def test_kana_js_matches_the_table(browser):
    table = json.loads(TABLE.read_text(encoding="utf-8"))
    page = browser.new_page()
    try:
        page.set_content("<!doctype html><meta charset=utf-8><title>kana</title>")
        page.add_script_tag(path=str(KANA_JS))
        results = page.evaluate(
            "rows => rows.map(r => window.kanaFromRomaji(r.romaji, {katakanaForUpper: r.katakana_for_upper}))",
            table)
    finally:
        page.close()
    assert results == [row["kana"] for row in table]
