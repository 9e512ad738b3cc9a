"""Choosing what a deck holds, bad requests, the download routes and `flask decks build`."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from flask_babel import force_locale

from app import japanese
from app.export import anki, services
from app.models import utcnow
from tests.factories import create_user


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("*.apkg")) if folder.exists() else []


# --- the note types ----------------------------------------------------------------------------

def test_note_type_ids_never_change():
    # A new id would make every learner's notes new notes on the next import: never change these.
    assert {kind: spec.model_id for kind, spec in anki.NOTE_KINDS.items()} == {
        "vocab": 1_718_406_301, "kanji": 1_718_406_302, "grammar": 1_718_406_303}
    assert anki.deck_id("level:N5:vocab") == anki.deck_id("level:N5:vocab") != anki.deck_id("level:N5:kanji")


@pytest.mark.parametrize("kind", anki.KINDS)
def test_templates_name_only_fields_the_note_type_has(kind):
    model = anki.note_type(kind)
    used = set()
    for template in model.templates:
        for side in (template["qfmt"], template["afmt"]):
            used |= {name.split(":")[-1] for name in re.findall(r"\{\{[#/^]?([^}]+)\}\}", side)}
    assert used - {"FrontSide"} <= set(anki.NOTE_KINDS[kind].fields)
    assert 'lang="ja"' in model.templates[0]["qfmt"]
    assert ".nightMode" in model.css and ".night_mode" in model.css and "max-width: 480px" in model.css


@pytest.mark.parametrize("word, reading, expected", [
    ("食べる", "たべる", "食[た]べる"),
    ("日本語", "にほんご", "日本語[にほんご]"),
    ("お茶", "おちゃ", "お 茶[ちゃ]"),                   # a space before a base that follows other text
    ("取り扱い", "とりあつかい", "取[と]り 扱[あつか]い"),
    ("〜さん", "さん", "〜さん"),
    ("パン", "ぱん", "パン"),
    ("<b>", "", "&lt;b&gt;"),                          # escaped
])
def test_word_furigana_uses_the_content_reading(word, reading, expected):
    assert anki.word_furigana(word, reading) == expected


def test_text_beside_furigana_cannot_be_read_as_furigana():
    assert anki._beside_furigana("a [note] <i>") == "a &#91;note&#93; &lt;i&gt;"
    assert anki._text("は marks the topic") == '<bdi lang="ja">は</bdi> marks the topic'


def test_japanese_in_urdu_on_a_card_keeps_short_runs_whole_as_the_site_does():
    # On a phone, a short phrase broken across two right-to-left lines shows its halves swapped; the
    # card's CSS keeps a short run on one line, and lets a long one (a whole sentence) wrap.
    assert anki._text("فعل کی て شکل") == 'فعل کی <bdi lang="ja">て</bdi> شکل'
    assert anki._text("مثال: 窓が割れていますから、気をつけてください。") == \
        'مثال: <bdi lang="ja" class="wrap">窓が割れていますから、気をつけてください。</bdi>'
    css = anki.note_type("vocab").css
    assert "bdi:lang(ja) { white-space: nowrap; }" in css and "bdi.wrap { white-space: normal; }" in css


# --- bad requests ------------------------------------------------------------------------------

@pytest.mark.parametrize("select, message", [
    (lambda: services.level_deck(["N6"], "vocab"), "There is no level “N6”"),
    (lambda: services.level_deck([""], "vocab"), "There is no level"),
    (lambda: services.level_deck(["N5"], "kana"), "There is no deck of “kana”"),
    (lambda: services.level_deck(["N4"], "vocab"), "There are no words of N4 loaded yet"),
    (lambda: services.lesson_deck("n5.l99", None, "vocab"), "There is no lesson “n5.l99”"),
    (lambda: services.lesson_deck("n5.l01", "n5.l42", "kanji"), "There is no lesson “n5.l42”"),
    (lambda: services.lesson_deck("n5.v.taberu", None, "vocab"), "There is no lesson “n5.v.taberu”"),
    (lambda: services.studied_deck(1, "vocab"), "You have not studied any words yet"),
    (lambda: services.module_deck("module.farm"), "There is no workplace module “module.farm”"),
    (lambda: services.module_deck("n5.l01"), "There is no workplace module “n5.l01”"),
])
def test_a_deck_that_cannot_be_made_says_why_and_writes_nothing(app, course, decks_dir, select, message):
    with pytest.raises(services.NoDeck) as refused:
        services.deck_file(select(), now=utcnow())
    with force_locale("en"):
        assert message in str(refused.value)
    assert files_in(decks_dir) == []


def test_nothing_loaded_is_an_empty_selection(app, decks_dir):
    with pytest.raises(services.NoDeck) as refused:
        services.level_deck(["n5"], "kanji")
    with force_locale("en"):
        assert "There are no kanji of N5 loaded yet" in str(refused.value)


def test_several_levels_make_one_deck(app, course):
    selection = services.level_deck(["N5", "N4"], "vocab")
    assert selection.name == "Kakehashi::JLPT N5 + N4::Vocabulary" and len(selection.items) == 6
    assert selection.slug == "n5-n4-vocab"


# --- downloads ---------------------------------------------------------------------------------

@pytest.fixture
def learner(course, client, auth):
    create_user(email="ali@example.com")
    auth.login("ali@example.com")


@pytest.mark.parametrize("path, name, notes", [
    ("/decks/level/N5/vocab.apkg", "kakehashi-n5-vocab.apkg", 6),
    ("/decks/level/n5/kanji.apkg", "kakehashi-n5-kanji.apkg", 3),
    ("/decks/lesson/n5.l01/grammar.apkg", "kakehashi-n5.l01-grammar.apkg", 1),
    ("/decks/lesson/n5.l01/vocab.apkg?to=n5.l01", "kakehashi-n5.l01-vocab.apkg", 6),
    ("/decks/module/module.care/vocab.apkg", "kakehashi-module.care-vocab.apkg", 3),
])
def test_a_deck_downloads_as_an_apkg(client, learner, tmp_path, path, name, notes):
    response = client.get(path)
    assert response.status_code == 200 and response.mimetype == "application/apkg"
    assert name in response.headers["Content-Disposition"]
    saved = tmp_path / name
    saved.write_bytes(response.get_data())
    response.close()
    with zipfile.ZipFile(saved) as apkg:
        assert "collection.anki2" in apkg.namelist()


@pytest.mark.parametrize("path, message", [
    ("/decks/level/N9/vocab.apkg", "There is no level"),
    ("/decks/level/N4/vocab.apkg", "There are no words of N4 loaded yet"),
    ("/decks/level/N5/sentences.apkg", "There is no deck of"),
    ("/decks/lesson/n5.l77/vocab.apkg", "There is no lesson"),
    ("/decks/studied/vocab.apkg", "You have not studied any words yet"),
    ("/decks/module/module.fish/vocab.apkg", "There is no workplace module"),
])
def test_a_bad_download_gets_a_page_that_says_why(client, learner, decks_dir, path, message):
    response = client.get(path)
    assert response.status_code == 404 and response.mimetype == "text/html"
    assert message in response.get_data(as_text=True)
    assert files_in(decks_dir) == []


def test_decks_need_a_login(client, course):
    assert client.get("/decks/level/N5/vocab.apkg").status_code == 302


def test_the_course_map_and_lesson_page_offer_decks(client, learner):
    course_map = client.get("/course").get_data(as_text=True)
    assert "/decks/level/N5/vocab.apkg" in course_map and "/decks/studied/vocab.apkg" in course_map
    lesson = client.get("/lesson/n5.l01").get_data(as_text=True)
    for kind in anki.KINDS:
        assert f"/decks/lesson/n5.l01/{kind}.apkg" in lesson
    assert "/decks/module/module.care/vocab.apkg" in client.get("/module/module.care").get_data(as_text=True)


def test_a_module_deck_holds_its_words_in_teaching_order_and_no_level_deck_does(app, course):
    selection = services.module_deck("module.care")
    assert [item.id for item in selection.items] == ["care.v.kaigo", "care.v.shokuji", "care.v.tetsudau"]
    assert selection.name == "Kakehashi::Japanese for work::Care work::Vocabulary"
    assert not any(item.id.startswith("care.") for item in services.level_deck(["N5"], "vocab").items)


# --- flask decks build -------------------------------------------------------------------------

def test_the_command_writes_a_deck_and_says_what_is_in_it(runner, course, tmp_path):
    out = tmp_path / "n5.apkg"
    result = runner.invoke(args=["decks", "build", "--level", "N5", "--kind", "vocab", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "6 notes, 6 cards" in result.output and "built" in result.output
    assert zipfile.is_zipfile(out)
    again = runner.invoke(args=["decks", "build", "--level", "N5", "--kind", "vocab", "--out", str(out)])
    assert "from the cache" in again.output
    lessons = runner.invoke(args=["decks", "build", "--lesson", "n5.l01-n5.l01", "--kind", "kanji",
                                  "--out", str(tmp_path / "l.apkg")])
    assert lessons.exit_code == 0 and "3 notes" in lessons.output
    module = runner.invoke(args=["decks", "build", "--module", "care", "--out", str(tmp_path / "m.apkg")])
    assert module.exit_code == 0 and "Care work" in module.output and "3 notes" in module.output


@pytest.mark.parametrize("args, message", [
    (["--level", "N6"], "There is no level “N6”"),
    (["--level", "N4"], "There are no words of N4 loaded yet"),
    (["--lesson", "n5.l09"], "There is no lesson “n5.l09”"),
    ([], "give one of --level, --lesson, --class or --module"),
    (["--level", "N5", "--lesson", "n5.l01"], "give one of --level, --lesson, --class or --module"),
    (["--module", "fish"], "There is no workplace module “module.fish”"),
    (["--module", "care", "--kind", "kanji"], "a workplace module has a deck of its words only"),
])
def test_the_command_refuses_bad_input_without_writing_a_file(runner, course, tmp_path, args, message):
    out = tmp_path / "deck.apkg"
    result = runner.invoke(args=["decks", "build", *args, "--out", str(out)])
    assert result.exit_code != 0 and message in result.output
    assert not out.exists()


def test_a_class_deck_holds_its_assigned_lessons_for_its_teacher_and_students_only(client, auth, course, decks_dir,
                                                                                     runner):
    from datetime import timedelta

    from app.models import Role, utcnow
    from app.schools import services as schools
    from tests.factories import create_school

    school = create_school()
    teacher = create_user(email="t@example.com", role=Role.TEACHER, school=school)
    room = schools.create_class(teacher, name="C", level="N5", target_exam="N5", exam_date=None, now=utcnow())
    auth.login("t@example.com")
    empty = client.get(f"/decks/class/{room.id}/vocab.apkg")
    assert empty.status_code == 404 and "no lessons assigned" in empty.get_data(as_text=True)
    schools.create_assignment(teacher, room.id, kind="lesson", target="n5.l01", amount=0,
                              due_at=utcnow() + timedelta(days=1), student_ids=[], now=utcnow())
    deck = client.get(f"/decks/class/{room.id}/vocab.apkg")
    assert deck.status_code == 200 and deck.mimetype == "application/apkg"
    deck.close()
    result = runner.invoke(args=["decks", "build", "--class", str(room.id), "--out", str(decks_dir / "c.apkg")])
    assert result.exit_code == 0 and "6 notes" in result.output, result.output
    auth.logout()
    create_user(email="stranger@example.com", school=create_school(name="Other"))
    auth.login("stranger@example.com")
    refused = client.get(f"/decks/class/{room.id}/vocab.apkg")
    assert refused.status_code == 404 and "not yours" in refused.get_data(as_text=True)


def test_example_furigana_is_made_at_content_load_and_the_deck_writes_it(app, course):
    from app.extensions import db
    from app.models import ContentItem

    word = db.session.get(ContentItem, "n5.v.nihon")
    sentence = word.data["example"]["ja"]                               # 日本はとおいです。
    assert word.furigana == {sentence: japanese.anki_furigana(sentence)} and "日本[にほん]" in word.furigana[sentence]
    example = anki.NOTE_KINDS["vocab"].fields.index("Example")
    word.furigana = {sentence: "日本[にっぽん]は(stored)"}               # the deck takes what the load made
    assert anki.vocab_fields(word, None, {})[example] == "日本[にっぽん]は(stored)"
    word.furigana = None                                                # a row loaded before: the engine
    assert anki.vocab_fields(word, None, {})[example] == japanese.anki_furigana(sentence)
    assert db.session.get(ContentItem, "n5.v.gakusei").furigana is None  # no example, nothing to keep
    db.session.rollback()
    assert db.session.get(ContentItem, "n5.g.wa-desu").furigana is not None
    assert db.session.get(ContentItem, "n5.l01").furigana is None
