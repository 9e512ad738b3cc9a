"""Learning pages: the course map, lessons with exercises, words, kanji, grammar, kana, search, Reader."""

from __future__ import annotations

from datetime import date

from flask import Response, abort, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from markupsafe import Markup

from app import japanese
from app.curriculum.schema import LEVELS
from app.curriculum.strokes import stroke_svg
from app.japanese.kana import isolate_runs
from app.learn import bp, exercises, jlpt, reader, services
from app.learn.forms import ButtonlessForm, ReaderForm
from app.models import utcnow
from app.security import public, signed_in


@bp.app_template_filter("furigana")
def furigana_filter(text: str) -> Markup:
    """Japanese with furigana over its kanji; ruby_html escapes the text itself."""
    return Markup(japanese.ruby_html(text or ""))  # noqa: S704  (ruby_html returns escaped HTML)


@bp.app_template_filter("tr")
def translated(text: dict | None) -> str:
    """The learner's language from an {en, ur} pair (English when a text has no Urdu)."""
    if not text:
        return ""
    return text.get(str(get_locale()), text.get("en", ""))




@bp.app_template_filter("bidi")
def isolate_japanese(text: str) -> Markup:
    """Text in the learner's language with the Japanese in it isolated (kana.isolate_runs). Escapes
    the text."""
    return Markup(isolate_runs(str(Markup.escape(text or ""))))  # noqa: S704


@bp.app_template_filter("meanings")
def meanings(data: dict) -> str:
    """A word's or kanji's meanings in the learner's language."""
    return "، ".join(data["ur"]) if str(get_locale()) == "ur" and data.get("ur") else "; ".join(data.get("en", []))


@bp.app_template_filter("level_name")
def level_name(level: str) -> str:
    """N5 … N1 and kana as they are; a workplace word's level is its sector: "work"."""
    return level if level in (*LEVELS, "kana") else str(_l("work"))


@bp.app_template_global()
def unit_url(unit) -> str:
    """The page of a lesson or of a workplace module."""
    if unit.kind == "module":
        return url_for("learn.module", module_id=unit.id)
    return url_for("learn.lesson", lesson_id=unit.id)


@bp.app_template_filter("romaji")
def romaji_filter(kana: str) -> str:
    return japanese.romaji(kana or "")


GUIDE_FRESH_DAYS = 365      # a guide's facts not checked for longer are shown with a warning

VERB_CLASSES = {
    "godan": _l("group 1 (godan, u-verb)"),
    "ichidan": _l("group 2 (ichidan, ru-verb)"),
    "irregular": _l("group 3 (irregular)"),
}


@bp.app_template_filter("word_ruby")
def word_ruby_filter(item) -> list:
    """A word's own reading over its kanji, as segments for macros/ruby.html."""
    headword, reading = item.headword.lstrip("〜～"), item.reading
    return japanese.align(headword, reading) if japanese.has_kanji(headword) else [(headword, None)]


@bp.get("/course")
@signed_in
def course_map():
    done = services.progress(current_user.id)
    courses = [(course, services.lessons_of(course.id)) for course in services.courses()]
    return render_template("learn/course_map.html", courses=courses, done=done, modules=services.modules(),
                           guides=services.guides())


@bp.route("/lesson/<lesson_id>", methods=["GET", "POST"])
@signed_in
def lesson(lesson_id: str):
    lesson = services.item("lesson", lesson_id)
    if lesson is None:
        abort(404)
    return _unit_page("learn/lesson.html", lesson, lesson=lesson, parts=services.introduced_by(lesson.id))


@bp.route("/module/<module_id>", methods=["GET", "POST"])
@signed_in
def module(module_id: str):
    """A workplace module: its words, dialogues, notices and exercises."""
    module = services.item("module", module_id)
    if module is None:
        abort(404)
    return _unit_page("learn/module.html", module, module=module, words=services.introduced_by(module.id)["vocab"])


@bp.get("/guide/<name>")
@public
def guide(name: str):
    """A page of facts (Japan for work): for everyone, signed in or not."""
    guide = services.item("guide", f"guide.{name}")
    if guide is None:
        abort(404)
    checked = date.fromisoformat(guide.data["checked"])
    return render_template("learn/guide.html", guide=guide, checked=checked,
                           stale=(utcnow().date() - checked).days > GUIDE_FRESH_DAYS)


def _unit_page(template: str, unit, **context):
    """A lesson's or module's page; a POST marks its exercises and keeps the learner's best."""
    form = ButtonlessForm()
    result = None
    if form.validate_on_submit():
        answers = [_answer(ex, i) for i, ex in enumerate(unit.data["exercises"])]
        result = services.record_lesson_result(user_id=current_user.id, lesson=unit, answers=answers, now=utcnow())
    elif request.method == "POST":
        abort(400)
    pieces = {i: exercises.shuffled_pieces(ex, f"{unit.id}:{i}")
              for i, ex in enumerate(unit.data["exercises"]) if ex["type"] == "order"}
    return render_template(template, form=form, result=result, pieces=pieces, answers=request.form, **context)


def _answer(exercise: dict, i: int) -> str:
    if exercise["type"] == "order":  # one select per position, in order
        return ",".join(request.form.getlist(f"answer-{i}"))[:200]
    return request.form.get(f"answer-{i}", "")[:200]


@bp.get("/word/<item_id>")
@signed_in
def word(item_id: str):
    return _entry_page("vocab", item_id)


@bp.get("/kanji/<item_id>")
@signed_in
def kanji(item_id: str):
    return _entry_page("kanji", item_id)


@bp.get("/grammar/<item_id>")
@signed_in
def grammar(item_id: str):
    return _entry_page("grammar", item_id)


def _entry_page(kind: str, item_id: str):
    entry = services.item(kind, item_id)
    if entry is None:
        abort(404)
    # the lesson that teaches it, or for a workplace word its module
    lesson = (services.item("lesson", entry.lesson_id) or services.item("module", entry.lesson_id)
              if entry.lesson_id else None)
    extra = {"words": services.words_using(entry.headword)} if kind == "kanji" else {"verb_classes": VERB_CLASSES}
    return render_template(f"learn/{kind}.html", entry=entry, lesson=lesson, **extra)


@bp.get("/kana")
@signed_in
def kana():
    return render_template("learn/kana.html", chart=services.kana_chart())


@bp.get("/strokes/<char>.svg")
@public
def strokes(char: str):
    """KanjiVG's stroke-order drawing; it never changes for a given package version, so cache long."""
    is_kana = len(char) == 1 and "\u3041" <= char <= "\u30ff"
    svg = stroke_svg(char) if is_kana or japanese.is_kanji(char) else None
    if svg is None:
        abort(404)
    response = Response(svg, mimetype="image/svg+xml")
    response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
    response.headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    return response


@bp.get("/search")
@signed_in
def search():
    query = request.args.get("q", "")
    return render_template("learn/search.html", query=query[:100], results=services.search(query))


@bp.route("/reader", methods=["GET", "POST"])
@signed_in
def read():
    form = ReaderForm()
    result = None
    if form.validate_on_submit():
        known = form.known_kanji(services.kanji_learned(current_user.id))
        result = reader.read_text(form.text.data, furigana=form.furigana.data, known_kanji=known)
    levels = (*jlpt.LEVELS, reader.UNLISTED)
    return render_template("learn/reader.html", form=form, result=result, levels=levels), 400 if form.errors else 200
