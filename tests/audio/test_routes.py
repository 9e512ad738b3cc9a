"""/audio/<id>/<n>.ogg: made once, kept as a file, cached by the browser for a year."""

from pathlib import Path

import pytest

from app.curriculum import loader, sync
from app.extensions import db
from app.models import ContentItem, utcnow
from tests.factories import create_user

GOOD_CONTENT = Path(__file__).parents[1] / "fixtures" / "content" / "good"


@pytest.fixture
def learner(app, client, auth):
    sync.sync(db.session, loader.load(GOOD_CONTENT), now=utcnow())
    db.session.commit()
    create_user(email="ali@example.com")
    auth.login("ali@example.com")


def get(client, path):
    response = client.get(path)
    response.get_data()
    response.close()            # a file response holds the file open until closed
    return response


def test_a_word_is_spoken_once_and_cached(client, learner, app):
    version = db.session.get(ContentItem, "n5.v.taberu").content_hash[:10]
    first = get(client, f"/audio/n5.v.taberu/0.ogg?v={version}")
    assert first.status_code == 200 and first.mimetype == "audio/ogg" and first.data[:4] == b"OggS"
    assert first.cache_control.immutable and first.cache_control.max_age == 365 * 24 * 3600
    files = list(Path(app.config["AUDIO_DIR"]).rglob("*.ogg"))
    made = {f: f.stat().st_mtime_ns for f in files}
    again = get(client, f"/audio/n5.v.taberu/0.ogg?v={version}")
    assert again.data == first.data
    assert {f: f.stat().st_mtime_ns for f in Path(app.config["AUDIO_DIR"]).rglob("*.ogg")} == made
    stale = get(client, "/audio/n5.v.taberu/0.ogg?v=old")
    assert not stale.cache_control.immutable                            # an old URL is not cached for long


@pytest.mark.parametrize("path", ["/audio/n5.v.taberu/9.ogg", "/audio/nothing/0.ogg", "/audio/n5.k.日/0.ogg",
                                  "/audio/n5.v.taberu/-1.ogg"])
def test_only_texts_of_the_curriculum_can_be_spoken(client, learner, path):
    assert get(client, path).status_code == 404


def test_audio_needs_a_login(client, app):
    assert client.get("/audio/n5.v.taberu/0.ogg").status_code == 302


def test_a_range_request_gets_part_of_the_file(client, learner):
    response = client.get("/audio/n5.v.taberu/0.ogg", headers={"Range": "bytes=0-99"})
    assert response.status_code == 206 and len(response.get_data()) == 100
    response.close()


def test_pages_offer_audio(client, learner):
    page = client.get("/word/n5.v.taberu").get_data(as_text=True)
    assert 'href="/audio/n5.v.taberu/0.ogg?v=' in page and "data-audio" in page
    lesson = client.get("/lesson/n5.l01").get_data(as_text=True)
    assert 'href="/audio/n5.l01/0.ogg?v=' in lesson and "js/audio.js" in lesson


def test_audio_build_makes_every_file_once(app, runner):
    sync.sync(db.session, loader.load(GOOD_CONTENT), now=utcnow())
    db.session.commit()
    first = runner.invoke(args=["audio", "build", "--level", "care"])
    assert first.exit_code == 0, first.output
    # 3 words, 1 example, 2 dialogue lines and a notice that says the same as a line: 7 texts, 6 files
    assert "audio: 7 texts, 6 files made" in first.output
    again = runner.invoke(args=["audio", "build", "--level", "care"])
    assert "0 files made" in again.output


def test_audio_build_leaves_an_index_that_finds_each_file_without_the_engine(app, runner):
    import json
    from pathlib import Path

    from app.audio import routes, speech
    from app.japanese import readings

    sync.sync(db.session, loader.load(GOOD_CONTENT), now=utcnow())
    db.session.commit()
    result = runner.invoke(args=["audio", "build", "--level", "care"])
    assert "7 texts in the index" in result.output           # 6 files, 7 texts (two say the same)
    root = Path(app.config["AUDIO_DIR"])
    index = json.loads((root / routes.SNAPSHOT).read_text(encoding="utf-8"))
    made = routes.audio_file("食事を手伝います。")
    assert index[speech.text_key("食事を手伝います。", None)] == made.stem
    readings.set_cache(True)                                  # a new process: nothing known yet …
    (root / "by-text" / f"{speech.text_key('食事を手伝います。', None)}.txt").unlink()
    assert routes.audio_file("食事を手伝います。") == made    # … the index alone finds the file
    (root / routes.SNAPSHOT).write_text("{not json", encoding="utf-8")
    readings.set_cache(True)
    assert routes.audio_file("食事を手伝います。") == made    # a damaged index: made or found again
