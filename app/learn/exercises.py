"""Auto-checked lesson exercises, one grader per type (the `type` stored in the content). Pure."""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from app import japanese


@dataclass(frozen=True)
class Marked:
    correct: bool
    given: str      # what the learner answered, as shown back to them
    expected: str   # the right answer, as shown to them


def as_kana(text: str) -> str:
    """Typed answers: romaji or katakana become hiragana; spaces and full-width forms do not matter."""
    text = unicodedata.normalize("NFKC", text).strip().replace(" ", "").replace("\u3000", "")
    return japanese.to_hiragana(japanese.kana_from_romaji(text.lower()))


def grade_choice(exercise: dict, answer: str) -> Marked:
    options = exercise["options"]
    given = options[int(answer)] if answer.isdigit() and int(answer) < len(options) else ""
    expected = options[exercise["answer"]]
    return Marked(given == expected and given != "", given, expected)


def grade_typed(exercise: dict, answer: str) -> Marked:
    accepted = {as_kana(a) for a in [exercise["answer"], *exercise.get("accept", [])]}
    return Marked(as_kana(answer) in accepted and answer.strip() != "", answer.strip(), exercise["answer"])


def grade_order(exercise: dict, answer: str) -> Marked:
    """`answer` is the pieces' indices in the order the learner put them, comma-separated."""
    pieces = exercise["pieces"]
    try:
        order = [int(i) for i in answer.split(",")]
        given = [pieces[i] for i in order]
    except (ValueError, IndexError):
        given = []
    return Marked(given == pieces, "".join(given), "".join(pieces))


GRADERS: dict[str, Callable[[dict, str], Marked]] = {
    "choice": grade_choice, "typed": grade_typed, "order": grade_order,
}


def grade(exercises: list[dict], answers: list[str]) -> list[Marked]:
    padded = [*answers, *[""] * (len(exercises) - len(answers))]
    return [GRADERS[ex["type"]](ex, padded[i]) for i, ex in enumerate(exercises)]


def shuffled_pieces(exercise: dict, seed: str) -> list[tuple[int, str]]:
    """The pieces of an order exercise in a stable shuffled order (same page, same order)."""
    pieces = list(enumerate(exercise["pieces"]))
    rng = random.Random(seed)  # noqa: S311  (shuffling a quiz, not security)
    for _ in range(5):
        rng.shuffle(pieces)
        if [p for _, p in pieces] != exercise["pieces"]:
            break
    return pieces
