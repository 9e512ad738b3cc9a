"""Checks across entries: duplicate ids, references, readings against the engine, and gradedness.

Every problem names file, line, id and field. Pure: no Flask, no database.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from app import japanese
from app.curriculum.loader import Content, Entry, Problem
from app.curriculum.strokes import stroke_count
from app.japanese.numbers import COUNTERS

ITERATION_MARK = "々"      # repeats the kanji before it (時々): nothing new to teach
ID_PREFIX = {"vocab": "v", "kanji": "k", "grammar": "g", "lesson": "l"}
# Words that carry meaning; particles, auxiliaries and endings are grammar, taught by grammar points.
CONTENT_POS = {"名詞", "代名詞", "動詞", "形容詞", "形状詞", "副詞", "連体詞", "接続詞", "感動詞"}


def _problem(entry: Entry, field_path: tuple, message: str) -> Problem:
    return Problem(entry.source.file, entry.line(*field_path), entry.id, ".".join(map(str, field_path)), message)


def duplicate_ids(content: Content) -> Iterator[Problem]:
    first: dict[str, Entry] = {}
    for entry in content.entries:
        if entry.id in first:
            other = first[entry.id]
            yield _problem(entry, ("id",), f"is used already at {other.source.file}:{other.line('id')}")
        else:
            first[entry.id] = entry


def ids_match_their_place(content: Content) -> Iterator[Problem]:
    for entry in content.entries:
        if entry.kind in ID_PREFIX:
            prefix = f"{entry.level.lower()}.{ID_PREFIX[entry.kind]}"
            if not entry.id.startswith(prefix):
                yield _problem(entry, ("id",), f"a {entry.kind} in content/{entry.level.lower()}/ has an id "
                                               f"starting {prefix}")
        elif entry.kind == "item" and not entry.id.startswith(f"item.{entry.level.lower()}."):
            yield _problem(entry, ("id",), f"an item in content/items/{entry.level.lower()}/ has an id starting "
                                           f"item.{entry.level.lower()}.")
        elif entry.kind == "module" and entry.id != f"module.{entry.level}":
            yield _problem(entry, ("id",), f"the module in content/modules/{entry.level}/ has the id "
                                           f"module.{entry.level}")
        elif entry.kind == "guide" and entry.id != f"guide.{entry.level}":
            yield _problem(entry, ("id",), f"the guide in content/guides/{entry.level}.yaml has the id "
                                           f"guide.{entry.level}")
        elif entry.kind == "kana":
            script = "h" if "hiragana" in entry.source.file else "k"
            if not entry.id.startswith(f"kana.{script}."):
                yield _problem(entry, ("id",), f"ids in this file start kana.{script}.")


def references(content: Content) -> Iterator[Problem]:
    """Lessons name existing entries of the right kind; every lesson is in one course; every word,
    kanji and grammar point of a level with a course is introduced by exactly one lesson."""
    by_id = {e.id: e for e in content.entries}
    introduced: dict[str, Entry] = {}
    for lesson in content.of("lesson"):
        for field_name, kind in (("vocab", "vocab"), ("kanji", "kanji"), ("grammar", "grammar")):
            for i, ref in enumerate(getattr(lesson.model, field_name)):
                target = by_id.get(ref)
                if ref in content.invalid_ids:
                    continue
                if target is None or target.kind != kind:
                    yield _problem(lesson, (field_name, i), f"{ref} is not a {kind} entry")
                elif ref in introduced:
                    yield _problem(lesson, (field_name, i), f"{ref} is introduced already by {introduced[ref].id}")
                else:
                    introduced[ref] = lesson
    for module in content.of("module"):
        for i, ref in enumerate(module.model.vocab):
            target = by_id.get(ref)
            if ref in content.invalid_ids:
                continue
            if target is None or target.kind != "vocab" or target.level != module.level:
                yield _problem(module, ("vocab", i),
                               f"{ref} is not a word of content/modules/{module.level}/vocab.yaml")
            elif ref in introduced:
                yield _problem(module, ("vocab", i), f"{ref} is introduced already by {introduced[ref].id}")
            else:
                introduced[ref] = module
        target = by_id.get(module.model.after)
        if target is None or target.kind != "course":
            yield _problem(module, ("after",), f"{module.model.after} is not a course")
    in_course: dict[str, Entry] = {}
    for course in content.of("course"):
        for i, ref in enumerate(course.model.lessons):
            target = by_id.get(ref)
            if ref in content.invalid_ids:
                continue
            if target is None or target.kind != "lesson":
                yield _problem(course, ("lessons", i), f"{ref} is not a lesson")
            elif ref in in_course:
                yield _problem(course, ("lessons", i), f"{ref} is in course {in_course[ref].id} already")
            else:
                in_course[ref] = course
    for lesson in content.of("lesson"):
        if lesson.id not in in_course:
            yield _problem(lesson, ("id",), "is in no course: add it to content/courses.yaml")
    levels_taught = {e.level for e in content.of("lesson")} | {e.level for e in content.of("module")}
    for entry in content.entries:
        if entry.kind in ("vocab", "kanji", "grammar") and entry.level in levels_taught and entry.id not in introduced:
            yield _problem(entry, ("id",), "no lesson or module introduces it: add it to a lesson's "
                                           f"{'vocab' if entry.kind == 'vocab' else entry.kind} list")


def readings(content: Content) -> Iterator[Problem]:
    """A word's reading must be the engine's, unless the entry says why it differs."""
    for entry in content.of("vocab"):
        word = entry.model.word.lstrip("〜～")
        if entry.model.reading_note or not japanese.has_kanji(word):
            continue
        engine = japanese.to_hiragana(japanese.reading(word))
        if engine != entry.model.reading:
            yield _problem(entry, ("reading",), f"is {entry.model.reading} but the engine reads {word} as {engine}; "
                                                "fix it, or add reading_note: saying why")


def kanji_strokes(content: Content) -> Iterator[Problem]:
    """A kanji's stroke count must agree with KanjiVG's drawing of it."""
    for entry in content.of("kanji"):
        drawn = stroke_count(entry.model.kanji)
        if drawn is not None and drawn != entry.model.strokes:
            yield _problem(entry, ("strokes",), f"is {entry.model.strokes} but KanjiVG draws {entry.model.kanji} "
                                                f"in {drawn} strokes")


# --- Gradedness ------------------------------------------------------------------------------------

@dataclass
class Taught:
    spellings: set[str]
    readings: set[str]
    kanji: set[str]
    stems: set[str] = field(default_factory=set)   # of verbs and adjectives: たべ (たべる), たか (たかい)
    kanji_stems: set[str] = field(default_factory=set)   # of verbs written with kanji: 帰 (帰る), 見つ (見つける)

    def copy(self) -> Taught:
        return Taught(set(self.spellings), set(self.readings), set(self.kanji), set(self.stems),
                      set(self.kanji_stems))

    def add_vocab(self, word: str, reading: str, pos: str = "") -> None:
        word = word.lstrip("〜～")
        reading = reading.lstrip("〜～")
        self.spellings.add(word)
        self.readings.add(reading)
        if pos in ("verb", "i-adjective") and len(reading) >= 2:
            self.stems.add(reading[:-1])
        if pos == "verb" and japanese.has_kanji(word) and len(word) >= 2:
            stem = word[:-1]
            while len(stem) > 1 and not japanese.is_kanji(stem[-1]) and stem[-1] in "けげせぜてでねべめれえ":
                stem = stem[:-1]             # 見つける → 見つ: the ichidan ending may change (見つかる)
            self.kanji_stems.add(stem)


def _sentences(lesson: Entry, by_id: dict[str, Entry]) -> Iterator[tuple[Entry, tuple, str, bool]]:
    """Every piece of Japanese a lesson shows, with where it is written, and whether its words are
    checked too (a choice's options are often distractor readings or English: kanji only)."""
    model = lesson.model
    if lesson.kind == "module":
        for d, dialogue in enumerate(model.dialogues):
            for i, line in enumerate(dialogue.lines):
                yield lesson, ("dialogues", d, "lines", i, "ja"), line.ja, True
        for r, notice in enumerate(model.readings):
            yield lesson, ("readings", r, "ja"), notice.ja, True
    else:
        for i, line in enumerate(model.dialogue.lines):
            yield lesson, ("dialogue", "lines", i, "ja"), line.ja, True
        yield lesson, ("reading", "ja"), model.reading.ja, True
    for i, exercise in enumerate(model.exercises):
        if getattr(exercise, "ja", None):
            yield lesson, ("exercises", i, "ja"), exercise.ja, True
        if exercise.type == "order":
            yield lesson, ("exercises", i, "pieces"), "".join(exercise.pieces), True
        if exercise.type == "choice":
            for j, option in enumerate(exercise.options):
                yield lesson, ("exercises", i, "options", j), option, False
    for ref in model.vocab:
        entry = by_id.get(ref)
        if entry is not None and entry.model.example is not None:
            yield entry, ("example", "ja"), entry.model.example.ja, True
    for ref in getattr(model, "grammar", ()):
        entry = by_id.get(ref)
        if entry is not None:
            for i, example in enumerate(entry.model.examples):
                yield entry, ("examples", i, "ja"), example.ja, True


def _covered(text: str, phrases: set[str]) -> list[bool]:
    """Which characters of `text` belong to a taught word written out in full (日本語 as one word,
    though the dictionary splits it 日本|語)."""
    covered = [False] * len(text)
    for phrase in phrases:
        if len(phrase) < 2:
            continue
        start = text.find(phrase)
        while start != -1:
            covered[start:start + len(phrase)] = [True] * len(phrase)
            start = text.find(phrase, start + 1)
    return covered


def _unknown_words(text: str, taught: Taught, allowed: set[str]) -> Iterator[str]:
    # A taught word written out whole covers its characters, in kanji or in kana (がくせい, which the
    # dictionary splits がく|せい).
    # … also in a mix of hiragana and katakana (ざいりゅうカード for ざいりゅうかーど): compare as hiragana
    phrases = taught.spellings | taught.readings | allowed
    covered = [a or b for a, b in zip(_covered(text, phrases), _covered(japanese.to_hiragana(text), phrases),
                                      strict=True)]
    previous = None
    for token in japanese.tokens(text):
        before, previous = previous, token
        detail = token.pos_detail.split("-")
        if token.pos not in CONTENT_POS or {"固有名詞", "数詞", "非自立可能"} & set(detail):
            continue
        if not any(japanese.is_kanji(ch) or "\u3041" <= ch <= "\u30ff" for ch in token.surface):
            continue  # Latin, digits, symbols
        if all(covered[token.start:token.end]):
            continue
        if before is not None and _is_number(before) and ("助数詞可能" in detail or token.surface in _counter_kana()):
            continue  # a counter after a number is part of the number (3日, 何日, 10分, 30ぷん)
        lemma, lemma_reading = token.lemma, token.lemma_reading or token.reading
        if lemma in taught.spellings or token.surface in taught.spellings or lemma in allowed:
            continue
        if not token.has_kanji and (lemma_reading in taught.readings or token.reading in taught.readings
                                    or _inflects_taught(token, taught)):
            continue
        if token.has_kanji and token.pos == "動詞" and _inflects_taught_spelling(token, taught):
            continue
        yield token.surface if token.surface == lemma else f"{token.surface} ({lemma})"


@functools.cache
def _counter_kana() -> frozenset[str]:
    """Every sound of every counter the engine knows (ふん, ぷん, ぼん …), as kana after a number."""
    return frozenset(sound for c in COUNTERS.values() for sound in (c.reading, c.after_geminate, c.voiced) if sound)


def _inflects_taught_spelling(token, taught: Taught) -> bool:
    """A taught verb in a form the dictionary files under another verb: 帰って (read as 返る),
    待たされる (as 待たす), 見つかった: the form starts with the taught spelling less its ending."""
    return any(token.surface.startswith(stem) for stem in taught.kanji_stems)


def _is_number(token) -> bool:
    return "数詞" in token.pos_detail.split("-") or token.surface.isdigit()


def _inflects_taught(token, taught: Taught) -> bool:
    """Kana the dictionary took for another word: in all-kana text MeCab often reads a taught verb
    as a rarer one (おきます after に as 於く, つかって as 浸かる, あそびに as the noun 遊び). The
    kana count as the taught word when they start with its stem (its reading less the last kana),
    a stem of two kana or more, or of one for a verb read as a verb."""
    surface = japanese.to_hiragana(token.surface)
    if len(surface) >= 3 and any(reading.startswith(surface) for reading in taught.readings):
        return True                          # the first part of a taught word: びっくり(する)
    return any(surface[:length] in taught.stems and (length >= 2 or token.pos == "動詞")
               for length in range(len(surface), 0, -1))


def gradedness(content: Content) -> Iterator[Problem]:
    """Each course's lessons, in order, use only words and kanji taught so far (courses in file order
    build on each other: N4 may use what N5 taught). A workplace module may use what its course and
    the courses before it taught, and its own words, written in their kanji (shown with furigana)."""
    by_id = {e.id: e for e in content.entries}
    allowed = set(content.allowed.names) | set(content.allowed.words)
    allowed_kanji = {ch for word in allowed for ch in word if japanese.is_kanji(ch)}
    taught = Taught(set(), set(), set())
    after_course: dict[str, Taught] = {}
    introduced_in: dict[str, str] = {}
    for lesson in content.of("lesson"):
        for ref in lesson.model.kanji:
            introduced_in.setdefault(ref.rsplit(".", 1)[-1], lesson.id)
    for course in content.of("course"):
        for lesson_id in course.model.lessons:
            lesson = by_id.get(lesson_id)
            if lesson is None or lesson.kind != "lesson":
                continue
            for ref in lesson.model.vocab:
                if ref in by_id:
                    taught.add_vocab(by_id[ref].model.word, by_id[ref].model.reading, by_id[ref].model.pos)
            taught.kanji.update(ref.rsplit(".", 1)[-1] for ref in lesson.model.kanji)
            yield from _graded(lesson, by_id, taught, allowed, allowed_kanji, introduced_in)
        after_course[course.id] = taught.copy()
    for module in content.of("module"):
        known = after_course.get(module.model.after)
        if known is None:
            continue                                   # reported by references()
        known = known.copy()
        for ref in module.model.vocab:
            if ref in by_id and by_id[ref].kind == "vocab":
                word = by_id[ref].model
                known.add_vocab(word.word, word.reading, word.pos)
                known.kanji.update(ch for ch in word.word if japanese.is_kanji(ch))
        yield from _graded(module, by_id, known, allowed, allowed_kanji, introduced_in)


def _graded(unit: Entry, by_id: dict[str, Entry], taught: Taught, allowed: set[str], allowed_kanji: set[str],
            introduced_in: dict[str, str]) -> Iterator[Problem]:
    for entry, where, text, check_words in _sentences(unit, by_id):
        for ch in dict.fromkeys(ch for ch in text if japanese.is_kanji(ch) and ch != ITERATION_MARK):
            if ch not in taught.kanji and ch not in allowed_kanji:
                later = introduced_in.get(ch)
                hint = f"it is taught in {later}" if later else "no lesson teaches it"
                yield _problem(entry, where, f"uses the kanji {ch} before it is taught in {unit.id} "
                                             f"({hint}); write the word in kana")
        for word in dict.fromkeys(_unknown_words(text, taught, allowed) if check_words else ()):
            yield _problem(entry, where, f"uses the word {word}, not taught by {unit.id} or before; "
                                         "teach it first, or add it to content/allowed.yaml if it is a name")


def item_keys(content: Content) -> Iterator[Problem]:
    """Reading and writing items are checked by the engine: the key is the reading of the marked
    word (or the spelling that reads as the marked kana), and no distractor is right as well."""
    for entry in content.of("item"):
        item = entry.model
        if item.type not in ("kanji-reading", "orthography"):
            continue
        marked = TARGET.search(item.stem)
        if marked is None:
            yield _problem(entry, ("stem",), "mark the word the question asks about between ＿ marks: ＿映画＿")
            continue
        target = marked.group(1)
        if item.type == "kanji-reading":
            right = [i for i, option in enumerate(item.options) if option == _read(target)]
            what = f"the engine reads {target} as {_read(target)}"
        else:
            # a distractor read the same is right too when it is a word of its own (合う beside 会う);
            # a made-up spelling (飯べる) splits into more pieces than the key and is wrong
            key_pieces = len(japanese.tokens(item.options[item.answer]))
            right = [i for i, option in enumerate(item.options) if _read(option) == japanese.to_hiragana(target)
                     and (i == item.answer or len(japanese.tokens(option)) <= key_pieces)]
            what = f"the options the engine reads as {target} are {[item.options[i] for i in right] or 'none'}"
        if right != [item.answer]:
            yield _problem(entry, ("answer",), f"{what}; the key must be the one right option")


TARGET = re.compile(r"＿([^＿]+)＿")


@functools.cache
def _read(text: str) -> str:
    return japanese.to_hiragana(japanese.reading(text))


CHECKS = (duplicate_ids, ids_match_their_place, references, readings, kanji_strokes, gradedness, item_keys)


def check(content: Content) -> list[Problem]:
    problems = list(content.problems)
    for run in CHECKS:
        problems.extend(run(content))
    return sorted(problems, key=lambda p: (p.file, p.line, p.field, p.message))
