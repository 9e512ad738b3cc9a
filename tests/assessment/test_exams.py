"""Mock exams: forms as the real tests are built, and the official pass rules at every boundary."""

import pytest

from app.assessment import exams, irt
from app.assessment.exams import FORMS


def verdict(form_id, language, listening):
    return exams.jlpt_verdict(FORMS[form_id], {"language": language, "listening": listening})


@pytest.mark.parametrize("form_id, language, listening, passed", [
    ("jlpt-n4", 72, 18, False),     # total 90, but listening 18 is below its minimum 19
    ("jlpt-n4", 71, 19, True),      # total 90, both minimums met
    ("jlpt-n4", 70, 19, False),     # total 89
    ("jlpt-n4", 38, 52, True),      # exactly the language minimum
    ("jlpt-n4", 37, 60, False),     # language 37 < 38, total 97
    ("jlpt-n5", 38, 42, True),      # total 80 with 38 and 42 (the example of the test makers)
    ("jlpt-n5", 60, 19, False),     # total 79
])
def test_jlpt_pass_rule(form_id, language, listening, passed):
    assert verdict(form_id, language, listening).passed is passed


@pytest.mark.parametrize("language, listening, passed", [(61, 19, True), (60, 19, False), (62, 18, False),
                                                          (120, 0, False), (38, 60, True), (37, 60, False)])
def test_n5_boundaries(language, listening, passed):
    assert verdict("jlpt-n5", language, listening).passed is passed


def test_the_reasons_say_what_failed():
    result = verdict("jlpt-n4", 72, 18)
    assert result.reasons == ("Listening 18 is below the sectional minimum 19",)
    both = verdict("jlpt-n4", 30, 10)
    assert len(both.reasons) == 3 and "total 40 is below the pass mark 90" in both.reasons
    absent = exams.jlpt_verdict(FORMS["jlpt-n5"], {"language": 100, "listening": None})
    assert not absent.passed and "Listening: not taken" in absent.reasons


@pytest.mark.parametrize("score, band", [(250, "A2.2"), (200, "A2.2"), (199, "A2.1"), (175, "A2.1"),
                                         (174, "A1"), (145, "A1"), (144, "below A1"), (10, "below A1")])
def test_jft_bands(score, band):
    assert exams.jft_band(score) == band


def test_forms_have_the_official_sections_times_and_scales():
    n5, n4, jft = FORMS["jlpt-n5"], FORMS["jlpt-n4"], FORMS["jft-basic"]
    assert [s.minutes for s in n5.sections] == [20, 40, 30] and [s.minutes for s in n4.sections] == [25, 55, 35]
    assert n5.total_max == n4.total_max == 180 and (n5.pass_total, n4.pass_total) == (80, 90)
    assert [(s.maximum, s.minimum) for s in n4.scoring] == [(120, 38), (60, 19)]
    assert sum(s.minutes for s in jft.sections) == 60 and len(jft.sections) == 4
    assert all(13 <= sum(n for _, n in s.parts) <= 16 for s in jft.sections)


def test_a_candidate_at_the_cut_scores_about_the_pass_mark():
    for form_id in ("jlpt-n5", "jlpt-n4"):
        form = FORMS[form_id]
        cut = irt.CUTS[form.level]
        total = sum(exams.scaled(form, s, cut) for s in form.scoring)
        assert abs(total - form.pass_total) <= 1
        assert sum(exams.scaled(form, s, cut + 1) for s in form.scoring) > total
    jft = FORMS["jft-basic"]
    assert exams.scaled(jft, jft.scoring[0], irt.CUTS["N4"]) == 200
    assert exams.scaled(jft, jft.scoring[0], 10) == 250 and exams.scaled(jft, jft.scoring[0], -10) == 10


def test_pass_probability_follows_ability():
    form = FORMS["jlpt-n4"]
    cut = irt.CUTS["N4"]
    weak = exams.pass_probability(form, {"language": (cut - 1.5, 0.3), "listening": (cut - 1.5, 0.3)})
    even = exams.pass_probability(form, {"language": (cut, 0.3), "listening": (cut, 0.3)})
    strong = exams.pass_probability(form, {"language": (cut + 1.5, 0.3), "listening": (cut + 1.5, 0.3)})
    assert weak < 0.05 < even < 0.95 < strong
