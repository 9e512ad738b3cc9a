"""Course map, lesson page with exercises and progress, word/kanji/grammar pages, kana, search."""

import re
from pathlib import Path

import pytest
import sqlalchemy as sa

from app.curriculum import loader, sync
from app.extensions import db
from app.models import LessonProgress, utcnow
from tests.conftest import csrf_token
from tests.factories import create_user

GOOD = Path(__file__).parents[1] / "fixtures" / "content" / "good"


@pytest.fixture
def learner(app, client, auth):
    sync.sync(db.session, loader.load(GOOD), now=utcnow())
    db.session.commit()
    user = create_user(email="sana@example.com")
    auth.login("sana@example.com")
    return user


def _submit(client, answers: dict):
    data = {"csrf_token": csrf_token(client, "/lesson/n5.l01"), **answers}
    return client.post("/lesson/n5.l01", data=data)


ALL_RIGHT = {"answer-0": "0", "answer-1": "wa", "answer-2": ["0", "1", "2", "3"], "answer-3": "0", "answer-4": "nihon"}


@pytest.mark.parametrize("path", ["/course", "/lesson/n5.l01", "/word/n5.v.taberu", "/kanji/n5.k.日",
                                  "/grammar/n5.g.wa-desu", "/kana", "/search?q=taberu"])
def test_pages_need_a_login(client, path):
    assert client.get(path).status_code == 302


@pytest.mark.parametrize("path", ["/lesson/n5.l99", "/lesson/n5.v.taberu", "/word/n5.k.日", "/kanji/nope",
                                  "/grammar/n5.l01"])
def test_unknown_or_wrong_kind_ids_are_404(client, learner, path):
    assert client.get(path).status_code == 404


def test_course_map_lists_lessons_with_progress(client, learner):
    page = client.get("/course").get_data(as_text=True)
    assert "JLPT N5" in page and "Nice to meet you" in page and "0 of 1 lessons done" in page
    _submit(client, ALL_RIGHT)
    assert "1 of 1 lessons done" in client.get("/course").get_data(as_text=True)


def test_lesson_page_shows_words_kanji_grammar_dialogue_with_furigana(client, learner):
    page = client.get("/lesson/n5.l01").get_data(as_text=True)
    assert "<ruby>食<rt>た</rt></ruby>べる" in page          # the new word, its reading over its kanji
    assert 'href="/kanji/n5.k.%E6%97%A5"' in page or 'href="/kanji/n5.k.日"' in page
    assert "〜は〜です" in page
    assert "<ruby>日本人<rt>にほんじん</rt></ruby>" in page or "<ruby>日本<rt>にほん</rt></ruby>" in page
    assert '<p class="ja big-ja" lang="ja" dir="ltr">人</p>' in page  # no furigana in a reading question


def test_all_right_completes_the_lesson(client, learner):
    page = _submit(client, ALL_RIGHT).get_data(as_text=True)
    assert "5 of 5 right." in page and "Lesson complete!" in page
    row = db.session.scalar(sa.select(LessonProgress))
    assert (row.attempts, row.best_score) == (1, 1.0) and row.completed_at is not None


def test_wrong_answers_show_the_right_ones_and_do_not_complete(client, learner):
    page = _submit(client, {"answer-0": "1", "answer-1": "ga", "answer-2": ["3", "2", "1", "0"],
                            "answer-3": "0", "answer-4": ""}).get_data(as_text=True)
    assert "1 of 5 right." in page
    assert re.search(r"The answer:\s*<bdi lang=\"ja\">わたしはがくせいです</bdi>", page)
    row = db.session.scalar(sa.select(LessonProgress))
    assert row.completed_at is None and row.best_score == pytest.approx(0.2)


def test_best_score_is_kept_and_attempts_counted(client, learner):
    _submit(client, ALL_RIGHT)
    _submit(client, {})
    row = db.session.scalar(sa.select(LessonProgress))
    assert (row.attempts, row.best_score) == (2, 1.0) and row.completed_at is not None


