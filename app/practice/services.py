"""Daily practice: making a learner's cards, today's queue, and recording answers so that none is
lost and none counts twice. The rules and the commits live here; no request, no current_user."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from app.extensions import db
from app.learn.exercises import Marked
from app.models import Card, ContentItem, ReviewLog, User
from app.practice import scheduler
from app.practice.cards import AUDIO_KINDS, CARD_KINDS, KINDS_FOR_ITEM, Question, mark
from app.practice.scheduler import AGAIN, GOOD, LEECH_FAILS, NEW, REVIEW, Memory

DISTRACTORS = 12
TEACHING_ORDER = ("vocab", "kanji", "grammar")     # new cards of a lesson: its words first


class PracticeError(Exception):
    """An answer that cannot be taken; the message is for the learner."""

    status = 400


class CardNotFound(PracticeError):
    status = 404        # someone else's card looks like no card


class NotDue(PracticeError):
    status = 409


class CannotOverride(PracticeError):
    status = 409


# --- cards -----------------------------------------------------------------------------------------

def add_lesson_cards(user: User, lesson_id: str, now: datetime, *, audio: bool = True) -> int:
    """Cards for what a lesson introduces (each word: meaning, listening where there is audio, and
    spelling; each kanji; each grammar point), new and in the lesson's order. Cards the learner has
    already are kept as they are."""
    items = db.session.scalars(sa.select(ContentItem).where(
        ContentItem.lesson_id == lesson_id, ContentItem.retired_at.is_(None),
        ContentItem.kind.in_(KINDS_FOR_ITEM)))
    items = sorted(items, key=lambda i: (TEACHING_ORDER.index(i.kind), i.position))
    have = set(db.session.execute(sa.select(Card.item_id, Card.kind).where(Card.user_id == user.id,
                                                                          Card.lesson_id == lesson_id)))
    added = 0
    for position, item in enumerate(items):
        for k, kind in enumerate(KINDS_FOR_ITEM[item.kind]):
            if (item.id, kind) not in have and (audio or kind not in AUDIO_KINDS):
                db.session.add(Card(user_id=user.id, item_id=item.id, kind=kind, lesson_id=lesson_id,
                                    position=position * 10 + k, due_at=now, created_at=now))
                added += 1
    try:
        db.session.commit()
    except IntegrityError:          # the same lesson started twice at once: the other request made them
        db.session.rollback()
        return 0
    return added


def lessons_with_cards(user_id: int) -> set[str]:
    return set(db.session.scalars(sa.select(Card.lesson_id).where(Card.user_id == user_id).distinct()))


# --- the queue -------------------------------------------------------------------------------------

@dataclass
class Queue:
    due: list[Card]          # the first due cards (reviews, and cards in (re)learning whose time has come)
    new: list[Card]          # the first new cards the day's limit still allows, in lesson order
    due_count: int           # all that are due
    new_count: int           # all new cards allowed today
    new_left: int            # new cards still allowed today
    reviewed_today: int

    @property
    def next(self) -> Card | None:
        """Due cards first (earliest first, so a card missed a minute ago comes back before the
        day's other reviews), then new ones."""
        return (self.due or self.new or [None])[0]

    @property
    def size(self) -> int:
        return self.due_count + self.new_count


def today(user: User, now: datetime) -> date:
    return scheduler.study_day(now, user.timezone)


def _due_clause(user: User, now: datetime):
    learning_cutoff, review_cutoff = scheduler.due_before(now, user.timezone)
    return sa.or_(sa.and_(Card.state == REVIEW, Card.due_at < review_cutoff),
                  sa.and_(Card.state.in_((1, 3)), Card.due_at <= learning_cutoff))


def queue(user: User, now: datetime, limit: int = 20) -> Queue:
    """Today's work for a learner, the first `limit` cards of it and how much there is in all:
    due cards by the (user_id, due_at) index, new cards, and one count of today's answers."""
    live = sa.and_(Card.user_id == user.id, Card.suspended_at.is_(None))
    due_where = sa.and_(live, _due_clause(user, now))
    due_count = db.session.scalar(sa.select(sa.func.count(Card.id)).where(due_where))
    due = list(db.session.scalars(sa.select(Card).where(due_where).order_by(Card.due_at, Card.id).limit(limit)))
    day = today(user, now)
    new_seen, reviewed = db.session.execute(
        sa.select(sa.func.count().filter(ReviewLog.was_new), sa.func.count())
        .where(ReviewLog.user_id == user.id, ReviewLog.study_day == day)).one()
    new_left = max(0, user.new_cards_per_day - new_seen)
    new: list[Card] = []
    new_count = 0
    if new_left:
        new_where = sa.and_(live, Card.state == NEW)
        new_count = min(new_left, db.session.scalar(sa.select(sa.func.count(Card.id)).where(new_where)))
        new = list(db.session.scalars(sa.select(Card).where(new_where).order_by(Card.created_at, Card.position,
                                                                                 Card.id).limit(min(limit, new_left))))
    return Queue(due, new, due_count, new_count, new_left, reviewed)


# --- a question and its answer ---------------------------------------------------------------------

def question(card: Card, locale: str, *, reps: int | None = None, choices: bool = True) -> Question:
    """The card's question, the same each time it is asked until it is answered (seeded by the
    card and its number of answers), so the page and the marking agree. What is right does not
    depend on the wrong choices, so marking asks without them (choices=False: no query)."""
    seed = f"{card.id}:{card.reps if reps is None else reps}"
    others: list[dict] = []
    if choices:
        pool = db.session.scalars(
            sa.select(ContentItem.data).where(ContentItem.kind == card.item.kind, ContentItem.id != card.item_id,
                                              ContentItem.level == card.item.level,
                                              ContentItem.retired_at.is_(None))
            .order_by(ContentItem.position, ContentItem.id).limit(200)).all()
        others = random.Random(seed + ":choices").sample(list(pool), min(DISTRACTORS, len(pool)))  # noqa: S311
    return CARD_KINDS[card.kind].ask(card.item.data, others, locale, random.Random(seed))  # noqa: S311


def memory_of(card: Card) -> Memory:
    return Memory(card.state, card.step, card.stability, card.difficulty,
                  None if card.state == NEW else card.due_at, card.last_review_at)


def _set_memory(card: Card, memory: Memory) -> None:
    card.state, card.step, card.stability, card.difficulty = (memory.state, memory.step, memory.stability,
                                                              memory.difficulty)
    card.due_at, card.last_review_at = memory.due, memory.last_review


@dataclass(frozen=True)
class Outcome:
    card: Card
    log: ReviewLog
    repeated: bool = False    # this answer had been recorded already: nothing changed


def _find_log(user_id: int, client_review_id: str) -> ReviewLog | None:
    return db.session.scalar(sa.select(ReviewLog).where(ReviewLog.user_id == user_id,
                                                        ReviewLog.client_review_id == client_review_id))


def record_review(*, user: User, card_id: int, rating: int, client_review_id: str, now: datetime,
                  answer: str = "", elapsed_ms: int = 0) -> Outcome:
    """Apply one answer. A client_review_id seen before changes nothing and returns the first
    outcome (a resend after a dropped connection, a double tap, two tabs)."""
    if rating not in scheduler.RATINGS:
        raise PracticeError("A rating is 1 (again), 2 (hard), 3 (good) or 4 (easy).")
    found = _card_to_answer(user, card_id, client_review_id)
    if isinstance(found, Outcome):
        return found
    return _record(user, found, rating, client_review_id, now, answer, elapsed_ms)


def _card_to_answer(user: User, card_id: int, client_review_id: str) -> Card | Outcome:
    """The learner's card, locked for the answer; or the outcome already recorded under this id."""
    if not client_review_id or len(client_review_id) > 64:
        raise PracticeError("This answer has no valid id; reload the page.")
    earlier = _find_log(user.id, client_review_id)
    if earlier is None:
        card = db.session.scalar(sa.select(Card).where(Card.id == card_id, Card.user_id == user.id)
                                 .with_for_update(of=Card))
        if card is None:
            raise CardNotFound("There is no such card.")
        if db.session.get_bind().dialect.name == "sqlite":
            return card             # SQLite: a twin sent at once fails on the unique id at commit (_record)
        earlier = _find_log(user.id, client_review_id)    # sent twice at once: the first held the lock
        if earlier is None:
            return card
    if earlier.card_id != card_id:
        raise PracticeError("This answer id belongs to another card; reload the page.")
    return Outcome(earlier.card, earlier, repeated=True)


def _record(user: User, card: Card, rating: int, client_review_id: str, now: datetime, answer: str,
            elapsed_ms: int) -> Outcome:
    if card.suspended_at is not None:
        raise NotDue("This card is set aside as a leech; bring it back from your progress page first.")
    before = memory_of(card)
    if not scheduler.is_due(before, now, user.timezone):
        raise NotDue("This card is not due yet; it will come back when it is.")
    after = scheduler.review(before, rating, now, retention=user.desired_retention)
    log = ReviewLog(user_id=user.id, card_id=card.id, client_review_id=client_review_id, rating=rating,
                    answer=answer[:200], was_new=card.state == NEW, state_before=before.as_json(),
                    reviewed_at=now, study_day=today(user, now), elapsed_ms=max(0, min(elapsed_ms, 3_600_000)))
    _set_memory(card, after)
    card.reps += 1
    if rating == AGAIN:
        card.fails += 1
        card.lapses += before.state == REVIEW
        if card.fails >= LEECH_FAILS:
            card.suspended_at = now
    db.session.add(log)
    try:
        db.session.commit()
    except IntegrityError:          # the same answer arriving twice at the same moment: the other won
        db.session.rollback()
        earlier = _find_log(user.id, client_review_id)
        if earlier is None:
            raise
        return Outcome(earlier.card, earlier, repeated=True)
    return Outcome(card, log)


def override(*, user: User, client_review_id: str, now: datetime) -> Outcome:
    """"I was right": a typed answer marked wrong (a typo, another spelling) counts as right,
    once, and only while it is still the card's last answer. The card is scheduled again from
    where it stood before that answer."""
    log = _find_log(user.id, client_review_id)
    if log is None:
        raise CardNotFound("There is no such answer.")
    if log.overridden:
        return Outcome(log.card, log, repeated=True)
    card = log.card
    last = db.session.scalar(sa.select(sa.func.max(ReviewLog.id)).where(ReviewLog.card_id == card.id))
    if log.rating != AGAIN or last != log.id or now - log.reviewed_at > timedelta(hours=1):
        raise CannotOverride("Only your last answer to a card, marked wrong, can be counted as right.")
    after = scheduler.review(Memory.from_json(log.state_before), GOOD, log.reviewed_at,
                             retention=user.desired_retention)
    _set_memory(card, after)
    card.fails = max(0, card.fails - 1)
    card.lapses = max(0, card.lapses - (log.state_before["state"] == REVIEW))
    card.suspended_at = None
    log.rating, log.overridden = GOOD, True
    db.session.commit()
    return Outcome(card, log)


def leeches(user_id: int) -> list[Card]:
    return list(db.session.scalars(sa.select(Card).where(Card.user_id == user_id, Card.suspended_at.is_not(None))
                                   .order_by(Card.suspended_at.desc())))


def unsuspend(user_id: int, card_id: int) -> None:
    """Bring a leech back: it starts again as if forgotten, with its failures forgiven."""
    card = db.session.scalar(sa.select(Card).where(Card.id == card_id, Card.user_id == user_id))
    if card is None:
        raise CardNotFound("There is no such card.")
    card.suspended_at, card.fails = None, 0
    db.session.commit()


# --- answering a question --------------------------------------------------------------------------

MAX_ANSWER = 200


def answer_card(*, user: User, card_id: int, answer: str, client_review_id: str, now: datetime,
                locale: str, elapsed_ms: int = 0) -> tuple[Marked, Outcome]:
    """Mark a typed or chosen answer against the card's question and record it: right is Good,
    wrong is Again. The marking is the server's own, whatever the page showed."""
    if len(answer) > MAX_ANSWER:
        raise PracticeError(f"An answer is at most {MAX_ANSWER} characters.")
    found = _card_to_answer(user, card_id, client_review_id)
    if isinstance(found, Outcome):
        log = found.log
        return Marked(log.correct, log.answer, question_before(found.card, log, locale).expected), found
    marked = mark(question(found, locale, choices=False), answer)
    outcome = _record(user, found, GOOD if marked.correct else AGAIN, client_review_id, now, answer, elapsed_ms)
    return marked, outcome


def question_before(card: Card, log: ReviewLog, locale: str) -> Question:
    """The question a logged answer was given to (its card had one answer fewer then)."""
    reps = db.session.scalar(sa.select(sa.func.count()).where(ReviewLog.card_id == card.id, ReviewLog.id < log.id))
    return question(card, locale, reps=reps, choices=False)


# --- progress --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Day:
    day: date
    reviews: int
    correct: int
    seconds: int

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.reviews if self.reviews else None


@dataclass(frozen=True)
class Progress:
    today: Day
    streak: int                    # days in a row with at least one answer, up to today or yesterday
    history: list[Day]             # the last 14 days, oldest first
    forecast: list[tuple[date, int]]  # cards falling due on each of the next 14 days, today first
    words_known: int
    kanji_known: int
    new_available: int
    leeches: int


def progress(user: User, now: datetime, days: int = 14) -> Progress:
    day = today(user, now)
    first = day - timedelta(days=days - 1)
    rows = db.session.execute(
        sa.select(ReviewLog.study_day, sa.func.count(), sa.func.count().filter(ReviewLog.rating > AGAIN),
                  sa.func.coalesce(sa.func.sum(ReviewLog.elapsed_ms), 0))
        .where(ReviewLog.user_id == user.id, ReviewLog.study_day >= first).group_by(ReviewLog.study_day)).all()
    by_day = {row[0]: Day(row[0], row[1], row[2], int(row[3]) // 1000) for row in rows}
    history = [by_day.get(first + timedelta(days=i), Day(first + timedelta(days=i), 0, 0, 0)) for i in range(days)]
    return Progress(today=history[-1], streak=streak(user.id, day), history=history,
                    forecast=forecast(user, now, days), words_known=_known(user.id, "meaning"),
                    kanji_known=_known(user.id, "kanji"),
                    new_available=db.session.scalar(sa.select(sa.func.count()).where(
                        Card.user_id == user.id, Card.state == NEW, Card.suspended_at.is_(None))),
                    leeches=db.session.scalar(sa.select(sa.func.count()).where(
                        Card.user_id == user.id, Card.suspended_at.is_not(None))))


def streak(user_id: int, day: date) -> int:
    """Days in a row the learner answered something, ending today (or yesterday, while today is
    still open)."""
    days = set(db.session.scalars(sa.select(ReviewLog.study_day).where(
        ReviewLog.user_id == user_id, ReviewLog.study_day >= day - timedelta(days=400)).distinct()))
    current = day if day in days else day - timedelta(days=1)
    count = 0
    while current in days:
        count += 1
        current -= timedelta(days=1)
    return count


def forecast(user: User, now: datetime, days: int = 14) -> list[tuple[date, int]]:
    """How many answered cards fall due on each of the next days (today counts what is due now)."""
    day = today(user, now)
    end = scheduler.day_start(day + timedelta(days=days), user.timezone)
    dues = db.session.scalars(sa.select(Card.due_at).where(
        Card.user_id == user.id, Card.state != NEW, Card.suspended_at.is_(None), Card.due_at < end))
    counts = [0] * days
    for due in dues:
        counts[max(0, (scheduler.study_day(due, user.timezone) - day).days)] += 1
    return [(day + timedelta(days=i), counts[i]) for i in range(days)]


def _known(user_id: int, kind: str) -> int:
    """Items the learner has learned: their card has graduated to review (FSRS's state 2)."""
    return db.session.scalar(sa.select(sa.func.count()).where(
        Card.user_id == user_id, Card.kind == kind, Card.state == REVIEW, Card.suspended_at.is_(None)))


def next_lesson_to_learn(user: User) -> ContentItem | None:
    """The first lesson, in course order, whose cards the learner does not have yet."""
    started = lessons_with_cards(user.id)
    courses = db.session.scalars(sa.select(ContentItem).where(ContentItem.kind == "course",
                                                              ContentItem.retired_at.is_(None))
                                 .order_by(ContentItem.position)).all()
    for course in courses:
        lessons = db.session.scalars(sa.select(ContentItem).where(
            ContentItem.kind == "lesson", ContentItem.lesson_id == course.id, ContentItem.retired_at.is_(None))
            .order_by(ContentItem.position)).all()
        for lesson in lessons:
            if lesson.id not in started:
                return lesson
    return None
