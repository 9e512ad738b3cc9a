"""GET /audio/<content id>/<n>.ogg: the n-th spoken text of an entry (texts.spoken_texts)."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from flask import abort, current_app, request, send_file, url_for

from app.audio import bp, speech
from app.audio.texts import index_of, spoken_texts
from app.japanese import readings
from app.learn import services as learn
from app.security import signed_in

ONE_YEAR = 365 * 24 * 3600


@bp.get("/audio/<item_id>/<int:n>.ogg")
@signed_in
def speak(item_id: str, n: int):
    item = learn.any_item(item_id)
    texts = spoken_texts(item.kind, item.data) if item is not None else []
    if not 0 <= n < len(texts):
        abort(404)
    path = audio_file(*texts[n])
    response = send_file(path, mimetype="audio/ogg", conditional=True, etag=True, max_age=0)
    if request.args.get("v") == item.content_hash[:10]:      # the URL changes when the text does
        response.cache_control.public = True
        response.cache_control.max_age = ONE_YEAR
        response.cache_control.immutable = True
    return response


def audio_file(text: str, reading: str | None = None) -> Path:
    """The file holding the audio of `text`, made the first time (written whole, then renamed, so a
    request never sees half a file). Which text Open JTalk is given (speech.spoken_text) is itself
    kept on disk, per text and per version of the engine, so asking again costs a file read.
    (Plain os.path on the way to a known file: a deck asks for 2,700 of them.)"""
    folder = current_app.config["AUDIO_DIR"]
    known = _known.get((folder, text, reading))
    if known is not None and os.path.exists(known):
        return known
    _known[(folder, text, reading)] = path = _stored_or_made(str(folder), text, reading)
    return path


# (audio folder, text, reading) → its file, for the life of the process: a deck asks for ~1,400.
_known: dict[tuple[str, str, str | None], Path] = {}
readings.CACHES.append(_known.clear)             # emptied with the engine's caches (benchmarks start cold)


def _stored_or_made(root: str, text: str, reading: str | None) -> Path:
    key = speech.text_key(text, reading)
    name = _snapshot(root).get(key)
    if name:                                  # the common case, in plain strings (pathlib costs more here)
        found = os.path.join(root, name[:2], f"{name}.ogg")
        if os.path.exists(found):
            return Path(found)
    index = Path(root, "by-text", f"{key}.txt")
    name = index.read_text(encoding="utf-8") if index.exists() else None
    path = Path(root, name[:2], f"{name}.ogg") if name else None
    if path is not None and path.exists():
        return path
    spoken = speech.spoken_text(text, reading)
    name = speech.key(spoken)
    path = Path(root, name[:2], f"{name}.ogg")
    if not path.exists():
        _write_whole(path, speech.synthesize(spoken))
    _write_whole(index, name.encode("utf-8"))
    return path


# The by-text decisions in one file, written by `flask audio build`: a deck asking for 2,700 texts
# reads one file instead of 2,700. Texts made later are found one by one in by-text/ as before.
SNAPSHOT = "by-text.json"
_snapshots: dict[str, dict[str, str]] = {}
readings.CACHES.append(_snapshots.clear)


def _snapshot(root: str) -> dict[str, str]:
    found = _snapshots.get(root)
    if found is None:
        path = Path(root, SNAPSHOT)
        try:
            found = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        except ValueError:                   # a damaged snapshot only costs the slow way
            found = {}
        _snapshots[root] = found
    return found


def write_snapshot(root: Path) -> int:
    """Gather by-text/ into one file (after making the audio); returns how many texts it holds."""
    folder = root / "by-text"
    decisions = {path.stem: path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))} \
        if folder.exists() else {}
    _write_whole(root / SNAPSHOT, json.dumps(decisions, separators=(",", ":")).encode("utf-8"))
    _snapshots.clear()
    return len(decisions)


def _write_whole(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".part")
    with os.fdopen(handle, "wb") as out:
        out.write(data)
    os.replace(temporary, path)


def audio_url(item, text: str | None = None) -> str | None:
    """For templates: the URL of a content item's spoken text (its first one when no text is given)."""
    if item is None or not current_app.config["AUDIO"]:
        return None
    n = 0 if text is None else index_of(item.kind, item.data, text)
    if n is None or not spoken_texts(item.kind, item.data):
        return None
    return url_for("audio.speak", item_id=item.id, n=n, v=item.content_hash[:10])
