"""Fixtures: a real database built by the real migrations, an app per test, and helpers to sign in.

TEST_DATABASE_URL (PostgreSQL) runs the suite in a schema of its own that is dropped at the end, so
nothing is left behind in that database; without it, a temporary SQLite file is used.
"""

from __future__ import annotations

import os
import re
import secrets
from urllib.parse import quote

import pytest
import sqlalchemy as sa
from flask.testing import FlaskClient
from flask_migrate import upgrade

from app import create_app
from app.extensions import db
from config import TestingConfig, database_url

CSRF_RE = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium (Debian's) for the whole run: Playwright's sync API allows one at a time."""
    if not os.path.exists(CHROMIUM):
        pytest.skip("Debian's chromium is not installed (apt-get install chromium fonts-noto-cjk)")
    sync_playwright = pytest.importorskip("playwright.sync_api").sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def database_uri(tmp_path_factory):
    server = os.environ.get("TEST_DATABASE_URL")
    if not server:
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite'}"
        return
    server = database_url(server, server)
    schema = f"kk_test_{secrets.token_hex(4)}"
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in server else "?"
    try:
        yield f"{server}{sep}options={quote(f'-csearch_path={schema}')}"
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(scope="session")
def migrated(database_uri):
    """Build the schema once per run with the real migrations, as `flask db upgrade` does."""
    app = create_app(TestingConfig, SQLALCHEMY_DATABASE_URI=database_uri)
    with app.app_context():
        upgrade()
        db.engine.dispose()
    return database_uri


class IsolatedClient(FlaskClient):
    """Each request runs in an app context of its own, as it does in production.

    Flask reuses an app context that is already pushed (the test's, below), which would share `g` and
    the database session between the test and every request, and hide missing commits.
    """

    def open(self, *args, **kwargs):
        with self.application.app_context():
            response = super().open(*args, **kwargs)
        db.session.expire_all()  # the test's own session sees what the request wrote
        return response


@pytest.fixture(scope="session")
def audio_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("audio")


@pytest.fixture
def app(migrated, audio_dir):
    app = create_app(TestingConfig, SQLALCHEMY_DATABASE_URI=migrated, SERVER_NAME="localhost",
                     AUDIO_DIR=str(audio_dir))
    app.test_client_class = IsolatedClient
    with app.app_context():
        yield app
        db.session.remove()
        with db.engine.begin() as conn:  # empty every table: each test starts from nothing
            for table in reversed(db.metadata.sorted_tables):
                conn.execute(table.delete())
        db.engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


def csrf_token(client, path: str = "/login") -> str:
    page = client.get(path).get_data(as_text=True)
    match = CSRF_RE.search(page)
    assert match, f"no CSRF token on {path}"
    return match.group(1)


class Auth:
    def __init__(self, client):
        self.client = client

    def login(self, email: str, password: str = "correct horse battery", **extra):
        data = {"email": email, "password": password, "csrf_token": csrf_token(self.client), **extra}
        return self.client.post("/login", data=data)

    def logout(self):
        return self.client.post("/logout", data={"csrf_token": csrf_token(self.client, "/")})


@pytest.fixture
def auth(client):
    return Auth(client)
