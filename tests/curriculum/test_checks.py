"""Each kind of broken content gets a problem that names its file, line, id and field.

The broken courses are the good fixture course with one thing changed (a copy in tmp_path)."""

import shutil
from pathlib import Path

import pytest

from app.curriculum import checks, loader

GOOD = Path(__file__).parents[1] / "fixtures" / "content" / "good"


@pytest.fixture
def course(tmp_path):
    root = tmp_path / "content"
    shutil.copytree(GOOD, root)
    return root


def _edit(root: Path, relative: str, old: str, new: str) -> None:
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relative}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _problems(root: Path) -> list[str]:
    return [str(p) for p in checks.check(loader.load(root))]


def test_the_good_course_has_no_problem(course):
    assert _problems(course) == []


LESSON = "n5/lessons/l01.yaml"
VOCAB = "n5/vocab/l01.yaml"


@pytest.mark.parametrize("relative, old, new, expected", [
    # YAML syntax error: the file and the line, nothing else loaded from it
    (VOCAB, "  pos: pronoun\n", "  pos: [pronoun\n", "content/n5/vocab/l01.yaml:5: -: -: YAML syntax error"),
    # a wrong field type
    ("n5/kanji.yaml", "strokes: 2", "strokes: two", "content/n5/kanji.yaml:7: n5.k.人: strokes: Input should be a valid integer"),
    # an unknown reference
    (LESSON, "vocab: [n5.v.watashi,", "vocab: [n5.v.nothing, n5.v.watashi,",
     "content/n5/lessons/l01.yaml:5: n5.l01: vocab.0: n5.v.nothing is not a vocab entry"),
    # a duplicate id
    (VOCAB, "- id: n5.v.gakusei", "- id: n5.v.watashi", "n5.v.watashi: id: is used already at content/n5/vocab/l01.yaml:1"),
    # a reading that does not match its word
    (VOCAB, "reading: たべる", "reading: たへる", "n5.v.taberu: reading: is たへる but the engine reads 食べる as たべる"),
    # missing Urdu
    (VOCAB, "  ur: [طالب علم]\n", "", "content/n5/vocab/l01.yaml:11: n5.v.gakusei: ur: is missing"),
    # romanised "Urdu"
    (VOCAB, "ur: [طالب علم]", "ur: [talib ilm]", "n5.v.gakusei: ur.0: must be written in Urdu script"),
    # missing English in a translation
    (LESSON, "title: {en: Nice to meet you, ur:", "title: {ur:", "n5.l01: title.en: is missing"),
    # a kanji used before it is taught
    (LESSON, "ja: わたしはアリです。がくせいです。", "ja: わたしはアリです。学生です。",
     "content/n5/lessons/l01.yaml:11: n5.l01: dialogue.lines.0.ja: uses the kanji 学 before it is taught"),
    # a word used before it is taught
    (LESSON, "reading:\n  ja: アリさんはがくせいです。", "reading:\n  ja: アリさんはすしがすきです。",
     "n5.l01: reading.ja: uses the word すし"),
    # a key written twice
    (VOCAB, "  pos: pronoun\n", "  pos: pronoun\n  pos: noun\n", "content/n5/vocab/l01.yaml:5: -: pos: this key appears twice"),
    # a verb without its class
    (VOCAB, "  verb_class: ichidan\n", "", "verb_class: a verb needs its class"),
    # an answer that is not an option
    (LESSON, 'answer: "0"\n  - type: typed\n    prompt: {en: Type the missing', 'answer: "3"\n  - type: typed\n    prompt: {en: Type the missing',
     "exercises.0: answer: 3 is not the index of an option"),
    # a misspelt field
    ("n5/kanji.yaml", "  strokes: 4", "  stroke: 4", "n5.k.日: stroke: is not a field of this kind"),
    # an exercise of no known type
    (LESSON, "  - type: order", "  - type: puzzle", "n5.l01: exercises.2.type: type must be choice, typed or order"),
    # a stroke count KanjiVG disagrees with
    ("n5/kanji.yaml", "strokes: 5", "strokes: 6", "n5.k.本: strokes: is 6 but KanjiVG draws 本 in 5 strokes"),
    # an id that does not fit its place
    (VOCAB, "- id: n5.v.hito", "- id: n4.v.hito", "n4.v.hito: id: a vocab in content/n5/ has an id starting n5.v"),
])
def test_each_problem_names_file_line_id_and_field(course, relative, old, new, expected):
    _edit(course, relative, old, new)
    problems = _problems(course)
    assert any(expected in p for p in problems), "\n".join(problems)


