"""Accounts: who someone is, what they may do, and how they like to study."""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
from flask_login import UserMixin
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from app.models.base import Base, UTCDateTime, utcnow
from app.models.school import School


class Role(enum.StrEnum):
    STUDENT = "student"
    TEACHER = "teacher"
    SCHOOL_ADMIN = "school_admin"
    ADMIN = "admin"


class Goal(enum.StrEnum):
    N5 = "N5"
    N4 = "N4"
    N3 = "N3"
    N2 = "N2"
    N1 = "N1"
    JFT_BASIC = "JFT-Basic"


DEFAULT_TIMEZONE = "Asia/Karachi"
DEFAULT_DAILY_MINUTES = 15
DEFAULT_RETENTION = 0.9
DEFAULT_NEW_CARDS = 20


def normalise_email(email: str) -> str:
    """One spelling per mailbox: Ali@Example.COM and ali@example.com are the same account."""
    return email.strip().casefold()


class User(UserMixin, Base):
    __tablename__ = "user_account"  # "user" is reserved in PostgreSQL

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(sa.String(254), unique=True)
    name: Mapped[str] = mapped_column(sa.String(80))
    password_hash: Mapped[str] = mapped_column(sa.String(256))
    role: Mapped[Role] = mapped_column(
        sa.Enum(Role, native_enum=False, length=20, values_callable=lambda e: [m.value for m in e]),
        default=Role.STUDENT,
    )
    ui_locale: Mapped[str] = mapped_column(sa.String(8), default="en")
    timezone: Mapped[str] = mapped_column(sa.String(64), default=DEFAULT_TIMEZONE)
    goal: Mapped[Goal] = mapped_column(
        sa.Enum(Goal, native_enum=False, length=12, values_callable=lambda e: [m.value for m in e]),
        default=Goal.N5,
    )
    daily_goal_minutes: Mapped[int] = mapped_column(default=DEFAULT_DAILY_MINUTES)
    # Spaced repetition: how sure to be of remembering a card when it comes back, and new cards a day.
    desired_retention: Mapped[float] = mapped_column(default=DEFAULT_RETENTION, server_default=str(DEFAULT_RETENTION))
    new_cards_per_day: Mapped[int] = mapped_column(default=DEFAULT_NEW_CARDS, server_default=str(DEFAULT_NEW_CARDS))
    school_id: Mapped[int | None] = mapped_column(sa.ForeignKey("school.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Changing the password ends every other session (Flask-Login's alternative id).
    session_token: Mapped[str] = mapped_column(sa.String(64))

    school: Mapped[School | None] = relationship()

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password)

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    def get_id(self) -> str:
        return self.session_token

    def has_role(self, *roles: Role) -> bool:
        return self.role in roles

    def __repr__(self) -> str:
        return f"<User {self.id} {self.role}>"


class PasswordReset(Base):
    """A one-time link an admin makes for a user who forgot their password (no e-mail needed).

    Only a hash of the token is stored, so a leaked database gives no working links.
    """

    __tablename__ = "password_reset"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    created_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="SET NULL")
    )
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship(foreign_keys=[user_id])
