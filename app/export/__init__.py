"""Export: the curriculum as Anki decks (a level, a lesson or a range of lessons, what a learner has
studied), built with genanki from the note types in decks/ (anki.py) and kept until they change."""

from flask import Blueprint

bp = Blueprint("export", __name__)

from app.export import routes  # noqa: E402,F401
