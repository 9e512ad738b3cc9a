"""Daily practice: a learner's cards and every answer given to them.

A card is one thing to remember about one content item (a word's meaning, its spelling, a kanji's
reading …); its memory state is FSRS's (app/practice/scheduler.py), kept in columns so the queue is
one indexed query. A card points at the content id, which reloading content never changes.
"""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, UTCDateTime, utcnow
from app.models.curriculum import ContentItem

NEW = 0   # never answered; FSRS's states follow: 1 learning, 2 review, 3 relearning


class Card(Base):
    __tablename__ = "card"
    __table_args__ = (
        sa.UniqueConstraint("user_id", "item_id", "kind"),
        sa.Index("ix_card_user_id_due_at", "user_id", "due_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user_account.id", ondelete="CASCADE"))
    item_id: Mapped[str] = mapped_column(sa.ForeignKey("content_item.id"))
    kind: Mapped[str] = mapped_column(sa.String(20))          # app.practice.cards.CARD_KINDS
    lesson_id: Mapped[str] = mapped_column(sa.String(80))      # the lesson that brought it: new cards in order
    position: Mapped[int] = mapped_column(default=0)
    state: Mapped[int] = mapped_column(default=NEW)
    step: Mapped[int | None]
    stability: Mapped[float | None]
    difficulty: Mapped[float | None]
    due_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_review_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reps: Mapped[int] = mapped_column(default=0)
    lapses: Mapped[int] = mapped_column(default=0)             # times forgotten after it was learned
    fails: Mapped[int] = mapped_column(default=0)              # every wrong answer: 8 make it a leech
    suspended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # a leech, set aside
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    item: Mapped[ContentItem] = relationship(lazy="joined")

    @property
    def is_new(self) -> bool:
        return self.state == NEW

    def __repr__(self) -> str:
        return f"<Card {self.id} {self.kind} {self.item_id}>"


class ReviewLog(Base):
    """One answer. client_review_id (made by the page before sending) makes a resend count once;
    the card's state before the answer is kept so "I was right" can redo it."""

    __tablename__ = "review_log"
    __table_args__ = (
        sa.UniqueConstraint("user_id", "client_review_id"),
        sa.Index("ix_review_log_user_id_study_day", "user_id", "study_day"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user_account.id", ondelete="CASCADE"))
    card_id: Mapped[int] = mapped_column(sa.ForeignKey("card.id", ondelete="CASCADE"), index=True)
    client_review_id: Mapped[str] = mapped_column(sa.String(64))
    rating: Mapped[int]                                         # FSRS: 1 again, 2 hard, 3 good, 4 easy
    answer: Mapped[str] = mapped_column(sa.String(200), default="")
    was_new: Mapped[bool] = mapped_column(default=False)
    overridden: Mapped[bool] = mapped_column(default=False)    # "I was right": counted as correct
    state_before: Mapped[dict] = mapped_column(sa.JSON)
    reviewed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    study_day: Mapped[date] = mapped_column(sa.Date)           # the learner's day (turns at 4 a.m.)
    elapsed_ms: Mapped[int] = mapped_column(default=0)

    card: Mapped[Card] = relationship()

    @property
    def correct(self) -> bool:
        return self.rating > 1
