"""The kinds of card, one entry each in CARD_KINDS (the name is stored in Card.kind): which content
they are made from, the question they ask, and how an answer is marked. Pure: the service gives
each question the content item and a few others to draw wrong choices from.

- meaning   a word in Japanese → choose its meaning (recognition)
- spelling  a word's meaning → type it in kana or romaji (recall)
- kanji     a kanji → type one of its readings
- cloze     a grammar point's example with its key part blanked → type the missing part
- listening a word spoken (app/audio) → choose its meaning; made only where audio is switched on
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from app import japanese
from app.learn.exercises import Marked, as_kana

CHOICES = 4
BLANK = "＿＿"


@dataclass(frozen=True)
class Question:
    kind: str
    answer_mode: str                       # "choice" or "typed"
    ja: str = ""                           # Japanese shown (furigana only where said)
    furigana: bool = False
    text: dict | None = None               # a meaning shown, {en, ur}
    options: list[str] = field(default_factory=list)
    expected: str = ""                     # the right answer as shown afterwards
    accepted: frozenset[str] = frozenset()  # typed answers counted right (as kana) / the right option
    audio: bool = False                    # the question is the word's audio


@dataclass(frozen=True)
class CardKind:
    name: str
    item_kind: str
    ask: Callable[[dict, Sequence[dict], str, random.Random], Question]


def gloss(data: dict, locale: str) -> str:
    """A word's or grammar point's meaning in the learner's language, short enough for a button."""
    if data.get("kind") == "grammar" or "pattern" in data:
        meaning = data.get("meaning", {})
        return meaning.get(locale) or meaning.get("en", "")
    words = data.get("ur") if locale == "ur" and data.get("ur") else data.get("en", [])
    return ("، " if locale == "ur" else "; ").join(words[:2])


def _both_glosses(data: dict) -> frozenset[str]:
    """The right option in either language: the learner may switch language mid-question."""
    return frozenset(g for g in (gloss(data, "en"), gloss(data, "ur")) if g)


def _choices(right: str, others: Sequence[dict], locale: str, rng: random.Random) -> list[str]:
    wrong = list(dict.fromkeys(g for g in (gloss(o, locale) for o in others) if g and g != right))
    rng.shuffle(wrong)
    options = [right, *wrong[:CHOICES - 1]]
    rng.shuffle(options)
    return options


def ask_meaning(data: dict, others: Sequence[dict], locale: str, rng: random.Random) -> Question:
    right = gloss(data, locale)
    return Question("meaning", "choice", ja=data["word"], options=_choices(right, others, locale, rng),
                    expected=right, accepted=_both_glosses(data))


def ask_listening(data: dict, others: Sequence[dict], locale: str, rng: random.Random) -> Question:
    right = gloss(data, locale)
    return Question("listening", "choice", audio=True, options=_choices(right, others, locale, rng),
                    expected=right, accepted=_both_glosses(data))


def ask_spelling(data: dict, others: Sequence[dict], locale: str, rng: random.Random) -> Question:
    accepted = {as_kana(data["reading"]), data["word"].lstrip("〜～")}
    return Question("spelling", "typed", text={"en": gloss(data, "en"), "ur": gloss(data, "ur")},
                    expected=f"{data['word']}（{data['reading']}）" if data["word"] != data["reading"]
                    else data["word"], accepted=frozenset(accepted))


def kanji_readings(data: dict) -> list[str]:
    """A kanji's readings as a learner types them: on in hiragana, kun with and without okurigana
    (た.べる → た, たべる), prefix and suffix marks dropped."""
    found = [japanese.to_hiragana(r) for r in data.get("on", [])]
    for kun in data.get("kun", []):
        kun = kun.strip("-")
        found += [kun.split(".")[0], kun.replace(".", "")]
    return list(dict.fromkeys(r for r in found if r))


def ask_kanji(data: dict, others: Sequence[dict], locale: str, rng: random.Random) -> Question:
    readings = kanji_readings(data)
    return Question("kanji", "typed", ja=data["kanji"], expected="、".join(readings),
                    accepted=frozenset(as_kana(r) for r in readings))


_PATTERN_PARTS = re.compile(r"[〜～/／()（）\s・,、]+")


def cloze_gap(pattern: str, sentence: str) -> str | None:
    """The longest kana-bearing part of a grammar pattern that the sentence contains (〜てください →
    てください): what the cloze blanks. None when no part of the pattern is in the sentence."""
    parts = [p for p in _PATTERN_PARTS.split(pattern) if p and not p.isascii()]
    found = [p for p in parts if p in sentence]
    return max(found, key=len) if found else None


def ask_cloze(data: dict, others: Sequence[dict], locale: str, rng: random.Random) -> Question:
    examples = data.get("examples") or []
    for example in rng.sample(examples, len(examples)):
        gap = cloze_gap(data["pattern"], example["ja"])
        if gap is not None:
            return Question("cloze", "typed", ja=example["ja"].replace(gap, BLANK, 1), furigana=True,
                            text={"en": example.get("en", ""), "ur": example.get("ur", "")},
                            expected=gap, accepted=frozenset({as_kana(gap), gap}))
    # No example shows the pattern's words as written (a pattern of conjugations): ask its meaning.
    example = examples[0] if examples else {"ja": data["pattern"]}
    right = gloss(data, locale)
    return Question("cloze", "choice", ja=example["ja"], furigana=True,
                    options=_choices(right, others, locale, rng), expected=right, accepted=_both_glosses(data))


CARD_KINDS: dict[str, CardKind] = {kind.name: kind for kind in (
    CardKind("meaning", "vocab", ask_meaning),          # in this order for each new word
    CardKind("listening", "vocab", ask_listening),
    CardKind("spelling", "vocab", ask_spelling),
    CardKind("kanji", "kanji", ask_kanji),
    CardKind("cloze", "grammar", ask_cloze),
)}
AUDIO_KINDS = frozenset({"listening"})
KINDS_FOR_ITEM: dict[str, list[str]] = {}
for _kind in CARD_KINDS.values():
    KINDS_FOR_ITEM.setdefault(_kind.item_kind, []).append(_kind.name)


def mark(question: Question, answer: str) -> Marked:
    """Right or wrong: a choice by its text, a typed answer as kana (romaji and katakana count)."""
    given = answer.strip()
    if question.answer_mode == "choice":
        correct = given in question.accepted
    else:
        correct = bool(given) and (as_kana(given) in question.accepted or given in question.accepted)
    return Marked(correct, given, question.expected)
