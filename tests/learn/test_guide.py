"""The "Japan for work" guide: a public page of facts in English and Urdu, with its sources and the day
they were checked; broken guide files are refused with a message that names the field."""

import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from app.curriculum import checks, loader, sync
from app.extensions import db
from app.models import utcnow
from tests.conftest import csrf_token
from tests.factories import create_user

CONTENT = Path(__file__).parents[2] / "content"


@pytest.fixture
def guides(tmp_path):
    """A content folder holding only our guides (a copy a test may change)."""
    root = tmp_path / "content"
    shutil.copytree(CONTENT / "guides", root / "guides")
    return root


def _load(root: Path) -> None:
    content = loader.load(root)
    assert content.problems == []
    sync.sync(db.session, content, now=utcnow())
    db.session.commit()


def test_the_guide_is_public_and_names_routes_levels_exams_and_sources(app, client, guides):
    _load(guides)
    page = client.get("/guide/work").get_data(as_text=True)
    assert "Japan for work" in page
    for fact in ("JLPT N4 or JFT-Basic A2", "Nursing Care Japanese Language Evaluation Test", "N3 or above",
                 "90 of 180 points", "10 to 250", "Engineer / Specialist in"):
        assert fact in page, fact
    assert "Facts checked on November 30, 2026" in page
    assert 'href="https://www.jlpt.jp/e/"' in page and 'href="https://www.jpf.go.jp/jft-basic/"' in page
    assert "may be out of date" not in page
    assert '<bdi lang="ja">特定技能1号</bdi>' in page             # Japanese inside the text stays Japanese


def test_the_guide_in_urdu_is_right_to_left_and_written_in_urdu(app, client, guides):
    _load(guides)
    client.post("/language", data={"locale": "ur", "csrf_token": csrf_token(client, "/")})
    page = client.get("/guide/work").get_data(as_text=True)
    assert 'dir="rtl"' in page and "کام کے لیے جاپان" in page
    assert "جے ایل پی ٹی این فور یا جے ایف ٹی بیسک اے ٹو" in page
    assert "Facts checked" not in page


def test_a_guide_not_checked_for_a_year_says_it_may_be_out_of_date(app, client, guides):
    path = guides / "guides" / "work.yaml"
    old = (utcnow() - timedelta(days=400)).date().isoformat()
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("checked: 2026-11-30", f"checked: {old}"), encoding="utf-8")
    _load(guides)
    assert "may be out of date" in client.get("/guide/work").get_data(as_text=True)


def test_an_unknown_guide_is_not_found(app, client, guides):
    _load(guides)
    assert client.get("/guide/visa").status_code == 404


def test_the_home_page_course_map_and_search_lead_to_the_guide(app, client, auth, guides):
    _load(guides)
    assert 'href="/guide/work"' in client.get("/").get_data(as_text=True)
    create_user(email="ali@example.com")
    auth.login("ali@example.com")
    assert 'href="/guide/work"' in client.get("/course").get_data(as_text=True)
    assert 'href="/guide/work"' in client.get("/search?q=japan for work").get_data(as_text=True)


@pytest.mark.parametrize("old, new, field, message", [
    ("id: guide.work", "id: guide.visa", "id", "has the id guide.work"),
    ("checked: 2026-11-30", "checked: last week", "checked", "valid date"),
    ('url: "https://www.jlpt.jp/e/"', 'url: "http://www.jlpt.jp/e/"', "sources.1.url", "should match pattern"),
    ("title: {en: Japan for work, ur: کام کے لیے جاپان}", "title: {en: Japan for work, ur: Kaam ke liye Japan}",
     "title.ur", "must be written in Urdu script"),
])
def test_a_broken_guide_is_refused_with_its_file_line_and_field(guides, old, new, field, message):
    path = guides / "guides" / "work.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    problems = checks.check(loader.load(guides))
    assert len(problems) == 1, problems
    problem = problems[0]
    assert problem.file == "content/guides/work.yaml" and problem.field == field and problem.line > 1
    assert message in problem.message
