from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import DateField, IntegerField, SelectChoice, SelectField, StringField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

LEVELS = ("N5", "N4", "N3", "N2", "N1")
EXAMS = (*LEVELS, "JFT-Basic")


class ClassForm(FlaskForm):
    name = StringField(_l("Name of the class"), validators=[DataRequired(_l("Give the class a name.")),
                                                            Length(max=80)])
    level = SelectField(_l("Level"), choices=[SelectChoice(lv, lv) for lv in LEVELS])
    target_exam = SelectField(_l("Target exam"), choices=[SelectChoice(e, e) for e in EXAMS])
    exam_date = DateField(_l("Exam date"), validators=[Optional()])


class JoinForm(FlaskForm):
    code = StringField(_l("Class code"), validators=[DataRequired(_l("Enter the code your teacher gave you.")),
                                                     Length(max=12)])


class RosterForm(FlaskForm):
    roster = FileField(_l("Roster file (CSV)"), validators=[FileRequired(_l("Choose a CSV file."))])


class AssignmentForm(FlaskForm):
    kind = SelectField(_l("What"), choices=[
        SelectChoice("lesson", _l("A lesson")), SelectChoice("course", _l("A whole course")),
        SelectChoice("reviews", _l("Reviews (a number of answers)")),
        SelectChoice("placement", _l("The placement test")), SelectChoice("mock", _l("A mock exam")),
    ])
    target = SelectField(_l("Which"), choices=[], validate_choice=False)
    amount = IntegerField(_l("How many answers (reviews)"), default=0,
                          validators=[Optional(), NumberRange(min=0, max=5000)])
    due = DateField(_l("Due date"), validators=[InputRequired(_l("Choose a due date."))])


class MoveForm(FlaskForm):
    to_class = SelectField(_l("Move to"), coerce=int, choices=[], validate_choice=False)


class SchoolForm(FlaskForm):
    name = StringField(_l("School name"), validators=[DataRequired(), Length(max=120)])
    city = StringField(_l("City"), validators=[Length(max=80)])
    admin_name = StringField(_l("School admin's name"), validators=[DataRequired(), Length(max=80)])
    admin_email = StringField(_l("School admin's e-mail"), validators=[DataRequired(), Length(max=254)])
