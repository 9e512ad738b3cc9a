"""Cards, today's queue and answers, on the real database (SQLite or PostgreSQL)."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from app.curriculum import loader, sync
from app.extensions import db
from app.models import Card, ReviewLog
from app.practice import services
from app.practice.scheduler import AGAIN, GOOD, LEECH_FAILS, NEW, REVIEW
from tests.factories import create_user

GOOD_CONTENT = Path(__file__).parents[1] / "fixtures" / "content" / "good"
NOW = datetime(2026, 3, 2, 5, 0, tzinfo=UTC)     # 10:00 in Karachi


@pytest.fixture
def learner(app):
    sync.sync(db.session, loader.load(GOOD_CONTENT), now=NOW)
    db.session.commit()
    user = create_user(email="ali@example.com")
    services.add_lesson_cards(user, "n5.l01", NOW)
    return user


def answer(user, card, rating=GOOD, now=NOW, rid=None):
    return services.record_review(user=user, card_id=card.id, rating=rating, now=now,
                                  client_review_id=rid or f"r-{card.id}-{now.timestamp()}-{rating}")


def test_a_lesson_makes_cards_for_its_words_kanji_and_grammar(learner):
    cards = db.session.scalars(sa.select(Card).where(Card.user_id == learner.id)).all()
    kinds = sorted({(c.item.kind, c.kind) for c in cards})
    assert kinds == [("grammar", "cloze"), ("kanji", "kanji"), ("vocab", "listening"), ("vocab", "meaning"),
                     ("vocab", "spelling")]
    assert len(cards) == 6 * 3 + 3 + 1            # words: meaning, listening, spelling
    assert all(c.state == NEW for c in cards)
    assert services.add_lesson_cards(learner, "n5.l01", NOW) == 0          # again: nothing new


def test_new_cards_come_in_lesson_order_up_to_the_daily_limit(learner):
    learner.new_cards_per_day = 5
    q = services.queue(learner, NOW)
    assert len(q.new) == 5 and q.due == [] and q.new_left == 5
    assert [c.item_id for c in q.new[:2]] == ["n5.v.watashi", "n5.v.watashi"]
    for card in q.new[:3]:
        answer(learner, card)
    q = services.queue(learner, NOW + timedelta(minutes=1))
    assert q.new_left == 2 and len(q.new) == 2
    assert len(q.due) == 3                      # in learning, back within the learn-ahead window
    next_day = NOW + timedelta(days=1)
    assert services.queue(learner, next_day).new_left == 5


def test_an_answer_schedules_the_card_and_is_logged(learner):
    card = services.queue(learner, NOW).new[0]
    outcome = answer(learner, card, GOOD)
    assert not outcome.repeated and outcome.card.reps == 1 and outcome.card.state != NEW
    assert outcome.log.was_new and outcome.log.study_day.isoformat() == "2026-03-02"
    again = answer(learner, card, GOOD, now=outcome.card.due_at)
    assert again.card.state == REVIEW and again.card.due_at - again.card.last_review_at >= timedelta(days=1)


def test_the_same_answer_sent_twice_counts_once(learner):
    card = services.queue(learner, NOW).new[0]
    first = answer(learner, card, AGAIN, rid="tap-1")
    due = first.card.due_at
    second = answer(learner, card, AGAIN, rid="tap-1", now=NOW + timedelta(seconds=3))
    assert second.repeated and second.log.id == first.log.id
    db.session.refresh(card)
    assert card.reps == 1 and card.fails == 1 and card.due_at == due
    assert db.session.scalar(sa.select(sa.func.count()).select_from(ReviewLog)) == 1


def test_someone_elses_card_looks_like_no_card(learner):
    other = create_user(email="sana@example.com")
    card = services.queue(learner, NOW).new[0]
    with pytest.raises(services.CardNotFound):
        answer(other, card)
    db.session.refresh(card)
    assert card.reps == 0


def test_a_card_that_is_not_due_cannot_be_answered(learner):
    card = services.queue(learner, NOW).new[0]
    outcome = answer(learner, card, GOOD)
    outcome = answer(learner, card, GOOD, now=outcome.card.due_at)      # now in review, days away
    reps, due = card.reps, card.due_at
    with pytest.raises(services.NotDue):
        answer(learner, card, GOOD, now=NOW + timedelta(minutes=30))
    db.session.refresh(card)
    assert (card.reps, card.due_at) == (reps, due)


@pytest.mark.parametrize("rating, rid", [(0, "a"), (5, "b"), (GOOD, ""), (GOOD, "x" * 65)])
def test_bad_ratings_and_ids_change_nothing(learner, rating, rid):
    card = services.queue(learner, NOW).new[0]
    with pytest.raises(services.PracticeError):
        services.record_review(user=learner, card_id=card.id, rating=rating, client_review_id=rid, now=NOW)
    db.session.refresh(card)
    assert card.reps == 0


def test_an_answer_id_reused_for_another_card_is_refused(learner):
    first, second = services.queue(learner, NOW).new[:2]
    answer(learner, first, rid="same")
    with pytest.raises(services.PracticeError):
        answer(learner, second, rid="same")


def test_eight_failures_make_a_leech_that_leaves_the_queue(learner):
    card = services.queue(learner, NOW).new[0]
    now = NOW
    for i in range(LEECH_FAILS):
        outcome = answer(learner, card, AGAIN, now=now, rid=f"fail-{i}")
        now = max(now, outcome.card.due_at)
    assert card.suspended_at is not None
    assert card not in services.queue(learner, now + timedelta(days=2)).due
    assert services.leeches(learner.id) == [card]
    with pytest.raises(services.NotDue):
        answer(learner, card, GOOD, now=now, rid="after")
    services.unsuspend(learner.id, card.id)
    assert services.leeches(learner.id) == [] and card.fails == 0


def test_i_was_right_counts_a_wrong_answer_as_right_once(learner):
    card = services.queue(learner, NOW).new[0]
    wrong = answer(learner, card, AGAIN, rid="typo")
    as_wrong = card.due_at
    fixed = services.override(user=learner, client_review_id="typo", now=NOW + timedelta(seconds=5))
    assert fixed.log.rating == GOOD and fixed.log.overridden and card.fails == 0
    assert card.due_at > as_wrong
    again = services.override(user=learner, client_review_id="typo", now=NOW + timedelta(seconds=6))
    assert again.repeated and card.reps == 1
    assert wrong.log.id == fixed.log.id


def test_i_was_right_only_for_the_last_wrong_answer(learner):
    card = services.queue(learner, NOW).new[0]
    answer(learner, card, GOOD, rid="right")
    with pytest.raises(services.CannotOverride):
        services.override(user=learner, client_review_id="right", now=NOW)
    other = create_user(email="sana@example.com")
    with pytest.raises(services.CardNotFound):
        services.override(user=other, client_review_id="right", now=NOW)


def test_questions_are_stable_until_answered(learner):
    card = next(c for c in services.queue(learner, NOW).new if c.kind == "meaning")
    assert services.question(card, "en") == services.question(card, "en")
    q = services.question(card, "en")
    assert q.expected in q.options and len(q.options) >= 2


def test_the_same_answer_sent_at_the_same_moment_counts_once(app, learner):
    """Two requests (two tabs, a retry racing the original) in their own sessions and threads."""
    import threading

    card_id = services.queue(learner, NOW).new[0].id
    user_id = learner.id
    db.session.commit()
    barrier = threading.Barrier(4)
    results, errors = [], []

    def send():
        with app.app_context():
            try:
                user = db.session.get(type(learner), user_id)
                barrier.wait()
                outcome = services.record_review(user=user, card_id=card_id, rating=AGAIN,
                                                 client_review_id="race", now=NOW)
                results.append(outcome.log.id)
            except Exception as error:      # reported below
                errors.append(error)
            finally:
                db.session.remove()

    threads = [threading.Thread(target=send) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and len(set(results)) == 1
    card = db.session.get(Card, card_id)
    db.session.refresh(card)
    assert card.reps == 1 and card.fails == 1
    assert db.session.scalar(sa.select(sa.func.count()).select_from(ReviewLog)) == 1


def test_without_audio_there_are_no_listening_cards(app):
    sync.sync(db.session, loader.load(GOOD_CONTENT), now=NOW)
    db.session.commit()
    user = create_user(email="quiet@example.com")
    services.add_lesson_cards(user, "n5.l01", NOW, audio=False)
    kinds = set(db.session.scalars(sa.select(Card.kind).where(Card.user_id == user.id)))
    assert kinds == {"meaning", "spelling", "kanji", "cloze"}


def test_the_queue_brings_a_few_cards_and_counts_them_all(learner):
    q = services.queue(learner, NOW, limit=5)
    assert len(q.new) == 5 and q.new_count == 20 and q.size == 20     # 22 new, 20 allowed a day
    for card in services.queue(learner, NOW, limit=12).new:
        answer(learner, card, GOOD)
    q = services.queue(learner, NOW + timedelta(minutes=15), limit=5)
    assert len(q.due) == 5 and q.due_count == 12 and q.new_count == 8 and q.size == 20
