"""The practice pages through Flask's test client, on the fixture course."""

import json
import re
from pathlib import Path

import pytest
import sqlalchemy as sa

from app.curriculum import loader, sync
from app.extensions import db
from app.models import Card, ReviewLog, utcnow
from app.practice import services
from tests.conftest import csrf_token
from tests.factories import create_user

GOOD_CONTENT = Path(__file__).parents[1] / "fixtures" / "content" / "good"


@pytest.fixture
def learner(app, client, auth):
    sync.sync(db.session, loader.load(GOOD_CONTENT), now=utcnow())
    db.session.commit()
    user = create_user(email="ali@example.com")
    auth.login("ali@example.com")
    return user


def start(client):
    return client.post("/practice/start/n5.l01", data={"csrf_token": csrf_token(client, "/practice")})


def batch(client) -> list[dict]:
    page = client.get("/practice/review").get_data(as_text=True)
    return json.loads(re.search(r'<script type="application/json" id="batch">(.*?)</script>', page, re.S).group(1))


def right_answer(card: dict) -> str:
    return card["expected"] if card["mode"] == "choice" else card["accepted"][0]


def post_answer(client, card: dict, answer: str, **extra):
    data = {"csrf_token": csrf_token(client, "/practice"), "card_id": card["card_id"],
            "review_id": card["review_id"], "answer": answer, "elapsed_ms": 1500}
    return client.post("/practice/answer", data=data, **extra)


@pytest.mark.parametrize("path", ["/practice", "/practice/review", "/practice/progress", "/practice/learn/n5.l01"])
def test_practice_needs_a_login(client, path):
    assert client.get(path).status_code == 302


def test_a_new_learner_is_offered_the_first_lesson(client, learner):
    page = client.get("/practice").get_data(as_text=True)
    assert "Learn new words" in page and "Nice to meet you" in page
    response = start(client)
    assert response.status_code == 302 and response.location.endswith("/practice/learn/n5.l01")
    page = client.get("/practice/learn/n5.l01").get_data(as_text=True)
    assert "わたし" in page and "Start the quiz" in page
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Card)) == 22


def test_starting_needs_csrf_and_a_real_lesson(client, learner):
    assert client.post("/practice/start/n5.l01").status_code == 400
    token = csrf_token(client, "/practice")
    assert client.post("/practice/start/n5.l99", data={"csrf_token": token}).status_code == 404


def test_review_page_carries_a_round_of_questions(client, learner):
    start(client)
    cards = batch(client)
    assert len(cards) == 20                      # the default new-card limit, and a round
    assert {c["kind"] for c in cards} >= {"meaning", "spelling"}
    assert all(c["review_id"] and c["accepted"] for c in cards)
    page = client.get("/practice/review").get_data(as_text=True)
    assert 'action="/practice/answer"' in page and "review.js" in page


def test_an_answer_through_the_form_is_marked_and_shown(client, learner):
    start(client)
    card = batch(client)[0]
    page = post_answer(client, card, right_answer(card)).get_data(as_text=True)
    assert "Right!" in page
    card = batch(client)[0]
    page = post_answer(client, card, "zzz").get_data(as_text=True)
    assert "Not quite" in page and "The answer:" in page


def test_a_double_submitted_answer_counts_once(client, learner):
    start(client)
    card = batch(client)[0]
    post_answer(client, card, "zzz")
    post_answer(client, card, "zzz")
    assert db.session.scalar(sa.select(sa.func.count()).select_from(ReviewLog)) == 1
    assert db.session.get(Card, card["card_id"]).reps == 1


def test_romaji_is_accepted_for_typed_answers(client, learner):
    start(client)
    card = next(c for c in batch(client) if c["kind"] == "spelling" and c["accepted"][0] == "わたし")
    page = post_answer(client, card, "watashi").get_data(as_text=True)
    assert "Right!" in page


def test_i_was_right_after_a_wrong_typed_answer(client, learner):
    start(client)
    card = next(c for c in batch(client) if c["mode"] == "typed")
    page = post_answer(client, card, "watasi?").get_data(as_text=True)
    assert "I was right" in page
    token = csrf_token(client, "/practice")
    client.post("/practice/override", data={"csrf_token": token, "review_id": card["review_id"]})
    log = db.session.scalar(sa.select(ReviewLog))
    assert log.overridden and log.rating == 3


def test_someone_elses_card_is_not_found(client, learner, auth):
    start(client)
    card = batch(client)[0]
    auth.logout()
    create_user(email="sana@example.com")
    auth.login("sana@example.com")
    response = post_answer(client, card, "x", headers={"Accept": "application/json"})
    assert response.status_code == 404
    assert db.session.get(Card, card["card_id"]).reps == 0


