"""The Reader: furigana in three modes, the word list with levels, the level share, and bad input."""

import pytest

from app.learn import jlpt
from app.learn.reader import MAX_CHARS, UNLISTED, read_text
from tests.conftest import csrf_token
from tests.factories import create_user


def test_furigana_on_every_kanji():
    result = read_text("私は日本語を勉強します。")
    assert "<ruby>私<rt>わたし</rt></ruby>は" in result.ruby
    assert "<ruby>勉強<rt>べんきょう</rt></ruby>" in result.ruby


def test_furigana_only_on_kanji_above_the_learners_level():
    result = read_text("日本の経済", furigana="unknown", known_kanji=jlpt.kanji_up_to("N5"))
    assert "<ruby>日本<rt>" not in result.ruby       # N5 kanji: the learner reads them alone
    assert "<ruby>経済<rt>けいざい</rt></ruby>" in result.ruby


def test_no_furigana():
    assert "<ruby>" not in read_text("日本語", furigana="none").ruby


def test_words_are_listed_once_in_dictionary_form_with_level_and_meaning():
    result = read_text("猫が魚を食べた。猫は寝ている。")
    by_spelling = {w.spelling: w for w in result.words}
    assert by_spelling["猫"].count == 2 and by_spelling["猫"].level in jlpt.LEVELS
    eat = by_spelling["食べる"]
    assert (eat.reading, eat.level) == ("たべる", "N5")
    assert "to eat" in eat.meanings
    assert eat.segments == (("食", "た"), ("べる", None))


@pytest.mark.parametrize("text, spelling, reading", [
    ("私は", "私", "わたし"),          # the list says わたくし; learners are taught わたし
    ("勉強した", "勉強", "べんきょう"),
    ("日本へ行った", "行く", "いく"),
])
def test_word_readings_come_from_the_engine(text, spelling, reading):
    words = {w.spelling: w for w in read_text(text).words}
    assert words[spelling].reading == reading


def test_a_word_written_in_kana_is_looked_up_in_kana():
    words = {w.spelling for w in read_text("子供がいる。").words}
    assert "いる" in words and "居る" not in words


def test_level_share_sums_to_one_and_leaves_out_particles_and_names():
    result = read_text("田中さんは毎日学校へ行きます。")
    assert abs(sum(result.level_share.values()) - 1) < 1e-9
    assert "田中" not in {w.spelling for w in result.words}
    assert "は" not in {w.spelling for w in result.words}
    assert result.level_share["N5"] > 0.5


def test_unlisted_words_are_counted_as_other():
    result = read_text("量子コンピュータ")
    assert result.level_share[UNLISTED] > 0


@pytest.mark.parametrize("text", ["", "   ", "😀🎌", "hello", "<script>alert(1)</script>", "ｶﾀｶﾅ", "\ud800",
                                  "e\u0301", "１２３"])
def test_hostile_text_never_raises_and_is_escaped(text):
    result = read_text(text)
    assert "<script>" not in result.ruby


# --- The page -------------------------------------------------------------------------------------

@pytest.fixture
def reader(client, auth):
    create_user(email="sana@example.com")
    auth.login("sana@example.com")
    return client


def _post(client, **fields):
    data = {"text": "三本の木", "furigana": "all", "known": "N5", "csrf_token": csrf_token(client, "/reader")}
    data.update(fields)
    return client.post("/reader", data=data)


def test_reader_is_for_signed_in_users(client):
    assert client.get("/reader").status_code == 302


def test_reader_page_shows_furigana_words_and_levels(reader):
    page = _post(reader).get_data(as_text=True)
    assert ("<ruby>三本<rt>さんぼん</rt></ruby>" in page
            or "<ruby>三<rt>さん</rt></ruby><ruby>本<rt>ぼん</rt></ruby>" in page)
    assert "Words by JLPT level" in page
    assert '<ruby>木<rt>き</rt></ruby>' in page


def test_text_over_the_limit_gets_a_clear_message(reader):
    response = _post(reader, text="あ" * (MAX_CHARS + 1))
    assert response.status_code == 400
    assert "Your text has 10,001 characters; the Reader takes up to 10,000" in response.get_data(as_text=True)


def test_empty_text_is_asked_for(reader):
    response = _post(reader, text="   ")
    assert response.status_code == 400
    assert "Paste or type some Japanese first." in response.get_data(as_text=True)


def test_user_html_is_escaped_on_the_page(reader):
    page = _post(reader, text="<script>alert('x')</script>日本").get_data(as_text=True)
    assert "<script>alert" not in page
    assert "&lt;script&gt;" in page


@pytest.mark.parametrize("field, value", [("furigana", "some"), ("known", "N0")])
def test_bad_choices_are_refused(reader, field, value):
    assert _post(reader, **{field: value}).status_code == 400


def test_the_full_limit_is_read(reader):
    text = ("毎日日本語を勉強しています。" * 800)[:MAX_CHARS]
    response = _post(reader, text=text)
    assert response.status_code == 200
