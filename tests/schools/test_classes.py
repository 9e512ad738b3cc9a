"""Classes through the test client: making one, joining, importing a roster, assigning, progress."""

import csv
import io
import re
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from app.curriculum import loader, sync
from app.extensions import db
from app.models import Assignment, Classroom, Enrollment, LessonProgress, PasswordReset, Role, User, utcnow
from tests.conftest import csrf_token
from tests.factories import create_school, create_user

GOOD_CONTENT = Path(__file__).parents[1] / "fixtures" / "content" / "good"


@pytest.fixture
def school(app):
    sync.sync(db.session, loader.load(GOOD_CONTENT), now=utcnow())
    db.session.commit()
    return create_school(name="Lahore Japanese Institute")


@pytest.fixture
def teacher(school, client, auth):
    user = create_user(email="sensei@example.com", role=Role.TEACHER, school=school, name="Bilal Sensei")
    auth.login("sensei@example.com")
    return user


def make_class(client, name="N5 Morning") -> int:
    data = {"csrf_token": csrf_token(client, "/classes"), "name": name, "level": "N5", "target_exam": "N4",
            "exam_date": "2027-07-04"}
    response = client.post("/classes", data=data)
    return int(re.search(r"/classes/(\d+)", response.location).group(1))


def upload(client, class_id, text: str | bytes):
    raw = text.encode() if isinstance(text, str) else text
    return client.post(f"/classes/{class_id}/import", data={
        "csrf_token": csrf_token(client, f"/classes/{class_id}/import"),
        "roster": (io.BytesIO(raw), "roster.csv")}, content_type="multipart/form-data")


def test_a_teacher_makes_a_class_with_a_join_code(client, teacher):
    class_id = make_class(client)
    room = db.session.get(Classroom, class_id)
    assert re.fullmatch(r"[A-HJ-NP-Z2-9]{8}", room.join_code) and room.teacher_id == teacher.id
    page = client.get(f"/classes/{class_id}").get_data(as_text=True)
    assert room.join_code in page and f"/join/{room.join_code}" in page


def test_a_student_joins_with_the_code(client, teacher, auth, school):
    room = db.session.get(Classroom, make_class(client))
    auth.logout()
    create_user(email="ali@example.com")
    auth.login("ali@example.com")
    token = csrf_token(client, "/join")
    assert "no class with that code" in client.post("/join", data={"csrf_token": token, "code": "WRONG123"}).get_data(
        as_text=True)
    client.post("/join", data={"csrf_token": token, "code": room.join_code.lower()})
    ali = db.session.scalar(sa.select(User).where(User.email == "ali@example.com"))
    assert ali.school_id == school.id
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Enrollment)) == 1
    client.post("/join", data={"csrf_token": token, "code": room.join_code})            # twice: still once
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Enrollment)) == 1


def test_a_student_of_another_school_cannot_join(client, teacher, auth):
    room = db.session.get(Classroom, make_class(client))
    auth.logout()
    create_user(email="zara@example.com", school=create_school(name="Other"))
    auth.login("zara@example.com")
    page = client.post("/join", data={"csrf_token": csrf_token(client, "/join"), "code": room.join_code})
    assert "belongs to another school" in page.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Enrollment)) == 0


def test_importing_thirty_students_makes_accounts_with_set_password_links(client, teacher):
    class_id = make_class(client)
    text = "name,email,student_number\n" + "".join(f"Student {i},s{i}@example.com,N-{i}\n" for i in range(30))
    page = upload(client, class_id, text).get_data(as_text=True)
    assert "30 students are in the class" in page and page.count("/reset/") == 30
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Enrollment)) == 30
    assert db.session.scalar(sa.select(sa.func.count()).select_from(PasswordReset)) == 30
    link = re.search(r"(/reset/[\w-]+)", page).group(1)
    form = client.get(link).get_data(as_text=True)
    assert "password" in form.lower()


@pytest.mark.parametrize("text, message", [
    ("email,name\ngood@example.com,Good\n", "row 1: header: must be name,email"),
    ("name,email\nGood,good@example.com\nA,\n", "row 3: email: is empty"),
    ("name,email\nGood,good@example.com\nB,GOOD@example.com\n", "row 3: email: is also on row 2"),
    ('name,email\nGood,good@example.com\n"=HYPERLINK(""http://x"")",a@example.com\n', "row 3: name: must be a"),
])
def test_a_bad_roster_imports_nothing_and_says_which_row(client, teacher, text, message):
    class_id = make_class(client)
    response = upload(client, class_id, text)
    assert response.status_code == 400 and message in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Enrollment)) == 0
    assert db.session.scalar(sa.select(sa.func.count()).select_from(User)) == 1


def test_an_email_with_an_account_in_another_school_is_refused(client, teacher):
    create_user(email="taken@example.com", school=create_school(name="Other"))
    class_id = make_class(client)
    response = upload(client, class_id, "name,email\nNew,new@example.com\nTaken,taken@example.com\n")
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "row 3: email: already has an account in another school" in page
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Enrollment)) == 0


def test_a_utf16_roster_from_excel_imports(client, teacher):
    class_id = make_class(client)
    response = upload(client, class_id, "name\temail\nفاطمہ\tfatima@example.com\n".encode("utf-16"))
    assert "1 student is in the class" in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(User.name).where(User.email == "fatima@example.com")) == "فاطمہ"


def test_five_thousand_rows_are_refused_whole(client, teacher):
    class_id = make_class(client)
    text = "name,email\n" + "".join(f"S{i},s{i}@example.com\n" for i in range(5000))
    response = upload(client, class_id, text)
    assert response.status_code == 400 and "more than 500 students" in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Enrollment)) == 0


