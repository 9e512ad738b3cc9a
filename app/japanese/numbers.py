"""Numbers written in digits or kanji, read aloud, with the sound changes their counters bring.

A number is read into parts; only its last part (its "key": 1-9, 10, 100, 1000, 万 …) meets the
counter, and the counter's row in COUNTERS says what happens there: 三本 さんぼん, 六本 ろっぽん.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

DIGIT_VALUES = {str(d): d for d in range(10)} | {
    "〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
BIG_UNITS = {"万": "まん", "億": "おく", "兆": "ちょう", "京": "けい"}
NUMERAL_CHARS = frozenset(DIGIT_VALUES) | frozenset(SMALL_UNITS) | frozenset(BIG_UNITS) | {"何"}

DIGITS = {"0": "ぜろ", "1": "いち", "2": "に", "3": "さん", "4": "よん", "5": "ご", "6": "ろく",
          "7": "なな", "8": "はち", "9": "きゅう", "何": "なん"}
TENS = {"1": "じゅう"}
HUNDREDS = {"1": "ひゃく", "3": "さんびゃく", "6": "ろっぴゃく", "8": "はっぴゃく", "何": "なんびゃく"}
THOUSANDS = {"1": "せん", "3": "さんぜん", "8": "はっせん", "何": "なんぜん"}

# Which number endings turn into っ before a counter, by the counter's first sound.
GEMINATE_K = frozenset({"1", "6", "8", "10", "100"})      # k and h/p: いっかい ろっぽん ひゃっぽん
GEMINATE_S = frozenset({"1", "8", "10"})                  # s, t, ch: いっさつ はっとう じゅっちゃく
VOICE_B = frozenset({"3", "何", "1000", "万"})             # 三本 さんぼん, 何匹 なんびき, 千本 せんぼん
VOICE_P = frozenset({"3", "4", "何", "1000", "万"})        # 三分 さんぷん, 四分 よんぷん, 何泊 なんぱく
VOICE_3 = frozenset({"3", "何"})                           # 三階 さんがい, 三足 さんぞく
DAY_DIGITS = {"7": "しち", "9": "く"}                      # 十七日 じゅうしちにち, 十九日 じゅうくにち
CLOCK_DIGITS = {"4": "よ", "7": "しち", "9": "く"}         # 4時 よじ, 7時 しちじ, 9時 くじ

DAYS = {1: "ついたち", 2: "ふつか", 3: "みっか", 4: "よっか", 5: "いつか", 6: "むいか", 7: "なのか",
        8: "ようか", 9: "ここのか", 10: "とおか", 14: "じゅうよっか", 20: "はつか", 24: "にじゅうよっか"}
NATIVE = {1: "ひとつ", 2: "ふたつ", 3: "みっつ", 4: "よっつ", 5: "いつつ", 6: "むっつ", 7: "ななつ",
          8: "やっつ", 9: "ここのつ"}


@dataclass(frozen=True)
class Counter:
    """How a counter sounds after a number. Keys are the number's last part: "1".."9", "10",
    "100", "1000", "万", "何"."""

    reading: str
    geminate: frozenset[str] = frozenset()   # number endings that become っ (いち → いっ)
    after_geminate: str = ""                 # the counter after っ when it changes (ほん → ぽん)
    voice: frozenset[str] = frozenset()      # number endings after which the counter is voiced
    voiced: str = ""                         # … and how it then sounds (ほん → ぼん)
    digits: Mapping[str, str] = field(default_factory=dict)  # a last digit read otherwise: 4 → よ
    whole: Mapping[int, str] = field(default_factory=dict)   # whole words by value: 1人 ひとり


def _counters() -> dict[str, Counter]:
    k, s = GEMINATE_K, GEMINATE_S
    kagetsu = Counter("かげつ", k)
    kakoku = Counter("かこく", k)
    kasho = Counter("かしょ", k)
    sai = Counter("さい", s, whole={20: "はたち"})
    table = {
        "本": Counter("ほん", k, "ぽん", VOICE_B, "ぼん"),
        "匹": Counter("ひき", k, "ぴき", VOICE_B, "びき"),
        "杯": Counter("はい", k, "ぱい", VOICE_B, "ばい"),
        "分": Counter("ふん", k, "ぷん", VOICE_P, "ぷん"),
        "分間": Counter("ふんかん", k, "ぷんかん", VOICE_P, "ぷんかん"),
        "泊": Counter("はく", k, "ぱく", VOICE_P, "ぱく"),
        "発": Counter("はつ", k, "ぱつ", VOICE_P, "ぱつ"),
        "歩": Counter("ほ", k, "ぽ", VOICE_3, "ぽ"),
        "票": Counter("ひょう", k, "ぴょう", VOICE_3, "びょう"),
        "羽": Counter("わ", k, "ぱ", VOICE_3, "ば"),              # 三羽 さんば, 六羽 ろっぱ
        "回": Counter("かい", k), "個": Counter("こ", k), "課": Counter("か", k),
        "曲": Counter("きょく", k), "件": Counter("けん", k),
        "階": Counter("かい", k, "", VOICE_3, "がい"),
        "軒": Counter("けん", k, "", VOICE_3, "げん"),
        "ヶ月": kagetsu, "か月": kagetsu, "カ月": kagetsu, "ヵ月": kagetsu, "箇月": kagetsu,
        "ヶ国": kakoku, "か国": kakoku, "カ国": kakoku, "ヵ国": kakoku,
        "ヶ所": kasho, "か所": kasho, "カ所": kasho, "ヵ所": kasho, "箇所": kasho,
        "冊": Counter("さつ", s), "歳": sai, "才": sai,
        "週": Counter("しゅう", s), "週間": Counter("しゅうかん", s),
        "足": Counter("そく", s, "", VOICE_3, "ぞく"),
        "寸": Counter("すん", s), "種類": Counter("しゅるい", s), "隻": Counter("せき", s),
        "頭": Counter("とう", s), "等": Counter("とう", s), "通": Counter("つう", s),
        "着": Counter("ちゃく", s), "点": Counter("てん", s), "丁目": Counter("ちょうめ", s),
        "ページ": Counter("ぺーじ", k), "パック": Counter("ぱっく", k),
        "時": Counter("じ", digits=CLOCK_DIGITS), "時間": Counter("じかん", digits=CLOCK_DIGITS),
        "月": Counter("がつ", digits={"4": "し", "7": "しち", "9": "く"}),
        "年": Counter("ねん", digits={"4": "よ"}), "年間": Counter("ねんかん", digits={"4": "よ"}),
        "円": Counter("えん", digits={"4": "よ"}),
        "人": Counter("にん", digits={"4": "よ"}, whole={1: "ひとり", 2: "ふたり"}),
        "つ": Counter("つ", whole=NATIVE),
        "日": Counter("にち", digits=DAY_DIGITS, whole=DAYS),
        "日間": Counter("にちかん", digits=DAY_DIGITS,
                        whole={n: r + "かん" for n, r in DAYS.items() if n != 1}),
    }
    return table


COUNTERS: Mapping[str, Counter] = MappingProxyType(_counters())
TENTH = Counter("ぶ")           # 分 after degrees is a tenth of one: 37度8分 さんじゅうななどはちぶ

# The first sound of a counter we have no row for decides its sound change (一酸化 いっさんか).
_K_ROW, _H_ROW, _ST_ROW = "かきくけこ", "はひふへほ", "さしすせそたちつてと"
_H_TO_P = str.maketrans("はひふへほ", "ぱぴぷぺぽ")


def default_counter(reading: str) -> Counter:
    """A row for a counter (or a Sino-Japanese noun after a number) not in COUNTERS."""
    first = reading[:1]
    if first in _K_ROW:
        return Counter(reading, GEMINATE_K)
    if first in _H_ROW:
        return Counter(reading, GEMINATE_K, reading.translate(_H_TO_P))
    if first in _ST_ROW:
        return Counter(reading, GEMINATE_S)
    return Counter(reading)


# --- reading a number -----------------------------------------------------------------------

@dataclass(frozen=True)
class Number:
    """A number read aloud: `head` then `last`; `key` names the last part for the counter,
    `value` is the integer when there is one (not for 何 or decimals)."""

    head: str
    last: str
    key: str
    value: int | None


_COMMA_GROUPS = re.compile(r"\d{1,3}(,\d{3})+")


@functools.lru_cache(maxsize=4096)        # numbers recur (一, 三, 2026); Number is immutable
def read_number(text: str) -> Number | None:
    """Read digits or kanji numerals (2026, 二千二十六, 二〇二六, 1億2000万, 3.14, 何百);
    None when the text is not a number we can read."""
    if _COMMA_GROUPS.fullmatch(text):
        text = text.replace(",", "")
    whole, dot, fraction = text.partition(".")
    if dot:
        return _read_decimal(whole, fraction)
    if not whole:
        return None
    if all(c in DIGIT_VALUES for c in whole):
        if len(whole) > 1 and (DIGIT_VALUES[whole[0]] == 0 or len(whole) > 16):
            return _read_digit_by_digit(whole)          # 007, phone numbers: digit by digit
        value = int("".join(str(DIGIT_VALUES[c]) for c in whole))
        if value == 0:
            return Number("", DIGITS["0"], "0", 0)
        return _read_groups(_groups_of(value), value)
    groups = _parse_positional(whole)
    if groups is None:
        return None
    return _read_groups(groups, _value_of(groups))


Term = tuple[str, int]                      # ("3", 100) is 三百; the digit may be "何"
Group = tuple[tuple[Term, ...], str]        # terms below 10,000 and a big unit ("" or 万 億 兆)


def _groups_of(value: int) -> list[Group]:
    groups: list[Group] = []
    for unit in ("京", "兆", "億", "万", ""):
        size = {"京": 10**16, "兆": 10**12, "億": 10**8, "万": 10**4, "": 1}[unit]
        part, value = divmod(value, size)
        if part:
            groups.append((_terms_of(part), unit))
    return groups


def _terms_of(value: int) -> tuple[Term, ...]:
    return tuple((str(value // unit % 10), unit) for unit in (1000, 100, 10, 1) if value // unit % 10)


def _parse_positional(text: str) -> list[Group] | None:
    groups: list[Group] = []
    terms: list[Term] = []
    digits = ""
    for char in text:
        if char in DIGIT_VALUES or char == "何":
            digits += char
        elif char in SMALL_UNITS:
            if len(digits) > 1 or (digits and DIGIT_VALUES.get(digits) == 0):
                return None
            terms.append((str(DIGIT_VALUES.get(digits, 1)) if digits != "何" else "何",
                          SMALL_UNITS[char]))
            digits = ""
        elif char in BIG_UNITS:
            terms.extend(_digit_terms(digits))
            if not terms:
                return None
            groups.append((tuple(terms), char))
            terms, digits = [], ""
        else:                                         # a stray comma or point: not a number
            return None
    terms.extend(_digit_terms(digits))
    if terms:
        groups.append((tuple(terms), ""))
    return groups or None


def _digit_terms(digits: str) -> tuple[Term, ...]:
    if digits == "何":
        return (("何", 1),)
    if not digits or any(c == "何" for c in digits):
        return ()
    return _terms_of(int("".join(str(DIGIT_VALUES[c]) for c in digits)) % 10000)


def _value_of(groups: list[Group]) -> int | None:
    total = 0
    for terms, unit in groups:
        if any(d == "何" for d, _ in terms):
            return None
        size = {"京": 10**16, "兆": 10**12, "億": 10**8, "万": 10**4, "": 1}[unit]
        total += sum(int(d) * u for d, u in terms) * size
    return total


def _read_groups(groups: list[Group], value: int | None) -> Number:
    parts: list[tuple[str, str]] = []          # (reading, key) per part
    for terms, unit in groups:
        parts.extend(_read_term(digit, size) for digit, size in terms)
        if unit:
            if unit == "兆":                   # 一兆 いっちょう, like a counter in ch-
                reading, key = parts[-1]
                if key in GEMINATE_S:
                    parts[-1] = (reading[:-1] + "っ", key)
            parts.append((BIG_UNITS[unit], unit))
    head = "".join(reading for reading, _ in parts[:-1])
    last, key = parts[-1]
    return Number(head, last, key, value)


def _read_term(digit: str, size: int) -> tuple[str, str]:
    if size == 1:
        return DIGITS[digit], digit
    if size == 10:
        return TENS.get(digit, DIGITS[digit] + "じゅう"), "10"
    if size == 100:
        return HUNDREDS.get(digit, DIGITS[digit] + "ひゃく"), "100"
    return THOUSANDS.get(digit, DIGITS[digit] + "せん"), "1000"


def _read_digit_by_digit(digits: str) -> Number:
    reading = "".join(DIGITS[str(DIGIT_VALUES[c])] for c in digits)
    return Number("", reading, "", None)


def _read_decimal(whole: str, fraction: str) -> Number | None:
    if not fraction or not all(c in DIGIT_VALUES for c in fraction):
        return None
    before = read_number(whole) if whole else Number("", DIGITS["0"], "0", 0)
    if before is None:
        return None
    point = number_with_counter(before, "てん", default_counter("てん"))   # 1.5 いってんご
    after = "".join(DIGITS[str(DIGIT_VALUES[c])] for c in fraction)
    return Number(point[0] + point[1], after, "", None)


def number_with_counter(number: Number, counter_surface: str, counter: Counter,
                        on_date: bool = False) -> tuple[str, str]:
    """The readings of a number and of the counter after it: (さん, ぼん) for 三本.
    When the two are read as one word (一日 ついたち, 二十歳 はたち) the counter's part is "".
    一日 is ついたち only on a date (`on_date`: a month comes before it, 四月一日, 来月の一日);
    otherwise it is a day's length, いちにち (一日八時間, 一日に三回)."""
    whole = counter.whole.get(number.value) if number.value is not None else None
    if whole and (on_date or counter_surface != "日" or number.value != 1):
        return whole, ""
    last = number.last
    if number.key in counter.digits:
        last = counter.digits[number.key]
    if number.key in counter.geminate:
        return number.head + last[:-1] + "っ", counter.after_geminate or counter.reading
    if number.key in counter.voice:
        return number.head + last, counter.voiced
    return number.head + last, counter.reading
