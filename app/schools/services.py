"""Classes, enrolment, rosters and assignments. Every function that takes an id checks that the acting
user may see it, and answers NotAllowed otherwise (someone else's class looks like no class).
Owns its commits."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import sqlalchemy as sa

from app.auth import services as accounts
from app.extensions import db
from app.models import (
    Assignment,
    AssignmentStudent,
    Classroom,
    Enrollment,
    Invitation,
    LessonProgress,
    Role,
    School,
    TestAttempt,
    User,
    normalise_email,
)
from app.models.practice import ReviewLog
from app.schools.roster import RosterProblem, RosterRow

JOIN_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: codes are read aloud in class
SET_PASSWORD_DAYS = 14
ASSIGNMENT_KINDS = ("lesson", "course", "reviews", "placement", "mock")


class NotAllowed(Exception):
    """Not found, or not yours: the same answer for both."""


class Refused(Exception):
    """A request that cannot be done; the message says why, for the user."""


# --- who may see what --------------------------------------------------------------------------------


def can_teach(user: User, classroom: Classroom) -> bool:
    """The class's teacher, a school admin of its school, or an admin."""
    if user.role == Role.ADMIN:
        return True
    if user.role == Role.SCHOOL_ADMIN:
        return user.school_id == classroom.school_id
    return user.role == Role.TEACHER and classroom.teacher_id == user.id


def class_for_teacher(user: User, classroom_id: int) -> Classroom:
    classroom = db.session.get(Classroom, classroom_id)
    if classroom is None or not can_teach(user, classroom):
        raise NotAllowed(classroom_id)
    return classroom


def student_in(classroom: Classroom, user_id: int) -> User:
    enrolled = db.session.scalar(
        sa.select(Enrollment).where(Enrollment.classroom_id == classroom.id, Enrollment.user_id == user_id)
    )
    if enrolled is None:
        raise NotAllowed(user_id)
    return enrolled.user


def classes_of(user: User) -> list[Classroom]:
    """What the user teaches (a school admin: every class of the school)."""
    query = sa.select(Classroom).order_by(Classroom.name, Classroom.id)
    if user.role == Role.ADMIN:
        return list(db.session.scalars(query))
    if user.role == Role.SCHOOL_ADMIN:
        return list(db.session.scalars(query.where(Classroom.school_id == user.school_id)))
    if user.role == Role.TEACHER:
        return list(db.session.scalars(query.where(Classroom.teacher_id == user.id)))
    return []


def enrolled_classes(user: User) -> list[Classroom]:
    return list(
        db.session.scalars(
            sa.select(Classroom).join(Enrollment).where(Enrollment.user_id == user.id).order_by(Classroom.name)
        )
    )


# --- classes ------------------------------------------------------------------------------------------


def new_join_code() -> str:
    return "".join(secrets.choice(JOIN_ALPHABET) for _ in range(8))


def create_class(
    teacher: User, *, name: str, level: str, target_exam: str, exam_date: date | None, now: datetime
) -> Classroom:
    if teacher.role not in (Role.TEACHER, Role.SCHOOL_ADMIN) or teacher.school_id is None:
        raise Refused("Only a teacher of a school can make a class.")
    for _ in range(5):
        code = new_join_code()
        if db.session.scalar(sa.select(Classroom.id).where(Classroom.join_code == code)) is None:
            break
    classroom = Classroom(
        school_id=teacher.school_id,
        teacher_id=teacher.id,
        name=name.strip(),
        level=level,
        target_exam=target_exam,
        exam_date=exam_date,
        join_code=code,
        created_at=now,
    )
    db.session.add(classroom)
    db.session.commit()
    return classroom


def join(student: User, code: str, now: datetime) -> Classroom:
    """A student joins a class by its code; the class's school becomes theirs if they had none."""
    classroom = db.session.scalar(sa.select(Classroom).where(Classroom.join_code == code.strip().upper()))
    if classroom is None:
        raise Refused("There is no class with that code. Check it with your teacher.")
    if student.role != Role.STUDENT:
        raise Refused("Only students join classes.")
    if student.school_id not in (None, classroom.school_id):
        raise Refused("Your account belongs to another school. Ask your teacher to move you.")
    student.school_id = classroom.school_id
    _enroll(classroom, student, "", now)
    db.session.commit()
    return classroom


def _enroll(classroom: Classroom, student: User, number: str, now: datetime) -> None:
    existing = db.session.scalar(
        sa.select(Enrollment).where(Enrollment.classroom_id == classroom.id, Enrollment.user_id == student.id)
    )
    if existing is None:
        db.session.add(Enrollment(classroom_id=classroom.id, user_id=student.id, student_number=number, joined_at=now))
    elif number:
        existing.student_number = number


def remove_student(teacher: User, classroom_id: int, user_id: int) -> None:
    classroom = class_for_teacher(teacher, classroom_id)
    student_in(classroom, user_id)
    db.session.execute(
        sa.delete(Enrollment).where(Enrollment.classroom_id == classroom.id, Enrollment.user_id == user_id)
    )
    db.session.commit()


