// Paying rent: with JavaScript, Stripe's embedded Checkout opens on our own page; without it, the plain form posts
// and the browser goes to Stripe's hosted page. Stripe.js is only loaded on the embedded checkout page. If Stripe.js
// is blocked, fails to load or does not show the form within a few seconds, the page offers Stripe's hosted page
// instead (the server closes the embedded session first, so only one can be paid).
(function () {
  "use strict";
  var form = document.querySelector("[data-pay-form]");
  if (form) {
    var embedded = form.querySelector("[data-embedded]");
    if (embedded) { embedded.value = "true"; }
  }

  var mount = document.getElementById("checkout");
  if (!mount) { return; }
  var fallback = document.querySelector("[data-checkout-fallback]");
  var loading = mount.querySelector("[data-checkout-loading]");
  var shown = false;
  function offerHostedPage() {
    if (shown) { return; }
    if (loading) { loading.textContent = "The secure payment form did not load."; }
    if (fallback) { fallback.hidden = false; }
  }

  var wait = parseInt(mount.getAttribute("data-fallback-after-ms"), 10) || 8000;
  var timer = window.setTimeout(offerHostedPage, wait);
  if (typeof window.Stripe !== "function") { window.clearTimeout(timer); offerHostedPage(); return; }
  try {
    var stripe = window.Stripe(mount.getAttribute("data-stripe-key"));
    var secret = mount.getAttribute("data-client-secret");
    var options = { fetchClientSecret: function () { return Promise.resolve(secret); } };
    var create = stripe.createEmbeddedCheckoutPage || stripe.initEmbeddedCheckout;
    Promise.resolve(create.call(stripe, options)).then(function (checkout) {
      checkout.mount(mount);
      var frame = mount.querySelector("iframe");
      if (frame) {
        frame.addEventListener("load", function () {
          shown = true;
          window.clearTimeout(timer);
          if (loading) { loading.remove(); }
        });
      }
    }).catch(function () { window.clearTimeout(timer); offerHostedPage(); });
  } catch (e) {
    window.clearTimeout(timer);
    offerHostedPage();
  }
})();
