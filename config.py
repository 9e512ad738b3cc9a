"""Settings, read from the environment.

Every setting is listed in README.md. Development and testing work with no environment at all;
production refuses to start without a real SECRET_KEY and an explicit DATABASE_URL.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent
INSTANCE_DIR = BASE_DIR / "instance"

# Placeholder only good for a developer's machine; production rejects it.
DEV_SECRET = "dev-only-not-secret"  # noqa: S105  (refused by check_production)


def database_url(url: str | None, default: str) -> str:
    """Use psycopg 3 for PostgreSQL whatever form of URL the host gives (postgres://, postgresql://)."""
    url = (url or default).strip()
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def _int_env(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise RuntimeError(f"{name} must be a whole number, not {raw!r}") from None


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY", DEV_SECRET)
    SQLALCHEMY_DATABASE_URI = database_url(
        os.environ.get("DATABASE_URL"), f"sqlite:///{INSTANCE_DIR / 'kakehashi.sqlite'}"
    )
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}

    # Cookies: never readable from JavaScript, not sent on cross-site POSTs.
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = os.environ.get("SESSION_COOKIE_SECURE", "0") == "1"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_SECURE = SESSION_COOKIE_SECURE
    REMEMBER_COOKIE_DURATION = timedelta(days=30)
    PERMANENT_SESSION_LIFETIME = timedelta(days=30)

    WTF_CSRF_TIME_LIMIT = 60 * 60 * 8  # a form left open for a school day still submits

    LANGUAGES = {"en": "English", "ur": "اردو"}
    RTL_LANGUAGES = frozenset({"ur"})
    BABEL_DEFAULT_LOCALE = "en"
    BABEL_DEFAULT_TIMEZONE = "Asia/Karachi"
    BABEL_TRANSLATION_DIRECTORIES = str(BASE_DIR / "app" / "translations")

    # Flask-Limiter: memory is right for one process; use redis:// with several gunicorn workers.
    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "memory://")
    RATELIMIT_HEADERS_ENABLED = True
    LOGIN_LIMIT_PER_ACCOUNT = os.environ.get("LOGIN_LIMIT_PER_ACCOUNT", "5 per minute;20 per hour")
    LOGIN_LIMIT_PER_IP = os.environ.get("LOGIN_LIMIT_PER_IP", "20 per minute;100 per hour")
    SIGNUP_LIMIT_PER_IP = os.environ.get("SIGNUP_LIMIT_PER_IP", "10 per hour")

    PASSWORD_RESET_HOURS = _int_env("PASSWORD_RESET_HOURS", 48)
    CONTENT_DIR = os.environ.get("CONTENT_DIR", str(BASE_DIR / "content"))
    # Spoken Japanese, made once per text and kept as files (see app/audio).
    AUDIO = os.environ.get("AUDIO", "1") == "1"
    # Mock exams: section times are the real ones multiplied by this (tests run the clock faster).
    MOCK_TIME_SCALE = float(os.environ.get("MOCK_TIME_SCALE", "1"))
    AUDIO_DIR = os.environ.get("AUDIO_DIR", str(INSTANCE_DIR / "audio"))
    # Number of proxies in front of the app that set X-Forwarded-For (0 when gunicorn faces the net).
    PROXY_COUNT = _int_env("PROXY_COUNT", 0)
    DEMO_ACCOUNTS = False


class DevelopmentConfig(Config):
    DEBUG = True
    DEMO_ACCOUNTS = True


class TestingConfig(Config):
    TESTING = True
    SECRET_KEY = "testing-secret"  # noqa: S105  (tests only)
    # Tests set the database themselves (tests/conftest.py): a temporary SQLite file, or a throw-away
    # schema in TEST_DATABASE_URL.
    SQLALCHEMY_DATABASE_URI = "sqlite://"
    DEMO_ACCOUNTS = True


class ProductionConfig(Config):
    SESSION_COOKIE_SECURE = os.environ.get("SESSION_COOKIE_SECURE", "1") == "1"
    REMEMBER_COOKIE_SECURE = SESSION_COOKIE_SECURE


CONFIGS = {"development": DevelopmentConfig, "testing": TestingConfig, "production": ProductionConfig}


def config_from_env() -> type[Config]:
    name = os.environ.get("KAKEHASHI_ENV", "development")
    try:
        return CONFIGS[name]
    except KeyError:
        raise RuntimeError(
            f"KAKEHASHI_ENV={name!r} is not known; use one of: {', '.join(CONFIGS)}"
        ) from None


def check_production(config: dict) -> None:
    """Refuse to serve real users with a guessable secret or a throw-away database."""
    secret = config.get("SECRET_KEY") or ""
    if secret == DEV_SECRET or len(secret) < 32:
        raise RuntimeError(
            "SECRET_KEY is missing or too short for production: set it to a random string of at "
            "least 32 characters, e.g. python -c 'import secrets; print(secrets.token_urlsafe(48))'"
        )
    if "DATABASE_URL" not in os.environ:
        raise RuntimeError(
            "DATABASE_URL is not set: production needs PostgreSQL, "
            "e.g. postgresql://kakehashi@localhost/kakehashi"
        )
