"""Assessment: the item bank, IRT, the adaptive placement test, and mock exams to come."""

from flask import Blueprint

bp = Blueprint("assessment", __name__)

from app.assessment import routes  # noqa: E402,F401