def test_a_word_no_lesson_introduces_is_reported(course):
    _edit(course, LESSON, "n5.v.hito, n5.v.taberu]", "n5.v.hito]")
    assert any("n5.v.taberu: id: no lesson or module introduces it" in p for p in _problems(course))


def test_a_file_in_the_wrong_place_is_reported(course):
    (course / "n5" / "words.yaml").write_text("[]\n", encoding="utf-8")
    assert any("content/n5/words.yaml:1" in p and "not where any kind of content lives" in p for p in _problems(course))


def test_yaml_booleans_stay_strings(course):
    # "no" unquoted would be False in YAML 1.1: our loader keeps it the romaji it is.
    _edit(course, "kana/hiragana.yaml", 'romaji: "no"', "romaji: no")
    content = loader.load(course)
    assert _problems(course) == []
    assert [e.model.romaji for e in content.of("kana")] == ["a", "no"]


def test_a_reading_note_accepts_a_reading_the_engine_does_not_give(course):
    _edit(course, VOCAB, "reading: たべる", "reading: たべる\n  reading_note: test")
    _edit(course, VOCAB, "reading: たべる", "reading: くう")
    assert not any("n5.v.taberu: reading" in p for p in _problems(course))


def test_names_in_allowed_yaml_are_not_words_to_teach(course):
    _edit(course, "allowed.yaml", "names: [アリ, サナ]", "names: [サナ]")
    assert any("uses the word アリ" in p for p in _problems(course))


def test_problems_are_sorted_by_file_and_line(course):
    _edit(course, VOCAB, "ur: [طالب علم]", "ur: [talib]")
    _edit(course, LESSON, "ja: 人", "ja: 食")
    problems = checks.check(loader.load(course))
    assert problems == sorted(problems, key=lambda p: (p.file, p.line, p.field, p.message))


@pytest.mark.parametrize("text, unknown", [
    ("6時におきます。", []),                 # MeCab reads おき as 於く: the taught おきる's stem
    ("つかってください。", []),             # … つかっ as 浸かる: the taught つかう
    ("あそびに行きます。", []),             # … the noun 遊び: the taught あそぶ
    ("何日ですか。", []),                   # a counter after a number is part of the number
    ("30ぷんです。", []),
    ("ねこがいます。", ["ねこ (猫)"]),       # an untaught word in kana is still caught
    ("けしてください。", ["けして (決して)"]),  # a one-kana stem (けす) is not enough for a non-verb
])
def test_kana_the_dictionary_misreads_count_as_the_taught_word(text, unknown):
    from app.curriculum.checks import Taught, _unknown_words

    taught = Taught(set(), set(), set())
    for word, reading, pos in [("起きる", "おきる", "verb"), ("使う", "つかう", "verb"), ("遊ぶ", "あそぶ", "verb"),
                               ("消す", "けす", "verb"), ("行く", "いく", "verb")]:
        taught.add_vocab(word, reading, pos)
    taught.kanji.update("行")
    assert list(_unknown_words(text, taught, set())) == unknown


MODULE = "modules/care/module.yaml"
MODULE_VOCAB = "modules/care/vocab.yaml"


@pytest.mark.parametrize("relative, old, new, expected", [
    (MODULE, "id: module.care", "id: module.farm",
     "content/modules/care/module.yaml:1: module.farm: id: the module in content/modules/care/ has the id module.care"),
    (MODULE, "after: n5", "after: n9", "module.care: after: n9 is not a course"),
    (MODULE, "vocab: [care.v.kaigo,", "vocab: [n5.v.taberu, care.v.kaigo,",
     "module.care: vocab.0: n5.v.taberu is not a word of content/modules/care/vocab.yaml"),
    (MODULE, "vocab: [care.v.kaigo, ", "vocab: [",
     "content/modules/care/vocab.yaml:1: care.v.kaigo: id: no lesson or module introduces it"),
    (MODULE_VOCAB, "- id: care.v.shokuji", "- id: n5.v.shokuji", "a vocab in content/care/ has an id starting care.v"),
    # graded on its course: N5 words, its own words in their kanji, nothing else
    (MODULE, "ja: 食事を手伝います。, en: I will", "ja: 食事を手伝って、くすりを飲みます。, en: I will",
     "module.care: dialogues.0.lines.0.ja: uses the kanji 飲 before it is taught in module.care"),
    (MODULE, "ja: 食事を手伝います。, en: I will", "ja: 食事をてつだって、ねこをみます。, en: I will",
     "module.care: dialogues.0.lines.0.ja: uses the word ねこ (猫), not taught by module.care"),
])
def test_module_problems(course, relative, old, new, expected):
    _edit(course, relative, old, new)
    problems = _problems(course)
    assert any(expected in p for p in problems), problems


