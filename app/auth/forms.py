"""Forms for accounts. Every field says what is wrong beside it, in the user's language."""

from __future__ import annotations

from zoneinfo import available_timezones

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    EmailField,
    HiddenField,
    IntegerField,
    PasswordField,
    SelectChoice,
    SelectField,
    StringField,
)
from wtforms.validators import DataRequired, Email, EqualTo, InputRequired, Length, NumberRange, ValidationError

from app.models import Goal, Role

PASSWORD_MIN, PASSWORD_MAX = 8, 128
NAME_MAX = 80
EMAIL_MAX = 254

# Time zones our learners live and work in; any other valid IANA zone a profile already has is kept.
COMMON_TIMEZONES = [
    SelectChoice("Asia/Karachi", _l("Pakistan (Karachi)")),
    SelectChoice("Asia/Tokyo", _l("Japan (Tokyo)")),
    SelectChoice("Asia/Dubai", _l("UAE (Dubai)")),
    SelectChoice("Asia/Riyadh", _l("Saudi Arabia (Riyadh)")),
    SelectChoice("Asia/Qatar", _l("Qatar (Doha)")),
    SelectChoice("Asia/Kolkata", _l("India (Kolkata)")),
    SelectChoice("Asia/Dhaka", _l("Bangladesh (Dhaka)")),
    SelectChoice("Asia/Kathmandu", _l("Nepal (Kathmandu)")),
    SelectChoice("Asia/Seoul", _l("Korea (Seoul)")),
    SelectChoice("Europe/London", _l("United Kingdom (London)")),
    SelectChoice("UTC", _l("UTC")),
]

ROLE_LABELS = {
    Role.STUDENT.value: _l("student"),
    Role.TEACHER.value: _l("teacher"),
    Role.SCHOOL_ADMIN.value: _l("school admin"),
    Role.ADMIN.value: _l("admin"),
}

GOAL_LABELS = {
    Goal.N5: _l("JLPT N5 (beginner)"),
    Goal.N4: _l("JLPT N4 (work visa level)"),
    Goal.N3: _l("JLPT N3"),
    Goal.N2: _l("JLPT N2 (IT jobs)"),
    Goal.N1: _l("JLPT N1"),
    Goal.JFT_BASIC: _l("JFT-Basic (work visa level)"),
}


def _strip(value):
    return value.strip() if isinstance(value, str) else value


def _no_control_characters(form, field):
    if field.data and any(ord(ch) < 32 or ord(ch) == 127 for ch in field.data):
        raise ValidationError(_l("Use letters, numbers and spaces only."))


def _valid_timezone(form, field):
    if field.data not in available_timezones():
        raise ValidationError(_l("Choose a time zone from the list."))


def _password_field(label):
    return PasswordField(label, validators=[
        DataRequired(_l("Enter a password.")),
        Length(min=PASSWORD_MIN, max=PASSWORD_MAX,
               message=_l("Use %(min)d to %(max)d characters.", min=PASSWORD_MIN, max=PASSWORD_MAX)),
    ])


def _email_field():
    return EmailField(_l("E-mail"), filters=[_strip], validators=[
        DataRequired(_l("Enter your e-mail address.")),
        Length(max=EMAIL_MAX, message=_l("That e-mail address is too long.")),
        Email(_l("Enter an e-mail address like name@example.com."), check_deliverability=False),
    ])


def _name_field():
    return StringField(_l("Your name"), filters=[_strip], validators=[
        DataRequired(_l("Enter your name.")),
        Length(max=NAME_MAX, message=_l("Use at most %(max)d characters.", max=NAME_MAX)),
        _no_control_characters,
    ])


class SignupForm(FlaskForm):
    name = _name_field()
    email = _email_field()
    password = _password_field(_l("Password"))
    confirm = PasswordField(_l("Password again"), validators=[
        EqualTo("password", message=_l("The two passwords are not the same.")),
    ])


class LoginForm(FlaskForm):
    email = EmailField(_l("E-mail"), filters=[_strip], validators=[
        DataRequired(_l("Enter your e-mail address.")), Length(max=EMAIL_MAX),
    ])
    password = PasswordField(_l("Password"), validators=[
        DataRequired(_l("Enter your password.")), Length(max=PASSWORD_MAX),
    ])
    remember = BooleanField(_l("Keep me logged in on this phone"))
    next = HiddenField()


class ProfileForm(FlaskForm):
    name = _name_field()
    ui_locale = SelectField(_l("Language of the site"), choices=[
        SelectChoice("en", "English", render_kw={"lang": "en", "dir": "ltr"}),
        SelectChoice("ur", "اردو", render_kw={"lang": "ur", "dir": "rtl"}),
    ])
    timezone = SelectField(_l("Time zone"), choices=COMMON_TIMEZONES, validators=[_valid_timezone])
    goal = SelectField(_l("My goal"), choices=[SelectChoice(g.value, label) for g, label in GOAL_LABELS.items()])
    daily_goal_minutes = IntegerField(_l("Minutes of study a day"), validators=[
        InputRequired(_l("Enter a number of minutes.")),
        NumberRange(min=5, max=240, message=_l("Choose between %(min)d and %(max)d minutes.")),
    ])

    new_cards_per_day = IntegerField(_l("New cards a day"), validators=[
        InputRequired(_l("Enter a number of cards.")),
        NumberRange(min=0, max=100, message=_l("Choose between %(min)d and %(max)d cards.")),
    ])
    desired_retention = SelectField(_l("How well to remember"), coerce=float, choices=[
        SelectChoice(0.8, _l("80%: fewer reviews")),
        SelectChoice(0.85, _l("85%")),
        SelectChoice(0.9, _l("90%: recommended")),
        SelectChoice(0.95, _l("95%: more reviews")),
    ])

    def keep_current_timezone(self, current: str) -> None:
        """A zone set some other way (an admin, an import) stays choosable on the form."""
        if all(choice.value != current for choice in self.timezone.choices):
            self.timezone.choices = [SelectChoice(current), *self.timezone.choices]


class ChangePasswordForm(FlaskForm):
    current = PasswordField(_l("Current password"), validators=[DataRequired(_l("Enter your current password."))])
    password = _password_field(_l("New password"))
    confirm = PasswordField(_l("New password again"), validators=[
        EqualTo("password", message=_l("The two passwords are not the same.")),
    ])


class ResetPasswordForm(FlaskForm):
    password = _password_field(_l("New password"))
    confirm = PasswordField(_l("New password again"), validators=[
        EqualTo("password", message=_l("The two passwords are not the same.")),
    ])


class LanguageForm(FlaskForm):
    locale = HiddenField(validators=[DataRequired()])
    next = HiddenField()


class ButtonForm(FlaskForm):
    """A POST with nothing but its CSRF token (log out, make a reset link)."""
