from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, IntegerField, StringField
from wtforms.validators import DataRequired, Length, NumberRange, Optional, Regexp

from app.practice.services import MAX_ANSWER

REVIEW_ID = [DataRequired(), Length(max=64), Regexp(r"^[A-Za-z0-9_-]+$")]


class AnswerForm(FlaskForm):
    """One answer. review_id is made when the question is shown, so sending the same answer again
    (a double tap, a resend after a dropped connection) is recognised and counted once."""

    card_id = IntegerField(validators=[DataRequired()])
    review_id = HiddenField(validators=REVIEW_ID)
    answer = StringField(_l("Your answer"), validators=[Length(max=MAX_ANSWER, message=_l(
        "An answer is at most %(max)d characters.", max=MAX_ANSWER))])
    elapsed_ms = IntegerField(validators=[Optional(), NumberRange(min=0)], default=0)


class OverrideForm(FlaskForm):
    review_id = HiddenField(validators=REVIEW_ID)


class ButtonForm(FlaskForm):
    """Only the CSRF token, for buttons that post (start a lesson, bring back a leech)."""
