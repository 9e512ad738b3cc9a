"""When a card comes back: FSRS (the `fsrs` package, the algorithm Anki uses), and the learner's day.

Pure: no database, no Flask. A card's memory is a `Memory` (the columns of models.Card); `review`
returns the memory after an answer.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import fsrs

AGAIN, HARD, GOOD, EASY = (int(r) for r in fsrs.Rating)
RATINGS = (AGAIN, HARD, GOOD, EASY)
NEW, LEARNING, REVIEW, RELEARNING = 0, 1, 2, 3

DAY_TURNS_AT = time(4)                  # a learner's day ends at 4 a.m. local time, as Anki's does
LEARN_AHEAD = timedelta(minutes=20)     # a card in (re)learning may be answered this early
LEECH_FAILS = 8                         # wrong this many times: set aside, shown to learner and teacher


@dataclass(frozen=True)
class Memory:
    state: int = NEW
    step: int | None = None
    stability: float | None = None
    difficulty: float | None = None
    due: datetime | None = None
    last_review: datetime | None = None

    def as_json(self) -> dict:
        data = asdict(self)
        for key in ("due", "last_review"):
            data[key] = data[key].isoformat() if data[key] else None
        return data

    @classmethod
    def from_json(cls, data: dict) -> Memory:
        return cls(**{**data, **{k: datetime.fromisoformat(data[k]) if data.get(k) else None
                                 for k in ("due", "last_review")}})


@lru_cache(maxsize=16)
def _scheduler(retention: float, fuzz: bool) -> fsrs.Scheduler:
    return fsrs.Scheduler(desired_retention=retention, enable_fuzzing=fuzz)


def review(memory: Memory, rating: int, now: datetime, *, retention: float = 0.9,
           fuzz: bool = True) -> Memory:
    """The memory after answering with `rating` at `now` (timezone-aware). A new card starts in
    FSRS's learning state. Fuzzing spreads long intervals a little so cards learned together do
    not all come back on the same day; tests switch it off."""
    if rating not in RATINGS:
        raise ValueError(f"rating must be one of {RATINGS}, not {rating!r}")
    if now.tzinfo is None:
        raise ValueError("naive datetime")
    # card_id given: without one, fsrs.Card makes one from the clock and sleeps a millisecond
    card = fsrs.Card(card_id=1, state=fsrs.State(memory.state or LEARNING),
                     step=0 if memory.state == NEW else memory.step,
                     stability=memory.stability, difficulty=memory.difficulty,
                     due=memory.due or now, last_review=memory.last_review)
    card, _ = _scheduler(round(retention, 2), fuzz).review_card(card, fsrs.Rating(rating), now)
    return Memory(int(card.state), card.step, card.stability, card.difficulty,
                  card.due.astimezone(UTC), card.last_review.astimezone(UTC))


def retrievability(memory: Memory, now: datetime) -> float:
    """How likely the learner still remembers the card now (0 for a card never answered)."""
    if memory.state == NEW or memory.stability is None:
        return 0.0
    card = fsrs.Card(card_id=1, state=fsrs.State(memory.state), step=memory.step, stability=memory.stability,
                     difficulty=memory.difficulty, due=memory.due, last_review=memory.last_review)
    return _scheduler(0.9, False).get_card_retrievability(card, now)


def study_day(now: datetime, timezone: str) -> date:
    """The learner's day `now` falls in: it turns at 4 a.m. where they live, so a review at
    1 a.m. still counts for the evening before."""
    local = now.astimezone(_zone(timezone))
    return (local - timedelta(hours=DAY_TURNS_AT.hour)).date()


def day_start(day: date, timezone: str) -> datetime:
    """When study day `day` begins, in UTC."""
    return datetime.combine(day, DAY_TURNS_AT, tzinfo=_zone(timezone)).astimezone(UTC)


def due_before(now: datetime, timezone: str) -> tuple[datetime, datetime]:
    """(learning cutoff, review cutoff): a card in (re)learning is due from LEARN_AHEAD before its
    time; a card in review is due all day on the day it falls due, as in Anki."""
    end_of_day = day_start(study_day(now, timezone) + timedelta(days=1), timezone)
    return now + LEARN_AHEAD, end_of_day


def is_due(memory: Memory, now: datetime, timezone: str) -> bool:
    if memory.state == NEW or memory.due is None:
        return True
    learning_cutoff, review_cutoff = due_before(now, timezone)
    return memory.due <= (review_cutoff if memory.state == REVIEW else learning_cutoff)


@lru_cache(maxsize=64)
def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (KeyError, ValueError):      # an unknown zone in an old profile: Pakistan's
        return ZoneInfo("Asia/Karachi")