def move_student(teacher: User, classroom_id: int, user_id: int, to_classroom_id: int, now: datetime) -> Classroom:
    """Into another class the same person may teach, of the same school."""
    source = class_for_teacher(teacher, classroom_id)
    target = class_for_teacher(teacher, to_classroom_id)
    if target.school_id != source.school_id:
        raise NotAllowed(to_classroom_id)
    student = student_in(source, user_id)
    number = db.session.scalar(
        sa.select(Enrollment.student_number).where(Enrollment.classroom_id == source.id, Enrollment.user_id == user_id)
    )
    db.session.execute(sa.delete(Enrollment).where(Enrollment.classroom_id == source.id, Enrollment.user_id == user_id))
    _enroll(target, student, number or "", now)
    db.session.commit()
    return target


# --- importing a roster ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class NewAccount:
    name: str
    email: str
    link_token: str | None  # a one-time set-password link, for accounts made by the import


def check_roster(classroom: Classroom, rows: list[RosterRow]) -> list[RosterProblem]:
    """What the database says about a file that reads well: e-mails already used elsewhere."""
    emails = [row.email for row in rows]
    existing = {u.email: u for u in db.session.scalars(sa.select(User).where(User.email.in_(emails)))} if emails else {}
    problems = []
    for row in rows:
        user = existing.get(row.email)
        if user is None:
            continue
        if user.role != Role.STUDENT:
            problems.append(RosterProblem(row.line, "email", "belongs to a teacher or admin account"))
        elif user.school_id not in (None, classroom.school_id):
            problems.append(
                RosterProblem(
                    row.line,
                    "email",
                    "already has an account in another school; the student can join with the class code",
                )
            )
    return problems


def import_roster(teacher: User, classroom_id: int, rows: list[RosterRow], now: datetime) -> list[NewAccount]:
    """All rows or none: new students get an account and a one-time link to set their password;
    existing students of the school are enrolled as they are."""
    classroom = class_for_teacher(teacher, classroom_id)
    problems = check_roster(classroom, rows)
    if problems:
        raise RosterRefused(problems)
    existing = {u.email: u for u in db.session.scalars(sa.select(User).where(User.email.in_([r.email for r in rows])))}
    made = []
    for row in rows:
        user = existing.get(row.email)
        token = None
        if user is None:
            user = User(
                email=row.email,
                name=row.name,
                role=Role.STUDENT,
                school_id=classroom.school_id,
                session_token=accounts.new_session_token(),
                created_at=now,
            )
            user.set_password(secrets.token_urlsafe(24))  # unusable until they set their own
            db.session.add(user)
            db.session.flush()
            token = accounts.add_reset_token(
                user, created_by=teacher, now=now, valid_for=timedelta(days=SET_PASSWORD_DAYS)
            )
        else:
            user.school_id = classroom.school_id
        _enroll(classroom, user, row.student_number, now)
        made.append(NewAccount(user.name, user.email, token))
    db.session.commit()
    return made


class RosterRefused(Exception):
    def __init__(self, problems: list[RosterProblem]):
        super().__init__(f"{len(problems)} problems")
        self.problems = problems


# --- assignments ---------------------------------------------------------------------------------------


def create_assignment(
    teacher: User,
    classroom_id: int,
    *,
    kind: str,
    target: str,
    amount: int,
    due_at: datetime,
    student_ids: list[int],
    now: datetime,
) -> Assignment:
    classroom = class_for_teacher(teacher, classroom_id)
    if kind not in ASSIGNMENT_KINDS:
        raise Refused("Choose what to assign.")
    for user_id in student_ids:
        student_in(classroom, user_id)
    assignment = Assignment(
        classroom_id=classroom.id,
        kind=kind,
        target=target,
        amount=amount,
        due_at=due_at,
        created_by_id=teacher.id,
        created_at=now,
    )
    assignment.students = [AssignmentStudent(user_id=user_id) for user_id in dict.fromkeys(student_ids)]
    db.session.add(assignment)
    db.session.commit()
    return assignment


def delete_assignment(teacher: User, classroom_id: int, assignment_id: int) -> None:
    classroom = class_for_teacher(teacher, classroom_id)
    assignment = db.session.get(Assignment, assignment_id)
    if assignment is None or assignment.classroom_id != classroom.id:
        raise NotAllowed(assignment_id)
    db.session.delete(assignment)
    db.session.commit()


def assignments_of_class(classroom: Classroom) -> list[Assignment]:
    return list(
        db.session.scalars(
            sa.select(Assignment).where(Assignment.classroom_id == classroom.id).order_by(Assignment.due_at)
        )
    )


def is_for(assignment: Assignment, user_id: int) -> bool:
    return not assignment.students or any(s.user_id == user_id for s in assignment.students)


def assignments_for_student(user: User) -> list[Assignment]:
    rows = db.session.scalars(
        sa.select(Assignment)
        .join(Enrollment, Enrollment.classroom_id == Assignment.classroom_id)
        .where(Enrollment.user_id == user.id)
        .order_by(Assignment.due_at)
    )
    return [a for a in rows if is_for(a, user.id)]


@dataclass(frozen=True)
class Status:
    state: str  # done, late, missing, open
    when: datetime | None  # when it was done


