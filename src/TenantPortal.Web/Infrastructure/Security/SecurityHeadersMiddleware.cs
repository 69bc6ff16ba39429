namespace TenantPortal.Web.Infrastructure.Security;

/// <summary>Adds the security headers to every response. The content security policy allows no inline script; a page
/// that embeds Stripe Checkout asks for Stripe's origins with <see cref="AllowStripeCheckout"/>.</summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private const string StripeFlag = "tp:csp-stripe";

    public static void AllowStripeCheckout(HttpContext context) => context.Items[StripeFlag] = true;

    private const string Csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The pay pages only: the sources Stripe documents for Stripe.js and Checkout
    /// (docs.stripe.com/security/guide#content-security-policy).</summary>
    private const string StripeCsp = "default-src 'self'; "
        + "script-src 'self' https://js.stripe.com https://*.js.stripe.com https://checkout.stripe.com; "
        + "frame-src https://js.stripe.com https://*.js.stripe.com https://hooks.stripe.com https://checkout.stripe.com; "
        + "connect-src 'self' https://api.stripe.com https://checkout.stripe.com; "
        + "img-src 'self' data: https://*.stripe.com; style-src 'self'; object-src 'none'; base-uri 'self'; "
        + "form-action 'self' https://checkout.stripe.com; frame-ancestors 'none'";

    private const string Permissions = "camera=(self), geolocation=(), microphone=(), payment=()";

    /// <summary>The pay pages only: Apple Pay and Google Pay run inside Stripe's frames, which need the Payment
    /// Request API delegated to them.</summary>
    private const string StripePermissions = "camera=(), geolocation=(), microphone=(), payment=(self \"https://js.stripe.com\" \"https://checkout.stripe.com\")";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            var stripe = context.Items.ContainsKey(StripeFlag);
            headers.ContentSecurityPolicy = stripe ? StripeCsp : Csp;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.XFrameOptions = "DENY";
            headers["Permissions-Policy"] = stripe ? StripePermissions : Permissions;
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (!headers.ContainsKey("Cache-Control"))
            {
                // Pages carry personal data: never stored by shared caches. Static files set their own caching.
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
