"""Flask extensions, created unbound and bound to the app in create_app()."""

from flask import request
from flask_babel import Babel
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect

from app.models.base import Base

db = SQLAlchemy(model_class=Base)
migrate = Migrate()
login_manager = LoginManager()
csrf = CSRFProtect()
babel = Babel()
limiter = Limiter(key_func=get_remote_address)


def sqlite_pragmas(connection, _record) -> None:
    """SQLite as a web app's database: write-ahead logging lets pages read while an answer is
    written, and a busy writer is waited for instead of failing at once."""
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def login_account_key() -> str:
    """Rate-limit key for log-in attempts against one account, whichever address they come from."""
    return "account:" + (request.form.get("email") or "").strip().casefold()