def test_assignments_are_tracked_done_late_missing(client, teacher):
    class_id = make_class(client)
    upload(client, class_id, "name,email\nAyesha,ayesha@example.com\nBilal,bilal@example.com\n")
    tomorrow = (utcnow() + timedelta(days=1)).date().isoformat()
    token = csrf_token(client, f"/classes/{class_id}")
    client.post(f"/classes/{class_id}/assignments", data={"csrf_token": token, "kind": "lesson", "target": "n5.l01",
                                                          "due": tomorrow})
    client.post(f"/classes/{class_id}/assignments", data={"csrf_token": token, "kind": "reviews", "amount": "20",
                                                          "due": tomorrow})
    bad = client.post(f"/classes/{class_id}/assignments", data={"csrf_token": token, "kind": "lesson",
                                                                "target": "n9.l99", "due": tomorrow})
    assert bad.status_code == 303
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Assignment)) == 2
    ayesha = db.session.scalar(sa.select(User).where(User.email == "ayesha@example.com"))
    db.session.add(LessonProgress(user_id=ayesha.id, lesson_id="n5.l01", attempts=1, best_score=1.0,
                                  completed_at=utcnow(), last_attempt_at=utcnow()))
    db.session.commit()
    page = client.get(f"/classes/{class_id}").get_data(as_text=True)
    section = page[page.find("<h2>Assignments"):page.find("<h3>")]
    assert "done 1</span> <span class=\"tag\">to do 1" in section and "to do 2" in section, section
    dashboard = client.get(f"/classes/{class_id}/dashboard?sort=missing").get_data(as_text=True)
    assert "Ayesha" in dashboard and "1 done, 0 late, 0 missing" in dashboard


def test_the_gradebook_opens_in_excel_with_names_intact(client, teacher):
    class_id = make_class(client)
    upload(client, class_id, "name,email\nفاطمہ خان,fatima@example.com\n山田 花子,hanako@example.com\n")
    response = client.get(f"/classes/{class_id}/gradebook.csv")
    assert response.mimetype == "text/csv" and response.data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))
    assert rows[0][:3] == ["name", "email", "student number"]
    assert {rows[1][0], rows[2][0]} == {"فاطمہ خان", "山田 花子"}


def test_students_can_be_moved_and_removed(client, teacher):
    first, second = make_class(client, "A"), make_class(client, "B")
    upload(client, first, "name,email\nAyesha,ayesha@example.com\n")
    ayesha = db.session.scalar(sa.select(User).where(User.email == "ayesha@example.com"))
    token = csrf_token(client, f"/classes/{first}")
    client.post(f"/classes/{first}/students/{ayesha.id}/move", data={"csrf_token": token, "to_class": second})
    assert db.session.scalar(sa.select(Enrollment.classroom_id).where(Enrollment.user_id == ayesha.id)) == second
    client.post(f"/classes/{second}/students/{ayesha.id}/remove", data={"csrf_token": token})
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Enrollment)) == 0


def test_a_student_sees_assignments_on_the_home_page(client, teacher, auth):
    class_id = make_class(client)
    room = db.session.get(Classroom, class_id)
    tomorrow = (utcnow() + timedelta(days=1)).date().isoformat()
    client.post(f"/classes/{class_id}/assignments", data={"csrf_token": csrf_token(client, f"/classes/{class_id}"),
                                                          "kind": "lesson", "target": "n5.l01", "due": tomorrow})
    auth.logout()
    create_user(email="ali@example.com")
    auth.login("ali@example.com")
    client.post("/join", data={"csrf_token": csrf_token(client, "/join"), "code": room.join_code})
    page = client.get("/").get_data(as_text=True)
    assert "From your teacher" in page and 'href="/lesson/n5.l01"' in page and "to do" in page
    ali = db.session.scalar(sa.select(User).where(User.email == "ali@example.com"))
    db.session.add(LessonProgress(user_id=ali.id, lesson_id="n5.l01", attempts=1, best_score=1.0,
                                  completed_at=utcnow(), last_attempt_at=utcnow()))
    db.session.commit()
    assert '<span class="tag ok">done</span>' in client.get("/").get_data(as_text=True)


def test_a_workplace_module_can_be_assigned_and_is_done_when_its_exercises_are_passed(client, teacher, auth):
    class_id = make_class(client, "Caregivers")
    room = db.session.get(Classroom, class_id)
    assert 'value="module.care"' in client.get(f"/classes/{class_id}").get_data(as_text=True)
    tomorrow = (utcnow() + timedelta(days=1)).date().isoformat()
    client.post(f"/classes/{class_id}/assignments", data={"csrf_token": csrf_token(client, f"/classes/{class_id}"),
                                                          "kind": "lesson", "target": "module.care", "due": tomorrow})
    assert db.session.scalar(sa.select(Assignment.target)) == "module.care"
    auth.logout()
    create_user(email="ali@example.com")
    auth.login("ali@example.com")
    client.post("/join", data={"csrf_token": csrf_token(client, "/join"), "code": room.join_code})
    assert 'href="/module/module.care"' in client.get("/").get_data(as_text=True)
    client.post("/module/module.care", data={"csrf_token": csrf_token(client, "/module/module.care"),
                                              "answer-0": "0", "answer-1": "shokuji", "answer-2": "0",
                                              "answer-3": ["0", "1", "2"], "answer-4": "かいご"})
    assert '<span class="tag ok">done</span>' in client.get("/").get_data(as_text=True)
    from app.export import services as decks  # the class deck has the module's words
    ali = db.session.scalar(sa.select(User).where(User.email == "ali@example.com"))
    assert [item.id for item in decks.class_deck(ali, class_id, "vocab").items] == [
        "care.v.kaigo", "care.v.shokuji", "care.v.tetsudau"]
