"""`flask jp`: the engine from the shell, without a database."""

from app import create_app
from config import TestingConfig


def _runner():
    return create_app(TestingConfig, SQLALCHEMY_DATABASE_URI="sqlite:////nonexistent/dir/db.sqlite").test_cli_runner()


def test_jp_reading_prints_one_reading_a_line():
    result = _runner().invoke(args=["jp", "reading"], input="三本の木\n私は日本人です\n\n4時\n")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == ["さんぼんのき", "わたしはにほんじんです", "", "よじ"]


def test_jp_furigana_prints_the_anki_form():
    result = _runner().invoke(args=["jp", "furigana", "日本語を勉強する"])
    assert result.exit_code == 0
    # Anki needs a space before each base that follows other text.
    assert result.output.strip() in ("日本語[にほんご]を 勉強[べんきょう]する",
                                     "日本[にほん] 語[ご]を 勉強[べんきょう]する")
