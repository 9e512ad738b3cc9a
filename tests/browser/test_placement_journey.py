"""A newcomer on a phone takes the placement test: a reload in the middle keeps the question, the
result shows a level, its certainty, skills and where to start, in English and Urdu."""

from pathlib import Path

import pytest

from app.curriculum import loader, sync
from app.extensions import db
from app.models import utcnow
from tests.browser.test_reader_journey import _sign_up

pytestmark = pytest.mark.browser
REAL_CONTENT = Path(__file__).parents[2] / "content"


@pytest.fixture
def bank_loaded(live_app):
    with live_app.app_context():
        sync.sync(db.session, loader.load(REAL_CONTENT), now=utcnow())
        db.session.commit()


def test_take_the_placement_test(phone, live_server, bank_loaded, screenshot_dir):
    page = phone
    _sign_up(page, live_server)
    page.goto(live_server + "/")
    page.get_by_role("link", name="Placement test").click()
    page.screenshot(path=str(screenshot_dir / "placement-intro-en.png"))
    page.get_by_role("button", name="Start the test").click()
    page.screenshot(path=str(screenshot_dir / "placement-question-en.png"), full_page=True)
    answered = 0
    while "/result" not in page.url and answered < 31:
        if answered == 3:                                   # reload: the same question waits
            question = page.locator(".question").inner_text()
            page.reload()
            assert page.locator(".question").inner_text() == question
        page.locator("input[name=choice]").nth(answered % 2).check()   # some right, some wrong
        page.get_by_role("button", name="Next").click()
        page.wait_for_load_state()
        answered += 1
    assert "/result" in page.url and 5 <= answered <= 30
    assert "Your level:" in page.content() and "By skill" in page.content()
    page.screenshot(path=str(screenshot_dir / "placement-result-en.png"), full_page=True)
    page.get_by_role("button", name="اردو").click()
    page.wait_for_load_state()      # the page the click brings, loaded
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    page.screenshot(path=str(screenshot_dir / "placement-result-ur.png"), full_page=True)
