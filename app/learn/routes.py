"""Learning pages."""

from flask import render_template

from app.learn import bp, jlpt, reader
from app.learn.forms import ReaderForm
from app.security import signed_in


@bp.route("/reader", methods=["GET", "POST"])
@signed_in
def read():
    form = ReaderForm()
    result = None
    if form.validate_on_submit():
        result = reader.read_text(form.text.data, furigana=form.furigana.data,
                                  known_kanji=jlpt.kanji_up_to(form.known.data))
    levels = (*jlpt.LEVELS, reader.UNLISTED)
    return render_template("learn/reader.html", form=form, result=result, levels=levels), 400 if form.errors else 200
