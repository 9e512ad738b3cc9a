"""Which Japanese texts a content entry speaks, in a fixed order: the n of /audio/<id>/<n>.ogg. Pure."""

from __future__ import annotations


def spoken_texts(kind: str, data: dict) -> list[tuple[str, str | None]]:
    """(text, reading) pairs: the reading is known for a word (its content reading) and is what
    must be heard; for sentences the engine decides (speech.spoken_text)."""
    texts: list[tuple[str, str | None]] = []
    if kind == "vocab":
        texts.append((data["word"].lstrip("〜～"), data["reading"].lstrip("〜～")))
        if data.get("example"):
            texts.append((data["example"]["ja"], None))
    elif kind == "grammar":
        texts += [(example["ja"], None) for example in data.get("examples", [])]
    elif kind == "lesson":
        texts += [(line["ja"], None) for line in data["dialogue"]["lines"]]
        texts.append((data["reading"]["ja"], None))
    elif kind == "module":
        texts += [(line["ja"], None) for dialogue in data.get("dialogues", []) for line in dialogue["lines"]]
        texts += [(notice["ja"], None) for notice in data.get("readings", [])]
    return texts


def index_of(kind: str, data: dict, text: str) -> int | None:
    """Where `text` is among an entry's spoken texts (templates ask by text)."""
    for n, (spoken, _) in enumerate(spoken_texts(kind, data)):
        if spoken == text:
            return n
    return None
