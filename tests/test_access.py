"""Every route says who may open it, and the roles are enforced."""

import pytest

from app.models import Role
from app.security import ACCESS_ATTR
from tests.factories import create_user


def test_every_view_declares_who_may_open_it(app):
    unmarked = [rule.rule for rule in app.url_map.iter_rules()
                if rule.endpoint != "static" and not hasattr(app.view_functions[rule.endpoint], ACCESS_ATTR)]
    assert unmarked == []


SIGNED_IN_PAGES = ["/profile"]
ADMIN_PAGES = ["/users"]


@pytest.mark.parametrize("path", SIGNED_IN_PAGES + ADMIN_PAGES)
def test_anonymous_users_are_sent_to_log_in(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response.location.startswith("/login?next=")


@pytest.mark.parametrize("role", [Role.STUDENT, Role.TEACHER])
@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_students_and_teachers_get_403_on_admin_pages(client, auth, role, path):
    create_user(email="me@example.com", role=role)
    auth.login("me@example.com")
    response = client.get(path)
    assert response.status_code == 403
    assert "This page is not for your account" in response.get_data(as_text=True)


@pytest.mark.parametrize("role, sees_users", [
    (Role.STUDENT, False), (Role.TEACHER, False), (Role.SCHOOL_ADMIN, True), (Role.ADMIN, True)])
def test_navigation_follows_the_role(client, auth, role, sees_users):
    create_user(email="me@example.com", role=role)
    auth.login("me@example.com")
    assert ('href="/users"' in client.get("/").get_data(as_text=True)) is sees_users
