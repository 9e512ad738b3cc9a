"""Classes for teachers and school admins, joining for students, school and admin pages."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from email_validator import EmailNotValidError, validate_email
from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from app.assessment import exams
from app.auth import services as accounts
from app.charts import bar_chart
from app.learn import services as learn
from app.learn.forms import ButtonlessForm
from app.models import Role, utcnow
from app.schools import bp, progress, roster, services
from app.schools.forms import AssignmentForm, ClassForm, JoinForm, MoveForm, RosterForm, SchoolForm
from app.security import public, roles_required, signed_in

teaching = roles_required(Role.TEACHER, Role.SCHOOL_ADMIN, Role.ADMIN)
KIND_LABELS = {
    "lesson": _l("Lesson"),
    "course": _l("Course"),
    "reviews": _l("Reviews"),
    "placement": _l("Placement test"),
    "mock": _l("Mock exam"),
}
STATE_LABELS = {"done": _l("done"), "late": _l("late"), "missing": _l("missing"), "open": _l("to do")}


def _class(classroom_id: int):
    try:
        return services.class_for_teacher(current_user, classroom_id)
    except services.NotAllowed:
        abort(404)


@bp.route("/classes", methods=["GET", "POST"])
@teaching
def classes():
    form = ClassForm()
    if form.validate_on_submit():
        try:
            classroom = services.create_class(
                current_user,
                name=form.name.data,
                level=form.level.data,
                target_exam=form.target_exam.data,
                exam_date=form.exam_date.data,
                now=utcnow(),
            )
        except services.Refused:
            flash(_l("Only a teacher of a school can make a class."), "error")
            return redirect(url_for("schools.classes")), 303
        return redirect(url_for("schools.classroom", classroom_id=classroom.id)), 303
    return render_template(
        "schools/classes.html", classes=services.classes_of(current_user), form=form
    ), 400 if form.errors else 200


def _targets() -> list[tuple[str, str]]:
    targets = [(c.id, c.data["title"]["en"]) for c in learn.courses()]
    for course in learn.courses():
        targets += [(lesson.id, f"{lesson.id}: {lesson.data['title']['en']}") for lesson in learn.lessons_of(course.id)]
    # a workplace module is assigned as a lesson is (done when its exercises are passed)
    targets += [(m.id, f"Japanese for work: {m.data['title']['en']}") for m in learn.modules()
                if not m.data.get("starter")]
    targets += [(form.id, form.title) for form in exams.FORMS.values()]
    return targets


@bp.get("/classes/<int:classroom_id>")
@teaching
def classroom(classroom_id: int):
    room = _class(classroom_id)
    form = AssignmentForm(due=(utcnow() + timedelta(days=7)).date())
    form.target.choices = [("", "—"), *_targets()]
    move = MoveForm()
    move.to_class.choices = [
        (c.id, c.name) for c in services.classes_of(current_user) if c.id != room.id and c.school_id == room.school_id
    ]
    now = utcnow()
    assignments = [(a, {state: 0 for state in STATE_LABELS}) for a in services.assignments_of_class(room)]
    students = sorted(room.enrollments, key=lambda e: e.user.name.casefold())
    for assignment, counts in assignments:
        for enrollment in students:
            if services.is_for(assignment, enrollment.user_id):
                counts[services.status(assignment, enrollment.user_id, now).state] += 1
    return render_template(
        "schools/class.html",
        room=room,
        students=students,
        assignments=assignments,
        form=form,
        move=move,
        button=ButtonlessForm(),
        kinds=KIND_LABELS,
        states=STATE_LABELS,
        join_url=url_for("schools.join_code", code=room.join_code, _external=True),
    )


@bp.route("/classes/<int:classroom_id>/import", methods=["GET", "POST"])
@teaching
def import_roster(classroom_id: int):
    room = _class(classroom_id)
    form = RosterForm()
    problems = []
    if form.validate_on_submit():
        rows, problems = roster.read_roster(form.roster.data.read(roster.MAX_BYTES + 1))
        if not problems:
            try:
                made = services.import_roster(current_user, room.id, rows, utcnow())
            except services.RosterRefused as refused:
                problems = refused.problems
            else:
                return render_template(
                    "schools/import_result.html", room=room, made=made, days=services.SET_PASSWORD_DAYS
                )
    return render_template(
        "schools/import.html", room=room, form=form, problems=problems, max_rows=roster.MAX_ROWS
    ), 400 if (problems or form.errors) else 200


@bp.post("/classes/<int:classroom_id>/students/<int:user_id>/remove")
@teaching
def remove_student(classroom_id: int, user_id: int):
    if not ButtonlessForm().validate_on_submit():
        abort(400)
    try:
        services.remove_student(current_user, classroom_id, user_id)
    except services.NotAllowed:
        abort(404)
    flash(_l("The student is no longer in this class."), "success")
    return redirect(url_for("schools.classroom", classroom_id=classroom_id)), 303


@bp.post("/classes/<int:classroom_id>/students/<int:user_id>/move")
@teaching
def move_student(classroom_id: int, user_id: int):
    form = MoveForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        target = services.move_student(current_user, classroom_id, user_id, form.to_class.data, utcnow())
    except services.NotAllowed:
        abort(404)
    flash(_l("Moved to %(name)s.", name=target.name), "success")
    return redirect(url_for("schools.classroom", classroom_id=classroom_id)), 303


@bp.post("/classes/<int:classroom_id>/assignments")
@teaching
def add_assignment(classroom_id: int):
    room = _class(classroom_id)
    form = AssignmentForm()
    if not form.validate_on_submit():
        flash(_l("Choose what to assign and a due date."), "error")
        return redirect(url_for("schools.classroom", classroom_id=room.id)), 303
    kind, target = form.kind.data, form.target.data or ""
    valid = dict(_targets())
    if kind in ("lesson", "course", "mock") and target not in valid:
        flash(_l("Choose which lesson, course or exam."), "error")
        return redirect(url_for("schools.classroom", classroom_id=room.id)), 303
    if kind == "reviews" and not form.amount.data:
        flash(_l("Say how many answers the reviews are."), "error")
        return redirect(url_for("schools.classroom", classroom_id=room.id)), 303
    due = datetime.combine(form.due.data, time(23, 59), tzinfo=UTC)  # the end of that day
    students = [int(i) for i in request.form.getlist("students") if i.isdigit()]
    try:
        services.create_assignment(
            current_user,
            room.id,
            kind=kind,
            target=target if kind != "reviews" else "",
            amount=form.amount.data or 0,
            due_at=due,
            student_ids=students,
            now=utcnow(),
        )
    except services.NotAllowed:
        abort(404)
    flash(_l("Assigned."), "success")
    return redirect(url_for("schools.classroom", classroom_id=room.id)), 303


@bp.post("/classes/<int:classroom_id>/assignments/<int:assignment_id>/delete")
@teaching
def delete_assignment(classroom_id: int, assignment_id: int):
    if not ButtonlessForm().validate_on_submit():
        abort(400)
    try:
        services.delete_assignment(current_user, classroom_id, assignment_id)
    except services.NotAllowed:
        abort(404)
    return redirect(url_for("schools.classroom", classroom_id=classroom_id)), 303


@bp.get("/classes/<int:classroom_id>/dashboard")
@teaching
def dashboard(classroom_id: int):
    room = _class(classroom_id)
    sort = request.args.get("sort", "name")
    rows = progress.class_rows(room, utcnow(), sort if sort in progress.SORTS else "name")
    return render_template("schools/dashboard.html", room=room, rows=rows, sort=sort, chart=_activity_chart(room),
                           levels=_levels_chart(rows))


def _activity_chart(room) -> str:
    """The whole class's answers on each of the last 14 days."""
    points = [(day.day, n) for day, n in progress.class_activity(room, utcnow())]
    return bar_chart(points, str(_l("Answers by the class, last 14 days")))