@pytest.mark.parametrize("field, value", [("answer", "あ" * 20000), ("review_id", "<script>"), ("card_id", "abc")])
def test_bad_answers_are_refused_and_change_nothing(client, learner, field, value):
    start(client)
    card = batch(client)[0]
    data = {"csrf_token": csrf_token(client, "/practice"), "card_id": card["card_id"],
            "review_id": card["review_id"], "answer": "x", field: value}
    response = client.post("/practice/answer", data=data, headers={"Accept": "application/json"})
    assert response.status_code == 400
    assert db.session.scalar(sa.select(sa.func.count()).select_from(ReviewLog)) == 0


def test_answers_without_csrf_are_refused(client, learner):
    start(client)
    card = batch(client)[0]
    response = client.post("/practice/answer", data={"card_id": card["card_id"], "review_id": card["review_id"],
                                                     "answer": "x"})
    assert response.status_code == 400
    sync_response = client.post("/practice/sync", json={"answers": []})
    assert sync_response.status_code == 400


def sync_answers(client, items):
    token = csrf_token(client, "/practice")
    return client.post("/practice/sync", json={"answers": items}, headers={"X-CSRFToken": token})


def test_waiting_answers_sync_once_each_with_a_result_per_item(client, learner):
    start(client)
    cards = batch(client)
    items = [{"card_id": c["card_id"], "review_id": c["review_id"], "answer": right_answer(c), "elapsed_ms": 900}
             for c in cards[:3]]
    first = sync_answers(client, items).get_json()["results"]
    assert [r["status"] for r in first] == [200, 200, 200] and all(r["correct"] for r in first)
    again = sync_answers(client, items).get_json()["results"]           # a resend after a lost reply
    assert all(r["repeated"] for r in again)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(ReviewLog)) == 3


def test_sync_reports_bad_items_without_blocking_good_ones(client, learner):
    start(client)
    cards = batch(client)
    items = [
        {"card_id": 999999, "review_id": "forged", "answer": "x"},
        {"card_id": cards[0]["card_id"], "review_id": "x" * 65, "answer": "x"},
        {"card_id": "1", "review_id": "wrongtype", "answer": "x"},
        {"card_id": cards[1]["card_id"], "review_id": "long", "answer": "あ" * 20000},
        {"card_id": cards[2]["card_id"], "review_id": cards[2]["review_id"], "answer": "nope"},
    ]
    results = sync_answers(client, items).get_json()["results"]
    assert [r["status"] for r in results] == [404, 400, 400, 400, 200]
    assert results[4]["correct"] is False
    assert sync_answers(client, "nonsense").status_code == 400
    assert sync_answers(client, [{}] * 51).status_code == 400


def test_progress_shows_streak_charts_and_forecast(client, learner):
    start(client)
    for card in batch(client)[:4]:
        post_answer(client, card, right_answer(card))
    page = client.get("/practice/progress").get_data(as_text=True)
    assert "1 day" in page and page.count("<svg") == 3 and "<rect" in page
    assert "Words known" in page and "Kanji known" in page


def test_a_leech_can_be_brought_back(client, learner):
    start(client)
    card = db.session.scalar(sa.select(Card).limit(1))
    card.suspended_at, card.fails = utcnow(), 8
    db.session.commit()
    page = client.get("/practice/progress").get_data(as_text=True)
    assert "Cards set aside" in page
    token = csrf_token(client, "/practice/progress")
    client.post(f"/practice/leech/{card.id}", data={"csrf_token": token})
    assert services.leeches(card.user_id) == []


def test_urdu_practice_pages(client, learner):
    client.post("/language", data={"csrf_token": csrf_token(client, "/practice"), "locale": "ur", "next": "/practice"})
    start(client)
    cards = batch(client)
    meaning = next(c for c in cards if c["kind"] == "meaning")
    assert any("\u0600" <= ch <= "\u06ff" for ch in meaning["expected"])
    page = client.get("/practice").get_data(as_text=True)
    assert 'dir="rtl"' in page


def test_an_answer_for_a_card_that_is_not_due_is_refused(client, learner):
    start(client)
    card = batch(client)[0]
    item = {"card_id": card["card_id"], "review_id": card["review_id"], "answer": right_answer(card)}
    assert sync_answers(client, [item]).get_json()["results"][0]["status"] == 200
    # twice right: it graduates and is due in days; a new answer now (a new review id) is refused
    card_row = db.session.get(Card, card["card_id"])
    services.record_review(user=learner, card_id=card["card_id"], rating=3, client_review_id="second",
                           now=card_row.due_at)
    due = db.session.get(Card, card["card_id"]).due_at
    late = {**item, "review_id": "third"}
    result = sync_answers(client, [late]).get_json()["results"][0]
    assert result["status"] == 409 and "not due" in result["error"]
    assert db.session.get(Card, card["card_id"]).due_at == due
