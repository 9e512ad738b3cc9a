"""furigana(), ruby_html() and anki_furigana(): readings over kanji only, original text kept exactly."""

from __future__ import annotations

import html
import re
import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.japanese import align, anki_furigana, furigana, ruby_html

RT = re.compile(r"<rt>.*?</rt>", re.S)


def plain_text(ruby: str) -> str:
    """What a reader without ruby support sees: ruby_html minus the readings, unescaped."""
    return html.unescape(RT.sub("", ruby).replace("<ruby>", "").replace("</ruby>", ""))


@pytest.mark.parametrize(("text", "expected"), [
    ("食べる", [("食", "た"), ("べる", None)]),
    ("取り扱い", [("取", "と"), ("り", None), ("扱", "あつか"), ("い", None)]),
    ("お茶", [("お", None), ("茶", "ちゃ")]),
    ("申し込み", [("申", "もう"), ("し", None), ("込", "こ"), ("み", None)]),  # もう|し: not も|うし
    ("３本", [("３", "さん"), ("本", "ぼん")]),                  # full-width digit keeps its place
    ("四月一日", [("四", "し"), ("月", "がつ"), ("一日", "ついたち")]),  # read as one word: one ruby
    ("勉強します", [("勉強", "べんきょう"), ("します", None)]),
    ("コーヒー", [("コーヒー", None)]),
    ("", []),
])
def test_furigana(text, expected):
    assert furigana(text) == expected


@pytest.mark.parametrize(("base", "reading", "expected"), [
    ("食べる", "たべる", [("食", "た"), ("べる", None)]),
    ("話し合い", "はなしあい", [("話", "はな"), ("し", None), ("合", "あ"), ("い", None)]),
    ("行く", "ゆかない", [("行く", "ゆかない")]),                # kana that do not line up: whole word
    ("猫", "猫", [("猫", None)]),                                 # no reading known
])
def test_align(base, reading, expected):
    assert align(base, reading) == expected


def test_ruby_html():
    assert ruby_html("日本語を勉強する") == (
        "<ruby>日本<rt>にほん</rt></ruby><ruby>語<rt>ご</rt></ruby>を"
        "<ruby>勉強<rt>べんきょう</rt></ruby>する")


@pytest.mark.parametrize(("text", "known", "expected"), [
    ("日本語", {"日", "本"}, "日本<ruby>語<rt>ご</rt></ruby>"),
    ("日本", {"日"}, "<ruby>日本<rt>にほん</rt></ruby>"),        # one unknown kanji: the word keeps ruby
    ("食べる", {"食"}, "食べる"),
    ("３本", {"本"}, "３本"),                                      # number and counter fade together
    ("三本", {"本"}, "<ruby>三<rt>さん</rt></ruby><ruby>本<rt>ぼん</rt></ruby>"),
    ("食べる", set(), "<ruby>食<rt>た</rt></ruby>べる"),
])
def test_known_kanji_lose_their_ruby(text, known, expected):
    assert ruby_html(text, known=known) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("日本語を勉強", "日本[にほん] 語[ご]を 勉強[べんきょう]"),
    ("食べる", "食[た]べる"),
    ("お茶", "お 茶[ちゃ]"),              # without the space Anki would take お into the base
    ("<b>猫</b>", "&lt;b&gt; 猫[ねこ]&lt;/b&gt;"),
])
def test_anki_furigana(text, expected):
    assert anki_furigana(text) == expected


HOSTILE = [
    "", " ", "\u3000\u3000", "\t\n\r", "😀🇯🇵👍🏽", "Hello, world!", "ｶﾀｶﾅ ﾊﾝｶｸ", "１２３４５",
    "か\u3099き\u309a", "e\u0301\u0301", "<script>alert('漢字')</script>", "&amp; &lt; \"'",
    "a\ud800b\udfff", "\x00\x01\x7f", "㍻㌔㈱", "\ufeff日本", "日" * 1000, "漢字 " * 300,
    "一二三四五六七八九十百千万億兆" * 10, "9" * 40, "1.2.3,4,5", "何" * 20, "\u200b\u200d",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_input(text):
    html_out = ruby_html(text)
    assert plain_text(html_out) == text
    assert "<script" not in html_out
    assert "".join(base for base, _ in furigana(text)) == text
    assert "<script" not in anki_furigana(text)


def test_long_input():
    text = ("日本語の勉強は楽しい。三本の鉛筆、ＡＢＣ、😀。\n" * 5000)[:100_000]
    assert len(text) == 100_000
    assert plain_text(ruby_html(text)) == text


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_ruby_html_gives_back_the_text(text):
    assert plain_text(ruby_html(text)) == text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("日本語三本一匹何人私はのを食べる１２３ 。\n<>&ｶﾞ\u3099😀"), max_size=60))
def test_ruby_html_gives_back_japanese_text(text):
    # Japanese-heavy strings reach the number, override and rule paths far more often.
    assert plain_text(ruby_html(text)) == text


def test_threads_get_the_same_readings():
    # One tagger per thread: shared ones silently misparse.
    sentences = ["三本の鉛筆を買いました。", "私は日本人です。", "二十日に東京へ行く。"] * 50
    expected = [ruby_html(s) for s in sentences]
    results: list[list[str]] = []

    def work():
        results.append([ruby_html(s) for s in sentences])

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [expected] * 4
