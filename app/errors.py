"""Error pages in the user's language: never a stack trace, always a way back."""

from __future__ import annotations

from flask import Flask, render_template
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from app.extensions import db

MESSAGES = {
    400: (_l("Something in that request was wrong"),
          _l("The page could not understand what was sent. Go back and try again.")),
    403: (_l("This page is not for your account"),
          _l("You are signed in, but your role does not allow this page.")),
    404: (_l("Page not found"), _l("There is no page at this address. Check the link or go home.")),
    405: (_l("That cannot be done here"), _l("This address does not accept that kind of request.")),
    413: (_l("That is too large"), _l("What you sent is larger than this page accepts.")),
    429: (_l("Too many tries"),
          _l("For your safety we have paused this for a while. Wait a few minutes, then try again.")),
    500: (_l("Something went wrong on our side"),
          _l("It is not your fault. Please try again in a minute.")),
}


def render_error(code: int, detail: str | None = None):
    title, message = MESSAGES.get(code, MESSAGES[500])
    return render_template("errors/error.html", code=code, title=title, message=detail or message), code


def _http_error(error: HTTPException):
    if error.code == 500 or error.code not in MESSAGES:
        return render_error(500)
    return render_error(error.code)


def _csrf_error(error: CSRFError):
    return render_error(
        400, _l("This form had expired or was sent from another site. Reload the page and send it again.")
    )


def _server_error(error: Exception):
    db.session.rollback()
    return render_error(500)


def init_app(app: Flask) -> None:
    app.register_error_handler(CSRFError, _csrf_error)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(500, _server_error)
