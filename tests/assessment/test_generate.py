"""Generated items: distractors are near-misses, and none is also right (the real engine checks)."""

import random

import pytest

from app import japanese
from app.assessment import generate
from app.assessment.generate import Word


@pytest.mark.parametrize("reading, expected", [
    ("えいが", {"えが", "ええが"}),             # vowel length, spelled as it sounds
    ("がっこう", {"かっこう", "がこう", "がっこ"}),  # voicing, small っ, long vowel
    ("きょう", {"きよう", "ぎょう", "きょお"}),
])
def test_reading_variants_are_the_usual_confusions(reading, expected):
    assert expected <= set(generate.reading_variants(reading))


def test_a_kanji_reading_item_has_one_right_reading():
    item = generate.kanji_reading_item(Word("学校", "がっこう", "N5", "学校へ行きます。"), random.Random(1))
    assert item["stem"] == "＿学校＿へ行きます。"
    right = item["options"][item["answer"]]
    assert right == "がっこう" and len(set(item["options"])) == 4
    assert all(option != japanese.to_hiragana(japanese.reading("学校")) for i, option in enumerate(item["options"])
               if i != item["answer"])


def test_words_the_engine_reads_otherwise_are_left_out():
    assert generate.kanji_reading_item(Word("学校", "がくこう", "N5"), random.Random(1)) is None
    assert generate.kanji_reading_item(Word("たべる", "たべる", "N5"), random.Random(1)) is None


def test_an_orthography_item_tempts_with_same_sound_kanji_that_are_not_words():
    by_sound = generate.index_kanji_sounds([("会", ["カイ", "エ"]), ("社", ["シャ"]), ("回", ["カイ"]), ("海", ["カイ"]),
                                            ("界", ["カイ"]), ("者", ["シャ"]), ("車", ["シャ"])])
    item = generate.orthography_item(Word("会社", "かいしゃ", "N5"), by_sound, random.Random(2))
    assert item["options"][item["answer"]] == "会社" and item["stem"] == "＿かいしゃ＿"
    for i, option in enumerate(item["options"]):
        if i != item["answer"]:
            assert option != "会社" and len(option) == 2


def test_kana_items_ask_for_the_kana_of_a_romaji_in_one_script():
    kana = [("か", "ka"), ("き", "ki"), ("く", "ku"), ("け", "ke"), ("こ", "ko"), ("カ", "ka"), ("キ", "ki"),
            ("ク", "ku"), ("ケ", "ke"), ("コ", "ko")]
    for item in generate.kana_items(kana, 6, random.Random(3)):
        key = item["options"][item["answer"]]
        assert dict(kana)[key] == item["stem"]
        scripts = {"\u30a0" <= option <= "\u30ff" for option in item["options"]}
        assert len(scripts) == 1
