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

    public bool IsConfigured => !string.IsNullOrWhiteSpace(SecretKey) && !string.IsNullOrWhiteSpace(PublishableKey);
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
