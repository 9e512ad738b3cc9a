/* Kakehashi review: a round of cards marked in the page, answers kept until the server has them.
 *
 * Without this script the review is a plain form, one card per page. With it, the page carries a
 * round of cards (#batch), marks each answer at once (the server marks it again), keeps every
 * answer in localStorage until /practice/sync has recorded it, and goes on while the connection is
 * down. Each answer carries the review_id made for it when the page was built, so a resend after a
 * dropped connection is counted once. Plain JS, no dependencies; needs kana.js.
 */
(function () {
  "use strict";

  var root = document.getElementById("review");
  var batchNode = document.getElementById("batch");
  if (!root || !batchNode || !window.fetch || !window.JSON) return;

  var KEY = "kakehashi-pending";
  var batch = JSON.parse(batchNode.textContent);
  var words = {};
  Array.prototype.forEach.call(document.getElementById("words").content.querySelectorAll("span"), function (s) {
    words[s.getAttribute("data-key")] = s.textContent;
  });
  var form = document.getElementById("card-form");
  var $ = function (id) { return document.getElementById(id); };
  var index = 0, shownAt = Date.now(), lastAnswer = null, sending = false, memoryQueue = [];

  // --- the waiting answers, kept across page loads --------------------------------------------
  function load() {
    try { return JSON.parse(window.localStorage.getItem(KEY) || "[]"); } catch (e) { return memoryQueue; }
  }
  function save(queue) {
    memoryQueue = queue;
    try { window.localStorage.setItem(KEY, JSON.stringify(queue)); } catch (e) { /* private mode: memory only */ }
  }
  function enqueue(item) { var q = load(); q.push(item); save(q); flush(); }

  function flush() {
    var queue = load();
    if (sending || !queue.length) { return; }
    sending = true;
    var items = queue.slice(0, 50);
    fetch(root.getAttribute("data-sync"), {
      method: "POST", credentials: "same-origin",
      headers: {"Content-Type": "application/json", "Accept": "application/json",
                "X-CSRFToken": root.getAttribute("data-csrf")},
      body: JSON.stringify({answers: items})
    }).then(function (response) {
      if (!response.ok) { throw new Error("status " + response.status); }
      return response.json();
    }).then(function (data) {
      var done = {};
      data.results.forEach(function (r) { if (r.review_id) { done[r.review_id + (r.override ? "!" : "")] = true; } });
      save(load().filter(function (item) { return !done[item.review_id + (item.override ? "!" : "")]; }));
      $("net").hidden = true;
      sending = false;
      if (load().length) { flush(); } else if (finished) { next(); }
    }).catch(function () {
      sending = false;
      $("net").hidden = false;                 // kept; tried again below and when back online
      window.setTimeout(flush, 5000);
    });
  }
  window.addEventListener("online", flush);

  // --- marking, as app/practice/cards.py marks ------------------------------------------------
  function toHiragana(text) {
    return text.replace(/[\u30a1-\u30f6]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0x60); });
  }
  function asKana(text) {
    text = (text.normalize ? text.normalize("NFKC") : text).trim().replace(/[ \u3000]/g, "");
    return toHiragana(window.kanaFromRomaji(text.toLowerCase()));
  }
  function isRight(card, answer) {
    var given = answer.trim();
    if (card.mode === "choice") { return card.accepted.indexOf(given) >= 0; }
    return given !== "" && (card.accepted.indexOf(asKana(given)) >= 0 || card.accepted.indexOf(given) >= 0);
  }

  // --- showing a card ---------------------------------------------------------------------------
  function prompt(card) {
    if (card.kind === "cloze") { return words[card.mode === "typed" ? "cloze-typed" : "cloze-choice"]; }
    return words[card.kind];
  }

  function show(card) {
    $("left").textContent = String(batch.length - index);
    $("prompt").textContent = prompt(card);
    var ja = $("ja");
    if (card.ja_html) { ja.innerHTML = card.ja; } else { ja.textContent = card.ja; }   // ruby_html: escaped
    ja.hidden = !card.ja;
    $("text").textContent = card.text || "";
    $("text").hidden = !card.text;
    var listening = card.kind === "listening" && card.audio;
    $("listen").hidden = !listening;
    if (listening) {
      $("listen-play").href = card.audio;
      play(card.audio, $("listen-play"));      // after a tap on Next the browser lets it play
    }
    var area = $("answer-area");
    area.textContent = "";
    if (card.mode === "choice") {
      var box = document.createElement("div");
      box.className = "choices";
      card.options.forEach(function (option) {
        var b = document.createElement("button");
        b.type = "button";
        b.className = "choice";
        b.textContent = option;
        b.addEventListener("click", function () { answer(option); });
        box.appendChild(b);
      });
      area.appendChild(box);
    } else {
      var input = document.createElement("input");
      input.className = "typed";
      input.id = "answer";
      input.setAttribute("lang", "ja");
      input.setAttribute("autocapitalize", "off");
      input.setAttribute("spellcheck", "false");
      input.setAttribute("aria-label", words.answer);
      input.maxLength = 200;
      var check = document.createElement("button");
      check.className = "button primary";
      check.textContent = words.check;
      area.appendChild(input);
      area.appendChild(check);
      input.focus();
    }
    form.hidden = false;
    $("feedback").hidden = true;
    shownAt = Date.now();
  }

  function play(url, link) {
    if (!window.Audio) { return; }
    var sound = new Audio(url);
    link.classList.add("playing");
    sound.addEventListener("ended", function () { link.classList.remove("playing"); });
    sound.play().catch(function () { link.classList.remove("playing"); });   // blocked: the learner taps
  }

  function answer(given) {
    var card = batch[index];
    var right = isRight(card, given);
    lastAnswer = {card: card, right: right};
    enqueue({card_id: card.card_id, review_id: card.review_id, answer: given,
             elapsed_ms: Math.min(Date.now() - shownAt, 3600000)});
    form.hidden = true;
    $("verdict").textContent = right ? words.right : words.wrong;
    $("feedback").className = "feedback " + (right ? "right" : "wrong");
    $("expected").hidden = right || card.mode === "choice";   // a choice: the line below says it
    $("expected-text").textContent = card.expected;
    $("about-ja").textContent = card.about.ja;
    $("about-meaning").textContent = card.about.meaning;
    $("override").hidden = right || card.mode !== "typed";
    $("about-play").hidden = !card.audio;
    if (card.audio) { $("about-play").href = card.audio; }
    $("feedback").hidden = false;
    $("next").focus();
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var input = $("answer");
    var submitter = event.submitter;
    if (input) { answer(input.value); } else if (submitter && submitter.value) { answer(submitter.value); }
  });

  $("override").addEventListener("click", function () {
    if (!lastAnswer) { return; }
    enqueue({review_id: lastAnswer.card.review_id, override: true});
    $("override").hidden = true;
    $("verdict").textContent = words.right;
    $("feedback").className = "feedback right";
  });

  var finished = false;
  function next() {
    index += 1;
    if (index < batch.length) { show(batch[index]); return; }
    finished = true;
    form.hidden = true;
    $("feedback").hidden = true;
    if (load().length) {                       // the round ends once the server has every answer
      $("left").textContent = "0";
      $("net").hidden = false;
      $("net").textContent = navigator.onLine === false ? words.waiting : words.sending;
      flush();
      return;
    }
    window.location.assign(root.getAttribute("data-next"));
  }
  $("next").addEventListener("click", next);

  show(batch[0]);
  flush();                                     // answers left waiting by an earlier page
})();
