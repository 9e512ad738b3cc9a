from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectChoice, SelectField, TextAreaField
from wtforms.validators import DataRequired, ValidationError

from app.learn import jlpt
from app.learn.reader import MAX_CHARS


def _within_limit(form, field):
    if field.data and len(field.data) > MAX_CHARS:
        raise ValidationError(_l(
            "Your text has %(count)s characters; the Reader takes up to %(max)s at a time. "
            "Paste it in shorter parts.", count=f"{len(field.data):,}", max=f"{MAX_CHARS:,}"))


class ReaderForm(FlaskForm):
    text = TextAreaField(_l("Japanese text"), validators=[
        DataRequired(_l("Paste or type some Japanese first.")), _within_limit])
    furigana = SelectField(_l("Furigana"), default="all", choices=[
        SelectChoice("all", _l("On every kanji")),
        SelectChoice("unknown", _l("Only on kanji I don't know")),
        SelectChoice("none", _l("None")),
    ])
    known = SelectField(_l("Kanji I know"), default="lessons", choices=[
        SelectChoice("lessons", _l("Those of the lessons I finished")),
        SelectChoice("N5", _l("N5 kanji")),
        SelectChoice("N4", _l("N5 and N4 kanji")),
        SelectChoice("N3", _l("N5 to N3 kanji")),
        SelectChoice("N2", _l("N5 to N2 kanji")),
    ])

    def known_kanji(self, learned: frozenset[str]) -> frozenset[str]:
        """The kanji that get no furigana in "only on kanji I don't know" (lessons are always included)."""
        return learned if self.known.data == "lessons" else learned | jlpt.kanji_up_to(self.known.data)


class ButtonlessForm(FlaskForm):
    """Only the CSRF token: the lesson's answers are read by their names (answer-0, answer-1 …)."""
