"""Speech: what OpenJTalk is given, and real audio out of it (the real synthesiser, no mock)."""

import io

import numpy as np
import pytest
import soundfile

from app.audio import speech
from app.audio.texts import index_of, spoken_texts


@pytest.mark.parametrize("a, b", [
    ("とうきょう", "トーキョー"), ("せんせい", "センセー"), ("きれい", "キレイ"), ("を", "オ"),
    ("こーひー", "コーヒー"), ("わたし、です。", "ワタシデス"),
])
def test_spelling_and_pronunciation_compare_as_sounds(a, b):
    assert speech._sounds(a) == speech._sounds(b)


def test_different_readings_do_not_compare_equal():
    assert speech._sounds("わたし") != speech._sounds("わたくし")
    assert speech._sounds("にほん") != speech._sounds("にっぽん")


@pytest.mark.parametrize("text, reading, spoken", [
    ("東京へ行きます。", None, "東京へ行きます。"),              # OpenJTalk reads it as we do: the text
    ("私は日本人です。", None, "ワタシワニホンジンデス。"),       # it says ニッポン: our reading
    ("一日八時間働きます。", None, "一日八時間働きます。"),
    ("角", "かど", "カド"),                                        # a word: its content reading decides
    ("食べる", "たべる", "食べる"),
])
def test_openjtalk_speaks_the_text_where_it_reads_it_right_else_our_reading(text, reading, spoken):
    assert speech.spoken_text(text, reading) == spoken


def test_synthesis_gives_ogg_opus_of_the_right_length():
    audio = speech.synthesize(speech.spoken_text("お茶をください。"))
    assert audio[:4] == b"OggS" and 3_000 < len(audio) < 40_000
    samples, rate = soundfile.read(io.BytesIO(audio))
    seconds = len(samples) / rate
    assert 0.5 < seconds < 3 and np.abs(samples).max() > 0.05      # speech, not silence


def test_keys_differ_by_what_is_spoken():
    assert speech.key("カド") != speech.key("カク")
    assert speech.key("カド") == speech.key("カド")


def test_the_texts_an_entry_speaks():
    word = {"word": "〜人", "reading": "じん", "example": {"ja": "日本人です。"}}
    assert spoken_texts("vocab", word) == [("人", "じん"), ("日本人です。", None)]
    lesson = {"dialogue": {"lines": [{"ja": "はい。"}, {"ja": "いいえ。"}]}, "reading": {"ja": "よみます。"}}
    assert [t for t, _ in spoken_texts("lesson", lesson)] == ["はい。", "いいえ。", "よみます。"]
    assert index_of("lesson", lesson, "いいえ。") == 1 and index_of("lesson", lesson, "ない。") is None
    assert spoken_texts("kanji", {"kanji": "日"}) == []
