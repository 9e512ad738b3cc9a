"""Context rules: words whose reading depends on their neighbours, one small function each.

A rule gets the morpheme (`At`) and the dictionary's reading, and returns the reading to use.
Rules are chosen by the word's spelling (CONTEXT_RULES), which keeps the common path a set lookup.
"""

from __future__ import annotations

from collections.abc import Callable

from app.japanese.kana import to_hiragana
from app.japanese.morphemes import CFORM, IFORM, KANA, POS1, POS2, POS3, At

Rule = Callable[[At, str], str]

PARTICLES = frozenset({"が", "を", "は", "に", "も", "の", "で", "と", "へ", "や", "から", "まで", "より"})
DEMONSTRATIVES = frozenset({"この", "その", "あの", "どの"})


def _surface(at: At | None) -> str:
    return at.surface if at is not None else ""


def _pos(at: At | None, index: int = POS1) -> str:
    return at.fields()[index] if at is not None else ""


# 何 is なん before t, d and n sounds (なんで, なんと, なんの, なんだ) and ら (なんら), なに elsewhere
# (なにが, なにを, なにか); 何に keeps なに (なににする). Before a counter numbers.py reads it.
NAN_BEFORE = frozenset("たちつてとだぢづでどなにぬねのら")


def nani(at: At, dictionary: str) -> str:
    after = at.after()
    if after is None:
        return "なに"
    kana = to_hiragana(after.fields()[KANA] or after.surface)
    return "なん" if kana[:1] in NAN_BEFORE and kana != "に" else "なに"


def hito(at: At, dictionary: str) -> str:
    # The suffix 人 is にん after a verbal noun (管理人, 料理人), じん after other nouns (日本人,
    # アメリカ人, 社会人); after numbers numbers.py reads it.
    before = at.before()
    if before is None or dictionary not in ("にん", "じん") or _pos(before) not in ("名詞", "形状詞"):
        return dictionary
    return "にん" if _pos(before, POS3) == "サ変可能" else "じん"


# 中 is じゅう "throughout" after spans of time and places (一日中, 世界中), ちゅう "during" after
# activities (会議中, 午前中).
JUU_AFTER = frozenset({
    "日", "一日", "年", "一年", "晩", "一晩", "世界", "日本", "国", "家", "町", "村", "体", "部屋", "学校",
    "会社", "今日", "明日", "今年", "夜", "一生", "夏", "冬", "春", "秋", "休み", "週", "月", "町内", "家族",
})


def naka(at: At, dictionary: str) -> str:
    return "じゅう" if _surface(at.before()) in JUU_AFTER else dictionary


def sha(at: At, dictionary: str) -> str:
    # 者 after a quality is もの (臆病者, 卑怯者); after an activity しゃ (研究者).
    return "もの" if _pos(at.before(), POS3) == "形状詞可能" else dictionary


def mae(at: At, dictionary: str) -> str:
    # この前 このまえ "the other day", not the prefix ぜん of この|前参加.
    return "まえ" if _surface(at.before()) in DEMONSTRATIVES else dictionary


def tabi(at: At, dictionary: str) -> str:
    # 〜の度に "every time": たび (出勤の度に).
    return "たび" if _surface(at.before()) == "の" and _surface(at.after()) == "に" else dictionary


def kazu(at: At, dictionary: str) -> str:
    # 数 on its own before a particle is かず (数が減った); すう is for compounds (数百, 数学).
    alone = _pos(at.before()) not in ("名詞", "接頭辞")
    return "かず" if alone and _surface(at.after()) in PARTICLES else dictionary


def hou(at: At, dictionary: str) -> str:
    # 〜する方が (いい) compares: ほう. After a verb's stem 方 is "way of" (やり方 かた) and
    # before は it is often a person (興味のある方は かた), so only the comparison is changed.
    # あの方 / この方 are a person (かた), unless a comparison follows (この方が安い).
    if _surface(at.before()) in DEMONSTRATIVES and _surface(at.after()) != "が":
        return "かた"
    attributive = _pos(at.before(), CFORM).startswith(("連体形", "終止形"))
    return "ほう" if attributive and _surface(at.after()) == "が" else dictionary


def nado(at: At, dictionary: str) -> str:
    # 等 after a verb or adjective is など (迫る等); after nouns it may be とう (Ａ社等).
    return "など" if _pos(at.before()) in ("動詞", "助動詞", "形容詞") else dictionary


def iro(at: At, dictionary: str) -> str:
    # 色 after a noun names a colour: 琥珀色 こはくいろ, オレンジ色 おれんじいろ.
    before = at.before()
    return "いろ" if _pos(before) == "名詞" and _pos(before, POS2) != "数詞" else dictionary


def yameru(at: At, dictionary: str) -> str:
    # 止める with a deed as its object (〜のを止める, 〜のは止めて) is やめる "give up", not とめる.
    sentence, i = at.sentence, at.i
    deed = i >= 2 and sentence.surface(i - 1) in ("を", "は") and sentence.surface(i - 2) in ("の", "こと")
    return "や" + dictionary[1:] if deed and dictionary.startswith("と") else dictionary


