"""`flask decks build`: an Anki deck of a level or of lessons, written to a file."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import click
from flask.cli import AppGroup
from flask_babel import force_locale

from app.export import anki, services
from app.models import utcnow

decks_cli = AppGroup("decks", help="Anki decks of the curriculum.")


@decks_cli.command("build")
@click.option("--level", "levels", multiple=True, help="a JLPT level (N5 …); repeat or use commas for several")
@click.option("--lesson", default=None, help="a lesson id (n5.l03) or a range of lessons (n5.l03-n5.l07)")
@click.option("--class", "classroom_id", type=int, default=None, help="a class id: the lessons assigned to it")
@click.option("--module", "module_id", default=None, help="a workplace module (care or module.care): its words")
@click.option("--kind", type=click.Choice(anki.KINDS), default="vocab", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="where to write the .apkg (default: kakehashi-<deck>.apkg here)")
def build(levels: tuple[str, ...], lesson: str | None, classroom_id: int | None, module_id: str | None, kind: str,
          out: Path | None) -> None:
    """Write the deck of a level, of lessons, of a class or of a workplace module (its words); built again
    only when its content has changed."""
    if sum((bool(levels), bool(lesson), classroom_id is not None, bool(module_id))) != 1:
        raise click.UsageError("give one of --level, --lesson, --class or --module")
    if module_id and kind != "vocab":
        raise click.UsageError("a workplace module has a deck of its words only: use --kind vocab")
    started = time.perf_counter()
    try:
        if classroom_id is not None:
            from app.models import Role, User
            admin = User(role=Role.ADMIN)                  # the command line acts as the installation's admin
            selection = services.class_deck(admin, classroom_id, kind)
        elif module_id:
            selection = services.module_deck(module_id if module_id.startswith("module.") else f"module.{module_id}")
        elif levels:
            selection = services.level_deck([lv for value in levels for lv in value.split(",")], kind)
        else:
            first, _, last = lesson.partition("-")
            selection = services.lesson_deck(first.strip(), last.strip() or None, kind)
        deck = services.deck_file(selection, now=utcnow())
    except services.NoDeck as problem:
        with force_locale("en"):                       # no request, so no learner's language
            raise click.ClickException(str(problem)) from None
    out = out or Path(deck.download_name)
    shutil.copyfile(deck.path, out)
    click.echo(f"{out}: {selection.name}, {deck.notes} notes, {deck.cards} cards, {deck.media} media files, "
               f"{out.stat().st_size / 1e6:.1f} MB ({'built' if deck.made else 'unchanged, from the cache'}, "
               f"{time.perf_counter() - started:.1f} s)")
