"""Tests a learner takes: the adaptive placement test now, mock exams next. One attempt holds its
answers; each answer row is made when its question is shown, so a closed tab resumes at that question."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, UTCDateTime, utcnow


class TestAttempt(Base):
    __tablename__ = "test_attempt"
    __test__ = False                    # not a pytest class

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    form: Mapped[str] = mapped_column(sa.String(40))            # "placement", "jlpt-n5" …
    status: Mapped[str] = mapped_column(sa.String(12), default="running")   # running, finished
    seed: Mapped[int] = mapped_column(sa.BigInteger)            # shuffles this attempt's items and options
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    result: Mapped[dict | None] = mapped_column(sa.JSON)
    # Mock exams: the section being taken and when it closes (the server's clock decides).
    section: Mapped[int] = mapped_column(default=0, server_default="0")
    section_deadline: Mapped[datetime | None] = mapped_column(UTCDateTime)

    responses: Mapped[list[TestResponse]] = relationship(back_populates="attempt", order_by="TestResponse.position",
                                                          cascade="all, delete-orphan")


class TestResponse(Base):
    __tablename__ = "test_response"
    __test__ = False
    __table_args__ = (sa.UniqueConstraint("attempt_id", "item_id", name="uq_test_response_attempt_item"),
                      sa.UniqueConstraint("attempt_id", "position", name="uq_test_response_attempt_position"))

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(sa.ForeignKey("test_attempt.id", ondelete="CASCADE"))
    item_id: Mapped[str] = mapped_column(sa.ForeignKey("content_item.id"))
    position: Mapped[int]
    section: Mapped[int] = mapped_column(default=0, server_default="0")
    option_order: Mapped[list] = mapped_column(sa.JSON)         # shown order: indices into the item's options
    choice: Mapped[int | None]                                  # the option chosen (item's own index)
    correct: Mapped[bool | None]
    shown_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    attempt: Mapped[TestAttempt] = relationship(back_populates="responses")


class ItemCalibration(Base):
    """An item's parameters as estimated from learners' answers (`flask items calibrate`); until it has
    them, an item uses the parameters in its content, or its level's and type's prior."""

    __tablename__ = "item_calibration"

    item_id: Mapped[str] = mapped_column(sa.ForeignKey("content_item.id"), primary_key=True)
    a: Mapped[float]
    b: Mapped[float]
    c: Mapped[float]
    responses: Mapped[int]                  # how many answers the estimate rests on
    misfit: Mapped[float]                   # root mean square gap between observed and expected
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
