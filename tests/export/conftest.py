"""Decks built from the small fixture course into a folder of the test's own, and a fresh Anki
collection (the real `anki` package from PyPI) to import them into."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.curriculum import loader, sync
from app.extensions import db
from app.models import utcnow

GOOD_CONTENT = Path(__file__).parents[1] / "fixtures" / "content" / "good"


@pytest.fixture
def decks_dir(app, tmp_path):
    folder = tmp_path / "decks"
    app.config["DECKS_DIR"] = str(folder)
    return folder


@pytest.fixture
def course(app, decks_dir):
    """The fixture course loaded into the database."""
    sync.sync(db.session, loader.load(GOOD_CONTENT), now=utcnow())
    db.session.commit()


@pytest.fixture
def editable_course(tmp_path):
    """A copy of the fixture course that a test may change."""
    folder = tmp_path / "content"
    shutil.copytree(GOOD_CONTENT, folder)
    return folder


@pytest.fixture
def collection(tmp_path):
    """An empty Anki collection, as a new Anki installation has."""
    anki_collection = pytest.importorskip("anki.collection")
    folder = tmp_path / "anki"
    folder.mkdir()
    col = anki_collection.Collection(str(folder / "collection.anki2"))
    yield col
    col.close()


def import_deck(col, path: Path):
    """Import an .apkg as Anki's import dialog does by default: scheduling kept, notes updated when
    the file's are newer."""
    from anki.collection import ImportAnkiPackageOptions, ImportAnkiPackageRequest
    from anki.import_export_pb2 import IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER as IF_NEWER

    options = ImportAnkiPackageOptions(with_scheduling=True, update_notes=IF_NEWER, update_notetypes=IF_NEWER)
    return col.import_anki_package(ImportAnkiPackageRequest(package_path=str(path), options=options)).log
