"""Romaji in modified Hepburn, spaced into words, for learners who do not read kana yet:
私は東京へ行きます → "watashi wa tōkyō e ikimasu"."""

from __future__ import annotations

import re

from app.japanese.kana import KANJI_RANGES
from app.japanese.tokens import Token, tokens

KANA_ROMAJI = {
    "あ": "a", "い": "i", "う": "u", "え": "e", "お": "o",
    "か": "ka", "き": "ki", "く": "ku", "け": "ke", "こ": "ko",
    "が": "ga", "ぎ": "gi", "ぐ": "gu", "げ": "ge", "ご": "go",
    "さ": "sa", "し": "shi", "す": "su", "せ": "se", "そ": "so",
    "ざ": "za", "じ": "ji", "ず": "zu", "ぜ": "ze", "ぞ": "zo",
    "た": "ta", "ち": "chi", "つ": "tsu", "て": "te", "と": "to",
    "だ": "da", "ぢ": "ji", "づ": "zu", "で": "de", "ど": "do",
    "な": "na", "に": "ni", "ぬ": "nu", "ね": "ne", "の": "no",
    "は": "ha", "ひ": "hi", "ふ": "fu", "へ": "he", "ほ": "ho",
    "ば": "ba", "び": "bi", "ぶ": "bu", "べ": "be", "ぼ": "bo",
    "ぱ": "pa", "ぴ": "pi", "ぷ": "pu", "ぺ": "pe", "ぽ": "po",
    "ま": "ma", "み": "mi", "む": "mu", "め": "me", "も": "mo",
    "や": "ya", "ゆ": "yu", "よ": "yo",
    "ら": "ra", "り": "ri", "る": "ru", "れ": "re", "ろ": "ro",
    "わ": "wa", "ゐ": "i", "ゑ": "e", "を": "o", "ん": "n", "ゔ": "vu",
    "ぁ": "a", "ぃ": "i", "ぅ": "u", "ぇ": "e", "ぉ": "o", "ゃ": "ya", "ゅ": "yu", "ょ": "yo",
    "ゎ": "wa", "ゕ": "ka", "ゖ": "ke",
    "きゃ": "kya", "きゅ": "kyu", "きょ": "kyo", "ぎゃ": "gya", "ぎゅ": "gyu", "ぎょ": "gyo",
    "しゃ": "sha", "しゅ": "shu", "しょ": "sho", "しぇ": "she",
    "じゃ": "ja", "じゅ": "ju", "じょ": "jo", "じぇ": "je", "ぢゃ": "ja", "ぢゅ": "ju", "ぢょ": "jo",
    "ちゃ": "cha", "ちゅ": "chu", "ちょ": "cho", "ちぇ": "che",
    "にゃ": "nya", "にゅ": "nyu", "にょ": "nyo", "ひゃ": "hya", "ひゅ": "hyu", "ひょ": "hyo",
    "びゃ": "bya", "びゅ": "byu", "びょ": "byo", "ぴゃ": "pya", "ぴゅ": "pyu", "ぴょ": "pyo",
    "みゃ": "mya", "みゅ": "myu", "みょ": "myo", "りゃ": "rya", "りゅ": "ryu", "りょ": "ryo",
    "ふぁ": "fa", "ふぃ": "fi", "ふぇ": "fe", "ふぉ": "fo", "ふゅ": "fyu",
    "てぃ": "ti", "でぃ": "di", "とぅ": "tu", "どぅ": "du", "でゅ": "dyu",
    "うぃ": "wi", "うぇ": "we", "うぉ": "wo", "つぁ": "tsa", "つぇ": "tse", "つぉ": "tso",
    "ゔぁ": "va", "ゔぃ": "vi", "ゔぇ": "ve", "ゔぉ": "vo", "いぇ": "ye",
}
PARTICLES = {"は": "wa", "へ": "e", "を": "o"}     # written は へ を, said wa e o
PUNCTUATION = {"。": ".", "、": ",", "？": "?", "！": "!", "「": "\"", "」": "\"", "・": " ",
               "『": "\"", "』": "\"", "（": "(", "）": ")", "〜": "~", "ー": "-", "　": " "}
MACRONS = {"a": "ā", "i": "ī", "u": "ū", "e": "ē", "o": "ō"}
# Long vowels Hepburn writes with a macron: ああ ā, うう ū, ええ ē, おお/おう ō (いい and えい stay).
LONG_VOWELS = {("a", "a"), ("u", "u"), ("e", "e"), ("o", "o"), ("o", "u")}
# Tokens that belong to the word before them: verb endings, suffixes, て/ば after a verb.
JOINS_PREVIOUS_POS = frozenset({"助動詞", "接尾辞"})
JOINING_PARTICLES = frozenset({"て", "で", "ば", "ちゃ", "じゃ", "たり", "だり"})
# The copula and its forms stand as words: nihonjin desu, not nihonjindesu.
STANDALONE_AUXILIARIES = frozenset({"です", "だ"})


