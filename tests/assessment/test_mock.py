"""Mock exams through the test client, on the real item bank: built like the real test, answers kept,
sections closed by the server's clock, scored by the official rules."""

import random
import re
from datetime import timedelta

import pytest
import sqlalchemy as sa

from app.assessment import exams, mock
from app.extensions import db
from app.models import ContentItem, TestAttempt, TestResponse, utcnow
from tests.conftest import csrf_token
from tests.factories import create_user


def start(client, form_id="jlpt-n5") -> int:
    response = client.post(f"/exams/{form_id}/start", data={"csrf_token": csrf_token(client, "/exams")})
    return int(re.search(r"/exams/attempt/(\d+)", response.location).group(1))


def responses(attempt_id, section=None):
    query = sa.select(TestResponse).where(TestResponse.attempt_id == attempt_id).order_by(TestResponse.position)
    if section is not None:
        query = query.where(TestResponse.section == section)
    return db.session.scalars(query).all()


def save(client, attempt_id, response, choice):
    token = csrf_token(client, "/exams")
    return client.post(f"/exams/attempt/{attempt_id}/answer", json={"response": response.id, "choice": choice},
                       headers={"X-CSRFToken": token})


def hand_in(client, attempt_id, section):
    return client.post(f"/exams/attempt/{attempt_id}/save", data={
        "csrf_token": csrf_token(client, "/exams"), "section": section, "hand_in": "1"})


def test_a_form_is_built_like_the_real_test(real_content):
    items = [(e.id, e.level, e.model.model_dump(mode="json")) for e in real_content.of("item")]
    n5 = [(i, level, d) for i, level, d in items if level == "N5"]
    form = exams.FORMS["jlpt-n5"]
    chosen = mock.assemble(form, items, random.Random(1))
    ids = [item_id for _, item_id in chosen]
    assert len(ids) == len(set(ids))                                       # no question twice
    data = {item_id: d for item_id, _, d in items}
    for index, section in enumerate(form.sections):
        types = [data[i]["type"] for s, i in chosen if s == index]
        for item_type, count in section.parts:
            have = sum(1 for _, _, d in n5 if d["type"] == item_type)
            assert types.count(item_type) >= min(count, have)          # as far as the bank allows
    sets = {}
    for position, (_, item_id) in enumerate(chosen):
        if data[item_id].get("set"):
            sets.setdefault(data[item_id]["set"], []).append(position)
    assert all(positions == list(range(positions[0], positions[0] + len(positions))) for positions in sets.values())


def test_an_exam_shows_one_section_and_no_key(client, learner):
    attempt_id = start(client)
    page = client.get(f"/exams/attempt/{attempt_id}").get_data(as_text=True)
    assert "Section 1 of 3" in page and "Language Knowledge (Vocabulary)" in page
    first = responses(attempt_id, 0)[0]
    item = db.session.get(ContentItem, first.item_id)
    assert item.data["explanation"]["en"] not in page
    assert len(responses(attempt_id, 0)) >= 15 and {r.section for r in responses(attempt_id)} == {0, 1, 2}
    assert start(client) == attempt_id                                     # a second start resumes


def test_answers_are_kept_across_a_reload(client, learner):
    attempt_id = start(client)
    first, second = responses(attempt_id, 0)[:2]
    assert save(client, attempt_id, first, 2).get_json() == {"saved": True}
    assert save(client, attempt_id, second, 0).status_code == 200
    page = client.get(f"/exams/attempt/{attempt_id}").get_data(as_text=True)
    assert re.search(rf'name="q-{first.id}" value="2" data-response="{first.id}" checked', page)
    assert db.session.get(TestResponse, first.id).choice == first.option_order[2]


def test_a_section_closes_at_its_deadline_on_the_server(client, learner):
    attempt_id = start(client)
    first = responses(attempt_id, 0)[0]
    attempt = db.session.get(TestAttempt, attempt_id)
    attempt.section_deadline = utcnow() - timedelta(seconds=1)
    db.session.commit()
    late = save(client, attempt_id, first, 1)
    assert late.status_code == 409 and "closed" in late.get_json()["error"]
    assert db.session.get(TestResponse, first.id).choice is None
    assert "Section 2 of 3" in client.get(f"/exams/attempt/{attempt_id}").get_data(as_text=True)


@pytest.mark.parametrize("body", [{"response": "x", "choice": 1}, {"response": 1, "choice": "a"}, {}, {"response": 1, "choice": 9}])
def test_malformed_answers_are_refused(client, learner, body):
    attempt_id = start(client)
    token = csrf_token(client, "/exams")
    assert client.post(f"/exams/attempt/{attempt_id}/answer", json=body, headers={"X-CSRFToken": token}).status_code \
        in (400, 409)


def test_a_question_of_another_section_or_attempt_is_refused(client, learner):
    attempt_id = start(client)
    later = responses(attempt_id, 2)[0]
    assert save(client, attempt_id, later, 0).status_code == 409
    other = start(client, "jlpt-n4")
    assert save(client, other, responses(attempt_id, 0)[0], 0).status_code == 409


def test_someone_elses_exam_is_not_found(client, learner, auth):
    attempt_id = start(client)
    auth.logout()
    create_user(email="sana@example.com")
    auth.login("sana@example.com")
    assert client.get(f"/exams/attempt/{attempt_id}").status_code == 404
    assert client.get(f"/exams/attempt/{attempt_id}/report").status_code == 404
    assert save(client, attempt_id, responses(attempt_id, 0)[0], 0).status_code == 404


