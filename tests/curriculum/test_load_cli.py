"""`flask content load | check | stats` on the real database, with the fixture course."""

import json
import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa

from app.curriculum import loader, schema
from app.extensions import db
from app.models import ContentItem
from tests.curriculum.test_checks import GOOD, _edit

REAL_CONTENT = Path(__file__).parents[2] / "content"


@pytest.fixture
def course(app, tmp_path):
    root = tmp_path / "content"
    shutil.copytree(GOOD, root)
    app.config["CONTENT_DIR"] = str(root)
    return root


def _rows() -> dict[str, ContentItem]:
    db.session.expire_all()
    return {row.id: row for row in db.session.scalars(sa.select(ContentItem))}


def test_load_then_load_again_changes_nothing(runner, course):
    first = runner.invoke(args=["content", "load"])
    assert first.exit_code == 0, first.output
    assert "content loaded: 22 added, 0 changed, 0 retired, 0 unchanged" in first.output
    second = runner.invoke(args=["content", "load"])
    assert "0 added, 0 changed, 0 retired, 22 unchanged" in second.output
    rows = _rows()
    assert rows["n5.v.taberu"].lesson_id == "n5.l01" and rows["n5.v.taberu"].headword == "食べる"
    assert rows["care.v.kaigo"].lesson_id == "module.care" and rows["module.care"].kind == "module"
    assert "taberu" in rows["n5.v.taberu"].search_text and "کھانا" in rows["n5.v.taberu"].search_text


def test_a_changed_entry_is_updated_in_place(runner, course):
    runner.invoke(args=["content", "load"])
    _edit(course, "n5/vocab/l01.yaml", "en: [to eat]", "en: [to eat, to have a meal]")
    result = runner.invoke(args=["content", "load"])
    assert "0 added, 1 changed, 0 retired" in result.output
    assert _rows()["n5.v.taberu"].data["en"] == ["to eat", "to have a meal"]


def test_a_removed_entry_is_retired_not_deleted_and_comes_back(runner, course):
    runner.invoke(args=["content", "load"])
    _edit(course, "n5/lessons/l01.yaml", "n5.v.hito, n5.v.taberu]", "n5.v.hito]")
    vocab = course / "n5/vocab/l01.yaml"
    text = vocab.read_text(encoding="utf-8")
    vocab.write_text(text[:text.index("- id: n5.v.taberu")], encoding="utf-8")
    result = runner.invoke(args=["content", "load"])
    assert "0 added, 1 changed, 1 retired" in result.output, result.output  # the lesson, and the word
    assert _rows()["n5.v.taberu"].retired_at is not None
    vocab.write_text(text, encoding="utf-8")
    _edit(course, "n5/lessons/l01.yaml", "n5.v.hito]", "n5.v.hito, n5.v.taberu]")
    assert "0 added, 2 changed, 0 retired" in runner.invoke(args=["content", "load"]).output
    assert _rows()["n5.v.taberu"].retired_at is None


def test_a_failed_load_changes_nothing(runner, course):
    runner.invoke(args=["content", "load"])
    before = {row_id: row.content_hash for row_id, row in _rows().items()}
    _edit(course, "n5/vocab/l01.yaml", "en: [to eat]", "en: [to eat, to dine]")    # a good change …
    _edit(course, "n5/kanji.yaml", "strokes: 5", "strokes: five")                  # … and a bad one
    result = runner.invoke(args=["content", "load"])
    assert result.exit_code == 1
    assert "content/n5/kanji.yaml:" in result.output and "nothing was loaded" in result.output
    assert {row_id: row.content_hash for row_id, row in _rows().items()} == before


def test_check_exit_codes(runner, course):
    assert runner.invoke(args=["content", "check"]).exit_code == 0
    _edit(course, "n5/vocab/l01.yaml", "reading: たべる", "reading: たへる")
    result = runner.invoke(args=["content", "check"])
    assert result.exit_code == 1
    assert "content/n5/vocab/l01.yaml:" in result.output and "n5.v.taberu: reading:" in result.output


def test_stats_json(runner, course):
    numbers = json.loads(runner.invoke(args=["content", "stats", "--json"]).output)
    assert numbers["levels"]["N5"] == {"grammar": 1, "items": 4, "kanji": 3, "lessons": 1, "vocab": 6,
                                       "vocab_with_example": 2}
    assert numbers["missing_ur"] == 0
    _edit(course, "n5/vocab/l01.yaml", "  ur: [طالب علم]\n", "")
    assert json.loads(runner.invoke(args=["content", "stats", "--json"]).output)["missing_ur"] == 1


def test_the_real_content_passes_the_check(runner, app):
    app.config["CONTENT_DIR"] = str(REAL_CONTENT)
    result = runner.invoke(args=["content", "check"])
    assert result.exit_code == 0, result.output


def test_the_real_content_loads_twice_without_change_and_kana_keep_their_order(runner, app, client):
    app.config["CONTENT_DIR"] = str(REAL_CONTENT)
    first = runner.invoke(args=["content", "load"])
    assert first.exit_code == 0, first.output
    again = runner.invoke(args=["content", "load"])      # idempotent: the "loading twice"
    assert "0 added, 0 changed, 0 retired" in again.output
    from app.learn import services
    chart = services.kana_chart()
    assert [k.headword for k in chart["hiragana"][:5]] == list("あいうえお")
    assert [k.headword for k in chart["katakana"][:5]] == list("アイウエオ")


def test_the_real_content_has_the_volumes_the_courses_promise(runner, app):
    """N5 and N4 at the JLPT volumes, six full workplace modules and ten starter lists, nothing
    missing Urdu (issue 9's numbers, read from `content stats --json` as a user would)."""
    app.config["CONTENT_DIR"] = str(REAL_CONTENT)
    numbers = json.loads(runner.invoke(args=["content", "stats", "--json"]).output)
    assert numbers["missing_ur"] == 0 and numbers["problems"] == 0
    n4 = numbers["levels"]["N4"]
    assert n4["vocab"] >= 600 and n4["kanji"] >= 160 and n4["grammar"] >= 80 and n4["lessons"] >= 25
    content = loader.load(REAL_CONTENT)
    modules = {m.level: m.model for m in content.of("module")}
    full = {"care", "farm", "food", "build", "factory", "it"}
    assert set(modules) == set(schema.SECTORS) and {s for s, m in modules.items() if not m.starter} == full
    for sector, module in modules.items():
        assert numbers["levels"][sector]["vocab"] == len(module.vocab), sector
        if sector in full:
            assert len(module.vocab) >= 60 and len(module.dialogues) >= 3 and module.readings, sector
            assert len(module.exercises) >= 5, sector
        else:
            assert len(module.vocab) >= 40, sector
    assert numbers["levels"]["work"]["guides"] == 1
