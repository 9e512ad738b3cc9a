/* Kakehashi: play a[data-audio] links in the page instead of opening the file. Plain JS. */
(function () {
  "use strict";
  var current = null;
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[data-audio]") : null;
    if (!link || !window.Audio) return;
    event.preventDefault();
    if (current) { current.pause(); }
    current = new Audio(link.href);
    link.classList.add("playing");
    current.addEventListener("ended", function () { link.classList.remove("playing"); });
    current.addEventListener("error", function () { link.classList.remove("playing"); });
    current.play().catch(function () { link.classList.remove("playing"); });
  });
})();
