"""Accounts: sign up, log in and out, profile, and admin-made password reset links."""

from flask import Blueprint

bp = Blueprint("auth", __name__)

from app.auth import routes  # noqa: E402,F401  (routes register themselves on bp)
