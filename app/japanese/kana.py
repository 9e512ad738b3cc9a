"""Kana: character classes, hiragana/katakana conversion and typing kana in romaji.

`kana_from_romaji` has a JavaScript twin in app/static/js/kana.js; both are held to the same
table in tests/japanese/kana_table.json, so change them together.
"""

from __future__ import annotations

import re
import unicodedata

# Katakana ァ (U+30A1) .. ヶ (U+30F6) sit exactly 0x60 above hiragana ぁ .. ゖ; ヽヾ likewise above ゝゞ.
_KATA_TO_HIRA = {c: c - 0x60 for c in range(0x30A1, 0x30F7)} | {0x30FD: 0x309D, 0x30FE: 0x309E}
_HIRA_TO_KATA = {h: k for k, h in _KATA_TO_HIRA.items()}
# ヵ ヶ in counters (一ヶ月) are read か, and learners expect か in the reading, not the rare ゕ ゖ.
_KATA_TO_HIRA |= {0x30F5: ord("か"), 0x30F6: ord("か")}
_HALFWIDTH_KATAKANA = re.compile(r"[\uFF66-\uFF9F]+")

KANJI_RANGES = r"\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\U00020000-\U0003134F々〆"
_KANJI = re.compile(f"[{KANJI_RANGES}]")


# A stretch of Japanese inside English or Urdu text (digits inside it too: 特定技能1号, 3時), for
# isolating it as left-to-right Japanese on pages and in Anki cards.
_JA = r"\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff01-\uff5e〜×"
JAPANESE_RUN = re.compile(rf"[{_JA}]+(?:[ .…0-9]*[{_JA}]+)*")
SHORT_RUN = 12          # characters: about 200 px of Japanese, well inside a phone's line


def isolate_runs(escaped: str) -> str:
    """HTML-escaped English or Urdu with each Japanese stretch in it isolated (<bdi lang="ja">), so
    that inside an Urdu sentence it stays left-to-right in a Japanese font. A short run is kept on
    one line (the CSS's default for it, on pages and cards): broken across two lines of right-to-left
    text, its halves change places. A long one (class "wrap") may break, or it would overflow a phone."""
    return JAPANESE_RUN.sub(_isolated, escaped)


def _isolated(match: re.Match) -> str:
    run = match.group()
    return f'<bdi lang="ja">{run}</bdi>' if len(run) <= SHORT_RUN else f'<bdi lang="ja" class="wrap">{run}</bdi>'


def has_kanji(text: str) -> bool:
    return _KANJI.search(text) is not None


def is_kanji(char: str) -> bool:
    return _KANJI.fullmatch(char) is not None


def to_hiragana(text: str) -> str:
    """Katakana (full- or half-width) to hiragana; everything else, ー included, is left alone."""
    text = _HALFWIDTH_KATAKANA.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    return text.translate(_KATA_TO_HIRA)


def katakana_to_hiragana(text: str) -> str:
    """to_hiragana for text known to hold no half-width katakana (the dictionary's readings)."""
    return text.translate(_KATA_TO_HIRA)


def to_katakana(text: str) -> str:
    """Hiragana to katakana; everything else is left alone."""
    return text.translate(_HIRA_TO_KATA)


# --- typing kana in romaji (wapuro style) ------------------------------------------------------