def status(assignment: Assignment, user_id: int, now: datetime) -> Status:
    """Done (by the due date), late (done after it), missing (not done, past it) or open."""
    done_at = _done_at(assignment, user_id)
    if done_at is not None:
        return Status("done" if done_at <= assignment.due_at else "late", done_at)
    return Status("missing" if now > assignment.due_at else "open", None)


def _done_at(assignment: Assignment, user_id: int) -> datetime | None:
    if assignment.kind == "lesson":
        return db.session.scalar(
            sa.select(LessonProgress.completed_at).where(
                LessonProgress.user_id == user_id, LessonProgress.lesson_id == assignment.target
            )
        )
    if assignment.kind == "course":
        from app.learn import services as learn

        lessons = [lesson.id for lesson in learn.lessons_of(assignment.target)]
        done = db.session.execute(
            sa.select(sa.func.count(), sa.func.max(LessonProgress.completed_at)).where(
                LessonProgress.user_id == user_id,
                LessonProgress.lesson_id.in_(lessons),
                LessonProgress.completed_at.is_not(None),
            )
        ).one()
        return done[1] if lessons and done[0] == len(lessons) else None
    if assignment.kind == "reviews":
        times = db.session.scalars(
            sa.select(ReviewLog.reviewed_at)
            .where(ReviewLog.user_id == user_id, ReviewLog.reviewed_at >= assignment.created_at)
            .order_by(ReviewLog.reviewed_at)
            .limit(assignment.amount)
        ).all()
        return times[-1] if assignment.amount and len(times) >= assignment.amount else None
    form = "placement" if assignment.kind == "placement" else assignment.target
    return db.session.scalar(
        sa.select(sa.func.min(TestAttempt.finished_at)).where(
            TestAttempt.user_id == user_id,
            TestAttempt.form == form,
            TestAttempt.status == "finished",
            TestAttempt.finished_at >= assignment.created_at,
        )
    )


def school_of(user: User) -> School | None:
    return db.session.get(School, user.school_id) if user.school_id else None


# --- schools and teacher invitations --------------------------------------------------------------------

INVITE_DAYS = 7


def all_schools() -> list[School]:
    return list(db.session.scalars(sa.select(School).order_by(School.name)))


@dataclass(frozen=True)
class MadeSchool:
    school: School
    admin: User
    link_token: str


def create_school(admin: User, *, name: str, city: str, admin_name: str, admin_email: str, now: datetime) -> MadeSchool:
    """An admin makes a school and its school admin, who sets a password with a one-time link."""
    if admin.role != Role.ADMIN:
        raise NotAllowed("school")
    email = normalise_email(admin_email)
    if accounts.find_user_by_email(email) is not None:
        raise Refused("An account with that e-mail exists already.")
    school = School(name=name.strip(), city=city.strip(), created_at=now)
    db.session.add(school)
    db.session.flush()
    user = User(
        email=email,
        name=admin_name.strip(),
        role=Role.SCHOOL_ADMIN,
        school_id=school.id,
        session_token=accounts.new_session_token(),
        created_at=now,
    )
    user.set_password(secrets.token_urlsafe(24))
    db.session.add(user)
    db.session.flush()
    token = accounts.add_reset_token(user, created_by=admin, now=now, valid_for=timedelta(days=SET_PASSWORD_DAYS))
    db.session.commit()
    return MadeSchool(school, user, token)


def invite_teacher(school_admin: User, now: datetime) -> str:
    """A one-time link for a new teacher of the school admin's school; only its hash is kept."""
    if school_admin.role != Role.SCHOOL_ADMIN or school_admin.school_id is None:
        raise NotAllowed("invitation")
    token = secrets.token_urlsafe(32)
    db.session.add(
        Invitation(
            school_id=school_admin.school_id,
            role="teacher",
            token_hash=accounts.token_hash(token),
            created_by_id=school_admin.id,
            created_at=now,
            expires_at=now + timedelta(days=INVITE_DAYS),
        )
    )
    db.session.commit()
    return token


def live_invitation(token: str, now: datetime) -> Invitation:
    invite = db.session.scalar(sa.select(Invitation).where(Invitation.token_hash == accounts.token_hash(token)))
    if invite is None or invite.used_at is not None or invite.expires_at <= now:
        raise Refused("This invitation link is not valid (used, expired or mistyped). Ask for a new one.")
    return invite


def accept_invitation(token: str, *, name: str, email: str, password: str, now: datetime) -> User:
    invite = live_invitation(token, now)
    if accounts.find_user_by_email(email) is not None:
        raise Refused("An account with that e-mail exists already.")
    claimed = db.session.execute(
        sa.update(Invitation).where(Invitation.id == invite.id, Invitation.used_at.is_(None)).values(used_at=now)
    )
    if claimed.rowcount != 1:
        db.session.rollback()
        raise Refused("This invitation link is not valid (used, expired or mistyped). Ask for a new one.")
    user = accounts.create_user(
        name=name, email=email, password=password, role=Role.TEACHER, school_id=invite.school_id
    )
    db.session.commit()
    return user
