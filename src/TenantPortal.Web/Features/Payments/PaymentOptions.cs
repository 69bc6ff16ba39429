namespace TenantPortal.Web.Features.Payments;

/// <summary>Stripe settings (section "Stripe"). Keys come from the environment or a secret store, never appsettings.json.</summary>
public sealed class StripeOptions
{
    public const string Section = "Stripe";

    public string? SecretKey { get; set; }
    public string? PublishableKey { get; set; }
    public string? WebhookSecret { get; set; }

    /// <summary>Offer Bacs Direct Debit as well as card (the landlord must enable it in Stripe first).</summary>
    public bool EnableBacsDebit { get; set; }

    /// <summary>How long one call to Stripe may take before it is retried (twice, same idempotency key) and then
    /// given up: a tenant on a phone is waiting.</summary>
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>Set to true only on a Production-like test environment (staging): then test keys are accepted there.
    /// Without it Production refuses test keys, which would let a test card mark real rent as paid.</summary>
    public bool TestEnvironment { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(SecretKey) && !string.IsNullOrWhiteSpace(PublishableKey);

    /// <summary>Live keys (sk_live_/rk_live_): only live objects and events are accepted; test keys: only test ones.</summary>
    public bool IsLiveMode => SecretKey is not null && (SecretKey.StartsWith("sk_live_", StringComparison.Ordinal) || SecretKey.StartsWith("rk_live_", StringComparison.Ordinal));

    /// <summary>What is wrong with the keys, one clear message each (never the key values). Checked at start-up.</summary>
    public IEnumerable<string> Problems(bool production)
    {
        var secret = SecretKey?.Trim();
        var publishable = PublishableKey?.Trim();
        var webhook = WebhookSecret?.Trim();
        if (string.IsNullOrEmpty(secret) && string.IsNullOrEmpty(publishable) && string.IsNullOrEmpty(webhook))
        {
            yield break;
        }

        string? secretMode = null, publishableMode = null;
        if (string.IsNullOrEmpty(secret))
        {
            yield return "Stripe:SecretKey is missing while other Stripe settings are set: set the secret key (sk_live_... or a restricted rk_live_...) or remove the Stripe settings.";
        }
        else if (KeyMode(secret, "sk_", "rk_") is { } mode)
        {
            secretMode = mode;
        }
        else
        {
            yield return "Stripe:SecretKey does not look like a Stripe secret key: it must start with sk_live_, sk_test_, rk_live_ or rk_test_ (a publishable pk_ key or a webhook whsec_ secret in the wrong setting?).";
        }

        if (string.IsNullOrEmpty(publishable))
        {
            yield return "Stripe:PublishableKey is missing while Stripe:SecretKey is set: set the publishable key (pk_live_... or pk_test_...).";
        }
        else if (KeyMode(publishable, "pk_") is { } mode)
        {
            publishableMode = mode;
        }
        else
        {
            yield return "Stripe:PublishableKey does not look like a Stripe publishable key: it must start with pk_live_ or pk_test_.";
        }

        if (!string.IsNullOrEmpty(webhook) && !webhook.StartsWith("whsec_", StringComparison.Ordinal))
        {
            yield return "Stripe:WebhookSecret does not look like a webhook signing secret: it must start with whsec_ (Developers, Webhooks, the endpoint's signing secret).";
        }

        if (secretMode is not null && publishableMode is not null && secretMode != publishableMode)
        {
            yield return $"Stripe:SecretKey is a {secretMode} key but Stripe:PublishableKey is a {publishableMode} key: both must be test keys or both live keys.";
        }

        if (production && !TestEnvironment && (secretMode == "test" || publishableMode == "test"))
        {
            yield return "Stripe test keys are set in Production: a test card would mark real rent as paid. Use live keys, or set Stripe:TestEnvironment to true if this really is a test environment.";
        }
    }

    private static string? KeyMode(string key, params string[] prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (key.StartsWith(prefix + "live_", StringComparison.Ordinal) && key.Length > prefix.Length + 5)
            {
                return "live";
            }

            if (key.StartsWith(prefix + "test_", StringComparison.Ordinal) && key.Length > prefix.Length + 5)
            {
                return "test";
            }
        }

        return null;
    }
}

/// <summary>How online payment works on this instance.</summary>
public enum PaymentMode
{
    /// <summary>Stripe keys are configured.</summary>
    Stripe,

    /// <summary>Development without Stripe keys: the local "test payments" page stands in for Stripe.</summary>
    TestGateway,

    /// <summary>No keys outside Development: the pay page gives the phone number instead.</summary>
    Unavailable,
}

/// <summary>Reconciliation timing (section "Payments").</summary>
public sealed class PaymentTimingOptions
{
    public const string Section = "Payments";

    /// <summary>How long an attempt may stay open or pending before reconciliation asks Stripe about it.</summary>
    public TimeSpan ReconcileAfter { get; set; } = TimeSpan.FromMinutes(30);

    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Turn off the background reconciliation loop (tests run it by hand).</summary>
    public bool RunReconciliation { get; set; } = true;
}