def test_handing_in_every_section_gives_a_scored_report(client, learner):
    attempt_id = start(client)
    for response in responses(attempt_id):                     # everything right, through the service
        key = db.session.get(ContentItem, response.item_id).data["answer"]
        response.choice = key
    db.session.commit()
    for section in range(3):
        hand_in(client, attempt_id, section)
    attempt = db.session.get(TestAttempt, attempt_id)
    assert attempt.status == "finished" and attempt.result["passed"]
    assert attempt.result["scores"]["language"] > 80 and attempt.result["pass_probability"] > 0.9
    page = client.get(f"/exams/attempt/{attempt_id}/report").get_data(as_text=True)
    assert "Pass" in page and "Scaled scores are estimates" in page
    # question types by name, in the learner's language, never as ids
    assert "<span>Reading kanji</span>" in page and "<span>kanji-reading</span>" not in page
    page = client.get(f"/exams/attempt/{attempt_id}/report?lang=ur").get_data(as_text=True)
    assert "<span>کانجی پڑھنا</span>" in page


def test_every_question_type_has_a_name_for_the_report():
    from app.assessment.routes import TYPE_NAMES
    from app.curriculum.schema import ITEM_TYPES
    assert set(TYPE_NAMES) == set(ITEM_TYPES)


def test_an_empty_exam_fails_with_reasons_and_lists_every_question_to_review(client, learner):
    attempt_id = start(client)
    for section in range(3):
        hand_in(client, attempt_id, section)
    attempt = db.session.get(TestAttempt, attempt_id)
    assert not attempt.result["passed"] and any("minimum" in r for r in attempt.result["reasons"])
    page = client.get(f"/exams/attempt/{attempt_id}/report").get_data(as_text=True)
    assert "Questions to review" in page and len(attempt.result["review"]) == len(responses(attempt_id))
    assert "below the minimum of 38 for this section" in page


def test_jft_basic_is_scored_on_its_own_scale(client, learner):
    attempt_id = start(client, "jft-basic")
    assert {r.section for r in responses(attempt_id)} == {0, 1, 2, 3}
    for section in range(4):
        hand_in(client, attempt_id, section)
    result = db.session.get(TestAttempt, attempt_id).result
    assert 10 <= result["total"] < 200 and result["band"] in ("below A1", "A1", "A2.1")


def test_only_exams_the_bank_can_fill_are_offered(client, learner, real_content):
    page = client.get("/exams").get_data(as_text=True)
    assert "JLPT N5 mock exam" in page and "JLPT N4 mock exam" in page and "JFT-Basic mock test" in page
    for form in exams.FORMS.values():                            # offered exactly when half of each section fills
        assert (f'action="/exams/{form.id}/start"' in page) == (mock.coverage(form) >= mock.OFFERED_FROM), form.id
    # Retire N1's listening items: the N1 form can no longer fill its listening section, so it goes.
    now = utcnow()
    for item in db.session.scalars(sa.select(ContentItem).where(ContentItem.kind == "item",
                                                                ContentItem.level == "N1")):
        if item.data["type"] in ("task", "key-point", "outline", "quick-response", "integrated-listening"):
            item.retired_at = now
    db.session.commit()
    assert mock.coverage(exams.FORMS["jlpt-n1"]) < mock.OFFERED_FROM
    assert 'action="/exams/jlpt-n1/start"' not in client.get("/exams").get_data(as_text=True)
    token = csrf_token(client, "/exams")
    assert client.post("/exams/jlpt-n1/start", data={"csrf_token": token}).status_code == 404
    assert client.post("/exams/jlpt-n9/start", data={"csrf_token": token}).status_code == 404


def test_n1_to_n3_score_knowledge_reading_and_listening_apart():
    n3 = exams.FORMS["jlpt-n3"]
    assert [(s.key, s.maximum, s.minimum) for s in n3.scoring] == [("knowledge", 60, 19), ("reading", 60, 19),
                                                                  ("listening", 60, 19)]
    assert exams.scoring_key(n3, 1, "grammar-form") == "knowledge"
    assert exams.scoring_key(n3, 1, "mid-passage") == "reading"
    assert exams.scoring_key(exams.FORMS["jlpt-n5"], 1, "mid-passage") == "language"
    assert [s.minutes for s in n3.sections] == [30, 70, 40]
    assert [s.minutes for s in exams.FORMS["jlpt-n1"].sections] == [110, 55]
    assert exams.jlpt_verdict(n3, {"knowledge": 40, "reading": 36, "listening": 18}).passed is False   # 94
    assert exams.jlpt_verdict(n3, {"knowledge": 40, "reading": 36, "listening": 19}).passed is True    # 95


def test_the_nursing_care_test_draws_care_items_only_and_reports_the_share_right(client, learner):
    attempt_id = start(client, "care")
    chosen = responses(attempt_id)
    assert len(chosen) == 15 and {r.section for r in chosen} == {0}
    assert all(db.session.get(ContentItem, r.item_id).data.get("domain") == "care" for r in chosen)
    n4 = start(client, "jlpt-n4")
    assert not any(db.session.get(ContentItem, r.item_id).data.get("domain") for r in responses(n4))
    for response in chosen[:10]:
        response.choice = db.session.get(ContentItem, response.item_id).data["answer"]
    db.session.commit()
    hand_in(client, attempt_id, 0)
    result = db.session.get(TestAttempt, attempt_id).result
    assert result["total"] == 10 and result["passed"] is None and result["pass_probability"] is None
    assert "10 of 15 right" in client.get(f"/exams/attempt/{attempt_id}/report").get_data(as_text=True)
