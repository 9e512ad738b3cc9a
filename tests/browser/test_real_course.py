"""The real N5 course on a phone, in English and Urdu: lesson, grammar, kana chart and search."""

from pathlib import Path

import pytest

from app.curriculum import loader, sync
from app.extensions import db
from app.models import utcnow
from tests.browser.test_reader_journey import _sign_up

pytestmark = pytest.mark.browser
REAL_CONTENT = Path(__file__).parents[2] / "content"


@pytest.fixture
def real_course(live_app):
    with live_app.app_context():
        sync.sync(db.session, loader.load(REAL_CONTENT), now=utcnow())
        db.session.commit()


def _fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_real_lessons_grammar_kana_and_search_in_both_languages(phone, live_server, real_course, screenshot_dir):
    page = phone
    _sign_up(page, live_server)
    page.get_by_role("link", name="Course").click()
    courses = page.locator("ol.lessons")
    assert courses.count() == 2                                  # N5, then N4
    assert [courses.nth(i).locator("li").count() for i in range(2)] == [25, 25]
    page.screenshot(path=str(screenshot_dir / "real-course-en.png"))

    page.goto(live_server + "/lesson/n5.l15")
    assert page.locator(".dialogue ruby").count() >= 1 and _fits(page)
    page.locator("main section.card").nth(0).screenshot(path=str(screenshot_dir / "real-lesson15-top-en.png"))
    page.locator(".dialogue").screenshot(path=str(screenshot_dir / "real-lesson15-dialogue-en.png"))

    page.goto(live_server + "/lesson/n4.l20")
    assert page.locator(".dialogue ruby").count() >= 1 and _fits(page)
    page.locator(".dialogue").screenshot(path=str(screenshot_dir / "real-n4-lesson20-dialogue-en.png"))

    page.goto(live_server + "/search?q=taberu")
    assert page.locator("a[href=\"/word/n5.v.taberu\"]").count() == 1
    page.goto(live_server + "/kana")
    assert page.locator(".kana-grid li").first.inner_text().startswith("あ")

    page.get_by_role("button", name="اردو").click()
    page.wait_for_load_state()      # the page the click brings, loaded
    page.goto(live_server + "/lesson/n5.l15")
    assert page.locator("html").get_attribute("dir") == "rtl" and _fits(page)
    page.locator("main section.card").nth(0).screenshot(path=str(screenshot_dir / "real-lesson15-top-ur.png"))
    page.goto(live_server + "/grammar/n5.g.te-mo-ii")
    assert page.locator("main bdi[lang=ja]").count() >= 5 and _fits(page)
    page.screenshot(path=str(screenshot_dir / "real-grammar-ur.png"), full_page=True)
    page.locator("main section.card p").nth(2).screenshot(path=str(screenshot_dir / "real-grammar-ur-explanation.png"))
    page.goto(live_server + "/search?q=" + "کھانا")
    assert page.locator("a[href=\"/word/n5.v.taberu\"]").count() == 1
    page.screenshot(path=str(screenshot_dir / "real-search-ur.png"))
