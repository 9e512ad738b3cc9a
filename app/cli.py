"""Command-line tools: `flask demo create` for developers, `flask users create` for the first admin."""

from __future__ import annotations

import secrets

import click
import sqlalchemy as sa
from flask import Flask, current_app
from flask.cli import AppGroup

from app import japanese
from app.auth import services
from app.extensions import db
from app.models import Goal, Role, School

DEMO_SCHOOL = "Kakehashi Demo School, Lahore"
DEMO_USERS = [  # (e-mail, name, role, goal)
    ("admin@demo.kakehashi.test", "Ayesha Khan", Role.SCHOOL_ADMIN, Goal.N2),
    ("teacher@demo.kakehashi.test", "Bilal Ahmed", Role.TEACHER, Goal.N2),
    ("student1@demo.kakehashi.test", "Sana Malik", Role.STUDENT, Goal.N4),
    ("student2@demo.kakehashi.test", "Usman Tariq", Role.STUDENT, Goal.JFT_BASIC),
]

demo = AppGroup("demo", help="Demo data for a developer's machine.")
jp = AppGroup("jp", help="The Japanese engine from the shell (no database needed).")
users = AppGroup("users", help="Manage accounts.")


@demo.command("create")
def demo_create() -> None:
    """Create (or reset) the demo school and its accounts, and print their passwords."""
    if not current_app.config["DEMO_ACCOUNTS"]:
        raise click.ClickException("demo accounts are for development only (KAKEHASHI_ENV=development)")
    school = db.session.scalar(sa.select(School).where(School.name == DEMO_SCHOOL))
    if school is None:
        school = School(name=DEMO_SCHOOL, city="Lahore")
        db.session.add(school)
        db.session.flush()
    lines = []
    for email, name, role, goal in DEMO_USERS:
        password = secrets.token_urlsafe(9)
        user = services.find_user_by_email(email)
        if user is None:
            user = services.create_user(name=name, email=email, password=password, role=role,
                                        school_id=school.id, goal=goal)
        else:
            user.set_password(password)
        lines.append(f"  {role.value:<13} {email:<32} {password}")
    db.session.commit()
    click.echo("Demo accounts (development only):")
    click.echo("\n".join(lines))


@users.command("create")
@click.option("--email", required=True)
@click.option("--name", required=True)
@click.option("--role", type=click.Choice([r.value for r in Role]), default=Role.ADMIN.value, show_default=True)
@click.password_option()
def users_create(email: str, name: str, role: str, password: str) -> None:
    """Create an account, e.g. the first admin of a new installation."""
    if len(password) < 8:
        raise click.ClickException("the password needs at least 8 characters")
    try:
        user = services.create_user(name=name, email=email, password=password, role=Role(role))
    except services.EmailTaken:
        raise click.ClickException(f"an account with the e-mail {email} exists already") from None
    db.session.commit()
    click.echo(f"created {user.role.value} {user.email}")


@jp.command("reading")
@click.argument("lines", type=click.File("r", encoding="utf-8"), default="-")
def jp_reading(lines) -> None:
    """Read lines on standard input (or from a file); print each line's reading in hiragana."""
    for line in lines:
        click.echo(japanese.reading(line.rstrip("\r\n")))


@jp.command("furigana")
@click.argument("text")
def jp_furigana(text: str) -> None:
    """Print TEXT with furigana in Anki's 漢字[かんじ] form."""
    click.echo(japanese.anki_furigana(text))


def init_app(app: Flask) -> None:
    from app.assessment.cli import items_cli
    from app.audio.cli import audio_cli
    from app.curriculum.cli import content_cli
    from app.export.cli import decks_cli

    app.cli.add_command(demo)
    app.cli.add_command(jp)
    app.cli.add_command(content_cli)
    app.cli.add_command(audio_cli)
    app.cli.add_command(items_cli)
    app.cli.add_command(decks_cli)
    app.cli.add_command(users)



