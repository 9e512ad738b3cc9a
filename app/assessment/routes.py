"""Placement test pages: start or resume, one question at a time, the result."""

from __future__ import annotations

import re

from flask import abort, flash, redirect, render_template, request, send_file, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from markupsafe import Markup

from app.assessment import bp, placement
from app.audio.routes import audio_file
from app.curriculum.schema import ITEM_TYPES
from app.learn import services as learn
from app.learn.forms import ButtonlessForm
from app.models import utcnow
from app.security import signed_in

INSTRUCTIONS = {
    "kana": _l("Which kana is this?"),
    "kanji-reading": _l("How is the underlined word read?"),
    "orthography": _l("How is the underlined word written?"),
    "word-formation": _l("Choose what fits the blank."),
    "context": _l("Choose the word that fits the blank."),
    "paraphrase": _l("Choose the sentence closest in meaning to this one."),
    "usage": _l("Choose the sentence that uses the word correctly."),
    "grammar-form": _l("Choose what fits the blank."),
    "composition": _l("Put the four pieces in order. Which one goes in ★?"),
    "text-grammar": _l("Read the text. Choose what fits the blank."),
}
READING = _l("Read the text and answer the question.")
LISTENING = _l("Listen, then answer the question.")
SECTIONS = {"vocabulary": _l("Vocabulary"), "grammar": _l("Grammar"), "reading": _l("Reading"),
            "listening": _l("Listening")}
BANDS = {"below N5": _l("below N5"), "N5": "N5", "N4": "N4", "N3": "N3", "N2": "N2", "N1": "N1"}
_MARKED = re.compile(r"＿([^＿]+)＿")


@bp.app_template_filter("stem")
def stem_html(text: str) -> Markup:
    """A question's text, escaped, with the part asked about (between ＿ marks) underlined."""
    escaped = str(Markup.escape(text or ""))
    return Markup(_MARKED.sub(r"<u>\1</u>", escaped).replace("\n", "<br>"))  # noqa: S704  (escaped above)


def instruction(item_type: str) -> str:
    section = ITEM_TYPES[item_type]
    if section == "listening":
        return LISTENING
    if section == "reading":
        return READING
    return INSTRUCTIONS[item_type]


@bp.get("/placement")
@signed_in
def intro():
    return render_template("assessment/intro.html", running=placement.running(current_user),
                           last=placement.latest_result(current_user), form=ButtonlessForm(), bands=BANDS)


@bp.post("/placement/start")
@signed_in
def start():
    if not ButtonlessForm().validate_on_submit():
        abort(400)
    attempt = placement.start(current_user, utcnow())
    return redirect(url_for("assessment.question", attempt_id=attempt.id)), 303


def _attempt(attempt_id: int):
    try:
        return placement.attempt_of(current_user, attempt_id)
    except placement.AttemptNotFound:
        abort(404)


@bp.get("/placement/<int:attempt_id>")
@signed_in
def question(attempt_id: int):
    attempt = _attempt(attempt_id)
    response = placement.current_question(attempt, utcnow())
    if response is None:
        return redirect(url_for("assessment.result", attempt_id=attempt.id))
    data = learn.any_item(response.item_id).data
    options = [data["options"][i] for i in response.option_order]
    listening = ITEM_TYPES[data["type"]] == "listening"
    return render_template("assessment/question.html", attempt=attempt, response=response, data=data,
                           options=options, number=response.position + 1, listening=listening,
                           instruction=instruction(data["type"]), form=ButtonlessForm())


@bp.post("/placement/<int:attempt_id>/answer")
@signed_in
def answer(attempt_id: int):
    form = ButtonlessForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        response_id = int(request.form.get("response", ""))
        choice = int(request.form.get("choice", ""))
    except ValueError:
        flash(_l("Choose one of the answers."), "error")
        return redirect(url_for("assessment.question", attempt_id=attempt_id)), 303
    try:
        placement.answer(current_user, attempt_id, response_id, choice, utcnow())
    except placement.AttemptNotFound:
        abort(404)
    except placement.NotThisQuestion:
        pass                    # a double tap or an old page: go on from the question on screen
    except placement.PlacementError:
        flash(_l("Choose one of the answers."), "error")
    return redirect(url_for("assessment.question", attempt_id=attempt_id)), 303


@bp.get("/placement/<int:attempt_id>/audio/<int:response_id>.ogg")
@signed_in
def listening_audio(attempt_id: int, response_id: int):
    """The script of a listening question in this learner's own test, spoken (speaker labels left out)."""
    attempt = _attempt(attempt_id)
    response = next((r for r in attempt.responses if r.id == response_id), None)
    item = learn.any_item(response.item_id) if response else None
    if item is None or ITEM_TYPES[item.data["type"]] != "listening":
        abort(404)
    script = re.sub(r"^[^：\n]{1,12}：", "", item.data["passage"], flags=re.M)
    return send_file(audio_file(script), mimetype="audio/ogg", conditional=True, max_age=0)


@bp.get("/placement/<int:attempt_id>/result")
@signed_in
def result(attempt_id: int):
    attempt = _attempt(attempt_id)
    if attempt.status != "finished":
        return redirect(url_for("assessment.question", attempt_id=attempt.id))
    lesson_number = attempt.result["start_lesson"]
    lesson = learn.item("lesson", f"n5.l{lesson_number:02d}") if lesson_number else None
    return render_template("assessment/result.html", attempt=attempt, result=attempt.result, lesson=lesson,
                           sections=SECTIONS, bands=BANDS)
