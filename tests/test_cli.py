"""Command-line tools: demo accounts for developers, the first admin for a new installation."""

import re

import sqlalchemy as sa

from app import create_app
from app.cli import DEMO_USERS
from app.extensions import db
from app.models import Role, User
from config import ProductionConfig


def test_demo_create_makes_a_school_and_four_accounts_that_log_in(app, runner, auth):
    result = runner.invoke(args=["demo", "create"])
    assert result.exit_code == 0, result.output
    passwords = dict(re.findall(r"(\S+@demo\.kakehashi\.test)\s+(\S+)", result.output))
    assert set(passwords) == {email for email, *_ in DEMO_USERS}
    roles = dict(db.session.execute(sa.select(User.email, User.role)).all())
    assert sorted(roles.values()) == sorted([Role.SCHOOL_ADMIN, Role.TEACHER, Role.STUDENT, Role.STUDENT])
    email = "student1@demo.kakehashi.test"
    assert auth.login(email, passwords[email]).status_code == 302


def test_demo_create_twice_resets_passwords_instead_of_duplicating(runner):
    runner.invoke(args=["demo", "create"])
    second = runner.invoke(args=["demo", "create"])
    assert second.exit_code == 0
    assert db.session.scalar(sa.select(sa.func.count(User.id))) == 4


def test_demo_accounts_are_refused_in_production(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "sqlite://")
    app = create_app(ProductionConfig, SECRET_KEY="x" * 40, SQLALCHEMY_DATABASE_URI="sqlite://")
    result = app.test_cli_runner().invoke(args=["demo", "create"])
    assert result.exit_code != 0
    assert "development only" in result.output


def test_users_create_makes_the_first_admin(runner):
    result = runner.invoke(args=["users", "create", "--email", "Root@Example.com", "--name", "Root"],
                           input="a long password\na long password\n")
    assert result.exit_code == 0, result.output
    user = db.session.scalar(sa.select(User))
    assert (user.email, user.role) == ("root@example.com", Role.ADMIN)
    again = runner.invoke(args=["users", "create", "--email", "root@example.com", "--name", "Root"],
                          input="a long password\na long password\n")
    assert again.exit_code != 0 and "exists already" in again.output
