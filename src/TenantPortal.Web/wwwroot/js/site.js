// Enhancements only: every journey works without this file.
(function () {
  "use strict";
  var summary = document.querySelector("[data-focus-on-load]");
  if (summary) { summary.focus(); }
  // One tap, one submission: a form cannot be sent twice while the first is on its way.
  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (form.dataset.submitting) { e.preventDefault(); return; }
    form.dataset.submitting = "true";
    var buttons = form.querySelectorAll("button[type=submit]");
    for (var i = 0; i < buttons.length; i++) { buttons[i].setAttribute("aria-disabled", "true"); }
  });
})();
// Character count (GOV.UK pattern): the limit is in the hint for everyone; with script the hint counts down as the
// user types, in a polite live region, and says how many characters too many. Nothing is ever cut off.
(function () {
  "use strict";
  var fields = document.querySelectorAll("[data-character-count]");
  for (var i = 0; i < fields.length; i++) {
    (function (field) {
      var limit = parseInt(field.getAttribute("data-character-count"), 10);
      var box = field.querySelector("textarea");
      var hint = field.querySelector(".character-count__limit");
      if (!box || !hint || !limit) { return; }
      var status = document.createElement("div");
      status.className = "hint character-count__status";
      status.setAttribute("aria-live", "polite");
      hint.classList.add("visually-hidden");
      hint.parentNode.insertBefore(status, box.nextSibling);
      var timer;
      function words(n) { return n.toLocaleString("en-GB") + (n === 1 ? " character" : " characters"); }
      function update() {
        var left = limit - box.value.length;
        status.textContent = left >= 0 ? "You have " + words(left) + " remaining" : "You have " + words(-left) + " too many";
        status.classList.toggle("character-count__status--over", left < 0);
        box.classList.toggle("input--error", left < 0 || field.classList.contains("field--error"));
      }
      box.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(update, 250); });
      update();
    })(fields[i]);
  }
})();
