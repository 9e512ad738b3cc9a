"""Account rules. Routes call these; these own the commit. No request, no current_user here."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from werkzeug.security import check_password_hash, generate_password_hash

from app.extensions import db
from app.models import Goal, PasswordReset, Role, User, normalise_email


class EmailTaken(Exception):
    """An account with this e-mail exists already (in any letter case)."""


class NotAllowed(Exception):
    """The acting user may not do this to that user."""


class BadResetLink(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason  # "unknown", "used" or "expired"


# Checked against when the e-mail is unknown, so a wrong e-mail costs as long as a wrong password.
_DUMMY_HASH = generate_password_hash("not-a-real-password")


def new_session_token() -> str:
    return secrets.token_urlsafe(32)


def find_user_by_email(email: str) -> User | None:
    return db.session.scalar(sa.select(User).where(User.email == normalise_email(email)))


def create_user(*, name: str, email: str, password: str, role: Role = Role.STUDENT,
                ui_locale: str = "en", school_id: int | None = None, goal: Goal = Goal.N5) -> User:
    """Add a user to the session without committing (callers commit once for their whole change)."""
    if find_user_by_email(email) is not None:
        raise EmailTaken(email)
    user = User(name=name.strip(), email=normalise_email(email), role=role, ui_locale=ui_locale,
                school_id=school_id, goal=goal, session_token=new_session_token())
    user.set_password(password)
    db.session.add(user)
    return user


def sign_up(*, name: str, email: str, password: str, ui_locale: str) -> User:
    user = create_user(name=name, email=email, password=password, ui_locale=ui_locale)
    try:
        db.session.commit()
    except IntegrityError:  # the same e-mail signed up a moment ago in another request
        db.session.rollback()
        raise EmailTaken(email) from None
    return user


def authenticate(email: str, password: str) -> User | None:
    user = find_user_by_email(email)
    if user is None:
        check_password_hash(_DUMMY_HASH, password)
        return None
    return user if user.check_password(password) else None


def update_profile(user: User, *, name: str, ui_locale: str, timezone: str, goal: str,
                   daily_goal_minutes: int, new_cards_per_day: int | None = None,
                   desired_retention: float | None = None) -> None:
    user.name = name.strip()
    if new_cards_per_day is not None:
        user.new_cards_per_day = new_cards_per_day
    if desired_retention is not None:
        user.desired_retention = desired_retention
    user.ui_locale = ui_locale
    user.timezone = timezone
    user.goal = Goal(goal)
    user.daily_goal_minutes = daily_goal_minutes
    db.session.commit()


def set_ui_locale(user: User, locale: str) -> None:
    user.ui_locale = locale
    db.session.commit()


def _set_new_password(user: User, password: str) -> None:
    user.set_password(password)
    user.session_token = new_session_token()  # every other device is logged out


def change_password(user: User, *, current: str, new: str) -> bool:
    if not user.check_password(current):
        return False
    _set_new_password(user, new)
    db.session.commit()
    return True


# --- Password reset links, made by an admin or a school admin -------------------------------------

def token_hash(token: str) -> str:
    """What is stored of a one-time link's token: a leaked database gives no working links."""
    return hashlib.sha256(token.encode()).hexdigest()


def can_manage(actor: User, target: User) -> bool:
    """Admins manage everyone; a school admin manages the other non-admin users of their own school."""
    if actor.role == Role.ADMIN:
        return True
    return (
        actor.role == Role.SCHOOL_ADMIN
        and actor.school_id is not None
        and target.school_id == actor.school_id
        and target.role in (Role.STUDENT, Role.TEACHER)
    )


def users_managed_by(actor: User) -> list[User]:
    query = sa.select(User).order_by(User.name, User.id)
    if actor.role == Role.ADMIN:
        return list(db.session.scalars(query))
    if actor.role == Role.SCHOOL_ADMIN and actor.school_id is not None:
        return list(db.session.scalars(query.where(
            User.school_id == actor.school_id, User.role.in_([Role.STUDENT, Role.TEACHER]))))
    return []


@dataclass(frozen=True)
class ResetLink:
    user: User
    token: str
    expires_at: datetime


def make_reset_link(*, actor: User, user_id: int, now: datetime, valid_for: timedelta) -> ResetLink:
    """A fresh one-time link for `user_id`; older unused links for that user stop working."""
    target = db.session.get(User, user_id)
    if target is None or not can_manage(actor, target):
        raise NotAllowed(user_id)  # someone else's user looks like no user
    token = add_reset_token(target, created_by=actor, now=now, valid_for=valid_for)
    db.session.commit()
    return ResetLink(user=target, token=token, expires_at=now + valid_for)


def add_reset_token(user: User, *, created_by: User, now: datetime, valid_for: timedelta) -> str:
    """A new one-time link token for `user` (older unused ones stop working); the caller commits.
    Also how accounts made for a class get their first password."""
    db.session.execute(sa.update(PasswordReset)
                       .where(PasswordReset.user_id == user.id, PasswordReset.used_at.is_(None))
                       .values(used_at=now))
    token = secrets.token_urlsafe(32)
    db.session.add(PasswordReset(user_id=user.id, created_by_id=created_by.id, token_hash=token_hash(token),
                                 created_at=now, expires_at=now + valid_for))
    return token


def _live_reset(token: str, now: datetime) -> PasswordReset:
    reset = db.session.scalar(sa.select(PasswordReset).where(PasswordReset.token_hash == token_hash(token)))
    if reset is None:
        raise BadResetLink("unknown")
    if reset.used_at is not None:
        raise BadResetLink("used")
    if reset.expires_at <= now:
        raise BadResetLink("expired")
    return reset


def check_reset_link(token: str, *, now: datetime) -> User:
    return _live_reset(token, now).user


def reset_password(token: str, *, password: str, now: datetime) -> User:
    """Use the link once: set the password and end the user's other sessions."""
    reset = _live_reset(token, now)
    # Claim the link in the same statement that checks it is unused, so two submits cannot both win.
    claimed = db.session.execute(sa.update(PasswordReset)
                                 .where(PasswordReset.id == reset.id, PasswordReset.used_at.is_(None))
                                 .values(used_at=now))
    if claimed.rowcount != 1:
        db.session.rollback()
        raise BadResetLink("used")
    _set_new_password(reset.user, password)
    db.session.commit()
    return reset.user
