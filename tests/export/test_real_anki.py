"""Built decks imported into real Anki (the `anki` package): notes, cards, fields, media, the HTML
Anki renders, and a newer deck updating notes in place with their review history kept."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest

from app.curriculum import loader, sync
from app.export import anki, services
from app.extensions import db
from app.models import utcnow
from tests.export.conftest import import_deck

pytest.importorskip("anki")

SOUND = re.compile(r"\[sound:([^\]]+)\]")


def build(selection, now=None):
    return services.deck_file(selection, now=now or utcnow())


def note_of(col, content_id: str):
    ids = col.db.list("select id from notes where guid = ?", _guid(content_id))
    assert len(ids) == 1, f"{content_id}: {len(ids)} notes"
    return col.get_note(ids[0])


def _guid(content_id: str) -> str:
    import genanki

    return genanki.guid_for(content_id)


def test_a_vocabulary_deck_imports_with_its_notes_fields_media_and_furigana(app, course, collection):
    deck = build(services.level_deck(["N5"], "vocab"))
    log = import_deck(collection, deck.path)
    assert len(log.new) == 6 and deck.notes == 6
    assert collection.note_count() == 6 and collection.card_count() == 6   # one card each, none lost
    assert collection.decks.by_name("Kakehashi::JLPT N5::Vocabulary") is not None

    note = note_of(collection, "n5.v.taberu")
    assert note.note_type()["name"] == "Kakehashi Vocabulary"
    assert note["Word"] == "食べる" and note["Furigana"] == "食[た]べる" and note["Reading"] == "たべる"
    assert note["English"] == "to eat" and note["Urdu"] == "کھانا"
    assert note["PartOfSpeech"] == "verb (group 2, ichidan)" and note["Level"] == "N5 · lesson 1"
    assert set(note.tags) >= {"kakehashi", "kakehashi::N5", "kakehashi::n5.l01"}

    card = note.cards()[0]
    question, answer = card.question(), card.answer()
    assert "<ruby><rb>食</rb><rt>た</rt></ruby>べる" in question
    assert "<ruby><rb>食</rb><rt>た</rt></ruby>べる" in answer
    assert '<div class="meaning" dir="rtl" lang="ur">کھانا</div>' in answer
    assert 'class="word" lang="ja"' in question

    example = note_of(collection, "n5.v.nihon")
    answer = example.cards()[0].answer()
    assert "<ruby><rb>日本</rb><rt>にほん</rt></ruby>はとおいです。" in answer    # the example, with furigana
    assert "Japan is far." in answer and "جاپان دور ہے۔" in answer


@pytest.mark.parametrize("audio", [True, False])
def test_audio_travels_as_media_files(app, course, collection, audio):
    app.config["AUDIO"] = audio
    deck = build(services.level_deck(["N5"], "vocab"))
    import_deck(collection, deck.path)
    media = Path(collection.media.dir())
    assert (media / anki.FONT_MEDIA).exists()                           # the Nastaliq face for Urdu
    sounds = [name for nid in collection.find_notes("") for value in collection.get_note(nid).fields
              for name in SOUND.findall(value)]
    if not audio:
        assert sounds == [] and deck.media == 1
        return
    assert len(sounds) == 8 == deck.media - 1                           # 6 words and 2 example sentences
    for name in sounds:
        assert (media / name).read_bytes()[:4] == b"OggS"
    tags = note_of(collection, "n5.v.nihon").cards()[0].answer_av_tags()
    assert [tag.filename for tag in tags] == SOUND.findall(note_of(collection, "n5.v.nihon")["Audio"]) + \
        SOUND.findall(note_of(collection, "n5.v.nihon")["ExampleAudio"])


def test_a_kanji_deck_carries_readings_words_and_stroke_order(app, course, collection):
    deck = build(services.level_deck(["N5"], "kanji"))
    import_deck(collection, deck.path)
    assert collection.note_count() == 3 and collection.card_count() == 3
    note = note_of(collection, "n5.k.日")
    assert (note["Kanji"], note["Onyomi"], note["Kunyomi"], note["Strokes"]) == ("日", "ニチ", "ひ", "4")
    assert note["English"] == "day; sun"
    drawing = re.search(r'src="([^"]+)"', note["StrokeOrder"]).group(1)
    assert (Path(collection.media.dir()) / drawing).read_text(encoding="utf-8").count("<path") == 4
    answer = note.cards()[0].answer()
    assert "<ruby><rb>日本</rb><rt>にほん</rt></ruby>" in answer           # an example word, with furigana
    assert '<dd lang="ja">ニチ</dd>' in answer
    assert note.cards()[0].question().count("日") >= 1 and "<ruby>" not in note.cards()[0].question()


def test_a_grammar_deck_shows_examples_with_furigana_and_their_audio(app, course, collection):
    deck = build(services.level_deck(["N5"], "grammar"))
    import_deck(collection, deck.path)
    note = note_of(collection, "n5.g.wa-desu")
    answer = note.cards()[0].answer()
    assert "アリさんは<ruby><rb>日本</rb><rt>にほん</rt></ruby><ruby><rb>人</rb><rt>じん</rt></ruby>です。" in answer
    assert "[sound:" not in answer                                      # Anki took the sounds out …
    assert len(note.cards()[0].answer_av_tags()) == 3                   # … as one per example sentence
    assert '<bdi lang="ja">です</bdi>' in note["FormationUrdu"]           # Japanese isolated inside Urdu


def test_a_newer_deck_updates_notes_in_place_and_keeps_the_reviews(app, course, collection, editable_course):
    first = build(services.level_deck(["N5"], "vocab"))
    import_deck(collection, first.path)
    card = note_of(collection, "n5.v.taberu").cards()[0]
    card.start_timer()
    collection.sched.answerCard(card, 3)                                  # "Good": the card is learning now
    card.load()
    assert card.reps == 1
    reviews = collection.db.scalar("select count() from revlog where cid = ?", card.id)

    vocab = editable_course / "n5" / "vocab" / "l01.yaml"
    vocab.write_text(vocab.read_text(encoding="utf-8").replace("en: [to eat]", "en: [to eat, to have a meal]"),
                     encoding="utf-8")
    later = utcnow() + timedelta(minutes=5)
    sync.sync(db.session, loader.load(editable_course), now=later)
    db.session.commit()
    second = build(services.level_deck(["N5"], "vocab"), now=later)
    assert second.made and second.path != first.path and not first.path.exists()   # rebuilt, old one gone

    log = import_deck(collection, second.path)
    assert len(log.new) == 0 and len(log.updated) >= 1
    assert collection.note_count() == 6 and collection.card_count() == 6        # updated, not duplicated
    note = note_of(collection, "n5.v.taberu")
    assert note["English"] == "to eat; to have a meal"
    again = note.cards()[0]
    assert again.id == card.id and again.reps == 1 and again.type == card.type and again.due == card.due
    assert collection.db.scalar("select count() from revlog where cid = ?", card.id) == reviews == 1


def test_the_same_content_is_served_from_the_cache(app, course):
    selection = services.level_deck(["N5"], "vocab")
    first = build(selection)
    again = build(services.level_deck(["N5"], "vocab"), now=utcnow() + timedelta(hours=1))
    assert first.made and not again.made
    assert again.path == first.path and (again.notes, again.cards, again.media) == (first.notes, first.cards,
                                                                                    first.media)
    assert len(list(first.path.parent.glob("*.apkg"))) == 1


def test_lesson_and_studied_decks(app, course, collection):
    from app.models import Card
    from tests.factories import create_user

    lesson = build(services.lesson_deck("n5.l01", None, "grammar"))
    assert lesson.notes == 1 and lesson.download_name == "kakehashi-n5.l01-grammar.apkg"
    ranged = services.lesson_deck("n5.l01", "n5.l01", "vocab")
    assert ranged.name == "Kakehashi::JLPT N5::Lesson 1::Vocabulary" and len(ranged.items) == 6

    learner = create_user(email="sana@example.com")
    for item_id, kind in [("n5.v.taberu", "meaning"), ("n5.v.taberu", "listening"), ("n5.v.hito", "meaning"),
                          ("n5.k.人", "kanji")]:
        db.session.add(Card(user_id=learner.id, item_id=item_id, kind=kind, lesson_id="n5.l01"))
    db.session.commit()
    mine = services.studied_deck(learner.id, "vocab")
    assert [item.id for item in mine.items] == ["n5.v.hito", "n5.v.taberu"]     # in course order, once each
    import_deck(collection, build(mine).path)
    assert collection.note_count() == 2 and collection.decks.by_name("Kakehashi::Studied::Vocabulary")


def test_a_workplace_module_deck_imports_its_words(app, course, collection):
    deck = build(services.module_deck("module.care"))
    import_deck(collection, deck.path)
    assert collection.note_count() == 3 and collection.card_count() == 3
    assert collection.decks.by_name("Kakehashi::Japanese for work::Care work::Vocabulary")
    note = note_of(collection, "care.v.kaigo")
    card = note.cards()[0]
    assert "<ruby>" in card.question() and "نگہداشت" in card.answer()
