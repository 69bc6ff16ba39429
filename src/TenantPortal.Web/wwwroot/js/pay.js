// Paying rent: with JavaScript, Stripe's embedded Checkout opens on our own page; without it, the plain form posts
// and the browser goes to Stripe's hosted page. Stripe.js is only loaded on the embedded checkout page.
(function () {
  "use strict";
  var form = document.querySelector("[data-pay-form]");
  if (form) {
    var embedded = form.querySelector("[data-embedded]");
    if (embedded) { embedded.value = "true"; }
  }

  var mount = document.getElementById("checkout");
  if (!mount || typeof window.Stripe !== "function") { return; }
  var stripe = window.Stripe(mount.getAttribute("data-stripe-key"));
  var secret = mount.getAttribute("data-client-secret");
  var options = { fetchClientSecret: function () { return Promise.resolve(secret); } };
  var create = stripe.createEmbeddedCheckoutPage || stripe.initEmbeddedCheckout;
  Promise.resolve(create.call(stripe, options)).then(function (checkout) {
    var loading = mount.querySelector("[data-checkout-loading]");
    if (loading) { loading.remove(); }
    checkout.mount(mount);
  });
})();
