"""The curriculum as loaded from content/: one row per entry, keyed by its stable content id.

One table for every kind keeps loading, retiring and referencing (a learner's card points at any kind)
simple; the validated entry is kept whole in `data` for the pages, with a few columns to sort and search.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime, utcnow


class ContentItem(Base):
    __tablename__ = "content_item"

    id: Mapped[str] = mapped_column(sa.String(80), primary_key=True)   # n5.v.taberu, n5.l07 …
    kind: Mapped[str] = mapped_column(sa.String(16), index=True)       # kana, vocab, kanji, grammar, lesson, course
    level: Mapped[str] = mapped_column(sa.String(8), index=True)       # kana, N5 … N1; "" for courses
    lesson_id: Mapped[str | None] = mapped_column(sa.String(80), index=True)  # the lesson that introduces it
    position: Mapped[int] = mapped_column(default=0)                   # order within its lesson or course
    headword: Mapped[str] = mapped_column(sa.String(200))              # 食べる, 日, 〜は〜です, a lesson's title
    reading: Mapped[str] = mapped_column(sa.String(200), default="")
    search_text: Mapped[str] = mapped_column(sa.Text, default="")      # lower-cased: word, kana, romaji, en, ur
    data: Mapped[dict] = mapped_column(sa.JSON)
    # Anki's 漢字[かんじ] syntax of each example sentence, by the engine when the content is loaded
    # (so a deck need not run the engine): {sentence: furigana}. Part of the content hash.
    furigana: Mapped[dict | None] = mapped_column(sa.JSON)
    content_hash: Mapped[str] = mapped_column(sa.String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    retired_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # removed from content/, kept for cards

    def __repr__(self) -> str:
        return f"<ContentItem {self.id}>"


class LessonProgress(Base):
    """A learner's best result on a lesson's exercises; the lesson is done from PASS_MARK on."""

    __tablename__ = "lesson_progress"
    __table_args__ = (sa.UniqueConstraint("user_id", "lesson_id"),)

    PASS_MARK = 0.8

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    lesson_id: Mapped[str] = mapped_column(sa.ForeignKey("content_item.id"))
    attempts: Mapped[int] = mapped_column(default=0)
    best_score: Mapped[float] = mapped_column(default=0.0)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
