"""A card as Anki shows it: built, imported into a real collection (the `anki` package), its HTML
rendered by Anki and shown in Chromium on a phone-sized screen, light and dark.

Anki's reviewer puts the card's HTML in a page whose <body> has the class "card" (and "nightMode"
on the desktop, "night_mode" on AnkiDroid in dark mode), with the collection's media folder as the
base; sounds become replay buttons. The page here does the same.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.curriculum import loader, sync
from app.export import services
from app.extensions import db
from app.models import utcnow
from tests.browser.conftest import PHONE

anki_collection = pytest.importorskip("anki.collection")

GOOD_CONTENT = Path(__file__).parents[1] / "fixtures" / "content" / "good"
PLAY = re.compile(r"\[anki:play:[qa]:\d+\]")
REPLAY_BUTTON = ('<a class="replay-button soundLink" href="#"><svg class="playImage" viewBox="0 0 64 64">'
                 '<circle cx="32" cy="32" r="29" fill="#fff" stroke="#414141"/>'
                 '<path d="M56.5,32.3 L19,52.4 L19.3,11.6 Z" fill="#414141"/></svg></a>')
PAGE = """<!doctype html><html><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><base href="{base}/"></head>
<body class="{classes}"><div id="qa">{html}</div></body></html>"""


@pytest.fixture
def collection(app, tmp_path):
    app.config["DECKS_DIR"] = str(tmp_path / "decks")
    sync.sync(db.session, loader.load(GOOD_CONTENT), now=utcnow())
    db.session.commit()
    folder = tmp_path / "anki"
    folder.mkdir()
    col = anki_collection.Collection(str(folder / "collection.anki2"))
    for kind in ("vocab", "kanji", "grammar"):
        deck = services.deck_file(services.level_deck(["N5"], kind), now=utcnow())
        request = anki_collection.ImportAnkiPackageRequest(
            package_path=str(deck.path), options=anki_collection.ImportAnkiPackageOptions(with_scheduling=True))
        col.import_anki_package(request)
    yield col
    col.close()


def card_page(col, note_type: str, headword: str, side: str, dark: bool) -> Path:
    note_id = next(nid for nid in col.find_notes(f'"note:{note_type}"') if col.get_note(nid).fields[0] == headword)
    card = col.get_note(note_id).cards()[0]
    html = PLAY.sub(REPLAY_BUTTON, card.answer() if side == "answer" else card.question())
    classes = "card card1" + (" nightMode night_mode" if dark else "")
    media = Path(col.media.dir())
    page = media / f"_page-{headword}-{side}-{'dark' if dark else 'light'}.html"
    page.write_text(PAGE.format(base=media.as_uri(), classes=classes, html=html), encoding="utf-8")
    return page


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("note_type, headword, side", [
    ("Kakehashi Vocabulary", "日本", "answer"),
    ("Kakehashi Vocabulary", "食べる", "question"),
    ("Kakehashi Kanji", "日", "answer"),
    ("Kakehashi Grammar", "〜は〜です", "answer"),
])
def test_a_card_reads_well_on_a_phone(browser, collection, screenshot_dir, note_type, headword, side, dark):
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(card_page(collection, note_type, headword, side, dark).as_uri())
    page.evaluate("document.fonts.ready")
    name = f"anki-{note_type.split()[-1].lower()}-{side}-{'dark' if dark else 'light'}.png"
    page.screenshot(path=str(screenshot_dir / name), full_page=True)

    fits = page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    assert fits, "the card is wider than a 360-px screen"
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    ink = page.evaluate("getComputedStyle(document.body).color")
    assert (background, ink) == (("rgb(28, 31, 37)", "rgb(230, 232, 235)") if dark
                                 else ("rgb(251, 250, 247)", "rgb(29, 36, 48)"))
    assert page.locator("[lang=ja]").count() >= 1
    if side == "answer":
        urdu = page.locator('[lang="ur"][dir="rtl"]').first
        assert "Nastaliq" in urdu.evaluate("e => getComputedStyle(e).fontFamily")
        assert urdu.evaluate("e => getComputedStyle(e).direction") == "rtl"
    if note_type == "Kakehashi Grammar" and side == "answer":        # です inside the Urdu formation
        short = page.locator('[lang="ur"] bdi[lang="ja"]').first
        assert short.evaluate("e => getComputedStyle(e).whiteSpace") == "nowrap"
    if note_type == "Kakehashi Kanji":
        drawn = page.locator(".strokes img").evaluate("img => img.complete && img.naturalWidth > 0")
        assert drawn, "the stroke-order drawing did not load"
    if headword in ("日本", "食べる"):
        assert page.locator(".word ruby rt").count() >= 1               # furigana over the word
    context.close()
