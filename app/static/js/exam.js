/* Kakehashi mock exam: each choice saved the moment it is made, and the section's clock shown.
 * The server keeps the time: at zero the page reloads and the server has closed the section.
 * Without this script the page still works: "Save my answers" and "Hand in" post the whole form. */
(function () {
  "use strict";
  var root = document.getElementById("exam");
  if (!root || !window.fetch) return;
  var words = {};
  Array.prototype.forEach.call(document.getElementById("exam-words").content.querySelectorAll("span"), function (s) {
    words[s.getAttribute("data-key")] = s.textContent;
  });
  var status = document.getElementById("saved");

  document.getElementById("exam-form").addEventListener("change", function (event) {
    var input = event.target;
    if (!input.matches("input[type=radio][data-response]")) return;
    fetch(root.getAttribute("data-answer"), {
      method: "POST", credentials: "same-origin",
      headers: {"Content-Type": "application/json", "Accept": "application/json",
                "X-CSRFToken": root.getAttribute("data-csrf")},
      body: JSON.stringify({response: Number(input.getAttribute("data-response")), choice: Number(input.value)})
    }).then(function (response) {
      if (response.status === 409) { window.location.reload(); return; }   // the section has closed
      status.textContent = response.ok ? words.saved : words.offline;
    }).catch(function () { status.textContent = words.offline; });
  });

  var ends = Date.now() + Number(root.getAttribute("data-seconds")) * 1000;
  var clock = document.getElementById("clock");
  function tick() {
    var left = Math.max(0, Math.round((ends - Date.now()) / 1000));
    clock.textContent = Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0");
    if (left <= 0) { window.location.reload(); return; }
    window.setTimeout(tick, 1000);
  }
  tick();
})();
