"""Practice pages: today's work, the short lesson before new cards, the review, progress.

The review works without JavaScript (one form per card); with it (static/js/review.js) a batch of
cards is marked in the page, answers wait in the browser while the connection is down and are
sent to /practice/sync when it is back. The server marks every answer again itself.
"""

from __future__ import annotations

import secrets

from flask import abort, current_app, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup

from app import japanese
from app.audio.routes import audio_url
from app.charts import bar_chart
from app.learn import services as learn
from app.models import utcnow
from app.practice import bp, services
from app.practice.cards import Question, gloss
from app.practice.forms import AnswerForm, ButtonForm, OverrideForm
from app.security import signed_in

BATCH = 20          # cards a review page carries, so it goes on for a while without the network
MAX_SYNC = 50       # answers one sync request may carry


def _locale() -> str:
    return str(get_locale())


def _new_review_id() -> str:
    return secrets.token_urlsafe(16)


@bp.get("")
@signed_in
def today():
    now = utcnow()
    queue = services.queue(current_user, now)
    progress = services.progress(current_user, now)
    next_lesson = services.next_lesson_to_learn(current_user) if not queue.new and queue.new_left else None
    return render_template("practice/today.html", queue=queue, progress=progress, next_lesson=next_lesson,
                           form=ButtonForm())


@bp.post("/start/<lesson_id>")
@signed_in
def start_lesson(lesson_id: str):
    if not ButtonForm().validate_on_submit():
        abort(400)
    lesson = learn.item("lesson", lesson_id)
    if lesson is None:
        abort(404)
    services.add_lesson_cards(current_user, lesson.id, utcnow(), audio=current_app.config["AUDIO"])
    return redirect(url_for("practice.learn_lesson", lesson_id=lesson.id))


@bp.get("/learn/<lesson_id>")
@signed_in
def learn_lesson(lesson_id: str):
    """The short lesson shown before a lesson's new cards are quizzed."""
    lesson = learn.item("lesson", lesson_id)
    if lesson is None:
        abort(404)
    return render_template("practice/learn.html", lesson=lesson, parts=learn.introduced_by(lesson.id))


def _question_json(card, question: Question) -> dict:
    data = card.item.data
    return {
        "card_id": card.id, "review_id": _new_review_id(), "kind": question.kind, "mode": question.answer_mode,
        "ja": japanese.ruby_html(question.ja) if question.furigana else question.ja,
        "ja_html": question.furigana,          # ruby_html's output: escaped HTML
        "text": (question.text or {}).get(_locale()) or (question.text or {}).get("en", ""),
        "options": question.options, "expected": question.expected,
        "accepted": sorted(question.accepted), "about": _about(card.item.kind, data),
        "is_new": card.is_new, "audio": audio_url(card.item),
    }


def _about(kind: str, data: dict) -> dict:
    """What the learner sees after answering: the item in Japanese (with its reading) and its meaning."""
    locale = _locale()
    if kind == "vocab":
        reading = f"【{data['reading']}】" if data["reading"] != data["word"] else ""
        return {"ja": f"{data['word']}{reading}", "meaning": gloss(data, locale)}
    if kind == "kanji":
        meanings = data.get("ur") if locale == "ur" and data.get("ur") else data.get("en", [])
        readings = "、".join([*data.get("on", []), *data.get("kun", [])])
        return {"ja": f"{data['kanji']}【{readings}】", "meaning": ("، " if locale == "ur" else ", ").join(meanings)}
    return {"ja": data.get("pattern", ""), "meaning": gloss(data, locale)}


@bp.get("/review")
@signed_in
def review():
    queue = services.queue(current_user, utcnow(), limit=BATCH)
    cards = (queue.due + queue.new)[:BATCH]
    if not cards:
        flash(_("Nothing is due now. Well done!"), "success")
        return redirect(url_for("practice.today"))
    batch = [_question_json(card, services.question(card, _locale())) for card in cards]
    first = batch[0]
    form = AnswerForm(card_id=first["card_id"], review_id=first["review_id"])
    return render_template("practice/review.html", batch=batch, first=first, form=form, queue=queue)


def _wants_json() -> bool:
    return request.accept_mimetypes.best == "application/json"


