"""GET /audio/<content id>/<n>.ogg: the n-th spoken text of an entry (texts.spoken_texts)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from flask import abort, current_app, request, send_file, url_for

from app.audio import bp, speech
from app.audio.texts import index_of, spoken_texts
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
    request never sees half a file)."""
    spoken = speech.spoken_text(text, reading)
    name = speech.key(spoken)
    folder = Path(current_app.config["AUDIO_DIR"]) / name[:2]
    path = folder / f"{name}.ogg"
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        audio = speech.synthesize(spoken)
        handle, temporary = tempfile.mkstemp(dir=folder, suffix=".part")
        with os.fdopen(handle, "wb") as out:
            out.write(audio)
        os.replace(temporary, path)
    return path


def audio_url(item, text: str | None = None) -> str | None:
    """For templates: the URL of a content item's spoken text (its first one when no text is given)."""
    if item is None or not current_app.config["AUDIO"]:
        return None
    n = 0 if text is None else index_of(item.kind, item.data, text)
    if n is None or not spoken_texts(item.kind, item.data):
        return None
    return url_for("audio.speak", item_id=item.id, n=n, v=item.content_hash[:10])
