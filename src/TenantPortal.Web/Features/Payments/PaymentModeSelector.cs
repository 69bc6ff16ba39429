using Microsoft.Extensions.Options;
using TenantPortal.Web.Data.Portal;

namespace TenantPortal.Web.Features.Payments;

/// <summary>Decides once, at start-up, how online payment works here, and logs why (never the keys themselves).</summary>
public sealed class PaymentModeSelector
{
    public PaymentModeSelector(IOptions<StripeOptions> options, IHostEnvironment environment, ILogger<PaymentModeSelector> logger)
    {
        var stripe = options.Value;
        if (stripe.IsConfigured)
        {
            Mode = PaymentMode.Stripe;
            if (string.IsNullOrWhiteSpace(stripe.WebhookSecret))
            {
                logger.LogError("Stripe:WebhookSecret is not set: Stripe's notifications will be refused, and payments will only be confirmed by the return page and reconciliation");
            }
        }
        else if (environment.IsDevelopment())
        {
            Mode = PaymentMode.TestGateway;
            logger.LogWarning("Stripe:SecretKey or Stripe:PublishableKey is not set: using the Development test payment gateway (no real money)");
        }
        else
        {
            Mode = PaymentMode.Unavailable;
            logger.LogError("Online rent payment is unavailable: Stripe:SecretKey and Stripe:PublishableKey must both be set");
        }

        PublishableKey = stripe.PublishableKey;
    }

    public PaymentMode Mode { get; }
    public string? PublishableKey { get; }

    public PaymentProvider Provider => Mode == PaymentMode.Stripe ? PaymentProvider.Stripe : PaymentProvider.TestGateway;
}

/// <summary>The gateway for an attempt: by the provider the attempt was started with.</summary>
public sealed class PaymentGateways(IServiceProvider services, PaymentModeSelector selector)
{
    public IPaymentGateway Current => For(selector.Provider);

    public IPaymentGateway For(PaymentProvider provider) => provider == PaymentProvider.Stripe
        ? services.GetRequiredService<StripePaymentGateway>()
        : services.GetRequiredService<TestPaymentGateway>();
}
