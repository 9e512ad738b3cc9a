"""Learning: the Reader now; lessons and the course map join it with the curriculum."""

from flask import Blueprint

bp = Blueprint("learn", __name__)

from app.learn import routes  # noqa: E402,F401
