"""Every string a user can read is translated into Urdu, with the same placeholders."""

import re
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
PO = ROOT / "app" / "translations" / "ur" / "LC_MESSAGES" / "messages.po"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")
URDU_LETTER = re.compile(r"[\u0600-\u06FF]")


def _catalogue():
    with PO.open("rb") as f:
        return read_po(f, locale="ur")


def _source_messages() -> set[str]:
    method_map = [("app/**.py", "python"), ("app/templates/**.html", "jinja2")]
    keywords = {"_": None, "gettext": None, "ngettext": (1, 2), "_l": None, "lazy_gettext": None}
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(str(ROOT), method_map, keywords=keywords):
        found.add(message if isinstance(message, str) else message[0])
    return found


def test_every_source_string_is_in_the_urdu_catalogue():
    catalogue = _catalogue()
    missing = sorted(m for m in _source_messages() if catalogue.get(m) is None)
    assert missing == [], "run `make messages` and translate the new entries"


def test_every_entry_is_translated_into_urdu_script():
    problems = []
    for message in _catalogue():
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            problems.append(("untranslated or fuzzy", message.id))
        elif not all(URDU_LETTER.search(s) for s in strings) and not PLACEHOLDER.fullmatch(strings[0]):
            problems.append(("not in Urdu script", message.id))
    assert problems == []


def test_placeholders_match():
    problems = []
    for message in _catalogue():
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = sorted(set(PLACEHOLDER.findall(ids[-1])))
        for s in strings:
            if sorted(set(PLACEHOLDER.findall(s))) != wanted:
                problems.append(message.id)
    assert problems == []
