"""One schema for all content (docs/content-format.md explains it). Pure: pydantic only."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator

LEVELS = ("N5", "N4", "N3", "N2", "N1")
# The Specified Skilled Worker fields, each a workplace module in content/modules/<sector>/ (short
# names: they are the module's "level" and start its words' ids, care.v.kaigo).
SECTORS = ("care", "farm", "food", "build", "factory", "it", "clean", "ship", "auto", "air", "hotel", "fish",
           "foodmfg", "rail", "forest", "wood")
URDU_LETTER = re.compile(r"[\u0600-\u06FF]")
HIRAGANA_READING = re.compile(r"^[\u3041-\u3096\u309D\u309Eー・ ]+$")
KATAKANA = re.compile(r"^[\u30A1-\u30FAー・.\-]+$")
KANA_RE = re.compile(r"^[\u3041-\u3096\u30A1-\u30FAー]+$")
ID_PART = r"[a-z0-9][a-z0-9\-]*"


def _urdu(value: str) -> str:
    if not URDU_LETTER.search(value):
        raise ValueError("must be written in Urdu script")
    return value


def _hiragana(value: str) -> str:
    if not HIRAGANA_READING.match(value):
        raise ValueError("must be hiragana (katakana words: convert to hiragana, keep ー)")
    return value


Str = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Urdu = Annotated[Str, AfterValidator(_urdu)]
Reading = Annotated[Str, AfterValidator(_hiragana)]
Glosses = Annotated[list[Str], Field(min_length=1)]
UrduGlosses = Annotated[list[Urdu], Field(min_length=1)]


def _id(pattern: str, example: str):
    regex = re.compile(pattern)

    def check(value: str) -> str:
        if not regex.fullmatch(value):
            raise ValueError(f"is not a valid id of this kind (like {example})")
        return value

    return Annotated[Str, AfterValidator(check)]


KanaId = _id(rf"kana\.[hk]\.{ID_PART}", "kana.h.ka")
VocabId = _id(rf"(n[1-5]|{'|'.join(SECTORS)})\.v\.{ID_PART}", "n5.v.taberu")
KanjiId = _id(r"n[1-5]\.k\.[\u3005\u4E00-\u9FFF]", "n5.k.日")
GrammarId = _id(rf"n[1-5]\.g\.{ID_PART}", "n5.g.wa-desu")
LessonId = _id(r"n[1-5]\.l\d\d", "n5.l07")
CourseId = _id(ID_PART, "n5")
ModuleId = _id(rf"module\.({'|'.join(SECTORS)})", "module.care")
GuideId = _id(rf"guide\.{ID_PART}", "guide.work")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Strict):
    en: Str
    ur: Urdu


class Example(Strict):
    ja: Str
    en: Str
    ur: Urdu


class Kana(Strict):
    id: KanaId
    kana: Annotated[Str, StringConstraints(pattern=KANA_RE.pattern)]
    romaji: Annotated[Str, StringConstraints(pattern=r"^[a-z\-]+$")]
    kind: Literal["basic", "dakuten", "handakuten", "small", "combination", "extended"]
    mnemonic: Text


POS = Literal["noun", "pronoun", "verb", "i-adjective", "na-adjective", "adverb", "particle", "conjunction",
              "interjection", "counter", "prefix", "suffix", "expression", "number"]


class Vocab(Strict):
    id: VocabId
    word: Str
    reading: Reading
    pos: POS
    verb_class: Literal["godan", "ichidan", "irregular"] | None = None
    en: Glosses
    ur: UrduGlosses
    example: Example | None = None
    tags: list[Str] = []
    reading_note: Str | None = None

    @model_validator(mode="after")
    def _verb_class_for_verbs(self):
        if self.pos == "verb" and self.verb_class is None:
            raise ValueError("verb_class: a verb needs its class (godan, ichidan or irregular)")
        if self.pos != "verb" and self.verb_class is not None:
            raise ValueError("verb_class: only verbs have a verb class")
        return self


class Kanji(Strict):
    id: KanjiId
    kanji: Annotated[Str, StringConstraints(min_length=1, max_length=1)]
    on: list[Annotated[Str, StringConstraints(pattern=KATAKANA.pattern)]] = []
    kun: list[Annotated[Str, StringConstraints(pattern=r"^[\u3041-\u3096.\-]+$")]] = []
    en: Glosses
    ur: UrduGlosses
    strokes: Annotated[int, Field(ge=1, le=30)]

    @model_validator(mode="after")
    def _has_a_reading(self):
        if not self.on and not self.kun:
            raise ValueError("on: a kanji needs at least one on or kun reading")
        return self


class Grammar(Strict):
    id: GrammarId
    pattern: Str
    meaning: Text
    formation: Text
    explanation: Text
    examples: Annotated[list[Example], Field(min_length=3)]
    mistakes: Annotated[list[Text], Field(min_length=1)]


class Line(Strict):
    speaker: Str
    ja: Str
    en: Str
    ur: Urdu


class Dialogue(Strict):
    situation: Text
    lines: Annotated[list[Line], Field(min_length=2)]


class Choice(Strict):
    type: Literal["choice"]
    prompt: Text
    ja: Str | None = None
    options: Annotated[list[Str], Field(min_length=2)]
    answer: Annotated[int, Field(ge=0)]

    @model_validator(mode="after")
    def _answer_is_an_option(self):
        if self.answer >= len(self.options):
            raise ValueError(f"answer: {self.answer} is not the index of an option (0 to {len(self.options) - 1})")
        if len(set(self.options)) != len(self.options):
            raise ValueError("options: two options are the same")
        return self


class Typed(Strict):
    type: Literal["typed"]
    prompt: Text
    ja: Str | None = None
    answer: Annotated[Str, StringConstraints(pattern=KANA_RE.pattern)]
    accept: list[Str] = []


class Order(Strict):
    type: Literal["order"]
    prompt: Text
    pieces: Annotated[list[Str], Field(min_length=2)]
    en: Str | None = None


Exercise = Annotated[Choice | Typed | Order, Field(discriminator="type")]


class Lesson(Strict):
    id: LessonId
    title: Text
    goals: Annotated[list[Text], Field(min_length=1)]
    vocab: list[VocabId] = []
    kanji: list[KanjiId] = []
    grammar: list[GrammarId] = []
    dialogue: Dialogue
    reading: Example
    exercises: Annotated[list[Exercise], Field(min_length=5)]


class Notice(Strict):
    """Something a worker reads at work: a notice, a shift plan, a safety sign, a manager's message."""

    title: Text
    ja: Str
    en: Str
    ur: Urdu


