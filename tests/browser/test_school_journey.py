"""A teacher makes a class, imports a roster of 30, assigns lesson 1 and 5 reviews due tomorrow; a
student joins by code and does the work; the teacher sees it done and downloads the gradebook."""

import csv
import io
from pathlib import Path

import pytest

from app.auth import services as accounts
from app.curriculum import loader, sync
from app.extensions import db
from app.models import Role, School, utcnow
from tests.browser.test_lesson_journey import GOOD
from tests.browser.test_reader_journey import _sign_up

pytestmark = pytest.mark.browser
LAPTOP = {"width": 1280, "height": 800}


@pytest.fixture
def school_ready(live_app):
    with live_app.app_context():
        sync.sync(db.session, loader.load(GOOD), now=utcnow())
        school = School(name="Lahore Japanese Institute", city="Lahore")
        db.session.add(school)
        db.session.flush()
        accounts.create_user(name="Bilal Sensei", email="sensei@example.com", password="a good long password",
                             role=Role.TEACHER, school_id=school.id)
        db.session.commit()


def _log_in(page, base, email):
    page.goto(base + "/login")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill("a good long password")
    page.get_by_role("button", name="Log in").click()


def test_teacher_class_roster_assignments_student_work_dashboard(browser, live_server, school_ready, screenshot_dir,
                                                                  tmp_path):
    laptop = browser.new_context(viewport=LAPTOP, locale="en-US", accept_downloads=True)
    teacher = laptop.new_page()
    _log_in(teacher, live_server, "sensei@example.com")
    teacher.get_by_role("link", name="Classes").click()
    teacher.get_by_label("Name of the class").fill("N5 Evening")
    teacher.get_by_role("button", name="Make the class").click()
    teacher.wait_for_load_state()      # the page the click brings, loaded
    code = teacher.locator(".code-small").inner_text().strip()

    roster = tmp_path / "roster.csv"
    roster.write_text("name,email,student_number\n" + "".join(
        f"Student {i:02d},student{i:02d}@example.com,E-{i:02d}\n" for i in range(30)), encoding="utf-8")
    teacher.get_by_role("link", name="Import a roster (CSV)").click()
    teacher.get_by_label("Roster file (CSV)").set_input_files(str(roster))
    teacher.get_by_role("button", name="Import").click()
    teacher.wait_for_load_state()      # the page the click brings, loaded
    assert "30 students are in the class" in teacher.content()
    assert teacher.locator("table tbody tr").count() == 30
    teacher.go_back()
    teacher.go_back()
    teacher.reload()

    tomorrow = teacher.evaluate("new Date(Date.now() + 86400000).toISOString().slice(0, 10)")
    teacher.select_option("select[name=kind]", "lesson")
    teacher.select_option("select[name=target]", "n5.l01")
    teacher.fill("input[name=due]", tomorrow)
    teacher.get_by_role("button", name="Assign", exact=True).click()
    teacher.select_option("select[name=kind]", "reviews")
    teacher.fill("input[name=amount]", "5")
    teacher.fill("input[name=due]", tomorrow)
    teacher.get_by_role("button", name="Assign", exact=True).click()
    teacher.wait_for_load_state()      # the page the click brings, loaded
    assert teacher.locator("text=Assigned.").count() >= 1
    teacher.screenshot(path=str(screenshot_dir / "class-laptop.png"), full_page=True)

    phone_context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, locale="en-US")
    student = phone_context.new_page()
    _sign_up(student, live_server)
    student.goto(live_server + "/join")
    student.get_by_label("Class code").fill(code)
    student.get_by_role("button", name="Join").click()
    student.wait_for_load_state()      # the page the click brings, loaded
    assert "From your teacher" in student.content()
    student.screenshot(path=str(screenshot_dir / "student-home-assignments.png"), full_page=True)
    student.locator("a[href='/lesson/n5.l01']").first.click()              # the lesson, all right
    student.locator("input[name=answer-0][value='0']").check()
    student.locator("input[name=answer-1]").fill("wa")
    for position, piece in enumerate(["わたし", "は", "がくせい", "です"]):
        student.locator("select[name=answer-2]").nth(position).select_option(label=piece)
    student.locator("input[name=answer-3][value='0']").check()
    student.locator("input[name=answer-4]").fill("にほん")
    with student.expect_navigation():
        student.get_by_role("button", name="Check my answers").click()
    assert "Lesson complete!" in student.content()
    student.goto(live_server + "/practice")                                # five reviews
    student.get_by_role("button", name="Learn new words").click()
    student.get_by_role("link", name="Start the quiz").click()
    for _ in range(5):
        student.locator("#batch").wait_for(state="attached")               # the review page, loaded
        card = student.evaluate("""() => { const b = JSON.parse(document.getElementById('batch').textContent);
            return b[b.length - Number(document.getElementById('left').textContent)]; }""")
        if card["mode"] == "choice":
            student.locator(".choice", has_text=card["expected"]).first.click()
        else:
            student.locator("#answer").fill(card["accepted"][0])
            student.locator("#answer").press("Enter")
        student.locator("#feedback").wait_for(state="visible")
        student.locator("#next").click()
    student.wait_for_timeout(500)                                          # the last answers reach the server
    student.goto(live_server + "/")
    assert student.locator(".tag.ok").count() == 2, student.content()[-4000:]  # both done
    phone_context.close()

    teacher.get_by_role("link", name="Progress").click()
    teacher.wait_for_load_state()      # the page the click brings, loaded
    teacher.goto(teacher.url + "?sort=missing")
    row = teacher.locator("tr", has_text="Bilal")
    assert "2 done, 0 late, 0 missing" in row.inner_text()
    teacher.screenshot(path=str(screenshot_dir / "dashboard-laptop.png"), full_page=True)
    with teacher.expect_download() as download:
        teacher.get_by_role("link", name="Gradebook (CSV)").click()
    body = Path(download.value.path()).read_bytes()
    assert body.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert len(rows) == 32 and any(r[0] == "Bilal" and r[-3] == "2" for r in rows)
    teacher.set_viewport_size({"width": 360, "height": 740})
    teacher.screenshot(path=str(screenshot_dir / "dashboard-phone.png"), full_page=True)
    laptop.close()
