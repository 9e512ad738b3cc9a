"""Settings: production refuses to run unsafely; database URLs are made to use psycopg 3."""

import pytest

from app import create_app
from config import DEV_SECRET, ProductionConfig, config_from_env, database_url


@pytest.mark.parametrize("url, expected", [
    ("postgres://u@h/db", "postgresql+psycopg://u@h/db"),
    ("postgresql://u@h/db", "postgresql+psycopg://u@h/db"),
    ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db"),
    ("sqlite:///x.sqlite", "sqlite:///x.sqlite"),
])
def test_database_url(url, expected):
    assert database_url(url, "sqlite://") == expected


def test_default_database_is_sqlite_under_instance():
    assert database_url(None, "sqlite:///instance/kakehashi.sqlite").startswith("sqlite:///")


@pytest.mark.parametrize("secret", [DEV_SECRET, "", "short"])
def test_production_refuses_a_weak_secret(monkeypatch, secret):
    monkeypatch.setenv("DATABASE_URL", "postgresql://u@h/db")
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        create_app(ProductionConfig, SECRET_KEY=secret)


def test_production_refuses_to_run_without_database_url(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    with pytest.raises(RuntimeError, match="DATABASE_URL"):
        create_app(ProductionConfig, SECRET_KEY="x" * 40)


def test_production_starts_with_real_settings(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgresql://u@h/db")
    app = create_app(ProductionConfig, SECRET_KEY="x" * 40, SQLALCHEMY_DATABASE_URI="sqlite://")
    assert app.config["SESSION_COOKIE_SECURE"] is True


def test_unknown_environment_name_is_explained(monkeypatch):
    monkeypatch.setenv("KAKEHASHI_ENV", "prod")
    with pytest.raises(RuntimeError, match="KAKEHASHI_ENV='prod' is not known"):
        config_from_env()


def test_sqlite_runs_in_write_ahead_mode(app):
    import sqlalchemy as sa

    from app.extensions import db
    if db.engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL: not SQLite")
    assert db.session.execute(sa.text("PRAGMA journal_mode")).scalar() == "wal"
    assert db.session.execute(sa.text("PRAGMA busy_timeout")).scalar() == 10000