@pytest.mark.parametrize("typed", ["wa", "わ", "は", "ha", "ワ", " は ", "ｗａ"])
def test_typed_answers_accept_romaji_and_katakana(client, learner, typed):
    page = _submit(client, {**ALL_RIGHT, "answer-1": typed}).get_data(as_text=True)
    assert "5 of 5 right." in page


@pytest.mark.parametrize("bad", [{"answer-0": "99"}, {"answer-0": "x"}, {"answer-2": ["9", "a"]}, {"answer-1": "x" * 5000}])
def test_malformed_answers_are_wrong_not_errors(client, learner, bad):
    response = _submit(client, {**ALL_RIGHT, **bad})
    assert response.status_code == 200 and "4 of 5 right." in response.get_data(as_text=True)


def test_submitting_without_csrf_is_refused(client, learner):
    assert client.post("/lesson/n5.l01", data=ALL_RIGHT).status_code == 400
    assert db.session.scalar(sa.select(sa.func.count(LessonProgress.id))) == 0


def test_word_kanji_and_grammar_pages(client, learner):
    word = client.get("/word/n5.v.taberu").get_data(as_text=True)
    assert "to eat" in word and "taberu" in word and "group 2" in word
    kanji = client.get("/kanji/n5.k.日").get_data(as_text=True)
    assert "ニチ" in kanji and "日本" in kanji   # the words that use it
    grammar = client.get("/grammar/n5.g.wa-desu").get_data(as_text=True)
    assert "<ruby>" in grammar and "Common mistakes" in grammar


def test_urdu_pages_show_urdu_content(client, learner):
    client.post("/language", data={"locale": "ur", "csrf_token": csrf_token(client, "/")})
    assert "کھانا" in client.get("/word/n5.v.taberu").get_data(as_text=True)
    assert "آپ سے مل کر خوشی ہوئی" in client.get("/course").get_data(as_text=True)


@pytest.mark.parametrize("query, expected", [
    ("taberu", "n5.v.taberu"), ("たべる", "n5.v.taberu"), ("タベル", "n5.v.taberu"), ("食べる", "n5.v.taberu"),
    ("eat", "n5.v.taberu"), ("کھانا", "n5.v.taberu"), ("日", "n5.k.日"), ("student", "n5.v.gakusei"),
    ("X is Y", "n5.g.wa-desu"),
])
def test_search_by_kana_romaji_kanji_english_or_urdu(client, learner, query, expected):
    page = client.get("/search", query_string={"q": query}).get_data(as_text=True)
    assert expected in page or expected.replace("日", "%E6%97%A5") in page


@pytest.mark.parametrize("query", ["%", "_", "<script>", "'; DROP TABLE content_item; --", "x" * 500])
def test_hostile_searches_are_harmless(client, learner, query):
    response = client.get("/search", query_string={"q": query})
    assert response.status_code == 200 and "<script>" not in response.get_data(as_text=True).split("<main")[1]


@pytest.mark.parametrize("char, status", [("日", 200), ("あ", 200), ("ア", 200), ("x", 404), ("<", 404), ("日本", 404)])
def test_stroke_order_drawings(client, char, status):
    with client.get(f"/strokes/{char}.svg") as response:
        assert response.status_code == status
        if status == 200:
            assert response.mimetype == "image/svg+xml" and "<path" in response.get_data(as_text=True)
            assert "immutable" in response.headers["Cache-Control"]
            assert "<!DOCTYPE" not in response.get_data(as_text=True)


def test_kanji_page_shows_stroke_order(client, learner):
    assert '<img class="strokes" src="/strokes/' in client.get("/kanji/n5.k.日").get_data(as_text=True)


def test_home_points_to_the_next_lesson_until_it_is_done(client, learner):
    assert 'href="/lesson/n5.l01"' in client.get("/").get_data(as_text=True)
    _submit(client, ALL_RIGHT)
    assert "You have done every lesson that is open." in client.get("/").get_data(as_text=True)


