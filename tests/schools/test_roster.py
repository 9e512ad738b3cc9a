"""Reading rosters and writing Excel-safe CSV. Pure."""

import csv
import io

import pytest

from app.schools import roster


def rows_of(text: str, encoding: str = "utf-8"):
    return roster.read_roster(text.encode(encoding))


def test_a_good_roster_with_and_without_student_numbers():
    rows, problems = rows_of("name,email,student_number\nAyesha Khan,Ayesha@Example.com,A-1\nبلال احمد,bilal@example.com,\n")
    assert problems == [] and [r.email for r in rows] == ["ayesha@example.com", "bilal@example.com"]
    assert rows[0].student_number == "A-1" and rows[1].name == "بلال احمد"
    rows, problems = rows_of("Name,E-mail\nX,x@example.com\n".replace("E-mail", "email"))
    assert problems == [] and len(rows) == 1


def test_excel_files_utf8_with_bom_and_utf16_tab_separated():
    rows, problems = roster.read_roster("\ufeffname,email\n山田,yamada@example.com\n".encode())
    assert problems == [] and rows[0].name == "山田"
    rows, problems = roster.read_roster("name\temail\nفاطمہ\tfatima@example.com\n".encode("utf-16"))
    assert problems == [] and rows[0].name == "فاطمہ"


@pytest.mark.parametrize("text, expected", [
    ("nom,courriel\nA,a@example.com\n", "row 1: header: must be name,email"),
    ("name,email\n,a@example.com\n", "row 2: name: is empty"),
    ("name,email\nA,\n", "row 2: email: is empty"),
    ("name,email\nA,not-an-email\n", "row 2: email: 'not-an-email' is not an e-mail address"),
    ("name,email\nA,a@example.com\nB,A@example.com\n", "row 3: email: is also on row 2"),
    ('name,email\n"=HYPERLINK(""http://evil.example"")",a@example.com\n', "row 2: name: must be a person's name"),
    ("name,email,student_number\nA,a@example.com,+123\n", "row 2: student_number: must be up to 32"),
    ("name,email\n", "file: has no students under its header"),
])
def test_every_problem_names_its_row_and_field(text, expected):
    _, problems = rows_of(text)
    assert any(expected in str(p) for p in problems), [str(p) for p in problems]


def test_all_problems_are_listed_not_just_the_first():
    _, problems = rows_of("name,email\n,a@example.com\nB,\nC,c@example.com\n")
    assert [p.line for p in problems] == [2, 3]


def test_too_many_rows_and_not_text():
    text = "name,email\n" + "".join(f"S{i},s{i}@example.com\n" for i in range(5000))
    _, problems = rows_of(text)
    assert any(f"more than {roster.MAX_ROWS} students" in str(p) for p in problems)
    _, problems = roster.read_roster(b"\x89PNG\x00\xff\xfe binary")
    assert problems and "file" in str(problems[0])


def test_exported_cells_cannot_run_as_formulas_and_excel_reads_utf8():
    body = roster.excel_csv(["name", "note"], [["=HYPERLINK(\"x\")", "+1"], ["@SUM(A1)", "-2"], ["علی", "日本"]])
    assert body.startswith(b"\xef\xbb\xbf")
    cells = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert cells[1] == ["'=HYPERLINK(\"x\")", "'+1"] and cells[2] == ["'@SUM(A1)", "'-2"]
    assert cells[3] == ["علی", "日本"]
