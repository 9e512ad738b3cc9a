"""A learner opens the course on a phone, studies lesson 1, answers its exercises and completes it."""

from pathlib import Path

import pytest

from app.curriculum import loader, sync
from app.extensions import db
from app.models import utcnow
from tests.browser.test_reader_journey import _sign_up

pytestmark = pytest.mark.browser
GOOD = Path(__file__).parents[1] / "fixtures" / "content" / "good"


@pytest.fixture
def course_loaded(live_app):
    with live_app.app_context():
        sync.sync(db.session, loader.load(GOOD), now=utcnow())
        db.session.commit()


def test_study_a_lesson_and_complete_it(phone, live_server, course_loaded, screenshot_dir):
    page = phone
    _sign_up(page, live_server)
    page.get_by_role("link", name="Course").click()
    page.wait_for_load_state()      # the page the click brings, loaded
    assert "0 of 1 lessons done" in page.content()
    page.get_by_role("link", name="Nice to meet you").click()
    page.wait_for_load_state()      # the page the click brings, loaded
    assert page.locator(".dialogue ruby").count() >= 1
    page.screenshot(path=str(screenshot_dir / "lesson-en.png"), full_page=True)

    page.locator("input[name=answer-0][value='1']").check()          # wrong on purpose
    page.locator("input[name=answer-1]").fill("wa")                   # romaji is accepted
    for position, piece in enumerate(["わたし", "は", "がくせい", "です"]):
        page.locator("select[name=answer-2]").nth(position).select_option(label=piece)
    page.locator("input[name=answer-3][value='0']").check()
    page.locator("input[name=answer-4]").fill("にほん")
    with page.expect_navigation():
        page.get_by_role("button", name="Check my answers").click()
    assert "4 of 5 right." in page.content()
    assert page.locator(".exercise.wrong").count() == 1
    assert page.locator("select[name=answer-2]").nth(0).evaluate("s => s.selectedOptions[0].text") == "わたし"
    page.locator("#exercises").screenshot(path=str(screenshot_dir / "lesson-exercises-en.png"))

    page.locator("input[name=answer-0][value='0']").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Check my answers").click()
    assert "Lesson complete!" in page.content()
    page.goto(live_server + "/course")
    assert "1 of 1 lessons done" in page.content()

    page.get_by_role("button", name="اردو").click()
    page.wait_for_load_state()      # the page the click brings, loaded
    page.goto(live_server + "/lesson/n5.l01")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert "آپ سے مل کر خوشی ہوئی" in page.content()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    page.screenshot(path=str(screenshot_dir / "lesson-ur.png"), full_page=True)
    page.locator("main section.card").nth(0).screenshot(path=str(screenshot_dir / "lesson-ur-top.png"))
    page.locator("main section.card").nth(4).screenshot(path=str(screenshot_dir / "lesson-ur-dialogue.png"))
