"""tokens(): frozen values with the engine's readings, offsets into the text as given."""

from __future__ import annotations

import dataclasses

import pytest

from app.japanese import Token, reading, tokens


def test_tokens():
    got = [(t.surface, t.lemma, t.reading, t.lemma_reading, t.pos, t.has_kanji) for t in tokens("私は食べました")]
    assert got == [
        ("私", "私", "わたし", "わたし", "代名詞", True),
        ("は", "は", "は", "は", "助詞", False),
        ("食べ", "食べる", "たべ", "たべる", "動詞", True),
        ("まし", "ます", "まし", "ます", "助動詞", False),
        ("た", "た", "た", "た", "助動詞", False),
    ]


def test_tokens_are_frozen():
    token = tokens("猫")[0]
    assert isinstance(token, Token)
    with pytest.raises(dataclasses.FrozenInstanceError):
        token.reading = "いぬ"  # type: ignore[misc]


@pytest.mark.parametrize(("text", "expected"), [
    ("三本", [("三", "さん"), ("本", "ぼん")]),              # one dictionary word (a surname), two tokens
    ("一日に", [("一", "いち"), ("日", "にち"), ("に", "に")]),     # a number and its counter
    ("閑古鳥", [("閑古鳥", "かんこどり")]),                 # an override spanning two morphemes: one token
    ("二十歳", [("二十歳", "はたち")]),
])
def test_tokens_follow_the_readings(text, expected):
    assert [(t.surface, t.reading) for t in tokens(text)] == expected


@pytest.mark.parametrize("text", ["私は ｶﾀｶﾅ を　読む。", "１０分\n二十日", "a\ud800b 漢字", "", "   "])
def test_token_offsets_and_readings_agree_with_the_text(text):
    found = tokens(text)
    assert all(text[t.start:t.end] == t.surface for t in found)
    # Joined with what lies between them, the token readings are the text's reading.
    rebuilt, position = [], 0
    for t in found:
        rebuilt.append(text[position:t.start])
        rebuilt.append(t.reading)
        position = t.end
    rebuilt.append(text[position:])
    assert "".join(rebuilt).replace(" ", "") == reading(text).replace(" ", "")
