"""GET /decks/…apkg: Anki decks to download. A deck that cannot be made gets a page that says why."""

from __future__ import annotations

from collections.abc import Callable

from flask import render_template, request, send_file
from flask_login import current_user

from app.export import bp, services
from app.models import utcnow
from app.security import signed_in

APKG = "application/apkg"


@bp.get("/decks/level/<level>/<kind>.apkg")
@signed_in
def level_deck(level: str, kind: str):
    return _download(lambda: services.level_deck([level], kind))


@bp.get("/decks/lesson/<lesson_id>/<kind>.apkg")
@signed_in
def lesson_deck(lesson_id: str, kind: str):
    """One lesson, or a range with ?to=<last lesson id>."""
    return _download(lambda: services.lesson_deck(lesson_id, request.args.get("to") or None, kind))


@bp.get("/decks/module/<module_id>/vocab.apkg")
@signed_in
def module_deck(module_id: str):
    """A workplace module's words."""
    return _download(lambda: services.module_deck(module_id))


@bp.get("/decks/class/<int:classroom_id>/<kind>.apkg")
@signed_in
def class_deck(classroom_id: int, kind: str):
    """The lessons assigned to a class: for its teachers and its students."""
    return _download(lambda: services.class_deck(current_user, classroom_id, kind))


@bp.get("/decks/studied/<kind>.apkg")
@signed_in
def studied_deck(kind: str):
    return _download(lambda: services.studied_deck(current_user.id, kind))


def _download(select: Callable[[], services.Selection]):
    try:
        deck = services.deck_file(select(), now=utcnow())
    except services.NoDeck as problem:
        return render_template("export/no_deck.html", problem=str(problem)), 404
    return send_file(deck.path, mimetype=APKG, as_attachment=True, download_name=deck.download_name,
                     conditional=True, etag=True, max_age=0)
