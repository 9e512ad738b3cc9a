"""Speed of ruby_html against bare fugashi tokenising the same text, in the same run.

    python -m bench.furigana [--size BYTES] [--runs N]

About 1 MB of mixed text, built from whole passes over a sentence set, each pass shuffled, so
every sentence is used the same number of times: with the dev set (2,059 sentences, ~100 kB,
read from ../shared) that is 10 times each for 1 MB; without it, the 18 sentences of our own
in FALLBACK (numbers, kana, Latin and symbols mixed in) repeat some 800 times each.

Both sides get the same lines one at a time, and their runs alternate (bare, uncached, bare,
uncached …) so a noisy machine slows both alike; each figure is the best of --runs.
"uncached" switches the per-sentence cache off and empties the engine's per-word memos before
each run (they fill again as words recur within the run, as words do in real text);
"cached" runs with both on and warm, as pages that show the same sentences again would.
"""

from __future__ import annotations

import argparse
import random
import sys
import time

import fugashi

from app.japanese import readings, ruby_html
from bench.readings import DEV_SET, load_dev_set

FALLBACK = """私は毎朝七時に起きて、コーヒーを一杯飲みます。
駅まで歩いて10分かかります。
日本語の勉強は楽しいですが、漢字は難しいです。
昨日、友達と一緒に新宿で映画を見ました。
このりんごは三つで四百円です。
来週の土曜日に、大阪へ行く予定です。
兄は二十歳で、大学の三年生です。
図書館で本を三冊借りて、二週間後に返しました。
Please write your name: 山田 太郎 (やまだ たろう)
何時に会いましょうか？　４時はどうですか。
猫が二匹と犬が一匹います。
この部屋は八階にあります。エレベーターは右です。
ｶﾀｶﾅの看板と😀の絵文字、そして<b>HTML</b>も混ざっています。
申し込みは四月一日から二十日までです。
お茶とお菓子をどうぞ。
先生に質問してもいいですか。
電車が遅れたので、会議に三十分遅刻しました。
彼女は毎日六時間ぐらい働いています。
""".splitlines()


def mixed_text(size: int, seed: int = 2026) -> list[str]:
    """Lines adding up to about `size` bytes of UTF-8: shuffled whole passes over the sentences,
    so none is used more often than another (see the module doc)."""
    sentences = [text for text, _ in load_dev_set()] if DEV_SET.exists() else FALLBACK
    rng = random.Random(seed)
    lines, total = [], 0
    while total < size:
        batch = list(sentences)
        rng.shuffle(batch)
        for line in batch:
            lines.append(line)
            total += len(line.encode("utf-8")) + 1
            if total >= size:
                break
    return lines


def seconds(work, lines: list[str]) -> float:
    started = time.perf_counter()
    for line in lines:
        work(line)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=1_000_000, help="bytes of text (default 1 MB)")
    parser.add_argument("--runs", type=int, default=5, help="best of this many runs (default 5)")
    args = parser.parse_args(argv)
    lines = mixed_text(args.size)
    chars = sum(len(line) for line in lines)
    tagger = fugashi.Tagger()

    def bare_fugashi(line: str) -> None:
        for _ in tagger(line):                            # every node made, as a caller would
            pass
    ruby_html("準備")                                     # load the dictionary and tables first

    bare = uncached = float("inf")
    for _ in range(args.runs):                            # alternate, so noise hits both sides
        bare = min(bare, seconds(bare_fugashi, lines))
        readings.set_cache(False)                         # also empties the per-word memos
        uncached = min(uncached, seconds(ruby_html, lines))
    readings.set_cache(True)
    seconds(ruby_html, lines)                             # warm the cache
    cached = min(seconds(ruby_html, lines) for _ in range(args.runs))

    source = "dev-set sentences" if DEV_SET.exists() else "built-in sentences"
    uses = len(lines) / len(set(lines))
    print(f"{len(lines)} lines, {chars:,} characters ({source}, each used ~{uses:.0f} times)")
    for name, took in (("bare fugashi", bare), ("ruby_html uncached", uncached), ("ruby_html cached", cached)):
        print(f"{name:20} {took:6.3f} s  {chars / took:12,.0f} chars/s")
    print(f"furigana: {uncached / bare:.2f} x bare fugashi (uncached), {cached / bare:.2f} x (cached)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
