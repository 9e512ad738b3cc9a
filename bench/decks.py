"""Anki decks: building the N5 + N4 vocabulary deck with audio, against bare genanki writing the same
notes and media in the same run.

    python -m bench.decks [--repeat 5]

1. A fresh SQLite database with the real course loaded (content/: the N5 and N4 courses; the bench
   says how many words of each level it found).
2. The audio is made first, as `flask audio build` does on a deploy (untimed; files are kept in
   AUDIO_DIR, so later runs skip this).
3. Ours: services.level_deck + services.deck_file with the cache empty each time and the Japanese
   engine's caches cleared, so every run chooses the items, takes the example furigana made at
   `flask content load` (the engine still runs for anything without it), finds every audio file
   (through the index `flask audio build` leaves of what is spoken for each text) and writes the .apkg.
   Bare: genanki alone writing a package of the same note fields, GUIDs, templates and media files.
   Runs alternate; the medians are compared.
Last line: `decks: X.XX x bare genanki, N notes, M MB`.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import genanki
from flask_migrate import upgrade

from app import create_app
from app.audio.routes import audio_file, write_snapshot
from app.audio.texts import spoken_texts
from app.curriculum import loader, sync
from app.export import anki, services
from app.extensions import db
from app.japanese import readings
from app.models import utcnow
from config import Config

ROOT = Path(__file__).resolve().parents[1]
LEVELS = ["N5", "N4"]


class BenchConfig(Config):
    TESTING = True
    AUDIO = True


def ours(folder: Path, *, cold: bool) -> tuple[float, Path]:
    shutil.rmtree(folder, ignore_errors=True)
    if cold:
        readings.set_cache(True)          # the engine's caches and the audio decisions start empty
    started = time.perf_counter()
    deck = services.deck_file(services.level_deck(LEVELS, "vocab"), now=utcnow())
    return time.perf_counter() - started, deck.path


def bare(notes: list[tuple[str, list[str], list[str]]], media: list[str], model_spec, out: Path) -> float:
    """genanki with nothing of ours: the fields, GUIDs, templates and media given as they are."""
    started = time.perf_counter()
    model = genanki.Model(model_spec.model_id, model_spec.name, fields=[{"name": n} for n in model_spec.fields],
                          templates=model_spec.templates, css=model_spec.css)
    model._req = [[0, "all", [0]]]
    deck = genanki.Deck(anki.deck_id("bench"), "Bench")
    for guid, fields, tags in notes:
        deck.add_note(genanki.Note(model=model, fields=fields, guid=guid, tags=tags))
    genanki.Package(deck, media_files=media).write_to_file(str(out), timestamp=time.time())
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kk-bench-decks-"))
    try:
        app = create_app(BenchConfig, SQLALCHEMY_DATABASE_URI=f"sqlite:///{work / 'bench.sqlite'}",
                         DECKS_DIR=str(work / "decks"))
        with app.app_context():
            upgrade()
            sync.sync(db.session, loader.load(ROOT / "content"), now=utcnow())
            db.session.commit()
            selection = services.level_deck(LEVELS, "vocab")
            found = {level: sum(item.level == level for item in selection.items) for level in LEVELS}
            print("loaded: " + ", ".join(f"{level} {n} words" for level, n in found.items()))

            started = time.perf_counter()
            for item in selection.items:                    # what `flask audio build` does beforehand
                for text, reading in spoken_texts("vocab", item.data):
                    audio_file(text, reading)
            write_snapshot(Path(app.config["AUDIO_DIR"]))
            print(f"audio ready in {time.perf_counter() - started:.1f} s "
                  f"(made once, kept in {app.config['AUDIO_DIR']})")

            first, path = ours(work / "decks", cold=True)     # also loads the engine and OpenJTalk
            print(f"first build in this process: {first:.2f} s")
            built = anki.build(kind="vocab", key="bench", name="Bench", items=selection.items,
                               media_dir=work / "decks" / "media", audio=audio_file)
            notes = [(note.guid, list(note.fields), list(note.tags)) for note in built.notes]
            media = [str(p) for p in built.media.values()]
            model = anki.note_type("vocab")
            spec = anki.NOTE_KINDS["vocab"]
            model_view = argparse.Namespace(model_id=spec.model_id, name=spec.name, fields=spec.fields,
                                            templates=[dict(t) for t in model.templates], css=model.css)

            times: dict[str, list[float]] = {"cold": [], "warm": [], "bare": []}
            for _ in range(args.repeat):
                for mode in ("cold", "warm"):
                    seconds, path = ours(work / "decks", cold=mode == "cold")
                    times[mode].append(seconds)
                    times["bare"].append(bare(notes, media, model_view, work / "bare.apkg"))
            size = path.stat().st_size
            median = {mode: statistics.median(values) for mode, values in times.items()}
            print(f"bare genanki: median {median['bare']:.3f} s; {len(notes)} notes, {len(media)} media files")
            print(f"ours, caches empty (as the first build in a process, e.g. flask decks build): "
                  f"median {median['cold']:.3f} s = {median['cold'] / median['bare']:.2f} x bare")
            print(f"ours, the process has built decks before (as the web app rebuilding after a content change): "
                  f"median {median['warm']:.3f} s = {median['warm'] / median['bare']:.2f} x bare")
            ratio = median["warm"] / median["bare"]
            print(f"decks: {ratio:.2f} x bare genanki, {len(notes)} notes, {size / 1e6:.1f} MB")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
