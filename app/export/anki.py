"""Anki decks (genanki) from the curriculum: the note types in decks/, one note per content item.

Pure: no Flask, no database. The caller gives the items and a way to find each text's audio file.

What lets a learner import a newer deck over an older one and keep every review: the note types'
ids are fixed here, a deck's id comes from what it holds (its key), and a note's GUID from the
content id (genanki.guid_for). Anki matches notes by GUID and updates them in place when the file's
timestamp is newer, which is why the caller passes the build time.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import genanki

from app import japanese
from app.audio.texts import spoken_texts
from app.curriculum.strokes import stroke_svg
from app.japanese.kana import isolate_runs

ROOT = Path(__file__).resolve().parents[2]
DECKS_DIR = ROOT / "decks"
FONT = ROOT / "app" / "static" / "fonts" / "nastaliq-urdu-subset.woff2"
FONT_MEDIA = "_kakehashi-nastaliq.woff2"     # "_" keeps Anki's media check from calling it unused

# A path to the audio of (text, reading), or None: app.audio.routes.audio_file in the app.
AudioLookup = Callable[[str, str | None], Path | None]


@dataclass(frozen=True)
class NoteKind:
    """A note type: the content kind it shows, its folder in decks/, and its fields in order."""

    kind: str
    folder: str
    model_id: int          # fixed for ever: a new id would make every learner's notes new notes
    name: str
    label: str
    fields: tuple[str, ...]
    rtl: frozenset[str] = frozenset()


NOTE_KINDS: dict[str, NoteKind] = {
    "vocab": NoteKind(
        "vocab", "vocabulary", 1_718_406_301, "Kakehashi Vocabulary", "Vocabulary",
        ("Word", "Furigana", "Reading", "English", "Urdu", "PartOfSpeech", "Example", "ExampleEnglish",
         "ExampleUrdu", "Audio", "ExampleAudio", "Level"),
        frozenset({"Urdu", "ExampleUrdu"})),
    "kanji": NoteKind(
        "kanji", "kanji", 1_718_406_302, "Kakehashi Kanji", "Kanji",
        ("Kanji", "Onyomi", "Kunyomi", "English", "Urdu", "Strokes", "Words", "StrokeOrder", "Level"),
        frozenset({"Urdu"})),
    "grammar": NoteKind(
        "grammar", "grammar", 1_718_406_303, "Kakehashi Grammar", "Grammar",
        ("Pattern", "MeaningEnglish", "MeaningUrdu", "FormationEnglish", "FormationUrdu", "ExplanationEnglish",
         "ExplanationUrdu", "Examples", "Level"),
        frozenset({"MeaningUrdu", "FormationUrdu", "ExplanationUrdu"})),
}
KINDS = tuple(NOTE_KINDS)

VERB_CLASSES = {"godan": "group 1, godan", "ichidan": "group 2, ichidan", "irregular": "group 3, irregular"}
_LESSON_ID = re.compile(r"n\d\.l(\d+)")


class _NoteType(genanki.Model):
    # genanki cannot read {{furigana:…}} and would mark every field required, so a note with any
    # empty field (a word without an example) would get no card. The one card needs the first field.
    @property
    def _req(self):
        return [[0, "all", [0]]]


@cache
def note_type(kind: str) -> genanki.Model:
    """The genanki model of a kind, its templates and CSS read from decks/<folder>/."""
    spec = NOTE_KINDS[kind]
    folder = DECKS_DIR / spec.folder
    css = "\n".join(path.read_text(encoding="utf-8") for path in (DECKS_DIR / "common.css", folder / "style.css"))
    return _NoteType(
        spec.model_id, spec.name,
        fields=[{"name": name, "rtl": name in spec.rtl} for name in spec.fields],
        templates=[{"name": spec.label,
                    "qfmt": (folder / "front.html").read_text(encoding="utf-8"),
                    "afmt": (folder / "back.html").read_text(encoding="utf-8")}],
        css=css,
    )


@cache
def note_types_fingerprint() -> str:
    """Changes whenever a template, the CSS or this module changes: part of a built deck's cache key."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for path in sorted(DECKS_DIR.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(DECKS_DIR).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def deck_id(key: str) -> int:
    """A deck's fixed id, from its key (level:N5:vocab, lessons:n5.l03-n5.l05:kanji …)."""
    return (1 << 40) + int(hashlib.sha256(f"kakehashi deck {key}".encode()).hexdigest()[:10], 16)


