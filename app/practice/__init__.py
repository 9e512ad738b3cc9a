"""Daily practice: spaced-repetition cards scheduled with FSRS."""

from flask import Blueprint

bp = Blueprint("practice", __name__, url_prefix="/practice")

from app.practice import routes  # noqa: E402,F401
