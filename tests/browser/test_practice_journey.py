"""A new student on a phone: learns lesson 1's words, answers every card (some wrong, one typed in
romaji, some while the connection is down), then sees the streak and the forecast."""

import json

import pytest
import sqlalchemy as sa

from app.extensions import db
from app.models import Card, ReviewLog
from tests.browser.test_lesson_journey import course_loaded  # noqa: F401  (fixture)
from tests.browser.test_reader_journey import _sign_up

pytestmark = pytest.mark.browser


def _current(page) -> dict:
    """The card on screen, from the round the page carries (once the review page has it)."""
    page.locator("#batch").wait_for(state="attached")
    return page.evaluate("""() => {
        const batch = JSON.parse(document.getElementById('batch').textContent);
        const left = Number(document.getElementById('left').textContent);
        return batch[batch.length - left];
    }""")


def _answer(page, card: dict, right: bool, romaji: str | None = None) -> None:
    if card["mode"] == "choice":
        options = [o for o in card["options"] if (o in card["accepted"]) == right]
        page.locator(".choice", has_text=options[0]).first.click()
    else:
        page.locator("#answer").fill(romaji or (card["accepted"][0] if right else "ちがう"))
        page.locator("#answer").press("Enter")
    page.locator("#feedback").wait_for(state="visible")


def test_learn_a_lesson_and_review_every_card(phone, live_server, live_app, course_loaded, screenshot_dir):  # noqa: F811
    page = phone
    _sign_up(page, live_server)
    page.get_by_role("link", name="Practice").click()
    page.get_by_role("button", name="Learn new words").click()
    page.wait_for_load_state()      # the page the click brings, loaded
    assert page.locator(".study li").count() == 6
    page.screenshot(path=str(screenshot_dir / "practice-learn-en.png"), full_page=True)
    page.get_by_role("link", name="Start the quiz").click()
    page.locator("#batch").wait_for(state="attached")
    page.screenshot(path=str(screenshot_dir / "practice-card-en.png"))

    answered = wrong = 0
    used_romaji = went_offline = heard = False
    while "/practice/review" in page.url and answered < 150:
        card = _current(page)
        if card is None:
            page.wait_for_url("**/practice**")
            continue
        if card["kind"] == "listening" and not heard and not went_offline:
            assert page.locator("#listen").is_visible() and page.locator("#ja").is_hidden()
            sound = page.request.get(live_server + card["audio"])
            assert sound.ok and sound.headers["content-type"] == "audio/ogg" and sound.body()[:4] == b"OggS"
            page.screenshot(path=str(screenshot_dir / "practice-listening-en.png"))
            heard = True
        if answered == 0 or (answered >= 6 and wrong < 2 and card["mode"] == "choice"):
            _answer(page, card, right=False)
            wrong += 1
            if answered == 0:
                page.screenshot(path=str(screenshot_dir / "practice-wrong-en.png"))
        elif not used_romaji and card["kind"] == "spelling" and card["accepted"][0] == "わたし":
            _answer(page, card, right=True, romaji="watashi")
            assert page.locator("#verdict").inner_text() == "Right!"
            used_romaji = True
        else:
            if answered == 4:                         # the connection drops for two answers
                page.context.set_offline(True)
                went_offline = True
            _answer(page, card, right=True)
            if answered == 5:
                assert page.locator("#net").is_visible()
                assert len(json.loads(page.evaluate("localStorage.getItem('kakehashi-pending')"))) >= 2
                page.context.set_offline(False)
                page.evaluate("window.dispatchEvent(new Event('online'))")
        answered += 1
        with page.expect_navigation(wait_until="load") if _last_of_round(page) else _nothing():
            page.locator("#next").click()

    assert used_romaji and went_offline and heard and wrong == 2
    assert page.url.endswith("/practice"), page.url
    assert "Nothing is due now" in page.content()
    with live_app.app_context():
        logs = db.session.scalar(sa.select(sa.func.count()).select_from(ReviewLog))
        assert logs == answered                        # every answer arrived, each once
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Card).where(Card.reps > 0)) == 20  # the day's new
    page.screenshot(path=str(screenshot_dir / "practice-today-en.png"), full_page=True)

    page.get_by_role("link", name="Your progress").click()
    page.wait_for_load_state()      # the page the click brings, loaded
    assert "1 day" in page.locator(".facts").inner_text()
    assert page.locator("svg.chart").count() == 3
    forecast = page.locator("svg.chart").nth(2)
    assert forecast.locator("text.value").count() >= 1     # reviews coming up in the next days
    page.screenshot(path=str(screenshot_dir / "practice-progress-en.png"), full_page=True)

    page.get_by_role("button", name="اردو").click()
    page.wait_for_load_state()      # the page the click brings, loaded
    page.goto(live_server + "/practice/progress")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    page.screenshot(path=str(screenshot_dir / "practice-progress-ur.png"), full_page=True)


def _last_of_round(page) -> bool:
    return page.evaluate("Number(document.getElementById('left').textContent) === 1")


class _nothing:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False