@dataclass
class Built:
    """A deck ready to write: its notes and the media files they name."""

    deck_id: int
    name: str
    description: str
    notes: list[genanki.Note]
    media: dict[str, Path] = field(default_factory=dict)   # file name in the deck → file on disk

    @property
    def cards(self) -> int:
        return sum(len(note.cards) for note in self.notes)


# --- fields ------------------------------------------------------------------------------------

def _text(value: str) -> str:
    """Escaped text; a Japanese stretch inside English or Urdu is isolated as on the site
    (kana.isolate_runs; common.css keeps a short one on one line)."""
    return isolate_runs(html.escape(value, quote=False))


def _beside_furigana(value: str) -> str:
    """Text that shares a field with {{furigana:}} syntax: its square brackets escaped as well."""
    return _text(value).replace("[", "&#91;").replace("]", "&#93;")


def word_furigana(word: str, reading: str) -> str:
    """A word in Anki's 漢字[かんじ] syntax from its own reading (the content's, which is the
    authority for a headword); sentences use japanese.anki_furigana. The same spacing rule."""
    bare = word.lstrip("〜～")
    out = [html.escape(word[:len(word) - len(bare)])] if bare != word else []
    segments = japanese.align(bare, reading) if japanese.has_kanji(bare) else [(bare, None)]
    for base, ruby in segments:
        if ruby is None:
            out.append(html.escape(base))
        else:
            out.append(f"{' ' if out else ''}{html.escape(base)}[{html.escape(ruby)}]")
    return "".join(out)


def _sentence_furigana(item, sentence: str) -> str:
    """An example sentence in Anki's furigana syntax: as made when the content was loaded (the row's
    `furigana`), or by the engine now for an item that has none."""
    return (getattr(item, "furigana", None) or {}).get(sentence) or japanese.anki_furigana(sentence)


def _level(item) -> str:
    lesson = _LESSON_ID.fullmatch(item.lesson_id or "")
    return f"{item.level} · lesson {int(lesson.group(1))}" if lesson else item.level


def _tags(item) -> list[str]:
    tags = ["kakehashi", f"kakehashi::{item.level}"]
    if item.lesson_id:
        tags.append(f"kakehashi::{item.lesson_id}")
    return tags


def _sound(path: Path | None, media: dict[str, Path]) -> str:
    if path is None:
        return ""
    media[path.name] = path
    return f"[sound:{path.name}]"


def vocab_fields(item, audio: AudioLookup | None, media: dict[str, Path]) -> list[str]:
    data = item.data
    sounds = [audio(text, reading) for text, reading in spoken_texts("vocab", data)] if audio else []
    example = data.get("example")
    pos = data["pos"] + (f" ({VERB_CLASSES[data['verb_class']]})" if data.get("verb_class") else "")
    return [
        html.escape(data["word"]),
        word_furigana(data["word"], data["reading"]),
        html.escape(data["reading"]) if japanese.has_kanji(data["word"]) else "",   # kana words: no echo
        _text("; ".join(data["en"])),
        _text("، ".join(data["ur"])),
        html.escape(pos),
        _sentence_furigana(item, example["ja"]) if example else "",
        _text(example["en"]) if example else "",
        _text(example["ur"]) if example else "",
        _sound(sounds[0] if sounds else None, media),
        _sound(sounds[1] if len(sounds) > 1 else None, media),
        _level(item),
    ]


