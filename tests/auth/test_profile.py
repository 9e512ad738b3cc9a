"""Profile: the learner's goal, language, time zone and password."""

import pytest

from app.extensions import db
from app.models import Goal, User
from tests.conftest import csrf_token
from tests.factories import PASSWORD, create_user


@pytest.fixture
def ali(auth):
    user = create_user(email="ali@example.com", name="Ali")
    auth.login("ali@example.com")
    return user


def _save(client, **fields):
    data = {"name": "Ali Raza", "ui_locale": "en", "timezone": "Asia/Tokyo", "goal": "N4",
            "daily_goal_minutes": "20", "new_cards_per_day": "12", "desired_retention": "0.85",
            "csrf_token": csrf_token(client, "/profile")}
    data.update(fields)
    return client.post("/profile", data=data)


def test_new_profile_has_learner_defaults(client, ali):
    page = client.get("/profile").get_data(as_text=True)
    assert '<option selected value="Asia/Karachi">' in page
    assert ali.daily_goal_minutes == 15
    assert ali.new_cards_per_day == 20 and ali.desired_retention == 0.9
    assert '<option selected value="0.9">' in page


def test_profile_saves_every_field(client, ali):
    assert _save(client).status_code == 302
    user = db.session.get(User, ali.id)
    assert (user.name, user.timezone, user.goal, user.daily_goal_minutes) == ("Ali Raza", "Asia/Tokyo", Goal.N4, 20)
    assert (user.new_cards_per_day, user.desired_retention) == (12, 0.85)


def test_choosing_urdu_in_the_profile_turns_the_site_urdu(client, ali):
    _save(client, ui_locale="ur")
    page = client.get("/").get_data(as_text=True)
    assert '<html lang="ur" dir="rtl">' in page


@pytest.mark.parametrize("field, value, status", [
    ("goal", "N6", 400),
    ("ui_locale", "fr", 400),
    ("timezone", "Mars/Olympus", 400),
    ("timezone", "", 400),
    ("daily_goal_minutes", "0", 400),
    ("daily_goal_minutes", "1000", 400),
    ("daily_goal_minutes", "ten", 400),
    ("daily_goal_minutes", "", 400),
    ("name", "", 400),
    ("name", "n" * 200, 400),
    ("new_cards_per_day", "-1", 400),
    ("new_cards_per_day", "500", 400),
    ("desired_retention", "0.5", 400),          # not one of the choices
    ("desired_retention", "lots", 400),
])
def test_bad_profile_values_are_refused_and_nothing_changes(client, ali, field, value, status):
    response = _save(client, **{field: value})
    assert response.status_code == status
    assert 'class="error"' in response.get_data(as_text=True)
    user = db.session.get(User, ali.id)
    assert (user.name, user.timezone, user.goal) == ("Ali", "Asia/Karachi", Goal.N5)


def test_change_password_keeps_this_device_and_logs_out_others(app, client, ali, auth):
    other = app.test_client()
    type(auth)(other).login("ali@example.com")
    assert other.get("/profile").status_code == 200
    response = client.post("/profile/password", data={
        "current": PASSWORD, "password": "a brand new secret", "confirm": "a brand new secret",
        "csrf_token": csrf_token(client, "/profile")})
    assert response.status_code == 302
    assert client.get("/profile").status_code == 200
    assert other.get("/profile").status_code == 302  # the other phone is logged out
    assert db.session.get(User, ali.id).check_password("a brand new secret")


def test_change_password_needs_the_current_one(client, ali):
    response = client.post("/profile/password", data={
        "current": "not it", "password": "a brand new secret", "confirm": "a brand new secret",
        "csrf_token": csrf_token(client, "/profile")})
    assert response.status_code == 400
    assert "That is not your current password." in response.get_data(as_text=True)
    assert db.session.get(User, ali.id).check_password(PASSWORD)
