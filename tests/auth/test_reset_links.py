"""Password reset without e-mail: admins and school admins make one-time, expiring links."""

import re
from datetime import timedelta

import pytest

from app.auth import services
from app.extensions import db
from app.models import PasswordReset, Role, User, utcnow
from tests.conftest import csrf_token
from tests.factories import PASSWORD, create_school, create_user

LINK_RE = re.compile(r'value="https?://[^/"]+(/reset/[^"]+)"')


@pytest.fixture
def school(app):
    return create_school(name="Lahore Institute")


def _make_link(client, user_id):
    return client.post(f"/users/{user_id}/reset-link", data={"csrf_token": csrf_token(client, "/")})


def _link_from(response) -> str:
    match = LINK_RE.search(response.get_data(as_text=True))
    assert match, "no reset link on the page"
    return match.group(1)


def _use(client, path, password="a fresh password"):
    return client.post(path, data={"password": password, "confirm": password,
                                   "csrf_token": csrf_token(client, path)})


def test_school_admin_makes_a_link_and_the_student_resets(app, client, auth, school):
    create_user(email="head@example.com", role=Role.SCHOOL_ADMIN, school=school)
    student = create_user(email="sana@example.com", name="Sana", school=school)
    auth.login("head@example.com")
    assert "Sana" in client.get("/users").get_data(as_text=True)
    response = _make_link(client, student.id)
    assert response.status_code == 200
    path = _link_from(response)

    learner = app.test_client()
    assert "For the account of Sana" in learner.get(path).get_data(as_text=True)
    assert _use(learner, path).status_code == 302
    assert db.session.get(User, student.id).check_password("a fresh password")
    assert db.session.get(PasswordReset, db.session.scalar(db.select(PasswordReset.id))).used_at is not None


def test_a_link_works_only_once(app, client, auth, school):
    create_user(email="head@example.com", role=Role.SCHOOL_ADMIN, school=school)
    student = create_user(email="sana@example.com", school=school)
    auth.login("head@example.com")
    path = _link_from(_make_link(client, student.id))
    learner = app.test_client()
    token = csrf_token(learner, path)
    assert _use(learner, path).status_code == 302
    second = learner.post(path, data={"password": "another password", "confirm": "another password",
                                      "csrf_token": token})
    assert second.status_code == 410
    assert "used already" in second.get_data(as_text=True)
    assert db.session.get(User, student.id).check_password("a fresh password")


def test_an_expired_link_does_not_work(app, school):
    admin = create_user(email="admin@example.com", role=Role.ADMIN)
    student = create_user(email="sana@example.com", school=school)
    link = services.make_reset_link(actor=admin, user_id=student.id, now=utcnow() - timedelta(hours=49),
                                    valid_for=timedelta(hours=48))
    response = app.test_client().get(f"/reset/{link.token}")
    assert response.status_code == 410
    assert "expired" in response.get_data(as_text=True)
    with pytest.raises(services.BadResetLink):
        services.reset_password(link.token, password="whatever123", now=utcnow())
    assert db.session.get(User, student.id).check_password(PASSWORD)


def test_a_new_link_cancels_the_older_one(school):
    admin = create_user(email="admin@example.com", role=Role.ADMIN)
    student = create_user(email="sana@example.com", school=school)
    first = services.make_reset_link(actor=admin, user_id=student.id, now=utcnow(), valid_for=timedelta(hours=1))
    services.make_reset_link(actor=admin, user_id=student.id, now=utcnow(), valid_for=timedelta(hours=1))
    with pytest.raises(services.BadResetLink):
        services.check_reset_link(first.token, now=utcnow())


def test_an_unknown_link_is_404(client):
    assert client.get("/reset/not-a-real-token").status_code == 404


def test_only_a_hash_of_the_token_is_stored(school):
    admin = create_user(email="admin@example.com", role=Role.ADMIN)
    student = create_user(email="sana@example.com", school=school)
    link = services.make_reset_link(actor=admin, user_id=student.id, now=utcnow(), valid_for=timedelta(hours=1))
    stored = db.session.scalar(db.select(PasswordReset.token_hash))
    assert link.token not in stored


def test_school_admin_cannot_reset_a_user_of_another_school(client, auth, school):
    other_school = create_school(name="Karachi Academy")
    create_user(email="head@example.com", role=Role.SCHOOL_ADMIN, school=school)
    outsider = create_user(email="omar@example.com", name="Omar", school=other_school)
    auth.login("head@example.com")
    assert "Omar" not in client.get("/users").get_data(as_text=True)
    assert _make_link(client, outsider.id).status_code == 404
    assert db.session.scalar(db.select(db.func.count(PasswordReset.id))) == 0


@pytest.mark.parametrize("target_role", [Role.ADMIN, Role.SCHOOL_ADMIN])
def test_school_admin_cannot_reset_an_admin(client, auth, school, target_role):
    create_user(email="head@example.com", role=Role.SCHOOL_ADMIN, school=school)
    other = create_user(email="boss@example.com", role=target_role, school=school)
    auth.login("head@example.com")
    assert _make_link(client, other.id).status_code == 404


@pytest.mark.parametrize("role", [Role.STUDENT, Role.TEACHER])
def test_students_and_teachers_cannot_make_links(client, auth, school, role):
    create_user(email="me@example.com", role=role, school=school)
    victim = create_user(email="victim@example.com", school=school)
    auth.login("me@example.com")
    assert client.get("/users").status_code == 403
    assert _make_link(client, victim.id).status_code == 403


def test_making_a_link_needs_csrf(client, auth, school):
    create_user(email="admin@example.com", role=Role.ADMIN)
    student = create_user(email="sana@example.com", school=school)
    auth.login("admin@example.com")
    assert client.post(f"/users/{student.id}/reset-link").status_code == 400


def test_admin_can_reset_anyone(client, auth):
    create_user(email="admin@example.com", role=Role.ADMIN)
    lone = create_user(email="lone@example.com")
    auth.login("admin@example.com")
    assert _make_link(client, lone.id).status_code == 200
    assert _make_link(client, 999999).status_code == 404


def test_reset_password_is_validated(app, school):
    admin = create_user(email="admin@example.com", role=Role.ADMIN)
    student = create_user(email="sana@example.com", school=school)
    link = services.make_reset_link(actor=admin, user_id=student.id, now=utcnow(), valid_for=timedelta(hours=1))
    client = app.test_client()
    response = _use(client, f"/reset/{link.token}", password="short")
    assert response.status_code == 400
    assert "Use 8 to 128 characters." in response.get_data(as_text=True)
    services.check_reset_link(link.token, now=utcnow())  # still usable