def test_reader_leaves_out_furigana_on_kanji_of_finished_lessons(client, learner):
    def read():
        return client.post("/reader", data={"text": "日本の大学", "furigana": "unknown", "known": "lessons",
                                             "csrf_token": csrf_token(client, "/reader")}).get_data(as_text=True)

    assert "<ruby>日本<rt>にほん</rt></ruby>" in read()
    _submit(client, ALL_RIGHT)                      # lesson 1 teaches 日 and 本
    page = read()
    assert "<ruby>日本<rt>" not in page and "<ruby>大学<rt>だいがく</rt></ruby>" in page


@pytest.mark.parametrize("text, html", [
    ("فعل کی て شکل + もいいです لگائیں۔", 'فعل کی <bdi lang="ja">て</bdi> شکل + <bdi lang="ja">もいいです</bdi> لگائیں۔'),
    ("Use 〜てください.", 'Use <bdi lang="ja">〜てください</bdi>.'),
    ("<b>x</b> 日本", '&lt;b&gt;x&lt;/b&gt; <bdi lang="ja">日本</bdi>'),
    ("درجہ (特定技能1号) اور 3 سال", 'درجہ (<bdi lang="ja">特定技能1号</bdi>) اور 3 سال'),
    ("مثال: 窓が割れていますから、気をつけてください。", 'مثال: <bdi lang="ja" class="wrap">窓が割れていますから、気をつけてください。</bdi>'),
    ("", ""),
])
def test_japanese_inside_urdu_or_english_is_isolated_and_escaped(text, html):
    from app.learn.routes import isolate_japanese
    assert str(isolate_japanese(text)) == html


def test_the_course_map_lists_workplace_modules(client, learner):
    page = client.get("/course").get_data(as_text=True)
    assert "Japanese for work" in page and 'href="/module/module.care"' in page


def test_a_module_page_shows_words_dialogues_notices_and_marks_exercises(client, learner):
    page = client.get("/module/module.care").get_data(as_text=True)
    assert "Care work" in page and "<ruby>介護<rt>かいご</rt></ruby>" in page
    assert "Conversation 1" in page and "A notice" in page
    data = {"csrf_token": csrf_token(client, "/module/module.care"), "answer-0": "0", "answer-1": "shokuji",
            "answer-2": "0", "answer-3": ["0", "1", "2"], "answer-4": "かいご"}
    page = client.post("/module/module.care", data=data).get_data(as_text=True)
    assert "5 of 5 right." in page
    assert "✓" in client.get("/course").get_data(as_text=True)
    assert client.get("/module/module.farm").status_code == 404
    assert client.get("/module/n5.l01").status_code == 404


def test_module_words_are_found_and_have_pages(client, learner):
    found = client.get("/search?q=kaigo").get_data(as_text=True)
    assert 'href="/word/care.v.kaigo"' in found and '<span class="tag">work</span>' in found
    word = client.get("/word/care.v.kaigo").get_data(as_text=True)
    assert "<dd>work</dd>" in word and '<a href="/module/module.care">Taught in: Care work</a>' in word


@pytest.mark.parametrize("query", ["care work", "نگہداشت کا کام"])
def test_search_finds_a_workplace_module_by_its_title(client, learner, query):
    assert 'href="/module/module.care"' in client.get("/search", query_string={"q": query}).get_data(as_text=True)


@pytest.mark.parametrize("path", ["/word/item.n5.kanji-reading.eiga", "/grammar/item.n5.grammar-form.wa",
                                  "/lesson/item.n5.task.kaban", "/module/item.n5.task.kaban",
                                  "/audio/item.n5.task.kaban/0.ogg"])
def test_test_items_and_their_keys_are_never_shown_outside_a_test(client, learner, path):
    assert client.get(path).status_code == 404


def test_search_never_finds_test_items(client, learner):
    page = client.get("/search?q=えいが").get_data(as_text=True)
    assert "item.n5" not in page and "映画" not in page
