"""Log-in and log-out, throttling per account and per address, and where `next=` may send you."""

import pytest

from tests.conftest import csrf_token
from tests.factories import PASSWORD, create_user


def test_login_then_logout(client, auth):
    create_user(email="ali@example.com", name="Ali")
    response = auth.login("ALI@example.com")
    assert response.status_code == 302 and response.location == "/"
    assert "Hello, Ali" in client.get("/").get_data(as_text=True)
    assert auth.logout().status_code == 302
    assert client.get("/profile").status_code == 302


@pytest.mark.parametrize("email, password", [
    ("ali@example.com", "wrong password"),
    ("nobody@example.com", PASSWORD),
])
def test_wrong_email_or_password_gets_the_same_answer(client, auth, email, password):
    create_user(email="ali@example.com")
    response = auth.login(email, password)
    assert response.status_code == 401
    assert "The e-mail or the password is wrong." in response.get_data(as_text=True)
    assert client.get("/profile").status_code == 302


def test_session_cookie_is_httponly_and_samesite_lax(client, auth):
    create_user(email="ali@example.com")
    auth.login("ali@example.com")
    cookie = client.get_cookie("session")
    assert cookie.http_only and cookie.same_site == "Lax"


def test_twenty_wrong_passwords_lock_the_account_for_a_while(client, auth):
    create_user(email="ali@example.com")
    statuses = [auth.login("ali@example.com", f"guess {i}").status_code for i in range(20)]
    assert statuses[:5] == [401] * 5
    assert set(statuses[5:]) == {429}
    # Even the right password waits now: the attacker learns nothing from it.
    locked = auth.login("ali@example.com")
    assert locked.status_code == 429
    assert "Too many tries" in locked.get_data(as_text=True)


def test_account_limit_holds_across_addresses(app, auth):
    create_user(email="ali@example.com")
    for i in range(6):
        client = app.test_client()
        client.environ_base["REMOTE_ADDR"] = f"10.0.0.{i}"
        status = type(auth)(client).login("ali@example.com", "wrong").status_code
    assert status == 429


def test_address_limit_holds_across_accounts(app, client, auth):
    for i in range(20):
        assert auth.login(f"user{i}@example.com", "wrong").status_code == 401
    assert auth.login("user99@example.com", "wrong").status_code == 429


def test_a_successful_login_does_not_count_against_the_limit(client, auth):
    create_user(email="ali@example.com")
    for _ in range(8):
        assert auth.login("ali@example.com").status_code == 302
        auth.logout()


@pytest.mark.parametrize("target, expected", [
    ("/profile", "/profile"),
    ("/profile?tab=1", "/profile?tab=1"),
    ("//evil.example", "/"),
    ("//evil.example/profile", "/"),
    ("https://evil.example/", "/"),
    ("/\\evil.example", "/"),
    ("\\\\evil.example", "/"),
    ("javascript:alert(1)", "/"),
    ("/%0d%0aSet-Cookie:x", "/%0d%0aSet-Cookie:x"),  # percent-encoded: still a local path
    ("", "/"),
])
def test_next_only_redirects_within_the_site(client, auth, target, expected):
    create_user(email="ali@example.com")
    response = auth.login("ali@example.com", next=target)
    assert response.status_code == 302
    assert response.location == expected


def test_login_page_keeps_next_from_the_query(client):
    create_user(email="ali@example.com")
    response = client.get("/profile")
    assert response.status_code == 302 and response.location == "/login?next=/profile"
    page = client.get(response.location).get_data(as_text=True)
    assert 'name="next" type="hidden" value="/profile"' in page


def test_login_without_csrf_token_is_refused(client):
    create_user(email="ali@example.com")
    response = client.post("/login", data={"email": "ali@example.com", "password": PASSWORD})
    assert response.status_code == 400
    assert client.get("/profile").status_code == 302


def test_logout_needs_a_post_with_csrf(client, auth):
    create_user(email="ali@example.com")
    auth.login("ali@example.com")
    assert client.get("/logout").status_code == 405
    assert client.post("/logout").status_code == 400
    assert client.get("/profile").status_code == 200


@pytest.mark.parametrize("email, password", [("", ""), ("x" * 300, PASSWORD), ("ali@example.com", "p" * 500)])
def test_malformed_login_is_a_clear_400(client, email, password):
    response = client.post("/login", data={"email": email, "password": password, "csrf_token": csrf_token(client)})
    assert response.status_code == 400