class Module(Strict):
    """Japanese for one workplace, built on a course (`after`: its words and kanji are known).
    A starter module is a word list only; a full one has dialogues, notices and exercises."""

    id: ModuleId
    title: Text
    summary: Text
    after: CourseId
    starter: bool = False
    vocab: Annotated[list[VocabId], Field(min_length=1)]
    dialogues: list[Dialogue] = []
    readings: list[Notice] = []
    exercises: list[Exercise] = []

    @model_validator(mode="after")
    def _full_modules_teach(self):
        if not self.starter and (not self.dialogues or not self.readings or len(self.exercises) < 5):
            raise ValueError("a module that is not a starter list needs dialogues, readings and at least "
                             "5 exercises (or starter: true)")
        return self


class Source(Strict):
    name: Str
    url: Annotated[Str, StringConstraints(pattern=r"^https://\S+$")]


class GuideSection(Strict):
    heading: Text
    paragraphs: Annotated[list[Text], Field(min_length=1)]
    points: list[Text] = []             # a list shown after the paragraphs


class Guide(Strict):
    """A page of facts for learners (content/guides/<name>.yaml): written by us, with the sources its
    facts were checked against and the day they were checked."""

    id: GuideId
    title: Text
    summary: Text
    checked: date
    sources: Annotated[list[Source], Field(min_length=1)]
    sections: Annotated[list[GuideSection], Field(min_length=1)]


# JLPT question types (official names, see docs/content-format.md) and kana items, by section.
ITEM_TYPES = {
    "kana": "vocabulary",
    "kanji-reading": "vocabulary", "orthography": "vocabulary", "word-formation": "vocabulary",
    "context": "vocabulary", "paraphrase": "vocabulary", "usage": "vocabulary",
    "grammar-form": "grammar", "composition": "grammar", "text-grammar": "grammar",
    "short-passage": "reading", "mid-passage": "reading", "long-passage": "reading",
    "integrated-reading": "reading", "thematic": "reading", "info-retrieval": "reading",
    "task": "listening", "key-point": "listening", "outline": "listening", "verbal-expression": "listening",
    "quick-response": "listening", "integrated-listening": "listening",
}
ItemId = _id(rf"item\.(kana|n[1-5])\.{ID_PART}(\.{ID_PART})*", "item.n5.grammar-form.003")


class Irt(Strict):
    """3PL parameters: discrimination a, difficulty b (logits), lower asymptote c (guessing)."""

    a: Annotated[float, Field(gt=0, le=4)]
    b: Annotated[float, Field(ge=-6, le=6)]
    c: Annotated[float, Field(ge=0, lt=0.5)] = 0.2
    anchor: bool = False                # kept fixed by calibration: it ties the scale to the levels


class Item(Strict):
    """One test question. The part of the stem a question asks about is between ＿ marks
    (＿映画＿を見ました); a listening item's passage is its script (spoken, shown after the test)."""

    id: ItemId
    type: Literal[tuple(ITEM_TYPES)]
    stem: Str
    passage: Str | None = None
    set: Str | None = None              # items that share one passage
    options: Annotated[list[Str], Field(min_length=3, max_length=4)]
    answer: Annotated[int, Field(ge=0)]
    explanation: Text
    irt: Irt | None = None              # none: priors from level and type until calibrated
    domain: Literal["care"] | None = None   # a workplace test's items (the Nursing Care Japanese form)

    @model_validator(mode="after")
    def _answer_is_an_option(self):
        if self.answer >= len(self.options):
            raise ValueError(f"answer: {self.answer} is not the index of an option (0 to {len(self.options) - 1})")
        if len(set(self.options)) != len(self.options):
            raise ValueError("options: two options are the same")
        if ITEM_TYPES[self.type] in ("reading", "listening") and not self.passage:
            raise ValueError(f"passage: a {self.type} item needs its passage or script")
        return self


class Course(Strict):
    id: CourseId
    title: Text
    level: Literal["kana", *LEVELS]
    lessons: list[LessonId] = []


class Allowed(Strict):
    """Words a lesson may use before teaching them: names of people and places, and a short list."""

    names: list[Str] = []
    words: list[Str] = []


KINDS: dict[str, type[Strict]] = {
    "kana": Kana, "vocab": Vocab, "kanji": Kanji, "grammar": Grammar, "lesson": Lesson, "course": Course,
    "module": Module, "item": Item, "guide": Guide,
}
