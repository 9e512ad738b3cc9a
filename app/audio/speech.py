"""Japanese speech, made offline with OpenJTalk (pyopenjtalk-plus: its dictionary and the HTS voice
"Mei", CC BY 3.0, ship with the package) and encoded as Ogg Opus, small enough for 3G.

OpenJTalk reads text with its own dictionary, which misreads some of what our engine reads right
(私 わたくし, 日本 にっぽん, 一日 as a date). So each text is read both ways: where OpenJTalk's
pronunciation agrees with our reading it speaks the text (its accents are best from the text);
where they differ it speaks our reading, written in katakana. Pure: no Flask, no database.
"""

from __future__ import annotations

import hashlib
import io
import re
import threading
import warnings
from functools import cache
from pathlib import Path

from app import japanese

VOICE = "mei-normal-1"          # part of every file's key: a new voice makes new files
SAMPLE_RATE = 48_000
MAX_CHARS = 400
_lock = threading.Lock()        # one synthesis at a time per process: OpenJTalk keeps global state
# pyopenjtalk-plus 0.4.1 calls a SudachiPy API that SudachiPy 0.7 deprecates; harmless, and not ours.
warnings.filterwarnings("ignore", message=r"Dictionary\.create\(\) is deprecated", category=DeprecationWarning)

_PUNCTUATION = re.compile(r"[\s、。，．！？!?「」『』（）()・…―ー〜～,.]")
_VOWEL_OF = {}
for _row, _vowel in (("あかさたなはまやらわがざだばぱぁゃゎ", "あ"), ("いきしちにひみりぎじぢびぴぃ", "い"),
                     ("うくすつぬふむゆるぐずづぶぷぅゅゔ", "う"), ("えけせてねへめれげぜでべぺぇ", "え"),
                     ("おこそとのほもよろをごぞどぼぽぉょ", "お")):
    for _kana in _row:
        _VOWEL_OF[_kana] = _vowel


def _sounds(kana: str) -> str:
    """Kana as they sound, so spelling and pronunciation compare: ー and the long-vowel spellings
    おう/えい become doubled vowels, を is お; punctuation and spaces go."""
    out: list[str] = []
    for ch in japanese.to_hiragana(kana):
        if ch == "ー" and out:
            ch = _VOWEL_OF.get(out[-1], "")
        elif ch == "を":
            ch = "お"
        elif out and ch in "うい" and _VOWEL_OF.get(out[-1]) == ("お" if ch == "う" else "え"):
            ch = _VOWEL_OF[out[-1]]
        if not _PUNCTUATION.fullmatch(ch):
            out.append(ch)
    return "".join(out)


def our_pronunciation(text: str) -> str:
    """Our engine's reading of `text` in katakana as it is spoken: the particles は and へ as わ and え."""
    parts = []
    for token in japanese.tokens(text):
        if token.pos == "助詞" and token.surface in ("は", "へ"):
            parts.append("ワ" if token.surface == "は" else "エ")
        elif _PUNCTUATION.fullmatch(token.surface[:1] or " ") and len(token.surface) == 1:
            parts.append(token.surface)
        else:
            parts.append(japanese.to_katakana(token.reading or token.surface))
    return "".join(parts)


def spoken_text(text: str, reading: str | None = None) -> str:
    """What OpenJTalk is given: the text itself where it reads it as we do, else our reading in
    katakana. `reading` is the known reading of a single word (a vocabulary entry's); without it
    the engine reads the text."""
    text = text.strip()[:MAX_CHARS]
    ours = japanese.to_katakana(reading) if reading else our_pronunciation(text)
    with _lock:
        theirs = _openjtalk().g2p(text, kana=True)
    return text if _sounds(theirs) == _sounds(ours) else ours


@cache
def engine_version() -> str:
    """Changes when the reading engine or its overrides change (the spoken text may change then)."""
    digest = hashlib.sha256(VOICE.encode())
    root = Path(__file__).resolve().parents[2]
    for path in sorted([*(root / "app" / "japanese").glob("*.py"), root / "content" / "readings.yaml"]):
        if path.exists():
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def text_key(text: str, reading: str | None) -> str:
    """The name under which the decision for a text (what is spoken) is kept."""
    return hashlib.sha256(f"{engine_version()}\n{reading or ''}\n{text.strip()[:MAX_CHARS]}".encode()).hexdigest()[:32]


def key(spoken: str) -> str:
    """The file name of the audio of a spoken text: the same sounds in the same voice are made once."""
    return hashlib.sha256(f"{VOICE}\n{spoken}".encode()).hexdigest()[:32]


def synthesize(spoken: str) -> bytes:
    """Ogg Opus audio of a spoken text (from spoken_text)."""
    import numpy as np
    import soundfile

    with _lock:
        samples, rate = _openjtalk().tts(spoken)
    pcm = np.clip(samples, -32768, 32767).astype(np.int16)
    buffer = io.BytesIO()
    soundfile.write(buffer, pcm, rate, format="OGG", subtype="OPUS")
    return buffer.getvalue()


@cache
def _openjtalk():
    """Imported on first use: loading the dictionary takes a moment and most requests need none."""
    import contextlib

    with contextlib.redirect_stdout(io.StringIO()):     # it prints a notice about optional ONNX models
        import pyopenjtalk
    return pyopenjtalk
