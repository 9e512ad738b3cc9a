"""Kana conversion, typing kana in romaji (the table shared with kana.js) and romaji output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.japanese import kana_from_romaji, romaji, to_hiragana, to_katakana

KANA_TABLE = json.loads((Path(__file__).parent / "kana_table.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("row", KANA_TABLE, ids=[row["romaji"] or "(empty)" for row in KANA_TABLE])
def test_kana_from_romaji(row):
    assert kana_from_romaji(row["romaji"], katakana_for_upper=row["katakana_for_upper"]) == row["kana"]


@pytest.mark.parametrize(("text", "expected"), [
    ("カタカナ", "かたかな"), ("コーヒー", "こーひー"),      # ー is kept
    ("ｶﾀｶﾅ", "かたかな"), ("ｶﾞｷﾞ", "がぎ"),               # half-width, voiced marks joined
    ("ヴァ", "ゔぁ"), ("ヶ月", "か月"),                    # ヶ in counters is read か
    ("漢字とABC", "漢字とABC"), ("", ""), ("a\ud800", "a\ud800"),
])
def test_to_hiragana(text, expected):
    assert to_hiragana(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("ひらがな", "ヒラガナ"), ("こーひー", "コーヒー"), ("ゔ", "ヴ"), ("漢字", "漢字"), ("", ""),
])
def test_to_katakana(text, expected):
    assert to_katakana(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("私は学生です。", "watashi wa gakusei desu."),
    ("東京へ行きます", "tōkyō e ikimasu"),                  # へ is e; long vowels take macrons
    ("本を読みました", "hon o yomimashita"),                # を is o
    ("待ってください", "matte kudasai"),                    # っ doubles the next consonant
    ("抹茶", "matcha"),                                     # っ before ch is t
    ("三本", "sanbon"), ("一匹", "ippiki"),                 # っ across the number and its counter
    ("二十歳の誕生日", "hatachi no tanjōbi"),
    ("思う", "omou"),                                       # a verb's final u is not a long vowel
    ("大きい", "ōkii"), ("先生", "sensei"),                 # えい stays ei
    ("禁煙", "kin'en"),                                     # ん before a vowel
    ("コーヒー", "kōhī"),
    ("こんにちは", "konnichiwa"),
    ("先生、こんにちは！", "sensei, konnichiwa!"),
    ("土曜日", "doyōbi"),
    ("勉強しています", "benkyō shite imasu"),
    ("", ""), ("Hello 世界", "Hello sekai"),
])
def test_romaji(text, expected):
    assert romaji(text) == expected