@pytest.mark.parametrize("starter, expected", [
    ("true", []),
    ("false", ["content/modules/care/module.yaml:1: module.care: -: a module that is not a starter list needs "
               "dialogues, readings and at least 5 exercises (or starter: true)"]),
])
def test_a_starter_module_is_a_word_list_a_full_one_teaches(course, starter, expected):
    text = (course / MODULE).read_text(encoding="utf-8")
    head = text[:text.index("dialogues:")]
    (course / MODULE).write_text(head + f"starter: {starter}\n", encoding="utf-8")
    assert _problems(course) == expected


ITEMS = "items/n5/sample.yaml"


@pytest.mark.parametrize("old, new, expected", [
    ("options: [えいが, えいか, えが, ええが]\n  answer: \"0\"", "options: [えいが, えいか, えが, ええが]\n  answer: \"1\"",
     "item.n5.kanji-reading.eiga: answer: the engine reads 映画 as えいが; the key must be the one right option"),
    ("options: [食べます, 良べます, 飲べます, 食ます]", "options: [食べます, たべます, 飲べます, 食ます]",
     "item.n5.orthography.taberu: answer: the options the engine reads as たべます are ['食べます', 'たべます']"),
    ("stem: ともだちと＿映画＿を見ました。", "stem: ともだちと映画を見ました。",
     "item.n5.kanji-reading.eiga: stem: mark the word the question asks about between ＿ marks"),
    ("  passage: \"おんな：なにを かいますか。\\nおとこ：かばんを かいます。\"\n", "",
     "item.n5.task.kaban: -: passage: a task item needs its passage or script"),
    ("- id: item.n5.grammar-form.wa", "- id: item.n4.grammar-form.wa",
     "an item in content/items/n5/ has an id starting item.n5."),
    ("  answer: \"0\"\n  explanation: {en: は marks", "  answer: \"4\"\n  explanation: {en: は marks",
     "item.n5.grammar-form.wa: -: answer: 4 is not the index of an option (0 to 3)"),
    ("irt: {a: 1.2, b: -1.5, c: 0.2}", "irt: {a: 1.2, b: -1.5, c: 0.7}", "item.n5.grammar-form.wa: irt.c:"),
])
def test_item_problems(course, old, new, expected):
    _edit(course, ITEMS, old, new)
    problems = _problems(course)
    assert any(expected in p for p in problems), problems


@pytest.mark.parametrize("text, unknown", [
    ("国に帰って、", []),                        # 帰っ filed under 返る: still the taught 帰る
    ("待たされました。", []),                    # the short causative-passive, read as 待たす
    ("見つかりました。", []),                    # 見つける taught: 見つかる shares its stem
    ("ざいりゅうカードを見せて", []),            # a taught word in hiragana and katakana
    ("びっくりしました。", []),                  # the first part of びっくりする
    ("犬を見つけた", ["犬"]),                    # an untaught word is still caught
])
def test_forms_the_dictionary_files_elsewhere_count_as_the_taught_word(text, unknown):
    from app.curriculum.checks import Taught, _unknown_words

    taught = Taught(set(), set(), set())
    for word, reading, pos in [("帰る", "かえる", "verb"), ("待つ", "まつ", "verb"), ("見つける", "みつける", "verb"),
                               ("在留カード", "ざいりゅうかーど", "noun"), ("びっくりする", "びっくりする", "verb"),
                               ("見せる", "みせる", "verb"), ("国", "くに", "noun")]:
        taught.add_vocab(word, reading, pos)
    assert list(_unknown_words(text, taught, set())) == unknown
