/* Kakehashi: type kana in romaji without a Japanese keyboard.
 *
 * kanaFromRomaji("konnichiha") → "こんにちは"; kanaFromRomaji("KOHI-", {katakanaForUpper: true}) → "コヒー".
 * The twin of kana_from_romaji in app/japanese/kana.py: both are held to the same table,
 * tests/japanese/kana_table.json, so change them together. Plain JS, no dependencies.
 */
(function (root) {
  "use strict";

  var ROMAJI_TO_KANA = {
    "-": "ー", "a": "あ", "ba": "ば", "be": "べ", "bi": "び", "bo": "ぼ", "bu": "ぶ", "bya": "びゃ",
    "byo": "びょ", "byu": "びゅ", "cha": "ちゃ", "che": "ちぇ", "chi": "ち", "cho": "ちょ", "chu": "ちゅ", "cya": "ちゃ",
    "cyo": "ちょ", "cyu": "ちゅ", "da": "だ", "de": "で", "dhi": "でぃ", "di": "ぢ", "do": "ど", "du": "づ",
    "dwu": "どぅ", "dya": "ぢゃ", "dyo": "ぢょ", "dyu": "ぢゅ", "e": "え", "fa": "ふぁ", "fe": "ふぇ", "fi": "ふぃ",
    "fo": "ふぉ", "fu": "ふ", "fyu": "ふゅ", "ga": "が", "ge": "げ", "gi": "ぎ", "go": "ご", "gu": "ぐ",
    "gya": "ぎゃ", "gyo": "ぎょ", "gyu": "ぎゅ", "ha": "は", "he": "へ", "hi": "ひ", "ho": "ほ", "hu": "ふ",
    "hya": "ひゃ", "hyo": "ひょ", "hyu": "ひゅ", "i": "い", "ja": "じゃ", "je": "じぇ", "ji": "じ", "jo": "じょ",
    "ju": "じゅ", "jya": "じゃ", "jyo": "じょ", "jyu": "じゅ", "ka": "か", "ke": "け", "ki": "き", "ko": "こ",
    "ku": "く", "kya": "きゃ", "kyo": "きょ", "kyu": "きゅ", "la": "ら", "le": "れ", "li": "り", "lo": "ろ",
    "ltsu": "っ", "ltu": "っ", "lu": "る", "lya": "ゃ", "lyo": "ょ", "lyu": "ゅ", "ma": "ま", "me": "め",
    "mi": "み", "mo": "も", "mu": "む", "mya": "みゃ", "myo": "みょ", "myu": "みゅ", "na": "な", "ne": "ね",
    "ni": "に", "no": "の", "nu": "ぬ", "nya": "にゃ", "nyo": "にょ", "nyu": "にゅ", "o": "お", "pa": "ぱ",
    "pe": "ぺ", "pi": "ぴ", "po": "ぽ", "pu": "ぷ", "pya": "ぴゃ", "pyo": "ぴょ", "pyu": "ぴゅ", "ra": "ら",
    "re": "れ", "ri": "り", "ro": "ろ", "ru": "る", "rya": "りゃ", "ryo": "りょ", "ryu": "りゅ", "sa": "さ",
    "se": "せ", "sha": "しゃ", "she": "しぇ", "shi": "し", "sho": "しょ", "shu": "しゅ", "si": "し", "so": "そ",
    "su": "す", "sya": "しゃ", "syo": "しょ", "syu": "しゅ", "ta": "た", "te": "て", "thi": "てぃ", "ti": "ち",
    "to": "と", "tsa": "つぁ", "tse": "つぇ", "tso": "つぉ", "tsu": "つ", "tu": "つ", "twu": "とぅ", "tya": "ちゃ",
    "tyo": "ちょ", "tyu": "ちゅ", "u": "う", "va": "ゔぁ", "ve": "ゔぇ", "vi": "ゔぃ", "vo": "ゔぉ", "vu": "ゔ",
    "wa": "わ", "we": "うぇ", "wi": "うぃ", "wo": "を", "xa": "ぁ", "xe": "ぇ", "xi": "ぃ", "xn": "ん",
    "xo": "ぉ", "xtsu": "っ", "xtu": "っ", "xu": "ぅ", "xwa": "ゎ", "xya": "ゃ", "xyo": "ょ", "xyu": "ゅ",
    "ya": "や", "ye": "いぇ", "yo": "よ", "yu": "ゆ", "za": "ざ", "ze": "ぜ", "zi": "じ", "zo": "ぞ",
    "zu": "ず", "zya": "じゃ", "zyo": "じょ", "zyu": "じゅ",  };
  var LONGEST = 4;
  var VOWELS = "aiueo";

  function toKatakana(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var code = text.charCodeAt(i);
      // Hiragana ぁ..ゖ and ゝゞ sit exactly 0x60 below their katakana.
      out += (code >= 0x3041 && code <= 0x3096) || code === 0x309d || code === 0x309e
        ? String.fromCharCode(code + 0x60) : text.charAt(i);
    }
    return out;
  }

  function isAsciiLetter(c) {
    return c >= "a" && c <= "z";
  }

  function isUpper(text) {
    return text.toUpperCase() === text && text.toLowerCase() !== text;
  }

  // The kana for the romaji starting at text[i], and how many characters it used.
  function nextKana(text, i) {
    var low = text.slice(i, i + LONGEST + 1).toLowerCase();
    var padded = low + "  ";
    var first = padded.charAt(0), second = padded.charAt(1), third = padded.charAt(2);
    if (first === "n" && (VOWELS + "y").indexOf(second) < 0) {
      if (second === "'") return ["ん", 2];                     // n' spells ん before a vowel
      if (second === "n" && (VOWELS + "y").indexOf(third) < 0) return ["ん", 2];   // nn
      return ["ん", 1];                          // n before a consonant, at the end, or onna
    }
    if (isAsciiLetter(first) && VOWELS.indexOf(first) < 0 && second === first) {
      return ["っ", 1];                                         // a doubled consonant: kka
    }
    if (low.slice(0, 3) === "tch") return ["っ", 1];             // Hepburn's matcha
    for (var size = LONGEST; size > 0; size--) {
      var key = low.slice(0, size);
      if (key.length === size && Object.prototype.hasOwnProperty.call(ROMAJI_TO_KANA, key)) {
        return [ROMAJI_TO_KANA[key], size];
      }
    }
    return [text.charAt(i), 1];
  }

  function kanaFromRomaji(text, options) {
    var katakanaForUpper = !!(options && options.katakanaForUpper);
    var out = "";
    var i = 0;
    text = String(text);
    while (i < text.length) {
      var found = nextKana(text, i);
      var kana = found[0], used = found[1];
      if (katakanaForUpper && isUpper(text.slice(i, i + used))) kana = toKatakana(kana);
      out += kana;
      i += used;
    }
    return out;
  }

  root.kanaFromRomaji = kanaFromRomaji;
  if (typeof module !== "undefined" && module.exports) module.exports = { kanaFromRomaji: kanaFromRomaji };
})(typeof window !== "undefined" ? window : this);
