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
// Two minutes before the 30-minute idle sign-out, say so and offer to stay signed in (GOV.UK timeout warning).
(function () {
  "use strict";
  function meta(name) { var m = document.querySelector("meta[name=" + name + "]"); return m ? parseInt(m.getAttribute("content"), 10) : 0; }
  var seconds = meta("session-seconds");
  var signOut = document.querySelector(".site-header__signout");
  if (!seconds || !signOut) { return; }
  var warnAt = Math.max(0, seconds - 120) * 1000;
  var dialog;
  function hide() { if (dialog) { dialog.parentNode.removeChild(dialog); dialog = null; } }
  function show() {
    dialog = document.createElement("div");
    dialog.className = "session-warning";
    dialog.setAttribute("role", "alertdialog");
    dialog.setAttribute("aria-labelledby", "session-warning-title");
    dialog.setAttribute("aria-describedby", "session-warning-text");
    dialog.innerHTML = '<h2 id="session-warning-title">You will be signed out soon</h2>' +
      '<p id="session-warning-text">We will sign you out in 2 minutes to keep your account safe. Anything you have saved will not be lost.</p>' +
      '<button type="button" class="button">Stay signed in</button>';
    document.body.appendChild(dialog);
    var button = dialog.querySelector("button");
    button.addEventListener("click", function () {
      var token = signOut.querySelector("input[name=__RequestVerificationToken]");
      var body = new URLSearchParams();
      if (token) { body.append("__RequestVerificationToken", token.value); }
      fetch(signOut.getAttribute("action").replace(/sign-out$/, "keep-alive"), { method: "POST", body: body, credentials: "same-origin" })
        .then(function (r) { if (r.ok) { hide(); schedule((meta("session-window") || 1800) * 1000 - 120000); } });
    });
    button.focus();
  }
  function schedule(ms) { setTimeout(show, ms); }
  schedule(warnAt);
})();
// Text being typed is kept in this tab (sessionStorage, never sent anywhere) so a sign-out in the middle of it loses
// nothing: it is put back when the tenant returns to the same page after signing in again, and forgotten once the form
// has been sent successfully or the tenant signs out.
(function () {
  "use strict";
  if (!window.sessionStorage) { return; }
  var prefix = "tp-draft:";
  var here = location.pathname;
  var pending = sessionStorage.getItem(prefix + "pending");
  function forget(path) {
    for (var i = sessionStorage.length - 1; i >= 0; i--) {
      var key = sessionStorage.key(i);
      if (key && key.indexOf(prefix + path + "|") === 0) { sessionStorage.removeItem(key); }
    }
  }
  if (pending && pending !== here && here.indexOf("/account/sign-in") !== 0) {
    forget(pending);
    sessionStorage.removeItem(prefix + "pending");
  }
  var fields = document.querySelectorAll("main form textarea, main form input[type=text]");
  var restored = false;
  for (var i = 0; i < fields.length; i++) {
    (function (field) {
      if (!field.name) { return; }
      var key = prefix + here + "|" + field.name;
      var kept = sessionStorage.getItem(key);
      if (kept && !field.value) { field.value = kept; restored = true; }
      field.addEventListener("input", function () { sessionStorage.setItem(key, field.value); });
    })(fields[i]);
  }
  if (restored) {
    var note = document.createElement("p");
    note.className = "notice";
    note.setAttribute("role", "status");
    note.textContent = "We kept what you were typing before you were signed out.";
    var heading = document.querySelector("main h1");
    if (heading) { heading.parentNode.insertBefore(note, heading.nextSibling); }
  }
  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (form.classList.contains("site-header__signout")) {
      for (var j = sessionStorage.length - 1; j >= 0; j--) {
        var key = sessionStorage.key(j);
        if (key && key.indexOf(prefix) === 0) { sessionStorage.removeItem(key); }
      }
      return;
    }
    sessionStorage.setItem(prefix + "pending", here);
  }, true);
})();
