"""The mock exams: how each is built (sections, question types, counts, minutes) and how it is scored.
Pure: no Flask, no database.

JLPT facts are the official ones (../shared/domain/exams.md: jlpt.jp, times since December 2020; pass
marks and sectional minimums unchanged since 2010). The JLPT's own raw-to-scaled conversion is secret:
our scaled scores are estimates from IRT ability (see `scaled`), labelled as such to the candidate;
the pass rule applied to them is the official one.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from app.assessment import irt
from app.curriculum.schema import ITEM_TYPES


@dataclass(frozen=True)
class Section:
    key: str
    title: str                               # English; the page translates
    minutes: int
    parts: tuple[tuple[str, int], ...]       # (question type, how many), in the order the test asks them
    scoring: str                             # the scoring section its answers count towards


@dataclass(frozen=True)
class ScoringSection:
    key: str
    title: str
    maximum: int
    minimum: int                             # the sectional minimum ("reference point")


@dataclass(frozen=True)
class ExamForm:
    id: str
    title: str
    level: str                               # the items' level (JFT-Basic: N4 and N5)
    sections: tuple[Section, ...]
    scoring: tuple[ScoringSection, ...]
    pass_total: int
    kind: str = "jlpt"                       # jlpt | jft | care
    domain: str | None = None                # draw only items of this domain (care); others never do

    @property
    def total_max(self) -> int:
        return sum(s.maximum for s in self.scoring)


LK_READING = ScoringSection("language", "Language Knowledge (Vocabulary/Grammar)・Reading", 120, 38)
LISTENING = ScoringSection("listening", "Listening", 60, 19)
# N1–N3 score three sections of 60, each with a minimum of 19.
UPPER_SCORING = (ScoringSection("knowledge", "Language Knowledge (Vocabulary/Grammar)", 60, 19),
                 ScoringSection("reading", "Reading", 60, 19), ScoringSection("listening", "Listening", 60, 19))
UPPER_VOCAB = (("kanji-reading", 6), ("orthography", 5), ("word-formation", 3), ("context", 7), ("paraphrase", 5),
               ("usage", 5))

FORMS: dict[str, ExamForm] = {form.id: form for form in (
    ExamForm("jlpt-n5", "JLPT N5", "N5", (
        Section("vocabulary", "Language Knowledge (Vocabulary)", 20,
                (("kanji-reading", 7), ("orthography", 5), ("context", 6), ("paraphrase", 3)), "language"),
        Section("grammar-reading", "Language Knowledge (Grammar)・Reading", 40,
                (("grammar-form", 9), ("composition", 4), ("text-grammar", 4), ("short-passage", 2),
                 ("mid-passage", 2), ("info-retrieval", 1)), "language"),
        Section("listening", "Listening", 30,
                (("task", 7), ("key-point", 6), ("verbal-expression", 5), ("quick-response", 6)), "listening"),
    ), (LK_READING, LISTENING), pass_total=80),
    ExamForm("jlpt-n4", "JLPT N4", "N4", (
        Section("vocabulary", "Language Knowledge (Vocabulary)", 25,
                (("kanji-reading", 7), ("orthography", 5), ("context", 8), ("paraphrase", 4), ("usage", 4)),
                "language"),
        Section("grammar-reading", "Language Knowledge (Grammar)・Reading", 55,
                (("grammar-form", 13), ("composition", 4), ("text-grammar", 4), ("short-passage", 3),
                 ("mid-passage", 3), ("info-retrieval", 2)), "language"),
        Section("listening", "Listening", 35,
                (("task", 8), ("key-point", 7), ("verbal-expression", 5), ("quick-response", 8)), "listening"),
    ), (LK_READING, LISTENING), pass_total=90),
    ExamForm("jlpt-n3", "JLPT N3", "N3", (
        Section("vocabulary", "Language Knowledge (Vocabulary)", 30,
                (("kanji-reading", 8), ("orthography", 6), ("context", 11), ("paraphrase", 5), ("usage", 5)),
                "by-type"),
        Section("grammar-reading", "Language Knowledge (Grammar)・Reading", 70,
                (("grammar-form", 13), ("composition", 5), ("text-grammar", 5), ("short-passage", 4),
                 ("mid-passage", 6), ("long-passage", 4), ("info-retrieval", 2)), "by-type"),
        Section("listening", "Listening", 40,
                (("task", 6), ("key-point", 6), ("outline", 3), ("verbal-expression", 4), ("quick-response", 9)),
                "by-type"),
    ), UPPER_SCORING, pass_total=95),
    ExamForm("jlpt-n2", "JLPT N2", "N2", (
        Section("knowledge-reading", "Language Knowledge (Vocabulary/Grammar)・Reading", 105,
                (*UPPER_VOCAB, ("grammar-form", 12), ("composition", 5), ("text-grammar", 5),
                 ("short-passage", 5), ("mid-passage", 9), ("integrated-reading", 2), ("thematic", 3),
                 ("info-retrieval", 2)), "by-type"),
        Section("listening", "Listening", 50,
                (("task", 5), ("key-point", 6), ("outline", 5), ("quick-response", 12), ("integrated-listening", 4)),
                "by-type"),
    ), UPPER_SCORING, pass_total=90),
    ExamForm("jlpt-n1", "JLPT N1", "N1", (
        Section("knowledge-reading", "Language Knowledge (Vocabulary/Grammar)・Reading", 110,
                (("kanji-reading", 6), ("context", 7), ("paraphrase", 6), ("usage", 6), ("grammar-form", 10),
                 ("composition", 5), ("text-grammar", 5), ("short-passage", 4), ("mid-passage", 9),
                 ("long-passage", 4), ("integrated-reading", 2), ("thematic", 3), ("info-retrieval", 2)),
                "by-type"),
        Section("listening", "Listening", 55,
                (("task", 5), ("key-point", 6), ("outline", 5), ("quick-response", 11), ("integrated-listening", 3)),
                "by-type"),
    ), UPPER_SCORING, pass_total=100),
    ExamForm("jft-basic", "JFT-Basic", "N4", (
        Section("script-vocabulary", "Script and Vocabulary", 15,
                (("kanji-reading", 5), ("orthography", 5), ("context", 5)), "jft"),
        Section("conversation", "Conversation and Expression", 15,
                (("grammar-form", 8), ("composition", 2), ("verbal-expression", 5)), "jft"),
        Section("listening", "Listening Comprehension", 15, (("task", 6), ("key-point", 5), ("quick-response", 4)),
                "jft"),
        Section("reading", "Reading Comprehension", 15, (("short-passage", 6), ("mid-passage", 6),
                                                         ("info-retrieval", 3)), "jft"),
    ), (ScoringSection("jft", "JFT-Basic", 250, 10),), pass_total=200, kind="jft"),
    # The Nursing Care Japanese test for caregiver candidates: 15 questions in 30 minutes on care words,
    # talk with residents and colleagues, and care texts. Its makers set the pass mark; we report the share right.
    ExamForm("care", "Nursing Care Japanese", "N4", (
        Section("care", "Nursing Care Japanese", 30,
                (("kanji-reading", 3), ("context", 2), ("verbal-expression", 3), ("quick-response", 2),
                 ("short-passage", 3), ("info-retrieval", 2)), "care"),
    ), (ScoringSection("care", "Nursing Care Japanese", 15, 0),), pass_total=0, kind="care", domain="care"),
)}


def scoring_key(form: ExamForm, section: int, item_type: str) -> str:
    """The scoring section an answer counts towards: N4 and N5 (and JFT-Basic) by test section; N1–N3
    score vocabulary and grammar, reading and listening apart, whatever test section asks them."""
    key = form.sections[section].scoring
    if key != "by-type":
        return key
    return {"vocabulary": "knowledge", "grammar": "knowledge", "reading": "reading",
            "listening": "listening"}[ITEM_TYPES[item_type]]


# --- the official pass rule ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Verdict:
    passed: bool
    reasons: tuple[str, ...]      # why not, in plain words (empty when passed)
    details: tuple[dict, ...] = ()  # the same for pages to word in the learner's language


def jlpt_verdict(form: ExamForm, scores: dict[str, int | None]) -> Verdict:
    """Pass = total ≥ the overall pass mark and every scoring section ≥ its minimum; a section not
    taken (None) is a fail."""
    reasons, details = [], []
    for section in form.scoring:
        score = scores.get(section.key)
        if score is None:
            reasons.append(f"{section.title}: not taken")
            details.append({"why": "absent", "section": section.key})
        elif score < section.minimum:
            reasons.append(f"{section.title} {score} is below the sectional minimum {section.minimum}")
            details.append({"why": "minimum", "section": section.key, "score": score, "needed": section.minimum})
    total = sum(s for s in scores.values() if s is not None)
    if total < form.pass_total:
        reasons.append(f"total {total} is below the pass mark {form.pass_total}")
        details.append({"why": "total", "score": total, "needed": form.pass_total})
    return Verdict(not reasons, tuple(reasons), tuple(details))


def jft_band(score: int) -> str:
    """JFT-Basic: 200 and over is A2 (what the Specified Skilled Worker visa asks); from August 2026
    results also show A1 (145–174), A2.1 (175–199), A2.2 (200–250)."""
    if score >= 200:
        return "A2.2"
    if score >= 175:
        return "A2.1"
    if score >= 145:
        return "A1"
    return "below A1"


# --- estimated scaled scores (approximation, said so on the report) ---------------------------------

CUT_BY_LEVEL = {"N5": irt.CUTS["N5"], "N4": irt.CUTS["N4"], "N3": irt.CUTS["N3"], "N2": irt.CUTS["N2"],
                "N1": irt.CUTS["N1"]}
POINTS_PER_LOGIT_PER_60 = 15          # about 15 scaled points per logit for a 60-point section
JFT_POINTS_PER_LOGIT = 40


def scaled(form: ExamForm, section: ScoringSection, theta: float) -> int:
    """A scoring section's scaled score from the ability shown in it: linear in θ, anchored so that a
    candidate exactly at the level's cut scores the pass mark overall, on average."""
    cut = CUT_BY_LEVEL[form.level]
    if form.kind == "jft":
        return int(np.clip(round(200 + JFT_POINTS_PER_LOGIT * (theta - cut)), 10, 250))
    anchor = form.pass_total * section.maximum / form.total_max
    slope = POINTS_PER_LOGIT_PER_60 * section.maximum / 60
    return int(np.clip(round(anchor + slope * (theta - cut)), 0, section.maximum))


def pass_probability(form: ExamForm, posteriors: dict[str, tuple[float, float]], samples: int = 2000,
                     seed: int = 0) -> float:
    """P(pass) from each scoring section's ability (mean, SD): sample, score, apply the official rule."""
    rng = np.random.default_rng(seed)
    draws = {key: rng.normal(mean, sd, samples) for key, (mean, sd) in posteriors.items()}
    passed = 0
    for n in range(samples):
        scores = {s.key: scaled(form, s, draws[s.key][n]) for s in form.scoring if s.key in draws}
        if form.kind == "jft":
            passed += scores["jft"] >= form.pass_total
        else:
            passed += jlpt_verdict(form, scores).passed
    return passed / samples