def ma(at: At, dictionary: str) -> str:
    # いつの間に いつのまに "before one knew it", not いつのあいだに.
    sentence, i = at.sentence, at.i
    fixed = i >= 2 and sentence.surface(i - 1) == "の" and sentence.surface(i - 2) == "いつ"
    return "ま" if fixed else dictionary


def hoka(at: At, dictionary: str) -> str:
    # 他 is ほか "other" (他の人), but その他 is そのた "and so on".
    return "た" if _surface(at.before()) == "その" else "ほか"


def after_month(at: At) -> bool:
    """Whether a month comes just before: 四月|一日, 来月|の|一日, 毎月|一日 (a date, not a length)."""
    before = at.before()
    if before is not None and before.surface == "の":
        before = before.before()
    return before is not None and before.surface.endswith("月")


def after_degrees(at: At) -> bool:
    """Whether a number of degrees comes just before: 三十七度|八分, 37度|8分 (a temperature: 分 is a tenth)."""
    before = at.before()
    number = before.before() if before is not None and before.surface == "度" else None
    return number is not None and (number.surface.isdigit() or number.fields()[POS2] == "数詞")


def tsuitachi(at: At, dictionary: str) -> str:
    # 一日 taken as one word: ついたち on a date, いちにち (a day's length) otherwise.
    return dictionary if dictionary != "ついたち" or after_month(at) else "いちにち"


def ame(at: At, dictionary: str) -> str:
    # 雨 is う only inside compounds (雷雨); a 雨 that stands before a particle is あめ.
    after = at.after()
    return "あめ" if dictionary == "う" and (after is None or _pos(after) in ("助詞", "補助記号")) else dictionary


def gi(at: At, dictionary: str) -> str:
    # 着 after a noun naming an activity or a time is clothing, ぎ (作業着, 仕事着, 普段着); after a
    # place name or a number it is arrival or a count, ちゃく (東京着, 一着).
    before = at.before()
    if _pos(before, POS2) == "固有名詞":
        return "ちゃく"
    clothing = (_pos(before) == "名詞" and _pos(before, POS2) == "普通名詞" and _pos(before, POS3) != "助数詞可能")
    return "ぎ" if dictionary == "ちゃく" and clothing else dictionary


def nannin(at: At, dictionary: str) -> str:
    # 何人 taken as one word is なにじん "which nationality"; a learner almost always means なんにん
    # "how many people" (何人いますか), and 何人 before a counter-like use is read that way too.
    return "なんにん"


def tsuki(at: At, dictionary: str) -> str:
    # 月 after the native ひと, ふた (ひと月 "one month") is つき; after numbers numbers.py reads it.
    return "つき" if _surface(at.before()) in ("ひと", "ふた", "み", "いく") else dictionary


def nanji(at: At, dictionary: str) -> str:
    # 何時 is なんじ "what time" (UniDic: the old なんどき), いつ in 何時でも, 何時か.
    return "いつ" if _surface(at.after()) in ("でも", "か") else "なんじ"


def juubun(at: At, dictionary: str) -> str:
    # 十分 じゅうぶん "enough", but ten minutes (じゅっぷん) after あと, 約 … or before で, 後, 間 ….
    if _surface(at.before()) in TEN_MINUTES_BEFORE or _surface(at.after()) in TEN_MINUTES_AFTER:
        return "じゅっぷん"
    return dictionary


TEN_MINUTES_BEFORE = frozenset({"あと", "後", "約", "およそ", "毎", "最低", "最大", "たった"})
TEN_MINUTES_AFTER = frozenset({"で", "後", "前", "間", "ほど", "ぐらい", "くらい", "以内", "以上", "おき",
                               "ごと", "遅れ", "早く", "待っ", "待ち", "待つ", "歩い", "歩く", "かかる",
                               "かかり", "かかっ", "経っ", "休憩"})


def kome(at: At, dictionary: str) -> str:
    # 米 on its own before a particle is rice, こめ (米を作る); べい is America in compounds (日米).
    alone = _pos(at.before()) not in ("名詞", "接頭辞")
    return "こめ" if alone and dictionary == "べい" and _surface(at.after()) in PARTICLES else dictionary


def hiraku(at: At, dictionary: str) -> str:
    # 開く: ひらく when something is opened (本を開く, 会議が開かれる), あく when it is open
    # (店が開いている, ドアが開いた). With no を before it in its clause and no passive after it,
    # the verb is intransitive.
    if not dictionary.startswith("ひら"):
        return dictionary
    if _surface(at.after()) in ("れる", "れ", "せる", "せ", "られる"):
        return dictionary
    sentence, i = at.sentence, at.i - 1
    while i >= 0 and sentence.surface(i) not in ("、", "。", "て", "が", "は", "も"):
        if sentence.surface(i) == "を":
            return dictionary
        i -= 1
    return "あ" + dictionary[2:]


