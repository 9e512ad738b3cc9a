"""Isolation: every route that takes the id of someone's data, called as a user of another school, as a
student, and anonymously, answers 403 or 404 (or the log-in page) — never the data.

Ids of shared curriculum (item, lesson, module, kanji …), one-time tokens and join codes are not
someone's data; any other id parameter must be listed here, so a new route cannot slip past."""

from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from app.curriculum import loader, sync
from app.extensions import db
from app.models import (
    Assignment,
    Card,
    Classroom,
    Enrollment,
    ReviewLog,
    Role,
    TestAttempt,
    TestResponse,
    utcnow,
)
from tests.conftest import csrf_token
from tests.factories import create_school, create_user

GOOD_CONTENT = Path(__file__).parent / "fixtures" / "content" / "good"
PRIVATE = {"classroom_id", "user_id", "assignment_id", "attempt_id", "response_id", "card_id"}
SHARED = {"item_id", "lesson_id", "module_id", "char", "form_id", "token", "code", "n", "filename", "level", "kind", "name"}


@pytest.fixture
def victim(app):
    """School A: a teacher, a class, a student with cards, answers, a placement test and a mock exam."""
    sync.sync(db.session, loader.load(GOOD_CONTENT), now=utcnow())
    school = create_school(name="School A")
    teacher = create_user(email="teacher-a@example.com", role=Role.TEACHER, school=school)
    student = create_user(email="student-a@example.com", school=school)
    room = Classroom(school_id=school.id, teacher_id=teacher.id, name="A1", join_code="AAAA2222")
    db.session.add(room)
    db.session.flush()
    db.session.add(Enrollment(classroom_id=room.id, user_id=student.id))
    assignment = Assignment(classroom_id=room.id, kind="lesson", target="n5.l01", due_at=utcnow() + timedelta(days=1))
    card = Card(user_id=student.id, item_id="n5.v.taberu", kind="meaning", lesson_id="n5.l01",
                suspended_at=utcnow())
    placement = TestAttempt(user_id=student.id, form="placement", status="running", seed=1)
    mock = TestAttempt(user_id=student.id, form="jlpt-n5", status="running", seed=2,
                       section_deadline=utcnow() + timedelta(hours=1))
    db.session.add_all([assignment, card, placement, mock])
    db.session.flush()
    db.session.add(ReviewLog(user_id=student.id, card_id=card.id, client_review_id="r1", rating=3, state_before={},
                             study_day=utcnow().date()))
    for attempt in (placement, mock):
        db.session.add(TestResponse(attempt_id=attempt.id, item_id="item.n5.grammar-form.wa", position=0,
                                    option_order=[0, 1, 2, 3]))
    db.session.commit()
    ids = {"classroom_id": room.id, "user_id": student.id, "assignment_id": assignment.id, "card_id": card.id}
    responses = {a.id: db.session.scalar(sa.select(TestResponse.id).where(TestResponse.attempt_id == a.id))
                 for a in (placement, mock)}
    return ids, placement.id, mock.id, responses


def _routes(app):
    found = []
    for rule in app.url_map.iter_rules():
        arguments = set(rule.arguments)
        if not arguments or rule.endpoint == "static":
            continue
        unknown = arguments - PRIVATE - SHARED
        assert not unknown, f"{rule.rule}: decide whether {unknown} is someone's data (PRIVATE) or shared (SHARED)"
        if arguments & PRIVATE:
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                found.append((rule, method))
    return found


def _url(rule, ids, placement_id, mock_id, responses):
    values = dict(ids)
    attempt = mock_id if rule.rule.startswith("/exams/") else placement_id
    values.update(attempt_id=attempt, response_id=responses[attempt], n=0, kind="vocab")
    return rule.build(values, append_unknown=False)[1]


def _call(client, method, url, token):
    if method == "GET":
        return client.get(url)
    data = {"csrf_token": token, "to_class": 1, "choice": 0, "response": 1, "section": 0, "kind": "lesson",
            "target": "n5.l01", "due": "2030-01-01"}
    return client.post(url, data=data, headers={"X-CSRFToken": token or ""})


@pytest.mark.parametrize("who", ["anonymous", "student of another school", "teacher of another school",
                                 "school admin of another school", "student of the same school"])
def test_no_route_shows_someone_elses_data(app, client, auth, victim, who):
    ids, placement_id, mock_id, responses = victim
    token = None
    if who != "anonymous":
        role = {"student of another school": Role.STUDENT, "teacher of another school": Role.TEACHER,
                "school admin of another school": Role.SCHOOL_ADMIN, "student of the same school": Role.STUDENT}[who]
        if who == "student of the same school":
            school = db.session.scalar(sa.select(Classroom).where(Classroom.id == ids["classroom_id"])).school
        else:
            school = create_school(name="School B")
        intruder = create_user(email="intruder@example.com", role=role, school=school)
        if role == Role.TEACHER:                     # a class of their own to move students into
            db.session.add(Classroom(school_id=school.id, teacher_id=intruder.id, name="B1", join_code="BBBB3333"))
            db.session.commit()
        auth.login("intruder@example.com")
        token = csrf_token(client, "/profile")
    routes = _routes(app)
    assert len(routes) >= 15
    for rule, method in routes:
        response = _call(client, method, _url(rule, ids, placement_id, mock_id, responses), token)
        if who == "anonymous":
            assert response.status_code in (302, 400, 401), (rule.rule, method, response.status_code)
            if response.status_code == 302:
                assert "/login" in response.location, (rule.rule, method)
        else:
            assert response.status_code in (403, 404), (who, rule.rule, method, response.status_code)
    # nothing changed: the card is still set aside, the enrolment and the answers are as they were
    card = db.session.get(Card, ids["card_id"])
    assert card.suspended_at is not None
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Enrollment)) == 1
    assert db.session.scalar(sa.select(sa.func.count()).select_from(TestResponse).where(
        TestResponse.choice.is_not(None))) == 0
