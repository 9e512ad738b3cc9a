"""Schools are made by an admin; a school admin invites teachers with one-time links."""

import re
from datetime import timedelta

import pytest
import sqlalchemy as sa

from app.extensions import db
from app.models import Assignment, Invitation, Role, School, User, utcnow
from app.schools import services
from tests.conftest import csrf_token
from tests.factories import create_school, create_user


def test_an_admin_makes_a_school_and_its_admin_gets_a_set_password_link(client, auth, app):
    create_user(email="root@example.com", role=Role.ADMIN)
    auth.login("root@example.com")
    page = client.post("/admin/schools", data={
        "csrf_token": csrf_token(client, "/admin/schools"), "name": "Peshawar Japanese Centre", "city": "Peshawar",
        "admin_name": "Hina Afridi", "admin_email": "Hina@Example.com"}).get_data(as_text=True)
    school = db.session.scalar(sa.select(School).where(School.name == "Peshawar Japanese Centre"))
    admin = db.session.scalar(sa.select(User).where(User.email == "hina@example.com"))
    assert admin.role == Role.SCHOOL_ADMIN and admin.school_id == school.id
    assert re.search(r"/reset/[\w-]+", page)
    again = client.post("/admin/schools", data={
        "csrf_token": csrf_token(client, "/admin/schools"), "name": "Twice", "city": "", "admin_name": "H",
        "admin_email": "hina@example.com"})
    assert again.status_code == 400 and "exists already" in again.get_data(as_text=True)


def test_only_admins_make_schools(client, auth, app):
    create_user(email="t@example.com", role=Role.TEACHER, school=create_school())
    auth.login("t@example.com")
    assert client.get("/admin/schools").status_code == 403


def test_a_school_admin_invites_a_teacher_once(client, auth, app):
    school = create_school(name="Lahore")
    create_user(email="head@example.com", role=Role.SCHOOL_ADMIN, school=school)
    auth.login("head@example.com")
    page = client.post("/school", data={"csrf_token": csrf_token(client, "/school")}).get_data(as_text=True)
    link = re.search(r"(/invite/[\w-]+)", page).group(1)
    auth.logout()
    form = {"csrf_token": csrf_token(client, link), "name": "Usman Sensei", "email": "usman@example.com",
            "password": "a good long password", "confirm": "a good long password"}
    assert client.post(link, data=form).status_code == 303
    teacher = db.session.scalar(sa.select(User).where(User.email == "usman@example.com"))
    assert teacher.role == Role.TEACHER and teacher.school_id == school.id
    assert client.get(link).status_code == 404                         # used: gone
    assert client.post(link, data={**form, "email": "other@example.com"}).status_code == 404


def test_an_expired_invitation_does_not_work(client, app):
    school = create_school()
    head = create_user(email="head@example.com", role=Role.SCHOOL_ADMIN, school=school)
    token = services.invite_teacher(head, utcnow() - timedelta(days=services.INVITE_DAYS + 1))
    assert client.get(f"/invite/{token}").status_code == 404
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Invitation)) == 1


@pytest.mark.parametrize("role", [Role.TEACHER, Role.STUDENT])
def test_only_school_admins_invite(client, auth, app, role):
    create_user(email="x@example.com", role=role, school=create_school())
    auth.login("x@example.com")
    assert client.post("/school", data={"csrf_token": csrf_token(client, "/profile")}).status_code == 403


def test_an_assignment_for_chosen_students_only(client, auth, app):
    school = create_school()
    teacher = create_user(email="t@example.com", role=Role.TEACHER, school=school)
    room = services.create_class(teacher, name="C", level="N5", target_exam="N5", exam_date=None, now=utcnow())
    a, b = (create_user(email=f"{n}@example.com", school=school) for n in "ab")
    for student in (a, b):
        services.join(student, room.join_code, utcnow())
    assignment = services.create_assignment(teacher, room.id, kind="placement", target="", amount=0,
                                            due_at=utcnow() + timedelta(days=2), student_ids=[a.id], now=utcnow())
    assert services.is_for(assignment, a.id) and not services.is_for(assignment, b.id)
    assert [x.id for x in services.assignments_for_student(b)] == []
    outsider = create_user(email="o@example.com", school=create_school(name="Other"))
    with pytest.raises(services.NotAllowed):
        services.create_assignment(teacher, room.id, kind="placement", target="", amount=0, due_at=utcnow(),
                                   student_ids=[outsider.id], now=utcnow())
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Assignment)) == 1
