"""Home, about and /healthz."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa
from flask import jsonify, render_template
from flask_login import current_user

from app.assessment import exams, forecast
from app.auth.forms import GOAL_LABELS
from app.extensions import db, limiter
from app.learn import services as learn_services
from app.main import bp
from app.models import utcnow
from app.practice import services as practice
from app.schools import services as schools
from app.security import public


@bp.get("/")
@public
def home():
    if current_user.is_authenticated:
        now = utcnow()
        return render_template("main/dashboard.html", goal_label=GOAL_LABELS[current_user.goal],
                               next_lesson=learn_services.next_lesson(current_user.id),
                               queue=practice.queue(current_user, now),
                               streak=practice.streak(current_user.id, practice.today(current_user, now)),
                               forecast=forecast.readiness(current_user, now),
                               exam_titles={form.id: form.title for form in exams.FORMS.values()},
                               assignments=_assignments(now),
                               classes=schools.enrolled_classes(current_user))
    return render_template("main/home.html")


def _assignments(now):
    """The learner's assignments, due ones first: those done more than a week ago drop off."""
    shown = []
    for assignment in schools.assignments_for_student(current_user):
        status = schools.status(assignment, current_user.id, now)
        if status.state in ("done", "late") and status.when and now - status.when > timedelta(days=7):
            continue
        shown.append((assignment, status))
    return shown[:20]


@bp.get("/about")
@public
def about():
    return render_template("main/about.html")


@bp.get("/healthz")
@limiter.exempt
@public
def healthz():
    """For the load balancer: 200 when the database answers, 503 when it does not."""
    try:
        db.session.execute(sa.text("SELECT 1"))
    except sa.exc.SQLAlchemyError:
        db.session.rollback()
        return jsonify(status="error", database="unreachable"), 503
    return jsonify(status="ok", database="ok")
