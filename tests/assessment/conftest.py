"""The real item bank loaded (once per test file) and a signed-in learner, for the placement test and
the mock exams."""

from pathlib import Path

import pytest

from app.curriculum import loader, sync
from app.extensions import db
from app.models import utcnow
from tests.factories import create_user

REAL_CONTENT = Path(__file__).parents[2] / "content"


@pytest.fixture(scope="module")
def real_content():
    return loader.load(REAL_CONTENT)


@pytest.fixture
def learner(app, client, auth, real_content):
    sync.sync(db.session, real_content, now=utcnow())
    db.session.commit()
    user = create_user(email="ali@example.com")
    auth.login("ali@example.com")
    return user
