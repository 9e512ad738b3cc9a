"""reading(): numbers and counters, dates, people, 何, learner-standard words, rendaku, overrides."""

from __future__ import annotations

import pytest
import yaml

from app.japanese import reading
from app.japanese.readings import READINGS_FILE, overrides

COUNTERS = [
    ("三本", "さんぼん"), ("六本", "ろっぽん"), ("一本", "いっぽん"), ("八本", "はっぽん"),
    ("十本", "じゅっぽん"), ("百本", "ひゃっぽん"), ("何本", "なんぼん"), ("四本", "よんほん"),
    ("千本", "せんぼん"),                       # 千 voices ほ like 三 does
    ("一匹", "いっぴき"), ("三匹", "さんびき"), ("六匹", "ろっぴき"),
    ("一杯", "いっぱい"), ("三杯", "さんばい"), ("何杯", "なんばい"),
    ("一冊", "いっさつ"), ("八冊", "はっさつ"), ("十冊", "じゅっさつ"), ("六冊", "ろくさつ"),  # s- keeps ろく
    ("一階", "いっかい"), ("三階", "さんがい"), ("六階", "ろっかい"), ("何階", "なんがい"),
    ("一回", "いっかい"), ("六回", "ろっかい"), ("十回", "じゅっかい"), ("二回", "にかい"),
    ("一分", "いっぷん"), ("二分", "にふん"), ("三分", "さんぷん"), ("四分", "よんぷん"),
    ("八分", "はっぷん"), ("10分", "じゅっぷん"), ("１０分", "じゅっぷん"),  # full-width digits
    ("一個", "いっこ"), ("一歳", "いっさい"), ("八歳", "はっさい"), ("二十歳", "はたち"),
    ("二十一歳", "にじゅういっさい"),           # only exactly 20 is はたち
    ("一ヶ月", "いっかげつ"), ("六か月", "ろっかげつ"), ("一週間", "いっしゅうかん"),
    ("三足", "さんぞく"), ("三軒", "さんげん"), ("一等", "いっとう"),
    ("一つ", "ひとつ"), ("二つ", "ふたつ"), ("四つ", "よっつ"), ("八つ", "やっつ"), ("九つ", "ここのつ"),
    ("三羽", "さんば"), ("二羽", "にわ"),
]
NUMBERS = [
    ("百円", "ひゃくえん"), ("四円", "よえん"), ("三百", "さんびゃく"), ("六百", "ろっぴゃく"),
    ("八百", "はっぴゃく"), ("三千", "さんぜん"), ("八千", "はっせん"), ("一万", "いちまん"),
    ("何百", "なんびゃく"), ("何千", "なんぜん"), ("百兆", "ひゃくちょう"), ("一兆", "いっちょう"),
    ("2026年", "にせんにじゅうろくねん"), ("二〇二六年", "にせんにじゅうろくねん"),  # kanji digits, no units
    ("1,000円", "せんえん"),                    # thousands comma
    ("1億2000万", "いちおくにせんまん"),
    ("1.5", "いってんご"), ("3.14", "さんてんいちよん"),
    ("4年", "よねん"), ("0", "ぜろ"), ("007", "ぜろぜろなな"),   # leading zero: digit by digit
]
TIMES = [
    ("3時", "さんじ"), ("4時", "よじ"), ("四時", "よじ"), ("7時", "しちじ"), ("9時", "くじ"),
    ("何時", "なんじ"), ("14時", "じゅうよじ"), ("3時間", "さんじかん"), ("4時間", "よじかん"),
    ("三月", "さんがつ"), ("4月", "しがつ"), ("四月", "しがつ"), ("七月", "しちがつ"),
    ("九月", "くがつ"), ("十一月", "じゅういちがつ"),
]
DAYS = [
    ("一日", "ついたち"), ("二日", "ふつか"), ("三日", "みっか"), ("四日", "よっか"),
    ("五日", "いつか"), ("六日", "むいか"), ("七日", "なのか"), ("八日", "ようか"),
    ("九日", "ここのか"), ("十日", "とおか"), ("十四日", "じゅうよっか"), ("十七日", "じゅうしちにち"),
    ("二十日", "はつか"), ("二十四日", "にじゅうよっか"), ("三十日", "さんじゅうにち"),
    ("4月1日", "しがつついたち"),
    ("一日中", "いちにちじゅう"),               # a day's length, not the 1st: いちにち
    ("一日に三回", "いちにちにさんかい"),
]
PEOPLE = [
    ("一人", "ひとり"), ("二人", "ふたり"), ("三人", "さんにん"), ("四人", "よにん"),
    ("十人", "じゅうにん"), ("何人", "なんにん"), ("1人", "ひとり"),
]
NANI = [
    ("何を食べますか", "なにをたべますか"), ("何が", "なにが"), ("何か", "なにか"),
    ("何で", "なんで"), ("何の本", "なんのほん"), ("何ですか", "なんですか"), ("何と", "なんと"),
    ("何曜日", "なんようび"), ("何にする", "なににする"),   # 何に stays なに
    ("何ら", "なんら"),
]
WORDS = [
    ("私は学生です", "わたしはがくせいです"), ("日本", "にほん"), ("日本語", "にほんご"),
    ("日本人", "にほんじん"), ("アメリカ人", "あめりかじん"), ("管理人", "かんりにん"),  # サ変 noun: にん
    ("明日", "あした"), ("東京", "とうきょう"),     # spelled とうきょう, not the pronunciation とーきょー
    ("私は", "わたしは"),                           # は stays は in a reading
    ("土曜日", "どようび"), ("日曜日", "にちようび"), ("誕生日", "たんじょうび"),
    ("時間通り", "じかんどおり"), ("運動不足", "うんどうぶそく"), ("腕時計", "うでどけい"),
    ("世界中", "せかいじゅう"), ("午前中", "ごぜんちゅう"),
    ("この前", "このまえ"), ("興味深い", "きょうみぶかい"), ("内容が深い", "ないようがふかい"),
    ("臆病者", "おくびょうもの"), ("研究者", "けんきゅうしゃ"),
    ("やった方がいい", "やったほうがいい"), ("やり方", "やりかた"),
    ("コーヒー", "こーひー"),                       # katakana keeps ー
    ("その他", "そのた"), ("他の人", "ほかのひと"), ("いつの間にか", "いつのまにか"),
    ("食べるのを止めた", "たべるのをやめた"), ("車を止める", "くるまをとめる"),
]


