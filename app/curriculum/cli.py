"""`flask content load | check | stats`."""

from __future__ import annotations

import json
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from app.curriculum import checks, loader, sync
from app.curriculum.stats import stats
from app.extensions import db
from app.models import utcnow

content_cli = AppGroup("content", help="The curriculum in content/: check it, load it, count it.")


def _root() -> Path:
    return Path(current_app.config["CONTENT_DIR"])


def _checked() -> tuple[loader.Content, list[loader.Problem]]:
    content = loader.load(_root())
    return content, checks.check(content)


def _report(problems: list[loader.Problem]) -> None:
    for problem in problems:
        click.echo(str(problem), err=True)
    click.echo(f"{len(problems)} problem(s) found; nothing was loaded.", err=True)


@content_cli.command("check")
def check_command() -> None:
    """Every problem as file:line: id: field: what is wrong; exit 1 if there is any."""
    content, problems = _checked()
    if problems:
        for problem in problems:
            click.echo(str(problem))
        raise click.exceptions.Exit(1)
    click.echo(f"content is fine: {len(content.entries)} entries")


@content_cli.command("load")
def load_command() -> None:
    """Check everything, then load it all in one transaction (or nothing at all)."""
    content, problems = _checked()
    if problems:
        _report(problems)
        raise click.exceptions.Exit(1)
    try:
        report = sync.sync(db.session, content, now=utcnow())
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    click.echo(f"content loaded: {report}")


@content_cli.command("stats")
@click.option("--json", "as_json", is_flag=True, help="print JSON")
def stats_command(as_json: bool) -> None:
    """Counts per level and kind, and how many entries lack Urdu."""
    numbers = stats(loader.load(_root()))
    if as_json:
        click.echo(json.dumps(numbers, ensure_ascii=False, indent=2))
        return
    for level, counts in numbers["levels"].items():
        click.echo(f"{level}: " + ", ".join(f"{n} {kind}" for kind, n in counts.items()))
    click.echo(f"missing Urdu: {numbers['missing_ur']}")
