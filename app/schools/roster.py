"""Reading a class roster from a CSV file, and writing CSV that opens safely in Excel. Pure.

A roster is `name,email` with an optional `student_number` column, one student a row. Every row is
checked before anything is imported; each problem names its row and field.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from email_validator import EmailNotValidError, validate_email

MAX_ROWS = 500
MAX_BYTES = 1_000_000
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
COLUMNS = ("name", "email", "student_number")


@dataclass(frozen=True)
class RosterRow:
    line: int
    name: str
    email: str
    student_number: str


@dataclass(frozen=True)
class RosterProblem:
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"row {self.line}: {self.field}: {self.message}" if self.line else f"{self.field}: {self.message}"


def decode(raw: bytes) -> str:
    """UTF-8 (with or without Excel's BOM) or UTF-16 with a BOM (Excel's "Unicode text")."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    return raw.decode("utf-8-sig")


def read_roster(raw: bytes) -> tuple[list[RosterRow], list[RosterProblem]]:
    """The rows of a roster file, or every problem found in it (then no row is to be imported)."""
    if len(raw) > MAX_BYTES:
        return [], [RosterProblem(0, "file", f"is larger than {MAX_BYTES // 1000} KB; split the class")]
    try:
        text = decode(raw)
    except UnicodeDecodeError:
        return [], [RosterProblem(0, "file", "is not UTF-8 or UTF-16 text; in Excel use Save As → CSV UTF-8")]
    sample = text[:2000]
    delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [h.strip().lower().replace(" ", "_") for h in next(reader, [])]
    if header[:2] != ["name", "email"] or any(h not in COLUMNS for h in header):
        return [], [RosterProblem(1, "header", "must be name,email (and optionally student_number), not "
                                              f"{','.join(header) or 'empty'}")]
    rows, problems, seen, students = [], [], {}, 0
    for line, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue                                              # a blank line
        students += 1
        if students > MAX_ROWS:
            problems.append(RosterProblem(line, "file", f"has more than {MAX_ROWS} students; import a class at a time"))
            break
        values = dict(zip(header, (cell.strip() for cell in cells), strict=False))
        name, email = values.get("name", ""), values.get("email", "")
        number = values.get("student_number", "")
        row_problems = []
        if not name:
            row_problems.append(RosterProblem(line, "name", "is empty"))
        elif name.startswith(FORMULA_START) or len(name) > 80:
            row_problems.append(RosterProblem(line, "name", "must be a person's name (up to 80 characters, not "
                                                            "starting with = + - or @)"))
        if not email:
            row_problems.append(RosterProblem(line, "email", "is empty"))
        else:
            try:
                email = validate_email(email, check_deliverability=False).normalized.casefold()
            except EmailNotValidError:
                row_problems.append(RosterProblem(line, "email", f"{email[:80]!r} is not an e-mail address"))
            else:
                if email in seen:
                    row_problems.append(RosterProblem(line, "email", f"is also on row {seen[email]}"))
                seen.setdefault(email, line)
        if number.startswith(FORMULA_START) or len(number) > 32:
            row_problems.append(RosterProblem(line, "student_number", "must be up to 32 characters, not starting "
                                                                      "with = + - or @"))
        if row_problems:
            problems.extend(row_problems)
        else:
            rows.append(RosterRow(line, name, email, number))
    if not rows and not problems:
        problems.append(RosterProblem(0, "file", "has no students under its header"))
    return rows, problems


def safe_cell(value) -> str:
    """A cell Excel will show as text, never run as a formula (=, +, -, @ get a leading apostrophe)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def excel_csv(header: list[str], rows: list[list]) -> bytes:
    """UTF-8 with a BOM (so Excel shows Japanese and Urdu), CRLF line ends, every cell neutralised."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
