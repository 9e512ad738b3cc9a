"""The placement test through the test client, on the real item bank."""

import re

import pytest
import sqlalchemy as sa

from app.assessment import placement
from app.extensions import db
from app.models import ContentItem, TestAttempt, TestResponse, utcnow
from tests.conftest import csrf_token
from tests.factories import create_user


def start(client) -> int:
    response = client.post("/placement/start", data={"csrf_token": csrf_token(client, "/placement")})
    return int(re.search(r"/placement/(\d+)", response.location).group(1))


def shown(attempt_id) -> TestResponse:
    return db.session.scalar(sa.select(TestResponse).where(TestResponse.attempt_id == attempt_id,
                                                           TestResponse.choice.is_(None)))


def answer(client, attempt_id, right: bool):
    response = shown(attempt_id)
    key = db.session.get(ContentItem, response.item_id).data["answer"]
    place = response.option_order.index(key)
    choice = place if right else (place + 1) % len(response.option_order)
    return client.post(f"/placement/{attempt_id}/answer", data={"csrf_token": csrf_token(client, "/placement"),
                                                               "response": response.id, "choice": choice})


def test_a_learner_who_knows_nothing_is_placed_below_n5_quickly(client, learner):
    attempt_id = start(client)
    for _ in range(31):
        page = client.get(f"/placement/{attempt_id}")
        if page.status_code == 302:
            break
        answer(client, attempt_id, right=False)
    result = client.get(f"/placement/{attempt_id}/result").get_data(as_text=True)
    attempt = db.session.get(TestAttempt, attempt_id)
    assert attempt.status == "finished" and attempt.result["band"] == "below N5"
    assert 5 <= attempt.result["items"] <= 30
    assert "Your level: below N5" in result and "Kana charts" in result
    assert f"after {attempt.result['items']} questions" in result


def test_a_learner_who_knows_everything_is_placed_n1(client, learner):
    attempt_id = start(client)
    for _ in range(31):
        if client.get(f"/placement/{attempt_id}").status_code == 302:
            break
        answer(client, attempt_id, right=True)
    assert db.session.get(TestAttempt, attempt_id).result["band"] == "N1"


def _without_tokens(page: str) -> str:
    return re.sub(r'(name="csrf_token"[^>]*?value=|data-csrf=)"[^"]*"', r"\1", page)


def test_the_question_waits_after_a_reload_and_keys_stay_on_the_server(client, learner):
    attempt_id = start(client)
    first = client.get(f"/placement/{attempt_id}").get_data(as_text=True)
    again = client.get(f"/placement/{attempt_id}").get_data(as_text=True)
    # the same page, question and option order, but for the CSRF tokens (signed with the second they
    # were made in: two requests a second apart get different ones)
    assert _without_tokens(first) == _without_tokens(again)
    response = shown(attempt_id)
    item = db.session.get(ContentItem, response.item_id)
    assert item.data["explanation"]["en"] not in first and '"answer"' not in first
    assert start(client) == attempt_id                      # a second start resumes


def test_a_double_submit_counts_once_and_an_old_question_cannot_be_answered(client, learner):
    attempt_id = start(client)
    client.get(f"/placement/{attempt_id}")
    response = shown(attempt_id)
    data = {"csrf_token": csrf_token(client, "/placement"), "response": response.id, "choice": 0}
    client.post(f"/placement/{attempt_id}/answer", data=data)
    choice = db.session.get(TestResponse, response.id).choice
    client.post(f"/placement/{attempt_id}/answer", data={**data, "choice": 1})
    assert db.session.get(TestResponse, response.id).choice == choice


def test_someone_elses_test_is_not_found(client, learner, auth):
    attempt_id = start(client)
    client.get(f"/placement/{attempt_id}")
    response_id = shown(attempt_id).id
    auth.logout()
    create_user(email="sana@example.com")
    auth.login("sana@example.com")
    assert client.get(f"/placement/{attempt_id}").status_code == 404
    data = {"csrf_token": csrf_token(client, "/placement"), "response": response_id, "choice": 0}
    assert client.post(f"/placement/{attempt_id}/answer", data=data).status_code == 404
    assert client.get(f"/placement/{attempt_id}/result").status_code == 404
    assert db.session.get(TestResponse, response_id).choice is None


@pytest.mark.parametrize("choice", ["", "9", "-1", "x"])
def test_a_missing_or_impossible_choice_changes_nothing(client, learner, choice):
    attempt_id = start(client)
    client.get(f"/placement/{attempt_id}")
    response = shown(attempt_id)
    data = {"csrf_token": csrf_token(client, "/placement"), "response": response.id, "choice": choice}
    client.post(f"/placement/{attempt_id}/answer", data=data)
    assert db.session.get(TestResponse, response.id).choice is None


def test_answers_need_csrf(client, learner):
    attempt_id = start(client)
    client.get(f"/placement/{attempt_id}")
    assert client.post(f"/placement/{attempt_id}/answer", data={"response": shown(attempt_id).id,
                                                                "choice": 0}).status_code == 400


@pytest.mark.parametrize("theta, lesson", [(-3.0, None), (-2.0, 1), (-1.5, 13), (-1.01, 24), (0.5, 25)])
def test_where_to_start_in_the_n5_course(theta, lesson):
    assert placement.start_lesson(theta) == lesson


def test_the_home_page_forecasts_the_goal_exam_from_the_placement_test(client, learner):
    page = client.get("/").get_data(as_text=True)
    assert "Take the placement test or a mock exam" in page
    attempt_id = start(client)
    for _ in range(31):
        if client.get(f"/placement/{attempt_id}").status_code == 302:
            break
        answer(client, attempt_id, right=True)
    page = client.get("/").get_data(as_text=True)
    match = re.search(r"Chance of passing JLPT N5 now: (\d+)% \(between (\d+)% and (\d+)%\)", page)
    assert match and int(match.group(1)) >= 90 and int(match.group(2)) <= int(match.group(1)) <= int(match.group(3))


def test_a_weak_placement_forecasts_a_low_chance(client, learner):
    from app.assessment import forecast
    attempt_id = start(client)
    for _ in range(31):
        if client.get(f"/placement/{attempt_id}").status_code == 302:
            break
        answer(client, attempt_id, right=False)
    result = forecast.readiness(learner, utcnow())
    assert result.basis == "placement" and result.probability < 0.05 and result.low <= result.high
