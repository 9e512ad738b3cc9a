"""Who may open what: one decorator on every route, log-in loading, safe redirects, headers."""

from __future__ import annotations

from functools import wraps
from urllib.parse import urlsplit

from flask import Flask, abort, flash, redirect, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from app.extensions import db, login_manager
from app.models import Role, User

# Every view carries one of these marks; tests/test_access.py fails on a view without one.
ACCESS_ATTR = "_kakehashi_access"
EVERYONE = "everyone"


def public(view):
    """Open to anyone, signed in or not."""
    setattr(view, ACCESS_ATTR, EVERYONE)
    return view


def roles_required(*roles: Role):
    """Signed-in users with one of `roles` (no roles: any signed-in user). Others get 403."""

    def decorate(view):
        @wraps(view)
        def checked(*args, **kwargs):
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if roles and current_user.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        setattr(checked, ACCESS_ATTR, tuple(roles) or ("signed-in",))
        return checked

    return decorate


signed_in = roles_required()


def is_safe_next(target: str | None) -> bool:
    """Only paths on this site: no scheme, no host, no //host or /\\host tricks, no control characters."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return False
    if any(ord(ch) < 32 or ch == "\\" for ch in target):
        return False
    parts = urlsplit(target)
    return not parts.scheme and not parts.netloc


def safe_next(target: str | None, default_endpoint: str = "main.home") -> str:
    return target if is_safe_next(target) else url_for(default_endpoint)


@login_manager.user_loader
def load_user(session_token: str) -> User | None:
    return db.session.scalar(db.select(User).where(User.session_token == session_token))


def _unauthorized():
    flash(_l("Please log in to see that page."), "info")
    target = request.full_path.rstrip("?") if request.method == "GET" else None
    return redirect(url_for("auth.login", next=target if is_safe_next(target) else None))


def _security_headers(response):
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault(
        "Content-Security-Policy",
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    )
    return response


def init_app(app: Flask) -> None:
    login_manager.unauthorized_handler(_unauthorized)
    app.after_request(_security_headers)
