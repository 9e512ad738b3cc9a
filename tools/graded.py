"""Authoring aid: is a lesson's Japanese graded against a *planned* syllabus?

    python -m tools.graded 7 < sentences.txt        each line checked against lessons 1–7
    python -m tools.graded 7 --files                 the Japanese of lesson 7's files in content/n5/

`flask content check` judges the finished curriculum from the lesson files themselves. While several
authors write lessons at once, earlier lessons may not exist yet; this tool takes what each lesson
teaches from the plan in content/drafts/<level>/syllabus.yaml instead, with the same rules
(app.curriculum.checks), so an author can write lesson 12 before lesson 3 is on disk.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from app import japanese
from app.curriculum.checks import Taught, _unknown_words

CONTENT = Path(__file__).resolve().parent.parent / "content"


EARLIER = {"n4": ("n5",), "n3": ("n5", "n4"), "n2": ("n5", "n4", "n3"), "n1": ("n5", "n4", "n3", "n2")}


def taught_before(level: str, taught: Taught) -> None:
    """Everything the courses before `level` teach, from their real files (N4 builds on N5)."""
    for earlier in EARLIER.get(level, ()):
        for path in sorted((CONTENT / earlier / "vocab").glob("*.yaml")):
            for word in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
                taught.add_vocab(str(word["word"]), str(word["reading"]), str(word.get("pos", "")))
        kanji = CONTENT / earlier / "kanji.yaml"
        if kanji.exists():
            taught.kanji.update(str(k["kanji"]) for k in yaml.safe_load(kanji.read_text(encoding="utf-8")) or [])


def taught_by(syllabus: list[dict], lesson: int, level: str = "n5") -> Taught:
    taught = Taught(set(), set(), set())
    taught_before(level, taught)
    for item in syllabus:
        if int(item["lesson"]) <= lesson:
            for word in item.get("vocab", []):
                taught.add_vocab(str(word["word"]), str(word["reading"]), str(word.get("pos", "")))
            taught.kanji.update(str(k) for k in item.get("kanji", []))
    return taught


def allowed_words() -> set[str]:
    path = CONTENT / "allowed.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}
    data = data or {}
    return {str(w) for w in (data.get("names") or []) + (data.get("words") or [])}


def problems(text: str, taught: Taught, allowed: set[str]) -> list[str]:
    allowed_kanji = {ch for word in allowed for ch in word if japanese.is_kanji(ch)}
    found = [f"kanji {ch} not taught yet: write the word in kana"
             for ch in dict.fromkeys(text) if japanese.is_kanji(ch) and ch != "々"
             and ch not in taught.kanji | allowed_kanji]
    found += [f"word {word} not taught yet" for word in dict.fromkeys(_unknown_words(text, taught, allowed))]
    return found


def lesson_texts(level: str, lesson: int) -> list[tuple[str, str]]:
    """(where, Japanese) for every sentence lesson `lesson` shows, from its three files."""
    base = CONTENT / level
    name = f"l{lesson:02d}.yaml"
    texts: list[tuple[str, str]] = []

    def load(path: Path):
        return yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None

    for entry in load(base / "vocab" / name) or []:
        if entry.get("example"):
            texts.append((f"vocab/{name} {entry.get('id')}", str(entry["example"]["ja"])))
    for entry in load(base / "grammar" / name) or []:
        for example in entry.get("examples") or []:
            texts.append((f"grammar/{name} {entry.get('id')}", str(example["ja"])))
    data = load(base / "lessons" / name) or {}
    for line in (data.get("dialogue") or {}).get("lines") or []:
        texts.append((f"lessons/{name} dialogue", str(line["ja"])))
    if data.get("reading"):
        texts.append((f"lessons/{name} reading", str(data["reading"]["ja"])))
    for i, exercise in enumerate(data.get("exercises") or []):
        if exercise.get("ja"):
            texts.append((f"lessons/{name} exercise {i + 1}", str(exercise["ja"])))
        if exercise.get("pieces"):
            texts.append((f"lessons/{name} exercise {i + 1}", "".join(map(str, exercise["pieces"]))))
    return texts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("lesson", type=int, help="check against what lessons 1..LESSON teach")
    parser.add_argument("--level", default="n5")
    parser.add_argument("--files", action="store_true", help="check the lesson's own files, not stdin")
    args = parser.parse_args(argv)
    plan = CONTENT / "drafts" / args.level / "syllabus.yaml"
    syllabus = yaml.safe_load(plan.read_text(encoding="utf-8"))
    taught, allowed = taught_by(syllabus, args.lesson, args.level), allowed_words()
    if args.files:
        texts = lesson_texts(args.level, args.lesson)
    else:
        texts = [("stdin", line.strip()) for line in sys.stdin if line.strip()]
    bad = 0
    for where, text in texts:
        found = problems(text, taught, allowed)
        if found:
            bad += 1
            print(f"{where}: {text}\n    " + "\n    ".join(found))
    print(f"{len(texts)} sentences, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
