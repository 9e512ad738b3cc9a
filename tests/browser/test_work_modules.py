"""Japanese for work on a phone, in English and Urdu: the course map's modules and word lists, a full
module (words, dialogues, notices, exercises), an N4 lesson in Urdu, and the Japan for work guide."""

import pytest

from tests.browser.test_reader_journey import _sign_up
from tests.browser.test_real_course import _fits, real_course  # noqa: F401  (a fixture)

pytestmark = pytest.mark.browser
FULL = ["care", "farm", "food", "build", "factory", "it"]


def test_work_modules_an_n4_lesson_and_the_guide_in_both_languages(phone, live_server, real_course,  # noqa: F811
                                                                    screenshot_dir):
    page = phone
    page.goto(live_server + "/guide/work")                       # public: no account needed
    assert page.locator("h1").inner_text() == "Japan for work" and _fits(page)
    page.screenshot(path=str(screenshot_dir / "guide-en.png"))

    _sign_up(page, live_server)
    page.get_by_role("link", name="Course").click()
    work = page.locator("section.card", has=page.get_by_role("heading", name="Japanese for work"))
    links = work.locator("ul.rows li a")
    assert [links.nth(i).get_attribute("href") for i in range(6)] == [f"/module/module.{s}" for s in FULL]
    assert links.count() == 16 and work.locator(".tag", has_text="word list").count() == 10
    work.screenshot(path=str(screenshot_dir / "work-modules-en.png"))

    page.goto(live_server + "/module/module.care")
    assert page.locator("ul.words li").count() >= 60 and page.locator(".dialogue").count() == 3
    assert page.locator(".notice").count() >= 1 and _fits(page)
    page.locator("main section.card").nth(0).screenshot(path=str(screenshot_dir / "module-care-top-en.png"))
    page.locator(".dialogue").first.screenshot(path=str(screenshot_dir / "module-care-dialogue-en.png"))
    page.locator(".notice").first.screenshot(path=str(screenshot_dir / "module-care-notice-en.png"))
    assert page.locator('a[href="/decks/module/module.care/vocab.apkg"]').count() == 1

    page.goto(live_server + "/search?q=" + "介護")
    assert page.locator('a[href^="/word/care.v."]').count() >= 1

    page.get_by_role("button", name="اردو").click()
    page.wait_for_load_state()      # the page the click brings, loaded
    page.goto(live_server + "/module/module.it")
    assert page.locator("html").get_attribute("dir") == "rtl" and _fits(page)
    page.locator("main section.card").nth(0).screenshot(path=str(screenshot_dir / "module-it-top-ur.png"))
    page.locator(".dialogue").first.screenshot(path=str(screenshot_dir / "module-it-dialogue-ur.png"))
    page.locator("ul.words li").nth(20).scroll_into_view_if_needed()
    page.screenshot(path=str(screenshot_dir / "module-it-words-ur.png"))             # what the phone shows

    page.goto(live_server + "/lesson/n4.l05")
    assert page.locator("html").get_attribute("dir") == "rtl" and _fits(page)
    page.locator("main section.card").nth(0).screenshot(path=str(screenshot_dir / "n4-lesson05-top-ur.png"))
    page.locator(".dialogue").screenshot(path=str(screenshot_dir / "n4-lesson05-dialogue-ur.png"))

    page.goto(live_server + "/guide/work")
    assert page.locator("h1").inner_text() == "کام کے لیے جاپان" and _fits(page)
    page.screenshot(path=str(screenshot_dir / "guide-ur.png"))
    page.locator("section.guide").first.screenshot(path=str(screenshot_dir / "guide-ur-first-section.png"))