_VOWELS = "aiueo"
# The converter tries the longest spelling first (4, 3, 2, then 1 letters).
ROMAJI_TO_KANA: dict[str, str] = {
    "a": "あ", "i": "い", "u": "う", "e": "え", "o": "お",
    "ka": "か", "ki": "き", "ku": "く", "ke": "け", "ko": "こ",
    "ga": "が", "gi": "ぎ", "gu": "ぐ", "ge": "げ", "go": "ご",
    "sa": "さ", "si": "し", "shi": "し", "su": "す", "se": "せ", "so": "そ",
    "za": "ざ", "zi": "じ", "ji": "じ", "zu": "ず", "ze": "ぜ", "zo": "ぞ",
    "ta": "た", "ti": "ち", "chi": "ち", "tu": "つ", "tsu": "つ", "te": "て", "to": "と",
    "da": "だ", "di": "ぢ", "du": "づ", "de": "で", "do": "ど",
    "na": "な", "ni": "に", "nu": "ぬ", "ne": "ね", "no": "の",
    "ha": "は", "hi": "ひ", "hu": "ふ", "fu": "ふ", "he": "へ", "ho": "ほ",
    "ba": "ば", "bi": "び", "bu": "ぶ", "be": "べ", "bo": "ぼ",
    "pa": "ぱ", "pi": "ぴ", "pu": "ぷ", "pe": "ぺ", "po": "ぽ",
    "ma": "ま", "mi": "み", "mu": "む", "me": "め", "mo": "も",
    "ya": "や", "yu": "ゆ", "yo": "よ", "ye": "いぇ",
    "ra": "ら", "ri": "り", "ru": "る", "re": "れ", "ro": "ろ",
    "la": "ら", "li": "り", "lu": "る", "le": "れ", "lo": "ろ",
    "wa": "わ", "wi": "うぃ", "we": "うぇ", "wo": "を",
    "xn": "ん",
    "kya": "きゃ", "kyu": "きゅ", "kyo": "きょ", "gya": "ぎゃ", "gyu": "ぎゅ", "gyo": "ぎょ",
    "sha": "しゃ", "shu": "しゅ", "sho": "しょ", "she": "しぇ",
    "sya": "しゃ", "syu": "しゅ", "syo": "しょ",
    "ja": "じゃ", "ju": "じゅ", "jo": "じょ", "je": "じぇ",
    "jya": "じゃ", "jyu": "じゅ", "jyo": "じょ", "zya": "じゃ", "zyu": "じゅ", "zyo": "じょ",
    "cha": "ちゃ", "chu": "ちゅ", "cho": "ちょ", "che": "ちぇ",
    "cya": "ちゃ", "cyu": "ちゅ", "cyo": "ちょ", "tya": "ちゃ", "tyu": "ちゅ", "tyo": "ちょ",
    "dya": "ぢゃ", "dyu": "ぢゅ", "dyo": "ぢょ",
    "nya": "にゃ", "nyu": "にゅ", "nyo": "にょ", "hya": "ひゃ", "hyu": "ひゅ", "hyo": "ひょ",
    "bya": "びゃ", "byu": "びゅ", "byo": "びょ", "pya": "ぴゃ", "pyu": "ぴゅ", "pyo": "ぴょ",
    "mya": "みゃ", "myu": "みゅ", "myo": "みょ", "rya": "りゃ", "ryu": "りゅ", "ryo": "りょ",
    "fa": "ふぁ", "fi": "ふぃ", "fe": "ふぇ", "fo": "ふぉ", "fyu": "ふゅ",
    "va": "ゔぁ", "vi": "ゔぃ", "vu": "ゔ", "ve": "ゔぇ", "vo": "ゔぉ",
    "tsa": "つぁ", "tse": "つぇ", "tso": "つぉ",
    "thi": "てぃ", "dhi": "でぃ", "twu": "とぅ", "dwu": "どぅ",
    "xa": "ぁ", "xi": "ぃ", "xu": "ぅ", "xe": "ぇ", "xo": "ぉ",
    "xya": "ゃ", "xyu": "ゅ", "xyo": "ょ", "xtu": "っ", "xtsu": "っ", "xwa": "ゎ",
    "ltu": "っ", "ltsu": "っ", "lya": "ゃ", "lyu": "ゅ", "lyo": "ょ",
    "-": "ー",
}
_LONGEST = max(len(k) for k in ROMAJI_TO_KANA)


def kana_from_romaji(text: str, *, katakana_for_upper: bool = False) -> str:
    """Turn typed romaji into hiragana, IME style: shi/si, tsu/tu, kka → っか, nn/n' → ん.

    Anything that is not romaji (kana, kanji, digits, punctuation) passes through unchanged.
    With katakana_for_upper, a syllable typed in capitals becomes katakana (KOHI- → コヒー).
    """
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        kana, used = _next_kana(text, i)
        if katakana_for_upper and text[i:i + used].isupper():
            kana = to_katakana(kana)
        out.append(kana)
        i += used
    return "".join(out)


def _next_kana(text: str, i: int) -> tuple[str, int]:
    """The kana for the romaji starting at text[i], and how many characters it used."""
    low = text[i:i + _LONGEST + 1].lower()
    first, second, third = (low + "  ")[:3]
    if first == "n" and second not in _VOWELS + "y":
        if second == "'":
            return "ん", 2                                    # n' spells ん before a vowel: kin'en
        if second == "n" and third not in _VOWELS + "y":
            return "ん", 2                                    # nn: ん, the IME way
        return "ん", 1                        # n before a consonant, at the end, or onna → おんな
    if first.isascii() and first.isalpha() and first not in _VOWELS and second == first:
        return "っ", 1                                        # a doubled consonant: kka → っか
    if low.startswith("tch"):
        return "っ", 1                                        # Hepburn's matcha → まっちゃ
    for size in range(_LONGEST, 0, -1):
        kana = ROMAJI_TO_KANA.get(low[:size])
        if kana is not None:
            return kana, size
    return text[i], 1
