"""Items made from word lists: kanji-reading and orthography items for every level, and kana items for
learners below N5. Distractors are the mistakes real tests use (voicing, vowel length, small っ and
ゃゅょ; a kanji of the same sound) and each is checked by the Japanese engine so that no distractor
is also a right answer. Pure: the caller writes the YAML (`flask items generate`).
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from app import japanese

VOICE = dict(zip("かきくけこさしすせそたちつてとはひふへほ", "がぎぐげござじずぜぞだぢづでどばびぶべぼ", strict=True))
UNVOICE = {v: k for k, v in VOICE.items()}
SEMI = dict(zip("はひふへほ", "ぱぴぷぺぽ", strict=True))
SMALL = dict(zip("ゃゅょ", "やゆよ", strict=True))
O_ROW = set("おこそとのほもよろごぞどぼぽょ")
E_ROW = set("えけせてねへめれげぜでべぺ")
U_ROW = set("うくすつぬふむゆるぐずづぶぷゅ")
GEMINABLE = set("かきくけこさしすせそたちつてとぱぴぷぺぽ")


@dataclass(frozen=True)
class Word:
    word: str
    reading: str          # hiragana, as the engine reads it
    level: str            # N5 … N1
    example: str | None = None


def reading_variants(reading: str) -> Iterator[str]:
    """Near-misses of a reading, the kind a learner confuses: voicing, long and short vowels,
    small っ and small ゃゅょ."""
    for i, ch in enumerate(reading):
        for other in (VOICE.get(ch), UNVOICE.get(ch), SEMI.get(ch)):
            if other:
                yield reading[:i] + other + reading[i + 1:]
        if ch in SMALL:
            yield reading[:i] + SMALL[ch] + reading[i + 1:]
        if ch == "っ":
            yield reading[:i] + reading[i + 1:]
        elif ch in GEMINABLE and i > 0 and reading[i - 1] not in "っんー":
            yield reading[:i] + "っ" + reading[i:]
        nxt = reading[i + 1] if i + 1 < len(reading) else ""
        if ch in O_ROW and nxt != "う":
            yield reading[:i + 1] + "う" + reading[i + 1:]
        if ch in O_ROW | U_ROW and nxt == "う":
            yield reading[:i + 1] + reading[i + 2:]
        if ch in E_ROW and nxt == "い":
            yield reading[:i + 1] + reading[i + 2:]
            yield reading[:i + 1] + "え" + reading[i + 2:]          # えい spelled as it sounds: ええ
        if ch in O_ROW and nxt == "う":
            yield reading[:i + 1] + "お" + reading[i + 2:]          # おう spelled as it sounds: おお
        if ch in E_ROW and nxt not in ("い", "え"):
            yield reading[:i + 1] + "い" + reading[i + 1:]


def _plausible(kana: str) -> bool:
    return bool(kana) and kana[0] not in "っゃゅょんー" and not kana.endswith("っ")


def _dictionary_reading(text: str) -> str:
    """UniDic's own kana for a word (where it differs from ours, it is a real reading: 日本 にっぽん)."""
    return "".join(japanese.to_hiragana(t.reading) for t in japanese.tokens(text))


def kanji_reading_item(word: Word, rng: random.Random) -> dict | None:
    if not japanese.has_kanji(word.word):
        return None
    right = japanese.to_hiragana(japanese.reading(word.word))
    if right != word.reading:
        return None                                   # the engine and the list disagree: leave it out
    taken = {right, _dictionary_reading(word.word)}
    candidates = [v for v in dict.fromkeys(reading_variants(right)) if v not in taken and _plausible(v)]
    if len(candidates) < 3:
        return None
    options = [right, *rng.sample(candidates, 3)]
    rng.shuffle(options)
    stem = _in_sentence(word) or f"＿{word.word}＿"
    return {"type": "kanji-reading", "stem": stem, "options": options, "answer": options.index(right),
            "explanation": {"en": f"{word.word} is read {right}.", "ur": f"{word.word} کو {right} پڑھتے ہیں۔"}}


def _in_sentence(word: Word) -> str | None:
    if word.example and word.word in word.example and word.example.count("＿") == 0:
        return word.example.replace(word.word, f"＿{word.word}＿", 1)
    return None


def orthography_item(word: Word, kanji_by_sound: dict[str, list[str]], rng: random.Random) -> dict | None:
    """Which spelling is the word written in kana: a word of two kanji read by their sounds (会社
    かい|しゃ), distractors putting another kanji of the same sound in one place (回社, 会者), which
    is how the real test tempts; a distractor that is itself a word read the same is left out."""
    if len(word.word) != 2 or not all(japanese.is_kanji(ch) for ch in word.word):
        return None
    if japanese.to_hiragana(japanese.reading(word.word)) != word.reading:
        return None
    first, second = word.word
    split = next(((r1, r2) for r1 in _sounds_of(first) for r2 in _sounds_of(second) if r1 + r2 == word.reading), None)
    if split is None:
        return None
    candidates = [other + second for other in kanji_by_sound.get(split[0], []) if other != first]
    candidates += [first + other for other in kanji_by_sound.get(split[1], []) if other != second]
    distractors = [c for c in dict.fromkeys(candidates) if len(japanese.tokens(c)) > 1
                   or japanese.to_hiragana(japanese.reading(c)) != word.reading]
    if len(distractors) < 3:
        return None
    options = [word.word, *rng.sample(distractors, 3)]
    rng.shuffle(options)
    stem = f"＿{word.reading}＿"
    if word.example and word.word in word.example:
        stem = word.example.replace(word.word, f"＿{word.reading}＿", 1)
    return {"type": "orthography", "stem": stem, "options": options, "answer": options.index(word.word),
            "explanation": {"en": f"{word.reading} is written {word.word}.",
                            "ur": f"{word.reading} کو {word.word} لکھتے ہیں۔"}}


_KANJI_SOUNDS: dict[str, list[str]] = {}


def _sounds_of(kanji: str) -> list[str]:
    return _KANJI_SOUNDS.get(kanji, [])


def index_kanji_sounds(kanji: Iterable[tuple[str, list[str]]]) -> dict[str, list[str]]:
    """sound → kanji with that on-reading (hiragana), and remember each kanji's sounds."""
    by_sound: dict[str, list[str]] = {}
    for character, on_readings in kanji:
        sounds = [japanese.to_hiragana(r) for r in on_readings if r]
        _KANJI_SOUNDS[character] = sounds
        for sound in sounds:
            by_sound.setdefault(sound, []).append(character)
    return by_sound


def kana_items(kana: Iterable[tuple[str, str]], count: int, rng: random.Random) -> list[dict]:
    """For learners below N5: which kana is this romaji? (hiragana and katakana, basic and voiced)."""
    pool = [(k, r) for k, r in kana if len(k) == 1 and r.isalpha()]
    items = []
    for k, r in rng.sample(pool, min(count, len(pool))):
        others = [o for o, rr in pool if rr != r and _same_script(o, k)]
        options = [k, *rng.sample(others, 3)]
        rng.shuffle(options)
        items.append({"type": "kana", "stem": r, "options": options, "answer": options.index(k),
                      "explanation": {"en": f"{k} is {r}.", "ur": f"{k} کو {r} پڑھتے ہیں۔"}})
    return items


def _same_script(a: str, b: str) -> bool:
    return ("\u30a0" <= a <= "\u30ff") == ("\u30a0" <= b <= "\u30ff")
