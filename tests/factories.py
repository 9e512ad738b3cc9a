"""Test data, made through the same service the app uses. Keyword-only, with sensible defaults."""

from __future__ import annotations

import itertools

from app.auth import services
from app.extensions import db
from app.models import Role, School, User

PASSWORD = "correct horse battery"
_counter = itertools.count(1)


def create_school(*, name: str | None = None) -> School:
    school = School(name=name or f"School {next(_counter)}", city="Lahore")
    db.session.add(school)
    db.session.commit()
    return school


def create_user(*, email: str | None = None, name: str = "Test User", password: str = PASSWORD,
                role: Role = Role.STUDENT, school: School | None = None, ui_locale: str = "en") -> User:
    user = services.create_user(name=name, email=email or f"user{next(_counter)}@example.com", password=password,
                                role=role, school_id=school.id if school else None, ui_locale=ui_locale)
    db.session.commit()
    return user
