"""FSRS scheduling and the learner's day: pure, with a fixed clock."""

from datetime import UTC, date, datetime, timedelta

import pytest

from app.practice import scheduler
from app.practice.scheduler import AGAIN, EASY, GOOD, HARD, LEARNING, NEW, REVIEW, Memory

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def run(ratings, retention=0.9):
    memory, now = Memory(), T0
    for rating in ratings:
        memory = scheduler.review(memory, rating, now, retention=retention, fuzz=False)
        now = memory.due
    return memory


@pytest.mark.parametrize("ratings, state, days", [
    ([GOOD], LEARNING, 0),                  # a new card is seen again after a learning step
    ([GOOD, GOOD], REVIEW, 2),
    ([GOOD, GOOD, GOOD], REVIEW, 11),
    ([EASY], REVIEW, 8),
    ([GOOD, GOOD, AGAIN], 3, 0),            # forgotten: relearning, back in minutes
])
def test_intervals(ratings, state, days):
    memory = run(ratings)
    assert memory.state == state
    assert (memory.due - memory.last_review).days == days


def test_intervals_grow_with_each_success_and_shrink_after_a_lapse():
    steps = [GOOD, GOOD, GOOD, GOOD]
    intervals = []
    memory, now = Memory(), T0
    for rating in steps:
        memory = scheduler.review(memory, rating, now, fuzz=False)
        intervals.append(memory.due - now)
        now = memory.due
    assert intervals == sorted(intervals) and intervals[-1] > timedelta(days=30)
    lapsed = scheduler.review(memory, AGAIN, now, fuzz=False)
    assert lapsed.stability < memory.stability and lapsed.due - now < timedelta(hours=1)


def test_higher_retention_brings_cards_back_sooner():
    assert run([GOOD, GOOD, GOOD], retention=0.95).due < run([GOOD, GOOD, GOOD], retention=0.80).due


def test_hard_is_shorter_than_good_is_shorter_than_easy():
    base = run([GOOD, GOOD])
    dues = [scheduler.review(base, r, base.due, fuzz=False).due for r in (HARD, GOOD, EASY)]
    assert dues == sorted(dues) and len(set(dues)) == 3


@pytest.mark.parametrize("bad", [0, 5, -1, "3"])
def test_out_of_range_ratings_are_refused(bad):
    with pytest.raises(ValueError):
        scheduler.review(Memory(), bad, T0)


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError):
        scheduler.review(Memory(), GOOD, datetime(2026, 1, 1))


def test_memory_survives_json():
    memory = run([GOOD, GOOD])
    assert Memory.from_json(memory.as_json()) == memory
    assert Memory.from_json(Memory().as_json()) == Memory()


@pytest.mark.parametrize("utc_time, day", [
    (datetime(2026, 3, 2, 22, 59, tzinfo=UTC), date(2026, 3, 2)),   # 03:59 in Karachi: still the 2nd
    (datetime(2026, 3, 2, 23, 0, tzinfo=UTC), date(2026, 3, 3)),    # 04:00: the 3rd begins
    (datetime(2026, 3, 2, 4, 0, tzinfo=UTC), date(2026, 3, 2)),
])
def test_the_day_turns_at_4am_local_time(utc_time, day):
    assert scheduler.study_day(utc_time, "Asia/Karachi") == day
    assert scheduler.day_start(day, "Asia/Karachi") <= utc_time < scheduler.day_start(day + timedelta(days=1),
                                                                                        "Asia/Karachi")


def test_the_day_follows_the_learners_timezone():
    moment = datetime(2026, 3, 2, 20, 0, tzinfo=UTC)    # 01:00 in Karachi, 05:00 in Tokyo next day
    assert scheduler.study_day(moment, "Asia/Karachi") == date(2026, 3, 2)
    assert scheduler.study_day(moment, "Asia/Tokyo") == date(2026, 3, 3)
    assert scheduler.study_day(moment, "Not/AZone") == date(2026, 3, 2)    # falls back to Karachi


def test_review_cards_are_due_all_day_learning_cards_only_near_their_time():
    review = Memory(state=REVIEW, stability=3.0, difficulty=5.0, due=T0 + timedelta(hours=6), last_review=T0)
    assert scheduler.is_due(review, T0, "Asia/Karachi")             # due this afternoon: today's work
    assert not scheduler.is_due(review, T0 - timedelta(days=1), "Asia/Karachi")
    learning = Memory(state=LEARNING, step=1, stability=1.0, difficulty=5.0, due=T0 + timedelta(minutes=10),
                      last_review=T0)
    assert scheduler.is_due(learning, T0, "Asia/Karachi")            # within the learn-ahead window
    assert not scheduler.is_due(learning, T0 - timedelta(hours=1), "Asia/Karachi")
    assert scheduler.is_due(Memory(state=NEW), T0, "Asia/Karachi")


def test_retrievability_falls_with_time():
    memory = run([GOOD, GOOD])
    assert scheduler.retrievability(Memory(), T0) == 0
    assert scheduler.retrievability(memory, memory.last_review + timedelta(days=30)) < \
        scheduler.retrievability(memory, memory.last_review + timedelta(days=1)) <= 1
