"""A learner pastes Japanese into the Reader on a phone and reads it with furigana."""

import pytest

pytestmark = pytest.mark.browser

TEXT = "私は毎日日本語を勉強しています。来年、介護の仕事で日本へ行きます。三本の木の下で、友達と話しました。"


def _sign_up(page, base):
    page.goto(base + "/signup")
    page.get_by_label("Your name").fill("Bilal")
    page.get_by_label("E-mail").fill("bilal@example.com")
    page.get_by_label("Password", exact=True).fill("a good long password")
    page.get_by_label("Password again").fill("a good long password")
    with page.expect_navigation():
        page.get_by_role("button", name="Sign up").click()


def test_reader_with_furigana_words_and_levels(phone, live_server, screenshot_dir):
    page = phone
    _sign_up(page, live_server)
    page.get_by_role("link", name="Reader").click()
    page.get_by_label("Japanese text").fill(TEXT)
    with page.expect_navigation():          # a form post: read the page it brings, not this one
        page.get_by_role("button", name="Read").click()
    reading = page.locator(".reading")
    assert reading.locator("ruby").count() > 5
    assert "べんきょう" in reading.inner_text()
    assert page.locator(".words li").count() >= 8
    assert page.get_by_text("to study").count() >= 1
    page.screenshot(path=str(screenshot_dir / "reader-en.png"), full_page=True)
    for i, name in enumerate(["form", "text", "levels", "words"]):
        page.locator("main section.card").nth(i).screenshot(path=str(screenshot_dir / f"reader-en-{name}.png"))

    # Only kanji above N5 keep their furigana.
    page.get_by_label("Furigana").select_option("unknown")
    page.get_by_label("Kanji I know").select_option("N5")
    with page.expect_navigation():
        page.get_by_role("button", name="Read").click()
    ruby_bases = page.locator(".reading ruby").evaluate_all("rs => rs.map(r => r.firstChild.textContent)")
    assert "介護" in ruby_bases and "毎日" not in ruby_bases

    with page.expect_navigation():
        page.get_by_role("button", name="اردو").click()
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.get_by_label("جاپانی متن").fill(TEXT)
    with page.expect_navigation():
        page.locator("form button.primary").click()
    assert page.locator(".reading").evaluate("e => getComputedStyle(e).direction") == "ltr"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    page.screenshot(path=str(screenshot_dir / "reader-ur.png"), full_page=True)
    for i, name in enumerate(["form", "text", "levels", "words"]):
        page.locator("main section.card").nth(i).screenshot(path=str(screenshot_dir / f"reader-ur-{name}.png"))


def test_reader_refuses_text_over_the_limit(phone, live_server):
    page = phone
    _sign_up(page, live_server)
    page.goto(live_server + "/reader")
    page.get_by_label("Japanese text").fill("あ" * 10_001)
    with page.expect_navigation():
        page.get_by_role("button", name="Read").click()
    assert "the Reader takes up to 10,000" in page.content()
