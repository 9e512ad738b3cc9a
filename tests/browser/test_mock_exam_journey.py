"""A candidate on a phone takes a full N5 mock exam with the clock sped up (a setting: the deadline
logic is the real one): answers are saved as they are chosen and kept across a reload, one section
is handed in, one closes by itself at its deadline, and the score report follows."""

from pathlib import Path

import pytest

from app.curriculum import loader, sync
from app.extensions import db
from app.models import utcnow
from tests.browser.test_reader_journey import _sign_up

pytestmark = pytest.mark.browser
REAL_CONTENT = Path(__file__).parents[2] / "content"
SCALE = 0.006           # 20, 40 and 30 minutes become about 7, 14 and 11 seconds


@pytest.fixture
def bank_loaded(live_app):
    live_app.config["MOCK_TIME_SCALE"] = SCALE
    with live_app.app_context():
        sync.sync(db.session, loader.load(REAL_CONTENT), now=utcnow())
        db.session.commit()


def test_full_n5_mock_exam(phone, live_server, bank_loaded, screenshot_dir):
    page = phone
    _sign_up(page, live_server)
    page.goto(live_server + "/exams")
    page.screenshot(path=str(screenshot_dir / "exams-en.png"))
    page.locator("form[action$='/exams/jlpt-n5/start'] button").click()
    page.wait_for_load_state()      # the page the click brings, loaded
    assert "Section 1 of 3" in page.content()
    radios = page.locator(".test fieldset")
    chosen = []
    for n in range(4):                                            # answer four, each saved on the spot
        with page.expect_response(lambda r: r.url.endswith("/answer") and r.status == 200):
            radios.nth(n).locator("input").nth(n % 3).check()
        chosen.append(n % 3)
    page.screenshot(path=str(screenshot_dir / "exam-section-en.png"))
    page.reload()                                                 # nothing lost
    for n, choice in enumerate(chosen):
        assert radios.nth(n).locator("input").nth(choice).is_checked()
    page.get_by_role("button", name="Hand in this section").click()
    page.wait_for_load_state()      # the page the click brings, loaded
    assert "Section 2 of 3" in page.content()
    radios.nth(0).locator("input").nth(1).check()
    page.get_by_text("Section 3 of 3").wait_for(timeout=30_000)     # time up: the server closed section 2
    page.screenshot(path=str(screenshot_dir / "exam-listening-en.png"))
    page.get_by_role("button", name="Hand in this section").click()
    page.wait_for_url("**/report")
    assert "Scaled scores are estimates" in page.content() and "Questions to review" in page.content()
    page.screenshot(path=str(screenshot_dir / "exam-report-en.png"), full_page=True)
    page.get_by_role("button", name="اردو").click()
    page.wait_for_load_state()      # the page the click brings, loaded
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    page.locator("main section.card").first.screenshot(path=str(screenshot_dir / "exam-report-ur.png"))


def test_n2_mock_exam_shows_reading_and_listening_on_a_phone(phone, live_server, bank_loaded, screenshot_dir):
    # N2 and N1 are built from the same forms as the real test; their grammar, reading and listening
    # items are hand-written, and long passages must still fit a 360-px screen.
    page = phone
    _sign_up(page, live_server)
    page.goto(live_server + "/exams")
    page.locator("form[action$='/exams/jlpt-n2/start'] button").click()
    page.wait_for_load_state()      # the page the click brings, loaded
    assert "Section 1 of 2" in page.content()
    assert page.locator(".test fieldset").count() >= 70                 # 74 questions in the real form
    # Nothing wider than the screen. (This section is some 50,000 px tall, and emulated mobile Chromium
    # widens its layout viewport for such a page, so window.innerWidth is no measure here.)
    assert page.evaluate("Math.max(...[...document.querySelectorAll('body *')].map(e => "
                         "e.getBoundingClientRect().right))") <= 361
    page.locator(".test .passage").last.scroll_into_view_if_needed()    # the last reading text
    page.screenshot(path=str(screenshot_dir / "exam-n2-reading-en.png"))
    with page.expect_navigation():
        page.get_by_role("button", name="Hand in this section").press("Enter")
    assert "Section 2 of 2" in page.content() and page.locator(".test fieldset").count() >= 30
    page.screenshot(path=str(screenshot_dir / "exam-n2-listening-en.png"))
