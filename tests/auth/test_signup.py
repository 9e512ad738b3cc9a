"""Sign-up: the happy path, a duplicate e-mail in any letter case, and every kind of bad field."""

import pytest
import sqlalchemy as sa

from app.extensions import db
from app.models import Role, User
from tests.conftest import csrf_token
from tests.factories import PASSWORD, create_user


def _signup(client, **fields):
    data = {"name": "Sana Malik", "email": "sana@example.com", "password": PASSWORD, "confirm": PASSWORD,
            "csrf_token": csrf_token(client, "/signup")}
    data.update(fields)
    return client.post("/signup", data=data)


def test_signup_creates_a_student_and_logs_in(client):
    response = _signup(client, email="  Sana@Example.COM ")
    assert response.status_code == 302 and response.location.endswith("/profile")
    user = db.session.scalar(sa.select(User))
    assert user.email == "sana@example.com"
    assert user.role == Role.STUDENT
    assert user.timezone == "Asia/Karachi"
    assert user.password_hash != PASSWORD and user.check_password(PASSWORD)
    assert "Sana Malik" in client.get("/").get_data(as_text=True)


def test_signup_in_urdu_keeps_urdu_as_the_profile_language(client):
    client.get("/?lang=ur")
    _signup(client)
    assert db.session.scalar(sa.select(User.ui_locale)) == "ur"


@pytest.mark.parametrize("email", ["taken@example.com", "TAKEN@example.com", " Taken@Example.Com "])
def test_duplicate_email_in_any_case_is_refused_beside_the_field(client, email):
    create_user(email="taken@example.com")
    response = _signup(client, email=email)
    assert response.status_code == 400
    assert "exists already" in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(User.id))) == 1


@pytest.mark.parametrize("field, value, message", [
    ("name", "", "Enter your name."),
    ("name", "   ", "Enter your name."),
    ("name", "x" * 81, "at most 80 characters"),
    ("name", "Ali\x00Khan", "letters, numbers and spaces only"),
    ("email", "", "Enter your e-mail address."),
    ("email", "not-an-email", "like name@example.com"),
    ("email", "a@b", "like name@example.com"),
    ("email", "x" * 250 + "@example.com", "too long"),
    ("password", "short", "Use 8 to 128 characters."),
    ("password", "p" * 129, "Use 8 to 128 characters."),
    ("confirm", "something else", "not the same"),
])
def test_bad_fields_get_a_clear_message_and_no_account(client, field, value, message):
    response = _signup(client, **{field: value})
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(User.id))) == 0


def test_signup_without_csrf_token_is_refused(client):
    response = client.post("/signup", data={"name": "A", "email": "a@example.com", "password": PASSWORD,
                                            "confirm": PASSWORD})
    assert response.status_code == 400
    assert "expired or was sent from another site" in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(User.id))) == 0


def test_names_are_escaped_when_shown(client):
    _signup(client, name="<script>alert(1)</script>")
    page = client.get("/").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