@pytest.mark.parametrize(("text", "expected"), COUNTERS + NUMBERS + TIMES + DAYS + PEOPLE + NANI + WORDS)
def test_reading(text, expected):
    assert reading(text) == expected


@pytest.mark.parametrize(("word", "expected"), sorted(overrides().items()))
def test_every_override_is_read(word, expected):
    assert reading(word) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("私の名前は田中です。", "わたしのなまえはたなかです。"),
    ("明日、日本へ行きます。", "あした、にほんへいきます。"),
    ("閑古鳥が鳴いている", "かんこどりがないている"),
    ("この料理は不味い", "このりょうりはまずい"),
])
def test_overrides_in_sentences(sentence, expected):
    assert reading(sentence) == expected


def test_override_file_is_strings_only():
    # YAML 1.1 would read a bare no/yes/on/off as booleans: the table must stay word → hiragana.
    raw = yaml.safe_load(READINGS_FILE.read_text(encoding="utf-8"))
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in raw.items())
    assert overrides() == raw


@pytest.mark.parametrize("text", ["", " ", "   ", "\n", "abc", "ABC def", "😀", "？！"])
def test_reading_of_text_without_kanji_keeps_it(text):
    # Nothing to read aloud: spaces, Latin and symbols stay as written.
    assert reading(text) == text


def test_digits_among_latin_are_read():
    assert reading("ABC 123") == "ABC ひゃくにじゅうさん"


def test_half_width_katakana_is_read_as_hiragana():
    assert reading("ｶﾀｶﾅ") == "かたかな"
