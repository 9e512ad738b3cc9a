"""Which language a page is shown in, and what templates need to lay it out (direction, fonts)."""

from __future__ import annotations

from flask import Flask, current_app, g, request, session
from flask_babel import get_locale
from flask_login import current_user


def supported() -> dict[str, str]:
    return current_app.config["LANGUAGES"]


def select_locale() -> str:
    """`?lang=` on this request, else the profile's language, else this browser's, else Accept-Language."""
    if g.get("lang"):
        return g.lang
    if current_user.is_authenticated and current_user.ui_locale in supported():
        return current_user.ui_locale
    if session.get("locale") in supported():
        return session["locale"]
    return request.accept_languages.best_match(list(supported())) or "en"


def select_timezone() -> str | None:
    if current_user.is_authenticated:
        return current_user.timezone
    return None


def _apply_lang_parameter() -> None:
    """`?lang=ur` on any page (for shared links) sets this browser's language; a wrong code is said."""
    code = request.args.get("lang")
    if code is None:
        return
    if code in supported():
        session["locale"] = g.lang = code
    else:
        g.bad_lang = code


def _layout_context() -> dict:
    locale = str(get_locale() or "en")
    return {
        "bad_lang": g.pop("bad_lang", None),
        "locale": locale,
        "text_dir": "rtl" if locale in current_app.config["RTL_LANGUAGES"] else "ltr",
        "languages": supported(),
    }


def init_app(app: Flask) -> None:
    app.before_request(_apply_lang_parameter)
    app.context_processor(_layout_context)
