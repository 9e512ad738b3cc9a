"""A new learner on a phone: sign up, log out, log in, switch to Urdu; the page turns right-to-left."""

import pytest

pytestmark = pytest.mark.browser


def _no_horizontal_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_sign_up_log_in_and_switch_to_urdu(phone, live_server, screenshot_dir):
    page = phone
    shot = lambda name: page.screenshot(path=str(screenshot_dir / f"{name}.png"), full_page=True)  # noqa: E731

    page.goto(live_server + "/")
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert _no_horizontal_scroll(page)
    shot("home-en")

    page.get_by_role("link", name="Start for free").click()
    shot("signup-en")
    page.get_by_label("Your name").fill("Sana Malik")
    page.get_by_label("E-mail").fill("sana@example.com")
    page.get_by_label("Password", exact=True).fill("a good long password")
    page.get_by_label("Password again").fill("a good long password")
    page.get_by_role("button", name="Sign up").click()
    assert page.url.endswith("/profile")
    assert "Welcome to Kakehashi, Sana Malik!" in page.content()
    page.get_by_label("My goal").select_option("N4")
    page.get_by_role("button", name="Save").click()
    page.wait_for_load_state()      # the page the click brings, loaded
    assert "Your profile is saved." in page.content()
    shot("profile-en")

    page.get_by_role("button", name="Log out").click()
    page.get_by_role("link", name="Log in").first.click()
    page.get_by_label("E-mail").fill("sana@example.com")
    page.get_by_label("Password").fill("a wrong password")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()      # the page the click brings, loaded
    assert "The e-mail or the password is wrong." in page.content()
    page.get_by_label("Password").fill("a good long password")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()      # the page the click brings, loaded
    assert page.get_by_role("heading", name="Hello, Sana Malik").is_visible()

    page.get_by_role("button", name="اردو").click()
    page.wait_for_load_state()      # the page the click brings, loaded
    html = page.locator("html")
    assert html.get_attribute("dir") == "rtl" and html.get_attribute("lang") == "ur"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    # Urdu is set in a Nastaliq face; the brand's Japanese stays left-to-right in a Japanese font.
    assert "Nastaliq" in page.evaluate("getComputedStyle(document.querySelector('main h1')).fontFamily")
    assert page.evaluate("document.fonts.check('16px \"Noto Nastaliq Urdu\"')")
    ja = page.locator('bdi[lang="ja"]').first
    assert "CJK" in ja.evaluate("e => getComputedStyle(e).fontFamily")
    assert _no_horizontal_scroll(page)
    shot("dashboard-ur")

    page.goto(live_server + "/profile")
    assert page.locator("html").get_attribute("dir") == "rtl"  # saved to the profile, not just this page
    shot("profile-ur")

    page.locator("form[action='/logout'] button").click()
    page.wait_for_load_state()      # the page the click brings, loaded
    page.goto(live_server + "/signup")
    assert page.locator("html").get_attribute("dir") == "rtl"  # the browser remembers too
    assert _no_horizontal_scroll(page)
    shot("signup-ur")
    page.goto(live_server + "/")
    shot("home-ur")