# Food before 辛い makes it からい "spicy"; elsewhere UniDic's つらい "hard to bear" stands.
FOOD = frozenset({"カレー", "料理", "味", "ラーメン", "スープ", "ソース", "キムチ", "唐辛子", "食べ物", "物",
                  "ビリヤニ", "チキン", "肉", "魚", "麺", "ご飯", "飯", "汁", "味噌", "醤油", "塩", "胡椒",
                  "わさび", "からし"})


def karai(at: At, dictionary: str) -> str:
    sentence, i = at.sentence, at.i
    near = {sentence.surface(j) for j in range(max(0, i - 4), i)}
    return "から" + dictionary[2:] if dictionary.startswith("つら") and near & FOOD else dictionary


# 便 on its own is びん (a flight, a delivery: 次の便, この便で送る) but in care work it is stool, べん:
# 便が出ましたか, 便の色. A 便 that no word modifies, followed closely by one of these, is べん.
STOOL_NEAR = ("出", "色", "量", "状態", "回数", "硬", "かた", "柔らか", "やわらか", "形", "検査", "におい", "臭")


def ben(at: At, dictionary: str) -> str:
    before = at.before()
    if dictionary != "びん" or _surface(before) == "の" or _pos(before) in ("名詞", "連体詞", "接頭辞"):
        return dictionary
    sentence, i = at.sentence, at.i
    near = [sentence.surface(j) for j in range(i + 1, min(len(sentence), i + 4))]
    return "べん" if any(word.startswith(STOOL_NEAR) for word in near) else dictionary


# Words that take rendaku as the second part of a compound noun: (plain, voiced).
RENDAKU = {
    "日": ("ひ", "び"),              # 土曜日 どようび, 誕生日 たんじょうび
    "通り": ("とおり", "どおり"),     # 時間通り じかんどおり
    "作り": ("つくり", "づくり"),     # 資料作り しりょうづくり
    "付け": ("つけ", "づけ"),         # タグ付け たぐづけ
    "不足": ("ふそく", "ぶそく"),     # 運動不足 うんどうぶそく
    "時計": ("とけい", "どけい"),     # 腕時計 うでどけい
    "話": ("はなし", "ばなし"),       # 世間話 せけんばなし
    "会社": ("かいしゃ", "がいしゃ"), # 旅行会社 りょこうがいしゃ
    "日和": ("ひより", "びより"),     # 遠足日和 えんそくびより
    "寿司": ("すし", "ずし"),         # 回転寿司 かいてんずし
    "箱": ("はこ", "ばこ"),           # ゴミ箱 ごみばこ
    "玉": ("たま", "だま"),           # 百円玉 ひゃくえんだま, 目玉 めだま
    "袋": ("ふくろ", "ぶくろ"),       # レジ袋 れじぶくろ, 紙袋 かみぶくろ
}


def rendaku(at: At, dictionary: str) -> str:
    plain, voiced = RENDAKU[at.surface]
    before = at.before()
    compound = _pos(before) == "名詞" and _pos(before, POS2) != "数詞" and _surface(before) not in ("お", "ご")
    return voiced if dictionary == plain and compound else dictionary


CONTEXT_RULES: dict[str, Rule] = {
    "何": nani, "人": hito, "中": naka, "者": sha, "前": mae, "度": tabi, "数": kazu, "色": iro,
    "方": hou, "等": nado, "間": ma, "他": hoka, "何時": nanji, "十分": juubun, "米": kome,
    "一日": tsuitachi, "1日": tsuitachi, "雨": ame, "着": gi, "何人": nannin, "月": tsuki,
    "便": ben,
} | {word: rendaku for word in RENDAKU} \
  | {form: yameru for form in ("止め", "止める", "止めれ", "止めろ", "止めよ")} \
  | {form: hiraku for form in ("開か", "開き", "開く", "開け", "開こ", "開い")} \
  | {form: karai for form in ("辛い", "辛く", "辛かっ", "辛けれ", "辛さ")}

# A rendaku form (深い as ぶかい in 興味深い) that does not follow a word it could join.
VOICED_FORMS = frozenset({"濁音形", "半濁音形"})
_UNVOICE = str.maketrans("がぎぐげござじずぜぞだぢづでどばびぶべぼぱぴぷぺぽ",
                         "かきくけこさしすせそたちつてとはひふへほはひふへほ")


def unvoiced(at: At, reading: str) -> str:
    if at.fields()[IFORM] in VOICED_FORMS and _pos(at.before()) in ("", "助詞", "補助記号", "連体詞"):
        return reading[:1].translate(_UNVOICE) + reading[1:]
    return reading


def apply(at: At, reading: str) -> str:
    """The reading after every rule that concerns this morpheme."""
    fields = at.fields()
    if fields[IFORM] in VOICED_FORMS:
        reading = unvoiced(at, reading)
    rule = CONTEXT_RULES.get(at.surface)
    return rule(at, reading) if rule is not None else reading
