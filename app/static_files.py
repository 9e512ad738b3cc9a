"""Static files carry a content hash in their URL (?v=…), so phones can cache them for a year and
still get a changed stylesheet at once: on 3G every saved request counts."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from flask import Flask, current_app

ONE_YEAR = 365 * 24 * 3600


@cache
def _version(static_folder: str, filename: str) -> str | None:
    path = Path(static_folder) / filename
    if not path.is_file():
        return None
    return hashlib.sha256(path.read_bytes()).hexdigest()[:10]


def _add_version(endpoint: str, values: dict) -> None:
    if endpoint == "static" and "filename" in values and "v" not in values:
        version = _version(current_app.static_folder, values["filename"])
        if version:
            values["v"] = version


def init_app(app: Flask) -> None:
    app.url_defaults(_add_version)
    if not app.debug and app.config.get("SEND_FILE_MAX_AGE_DEFAULT") is None:
        app.config["SEND_FILE_MAX_AGE_DEFAULT"] = ONE_YEAR