def kanji_fields(item, words: Sequence, strokes: Callable[[str], Path | None],
                 media: dict[str, Path]) -> list[str]:
    data = item.data
    listed = "".join(
        f'<li><span class="ja" lang="ja">{word_furigana(w.data["word"], w.data["reading"])}</span>'
        f' <span class="gloss" lang="en">{_beside_furigana("; ".join(w.data["en"]))}</span>'
        f' <span class="gloss" dir="rtl" lang="ur">{_beside_furigana("، ".join(w.data["ur"]))}</span></li>'
        for w in words)
    drawing = strokes(data["kanji"])
    if drawing is not None:
        media[drawing.name] = drawing
    return [
        html.escape(data["kanji"]),
        html.escape("、".join(data.get("on", []))),
        html.escape("、".join(data.get("kun", []))),
        _text("; ".join(data["en"])),
        _text("، ".join(data["ur"])),
        str(data["strokes"]),
        f"<ul>{listed}</ul>" if listed else "",
        f'<img src="{html.escape(drawing.name)}" alt="">' if drawing is not None else "",
        _level(item),
    ]


def grammar_fields(item, audio: AudioLookup | None, media: dict[str, Path]) -> list[str]:
    data = item.data
    sounds = [audio(text, reading) for text, reading in spoken_texts("grammar", data)] if audio else []
    examples = []
    for n, example in enumerate(data["examples"]):
        sound = _sound(sounds[n] if n < len(sounds) else None, media)
        # The space before [sound:…] keeps {{furigana:}} from reading the sentence as its base.
        examples.append(f'<li><div class="ja" lang="ja">{_sentence_furigana(item, example["ja"])}'
                        f'{" " + sound if sound else ""}</div>'
                        f'<div class="en" lang="en">{_beside_furigana(example["en"])}</div>'
                        f'<div dir="rtl" lang="ur">{_beside_furigana(example["ur"])}</div></li>')
    return [
        html.escape(data["pattern"]),
        _text(data["meaning"]["en"]), _text(data["meaning"]["ur"]),
        _text(data["formation"]["en"]), _text(data["formation"]["ur"]),
        _text(data["explanation"]["en"]), _text(data["explanation"]["ur"]),
        f"<ol>{''.join(examples)}</ol>",
        _level(item),
    ]


# --- media -------------------------------------------------------------------------------------

def stroke_files(folder: Path) -> Callable[[str], Path | None]:
    """KanjiVG's drawing of a kanji as a file in `folder` (made once), named for the deck."""
    def lookup(char: str) -> Path | None:
        path = folder / f"kakehashi-strokes-{ord(char):05x}.svg"
        if not path.exists():
            svg = stroke_svg(char)
            if svg is None:
                return None
            folder.mkdir(parents=True, exist_ok=True)
            _write_new(path, svg.encode("utf-8"))
        return path
    return lookup


def font_file(folder: Path) -> Path:
    """Our Nastaliq subset under the name the CSS asks for."""
    path = folder / FONT_MEDIA
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        _write_new(path, FONT.read_bytes())
    return path


def _write_new(path: Path, content: bytes) -> None:
    partial = path.with_name(f".{path.name}.{id(content)}.part")
    partial.write_bytes(content)
    partial.replace(path)


# --- decks -------------------------------------------------------------------------------------

def build(*, kind: str, key: str, name: str, items: Iterable, media_dir: Path, audio: AudioLookup | None = None,
          words_for: Callable[[str], Sequence] | None = None, description: str = "") -> Built:
    """One note per item, in the order given. `words_for(kanji)` gives a kanji's example words."""
    model = note_type(kind)
    media: dict[str, Path] = {}
    strokes = stroke_files(media_dir)
    notes = []
    for item in items:
        if kind == "vocab":
            fields = vocab_fields(item, audio, media)
        elif kind == "kanji":
            fields = kanji_fields(item, words_for(item.headword) if words_for else (), strokes, media)
        else:
            fields = grammar_fields(item, audio, media)
        notes.append(genanki.Note(model=model, fields=fields, guid=genanki.guid_for(item.id), tags=_tags(item)))
    font = font_file(media_dir)             # every note type shows Urdu
    media[font.name] = font
    return Built(deck_id(key), name, description, notes, media)


def write(built: Built, out, *, timestamp: float) -> None:
    """Write the .apkg to a path or a binary file. `timestamp` is the notes' modification time:
    a later one makes Anki update notes it has already."""
    deck = genanki.Deck(built.deck_id, built.name, description=built.description)
    for note in built.notes:
        deck.add_note(note)
    media = [str(path) for _, path in sorted(built.media.items())]
    genanki.Package(deck, media_files=media).write_to_file(out, timestamp=timestamp)