@bp.post("/answer")
@signed_in
def answer():
    """One answer from the form (no JavaScript): marked, recorded, and the result shown."""
    form = AnswerForm()
    if not form.validate_on_submit():
        message = next(iter(form.errors.values()))[0] if form.errors else _("The form was not complete.")
        if _wants_json():
            return jsonify(error=str(message)), 400
        flash(str(message), "error")
        return redirect(url_for("practice.review")), 303
    try:
        marked, outcome = services.answer_card(
            user=current_user, card_id=form.card_id.data, answer=form.answer.data or "",
            client_review_id=form.review_id.data, now=utcnow(), locale=_locale(),
            elapsed_ms=form.elapsed_ms.data or 0)
    except services.PracticeError as error:
        if _wants_json():
            return jsonify(error=str(error)), error.status
        flash(_practice_message(error), "error")
        return redirect(url_for("practice.review")), 303
    card = outcome.card
    if _wants_json():
        return jsonify(correct=marked.correct, expected=marked.expected, repeated=outcome.repeated)
    typed = services.question_before(card, outcome.log, _locale()).answer_mode == "typed"
    return render_template("practice/result.html", marked=marked, card=card, about=_about(card.item.kind,
                           card.item.data), can_override=typed and not marked.correct and not outcome.log.overridden,
                           override=OverrideForm(review_id=outcome.log.client_review_id))


def _practice_message(error: services.PracticeError) -> str:
    """The learner's language for the service's messages."""
    messages = {
        services.CardNotFound: _("There is no such card."),
        services.NotDue: _("This card is not due yet; it will come back when it is."),
        services.CannotOverride: _("Only your last answer to a card, marked wrong, can be counted as right."),
    }
    return messages.get(type(error), _("This answer could not be taken; reload the page."))


@bp.post("/override")
@signed_in
def override():
    """"I was right": a wrong typed answer counts as right, once."""
    form = OverrideForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        services.override(user=current_user, client_review_id=form.review_id.data, now=utcnow())
    except services.PracticeError as error:
        if _wants_json():
            return jsonify(error=str(error)), error.status
        flash(_practice_message(error), "error")
        return redirect(url_for("practice.review")), 303
    if _wants_json():
        return jsonify(ok=True)
    flash(_("Counted as right."), "success")
    return redirect(url_for("practice.review")), 303


@bp.post("/sync")
@signed_in
def sync():
    """Answers that waited in the browser, in the order given: each is recorded once (a repeat
    is reported as such) and each gets its own result, so one bad item does not block the rest."""
    payload = request.get_json(silent=True)
    items = payload.get("answers") if isinstance(payload, dict) else None
    if not isinstance(items, list) or len(items) > MAX_SYNC:
        return jsonify(error=f"Send a JSON object with a list 'answers' of at most {MAX_SYNC} items."), 400
    results = []
    for item in items:
        results.append(_sync_one(item if isinstance(item, dict) else {}))
    return jsonify(results=results)


def _sync_one(item: dict) -> dict:
    review_id = item.get("review_id")
    if not isinstance(review_id, str) or not review_id or len(review_id) > 64:
        return {"review_id": None, "status": 400, "error": "review_id is missing or too long"}
    try:
        if item.get("override"):
            services.override(user=current_user, client_review_id=review_id, now=utcnow())
            return {"review_id": review_id, "status": 200, "override": True}
        card_id, answer, elapsed = item.get("card_id"), item.get("answer", ""), item.get("elapsed_ms", 0)
        if not isinstance(card_id, int) or not isinstance(answer, str) or not isinstance(elapsed, int):
            return {"review_id": review_id, "status": 400, "error": "card_id (a number) and answer (text) needed"}
        marked, outcome = services.answer_card(user=current_user, card_id=card_id, answer=answer,
                                               client_review_id=review_id, now=utcnow(), locale=_locale(),
                                               elapsed_ms=elapsed)
    except services.PracticeError as error:
        return {"review_id": review_id, "status": error.status, "error": str(error)}
    return {"review_id": review_id, "status": 200, "correct": marked.correct, "repeated": outcome.repeated}


@bp.get("/progress")
@signed_in
def progress():
    progress = services.progress(current_user, utcnow())
    return render_template("practice/progress.html", progress=progress, leeches=services.leeches(current_user.id),
                           form=ButtonForm(), charts=_charts(progress))


@bp.post("/leech/<int:card_id>")
@signed_in
def bring_back(card_id: int):
    if not ButtonForm().validate_on_submit():
        abort(400)
    try:
        services.unsuspend(current_user.id, card_id)
    except services.CardNotFound:
        abort(404)
    flash(_("The card is back in your reviews."), "success")
    return redirect(url_for("practice.progress")), 303


# --- charts ----------------------------------------------------------------------------------------

def _charts(progress: services.Progress) -> dict[str, Markup]:
    return {
        "reviews": bar_chart([(d.day.day, d.reviews) for d in progress.history], _("Answers per day, last 14 days")),
        "accuracy": bar_chart([(d.day.day, round(100 * d.accuracy) if d.accuracy is not None else 0)
                               for d in progress.history], _("Answers right (%) per day"), maximum=100),
        "forecast": bar_chart([(day.day, n) for day, n in progress.forecast], _("Reviews due in the next 14 days")),
    }