def romaji(text: str) -> str:
    """Hepburn romaji of `text`, words spaced; particles は へ を as wa e o; long vowels with
    macrons (tōkyō), but not a verb's final u (omou); っ doubles the next consonant (matcha)."""
    out: list[str] = []
    word: list[Token] = []
    previous: Token | None = None
    for token in tokens(text):
        separator = _separator(previous, token)
        if word and (separator or not (_is_japanese(token) and _is_japanese(previous))):
            out.append(_word_romaji(word))
            word = []
        out.append(separator)
        if _is_japanese(token):
            word.append(token)
        else:
            out.append(PUNCTUATION.get(token.surface, token.reading))
        previous = token
    if word:
        out.append(_word_romaji(word))
    return " ".join("".join(out).split())


_JAPANESE = re.compile(f"[\u3040-\u30ff{KANJI_RANGES}]")
_CLAUSE_END = frozenset("。、！？!?,.」』）)")


def _is_japanese(token: Token | None) -> bool:
    return token is not None and _JAPANESE.search(token.reading) is not None


def _separator(previous: Token | None, token: Token) -> str:
    """What goes between two tokens in romaji: a space between words, nothing inside one."""
    if previous is None:
        return ""
    if previous.end != token.start:
        return " "                                    # the text had a space here
    if not _is_japanese(token):
        return ""                                     # punctuation and Latin stay attached
    if not _is_japanese(previous):
        return " " if previous.surface[-1:] in _CLAUSE_END else ""
    return "" if _joins_previous(token, previous) else " "


def _joins_previous(token: Token, previous: Token) -> bool:
    """Whether a token belongs to the word before it (romaji spaces words, not morphemes)."""
    if previous.pos == "接頭辞" or (previous.pos_detail.startswith("数詞") and token.has_kanji):
        return True                                   # お|茶 ocha, 三|本 sanbon (not はたち|の)
    if token.pos in JOINS_PREVIOUS_POS and token.lemma not in STANDALONE_AUXILIARIES:
        return True                                   # 食べ|ました tabemashita
    if token.pos == "名詞" and len(token.surface) == 1 and previous.pos == "名詞" \
            and not token.pos_detail.startswith("数詞"):
        return True                                   # 土曜|日 doyōbi
    return token.pos == "助詞" and token.pos_detail.startswith("接続助詞") \
        and token.surface in JOINING_PARTICLES        # 食べ|て tabete


def _word_romaji(word: list[Token]) -> str:
    if len(word) == 1:
        return _token_romaji(word[0])
    # Romanise the word's reading at once, so っ at the end of one token doubles the next (ippiki).
    parts = [_token_romaji(t) if t.surface in PARTICLES else t.reading for t in word]
    last = word[-1]
    return kana_to_romaji("".join(parts), keep_final_u=last.pos in ("動詞", "助動詞"))


def _token_romaji(token: Token) -> str:
    if token.pos == "助詞" and token.surface in PARTICLES:
        return PARTICLES[token.surface]
    if token.pos == "感動詞" and token.reading.endswith(("にちは", "ばんは")):
        return kana_to_romaji(token.reading[:-1]) + "wa"    # こんにちは konnichiwa
    return kana_to_romaji(token.reading, keep_final_u=token.pos in ("動詞", "助動詞"))


def kana_to_romaji(kana: str, *, keep_final_u: bool = False) -> str:
    """Hepburn for a run of hiragana. keep_final_u leaves a verb's ending alone (思う omou)."""
    out: list[str] = []
    double_next = False
    i = 0
    while i < len(kana):
        pair, char = kana[i:i + 2], kana[i]
        syllable = KANA_ROMAJI.get(pair) if len(pair) == 2 else None
        used = 2 if syllable else 1
        if syllable is None:
            syllable = KANA_ROMAJI.get(char)
        if char == "っ":
            double_next = True
            i += 1
            continue
        if char == "ー" and out and out[-1][-1:] in MACRONS:
            out[-1] = out[-1][:-1] + MACRONS[out[-1][-1]]
            i += 1
            continue
        if syllable is None:
            syllable = PUNCTUATION.get(char, char)   # not kana: as it is
        elif char == "ん" and kana[i + 1:i + 2] in _VOWEL_OR_Y:
            syllable = "n'"                          # kin'en, not kinen
        if double_next and syllable[:1].isalpha():
            syllable = ("t" if syllable.startswith("ch") else syllable[0]) + syllable
        double_next = False
        last = not _HIRAGANA.search(kana, i + used)
        if out and _is_long(out[-1], syllable) and not (keep_final_u and last and syllable == "u"):
            out[-1] = out[-1][:-1] + MACRONS[out[-1][-1]]
        else:
            out.append(syllable)
        i += used
    return "".join(out)


_VOWEL_OR_Y = frozenset("あいうえおやゆよ")
_HIRAGANA = re.compile("[\u3041-\u309f]")


def _is_long(before: str, syllable: str) -> bool:
    return len(syllable) == 1 and (before[-1:], syllable) in LONG_VOWELS and before[-2:-1] != "'"