def _levels_chart(rows) -> str:
    """How many students the placement test put in each band."""
    bands = ("below N5", "N5", "N4", "N3", "N2", "N1")
    counts = [("<N5" if band == "below N5" else band, sum(r.placement == band for r in rows)) for band in bands]
    if not any(n for _, n in counts):
        return ""
    return bar_chart(counts, str(_l("Students by placement level")))


@bp.get("/classes/<int:classroom_id>/students/<int:user_id>")
@teaching
def student(classroom_id: int, user_id: int):
    room = _class(classroom_id)
    try:
        user = services.student_in(room, user_id)
    except services.NotAllowed:
        abort(404)
    now = utcnow()
    row = next(r for r in progress.class_rows(room, now) if r.user.id == user.id)
    assignments = [
        (a, services.status(a, user.id, now))
        for a in services.assignments_of_class(room)
        if services.is_for(a, user.id)
    ]
    from app.practice import services as practice

    return render_template(
        "schools/student.html",
        room=room,
        row=row,
        assignments=assignments,
        kinds=KIND_LABELS,
        states=STATE_LABELS,
        leeches=practice.leeches(user.id),
    )


@bp.get("/classes/<int:classroom_id>/gradebook.csv")
@teaching
def gradebook(classroom_id: int):
    room = _class(classroom_id)
    body = roster.excel_csv(progress.GRADEBOOK_HEADER, progress.gradebook(room, utcnow()))
    name = "".join(ch if ch.isalnum() else "-" for ch in room.name.encode("ascii", "ignore").decode()) or "class"
    return Response(
        body,
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="gradebook-{name}.csv"', "Cache-Control": "no-store"},
    )


