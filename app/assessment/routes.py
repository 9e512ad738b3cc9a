"""Placement test pages: start or resume, one question at a time, the result."""

from __future__ import annotations

import re

from flask import abort, flash, jsonify, redirect, render_template, request, send_file, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from markupsafe import Markup

from app.assessment import bp, mock, placement
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
# The score report's "by question type" rows.
TYPE_NAMES = {
    "kana": _l("Kana"), "kanji-reading": _l("Reading kanji"), "orthography": _l("Writing in kanji"),
    "word-formation": _l("Word formation"), "context": _l("Words in context"), "paraphrase": _l("Same meaning"),
    "usage": _l("Using a word"), "grammar-form": _l("Grammar forms"), "composition": _l("Building a sentence"),
    "text-grammar": _l("Grammar in a text"), "short-passage": _l("Short texts"), "mid-passage": _l("Mid-length texts"),
    "long-passage": _l("Long texts"), "integrated-reading": _l("Comparing two texts"),
    "thematic": _l("The writer's argument"), "info-retrieval": _l("Finding information"),
    "task": _l("What to do next"), "key-point": _l("Key points"), "outline": _l("The main idea"),
    "verbal-expression": _l("What to say"), "quick-response": _l("Quick replies"),
    "integrated-listening": _l("Comparing what you hear"),
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
    return _listening(_attempt(attempt_id), response_id)


def _listening(attempt, response_id: int):
    """The script of a listening question in this learner's own test, spoken (speaker labels left out)."""
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


# --- mock exams -------------------------------------------------------------------------------------

FORM_TITLES = {"jlpt-n5": _l("JLPT N5 mock exam"), "jlpt-n4": _l("JLPT N4 mock exam"),
               "jlpt-n3": _l("JLPT N3 mock exam"), "jlpt-n2": _l("JLPT N2 mock exam"),
               "jlpt-n1": _l("JLPT N1 mock exam"), "jft-basic": _l("JFT-Basic mock test"),
               "care": _l("Nursing Care Japanese practice test")}
SECTION_TITLES = {
    "vocabulary": _l("Language Knowledge (Vocabulary)"), "grammar-reading": _l("Language Knowledge (Grammar)・Reading"),
    "listening": _l("Listening"), "script-vocabulary": _l("Script and Vocabulary"),
    "conversation": _l("Conversation and Expression"), "reading": _l("Reading Comprehension"),
    "knowledge-reading": _l("Language Knowledge (Vocabulary/Grammar)・Reading"),
    "care": _l("Nursing Care Japanese"),
}
SCORING_TITLES = {"language": _l("Language Knowledge (Vocabulary/Grammar)・Reading"), "listening": _l("Listening"),
                  "jft": _l("JFT-Basic score"), "knowledge": _l("Language Knowledge (Vocabulary/Grammar)"),
                  "reading": _l("Reading"), "care": _l("Nursing Care Japanese")}


def _mock(attempt_id: int):
    try:
        attempt = mock.attempt_of(current_user, attempt_id)
    except mock.AttemptNotFound:
        abort(404)
    mock.catch_up(attempt, utcnow())
    return attempt


@bp.get("/exams")
@signed_in
def exams_list():
    forms = [(form, FORM_TITLES[form.id], mock.running(current_user, form.id)) for form in mock.exams.FORMS.values()
             if mock.coverage(form) >= mock.OFFERED_FROM]
    return render_template("assessment/exams.html", forms=forms, finished=mock.finished(current_user),
                           titles=FORM_TITLES, form=ButtonlessForm())


@bp.post("/exams/<form_id>/start")
@signed_in
def exam_start(form_id: str):
    if not ButtonlessForm().validate_on_submit():
        abort(400)
    try:
        attempt = mock.start(current_user, form_id, utcnow())
    except mock.AttemptNotFound:
        abort(404)
    return redirect(url_for("assessment.exam", attempt_id=attempt.id)), 303


@bp.get("/exams/attempt/<int:attempt_id>")
@signed_in
def exam(attempt_id: int):
    attempt = _mock(attempt_id)
    if attempt.status == "finished":
        return redirect(url_for("assessment.report", attempt_id=attempt.id))
    form = mock.exams.FORMS[attempt.form]
    section = form.sections[attempt.section]
    questions, previous = [], None
    for response in mock.section_responses(attempt):
        data = learn.any_item(response.item_id).data
        show_passage, previous = bool(data.get("passage")) and data.get("passage") != previous, data.get("passage")
        shown = response.option_order.index(response.choice) if response.choice is not None else None
        questions.append({"response": response, "data": data, "shown": shown, "show_passage": show_passage,
                          "options": [data["options"][i] for i in response.option_order],
                          "instruction": instruction(data["type"]),
                          "listening": ITEM_TYPES[data["type"]] == "listening"})
    return render_template("assessment/exam.html", attempt=attempt, exam_form=form, section=section,
                           section_title=SECTION_TITLES[section.key], title=FORM_TITLES[form.id], questions=questions,
                           seconds=mock.remaining_seconds(attempt, utcnow()), form=ButtonlessForm())


def _save_all(attempt_id: int) -> None:
    """Every question of the page: the choices sent (name q-<response id>)."""
    for key, value in request.form.items():
        if key.startswith("q-") and key[2:].isdigit() and value.isdigit():
            mock.save_answer(current_user, attempt_id, int(key[2:]), int(value), utcnow())


@bp.post("/exams/attempt/<int:attempt_id>/save")
@signed_in
def exam_save(attempt_id: int):
    """Save the page's answers (without JavaScript); with 'hand in', also close the section."""
    if not ButtonlessForm().validate_on_submit():
        abort(400)
    _mock(attempt_id)
    try:
        _save_all(attempt_id)
        if request.form.get("hand_in"):
            mock.submit_section(current_user, attempt_id, int(request.form.get("section", "-1")), utcnow())
        else:
            flash(_l("Your answers are saved."), "success")
    except mock.Closed:
        flash(_l("Time was up for that section: answers sent after it closed were not counted."), "error")
    except mock.MockError:
        flash(_l("Choose one of the answers."), "error")
    return redirect(url_for("assessment.exam", attempt_id=attempt_id)), 303


@bp.post("/exams/attempt/<int:attempt_id>/answer")
@signed_in
def exam_answer(attempt_id: int):
    """One answer saved the moment it is chosen (exam.js); JSON in, JSON out."""
    _mock(attempt_id)                       # someone else's exam: 404 before anything else
    payload = request.get_json(silent=True) or {}
    response_id, choice = payload.get("response"), payload.get("choice")
    if not isinstance(response_id, int) or not (choice is None or isinstance(choice, int)):
        return jsonify(error="Send response (a number) and choice (a number or null)."), 400
    try:
        mock.save_answer(current_user, attempt_id, response_id, choice, utcnow())
    except mock.MockError as error:
        return jsonify(error=str(error)), error.status
    return jsonify(saved=True)


@bp.get("/exams/attempt/<int:attempt_id>/audio/<int:response_id>.ogg")
@signed_in
def exam_audio(attempt_id: int, response_id: int):
    attempt = _mock(attempt_id)
    return _listening(attempt, response_id)


@bp.get("/exams/attempt/<int:attempt_id>/report")
@signed_in
def report(attempt_id: int):
    attempt = _mock(attempt_id)
    if attempt.status != "finished":
        return redirect(url_for("assessment.exam", attempt_id=attempt.id))
    form = mock.exams.FORMS[attempt.form]
    review = []
    for response in attempt.responses:
        if response.item_id in attempt.result["review"]:
            data = learn.any_item(response.item_id).data
            review.append({"data": data, "given": data["options"][response.choice] if response.choice is not None
                           else None, "right": data["options"][data["answer"]]})
    return render_template("assessment/report.html", attempt=attempt, result=attempt.result, exam_form=form,
                           title=FORM_TITLES[form.id], scoring_titles=SCORING_TITLES, type_names=TYPE_NAMES,
                           review=review)
