"""Reading accuracy on the development set, our engine beside bare fugashi and pykakasi.

    python -m bench.readings            # figures; the last line is the summary
    python -m bench.readings --errors   # also every sentence the engine reads wrongly

Sentence exact match and character error rate, after the dev set's normalisation (NFKC,
katakana → hiragana, punctuation and spaces dropped). The dev set lives outside the repository
(../shared/data/readings_dev.tsv); without it this prints why and exits cleanly.
"""

from __future__ import annotations

import argparse
import sys
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

from app.japanese import reading, to_hiragana

DEV_SET = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "readings_dev.tsv"


def load_dev_set(path: Path = DEV_SET) -> list[tuple[str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            text, _, gold = line.partition("\t")
            rows.append((text, gold))
    return rows


def comparable(text: str) -> str:
    """The dev set's normalisation: NFKC, hiragana, no punctuation, symbols or spaces."""
    text = to_hiragana(unicodedata.normalize("NFKC", text))
    return "".join(c for c in text if unicodedata.category(c)[0] not in "PZSC")


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def bare_fugashi() -> Callable[[str], str]:
    import fugashi

    tagger = fugashi.Tagger()
    return lambda text: "".join(to_hiragana(w.feature.kana or w.surface) for w in tagger(text))


def bare_pykakasi() -> Callable[[str], str]:
    import pykakasi

    kakasi = pykakasi.kakasi()
    return lambda text: "".join(item["hira"] for item in kakasi.convert(text))


def score(read: Callable[[str], str], rows: list[tuple[str, str]]) -> tuple[float, float, list, float]:
    """(exact-match share, character error rate, errors, seconds)."""
    exact, edits, length, errors = 0, 0, 0, []
    started = time.perf_counter()
    for text, gold in rows:
        got, want = comparable(read(text)), comparable(gold)
        if got == want:
            exact += 1
        else:
            edits += edit_distance(got, want)
            errors.append((text, want, got))
        length += len(want)
    return exact / len(rows), edits / max(length, 1), errors, time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--errors", action="store_true", help="print each sentence the engine gets wrong")
    parser.add_argument("--dev-set", type=Path, default=DEV_SET)
    args = parser.parse_args(argv)
    if not args.dev_set.exists():
        print(f"readings: skipped, no dev set at {args.dev_set}")
        return 0
    rows = load_dev_set(args.dev_set)
    results = {}
    for name, read in (("kakehashi", reading), ("fugashi", bare_fugashi()), ("pykakasi", bare_pykakasi())):
        results[name] = score(read, rows)
        accuracy, cer, errors, seconds = results[name]
        print(f"{name:10} exact {accuracy:.3f}  CER {cer:.4f}  errors {len(errors):4}  {seconds:.2f} s")
    if args.errors:
        print("\nkakehashi errors (text / gold / ours):")
        for text, want, got in results["kakehashi"][2]:
            print(f"{text}\n    gold {want}\n    ours {got}")
    line = "  ".join(f"{name} {result[0]:.3f}" for name, result in results.items())
    print(f"readings: {line}  ({len(rows)} sentences)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
