"""Card kinds: the questions they ask and how answers are marked. Pure."""

import random

import pytest

from app.practice.cards import BLANK, CARD_KINDS, cloze_gap, kanji_readings, mark

TABERU = {"word": "食べる", "reading": "たべる", "en": ["to eat"], "ur": ["کھانا"]}
OTHERS = [{"word": w, "reading": r, "en": [e], "ur": [u]} for w, r, e, u in [
    ("飲む", "のむ", "to drink", "پینا"), ("見る", "みる", "to see", "دیکھنا"), ("行く", "いく", "to go", "جانا"),
    ("来る", "くる", "to come", "آنا")]]
HI = {"kanji": "日", "on": ["ニチ", "ジツ"], "kun": ["ひ", "-び", "-か"], "en": ["day"], "ur": ["دن"]}
TE_KUDASAI = {"pattern": "〜てください", "meaning": {"en": "please do", "ur": "براہ کرم کیجیے"},
              "examples": [{"ja": "ここに名前を書いてください。", "en": "Please write your name here.", "ur": "…"}]}


def ask(kind, data, locale="en", others=OTHERS, seed=1):
    return CARD_KINDS[kind].ask(data, others, locale, random.Random(seed))


def test_meaning_card_offers_four_choices_one_right():
    q = ask("meaning", TABERU)
    assert q.answer_mode == "choice" and q.ja == "食べる"
    assert len(q.options) == 4 and "to eat" in q.options and len(set(q.options)) == 4
    assert mark(q, "to eat").correct and not mark(q, "to drink").correct and not mark(q, "").correct


def test_meaning_choices_are_in_the_learners_language_and_either_counts():
    q = ask("meaning", TABERU, locale="ur")
    assert "کھانا" in q.options
    assert mark(q, "کھانا").correct and mark(q, "to eat").correct    # switched language mid-question


def test_the_same_seed_asks_the_same_question():
    assert ask("meaning", TABERU, seed=7) == ask("meaning", TABERU, seed=7)


@pytest.mark.parametrize("answer, right", [
    ("たべる", True), ("タベル", True), ("taberu", True), ("TABERU", True), (" たべる ", True), ("食べる", True),
    ("たべた", False), ("", False), ("x" * 20000, False),
])
def test_spelling_card_accepts_kana_romaji_or_the_written_word(answer, right):
    q = ask("spelling", TABERU)
    assert q.answer_mode == "typed" and q.text["en"] == "to eat" and q.text["ur"] == "کھانا"
    assert mark(q, answer).correct is right
    assert "たべる" in q.expected


def test_kanji_readings_as_typed():
    assert kanji_readings(HI) == ["にち", "じつ", "ひ", "び", "か"]
    assert kanji_readings({"on": [], "kun": ["た.べる"]}) == ["た", "たべる"]
    q = ask("kanji", HI)
    assert mark(q, "nichi").correct and mark(q, "ひ").correct and not mark(q, "つき").correct


@pytest.mark.parametrize("pattern, sentence, gap", [
    ("〜てください", "ここに名前を書いてください。", "てください"),
    ("〜は〜です", "わたしはがくせいです。", "です"),
    ("〜たことがある", "日本へ行ったことがあります。", None),
    ("Noun + が好きです", "ねこが好きです。", "が好きです"),
])
def test_cloze_gap_is_the_longest_part_of_the_pattern_in_the_sentence(pattern, sentence, gap):
    assert cloze_gap(pattern, sentence) == gap


def test_cloze_blanks_the_pattern_and_marks_the_gap():
    q = ask("cloze", TE_KUDASAI)
    assert q.ja == f"ここに名前を書い{BLANK}。" and q.answer_mode == "typed"
    assert mark(q, "てください").correct and mark(q, "tekudasai").correct and not mark(q, "ます").correct


def test_cloze_without_a_visible_pattern_asks_the_meaning():
    data = {**TE_KUDASAI, "pattern": "〜たことがある",
            "examples": [{"ja": "日本へ行ったことがあります。", "en": "I have been to Japan.", "ur": "…"}]}
    others = [{"pattern": "〜ない", "meaning": {"en": "not", "ur": "نہیں"}}]
    q = ask("cloze", data, others=others)
    assert q.answer_mode == "choice" and mark(q, "please do").correct and not mark(q, "not").correct
