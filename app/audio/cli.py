"""`flask audio build`: make the audio of the whole curriculum ahead of time (a deploy step; pages
otherwise make each file the first time someone listens)."""

from __future__ import annotations

import time
from pathlib import Path

import click
import sqlalchemy as sa
from flask import current_app
from flask.cli import AppGroup

from app.audio.routes import audio_file, write_snapshot
from app.audio.texts import spoken_texts
from app.extensions import db
from app.models import ContentItem

audio_cli = AppGroup("audio", help="Spoken Japanese for the curriculum.")


@audio_cli.command("build")
@click.option("--level", default=None, help="only this level or sector (N5, care …)")
def build(level: str | None) -> None:
    """Make every missing audio file of the loaded content; print how many and their size."""
    query = sa.select(ContentItem).where(ContentItem.retired_at.is_(None))
    if level:
        query = query.where(sa.or_(ContentItem.level == level, ContentItem.level == level.upper()))
    folder = Path(current_app.config["AUDIO_DIR"])
    before = {p for p in folder.rglob("*.ogg")} if folder.exists() else set()
    started, texts = time.perf_counter(), 0
    for item in db.session.scalars(query):
        for text, reading in spoken_texts(item.kind, item.data):
            audio_file(text, reading)
            texts += 1
    indexed = write_snapshot(folder)
    files = set(folder.rglob("*.ogg")) if folder.exists() else set()
    size = sum(p.stat().st_size for p in files)
    click.echo(f"audio: {texts} texts, {len(files - before)} files made, {len(files)} in all, "
               f"{size / 1e6:.1f} MB, {time.perf_counter() - started:.0f} s; {indexed} texts in the index")