# --- students joining ---------------------------------------------------------------------------------


@bp.route("/join", methods=["GET", "POST"])
@signed_in
def join():
    form = JoinForm()
    if form.validate_on_submit():
        try:
            room = services.join(current_user, form.code.data, utcnow())
        except services.Refused as refused:
            form.code.errors.append(_refusal(str(refused)))
        else:
            flash(_l("You are in %(name)s.", name=room.name), "success")
            return redirect(url_for("main.home")), 303
    return render_template("schools/join.html", form=form), 400 if form.errors else 200


@bp.get("/join/<code>")
@signed_in
def join_code(code: str):
    return render_template("schools/join.html", form=JoinForm(code=code[:12]))


def _refusal(message: str) -> str:
    return {
        "There is no class with that code. Check it with your teacher.": str(
            _l("There is no class with that code. Check it with your teacher.")
        ),
        "Only students join classes.": str(_l("Only students join classes.")),
        "Your account belongs to another school. Ask your teacher to move you.": str(
            _l("Your account belongs to another school. Ask your teacher to move you.")
        ),
    }.get(message, message)


# --- the school and the installation --------------------------------------------------------------------


@bp.route("/school", methods=["GET", "POST"])
@roles_required(Role.SCHOOL_ADMIN)
def school():
    school = services.school_of(current_user)
    if school is None:
        abort(404)
    link = None
    form = ButtonlessForm()
    if form.validate_on_submit():
        link = url_for("schools.invitation", token=services.invite_teacher(current_user, utcnow()), _external=True)
    teachers = [u for u in accounts.users_managed_by(current_user) if u.role == Role.TEACHER]
    return render_template(
        "schools/school.html",
        school=school,
        classes=services.classes_of(current_user),
        teachers=teachers,
        link=link,
        form=form,
        days=services.INVITE_DAYS,
    )


@bp.route("/invite/<token>", methods=["GET", "POST"])
@public
def invitation(token: str):
    from app.auth.forms import SignupForm

    form = SignupForm()
    try:
        invite = services.live_invitation(token, utcnow())
    except services.Refused:
        return render_template("schools/invite.html", form=None), 404
    if form.validate_on_submit():
        try:
            services.accept_invitation(
                token, name=form.name.data, email=form.email.data, password=form.password.data, now=utcnow()
            )
        except services.Refused as refused:
            form.email.errors.append(str(refused))
        else:
            flash(_l("Your teacher account is ready. Log in."), "success")
            return redirect(url_for("auth.login")), 303
    return render_template("schools/invite.html", form=form, school=invite.school), 400 if form.errors else 200


@bp.route("/admin/schools", methods=["GET", "POST"])
@roles_required(Role.ADMIN)
def admin_schools():
    form = SchoolForm()
    made = None
    if form.validate_on_submit():
        try:
            email = validate_email(form.admin_email.data, check_deliverability=False).normalized
            made = services.create_school(
                current_user,
                name=form.name.data,
                city=form.city.data,
                admin_name=form.admin_name.data,
                admin_email=email,
                now=utcnow(),
            )
        except EmailNotValidError:
            form.admin_email.errors.append(_l("That is not an e-mail address."))
        except services.Refused as refused:
            form.admin_email.errors.append(str(refused))
    return render_template(
        "schools/admin_schools.html", form=form, schools=services.all_schools(), made=made
    ), 400 if form.errors else 200
